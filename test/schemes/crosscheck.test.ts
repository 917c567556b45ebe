/**
 * Score sheet ↔ statistics cross-checks: each kind provoked and not provoked, on statistics
 * tables read by the real detector from the templates' own 统计表 layouts, and end to end
 * through checkGrids on workbooks laid out from the templates.
 */
import { describe, expect, it } from "vitest";
import { textOf, type CellValue, type Grid } from "../../src/core/grid";
import { renderFinding } from "../../src/core/findings";
import { runCrossChecks } from "../../src/core/crosscheck";
import type { ItemReport, ScoreSheetReport } from "../../src/core/report";
import { detectStatistics, type StatisticsTable } from "../../src/core/stats";
import { checkGrids } from "../../src/kaohe";
import { GENHE_STATISTICS_TEMPLATE, GENHE_TOWNSHIP } from "../../src/schemes/defs/genhe";
import { WUHAI_2017 } from "../../src/schemes/defs/wuhai";
import { ANNUAL_REPORT_2021 } from "../../src/schemes/defs/annual-report-2021";
import { layoutTemplate } from "../../src/schemes/layout";
import type { TemplateDef } from "../../src/schemes/template";

const GENHE = GENHE_TOWNSHIP.scheme!;
const WUHAI = WUHAI_2017.scheme!;

/**
 * A template's statistics sheet with values written beside their labels. A key "A>B" is the
 * row labelled B below the row labelled A (the 行政诉讼 rows repeat the 行政复议 labels).
 */
function statsSheet(t: TemplateDef, values: Record<string, CellValue>, name?: string): Grid {
  const laid = layoutTemplate(t).find((s) => s.name === (name ?? s.name) && s.cells.some((r) => textOf(r[0]).replace(/\s/g, "") === "统计指标"))!;
  const cells = laid.cells.map((r) => [...r]);
  for (const [key, v] of Object.entries(values)) {
    let from = 0;
    for (const part of key.split(">")) {
      from = cells.findIndex((r, i) => i >= from && textOf(r[0]) === part);
      if (from < 0) throw new Error(`no row ${key}`);
    }
    cells[from][2] = v;
  }
  return { name: laid.name, cells, merges: laid.merges };
}

function table(values: Record<string, CellValue>, t: TemplateDef = GENHE_STATISTICS_TEMPLATE): StatisticsTable {
  const st = detectStatistics(statsSheet(t, values));
  if (!st) throw new Error("statistics not detected");
  return st;
}

/** Where a label's value sits, for asserting the finding's statCell. */
function cellOf(st: StatisticsTable, key: string): string {
  return st.rows.find((r) => r.key === key)!.cell!;
}

function item(id: string, title: string, score: number, over: Partial<ItemReport> = {}): ItemReport {
  const row = Number(id) + 3;
  return { row, id, category: null, title, kind: "adjust", max: null, rules: [], cell: `F${row}`, entered: score, score, applicable: true, ...over };
}

function report(items: ItemReport[]): ScoreSheetReport {
  return {
    kind: "score",
    sheet: "考核评分表",
    scheme: GENHE.id,
    schemeName: GENHE.name,
    column: "自查评分",
    columns: ["自查评分", "考核评分"],
    unitClasses: [],
    unitClass: null,
    items,
    categories: [],
    total: { max: 100, base: 0, adjustments: 0, final: 0, rate: 0, vetoed: false },
    subtotals: [],
    placement: { headerRow: 2, firstColumn: 0, lastColumn: 6, lastRow: 17, scoreColumn: 5, totalRow: null },
  };
}

const INTERPRET = "落实政策解读机制,按照“谁起草、谁解读”的原则,政策性文件起草部门将文件和解读材料一并报批";
const APPLY = "依法依规办理依申请公开事项(含网络渠道办理)";
const TRAIN = "组织本单位政务公开培训";

const run = (items: ItemReport[], st: StatisticsTable, scheme = GENHE) => runCrossChecks(scheme, report(items), [{ sheet: "统计表", table: st }]);

