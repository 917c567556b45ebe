/**
 * What issue #10 asks of tables nobody here had seen, each on a small grid built for it: header
 * words never met, columns known by their content, the filled score column, the clerk's wording
 * of an entry, veto sections, and summary sheets that are no score tables.
 */
import { describe, expect, it } from "vitest";
import { down, read, sheet } from "../../corpus/build";
import { checkGrids } from "../../../src/kaohe";
import { detectScoreTable } from "../../../src/core/layout/detect";
import type { Grid } from "../../../src/core/grid";
import { tableFromMapping } from "../../../src/core/layout/mapping";
import { mappingRows, type ColumnMapping } from "../../../src/core/mapping";
import { MAPPING_SHEET } from "../../../src/footprint";

/** The hidden sheet a stored column mapping lives in. */
const mappingSheet = (mappings: ColumnMapping[]): Grid => ({ name: MAPPING_SHEET, cells: mappingRows(mappings), merges: [], hidden: true });

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

describe("a score word over the items' points", () => {
  // 类别 | 考核内容 | 得分 ("2分") | 合计得分 (merged over the category) | a column left for the clerk
  const table = (opts: { sums?: [string, string]; sumsHeader?: string; clerk?: boolean; entries?: Array<number | null>; total?: string } = {}) => {
    const { sums = ["4分", "5分"], sumsHeader = "合计得分", clerk = true, entries = [], total } = opts;
    const width = clerk ? 5 : 4;
    const row = (...cells: Array<string | number | null>) => (clerk ? [...cells, entries.shift() ?? null] : cells);
    const lines = [
      row("类别", "考核内容", "得分", sumsHeader),
      row("组织保障", "有具体负责人和承办科室", "2分", sums[0]),
      row(null, "有具体经办人员", "2分", null),
      row("主动公开", "及时公开政府文件", "3分", sums[1]),
      row(null, "政策解读情况", "2分", null),
      ...(total ? [row("合计", null, total, null)] : []),
    ];
    return sheet(width, lines, ["A2:A3", "D2:D3", "A4:A5", "D4:D5"]);
  };

  it("is the 分值 when its '2分' texts sum to a 合计得分 merged over each category; the blank column is the clerk's", () => {
    const r = read(table({ entries: [null, 2, 1, 3, 2] }));
    expect(r.items).toEqual([
      [2, "组织保障", "scored", 2],
      [3, "组织保障", "scored", 2],
      [4, "主动公开", "scored", 3],
      [5, "主动公开", "scored", 2],
    ]);
    expect(r.report.columns).toEqual(["E列"]);
    expect(r.total).toMatchObject({ max: 9, final: 8 });
    expect(r.findings).toEqual([]);
  });

  it("checks the 合计得分 as the category's points", () => {
    const r = read(table({ sums: ["4分", "6分"] }));
    expect(r.items.map((i) => i[3])).toEqual([2, 2, 3, 2]);
    expect(r.problems).toContain("max_sum_mismatch@D4");
  });

  it("a sum standing on the category's first row only, not merged, says the same", () => {
    const grid = table({ entries: [null, 2, 1, 3, 2] });
    grid.merges = grid.merges.filter((m) => m.left !== 3);
    const r = read(grid);
    expect(r.items.map((i) => i[3])).toEqual([2, 2, 3, 2]);
    expect(r.total).toMatchObject({ max: 9, final: 8 });
  });

  it("a 合计 row stating the sum settles it as well", () => {
    const grid = table({ total: "9分" });
    grid.merges = grid.merges.filter((m) => m.left !== 3);
    for (const row of grid.cells) row[3] = row === grid.cells[0] ? "备注" : null;
    const r = read(grid);
    expect(r.items.map((i) => i[3])).toEqual([2, 2, 3, 2]);
    expect(r.report.columns).toEqual(["E列"]);
  });

  it("a score word over the sums is no entry column either", () => {
    const r = read(table({ sumsHeader: "类别得分", entries: [null, 2, 2, 3, 1] }));
    expect(r.report.columns).toEqual(["E列"]);
    expect(r.total).toMatchObject({ max: 9, final: 8 });
  });

  it("with no column left for the clerk, says at the 得分 header that the column holds the points", () => {
    const grid = table({ clerk: false });
    const r = read(grid);
    expect(r.items.map((i) => i[3])).toEqual([2, 2, 3, 2]);
    expect(r.report.columns).toEqual([]);
    expect(r.problems).toEqual(["score_column_missing@C1"]);
    const [message] = checkGrids([grid]).findings.filter((f) => f.code === "score_column_missing").map((f) => f.message);
    expect(message).toBe(
      "“得分”列填的是各项的分值(如“2分”),已按分值读取;本表没有可填写得分的列,得分未核算。请在表格右侧加一列(如“自评得分”)填写各项得分",
    );
  });

  it("a table with no score word at all still says it has no 得分 column, at its first header cell", () => {
    const grid = sheet(3, [
      ["序号", "考核内容", "分值"],
      [1, "及时公开政府文件", 3],
      [2, "政策解读情况", 2],
    ]);
    const r = read(grid);
    expect(r.problems).toEqual(["score_column_missing@A1"]);
    expect(checkGrids([grid]).findings.find((f) => f.code === "score_column_missing")!.message).toBe("本表没有“得分”列");
  });

  it("names the blank column left for the clerk by its letter, detected or mapped alike", () => {
    const grid = table({ entries: [null, 2, 1, 3, 2] });
    expect(detectScoreTable(grid)!.columns.scores.map((s) => s.header)).toEqual(["E列"]);
    const mapped = tableFromMapping(grid, { sheet: grid.name, headerRow: 1, title: "B", max: "C", method: null, category: "A", id: null, scores: ["E"] })!;
    expect(mapped.columns.scores.map((s) => s.header)).toEqual(["E列"]);
    const byMapping = read([grid, mappingSheet([{ sheet: grid.name, headerRow: 1, title: "B", max: "C", method: null, category: "A", id: null, scores: ["E"] }])]);
    expect(byMapping.report.column).toBe(read(grid).report.column);
    expect(byMapping.total).toEqual(read(grid).total);
  });

  it("stays the clerk's score column when nothing else states the points ('2分' typed as entries)", () => {
    const grid = table({ clerk: false });
    grid.merges = grid.merges.filter((m) => m.left !== 3);
    for (const row of grid.cells) row[3] = row === grid.cells[0] ? "备注" : null;
    const r = read(grid);
    expect(r.report.columns).toEqual(["得分"]);
    expect(r.items.map((i) => i[3])).toEqual([null, null, null, null]);
  });

  it("stays the score column when its entries are numbers, not points written as text", () => {
    const grid = table({ clerk: false });
    for (const [q, v] of [[1, 2], [2, 2], [3, 3], [4, 2]] as const) grid.cells[q][2] = v;
    const r = read(grid);
    expect(r.report.columns).toEqual(["得分"]);
  });
});

