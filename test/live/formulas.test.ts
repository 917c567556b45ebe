/**
 * The text of the live formulas, one semantic at a time (no spreadsheet program needed): what
 * 写回 writes into 核算得分 for each kind of item, 小计, group caps, veto and the final.
 */
import { describe, expect, it } from "vitest";
import type { CellValue, Grid } from "../../src/core/grid";
import type { ScoreSheetReport } from "../../src/core/report";
import { checkGrids } from "../../src/kaohe";
import { planChanges } from "../../src/writeback";
import { liveColumn, liveWrite } from "../../src/writeback/live";
import { gridOf } from "../helpers/grid";
import { genheTownship, xiuwenGrid } from "../helpers/seeds";

const HEADER: CellValue[] = ["序号", "考核内容", "分值", "评分标准", "得分"];

/** The 不适用 test every item formula starts with, for the entry cell `e`. */
const na = (e: string) => `OR(${e}="不适用",${e}="不涉及",${e}="无此项",${e}="/")`;
const num = (e: string) => `IF(ISNUMBER(${e}),${e},0)`;

function live(grid: Grid, col = 5) {
  const report = checkGrids([grid]).sheets[0] as ScoreSheetReport;
  const column = liveColumn(report, grid, col, { grids: [grid] });
  const at = (a1: string) => {
    const row = Number(a1.replace(/^[A-Z]+/, "")) - 1;
    return column.cells.get(row);
  };
  return { report, column, at };
}

describe("the table the check scored", () => {
  it("is the one the plan builds on: no second detection (the header blanked after the check changes nothing)", () => {
    const grid = gridOf([HEADER, [1, "主动公开", 6, "每缺一项扣2分", 5], [2, "年报", 4, "", 4], ["合计", null, 10, null, null]]);
    const report = checkGrids([grid]).sheets[0] as ScoreSheetReport;
    grid.cells[0] = grid.cells[0].map(() => null); // detecting again would find no table here
    const column = liveColumn(report, grid, 5, { grids: [grid] });
    expect(column.reason).toBeNull();
    expect([column.cells.get(1)?.value, column.cells.get(2)?.value, column.final.value]).toEqual([5, 4, 9]);
  });
});

