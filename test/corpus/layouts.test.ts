/**
 * Score tables in layouts the seeds do not show, with the wording other units use (found in
 * published 考核细则 and 评分表 of county offices, 第三方评估 indicator sets and 网站普查 sheets),
 * read as a 政务公开办 reviewer reads them.
 */
import { describe, expect, it } from "vitest";
import { down, read, sheet } from "./build";

describe("县直部门 table: two title lines, a 填报单位 line, header on row 4, 备注 column, signatures below", () => {
  const grid = sheet(
    8,
    [
      "XX县2023年度政务公开工作考核评分表",
      "(县直部门)",
      ["填报单位(盖章):", null, null, null, null, "填报日期:", null, null],
      ["序号", "考核项目", "考核内容", "标准分", "评分标准", "自评分", "复核分", "备注"],
      ["一", "组织领导", "成立政务公开领导小组,明确分管领导和工作机构", 5, "未成立领导小组扣3分;未明确分管领导扣2分", 5, 5, "提供文件"],
      [null, null, "制定年度政务公开工作要点并按时报送", 5, "未制定扣5分,未按时报送扣2分", 5, 3, null],
      [null, null, "开展政务公开业务培训", 10, "每年至少1次,未开展扣10分", 10, 10, null],
      ["二", "主动公开", "及时公开规范性文件", 20, "每发现一件未公开扣2分,扣完为止", 18, 16, "佐证材料见附件2"],
      [null, null, "公开财政预决算信息", 20, "未公开不得分;公开不完整的每项扣5分", 20, 15, null],
      [null, null, "更新政府信息公开指南", 10, "未更新扣5分", "１０", 10, null],
      ["三", "依申请公开", "依法依规答复依申请公开", 20, "超期答复每件扣5分;被纠错的本项不得分", "20分", 15, null],
      ["四", "监督保障", "按时发布政府信息公开工作年度报告", 10, "未按时发布扣5分,内容不全扣2分", 10, 8, null],
      ["合  计", null, null, 100, null, 100, 85, null],
      null,
      ["填表人:", "张三", null, "审核人:", "李四", "联系电话:", "0000-1234567", null],
      "注:1.本表由各单位自评后报县政务公开办;2.复核分由考核组填写。",
    ],
    [down("A", 5, 7), down("B", 5, 7), down("A", 8, 10), down("B", 8, 10), "A13:C13"],
  );

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
    expect(r.problems).toEqual(["veto_applied@E11", "total_mismatch@E12"]);
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