describe("two title words over a criterion column", () => {
  // 考核指标 | 考核内容 | 评分标准 | 自评分
  const lines = (first: Array<string | null>) => [
    ["考核指标", "考核内容", "评分标准", "自评分"],
    [first[0], "1、健全机制(2分)", "建立领导小组(1分)。", 1],
    [first[1], null, "建立工作机制(1分)。", null],
    [first[2], "2、工作部署(3分)", "制定年度工作要点(3分)。", 3],
    [first[3], "1、队伍建设(2分)", "建立宣传队伍(2分)。", 2],
  ];

  it("the first holding numbered headings with points merged down is the category; the second names the items", () => {
    const r = read(sheet(4, lines(["一、组织领导(5分)", null, null, "二、新闻宣传(2分)"]), ["A2:A4", "B2:B3", "D2:D3"]));
    expect(r.titles).toEqual(["1、健全机制", "2、工作部署", "1、队伍建设"]);
    expect(r.items).toEqual([
      [2, "组织领导", "scored", 2],
      [4, "组织领导", "scored", 3],
      [5, "新闻宣传", "scored", 2],
    ]);
    expect(r.total).toMatchObject({ max: 7, final: 6 });
    expect(r.findings).toEqual([]);
  });

  it("an entry on each criterion row makes the second a level and each row an item", () => {
    const grid = sheet(4, lines(["一、组织领导(5分)", null, null, "二、新闻宣传(2分)"]), ["A2:A4", "B2:B3"]);
    grid.cells[2][3] = 1;
    const r = read(grid);
    expect(r.items.map((i) => [i[0], i[1], i[3]])).toEqual([
      [2, "组织领导", 1],
      [3, "组织领导", 1],
      [4, "组织领导", 3],
      [5, "新闻宣传", 2],
    ]);
    expect(r.total).toMatchObject({ max: 7, final: 7 });
    expect(r.findings).toEqual([]);
  });

  it("without a criterion column, the same headings are the category and the second word the title", () => {
    const grid = sheet(
      4,
      [
        ["考核指标", "考核内容", "分值", "自评分"],
        ["一、组织领导(5分)", "1、健全机制", 2, 2],
        [null, "2、工作部署", 3, 3],
      ],
      ["A2:A3"],
    );
    const r = read(grid);
    expect(r.titles).toEqual(["1、健全机制", "2、工作部署"]);
    expect(r.items.map((i) => [i[1], i[3]])).toEqual([
      ["组织领导", 2],
      ["组织领导", 3],
    ]);
    expect(r.report.items.every((i) => i.rules.length === 0)).toBe(true);
  });

  it("stays the title when its cells name their own items (no points, nothing merged)", () => {
    const r = read(
      sheet(5, [
        ["考核指标", "考核内容", "分值", "评分标准", "得分"],
        ["信息发布", "及时发布政府信息", 6, "未发布扣2分", 6],
        ["政策解读", "及时解读政策文件", 4, "未解读扣2分", 2],
      ]),
    );
    expect(r.titles).toEqual(["信息发布", "政策解读"]);
    expect(r.items.map((i) => i[1])).toEqual([null, null]);
  });
});

