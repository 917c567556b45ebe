/**
 * Score tables in layouts the seeds do not show, with the wording other units use (found in
 * published 考核细则 and 评分表 of county offices, 第三方评估 indicator sets and 网站普查 sheets),
 * read as a 政务公开办 reviewer reads them.
 */
import { describe, expect, it } from "vitest";
import { down, read, sheet } from "./build";
import { checkGrids, planWriteback } from "../../src/kaohe";
import type { ScoreSheetReport } from "../../src/core/report";
import type { CellValue } from "../../src/core/grid";
import { countyDepartment } from "./tables";

describe("县直部门 table: two title lines, a 填报单位 line, header on row 4, 备注 column, signatures below", () => {
  const grid = countyDepartment();

  it("finds the eight items under their 考核项目 and stops at 合  计", () => {
    const r = read(grid);
    expect(r.report.placement).toMatchObject({ headerRow: 3, totalRow: 12, lastRow: 12 });
    expect(r.items.map((i) => i[0])).toEqual([5, 6, 7, 8, 9, 10, 11, 12]);
    expect(r.categories).toEqual([
      ["组织领导", 20, 20],
      ["主动公开", 50, 48],
      ["依申请公开", 20, 20],
      ["监督保障", 10, 10],
    ]);
    expect(r.report.columns).toEqual(["自评分", "复核分"]);
  });

  it.each([
    [undefined, 98, ["total_mismatch@F13"]],
    ["复核分", 82, ["total_mismatch@G13"]],
  ])("column %s: final %d, the typed 合计 flagged", (column, final, problems) => {
    const r = read(grid, { column });
    expect(r.total).toMatchObject({ max: 100, final });
    expect(r.problems).toEqual(problems);
  });
});

describe("1 / 1.1 numbering: a parent row carries its points, its children are the items", () => {
  const grid = sheet(5, [
    ["序号", "指标", "分值", "评分细则", "得分"],
    ["1", "组织保障", 20, null, null],
    ["1.1", "领导重视", 10, "未听取工作汇报扣5分,未研究部署扣5分", 10],
    ["1.2", "机构人员", 10, "明确工作机构和人员,缺一项扣5分", 5],
    ["2", "平台建设", 30, null, null],
    ["2.1", "政府网站", 20, "网站栏目空白每个扣1分,扣完为止", 18],
    ["2.2", "政务新媒体", 10, "更新不及时每次扣0.5分", 9.5],
    ["3", "加分项(最多5分)", null, null, null],
    ["3.1", "获上级表彰", "加分项", "获市级表彰每次加2分", 3],
    ["3.2", "经验做法被推广", "加分项", "每篇加1分", 4],
    ["总 分", null, 50, null, 47.5],
  ]);

  it("reads 1.1, 1.2 … as items of the categories named by 1, 2, 3", () => {
    const r = read(grid);
    expect(r.items).toEqual([
      [3, "组织保障", "scored", 10],
      [4, "组织保障", "scored", 10],
      [6, "平台建设", "scored", 20],
      [7, "平台建设", "scored", 10],
      [9, "加分项", "adjust", null],
      [10, "加分项", "adjust", null],
    ]);
  });

  it("caps the bonuses at the heading's 最多5分 and totals 42.5 + 5", () => {
    const r = read(grid);
    expect(r.total).toMatchObject({ max: 50, base: 42.5, adjustments: 5, final: 47.5 });
    expect(r.categories).toEqual([
      ["组织保障", 20, 15],
      ["平台建设", 30, 27.5],
      ["加分项", 0, 5],
    ]);
    expect(r.problems).toEqual(["group_bonus_capped@B8"]);
  });

  it("checks a parent's points against its children", () => {
    const wrong = sheet(5, [
      ["序号", "指标", "分值", "评分细则", "得分"],
      ["1", "组织保障", 25, null, null],
      ["1.1", "领导重视", 10, "未听取工作汇报扣5分", 10],
      ["1.2", "机构人员", 10, "缺一项扣5分", 10],
    ]);
    expect(read(wrong).problems).toEqual(["max_sum_mismatch@C2"]);
  });
});

