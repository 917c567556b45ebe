// Benchmark: `kaohe batch` on a folder of unit workbooks (copies of templates/samples in two class
// folders), scored and ranked in this one process. Prints workbooks/s (target ≥ 50/s, i.e. 500 in
// under 10 s) and the heap at its peak for a small and the full count (memory should stay flat:
// the batch keeps a few numbers per workbook, never the workbooks). Needs build/cli.cjs
// (npm run build:cli). Run: npm run bench (or node scripts/bench-batch.mjs; BENCH_UNITS=n).
import { createRequire } from "node:module";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

const require = createRequire(import.meta.url);
const { main } = require("../build/cli.cjs");
const ExcelJS = require("exceljs");

const UNITS = Number(process.env.BENCH_UNITS ?? 500);
const SAMPLES = "templates/samples";
const samples = readdirSync(SAMPLES).filter((f) => f.endsWith(".xlsx") && !f.startsWith("annual"));

/** The unit line of a form: its label is kept, the unit's own name written after it. */
const UNIT_LINE = /^(单位[((]签字盖章[))]|考核单位|单位|填报单位[((]盖章[))])[::]/;

/** n unit workbooks: the samples in turn, each under its own unit name (as units send them). */
async function folder(n) {
  const dir = mkdtempSync(join(tmpdir(), "kaohe-bench-batch-"));
  for (const cls of ["一类", "二类"]) mkdirSync(join(dir, cls));
  const books = [];
  for (const s of samples) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(SAMPLES, s));
    const cells = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => typeof c.value === "string" && UNIT_LINE.test(c.value) && cells.push(c))));
    books.push({ name: s, wb, cells });
  }
  for (let i = 0; i < n; i++) {
    const { name, wb, cells } = books[i % books.length];
    const unit = `第${i + 1}单位`;
    for (const c of cells) c.value = `${UNIT_LINE.exec(String(c.value))[0]}${unit}`;
    writeFileSync(join(dir, i % 2 ? "二类" : "一类", `${unit}-${name}`), Buffer.from(await wb.xlsx.writeBuffer()));
  }
  return dir;
}

/** Runs the batch on n workbooks; returns seconds, peak heap (MB) and the units ranked. */
async function run(n) {
  const dir = await folder(n);
  let out = "";
  const io = { out: (s) => void (out += s), err: (s) => process.stderr.write(s), isTTY: false, errIsTTY: false };
  global.gc?.();
  let peak = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 20);
  const t = performance.now();
  try {
    const code = await main(["batch", dir, "--json"], io);
    const seconds = (performance.now() - t) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    const json = JSON.parse(out);
    if (code === 2 || json.units.length === 0) throw new Error(`batch failed (exit ${code})`);
    return { seconds, peak: peak / 2 ** 20, ranked: json.units.filter((u) => u.rank !== null).length };
  } finally {
    clearInterval(sampler);
    rmSync(dir, { recursive: true, force: true });
  }
}

await run(20); // warm the JIT and module loading
const small = await run(Math.max(50, Math.round(UNITS / 5)));
const full = await run(UNITS);
const rate = UNITS / full.seconds;
console.log(`kaohe batch, ${UNITS} workbooks (the ${samples.length} score samples in turn, each under its own unit name, two classes), one process:`);
console.log(`  time:         ${full.seconds.toFixed(1)} s, ${rate.toFixed(0)} workbooks/s (target ≥ 50/s)`);
console.log(`  units ranked: ${full.ranked}`);
console.log(`  heap peak:    ${small.peak.toFixed(0)} MB at ${Math.max(50, Math.round(UNITS / 5))} workbooks, ${full.peak.toFixed(0)} MB at ${UNITS}`);
