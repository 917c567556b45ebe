/**
 * The written samples as a clerk makes them: `kaohe check <sample> --out <file>` (the CLI as
 * shipped, built when missing or older than the sources), the sample copied into a temporary folder first so that the folder
 * is a path the printout must not show.
 */
import { execFileSync } from "node:child_process";
import { buildSync } from "esbuild";
import { copyFileSync, existsSync, readFileSync, readdirSync, renameSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { tempDir } from "../helpers/xlsx";

export const ROOT = resolve(__dirname, "../..");
export const SAMPLES = [
  { key: "wuhai", file: "wuhai-2017-sample.xlsx" },
  { key: "genhe", file: "genhe-township-sample.xlsx" },
] as const;

export interface Written {
  key: string;
  /** The sample as given to the CLI (absolute path inside `dir`). */
  input: string;
  /** The written workbook. */
  out: string;
  bytes: Uint8Array;
}

/** The newest modification time of the sources under a folder. */
function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Builds build/cli.cjs when it is missing or older than the sources (the printout shows the code under test). */
export function ensureCli(): string {
  const cli = join(ROOT, "build", "cli.cjs");
  if (!existsSync(cli) || statSync(cli).mtimeMs < newest(join(ROOT, "src"))) {
    // As `npm run build:cli` builds it, into a file of this process renamed into place: test files
    // running side by side never run a half-written bundle.
    const tmp = `${cli}.${process.pid}.tmp`;
    buildSync({ entryPoints: [join(ROOT, "src", "cli", "main.ts")], bundle: true, platform: "node", target: "node20", packages: "external", outfile: tmp, logLevel: "warning" });
    renameSync(tmp, cli);
  }
  return join(ROOT, "bin", "kaohe.cjs");
}

/** Writes back both samples with the CLI into a fresh temporary folder. */
export function writeSamples(dir = tempDir()): { dir: string; written: Written[] } {
  const bin = ensureCli();
  const written = SAMPLES.map(({ key, file }) => {
    const input = join(dir, file);
    copyFileSync(join(ROOT, "templates", "samples", file), input);
    const out = join(dir, `${key}.xlsx`);
    // The samples hold deliberate errors: the CLI exits 1 then, and still writes the workbook.
    try {
      execFileSync(process.execPath, [bin, "check", input, "--out", out], { cwd: dir, stdio: "pipe", timeout: 120000 });
    } catch (e) {
      if ((e as { status?: number }).status !== 1) throw e;
    }
    return { key, input, out, bytes: new Uint8Array(readFileSync(out)) };
  });
  return { dir, written };
}
