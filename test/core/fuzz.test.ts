/**
 * The engine on random sheets: whatever the cells hold, checkGrids either reports or throws its
 * own NoTableError — never anything else (the CLI turns that into one Chinese line, exit 2).
 */
import { describe, expect, it } from "vitest";
import type { CellValue, Grid, Merge } from "../../src/core/grid";
import { NoTableError } from "../../src/core/errors";
import { checkGrids, planWriteback } from "../../src/kaohe";
import { GENHE_HEADER } from "../helpers/grid";
import { rng } from "../helpers/rng";


const WORDS = [
  "类别", "序号", "目标要求", "分值", "评价办法", "自查评分", "考核评分", "合计", "小计", "一票否决", "加、扣分项", "扣分项",
  "加分项(5分)", "不适用", "—", "是", "否", "5分", "５", "扣0.4", "一项未达标扣4分", "每件加2分,累计不超过10分", "以上加分项累计最高5分",
  "一、重点工作(20分)", "统计指标", "单位", "统计数", "条", "件", "万元", "(一)收到申请数", "1.当面申请数", "自然人", "行政复议",
  "总计", "核算得分", "核算结果", "", " ", "=SUM(A1)", "#REF!", "组 织 领 导 (20分)", "(3分)", "扣完为止", "最多扣40分",
];

function randomGrid(seed: number): Grid {
  const next = rng(seed);
  const pick = <T,>(xs: T[]) => xs[Math.floor(next() * xs.length)];
  const rows = 1 + Math.floor(next() * 30);
  const cols = 1 + Math.floor(next() * 9);
  const value = (): CellValue => {
    const r = next();
    if (r < 0.3) return null;
    if (r < 0.55) return Math.round((next() * 40 - 10) * 10) / 10;
    if (r < 0.6) return next() < 0.5;
    return pick(WORDS);
  };
  const cells: CellValue[][] = Array.from({ length: rows }, () => Array.from({ length: cols }, value));
  if (next() < 0.7) cells[Math.floor(next() * rows)] = [...GENHE_HEADER].slice(0, cols + 3);
  const merges: Merge[] = [];
  for (let i = 0; i < Math.floor(next() * 4); i++) {
    const top = Math.floor(next() * rows);
    const left = Math.floor(next() * cols);
    const m = { top, left, bottom: Math.min(rows - 1, top + Math.floor(next() * 4)), right: Math.min(cols - 1, left + Math.floor(next() * 2)) };
    if (!merges.some((o) => o.top <= m.bottom && m.top <= o.bottom && o.left <= m.right && m.left <= o.right)) merges.push(m);
  }
  return { name: `随机${seed}`, cells, merges };
}

describe("random sheets", () => {
  it("include tables the engine reads, not only noise", () => {
    let read = 0;
    for (let seed = 1; seed <= 300; seed++) {
      try {
        if (checkGrids([randomGrid(seed), randomGrid(seed * 7919)]).sheets.some((s) => s.kind === "score")) read++;
      } catch (e) {
        if (!(e instanceof NoTableError)) throw e; // no table in this pair
      }
    }
    expect(read).toBeGreaterThan(150);
  });

  it.each(Array.from({ length: 300 }, (_, i) => i + 1))("seed %i: reports or says there is no table", async (seed) => {
    const grids = [randomGrid(seed), randomGrid(seed * 7919)];
    let report;
    try {
      report = checkGrids(grids);
    } catch (e) {
      expect(e).toBeInstanceOf(NoTableError);
      return;
    }
    expect(report.sheets.length).toBeGreaterThan(0);
    expect(report.summary.errors + report.summary.warnings + report.summary.infos).toBe(report.findings.length);
    for (const f of report.findings) {
      expect(f.message).not.toMatch(/undefined|NaN|\[object/);
      if (f.cell !== null) expect(f.cell).toMatch(/^[A-Z]{1,3}\d+$/);
    }
    for (const s of report.sheets) if (s.kind === "score") expect(Number.isFinite(s.total.final)).toBe(true);
    await expect(planWriteback({ report, grids })).resolves.toBeDefined();
  });
});
