import { describe, expect, it } from "vitest";
import type { CellValue, Grid } from "../../src/core/grid";
import { renderFinding } from "../../src/core/findings";
import { detectScoreTable } from "../../src/core/layout/detect";
import { readEntry, scoreTable, type ScoreOptions } from "../../src/core/score";
import { gridOf } from "../helpers/grid";
import { wuhaiGrid } from "../helpers/wuhai";

type Row = [id: CellValue, title: string, max: CellValue, method: string, score: CellValue];

/** A plain table: 序号 | 考核内容 | 分值 | 评分标准 | 得分, optional 合计 row. */
function sheet(rows: Row[], total?: { max?: CellValue; score?: CellValue }): Grid {
  const cells: CellValue[][] = [["序号", "考核内容", "分值", "评分标准", "得分"], ...rows.map((r) => [...r])];
  if (total) cells.push(["合计", null, total.max ?? null, null, total.score ?? null]);
  return gridOf(cells);
}

function run(grid: Grid, options: ScoreOptions = {}) {
  const table = detectScoreTable(grid);
  if (!table) throw new Error("no table");
  const { report, findings } = scoreTable(grid, table, options);
  return { report, findings: findings.map(renderFinding) };
}

const codes = (grid: Grid, options?: ScoreOptions) => run(grid, options).findings.map((f) => `${f.code}@${f.cell}`);

describe("reading an entry", () => {
  it.each<[CellValue, ReturnType<typeof readEntry>]>([
    [5, { kind: "number", value: 5, fromText: false }],
    ["5分", { kind: "number", value: 5, fromText: true }],
    ["５", { kind: "number", value: 5, fromText: true }],
    [" 5 ", { kind: "number", value: 5, fromText: true }],
    ["扣0.4", { kind: "number", value: -0.4, fromText: true, takenOff: true }],
    ["扣除2分", { kind: "number", value: -2, fromText: true, takenOff: true }],
    ["满分", { kind: "full", text: "满分" }],
    ["加2分", { kind: "number", value: 2, fromText: true }],
    ["三", { kind: "number", value: 3, fromText: true }],
    [null, { kind: "blank" }],
    ["  ", { kind: "blank" }],
    ["不适用", { kind: "not_applicable", text: "不适用" }],
    ["不涉及", { kind: "not_applicable", text: "不涉及" }],
    ["—", { kind: "not_applicable", text: "—" }],
    ["／", { kind: "not_applicable", text: "／" }],
    ["是", { kind: "yes" }],
    ["√", { kind: "yes" }],
    ["否", { kind: "no" }],
    ["良好", { kind: "text", text: "良好" }],
  ])("%j", (v, expected) => expect(readEntry(v)).toEqual(expected));
});

describe("scored items", () => {
  it("clamps to [0, max] and reports over-max and negative entries at their cells", () => {
    const { report, findings } = run(sheet([[1, "甲", 6, "", 8], [2, "乙", 4, "", -1], [3, "丙", 5, "", 5]]));
    expect(report.items.map((i) => i.score)).toEqual([6, 0, 5]);
    expect(findings.map((f) => [f.code, f.cell, f.severity])).toEqual([
      ["score_over_max", "E2", "error"],
      ["score_negative", "E3", "error"],
    ]);
    expect(report.total).toEqual({ max: 15, base: 11, adjustments: 0, final: 11, rate: 0.733333, vetoed: false });
  });

  it("counts a blank as 0 with a warning and text as 0 with an error; normalises '5分'", () => {
    expect(codes(sheet([[1, "甲", 6, "", null], [2, "乙", 4, "", "良好"], [3, "丙", 5, "", "5分"]]))).toEqual([
      "score_missing@E2",
      "score_not_number@E3",
      "score_normalized@E4",
    ]);
  });

  it.each<[string, number, CellValue, boolean]>([
    ["一项未达标扣4分", 16, 12, false],
    ["一项未达标扣4分", 16, 10, true],
    ["一项未达标扣4分", 16, 0, false],
    ["每周缺少1条信息扣0.5分", 6, 4.5, false],
    ["每周缺少1条信息扣0.5分", 6, 4.3, true],
    ["根据查看文件评分", 6, 4.3, false],
    ["一项未达标扣4分,每发现一处错误扣1分", 16, 13, false],
    ["未达到要求的酌情扣1-3分", 10, 8.5, false],
    ["每3处错误扣1分", 10, 9, false],
    ["每3处错误扣1分", 10, 9.5, true],
  ])("'%s' (max %d): entry %j off the step? %s", (method, max, score, off) => {
    expect(codes(sheet([[1, "甲", max, method, score]])).includes("score_off_step@E2")).toBe(off);
  });

  it("leaves out items marked 不适用 from max, base and category, and reports the rate", () => {
    const { report, findings } = run(sheet([[1, "甲", 60, "", 50], [2, "行政许可信息", 40, "", "不适用"]]));
    expect(report.total).toMatchObject({ max: 60, base: 50, final: 50, rate: 0.833333 });
    expect(report.items[1]).toMatchObject({ applicable: false, score: 0 });
    expect(findings.map((f) => [f.code, f.severity])).toEqual([["item_not_applicable", "info"]]);
  });
});

