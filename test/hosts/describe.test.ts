/**
 * describeWorkbook: the pane's light opening scan (score columns, unit classes, statistics), one
 * read through the port and no scoring; its answer agrees with what the full check reports.
 */
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../src/core/grid";
import { describeGrids, describeWorkbook } from "../../src/describe";
import { MAPPING_SHEET, SHEET_MARKER } from "../../src/footprint";
import { createWpsPort, type WpsApplication } from "../../src/hosts/wps";
import { checkGrids } from "../../src/kaohe";
import { GENHE_SHEET, genheScoreSheet } from "../fakes/genhe";
import { createFakeEt } from "../fakes/wps-et";

const classes: CellValue[][] = [
  ["序号", "考核内容", "分值", "评分标准", "自查得分"],
  [1, "信息发布", 6, "一类单位每周缺少1条扣0.1分,二类单位每周缺少1条扣0.2分", 5],
  [2, "政策解读", 4, "未解读的扣2分", 4],
  ["合计", null, 10, null, 9],
];

describe("describeWorkbook", () => {
  it("names the score sheet's score columns, skips the add-in's own sheets, in one read", async () => {
    const fake = createFakeEt([
      genheScoreSheet,
      { name: "说明", cells: [["填表说明:按实际情况填写"]] },
      { name: "核算结果", cells: [[`${SHEET_MARKER})`], ["工作表", "得分"]] },
      { name: MAPPING_SHEET, cells: [["设置"]], hidden: true },
    ]);
    const port = createWpsPort(fake.Application as WpsApplication);
    const d = await describeWorkbook(port);
    expect(d.sheets.map((s) => [s.name, s.kind])).toEqual([
      [GENHE_SHEET, "score"],
      ["说明", "other"],
    ]);
    expect(d.scoreColumns).toEqual(["自查评分", "考核评分"]);
    expect(d.unitClasses).toEqual([]);
    expect(d.statistics).toBe(false);
    expect(fake.callCounts["Worksheets.Count"]).toBe(1);
  });

  it("names the unit classes the rules mention, as the full check does", () => {
    const grids = [{ name: "评分表", cells: classes, merges: [] }];
    const d = describeGrids(grids);
    expect(d.unitClasses).toEqual(["一类", "二类"]);
    const report = checkGrids(grids);
    const score = report.sheets.find((s) => s.kind === "score");
    expect(score?.kind === "score" && score.unitClasses).toEqual(d.unitClasses);
    expect(score?.kind === "score" && score.columns).toEqual(d.scoreColumns);
  });

  it("finds nothing in a workbook without a table (the pane then says 没有找到考核评分表)", () => {
    const d = describeGrids([{ name: "Sheet1", cells: [["随便写的"]], merges: [] }]);
    expect(d.sheets.every((s) => s.kind === "other")).toBe(true);
    expect(d.scoreColumns).toEqual([]);
  });
});