describe("政策解读 bonus (item 13, 2 points per interpretation) ≤ 政策解读稿件发布数", () => {
  const st = table({ "3.政策解读稿件发布数": 2 });

  it("8 points claim 4 interpretations against 2: a warning at the score cell naming both cells", () => {
    const [f, ...rest] = run([item("13", INTERPRET, 8)], st);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ code: "cross_check_failed", cell: "F16", claimed: 8, statValue: 2, statCell: cellOf(st, "policy_interpretations"), statSheet: "统计表" });
    const r = renderFinding(f);
    expect(r.severity).toBe("warning");
    for (const part of ["F16", `统计表!${f.statCell}`, "8", "4 篇", "2 篇"]) expect(r.message).toContain(part);
  });

  it.each([
    ["exactly backed (4 points, 2 interpretations)", 4],
    ["no bonus", 0],
    ["a net deduction", -4],
    ["3 points: 2 interpretations round up", 3],
  ])("quiet: %s", (_what, score) => {
    expect(run([item("13", INTERPRET, score)], st)).toEqual([]);
  });

  it("an odd 5 points need 3 interpretations", () => {
    const [f, ...rest] = run([item("13", INTERPRET, 5)], st);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ code: "cross_check_failed", cell: "F16", claimed: 5, statValue: 2 });
    expect(renderFinding(f).message).toContain("3 篇");
  });

  it("is silent when the 统计表 leaves the row blank, or the item does not apply", () => {
    expect(run([item("13", INTERPRET, 8)], table({}))).toEqual([]);
    expect(run([item("13", INTERPRET, 8, { applicable: false })], st)).toEqual([]);
  });

  it("finds the item renumbered and retyped, not an unrelated one", () => {
    expect(run([item("十三", " 落实政策解读机制,按照谁起草谁解读原则", 8)], st)).toMatchObject([{ code: "cross_check_failed", claimed: 8, statValue: 2 }]);
    expect(run([item("13", "报送政务公开工作信息至市政务公开办", 8)], st)).toEqual([]);
  });
});

describe("依申请公开 bonus (item 11) ≤ 申请办结数, and 被依法纠错 cases as 10-point deductions", () => {
  const closed3 = { "(二)申请办结数": 3 };

  it("6 points for 3 handled applications of 3 is quiet; 8 points is not", () => {
    expect(run([item("11", APPLY, 6)], table(closed3))).toEqual([]);
    const [f] = run([item("11", APPLY, 8)], table(closed3));
    expect(f).toMatchObject({ check: "依申请公开加分", claimed: 8, statValue: 3 });
  });

  it("a corrected 行政复议 case with no deduction is flagged; the deduction made is quiet", () => {
    const st = table({ "(二)申请办结数": 1, "(二)被依法纠错数": 1 });
    // 1 handled application: +2 at most, −10 for the case: −8.
    expect(run([item("11", APPLY, -8)], st)).toEqual([]);
    const [f] = run([item("11", APPLY, 0)], st);
    expect(f).toMatchObject({ check: "依申请公开纠错扣分", claimed: 0, statValue: 1, statCell: cellOf(st, "review_corrected") });
    expect(renderFinding(f).message).toContain("最多 -8 分");
  });

  it("行政诉讼 cases count too, together with 行政复议", () => {
    const st = table({ "(二)申请办结数": 5, "(二)被依法纠错数": 1, "五、行政诉讼数量>(二)被依法纠错数": 1 });
    expect(run([item("11", APPLY, -10)], st)).toEqual([]); // 10 − 2 × 10
    const [f] = run([item("11", APPLY, -5)], st);
    expect(f).toMatchObject({ statValue: 2 });
    expect(renderFinding(f).message).toMatch(/行政诉讼.*纠错.*为 1/);
  });

  it("without corrected cases nothing is asked", () => {
    expect(run([item("11", APPLY, 10)], table({ "(二)申请办结数": 5, "(二)被依法纠错数": 0 }))).toEqual([]);
  });
});

describe("培训 points (item 5) need 举办各类培训班数 or 接受培训人员数 above 0", () => {
  it("5 points with no training at all is flagged", () => {
    const st = table({ "(二)举办各类培训班数": 0, "(三)接受培训人员数": 0 });
    const [f] = run([item("5", TRAIN, 5, { kind: "scored", max: 5 })], st);
    expect(f).toMatchObject({ cell: "F8", claimed: 5, statValue: 0 });
    expect(renderFinding(f).message).toMatch(/举办各类培训班数.*0.*接受培训人员数.*0/);
  });

  it.each([
    ["trainees only", { "(二)举办各类培训班数": 0, "(三)接受培训人员数": 12 }, 5],
    ["sessions only", { "(二)举办各类培训班数": 1 }, 5],
    ["no points claimed", { "(二)举办各类培训班数": 0, "(三)接受培训人员数": 0 }, 0],
    ["both blank", {}, 5],
  ])("quiet: %s", (_what, values, score) => {
    expect(run([item("5", TRAIN, score as number, { kind: "scored", max: 5 })], table(values as Record<string, CellValue>))).toEqual([]);
  });
});

