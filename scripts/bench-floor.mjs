// Benchmark: the floor of `check --out`. For the generated 5,000- and 100,000-row score sheets of
// scripts/bench.mjs, each run (a fresh Node process, scripts/bench-floor.ts) times what
// `check --json` does, then the least any writer must do to give the scored sheet the cells the
// real write-back plans (formulas with cached values, validations, conditional formats): the
// original bytes copied in ranges, the cells appended, the part deflated at the fastest level;
// no planning, styles, notes or result sheet. Prints the medians and (check + floor) / check,
// the ratio no real `check --out` can beat on this machine, beside the issue's target of 1.2×.
// Run alone: node scripts/bench-floor.mjs   (npm run bench runs it last)   BENCH_RUNS, BENCH_SIZES as in bench.mjs.
import { createRequire } from "node:module";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { scoreSheetWorkbook } from "./bench-sheet.mjs";

const require = createRequire(import.meta.url);
const ROOT = resolve(import.meta.dirname ?? new URL(".", import.meta.url).pathname, "..");
const { buildSync } = require("esbuild");

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SIZES = (process.env.BENCH_SIZES ?? "5000,100000").split(",").map(Number);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const dir = mkdtempSync(join(tmpdir(), "kaohe-floor-"));
try {
  // in build/, so that its packages resolve from node_modules
  const side = join(ROOT, "build/bench-floor.cjs");
  buildSync({ entryPoints: [join(ROOT, "scripts/bench-floor.ts")], bundle: true, platform: "node", target: "node20", format: "cjs", packages: "external", outfile: side, logLevel: "warning" });
  console.log(`check --out floor (CPU time, median of ${RUNS} runs, each in a fresh process):`);
  console.log(`${"rows".padStart(8)}  ${"check --json".padStart(12)}  ${"least write".padStart(12)}  ${"floor/check".padStart(11)}`);
  for (const rows of SIZES) {
    const file = join(dir, `bench-${rows}.xlsx`);
    await scoreSheetWorkbook(rows).xlsx.writeFile(file);
    const check = [];
    const floor = [];
    for (let i = 0; i <= RUNS; i++) {
      const r = spawnSync(process.execPath, ["--expose-gc", side, file], { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 20 });
      if (r.status !== 0) throw new Error(`floor side: exit ${r.status}\n${r.stderr}`);
      if (i === 0) continue; // warms the file cache
      const m = JSON.parse(r.stdout);
      check.push(m.check);
      floor.push(m.floor);
    }
    const c = median(check);
    const f = median(floor);
    console.log(`${String(rows).padStart(8)}  ${`${c.toFixed(0)} ms`.padStart(12)}  ${`${f.toFixed(0)} ms`.padStart(12)}  ${`${((c + f) / c).toFixed(2)}×`.padStart(11)}`);
  }
  console.log("target of issue #9: check --out ≤ 1.20× check --json (a real --out also plans, styles, notes and writes 核算结果)");
} finally {
  rmSync(dir, { recursive: true, force: true });
}