/** One item and no 分值 column: the item's points stand in its words only. */
const unpriced = (title: string, criterion: string, entry: number) =>
  sheet(3, [
    ["考核内容", "评分标准", "得分"],
    [title, criterion, entry],
  ]);

describe("points an item's criterion states in parts", () => {
  const grid = (criterion: string, max: number) =>
    sheet(4, [
      ["考核内容", "评分标准", "分值", "得分"],
      ["意见征集", criterion, max, max],
    ]);

  it("summing to other than the 分值: a warning at the criterion, the 分值 kept", () => {
    const r = read(grid("1.决策草案【2分】; 2.决策依据【2分】; 3.反馈渠道【2分】", 5));
    expect(r.problems).toEqual(["criterion_points_mismatch@B2"]);
    expect(r.report.items[0].max).toBe(5);
  });

  it.each([
    ["【N分】 parts matching the 分值", "1.决策草案【2分】; 2.决策依据【3分】", 5],
    ["(N分) parts matching the 分值", "(1)建立领导小组(1分)。(2)建立工作机制(1分)。", 2],
    ["grades of one scale (the best counts)", "工作成效优秀(5分)、良好(3分)、一般(1分)", 5],
    ["a bracket that is a rule, not a part", "未建立的扣分(2分,每少一项扣1分)", 5],
    ["no parts at all", "未按时发布扣2分", 5],
  ])("%s: no warning", (_, criterion, max) => {
    expect(read(grid(criterion, max)).problems).toEqual([]);
  });

  it("against the title's own '(N分)' without a 分值 column: reported once, as the title's points", () => {
    const r = read(unpriced("新闻用稿(40分)", "(1)国家级用稿(15分)。(2)省级用稿(8分)。(3)市级用稿(7分)。", 30));
    expect(r.report.items[0].max).toBe(30);
    expect(r.problems).toEqual(["max_sum_mismatch@A2"]);
  });

  it("not when the item's points are read from those parts themselves", () => {
    const r = read(unpriced("新闻用稿", "(1)国家级用稿(15分)。(2)省级用稿(8分)。", 20));
    expect(r.report.items[0].max).toBe(23);
    expect(r.problems).toEqual([]);
  });

  it("points said in brackets and again in words ('(15分)。…得基本分15分') count once", () => {
    const r = read(unpriced("国家级用稿", "国家级用稿(15分)。采用1篇,得基本分15分,每增加1篇加20分。", 15));
    expect(r.report.items[0].max).toBe(15);
  });
});

/**
 * An item's worth stated, then stated again as what meeting the criterion gives ("本项10分。…得基本分
 * 10分", "(15分)。…得基本分15分", "满分10分,…得满分10分") or accounted for in parts that add up to it
 * ("市级用稿(7分)。…2分;…2分;…3分"): the worth counts once, in the maximum and in every check of it.
 */