describe("adjustment items", () => {
  const genhe11 = "办理资料复印件报送主管部门1件2分,满分10分;办理1件未达标扣2分;发生行政复议、行政诉讼纠错,1件办理事项扣10分";
  const genhe13 = "发布单份政策解读材料加2分,累计不超过10分;应发布未发布或因材料不达标未发布,每件扣2分,累计不超过10分";

  it.each<[string, string, CellValue, number, string[]]>([
    ["bonus within its cap", genhe13, 6, 6, []],
    ["bonus over its cap", genhe13, 14, 10, ["adjust_over_cap@E3"]],
    ["deduction within its cap", genhe13, -8, -8, []],
    ["deduction over its cap", genhe13, -12, -10, ["adjust_under_cap@E3"]],
    ["'扣4' written as text", genhe13, "扣4", -4, ["score_normalized@E3"]],
    ["an uncapped deduction is not clamped", genhe11, -20, -20, []],
    ["a bonus item 1件2分,满分10分 over its cap", genhe11, 12, 10, ["adjust_over_cap@E3"]],
    ["blank means no adjustment", genhe13, null, 0, []],
  ])("%s", (_, method, entry, score, found) => {
    const { report, findings } = run(sheet([[1, "基础", 50, "", 50], [2, "调整", "加、扣分项", method, entry]]));
    expect(report.items[1].kind).toBe("adjust");
    expect(report.items[1].score).toBe(score);
    expect(findings.map((f) => `${f.code}@${f.cell}`)).toEqual(found);
    expect(report.total.adjustments).toBe(score);
  });

  it.each<[CellValue, number, string[]]>([
    [8, 8, []],
    [12, 10, ["adjust_over_cap@E3"]],
    [-12, -10, ["adjust_under_cap@E3"]],
  ])("bounds a 加、扣分项(10分) entry %j to ±10", (entry, score, found) => {
    const { report, findings } = run(sheet([[1, "基础", 50, "", 50], [2, "调整", "加、扣分项(10分)", "根据情况加减分", entry]]));
    expect(report.items[1]).toMatchObject({ kind: "adjust", score });
    expect(findings.map((f) => `${f.code}@${f.cell}`)).toEqual(found);
  });

  it("reads a positive entry in a deduction-only item as the points deducted", () => {
    const { report, findings } = run(sheet([[1, "基础", 40, "", 40], [2, "错敏字", "扣分项", "每发现一个扣0.2分", 0.4]]));
    expect(report.items[1].score).toBe(-0.4);
    expect(report.total.final).toBe(39.6);
    expect(findings[0]).toMatchObject({ code: "score_normalized", severity: "info", cell: "E3" });
  });

  it("caps the sum of a section's bonuses (group cap) and says so", () => {
    const grid = gridOf(
      [
        ["序号", "考核内容", "分值", "评分标准", "得分"],
        ["(一)基础工作(35分)", null, null, null, null],
        [1, "年度报告", 35, "未及时报送扣1分", 35],
        ["(二)加分指标(5分)", null, null, null, null],
        [1, "领导解读", null, "每次加1.5分,加分最高不超过3分", 3],
        [2, "规范性文件备案", null, "每个加2分,加分最高不超过4分", 4],
      ],
      ["A2:E2", "A4:E4"],
    );
    const { report, findings } = run(grid);
    expect(report.total).toMatchObject({ max: 35, base: 35, adjustments: 5, final: 40 });
    expect(report.categories).toEqual([
      { name: "基础工作", max: 35, score: 35 },
      { name: "加分指标", max: 0, score: 5 },
    ]);
    expect(findings.map((f) => [f.code, f.cell, f.actual, f.expected])).toEqual([["group_bonus_capped", "A4", 7, "≤5"]]);
  });

  it.each<[CellValue, CellValue, number, string[]]>([
    [-4, -5, -9, []],
    [-6, -7, -10, ["group_deduct_capped@A4"]],
  ])("caps a deduction section's sum at its heading's cap (entries %j, %j)", (a, b, adjustments, found) => {
    const grid = gridOf(
      [
        ["序号", "考核内容", "分值", "评分标准", "得分"],
        [1, "基础工作", 40, "", 40],
        ["", null, null, null, null],
        ["三、扣分项(最多扣10分)", null, null, null, null],
        [1, "错敏字", null, "每发现一个扣1分", a],
        [2, "失泄密以外的信息安全问题", null, "每次扣2分", b],
      ],
      ["A4:E4"],
    );
    const { report, findings } = run(grid);
    expect(report.total.adjustments).toBe(adjustments);
    expect(report.total.final).toBe(40 + adjustments);
    expect(findings.filter((f) => f.severity !== "info").map((f) => `${f.code}@${f.cell}`)).toEqual(found);
  });

  it("does not cap when the bonuses stay under the group cap", () => {
    const grid = gridOf(
      [
        ["类别", "序号", "考核内容", "分值", "评分标准", "自评得分"],
        ["加分项", 1, "备案", "加分项", "每个加2分,加分最高不超过4分", 2],
        [null, 2, "网上调查", "加分项", "每次加1分,最高不超过2分", 2],
        ["以上加分项累计最高5分", null, null, null, null, null],
      ],
      ["A2:A3", "A4:F4"],
    );
    expect(run(grid).report.total.adjustments).toBe(4);
    expect(codes(grid)).toEqual([]);
  });
});