describe("第三方评估 indicators: 权重 column, levels with bare '(12)' points", () => {
  const grid = sheet(
    6,
    [
      "2023年政务公开第三方评估指标",
      ["一级指标", "二级指标", "三级指标", "权重", "评估要点", "得分"],
      ["主动公开(12)", "政策文件(6)", "规范性文件", 3, "评估规范性文件发布情况", 3],
      [null, null, "政策解读", 3, "评估解读材料发布情况", 2],
      [null, "重点领域(5)", "财政预决算", 4, "评估预决算公开情况", 4],
      [null, null, "重大建设项目", 2, "评估重大建设项目信息公开情况", 2],
      ["平台建设(8)", "政府网站(8)", "网站健康", 8, "评估网站可用性", 6],
    ],
    [down("A", 3, 6), down("B", 3, 4), down("B", 5, 6)],
  );

  it("names the levels without their points and checks those points", () => {
    const r = read(grid);
    expect(r.categories).toEqual([
      ["主动公开", 12, 11],
      ["平台建设", 8, 6],
    ]);
    expect(r.titles).toEqual(["规范性文件", "政策解读", "财政预决算", "重大建设项目", "网站健康"]);
    expect(r.problems).toEqual(["max_sum_mismatch@B5"]);
  });
});

describe("rules written in the 分值 cell ('10分,每缺一项扣2分')", () => {
  const grid = sheet(4, [
    ["考核项目", "考核内容", "分值", "得分"],
    ["组织领导", "明确分管领导", "5分,未明确扣5分", 5],
    ["组织领导", "制定年度工作要点", "10分,每缺一项扣2分", 7],
    ["组织领导", "信息报送", "10分。每月报送不少于2条,每少1条扣0.5分,扣完为止", 8.5],
    ["平台建设", "网站维护", "15", 15],
    ["合计", null, "40分", 35.5],
  ]);

  it("takes the leading points as the maximum and the rest as rules", () => {
    const r = read(grid);
    expect(r.items.map((i) => i[3])).toEqual([5, 10, 10, 15]);
    expect(r.report.items[1].rules).toMatchObject([{ kind: "deduct", step: 2 }]);
    expect(r.total).toMatchObject({ max: 40, final: 35.5 });
    expect(r.problems).toEqual(["score_off_step@D3"]);
  });
});

describe("a table split by page breaks, 不适用 rows, and a 统计表 below it on the same sheet", () => {
  const header = ["类别", "序号", "考核内容", "分值", "评分标准", "自查得分"];
  const grid = sheet(
    6,
    [
      "政务公开工作自查评分表",
      header,
      ["公开平台", 1, "政府网站信息更新", 10, "每周未更新扣1分", 9],
      [null, 2, "政务新媒体运维", 10, "未按要求更新每次扣1分", 10],
      header,
      ["公开平台", 3, "村(居)务公开栏", 5, "未设置扣5分", "不适用"],
      [null, 4, "政务服务大厅公开专区", 5, "未设置扣5分", 5],
      ["重点领域", 5, "财政预决算公开", 10, "未公开扣10分", 10],
      [null, 6, "重大建设项目公开", 10, "每缺一项扣2分", "—"],
      null,
      null,
      "2023年政府信息公开情况统计表",
      ["统计指标", "单位", "数量", null, null, null],
      ["一、主动公开情况", null, null, null, null, null],
      ["(一)制发规范性文件数", "件", 12, null, null, null],
      ["(二)公开政府信息数", "条", 356, null, null, null],
    ],
    [down("A", 3, 4), down("A", 6, 7), down("A", 8, 9)],
  );

  it("keeps one category across the break, leaves 不适用 items out and stops before the 统计表", () => {
    const r = read(grid);
    expect(r.items.map((i) => [i[0], i[1]])).toEqual([
      [3, "公开平台"],
      [4, "公开平台"],
      [6, "公开平台"],
      [7, "公开平台"],
      [8, "重点领域"],
      [9, "重点领域"],
    ]);
    expect(r.categories).toEqual([
      ["公开平台", 25, 24],
      ["重点领域", 10, 10],
    ]);
    expect(r.total).toMatchObject({ max: 35, final: 34, rate: 0.971429 });
    expect(r.report.placement.lastRow).toBe(8);
    expect(r.findings.filter((f) => f.startsWith("item_not_applicable"))).toEqual(["item_not_applicable@F6", "item_not_applicable@F9"]);
    expect(r.problems).toEqual([]);
  });
});

