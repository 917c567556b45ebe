// Benchmark: `kaohe check` on a generated 5,000-row score sheet against a bare exceljs load of
// the same file. Prints both medians and their ratio (target: within 1.5×); then the rule-text
// parser on 50,000-character texts (it must stay linear: well under a second). Run: npm run bench
import { createRequire } from "node:module";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

const require = createRequire(import.meta.url);
const ExcelJS = require("exceljs");
const { main } = require("../build/cli.cjs");
const { buildSync } = require("esbuild");

const ROWS = Number(process.env.BENCH_ROWS ?? 5000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const METHODS = [
  "根据查看文件、资料评分",
  "一项未达标扣4分,未作任务分解本项不得分",
  "每周缺少1条信息扣0.5分",
  "年度报告按时发布、要素齐全,4分;及时更新政府信息,按通报结果赋分(排名),0-4分",
];
const CATEGORIES = ["组织保障", "政府信息公开", "政策解读", "舆情回应", "平台建设"];

async function generate(path) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("评分表");
  ws.addRow(["2017年度政务公开工作考核指标及评价办法"]);
  ws.mergeCells("A1:G1");
  ws.addRow(["类别", "序号", "目标要求", "分值", "评价办法", "自查评分", "考核评分"]);
  const block = ROWS / CATEGORIES.length;
  for (let i = 0; i < ROWS; i++) {
    const max = [4, 8, 6, 16][i % 4];
    const method = i % 50 === 7 ? "发布单份政策解读材料加2分,累计不超过10分;每件扣2分,累计不超过10分" : METHODS[i % METHODS.length];
    const maxCell = i % 50 === 7 ? "加、扣分项" : max;
    const score = i % 50 === 7 ? 2 : i % 97 === 0 ? max + 1 : max - (i % 3 === 0 ? 4 : 0) < 0 ? 0 : max - (i % 3 === 0 ? 4 : 0);
    ws.addRow([i % block === 0 ? CATEGORIES[Math.floor(i / block)] : null, i + 1, `第${i + 1}项考核指标的目标要求`, maxCell, method, score, null]);
    if (i % block === block - 1) ws.mergeCells(`A${i + 3 - block + 1}:A${i + 3}`);
  }
  ws.addRow(["合计", null, null, null, null, null, null]);
  await wb.xlsx.writeFile(path);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function time(fn) {
  const t = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    t.push(performance.now() - start);
  }
  return median(t);
}

const dir = mkdtempSync(join(tmpdir(), "kaohe-bench-"));
try {
  const file = join(dir, "bench.xlsx");
  await generate(file);
  const sink = { out: () => {}, err: (s) => process.stderr.write(s), isTTY: false };
  // Warm both paths once so the JIT and module loading don't count.
  await new ExcelJS.Workbook().xlsx.readFile(file);
  await main(["check", file, "--json"], sink);
  const bare = await time(() => new ExcelJS.Workbook().xlsx.readFile(file));
  const check = await time(() => main(["check", file, "--json"], sink));
  console.log(`rows: ${ROWS}, runs: ${RUNS} (median)`);
  console.log(`exceljs load:  ${bare.toFixed(0)} ms`);
  console.log(`kaohe check:   ${check.toFixed(0)} ms`);
  console.log(`ratio:         ${(check / bare).toFixed(2)}× (target ≤ 1.5×)`);
  // 写回 with live formulas (the default) against plain values: the formulas' own cost
  const out = join(dir, "out.xlsx");
  const live = await time(() => main(["check", file, "--out", out], sink));
  const values = await time(() => main(["check", file, "--out", out, "--values"], sink));
  console.log(`check --out:   ${live.toFixed(0)} ms with live formulas, ${values.toFixed(0)} ms with --values (${(live / values).toFixed(2)}×)`);
  parserBench();
} finally {
  if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true }); else console.log(dir);
}

/** parseRules / parseMaxCell / parseHeading on long texts built from real rule phrases. */
function parserBench() {
  const out = join(dir, "rules.cjs");
  buildSync({ entryPoints: ["src/core/rules/parse.ts"], bundle: true, platform: "node", format: "cjs", outfile: out, logLevel: "warning" });
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
    const ms = median(Array.from({ length: 3 }, () => {
      const t = performance.now();
      fn();
      return performance.now() - t;
    }));
    console.log(`  ${name.padEnd(13)} ${ms.toFixed(0)} ms`);
  }
}