describe("veto", () => {
  it.each<[CellValue, boolean]>([
    [1, true],
    ["是", true],
    ["发生", true],
    ["√", true],
    [null, false],
    [0, false],
    ["否", false],
    ["无", false],
  ])("entry %j triggers: %s", (entry, triggered) => {
    const { report, findings } = run(sheet([[1, "基础", 35, "", 30], [2, "失泄密事件", "一票否决", "执行一票否决", entry]]));
    expect(report.total.vetoed).toBe(triggered);
    expect(report.total.final).toBe(triggered ? 0 : 30);
    expect(findings.filter((f) => f.code === "veto_applied").map((f) => [f.cell, f.severity])).toEqual(triggered ? [["E3", "warning"]] : []);
  });
});

describe("totals and declared maxima", () => {
  it("flags a typed total that differs from the computed final, at its cell", () => {
    const grid = sheet([[1, "甲", 60, "", 50], [2, "乙", 40, "", 30]], { max: 100, score: 85 });
    expect(run(grid).findings.map((f) => [f.code, f.cell, f.expected, f.actual])).toEqual([["total_mismatch", "E4", 80, 85]]);
    expect(codes(sheet([[1, "甲", 60, "", 50], [2, "乙", 40, "", 30]], { max: 100, score: 80 }))).toEqual([]);
  });

  it("warns when the 合计 row's 分值 is not the sum of the items' 分值", () => {
    const grid = sheet([[1, "甲", 60, "", 50], [2, "乙", 50, "", 30]], { max: 100 });
    expect(run(grid).findings.map((f) => [f.code, f.cell, f.expected, f.actual])).toEqual([["max_sum_mismatch", "C4", 100, 110]]);
  });

  it("warns when the scheme's full marks differ from the sum (根河 部门: 110 for 100)", () => {
    const grid = sheet([[1, "甲", 60, "", 50], [2, "乙", 50, "", 30]]);
    const scheme = { id: "t", name: "测试", match: { title: [], indicators: [] }, declaredMax: 100 };
    expect(codes(grid, { scheme })).toEqual(["max_sum_mismatch@C1"]);
  });

  it("checks the 乌海 headings' points against their rows and sums categories", () => {
    const { report, findings } = run(wuhaiGrid({ 0: "4分" }, "30分"));
    expect(report.categories).toEqual([
      { name: "组织领导", max: 20, score: 19 },
      { name: "政务服务", max: 10, score: 8 },
    ]);
    expect(report.total).toMatchObject({ max: 30, base: 27, final: 27 });
    expect(findings.filter((f) => f.severity !== "info").map((f) => `${f.code}@${f.cell}`)).toEqual(["score_missing@D11"]);
    const wrongTotal = run(wuhaiGrid({}, "90分")).findings.filter((f) => f.code === "max_sum_mismatch");
    expect(wrongTotal.map((f) => [f.cell, f.expected, f.actual])).toEqual([["B12", 90, 30]]);
  });
});

