/**
 * The row kinds of a score table (src/core/layout/kinds.ts) as the row walk meets them: which
 * kind takes each row of sheets laid out as clerks and Word pastes make them, that every kind in
 * the table is met, and that the first kind whose test holds wins.
 */
import { describe, expect, it } from "vitest";
import { detectScoreTable, rowKinds } from "../../../src/core/layout/detect";
import { ROW_KINDS } from "../../../src/core/layout/kinds";
import type { CellValue } from "../../../src/core/grid";
import { gridOf } from "../../helpers/grid";

/** 1-based sheet row → kind, as a reviewer reads the sheet. */
const kindsOf = (rows: CellValue[][], merges: string[]) =>
  Object.fromEntries(rowKinds(gridOf(rows, merges)).map(({ row, kind }) => [row + 1, kind]));

const HEADER = ["序号", "考核内容", "分值", "评分标准", "自评得分", "备注"];

/** Sections of every shape, a subtotal, a repeated header, notes, a stray remark, a total, signatures. */
const sections: { rows: CellValue[][]; merges: string[] } = {
  rows: [
    ["某单位2024年度政务公开工作考核评分表"],
    HEADER,
    [1, 2, 3, 4, 5, 6],
    ["一、组织领导(20分)"],
    [1, "成立政务公开工作领导小组", 10, "未成立扣10分", 10, null],
    [2, "制定年度工作方案", 10, "未制定扣10分", 8, null],
    ["二", "重点工作", 10, null, null, null],
    [3, "政策解读", 10, "每少一篇扣2分", 6, null],
    [null, "小计", 20, null, 14, null],
    HEADER,
    ["三、加分项", null, 5, null, null, null],
    [4, "发布政策解读材料", null, "每篇加1分", 2, null],
    ["以上加分项累计最高5分"],
    ["注:本表由各单位自评后报送"],
    [null, null, null, null, null, "详见附件"],
    [null, null, null, null, 3, null],
    ["合计", null, 100, null, 95, null],
    ["附加分"],
    [6, "获得上级表彰", null, "每次加2分", null, null],
    ["填表人:", null, "审核人:", null, null, null],
    [7, "签字以下不是表格", 5, null, null, null],
  ],
  merges: ["A1:F1", "A4:F4", "A13:F13", "A14:F14", "A18:F18"],
};

/** Categories merged down, a two-row header repeated on a new page, another table below. */
const pages: { rows: CellValue[][]; merges: string[] } = {
  rows: [
    ["考核评分表"],
    ["类别", "考核内容", "分值", "评分标准", "得分", "得分"],
    [null, null, null, null, "自评得分", "复核意见"],
    ["组织保障", "成立领导小组", 10, "未成立扣10分", 10, null],
    [null, "制定工作方案", 10, "未制定扣10分", 9, null],
    [null, null, null, null, null, null],
    ["类别", "考核内容", "分值", "评分标准", "得分", "得分"],
    [null, null, null, null, "自评得分", "复核意见"],
    ["平台建设", "网站栏目更新", 10, "每缺一次扣1分", 7, null],
    [null, null, null, null, null, null],
    ["2023年政府信息公开情况统计表"],
    ["统计指标", "单位", "统计数", null, null, null],
  ],
  merges: ["A1:F1", "E2:F2", "A4:A6", "E7:F7", "A11:F11"],
};

describe("row kinds", () => {
  it("reads a sheet of sections, notes and sums row by row", () => {
    expect(kindsOf(sections.rows, sections.merges)).toEqual({
      3: "column numbers",
      4: "spanning section",
      5: "item",
      6: "item",
      7: "split section",
      8: "item",
      9: "subtotal",
      10: "repeated header",
      11: "numbered section",
      12: "item",
      13: "group bonus cap",
      14: "note",
      15: "stray cell",
      16: "no item text",
      17: "total",
      18: "spanning section",
      19: "item",
      20: "signature",
    });
  });

  it("the table those kinds make: sections, items, the cap, the subtotal and the total where they stand", () => {
    const table = detectScoreTable(gridOf(sections.rows, sections.merges))!;
    expect(table.items.map((it) => [it.row + 1, it.kind, it.max, it.groups])).toEqual([
      [5, "scored", 10, ["组织领导"]],
      [6, "scored", 10, ["组织领导"]],
      [8, "scored", 10, ["重点工作"]],
      [12, "adjust", null, ["加分项"]],
      [19, "adjust", null, ["附加分"]],
    ]);
    // the 加分项 heading's own points cap its bonuses, and so does the note under them
    expect(table.groups.get("加分项")?.bonusCaps.map((c) => [c.cap, c.cell])).toEqual([
      [5, "A11"],
      [5, "A13"],
    ]);
    expect(table.subtotals.map((s) => [s.row + 1, s.declared, s.group])).toEqual([[9, 20, "重点工作"]]);
    expect(table.total).toEqual({ row: 16, declared: 100, declaredCell: "C17" });
    // the stray remark is the table's; what stands under the signatures is not
    expect(table.lastRow + 1).toBe(19);
  });

  it("reads merged categories over pages and stops at the next table", () => {
    expect(kindsOf(pages.rows, pages.merges)).toEqual({
      4: "item",
      5: "item",
      6: "blank in a merged category",
      7: "repeated header",
      8: "repeated lower header",
      9: "item",
      11: "next table's title",
    });
    const table = detectScoreTable(gridOf(pages.rows, pages.merges))!;
    expect(table.items.map((it) => [it.row + 1, it.groups])).toEqual([
      [4, ["组织保障"]],
      [5, ["组织保障"]],
      [9, ["平台建设"]],
    ]);
  });

  it("meets every kind of the table in these sheets, each kind named once", () => {
    const met = new Set([...Object.values(kindsOf(sections.rows, sections.merges)), ...Object.values(kindsOf(pages.rows, pages.merges))]);
    const names = ROW_KINDS.map((k) => k.kind);
    expect(new Set(names).size).toBe(names.length);
    expect(names.filter((n) => !met.has(n))).toEqual([]);
  });

  it("gives a row to the first kind whose test holds: a 合计 under a category's merged cell is its subtotal, not the total", () => {
    const rows: CellValue[][] = [
      ["类别", "考核内容", "分值", "评分标准", "得分"],
      ["组织保障", "成立领导小组", 10, "未成立扣10分", 10],
      [null, "制定工作方案", 10, "未制定扣10分", 9],
      [null, "合计", 20, null, 19],
      ["平台建设", "网站栏目更新", 10, "每缺一次扣1分", 7],
      ["总分", null, 30, null, 26],
    ];
    const kinds = kindsOf(rows, ["A2:A4"]);
    expect([kinds[4], kinds[6]]).toEqual(["subtotal", "total"]);
    // both tests hold for row 4 ("合计" is a total word too): the subtotal comes first
    const row4 = ROW_KINDS.findIndex((k) => k.kind === "subtotal");
    expect(row4).toBeLessThan(ROW_KINDS.findIndex((k) => k.kind === "total"));
  });
});