describe("一、基础工作(60分) sections, then 加分项 / 扣分项 / 一票否决 sections at the end", () => {
  const grid = (bonus: [number, number], deduct: number | string | null, veto: string | null, typed: number | null) =>
    sheet(5, [
      ["序号", "考核内容", "分值", "考核标准", "考核组评分"],
      "一、基础工作(60分)",
      [1, "政府信息主动公开", 30, "公文超期公开每条扣5分", 25],
      [2, "政府信息公开年度报告", 30, "未按时备案扣5分;未及时公开扣5分", 30],
      "二、加分项(最多加5分)",
      [1, "承办全市政务公开现场会", null, "承办市级现场会加3分", bonus[0]],
      [2, "经验做法被上级采用", null, "每条加1分", bonus[1]],
      [null, "加分合计", null, null, Math.min(5, bonus[0] + bonus[1])],
      "三、扣分项",
      [1, "被市政府通报批评", null, "每次扣2分", deduct],
      "四、一票否决",
      [1, "发生失泄密事件", null, "发生泄密事件的,实行一票否决", veto],
      ["得分合计", null, null, null, typed],
    ]);

  it("adds the capped bonus and the deduction to the 60-point base", () => {
    const r = read(grid([3, 4], 2, null, 58));
    expect(r.items.map((i) => [i[1], i[2]])).toEqual([
      ["基础工作", "scored"],
      ["基础工作", "scored"],
      ["加分项", "adjust"],
      ["加分项", "adjust"],
      ["扣分项", "adjust"],
      ["一票否决", "veto"],
    ]);
    expect(r.total).toMatchObject({ max: 60, base: 55, adjustments: 3, final: 58, vetoed: false });
    expect(r.problems).toEqual(["group_bonus_capped@A5"]);
  });

  it("zeroes the sheet when the veto is triggered and flags the typed total", () => {
    const r = read(grid([0, 0], null, "是", 55));
    expect(r.total).toMatchObject({ final: 0, vetoed: true });
    expect(r.problems).toEqual(["veto_applied@E12", "total_mismatch@E13"]);
  });
});

describe("two-row header with 自评分 | 复评分 under 得分, and a row of column numbers", () => {
  const grid = sheet(
    6,
    [
      ["序号", "评估指标", "分值", "评分标准", "得分", null],
      [null, null, null, null, "自评分", "复评分"],
      [1, 2, 3, 4, 5, 6],
      [1, "政策文件公开", 10, "每缺一件扣1分", 9, 8],
      [2, "政策解读", 10, "未解读扣10分", 10, 0],
    ],
    ["A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:F1"],
  );

  it("reads both score columns and skips the numbering row", () => {
    const r = read(grid, { column: "复评分" });
    expect(r.report.columns).toEqual(["自评分", "复评分"]);
    expect(r.items.map((i) => i[0])).toEqual([4, 5]);
    expect(r.total).toMatchObject({ max: 20, final: 8 });
  });
});

