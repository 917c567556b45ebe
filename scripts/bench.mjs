// Benchmark: `kaohe check --json` against a bare exceljs load of the same file (the reader the
// CLI used before the package-level one), and `check --out` against `check --json`, on generated
// 5,000- and 100,000-row score sheets. Each measurement is a fresh Node process reporting its own
// CPU time (user + system); the three sides run interleaved (A/B/C, B/C/A, …) so that the load of
// a shared machine falls on all of them alike. Prints medians and ratios against the targets
// (check ≤ 0.6× exceljs, --out ≤ 1.2× check); then the rule-text parser on 50,000-character
// texts (it must stay linear: well under a second).
// Run: npm run bench (builds the CLI first).  BENCH_RUNS=7 BENCH_SIZES=5000,20000 to vary.
import { createRequire } from "node:module";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { scoreSheetWorkbook } from "./bench-sheet.mjs";

const require = createRequire(import.meta.url);
const ROOT = resolve(import.meta.dirname ?? new URL(".", import.meta.url).pathname, "..");
const { buildSync } = require("esbuild");

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SIZES = (process.env.BENCH_SIZES ?? "5000,100000").split(",").map(Number);

async function generate(path, rows) {
  await scoreSheetWorkbook(rows).xlsx.writeFile(path);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const dir = mkdtempSync(join(tmpdir(), "kaohe-bench-"));
try {
  execFileSync("npm", ["run", "--silent", "build:cli"], { cwd: ROOT, stdio: "inherit" });
  const cli = join(ROOT, "build/cli.cjs");
  // One side of a measurement, in its own process; prints its CPU milliseconds and peak RSS.
  const child = join(dir, "side.cjs");
  writeFileSync(
    child,
    `const [mode, file, out] = process.argv.slice(2);
(async () => {
  if (mode === "exceljs") {
    const ExcelJS = require(${JSON.stringify(require.resolve("exceljs"))});
    await new ExcelJS.Workbook().xlsx.readFile(file);
  } else {
    const { main } = require(${JSON.stringify(cli)});
    const io = { out: () => {}, err: (s) => process.stderr.write(s), isTTY: false };
    const args = mode === "out" ? ["check", file, "--json", "--out", out] : ["check", file, "--json"];
    await main(args, io);
  }
  const c = process.cpuUsage();
  process.stdout.write(JSON.stringify({ cpu: (c.user + c.system) / 1000, rss: process.resourceUsage().maxRSS }));
})();`,
  );
  const side = (mode, file) => {
    const r = spawnSync(process.execPath, [child, mode, file, join(dir, "out.xlsx")], { encoding: "utf8", maxBuffer: 1 << 20 });
    if (r.status !== 0) throw new Error(`${mode}: exit ${r.status}\n${r.stderr}`);
    return JSON.parse(r.stdout);
  };
  const results = [];
  for (const rows of SIZES) {
    const file = join(dir, `bench-${rows}.xlsx`);
    await generate(file, rows);
    const modes = ["exceljs", "check", "out"];
    for (const m of modes) side(m, file); // warm the file cache and the disk
    const cpu = { exceljs: [], check: [], out: [] };
    const rss = { exceljs: [], check: [], out: [] };
    for (let i = 0; i < RUNS; i++) {
      // Rotate the order each round: A/B/C, B/C/A, C/A/B …
      for (let k = 0; k < modes.length; k++) {
        const m = modes[(i + k) % modes.length];
        const r = side(m, file);
        cpu[m].push(r.cpu);
        rss[m].push(r.rss);
      }
    }
    const med = Object.fromEntries(modes.map((m) => [m, median(cpu[m])]));
    results.push({ rows, med, rss: Object.fromEntries(modes.map((m) => [m, median(rss[m])])) });
  }
  console.log(`CPU time (user + system), median of ${RUNS} interleaved runs, each in a fresh process:`);
  console.log(`${"rows".padStart(8)}  ${"exceljs load".padStart(12)}  ${"check --json".padStart(12)}  ${"check --out".padStart(12)}  ${"check/exceljs".padStart(13)}  ${"out/check".padStart(9)}`);
  for (const { rows, med } of results) {
    const a = med.check / med.exceljs;
    const b = med.out / med.check;
    console.log(
      `${String(rows).padStart(8)}  ${`${med.exceljs.toFixed(0)} ms`.padStart(12)}  ${`${med.check.toFixed(0)} ms`.padStart(12)}  ${`${med.out.toFixed(0)} ms`.padStart(12)}  ${`${a.toFixed(2)}×`.padStart(13)}  ${`${b.toFixed(2)}×`.padStart(9)}`,
    );
  }
  console.log("targets: check --json ≤ 0.60× exceljs load; check --out ≤ 1.20× check --json");
  for (const { rows, rss } of results) console.log(`peak memory at ${rows} rows: exceljs ${Math.round(rss.exceljs / 1024)} MB, check ${Math.round(rss.check / 1024)} MB, --out ${Math.round(rss.out / 1024)} MB`);
  parserBench();
} finally {
  if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
  else console.log(dir);
}

/** parseRules / parseMaxCell / parseHeading on long texts built from real rule phrases. */
function parserBench() {
  const out = join(dir, "rules.cjs");
  buildSync({ entryPoints: [join(ROOT, "src/core/rules/parse.ts")], bundle: true, platform: "node", format: "cjs", outfile: out, logLevel: "warning" });
  const { parseRules, parseMaxCell, parseHeading } = require(out);
  const phrases = [
    "一项未达标扣4分,未作任务分解本项不得分;",
    "发布单份政策解读材料加2分,累计不超过10分;应发布未发布,每件扣2分,累计不超过10分。",
    "一类考核单位每周缺少1条信息扣0.1分,二类考核单位每周缺少1条信息扣0.2分;",
    "主要领导年内至少听取一次政务公开工作汇报(3分),研究部署推进工作(2分)。",
    "出现一般错敏字,每发现一个扣0.2分;出现严重错敏字,每发现一个扣5分,最多扣40分;",
  ];
  const long = (n) => {
    let s = "";
    for (let i = 0; s.length < n; i++) s += phrases[i % phrases.length];
    return s.slice(0, n);
  };
  const text = long(50_000);
  console.log(`rule parser, 50,000 characters:`);
  for (const [name, fn] of [
    ["parseRules", () => parseRules(text)],
    ["parseMaxCell", () => parseMaxCell(text)],
    ["parseHeading", () => parseHeading(text)],
  ]) {
    const ms = median(
      Array.from({ length: 3 }, () => {
        const t = performance.now();
        fn();
        return performance.now() - t;
      }),
    );
    console.log(`  ${name.padEnd(13)} ${ms.toFixed(0)} ms`);
  }
}

// ——— Layout detection alone (src/core/layout): its own section, in scripts/bench-detect.mjs
// (run it alone there; BENCH_DETECT_AGAINST=<revisions> times those beside the working tree). ———
const { detectBench } = await import("./bench-detect.mjs");
detectBench();