describe("unit classes and columns", () => {
  const rates = "一类考核单位每周缺少1条信息扣0.1分,二类考核单位每周缺少1条信息扣0.2分";
  it.each<[string | undefined, CellValue, boolean]>([
    [undefined, 5.9, false],
    ["一类", 5.9, false],
    ["二类", 5.9, true],
    ["二类", 5.8, false],
  ])("class %s, entry %j off the step? %s", (unitClass, entry, off) => {
    const { report, findings } = run(sheet([[9, "更新工作动态", 6, rates, entry]]), { unitClass });
    expect(report.unitClasses).toEqual(["一类", "二类"]);
    expect(report.unitClass).toBe(unitClass ?? "一类");
    expect(findings.some((f) => f.code === "score_off_step")).toBe(off);
  });

  it("scores the column asked for and warns when it is missing", () => {
    const grid = gridOf([["序号", "考核内容", "分值", "自查评分", "考核评分"], [1, "甲", 10, 9, 7]]);
    expect(run(grid, { column: "考核评分" }).report).toMatchObject({ column: "考核评分", total: { final: 7 } });
    const missing = run(grid, { column: "复核得分" });
    expect(missing.report.column).toBe("自查评分");
    expect(missing.findings.map((f) => f.code)).toEqual(["score_column_missing"]);
  });
});

describe("a 扣分 column instead of a score column (网站普查-style sheets)", () => {
  const grid = (entries: CellValue[]) =>
    gridOf([
      ["序号", "检查内容", "分值", "扣分标准", "扣分", "扣分原因"],
      [1, "栏目更新", 10, "每个栏目未更新扣2分", entries[0]],
      [2, "错链断链", 5, "每发现一处扣0.5分", entries[1]],
      [3, "信息安全", "扣分项", "发现一次扣5分", entries[2]],
      [4, "严重表述错误", "一票否决", "一票否决", entries[3]],
    ]);

  it("scores each item its 分值 less the points taken off; a blank takes nothing off", () => {
    const { report, findings } = run(grid([4, null, 5, null]));
    expect(report.column).toBe("扣分");
    expect(report.items.map((i) => i.score)).toEqual([6, 5, -5, 0]);
    expect(report.total).toMatchObject({ max: 15, base: 11, adjustments: -5, final: 6, vetoed: false });
    expect(findings).toEqual([]);
  });

  it("flags taking off more than the 分值, and an amount off the rule's step", () => {
    const { report, findings } = run(grid([12, 0.3, null, null]));
    expect(report.items.map((i) => i.score)).toEqual([0, 4.7, 0, 0]);
    expect(findings.map((f) => [f.code, f.cell, f.severity])).toEqual([
      ["deduction_over_max", "E2", "error"],
      ["score_off_step", "E3", "warning"],
    ]);
  });
});