describe("乌海: 是/否 rows back the 实体服务大厅 and 网上政务平台 points", () => {
  const hall = (answer: string) => table({ "(一)是否设立实体办事大厅": answer }, WUHAI_2017);

  it("points for a hall the 统计表 says 否 are flagged, 是 is quiet", () => {
    const it3 = item("", "实体服务大厅", 3, { id: null, cell: "D23", kind: "scored", max: 3 });
    const [f] = run([it3], hall("否"), WUHAI);
    expect(f).toMatchObject({ cell: "D23", statValue: "否", check: "实体服务大厅得分" });
    expect(renderFinding(f).message).toContain("“否”");
    expect(run([it3], hall("是"), WUHAI)).toEqual([]);
    expect(run([{ ...it3, score: 0 }], hall("否"), WUHAI)).toEqual([]);
  });
});

describe("formats and schemes without the rows", () => {
  it("a 2021 年报 has no 政策解读稿件发布数: that check is skipped, not failed", () => {
    const grid = layoutTemplate(ANNUAL_REPORT_2021)[0];
    const st = detectStatistics(grid);
    expect(st?.format).toBe("2021");
    expect(run([item("13", INTERPRET, 8)], st!)).toEqual([]);
  });

  it("a scheme without cross-checks, or a workbook without 统计表, gives none", () => {
    expect(runCrossChecks({}, report([item("13", INTERPRET, 8)]), [{ sheet: "统计表", table: table({ "3.政策解读稿件发布数": 0 }) }])).toEqual([]);
    expect(runCrossChecks(GENHE, report([item("13", INTERPRET, 8)]), [])).toEqual([]);
  });
});

describe("end to end through checkGrids", () => {
  /** The 乡镇 template filled: item scores in 自查评分 (F), in item order. */
  function scoreSheet(scores: CellValue[]): Grid {
    const laid = layoutTemplate(GENHE_TOWNSHIP)[0];
    const cells = laid.cells.map((r) => [...r]);
    const first = cells.findIndex((r) => textOf(r[0]) === "类别") + 1;
    scores.forEach((v, i) => (cells[first + i][5] = v));
    return { name: laid.name, cells, merges: laid.merges };
  }
  const SCORES = [6, 16, 8, 5, 5, 5, 5, 7, 18, 7, 2, 5, 4, 4, 5];

  it("a consistent workbook is quiet; raising the 政策解读 bonus to 6 with 2 稿件 is one warning at F16", () => {
    const stats = statsSheet(GENHE_STATISTICS_TEMPLATE, { "3.政策解读稿件发布数": 2, "(二)申请办结数": 1, "(二)举办各类培训班数": 1 });
    const quiet = checkGrids([scoreSheet(SCORES), stats]);
    expect(quiet.findings.filter((f) => f.code === "cross_check_failed")).toEqual([]);
    const raised = [...SCORES];
    raised[12] = 6;
    const loud = checkGrids([scoreSheet(raised), stats]).findings.filter((f) => f.code === "cross_check_failed");
    expect(loud.map((f) => [f.cell, f.severity])).toEqual([["F16", "warning"]]);
  });

  it("a renamed sheet and a statistics sheet placed first still pair up", () => {
    const stats = { ...statsSheet(GENHE_STATISTICS_TEMPLATE, { "(二)举办各类培训班数": 0, "(三)接受培训人员数": 0 }), name: "附件3" };
    const r = checkGrids([stats, { ...scoreSheet(SCORES), name: "附件1" }]);
    const cross = r.findings.filter((f) => f.code === "cross_check_failed");
    expect(cross.map((f) => [f.sheet, f.cell])).toEqual([["附件1", "F8"]]);
    expect(cross[0].message).toContain("附件3!");
  });
});