describe("小计 rows inside the table", () => {
  const grid = sheet(
    5,
    [
      ["考核项目", "考核内容", "分值", "评分标准", "自评得分"],
      ["组织领导", "领导小组", 5, "未成立扣5分", 5],
      [null, "工作要点", 5, "未制定扣5分", 5],
      [null, "小计", 10, null, 9],
      ["信息公开", "主动公开", 20, "每缺一项扣2分", 18],
      [null, "依申请公开", 10, "超期每件扣5分", 10],
      [null, "小计", 25, null, 28],
      ["总计", null, 40, null, 38],
    ],
    [down("A", 2, 4), down("A", 5, 7)],
  );

  it("does not count 小计 rows as items, and checks their points and typed sums", () => {
    const r = read(grid);
    expect(r.items.map((i) => i[0])).toEqual([2, 3, 5, 6]);
    expect(r.categories).toEqual([
      ["组织领导", 10, 10],
      ["信息公开", 30, 28],
    ]);
    expect(r.total).toMatchObject({ max: 40, final: 38 });
    expect(r.problems).toEqual(["total_mismatch@E4", "max_sum_mismatch@C7"]);
  });

  it("reports each 小计's computed sum, and write-back puts it in the 核算得分 column", async () => {
    const report = checkGrids([grid]);
    const s = report.sheets[0] as ScoreSheetReport;
    expect(s.subtotals).toEqual([
      { row: 4, label: "组织领导", score: 10 },
      { row: 7, label: "信息公开", score: 28 },
    ]);
    const column = (await planWriteback({ report, grids: [grid] })).values[0].values.map((v) => v[0]);
    expect(column).toEqual(["核算得分", 5, 5, 10, 18, 10, 28, 38]);
  });
});

describe("小计 rows closing numbered sections", () => {
  const grid = sheet(5, [
    ["序号", "考核内容", "分值", "评分标准", "得分"],
    "一、主动公开(30分)",
    ["1.", "政策文件", 20, "每缺一件扣1分", 19],
    ["2.", "政策解读", 10, "未解读扣10分", 10],
    [null, "小  计", 30, null, 30],
    "二、依申请公开(20分)",
    ["1.", "答复时限", 20, "超期每件扣5分", 15],
    [null, "小计", 20, null, 15],
  ]);

  it("sums each section at its 小计 and flags the one typed wrong", () => {
    const r = read(grid);
    expect(r.categories).toEqual([
      ["主动公开", 30, 29],
      ["依申请公开", 20, 15],
    ]);
    expect(r.problems).toEqual(["total_mismatch@E5"]);
  });
});

describe("notes and signatures under a table without a 合计 row", () => {
  const grid = sheet(5, [
    ["序号", "考核内容", "分值", "评分标准", "得分"],
    [1, "主动公开", 60, "每缺一项扣2分", 58],
    [2, "依申请公开", 40, "超期每件扣5分", 35],
    null,
    "注:1.本表满分100分;2.加分项另行计算。",
    ["评分人:", null, "日期:", "2023年12月", null],
  ]);

  it("reads two items and no category from the note", () => {
    const r = read(grid);
    expect(r.items.map((i) => [i[0], i[1]])).toEqual([
      [2, null],
      [3, null],
    ]);
    expect(r.total).toMatchObject({ max: 100, final: 93 });
    expect(r.problems).toEqual([]);
  });
});

describe("Word conversion: a vertical category '政\\n务\\n公\\n开\\n21\\n分', ids inside the titles", () => {
  const grid = sheet(
    4,
    [
      ["考核项目", "考核内容", "分数", "考核标准"].concat(["得分"]),
      ["政\n府\n信\n息\n公\n开\n12\n分", "1、加大宣传", "2分", "把《条例》列入日常学习(未进行的,倒扣2分)。", 2],
      [null, "2、主动公开政府信息", "6分", "本级文件录入公开目录系统,每缺一个扣1分", 5],
      [null, "3、依申请公开", "4分", "未及时答复的,每起扣1分", 4],
    ],
    [down("A", 2, 4)],
  );

  it("names the category 政府信息公开 and reads its 12 points", () => {
    const r = read(grid);
    expect(r.categories).toEqual([["政府信息公开", 12, 11]]);
    expect(r.problems).toEqual([]);
  });
});

