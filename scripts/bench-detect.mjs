// Benchmark: layout detection alone (detectScoreTable: header → rows → repairs → groups →
// indicators) on a synthetic 50,000-row score sheet, as a Grid (no file reading, no scoring).
// Prints the median CPU time of interleaved runs, each in a fresh process. BENCH_DETECT_AGAINST=
// 486cf75,main also times detectScoreTable of those revisions (taken with `git archive`) in the
// same interleaved runs, so that a change's cost is measured beside its reference on the same
// loaded machine.
// Run alone: node scripts/bench-detect.mjs   (npm run bench runs it after the other sections)
import { createRequire } from "node:module";
import { execSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const ROOT = resolve(import.meta.dirname ?? new URL(".", import.meta.url).pathname, "..");

const CATEGORIES = ["组织保障", "政府信息公开", "政策解读", "舆情回应", "平台建设"];
const METHODS = [
  "根据查看文件、资料评分",
  "一项未达标扣4分,未作任务分解本项不得分",
  "每周缺少1条信息扣0.5分",
  "年度报告按时发布、要素齐全,4分;及时更新政府信息,按通报结果赋分(排名),0-4分",
];

/**
 * A score sheet of `rows` items as the engine's Grid: a title merged over the width, the header,
 * five categories merged down their blocks, a 加、扣分项 every 50 rows, a 合计 under the items.
 */
export function benchGrid(rows) {
  const cells = [["2017年度政务公开工作考核指标及评价办法"], ["类别", "序号", "目标要求", "分值", "评价办法", "自查评分", "考核评分"]];
  const merges = [{ top: 0, left: 0, bottom: 0, right: 6 }];
  const block = rows / CATEGORIES.length;
  for (let i = 0; i < rows; i++) {
    const max = [4, 8, 6, 16][i % 4];
    const adjust = i % 50 === 7;
    const method = adjust ? "发布单份政策解读材料加2分,累计不超过10分;每件扣2分,累计不超过10分" : METHODS[i % METHODS.length];
    const score = adjust ? 2 : i % 97 === 0 ? max + 1 : Math.max(0, max - (i % 3 === 0 ? 4 : 0));
    cells.push([i % block === 0 ? CATEGORIES[Math.floor(i / block)] : null, i + 1, `第${i + 1}项考核指标的目标要求`, adjust ? "加、扣分项" : max, method, score, null]);
    if (i % block === block - 1) merges.push({ top: i + 3 - block, left: 0, bottom: i + 2, right: 0 });
  }
  cells.push(["合计", null, null, null, null, null, null]);
  return { name: "评分表", cells, merges };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Bundles detectScoreTable of the sources under `root` into `dir`; returns the bundle's path. */
function bundleDetect(root, dir, name) {
  const { buildSync } = require("esbuild");
  const out = join(dir, `detect-${name}.cjs`);
  buildSync({ entryPoints: [join(root, "src/core/layout/detect.ts")], bundle: true, platform: "node", format: "cjs", outfile: out, logLevel: "warning" });
  return out;
}

/**
 * One side of a round, in a fresh process: the CPU time (user + system) of the first detection
 * (cold, as the CLI meets a sheet), then of three after a warm-up one (their median), and the
 * number of items found.
 */
function side(bundle, rows) {
  const code = `
    const { benchGrid } = await import(${JSON.stringify(pathToFileURL(join(ROOT, "scripts/bench-detect.mjs")).href)});
    const { detectScoreTable } = (await import("node:module")).createRequire(${JSON.stringify(bundle)})(${JSON.stringify(bundle)});
    const grid = benchGrid(${rows});
    const c0 = process.cpuUsage();
    const items = detectScoreTable(grid)?.items.length ?? 0;
    const d0 = process.cpuUsage(c0);
    detectScoreTable(grid);
    const cpu = [];
    for (let i = 0; i < 3; i++) {
      const c = process.cpuUsage();
      detectScoreTable(grid);
      const d = process.cpuUsage(c);
      cpu.push((d.user + d.system) / 1000);
    }
    cpu.sort((a, b) => a - b);
    process.stdout.write(JSON.stringify({ cold: (d0.user + d0.system) / 1000, ms: cpu[1], items }));`;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", code], { encoding: "utf8", env: { ...process.env, BENCH_DETECT_CHILD: "1" } });
  if (r.status !== 0) throw new Error(`detection bench: exit ${r.status}\n${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** Times detection of the working tree (and of BENCH_DETECT_AGAINST's revisions) and prints it. */
export function detectBench({ rows = 50_000, runs = Number(process.env.BENCH_RUNS ?? 5) } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "kaohe-bench-detect-"));
  try {
    const sides = [{ name: "working tree", bundle: bundleDetect(ROOT, dir, "tree") }];
    for (const rev of (process.env.BENCH_DETECT_AGAINST ?? "").split(",").filter(Boolean)) {
      const src = join(dir, `rev-${sides.length}`);
      execSync(`mkdir -p "${src}" && git archive "${rev}" src | tar -x -C "${src}"`, { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
      sides.push({ name: rev, bundle: bundleDetect(src, dir, `rev-${sides.length}`) });
    }
    const times = sides.map(() => []);
    const colds = sides.map(() => []);
    const items = sides.map(() => 0);
    for (let i = 0; i < runs; i++) {
      // Rotate the order each round so that a loaded moment falls on every side alike.
      for (let k = 0; k < sides.length; k++) {
        const j = (i + k) % sides.length;
        const r = side(sides[j].bundle, rows);
        times[j].push(r.ms);
        colds[j].push(r.cold);
        items[j] = r.items;
      }
    }
    console.log(`layout detection alone, ${rows.toLocaleString("en")} rows: CPU time, median of ${runs} interleaved processes:`);
    console.log(`  ${"".padEnd(14)} ${"first".padStart(8)} ${"warm".padStart(8)}`);
    sides.forEach((s, j) => {
      const ratio = (xs, ys) => (median(xs) / median(ys)).toFixed(2);
      const vs = j === 0 ? "" : `  working tree / this: ${ratio(colds[0], colds[j])}× first, ${ratio(times[0], times[j])}× warm`;
      const ms = (xs) => `${median(xs).toFixed(0)} ms`.padStart(8);
      console.log(`  ${s.name.padEnd(14)} ${ms(colds[j])} ${ms(times[j])}  (${items[j]} items)${vs}`);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (!process.env.BENCH_DETECT_CHILD && import.meta.url === pathToFileURL(process.argv[1] ?? "").href) detectBench();
