/**
 * What issue #10 asks of tables nobody here had seen, each on a small grid built for it: header
 * words never met, columns known by their content, the filled score column, the clerk's wording
 * of an entry, veto sections, and summary sheets that are no score tables.
 */
import { describe, expect, it } from "vitest";
import { read, sheet } from "../../corpus/build";
import { checkGrids } from "../../../src/kaohe";
import { detectScoreTable } from "../../../src/core/layout/detect";
import type { Grid } from "../../../src/core/grid";

describe("header words never met", () => {
  it.each([
    ["测评项目", "测评得分"],
    ["考评细项", "项目得分"],
    ["检查内容", "指标评分"],
    ["自查内容", "核准分"],
    ["工作要点及措施", "考核组打分"],
  ])("a %s title and a %s score column", (titleWord, scoreWord) => {
    const r = read(
      sheet(4, [
        ["序号", titleWord, "分值", scoreWord],
        [1, "按时发布政府信息公开工作年度报告", 10, 8],
        [2, "及时更新政府信息公开指南和目录", 5, 5],
      ]),
    );
    expect(r.items).toEqual([
      [2, null, "scored", 10],
      [3, null, "scored", 5],
    ]);
    expect(r.report.columns).toEqual([scoreWord]);
    expect(r.total).toMatchObject({ max: 15, final: 13 });
  });

  it("an unknown word over the 分值 column: small numbers adding up to the 合计 are the 分值", () => {
    const r = read(
      sheet(5, [
        ["序号", "考核内容", "权数分", "评分标准", "得分"],
        [1, "按时发布政府信息公开工作年度报告", 6, "未按时发布扣6分", 6],
        [2, "及时更新政府信息公开指南", 4, "未更新扣2分", 2],
        ["合计", null, 10, null, 8],
      ]),
    );
    expect(r.items.map((i) => i[3])).toEqual([6, 4]);
    expect(r.total).toMatchObject({ max: 10, final: 8 });
    expect(r.problems).toEqual([]);
  });

  it("an unknown word over a score column: numbers each within the 分值 beside them", () => {
    const r = read(
      sheet(4, [
        ["序号", "考核内容", "分值", "市级核查"],
        [1, "按时发布政府信息公开工作年度报告", 6, 5],
        [2, "及时更新政府信息公开指南", 4, 4],
      ]),
    );
    expect(r.report.columns).toEqual(["市级核查"]);
    expect(r.total).toMatchObject({ max: 10, final: 9 });
  });

  it("a title row merged over the sheet is no header, even when its words are", () => {
    const grid = sheet(4, ["政务公开考评评分标准", ["考核项目", "分值", "评分标准", "得分"], ["信息发布", 10, "每缺一条扣1分", 9]]);
    expect(detectScoreTable(grid)?.headerRow).not.toBe(0);
  });
});

describe("the filled score column", () => {
  const grid = () =>
    sheet(5, [
      ["序号", "考核内容", "分值", "自查评分", "考核评分"],
      [1, "按时发布年度报告", 6, null, 5],
      [2, "及时更新公开指南", 4, null, 4],
    ]);

  it("scores 考核评分 when 自查评分 is empty, and warns naming both", () => {
    const report = checkGrids([grid()]);
    expect(report.sheets[0]).toMatchObject({ column: "考核评分", total: { final: 9 } });
    const f = report.findings.find((x) => x.code === "score_column_switched")!;
    expect(f).toMatchObject({ cell: "E1", severity: "warning" });
    expect(f.message).toContain("自查评分");
    expect(f.message).toContain("考核评分");
  });

  it("also when the clerk asked for the empty one", () => {
    const r = read(grid(), { column: "自查评分" });
    expect(r.report.column).toBe("考核评分");
    expect(r.problems).toEqual(["score_column_switched@E1"]);
  });

  it("keeps the chosen column when both are empty (a blank template)", () => {
    const g = grid();
    g.cells[1][4] = null;
    g.cells[2][4] = null;
    const r = read(g);
    expect(r.report.column).toBe("自查评分");
    expect(r.problems).toEqual(["score_missing@D2", "score_missing@D3"]);
  });
});

describe("entries in the clerk's wording", () => {
  const grid = (entry: string) =>
    sheet(4, [
      ["序号", "考核内容", "分值", "得分"],
      [1, "按时发布年度报告", 8, entry],
      [2, "加分项:经验做法被上级采用", "加分项", "满分"],
    ]);

  it.each([
    ["满分", 8, ["score_normalized@D2"]],
    ["扣2分", 6, ["score_normalized@D2"]],
    ["扣两分", 6, ["score_normalized@D2"]],
    ["减0.5", 7.5, ["score_normalized@D2"]],
    ["扣10分", 0, ["score_normalized@D2", "deduction_over_max@D2"]],
  ])("%s in a scored item of 8 counts %d", (entry, score, findings) => {
    const r = read(grid(entry));
    expect(r.report.items[0].score).toBe(score);
    expect(r.findings.filter((f) => f.endsWith("@D2"))).toEqual(findings);
  });

  it("满分 in an adjustment item is no number", () => {
    expect(read(grid("8")).problems).toEqual(["score_not_number@D3"]);
  });
});