describe("header vocabulary other units use", () => {
  it.each([
    [["考核指标", "指标分值", "评分依据", "单位自评", "考评组评分"], "考评组评分"],
    [["工作任务", "满分值", "扣分细则", "自评分数", "考核组评分"], "考核组评分"],
    [["评估内容", "基础分", "评分规则", "自查分", "核定得分"], "核定得分"],
    [["考核要点", "分值设置", "计分办法", "自评", "评审得分"], "评审得分"],
    [["内容", "分值（分）", "评分办法", "自评得分（分）", "得分情况"], "得分情况"],
  ])("%j", (header, column) => {
    const grid = sheet(5, ["某区政务公开考核表", header, ["主动公开", 10, "每缺一项扣1分", 9, 8], ["依申请公开", 10, "超期每件扣5分", 10, 5]]);
    const r = read(grid, { column });
    expect(r.report.column).toBe(column);
    expect(r.total).toMatchObject({ max: 20, final: 13 });
  });
});

describe("a base 合计 row followed by 附加分 rows and a final 总分", () => {
  const grid = sheet(5, [
    ["序号", "考核内容", "分值", "评分标准", "得分"],
    [1, "主动公开", 60, "每缺一项扣2分", 56],
    [2, "依申请公开", 40, "超期每件扣5分", 40],
    ["基础分合计", null, 100, null, 96],
    ["附加分(最多加5分)", null, null, null, null],
    [3, "创新做法被推广", "加分项", "每项加2分", 4],
    ["总分", null, null, null, 100],
  ]);

  it("keeps reading after the base 合计 and checks the final 总分", () => {
    const r = read(grid);
    expect(r.items.map((i) => [i[0], i[2]])).toEqual([
      [2, "scored"],
      [3, "scored"],
      [6, "adjust"],
    ]);
    expect(r.total).toMatchObject({ max: 100, base: 96, adjustments: 4, final: 100 });
    expect(r.report.placement.totalRow).toBe(6);
    expect(r.problems).toEqual([]);
  });
});

describe("a table standing at column C under a title merged over five columns, 一、 parents over 1, 2 items", () => {
  const grid = sheet(
    7,
    [
      [null, null, "附件2", null, null, null, null],
      [null, null, "2024年度镇(街道)政务公开工作考核细则", null, null, null, null],
      null,
      [null, null, "序号", "考核内容", "分值", "评分标准", "自评得分"],
      [null, null, "一", "组织领导(20分)", null, null, null],
      [null, null, "1", "主要领导听取政务公开工作汇报", 10, "全年未听取汇报扣10分", 10],
      [null, null, "2", "配备专(兼)职工作人员", 10, "未配备扣10分;人员变动未报备扣2分", 8],
      [null, null, "二", "平台建设(30分)", null, null, null],
      [null, null, "1", "政务公开专栏规范运行", 15, "栏目空白每个扣1分,扣完为止", 12],
      [null, null, "2", "政务新媒体规范运维", 15, "每发现一处错误扣0.5分", 14.5],
      [null, null, "合计", null, 50, null, null],
    ],
    ["C2:G2"],
  );

  it("reads the parents as categories with their points and totals 44.5 of 50", () => {
    const r = read(grid);
    expect(r.report.placement).toMatchObject({ headerRow: 3, firstColumn: 2 });
    expect(r.items.map((i) => [i[0], i[1], i[3]])).toEqual([
      [6, "组织领导", 10],
      [7, "组织领导", 10],
      [9, "平台建设", 15],
      [10, "平台建设", 15],
    ]);
    expect(r.categories).toEqual([
      ["组织领导", 20, 18],
      ["平台建设", 30, 26.5],
    ]);
    expect(r.total).toMatchObject({ max: 50, final: 44.5 });
    expect(r.problems).toEqual([]);
  });
});