describe("item formulas", () => {
  it("a scored item: the entry clamped to 0..分值, a non-number 0, 不适用 shown as such", () => {
    const { at, column } = live(gridOf([HEADER, [1, "主动公开", 6, "每缺一项扣2分", 8], [2, "年报", 4, "", "不适用"], ["合计", null, 10, null, null]]));
    expect(column.reason).toBeNull();
    expect(at("F2")).toEqual({ formula: `=IF(${na("E2")},"不适用",ROUND(MIN(6,MAX(0,${num("E2")})),6))`, value: 6 });
    expect(at("F3")).toEqual({ formula: `=IF(${na("E3")},"不适用",ROUND(MIN(4,MAX(0,${num("E3")})),6))`, value: "不适用" });
  });

  it("a bonus item within its cap; a deduction-only item taking a positive entry as a deduction", () => {
    const { at } = live(
      gridOf([HEADER, [1, "基础", 10, "", 10], [2, "经验推广", "加分项", "每次加1分,最高不超过3分", 5], [3, "通报批评", "扣分项", "每次扣2分,最多扣6分", 4], ["合计", null, 10, null, null]]),
    );
    expect(at("F3")).toEqual({ formula: `=IF(${na("E3")},"不适用",ROUND(MIN(3,MAX(0,${num("E3")})),6))`, value: 3 });
    expect(at("F4")).toEqual({ formula: `=IF(${na("E4")},"不适用",ROUND(MIN(0,MAX(-6,-ABS(${num("E4")}))),6))`, value: -4 });
  });

  it("an item of a 扣分 column: 分值 − 扣分, a blank takes nothing off, more than the 分值 counts 0", () => {
    const grid = gridOf([
      ["序号", "检查内容", "分值", "扣分标准", "扣分"],
      [1, "栏目更新", 10, "每个栏目未更新扣2分", 4],
      [2, "错链断链", 5, "每发现一处扣0.5分", null],
    ]);
    const { at } = live(grid);
    expect(at("F2")).toEqual({
      formula: `=IF(${na("E2")},"不适用",IF(ISNUMBER(E2),IF(ABS(E2)>10.000001,0,ROUND(10-ABS(E2),6)),IF(E2="",10,0)))`,
      value: 6,
    });
    expect(at("F3")?.value).toBe(5);
  });

  it("a veto item: 已触发 for 是 (and the engine's other yes-words) or a non-zero number", () => {
    const { at } = live(gridOf([HEADER, [1, "基础", 10, "", 10], [2, "失泄密", "一票否决", "执行一票否决", "是"], ["合计", null, 10, null, null]]));
    const yes = ["是", "有", "发生", "触发", "已触发", "√", "✓", "✔", "Y", "YES"].map((w) => `E3="${w}"`).join(",");
    expect(at("F3")).toEqual({
      formula: `=IF(${na("E3")},"不适用",IF(OR(IF(ISNUMBER(E3),ABS(E3)>0.000001,FALSE),${yes}),"已触发","未触发"))`,
      value: "已触发",
    });
    expect(at("F4")).toEqual({ formula: `=IF(F3="已触发",0,MAX(0,ROUND(ROUND(SUM(F2),6),6)))`, value: 0 });
  });

  it("a text only the engine reads ('5分', full-width digits, 'N/A') is matched literally in its own formula", () => {
    const { at } = live(gridOf([HEADER, [1, "甲", 6, "", "5分"], [2, "乙", 4, "", "３"], [3, "丙", 2, "", "N/A"], [4, "丁", 2, "", 2], ["合计", null, 14, null, null]]));
    expect(at("F2")).toEqual({ formula: `=IF(E2="5分",5,IF(${na("E2")},"不适用",ROUND(MIN(6,MAX(0,${num("E2")})),6)))`, value: 5 });
    expect(at("F3")?.formula).toMatch(/^=IF\(E3="３",3,IF\(/);
    expect(at("F4")?.formula).toMatch(/^=IF\(E4="N\/A","不适用",IF\(/);
    // a number needs no literal
    expect(at("F5")?.formula).toBe(`=IF(${na("E5")},"不适用",ROUND(MIN(2,MAX(0,${num("E5")})),6))`);
  });

  it("a text too long for a formula's literal keeps the engine's value in a plain cell", () => {
    const long = "5分" + " ".repeat(300);
    const { at, column } = live(gridOf([HEADER, [1, "甲", 6, "", long], ["合计", null, 6, null, null]]));
    expect(at("F2")).toEqual({ formula: null, value: 5 });
    expect(column.reason).toBeNull();
    expect(at("F3")?.formula).toBe("=MAX(0,ROUND(ROUND(SUM(F2),6),6))");
  });
});

describe("the column scored", () => {
  it("is the one the formulas read (--column 考核评分), the final equal to the engine's for that column", () => {
    const grid = genheTownship([6, 16, 8, 5, 5, 5, 5, 8, 20, 8, 4, 5, 6, 4, 5], [5, 12, 8, 5, 5, 5, 5, 8, 18, 8, 2, 5, 4, 4, 5]);
    const report = checkGrids([grid], { column: "考核评分" }).sheets[0] as ScoreSheetReport;
    const column = liveColumn(report, grid, 7, { grids: [grid] });
    expect(column.reason).toBeNull();
    expect(column.cells.get(2)?.formula).toBe(`=IF(${na("G3")},"不适用",ROUND(MIN(6,MAX(0,${num("G3")})),6))`);
    expect(column.cells.get(2)?.value).toBe(5);
    expect(column.final.value).toBe(report.total.final);
    expect(column.recompute(grid).final).toBe(report.total.final);
  });
});

describe("sums", () => {
  it("the final applies a group's bonus cap where the engine does (to the adjustments), and the veto", () => {
    const grid = xiuwenGrid({ "13": 3, "14": 4, "15": 1 });
    const report = checkGrids([grid]).sheets[0] as ScoreSheetReport;
    const column = liveColumn(report, grid, 5, { grids: [grid] });
    const total = column.cells.get(report.placement.totalRow!)!;
    expect(total.formula).toBe(
      '=IF(F24="已触发",0,MAX(0,ROUND(ROUND(SUM(F4:F13,F15,F17),6)+ROUND(SUM(F19:F21,F25:F26)-MAX(0,SUMIF(F19:F21,">0")-5),6),6)))',
    );
    expect(total.value).toBe(report.total.final);
    expect(report.total.adjustments).toBe(5);
  });

  it("a deduction section's cap gives back what is taken off beyond it", () => {
    const grid = gridOf(
      [HEADER, [1, "基础工作", 40, "", 40], ["三、扣分项(最多扣10分)", null, null, null, null], [1, "错敏字", null, "每发现一个扣1分", -6], [2, "安全", null, "每次扣2分", -7]],
      ["A3:E3"],
    );
    const { column, report } = live(grid);
    expect(column.final.formula).toBe('=MAX(0,ROUND(ROUND(SUM(F2),6)+ROUND(SUM(F4:F5)+MAX(0,-SUMIF(F4:F5,"<0")-10),6),6))');
    expect(column.final.value).toBe(30);
    expect(report.total.final).toBe(30);
  });

  it("a 小计 sums its group's items; a 加分合计 holds its section's bonuses to the section's cap", () => {
    const grid = gridOf(
      [
        HEADER,
        ["一、基础工作(20分)", null, null, null, null],
        [1, "主动公开", 10, "", 9],
        [2, "年报", 10, "", 10],
        [null, "小计", 20, null, null],
        ["二、加分项(最多加5分)", null, null, null, null],
        [1, "现场会", null, "承办市级现场会加3分", 3],
        [2, "经验", null, "每条加1分", 4],
        [null, "加分合计", null, null, null],
        ["得分合计", null, null, null, null],
      ],
      ["A2:E2", "A6:E6"],
    );
    const { at, report } = live(grid);
    expect(at("F5")).toEqual({ formula: "=ROUND(SUM(F3:F4),6)", value: 19 });
    expect(at("F9")).toEqual({ formula: '=ROUND(MIN(5,SUMIF(F7:F8,">0"))+SUMIF(F7:F8,"<0"),6)', value: 5 });
    expect(report.subtotals.map((s) => s.score)).toEqual([19, 5]);
    expect(at("F10")?.value).toBe(24);
  });

  it("a base every unit starts from (a note's 以100分为基础分) is a constant of the final, also after the clerk edits", () => {
    const grid = gridOf([
      ["政务公开工作考核扣分表(以100分为基础分,扣完为止)"],
      ["考核内容", "扣分标准", "扣分"],
      ["信息发布", "未按时发布的,每次扣2分", 4],
      ["政策解读", "未解读的,每件扣1分", 1],
    ]);
    const report = checkGrids([grid]).sheets[0] as ScoreSheetReport;
    expect(report.total).toMatchObject({ max: 100, final: 95 });
    const column = liveColumn(report, grid, 3, { grids: [grid] });
    expect(column.reason).toBeNull();
    expect(column.final.formula).toMatch(/^=MAX\(0,ROUND\(ROUND\(100\+/);
    expect(column.final.value).toBe(95);
    for (const entry of [30, 120, 0]) {
      const edited = gridOf(grid.cells.map((row, r) => (r === 2 ? [row[0], row[1], entry] : row)));
      expect(column.recompute(edited).final).toBe((checkGrids([edited]).sheets[0] as ScoreSheetReport).total.final);
    }
  });

  it("without a 合计 row the final is labelled: '最终得分 N' computed by the formula", () => {
    const { column } = live(gridOf([HEADER, [1, "甲", 6, "", 4.5]]));
    expect(column.labelledFinal).toEqual({ formula: '="最终得分 "&MAX(0,ROUND(ROUND(SUM(F2),6),6))', value: "最终得分 4.5" });
  });
});

describe("the plan", () => {
  const grid = gridOf([HEADER, [1, "甲", 6, "", 5], [2, "乙", 4, "", "不适用"], ["合计", null, 10, null, null]]);
  const report = checkGrids([grid]);

  it("writes formulas with the engine's values cached, by default", () => {
    const block = planChanges(report, [grid]).values[0];
    expect(block.values).toEqual([["核算得分"], [5], ["不适用"], [5]]);
    expect(block.formulas?.map((r) => r[0]?.slice(0, 4) ?? null)).toEqual([null, "=IF(", "=IF(", "=MAX"]);
  });

  it("writes plain values when asked (--values)", () => {
    const block = planChanges(report, [grid], { values: true }).values[0];
    expect(block.formulas).toBeUndefined();
    expect(block.values).toEqual([["核算得分"], [5], ["不适用"], [5]]);
  });

  it("writes no formula where a planned value is not what the formulas compute", () => {
    const s = report.sheets[0] as ScoreSheetReport;
    const write = { sheet: s.sheet, address: "F1", values: [["核算得分"], [5], ["不适用"], [6]] as CellValue[][] };
    expect(liveWrite(write, s, grid, { grids: [grid] })).toBe(write);
  });

  it("writes no formula when the write leaves out a row the sums refer to", () => {
    const s = report.sheets[0] as ScoreSheetReport;
    const write = { sheet: s.sheet, address: "F2", values: [[5], ["不适用"], [5]] as CellValue[][] };
    expect(liveWrite(write, s, grid, { grids: [grid] }).formulas?.flat().filter(Boolean)).toHaveLength(3);
    const short = { sheet: s.sheet, address: "F2", values: [[5], ["不适用"]] as CellValue[][] };
    expect(liveWrite(short, s, grid, { grids: [grid] })).toBe(short);
  });

  it("gives values only, with the reason, when the table read now is not the one the report came from", () => {
    const s = report.sheets[0] as ScoreSheetReport;
    const other = gridOf([HEADER, [1, "甲", 6, "", 5], ["合计", null, 6, null, null]]);
    const column = liveColumn(s, other, 5, { grids: [other] });
    expect(column.reason).toBe("评分表与核算结果不对应");
    expect([...column.cells.values()].every((c) => c.formula === null)).toBe(true);
    expect(column.cells.get(3)).toEqual({ formula: null, value: 5 });
  });
});