describe("veto sections and wordings", () => {
  it.each(["否决项", "一票否决", "单项否决指标", "否决事项"])("a '%s' section makes its items vetoes answered 是/否", (name) => {
    const g = sheet(4, [
      ["序号", "考核内容", "分值", "得分"],
      [1, "按时发布年度报告", 10, 10],
      ["二", name, null, null],
      [1, "发生泄密事件", null, "否"],
      [2, "被上级通报批评", null, "是"],
    ]);
    const r = read(g);
    expect(r.items.map((i) => [i[1], i[2]])).toEqual([
      [null, "scored"],
      [name, "veto"],
      [name, "veto"],
    ]);
    expect(r.total).toMatchObject({ final: 0, vetoed: true });
    expect(r.problems).toEqual(["veto_applied@D5"]);
  });
});

describe("summary sheets are no score tables", () => {
  const summary = (name: string, formulas: boolean): Grid => {
    const g = sheet(
      3,
      [
        ["类别", "满分", "得分"],
        ["组织领导", 20, 18],
        ["主动公开", 50, 45],
        ["依申请公开", 30, 28],
      ],
      [],
      name,
    );
    if (formulas) g.formulas = [[], [false, true, true], [false, true, true], [false, true, true]];
    return g;
  };

  it.each([
    ["考核结果汇总", false],
    ["Sheet2", true],
  ])("%s (points as formulas: %s) is skipped", (name, formulas) => {
    expect(detectScoreTable(summary(name, formulas))).toBeNull();
  });

  it("the same grid named plainly, with typed points, is still read (a table of its own)", () => {
    expect(detectScoreTable(summary("评分表", false))?.items.length).toBe(3);
  });

  it("a workbook of a score sheet and its summary scores the score sheet only", () => {
    const score = sheet(4, [
      ["序号", "考核内容", "分值", "得分"],
      [1, "按时发布年度报告", 10, 9],
    ]);
    const report = checkGrids([score, summary("汇总表", true)]);
    expect(report.sheets.map((s) => s.sheet)).toEqual(["评分表"]);
  });
});

describe("our own 核算得分 column", () => {
  it("is never read as the 分值 of a table whose points stand in its text", () => {
    const grid = sheet(5, [
      ["序号", "考核内容", "评分标准", "得分", "核算得分"],
      [1, "按时发布年度报告(6分)", "未按时发布扣6分", 6, 6],
      [2, "及时更新公开指南(4分)", "未更新扣2分", 2, 2],
    ]);
    const r = read(grid);
    expect(r.report.items.map((i) => [i.max, i.score])).toEqual([
      [6, 6],
      [4, 2],
    ]);
    expect(r.report.placement.lastColumn).toBe(3);
  });
});

describe("a 序号 column that numbers nothing", () => {
  const header = ["序号", "项目名称", "工作要求", "分值", "得分标准", "自评得分"];
  it("holds the categories when its cells are names merged down over their items", () => {
    const r = read(
      sheet(
        6,
        [
          header,
          ["制度建设", "信用制度", "出台社会信用体系建设实施方案", 5, "未出台不得分", 5],
          [null, "信用档案", "建立企业信用档案", 5, "未建立不得分", 3],
          ["基础保障", "机构人员", "明确信用工作机构和人员", 3, "未明确扣3分", 3],
          [null, "经费保障", "落实工作经费", 3, "未落实扣3分", 0],
          ["合计", null, null, 16, null, null],
        ],
        ["A2:A3", "A4:A5"],
      ),
    );
    expect(r.items).toEqual([
      [2, "制度建设", "scored", 5],
      [3, "制度建设", "scored", 5],
      [4, "基础保障", "scored", 3],
      [5, "基础保障", "scored", 3],
    ]);
    expect(r.titles).toEqual(["信用制度", "信用档案", "机构人员", "经费保障"]);
    expect(r.categories).toEqual([
      ["制度建设", 10, 8],
      ["基础保障", 6, 3],
    ]);
    expect(r.total).toMatchObject({ max: 16, final: 11 });
  });

  it("stays a 序号 when it numbers its items, even where a number is merged over an item's lines", () => {
    const r = read(
      sheet(
        6,
        [
          header,
          [1, "信用制度", "出台实施方案", 5, "未出台不得分", 5],
          [null, null, "按时报送进展", null, null, null],
          [2, "机构人员", "明确信用工作机构和人员", 3, "未明确扣3分", 3],
          ["合计", null, null, 8, null, null],
        ],
        ["A2:A3", "B2:B3", "D2:D3", "E2:E3", "F2:F3"],
      ),
    );
    expect(r.items.map(([row, category]) => [row, category])).toEqual([
      [2, null],
      [4, null],
    ]);
    expect(r.total).toMatchObject({ max: 8, final: 8 });
  });
});