describe("category written on every row, 分值 as '5分' text, 总计 with its points beside the label", () => {
  const grid = sheet(5, [
    ["类型", "工作任务", "分值", "考核标准", "得分"],
    ["主动公开", "公开机构职能信息", "5分", "未公开扣5分", "5"],
    ["主动公开", "公开政策文件", "10分", "每缺一件扣1分", "９"],
    ["依申请公开", "按时答复", "10分", "超期答复每件扣2分", "8分"],
    ["总计", "25分", null, null, 22],
  ]);

  it("groups rows by the repeated category and reads the text scores as numbers", () => {
    const r = read(grid);
    expect(r.categories).toEqual([
      ["主动公开", 15, 14],
      ["依申请公开", 10, 8],
    ]);
    expect(r.total).toMatchObject({ max: 25, final: 22 });
    expect(r.problems).toEqual([]);
    expect(r.findings.filter((f) => f.startsWith("score_normalized"))).toEqual(["score_normalized@E2", "score_normalized@E3", "score_normalized@E4"]);
  });

  it("flags the 总计's points when the items add up to something else", () => {
    const wrong = sheet(5, [
      ["类型", "工作任务", "分值", "考核标准", "得分"],
      ["主动公开", "公开机构职能信息", "5分", "未公开扣5分", 5],
      ["总计", "10分", null, null, 5],
    ]);
    expect(read(wrong).problems).toEqual(["max_sum_mismatch@B3"]);
  });
});

describe("网站普查 style: a 单项否决 section first, then 扣分指标 with 分值", () => {
  const grid = (veto: string | null) =>
    sheet(5, [
      ["一级指标", "二级指标", "分值", "扣分细则", "得分"],
      ["单项否决", "站点无法访问", "单项否决", "监测1周,超过15秒仍打不开的次数比例累计超过5%,即单项否决", veto],
      [null, "严重错误", "单项否决", "网站出现严重错别字的,即单项否决", null],
      ["信息发布", "概况信息", 4, "未公开机构职能扣2分,未公开领导信息扣2分", 2],
      [null, "政务动态", 6, "每发现一个栏目两周未更新扣1分,扣完为止", 5],
    ], [down("A", 2, 3), down("A", 4, 5)]);

  it.each([
    [null, false, 7],
    ["√", true, 0],
  ])("veto entry %j: vetoed %s, final %d", (veto, vetoed, final) => {
    const r = read(grid(veto));
    expect(r.items.map((i) => i[2])).toEqual(["veto", "veto", "scored", "scored"]);
    expect(r.total).toMatchObject({ max: 10, vetoed, final });
  });
});

describe("rates by unit class written as A类/B类", () => {
  const grid = sheet(4, [
    ["考核内容", "分值", "评分标准", "得分"],
    ["及时更新工作动态", 6, "A类单位每月少于4条的每少1条扣0.2分,B类单位每月少于2条的每少1条扣0.5分", 5.5],
  ]);

  it.each([
    [undefined, "A类", ["score_off_step@D2"]],
    ["B类", "B类", []],
  ])("class %s reads the %s rate", (unitClass, chosen, problems) => {
    const r = read(grid, { unitClass });
    expect(r.report.unitClass).toBe(chosen);
    expect(r.problems).toEqual(problems);
  });
});

describe("extra columns right of the score: 扣分原因, 佐证材料, and an earlier 核算得分", () => {
  const grid = sheet(8, [
    ["序号", "考核内容", "分值", "评分标准", "自评得分", "扣分原因", "佐证材料", "核算得分"],
    [1, "公开年度报告", 10, "未按时公开扣5分", 5, "逾期公开扣5分", "网站截图", 5],
    [2, "公开财政预算", 10, "未公开扣10分", 10, null, "公开链接", 10],
    ["合计", null, 20, null, 15, null, null, 15],
  ]);

  it("scores 自评得分 and leaves the text columns and our own column alone", () => {
    const r = read(grid);
    expect(r.report.columns).toEqual(["自评得分"]);
    expect(r.total).toMatchObject({ max: 20, final: 15 });
    expect(r.problems).toEqual([]);
  });
});