describe("an item's worth said twice counts once", () => {
  it.each([
    ["本项10分。按时报送的,得基本分10分;每迟报1天扣1分", 10],
    ["本项满分10分,全部公开的得基础分10分", 10],
    ["满分10分。达到要求的,得满分10分", 10],
    ["分值10分,按要求公开的得基本分10分,未公开的不得分", 10],
    ["(1)市级用稿(7分)。电视台采用1条,2分;报纸用稿1篇,2分;网站用稿6篇,3分。(2)区级用稿(3分)。", 10],
  ])("'%s' is worth %d: an entry of 12 is over it", (criterion, max) => {
    const r = read(unpriced("报送情况", criterion, 12));
    expect(r.report.items[0].max).toBe(max);
    expect(r.problems).toEqual(["score_over_max@C2"]);
    expect(r.total).toMatchObject({ max, final: max });
  });

  it("a category's declared points against items whose worth each says twice: no false mismatch", () => {
    const r = read(
      sheet(3, [
        ["考核内容", "评分标准", "得分"],
        "一、信息发布(20分)",
        ["年度报告", "满分10分。按时发布的,得满分10分", 10],
        ["公开指南", "本项10分。及时更新的,得基本分10分,每缺一项扣2分", 8],
      ]),
    );
    expect(r.categories).toEqual([["信息发布", 20, 18]]);
    expect(r.problems).toEqual([]);
  });

  it.each([
    ["two numbered parts, one in brackets and one in words", "(1)听取汇报(3分)。(2)研究部署推进工作,3分", 6],
    ["two parts in brackets", "听取汇报(3分),研究部署推进工作(2分)", 5],
    ["a part worth other than the words after it", "(1)国家级用稿(15分)。采用1篇,得基本分10分", 25],
    ["points given on a condition with nothing stated before", "采用1篇,得基本分15分", 15],
    ["two parts each giving a base", "(1)国家级用稿得基本分5分;(2)省级用稿得基本分5分", 10],
  ])("not a restatement: %s ('%s' is worth %d)", (_, criterion, max) => {
    const r = read(unpriced("用稿情况", criterion, 1));
    expect(r.report.items[0].max).toBe(max);
  });

  it("a rule after the restated worth stays a rule", () => {
    const r = read(unpriced("用稿情况", "本项10分。采用1篇,得基本分10分,每增加1篇加2分,每漏报1篇扣1分", 10));
    expect(r.report.items[0].max).toBe(10);
    expect(r.report.items[0].rules.map((x) => x.kind)).toEqual(["points", "bonus", "deduct"]);
  });
});

/**
 * A header of text columns and a score column only: no 分值 column, no criterion column, each item's
 * points written in its own text ("(5分)", "…,5分", "【10分】"). The points are the items' maxima.
 */
describe("points written in the item's text, under a header with no 分值 column", () => {
  const items: Array<[string, string, number]> = [
    ["组织领导", "成立政务公开领导小组,明确分管领导(5分)", 5],
    ["组织领导", "制定年度工作要点并印发,5分", 4],
    ["主动公开", "【10分】按时发布政府信息公开工作年度报告", 8],
    ["主动公开", "及时更新政府信息公开指南(5分)", 5],
  ];
  const titles = ["成立政务公开领导小组,明确分管领导", "制定年度工作要点并印发", "按时发布政府信息公开工作年度报告", "及时更新政府信息公开指南"];

  it.each([
    ["考核指标", "考核内容", "自评分"],
    ["指标", "内容", "得分"],
    ["评估项目", "评估内容", "得分"],
    ["指标", "要求", "自评得分"],
    ["考核项目", "考核内容", "考核得分"],
  ])("%s | %s | %s: the items, their points from the text, the score column", (a, b, score) => {
    const r = read(sheet(3, ["某县政务公开工作考核表", [a, b, score], ...items], [down("A", 3, 4), down("A", 5, 6)]));
    expect(r.titles).toEqual(titles);
    expect(r.items).toEqual([
      [3, "组织领导", "scored", 5],
      [4, "组织领导", "scored", 5],
      [5, "主动公开", "scored", 10],
      [6, "主动公开", "scored", 5],
    ]);
    expect(r.report.column).toBe(score);
    expect(r.categories).toEqual([
      ["组织领导", 10, 9],
      ["主动公开", 15, 13],
    ]);
    expect(r.problems).toEqual([]);
  });

  it("考核内容 | 自评分 alone, an entry over the points in the text reported at its cell", () => {
    const r = read(sheet(2, [["考核内容", "自评分"], ...items.map(([, text], i) => [text, i === 0 ? 6 : 1])]));
    expect(r.titles).toEqual(titles);
    expect(r.items.map((i) => i[3])).toEqual([5, 5, 10, 5]);
    expect(r.problems).toEqual(["score_over_max@B2"]);
    expect(r.total).toMatchObject({ max: 25, final: 8 });
  });

  const noTable = (grid: Grid) => expect(detectScoreTable(grid)).toBeNull();

  it("a roster with a 得分 column, its text stating no points, is no score table", () => {
    noTable(
      sheet(3, [
        ["考核指标", "考核内容", "得分"],
        ["张三", "2023年度考核", 95],
        ["李四", "2023年度考核", 90],
        ["王五", "2023年度考核", 88],
      ]),
    );
  });

  it("a list whose text gives rules but no points is no score table", () => {
    noTable(
      sheet(2, [
        ["考核内容", "得分"],
        ["未按时发布年报的,扣2分", 1],
        ["每缺一项扣1分", 2],
        ["信息更新不及时的,每次扣0.5分", 3],
      ]),
    );
  });

  it("nor one where a single row of several happens to state points", () => {
    noTable(
      sheet(2, [
        ["内容", "得分"],
        ["年度报告(5分)", 5],
        ["办理群众来信", 3],
        ["召开新闻发布会", 4],
        ["接待来访群众", 2],
      ]),
    );
  });
});