describe("adjustment items whose 分值 cell carries the cap: '加分项(5分)', '扣分项(最多10分)'", () => {
  it.each([
    ["加分项(5分)", 7, 5, ["adjust_over_cap@D2"]],
    ["加分项(5分)", 4, 4, []],
    ["扣分项(最多10分)", 12, -10, ["adjust_under_cap@D2"]],
  ])("%s, entry %d counts %d", (maxCell, entry, counted, problems) => {
    const r = read(sheet(4, [["考核内容", "分值", "评分标准", "得分"], ["特色亮点工作", maxCell, "酌情加减分", entry]]));
    expect(r.report.items[0]).toMatchObject({ kind: "adjust", score: counted });
    expect(r.problems).toEqual(problems);
  });
});

describe("a 分值 column beside each level: 一级指标 | 分值 | 二级指标 | 分值 | 评分标准 | 得分", () => {
  const grid = (first: number) =>
    sheet(
      6,
      [
        ["一级指标", "分值", "二级指标", "分值", "评分标准", "得分"],
        ["主动公开", first, "政策文件", 10, "每缺一件扣1分", 9],
        [null, null, "财政信息", 10, "未公开预决算扣10分", 10],
        ["依申请公开", 10, "答复规范", 10, "超期答复每件扣2分", 8],
      ],
      [down("A", 2, 3), down("B", 2, 3)],
    );

  it("scores the second-level items against the last 分值 and checks the first-level points", () => {
    const r = read(grid(20));
    expect(r.items.map((i) => [i[0], i[1], i[3]])).toEqual([
      [2, "主动公开", 10],
      [3, "主动公开", 10],
      [4, "依申请公开", 10],
    ]);
    expect(r.total).toMatchObject({ max: 30, final: 27 });
    expect(r.problems).toEqual([]);
    expect(read(grid(25)).problems).toEqual(["max_sum_mismatch@B2"]);
  });
});

describe("a two-row header: 考核指标 over 一级指标 | 二级指标, 分值 and 得分 merged down", () => {
  const grid = sheet(
    5,
    [
      ["考核指标", null, "分值", "评分标准", "得分"],
      ["一级指标", "二级指标", null, null, null],
      ["组织保障", "工作机构", 5, "未明确扣5分", 5],
      [null, "培训", 5, "未开展扣5分", 0],
    ],
    ["A1:B1", "C1:C2", "D1:D2", "E1:E2", down("A", 3, 4)],
  );

  it("reads the levels from the second row", () => {
    const r = read(grid);
    expect(r.report.placement.headerRow).toBe(0);
    expect(r.items.map((i) => [i[0], i[1], i[3]])).toEqual([
      [3, "组织保障", 5],
      [4, "组织保障", 5],
    ]);
    expect(r.titles).toEqual(["工作机构", "培训"]);
    expect(r.total).toMatchObject({ max: 10, final: 5 });
  });
});

describe("two score tables on one sheet (附件1 and 附件2 pasted one under the other)", () => {
  const header = ["序号", "考核内容", "分值", "评分标准", "得分"];
  const grid = sheet(5, [
    "附件1 乡镇政务公开考核评分表",
    header,
    [1, "主动公开", 60, "每缺一项扣2分", 58],
    [2, "依申请公开", 40, "超期每件扣5分", 40],
    null,
    "附件2 部门政务公开考核评分表",
    header,
    [1, "主动公开", 70, "每缺一项扣2分", 60],
    [2, "依申请公开", 30, "超期每件扣5分", 30],
  ]);

  it("reads the first table and stops at the second's title", () => {
    const r = read(grid);
    expect(r.items.map((i) => i[0])).toEqual([3, 4]);
    expect(r.total).toMatchObject({ max: 100, final: 98 });
    expect(r.report.placement.lastRow).toBe(3);
  });
});