/**
 * An item that states no points and no rule, in a block whose other items all go one way (bonus items
 * "每条计5分", or deduction items): it is an adjustment that way too, not a scored item of unknown 分值.
 */
describe("an item silent on its kind, among adjustments of one way", () => {
  const block = (criteria: string[], entries: number[]) =>
    sheet(
      3,
      [["考核内容", "计分办法", "得分"], ...criteria.map((c, i) => [i === 0 ? "信息采用" : null, c, entries[i] ?? null])],
      [down("A", 2, criteria.length + 1)],
    );

  it.each([
    ["bonus", ["信息快报采用每条10分。", "政务信息采用每条5分,简讯采用每条3分。", "经认定的其他重要信息"], [10, 5, 4], 19],
    ["deduct", ["信息报送不及时的,扣1分。", "信息内容出现错误的,每次扣2分。", "其他工作落实不到位的情形"], [1, 2, 1], -4],
  ])("goes the way of its block (%s)", (sign, criteria, entries, adjustments) => {
    const r = read(block(criteria, entries));
    expect(r.report.items.map((i) => i.kind)).toEqual(["adjust", "adjust", "adjust"]);
    expect(r.problems).toEqual([]);
    expect(r.total).toMatchObject({ max: 0, adjustments });
    expect(detectScoreTable(block(criteria, entries))!.items.map((i) => i.sign)).toEqual([sign, sign, sign]);
  });

  it.each([
    ["a block going both ways", ["信息快报采用每条10分。", "信息报送不及时的,扣1分。", "经认定的其他重要信息"]],
    ["a block of one other item", ["信息快报采用每条10分。", "经认定的其他重要信息"]],
  ])("stays a scored item of unknown 分值 in %s", (_, criteria) => {
    const r = read(block(criteria, []));
    expect(r.report.items.at(-1)!.kind).toBe("scored");
    expect(r.problems).toContain(`max_unknown@A${criteria.length + 1}`);
  });
});

/**
 * A sheet whose items have no 分值 and only add or take points, the score each unit starts from stated
 * in a note under the table or a line above the header ("基础分100分", "以100分为基础分"): the total
 * starts from it. Where the items have their 分值, "基础分" names their part of the whole and adds nothing.
 */
describe("the score every unit starts from", () => {
  const deductions = (lines: Array<string | Array<string | number | null>>) =>
    sheet(3, [...lines.filter((l) => typeof l === "string" && !l.startsWith("注")), ["考核内容", "扣分标准", "扣分"], ["信息发布", "未按时发布的,每次扣2分", 4], ["政策解读", "未解读的,每件扣1分", 1], ...lines.filter((l) => typeof l !== "string" || l.startsWith("注"))]);

  it("stated above the header: deductions are taken from it", () => {
    const r = read(deductions(["政务公开工作考核扣分表(以100分为基础分,扣完为止)"]));
    expect(r.report.items.map((i) => i.kind)).toEqual(["adjust", "adjust"]);
    expect(r.total).toMatchObject({ max: 100, base: 100, adjustments: -5, final: 95 });
    expect(r.findings).toEqual(["sheet_base@A1"]);
  });

  it("stated in a note under the table", () => {
    const r = read(deductions(["注:各单位基础分均为100分,按上述标准扣分"]));
    expect(r.total).toMatchObject({ max: 100, final: 95 });
    expect(r.findings).toEqual(["sheet_base@A4"]);
  });

  it("without one, the deductions have nothing to be taken from (the reading before)", () => {
    expect(read(deductions([])).total).toMatchObject({ max: 0, final: 0 });
  });

  it("adds nothing where the items have their 分值", () => {
    const r = read(
      sheet(4, [
        ["考核内容", "分值", "评分标准", "得分"],
        ["信息发布", 60, "未按时发布的,每次扣2分", 58],
        ["政策解读", 40, "未解读的,每件扣1分", 40],
        "注:基础分100分,另设加分项",
      ]),
    );
    expect(r.total).toMatchObject({ max: 100, final: 98 });
    expect(r.findings).toEqual([]);
  });
});