describe("section rows with their points in the 分值 column: '一、组织领导 | | 20'", () => {
  const grid = sheet(
    5,
    [
      ["序号", "考核内容", "分值", "评分标准", "得分"],
      ["一、组织领导", null, 20, null, null],
      [1, "成立领导小组", 10, "未成立扣10分", 10],
      [2, "明确分管领导", 10, "未明确扣10分", 10],
      ["二、信息公开", null, 30, null, null],
      [1, "主动公开", 30, "每缺一项扣2分", 26],
      ["合计", null, 50, null, 46],
    ],
    ["A2:B2", "A5:B5"],
  );

  it("reads the sections as categories, not as 20- and 30-point items", () => {
    const r = read(grid);
    expect(r.items.map((i) => [i[0], i[1], i[3]])).toEqual([
      [3, "组织领导", 10],
      [4, "组织领导", 10],
      [6, "信息公开", 30],
    ]);
    expect(r.total).toMatchObject({ max: 50, final: 46 });
    expect(r.problems).toEqual([]);
  });
});

describe("a 考核内容 header merged over two columns: the category beside the item", () => {
  it("reads the left column as the category and the right one as the item", () => {
    const grid = sheet(
      5,
      [
        ["序号", "考核内容", null, "分值", "得分"],
        [1, "组织领导", "成立政务公开领导小组", 10, 10],
        [2, null, "明确分管领导", 10, 8],
        [3, "信息公开", "主动公开政府信息", 20, 18],
      ],
      ["B1:C1", down("B", 2, 3)],
    );
    const r = read(grid);
    expect(r.titles).toEqual(["成立政务公开领导小组", "明确分管领导", "主动公开政府信息"]);
    expect(r.categories).toEqual([
      ["组织领导", 20, 18],
      ["信息公开", 20, 18],
    ]);
  });

  it("keeps one title column when every row merges the two cells too", () => {
    const grid = sheet(
      5,
      [
        ["序号", "考核内容", null, "分值", "得分"],
        [1, "成立政务公开领导小组", null, 10, 10],
        [2, "明确分管领导", null, 10, 8],
      ],
      ["B1:C1", "B2:C2", "B3:C3"],
    );
    const r = read(grid);
    expect(r.titles).toEqual(["成立政务公开领导小组", "明确分管领导"]);
    expect(r.categories).toEqual([]);
  });
});

describe("weighted sections '(权重N%)', rules and caps written in the 分值 cell, 扣除该项全部分值", () => {
  const grid = (entries: [CellValue, CellValue, CellValue, CellValue, CellValue]) =>
    sheet(5, [
      ["序号", "考核内容", "分值", "评分标准", "得分"],
      "一、组织领导(权重20%)",
      [1, "制定年度工作要点", "10分(每缺一项扣2分)", "", entries[0]],
      [2, "信息公开年报", 10, "未按时发布的,扣除该项全部分值", entries[1]],
      "二、加分项(最多加5分)",
      [1, "经验做法被推广", "加分项(最高3分)", "每次加1分", entries[2]],
      [2, "承办现场会", "最高4分", "承办市级现场会加4分", entries[3]],
      "三、扣分项",
      [1, "被通报批评", "最多扣10分", "每次扣2分", entries[4]],
    ]);

  it("names the sections without weight or cap and takes no weight as points", () => {
    const r = read(grid([8, 10, 3, 0, -2]));
    expect(r.items.map((i) => [i[1], i[2], i[3]])).toEqual([
      ["组织领导", "scored", 10],
      ["组织领导", "scored", 10],
      ["加分项", "adjust", null],
      ["加分项", "adjust", null],
      ["扣分项", "adjust", null],
    ]);
    expect(r.report.items.map((i) => i.rules.map((x) => x.kind))).toEqual([["deduct"], ["floor"], ["bonus"], ["bonus"], ["deduct"]]);
    expect(r.total).toMatchObject({ max: 20, base: 18, adjustments: 1, final: 19 });
    expect(r.problems).toEqual([]);
  });

  it("holds each adjustment to the cap its 分值 cell states and the bonus section to its heading's cap", () => {
    const r = read(grid([7, 0, 5, 4, -12]));
    expect(r.problems).toEqual(["score_off_step@E3", "adjust_over_cap@E6", "adjust_under_cap@E9", "group_bonus_capped@A5"]);
    expect(r.total).toMatchObject({ max: 20, base: 7, adjustments: -5, final: 2 });
  });
});
