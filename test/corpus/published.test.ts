/**
 * Published tables nobody here had seen (test/corpus/published.ts), read as a 政务公开办 reviewer
 * reads them: which rows are items and under what, their maxima, the total, and the findings at
 * their cells. Where the page shows only part of a table, a declared points total that the part
 * does not reach is reported: that is the true reading of what is there.
 */
import { describe, expect, it } from "vitest";
import { checkGrids } from "../../src/kaohe";
import { read } from "./build";
import * as P from "./published";

describe("泉州鲤城: 类别 | 分值 | 考核标准, each 类别 names its own item", () => {
  const r = read(P.licheng2020.grid({ 3: 8, 4: "满分", 5: 6, 6: "扣2分" }));

  it("reads four items titled by their 类别, no categories", () => {
    expect(r.titles).toEqual(["政府信息主动公开", "政府信息公开年度报告", "政府信息依申请公开", "保密审查"]);
    expect(r.items).toEqual([
      [3, null, "scored", 10],
      [4, null, "scored", 10],
      [5, null, "scored", 6],
      [6, null, "scored", 6],
    ]);
    expect(r.report.items[0].rules.map((x) => [x.kind, "step" in x ? x.step : null])).toEqual([
      ["deduct", 5],
      ["deduct", 1],
      ["deduct", 1],
    ]);
  });

  it("reads 满分 as the 分值 and 扣2分 as the 分值 less 2, each with an info", () => {
    expect(r.total).toMatchObject({ max: 32, final: 28 });
    expect(r.report.items.map((i) => i.score)).toEqual([8, 10, 6, 4]);
    expect(r.findings).toEqual(["score_normalized@D4", "score_normalized@D6"]);
    expect(r.problems).toEqual([]);
  });
});

describe("乡镇街道 考评评分标准: 考评项目 | 分值 '40分' | 评分标准 | 备注", () => {
  it("reads the item, its 扣完为止 and a score of 35", () => {
    const r = read(P.township2010.grid({ 3: 35 }));
    expect(r.titles).toEqual(["主动公开信息的数量"]);
    expect(r.items).toEqual([[3, null, "scored", 40]]);
    expect(r.report.items[0].rules.map((x) => x.kind)).toEqual(["deduct", "floor", "deduct"]);
    expect(r.total).toMatchObject({ max: 40, final: 35 });
    expect(r.findings).toEqual([]);
  });
});

describe("保密自查自评 否决项: '十六 | 否决项 | 扣分方法 | 扣分' and 直接评定为不符合要求", () => {
  it("reads 53–58 as deductions without 分值 and 59 as a veto in the 否决项 section", () => {
    const r = read(P.secrecyVeto.grid({ 2: 0, 7: "扣6分", 9: "否" }));
    expect(r.items).toEqual([
      [2, null, "adjust", null],
      [3, null, "adjust", null],
      [4, null, "adjust", null],
      [5, null, "adjust", null],
      [6, null, "adjust", null],
      [7, null, "adjust", null],
      [9, "否决项", "veto", null],
    ]);
    expect(r.report.items[5].rules).toMatchObject([{ kind: "deduct", step: 6, unit: "起" }]);
    expect(r.total).toMatchObject({ adjustments: -6, final: 0, vetoed: false });
    // 否 on the veto item is an answer, not a number gone wrong
    expect(r.findings).toEqual(["score_normalized@F7"]);
  });

  it("是 on item 59 sets the sheet to 0", () => {
    const r = read(P.secrecyVeto.grid({ 9: "是" }));
    expect(r.total).toMatchObject({ final: 0, vetoed: true });
    expect(r.problems).toEqual(["veto_applied@F9"]);
  });
});

describe("保密自查自评: '一 | 工作领导责任制落实情况 | 14分' in separate cells, an unknown '自查容' header", () => {
  const r = read(P.secrecyDuty.grid({ 3: 4, 4: 2 }));

  it("reads the section with its 14 points and the long-text column as the title", () => {
    expect(r.items).toEqual([
      [3, "工作领导责任制落实情况", "scored", 4],
      [4, "工作领导责任制落实情况", "scored", 3],
    ]);
    expect(r.titles[0]).toMatch(/^主要负责人对工作部署/);
    expect(r.report.items[0].rules).toMatchObject([{ kind: "deduct", step: 1 }, { kind: "deduct", step: 0.5, stepMax: 1 }, { kind: "deduct" }, { kind: "deduct" }]);
  });

  it("checks the section's 14 points against the two items the page shows", () => {
    expect(r.total).toMatchObject({ max: 7, final: 6 });
    expect(r.problems).toEqual(["max_sum_mismatch@C2"]);
  });
});

describe("保密工作检查情况表: '检杳内容' (a typo) and '实有 项目' are no words anyone lists", () => {
  it("finds the table by its columns' content: the texts are titles, '1分' the 分值", () => {
    const r = read(P.secrecyInspection.grid({ 2: 1, 4: 1, 5: 2, 7: 1, 8: "满分" }));
    expect(r.items).toEqual([
      [2, null, "scored", 1],
      [4, "涉密会议、活动和货物、工程、服务采购等项目管理情况", "scored", 1],
      [5, "涉密会议、活动和货物、工程、服务采购等项目管理情况", "scored", 2],
      [7, "涉外工作保密管理情况", "scored", 1],
      [8, "涉外工作保密管理情况", "scored", 2],
    ]);
    expect(r.total).toMatchObject({ max: 7, final: 7 });
    expect(r.findings).toEqual(["score_normalized@F8", "max_sum_mismatch@C3", "max_sum_mismatch@C6"]);
  });
});

describe("党风廉政建设量化考核评分一览表: 项目 '一、组织领导\\n(10分)' merged down | 自评分 | 核准分", () => {
  const entries = { 3: 2, 4: 3, 5: 3, 6: 2, 7: 3, 8: 3, 9: 3, 10: 2, 11: 3 };

  it("reads two categories with their points, scored by 自评分", () => {
    const r = read(P.integrity2012.grid(entries));
    expect(r.categories).toEqual([
      ["组织领导", 10, 10],
      ["制度建设", 15, 14],
    ]);
    expect(r.report.columns).toEqual(["自评分", "核准分"]);
    expect(r.total).toMatchObject({ max: 25, final: 24 });
    expect(r.findings).toEqual([]);
  });

  it("scores 核准分 when only that column is filled, and says so", () => {
    const grid = P.integrity2012.grid();
    for (const [row, v] of Object.entries(entries)) grid.cells[Number(row) - 1][4] = v;
    const r = read(grid);
    expect(r.report.column).toBe("核准分");
    expect(r.total).toMatchObject({ final: 24 });
    expect(r.problems).toEqual(["score_column_switched@E2"]);
  });
});

describe("县级部门 考核: 考核项目 '(5分)' merged down | 考评细项 | 分值", () => {
  it("reads the 考评细项 as items and checks each 考核项目's points", () => {
    const r = read(P.countyItems.grid({ 2: 1, 3: 3, 4: 1, 5: 10, 6: 8, 7: 3, 8: 2, 9: 1, 10: 1, 11: 5, 12: 8, 13: 25 }));
    expect(r.items.length).toBe(12);
    expect(r.categories).toEqual([
      ["组织领导和工作机构建设情况", 5, 5],
      ["工作机制和制度建设情况", 21, 21],
      ["政府信息公开载体建设情况", 4, 4],
      ["主动公开政府信息工作情况", 43, 38],
    ]);
    expect(r.total).toMatchObject({ max: 73, final: 68 });
    expect(r.findings).toEqual([]);
  });
});

describe("档案工作目标管理: one indicator, one criterion line per row, 项目/分值/得分 merged down", () => {
  it("reads one item of 5 whose rules join both lines", () => {
    const r = read(P.archives.grid({ 2: 4 }));
    expect(r.items).toEqual([[2, "组织管理", "scored", 5]]);
    expect(r.titles).toEqual(["1.档案工作组织领导"]);
    expect(r.report.items[0].rules.filter((x) => x.kind === "deduct").length).toBe(3);
    expect(r.total).toMatchObject({ max: 5, final: 4 });
    // 组织管理 declares 20 and the page shows its first indicator only
    expect(r.problems).toEqual(["max_sum_mismatch@A2"]);
  });
});

describe("宣州 季度评分表 (安徽): 测评指标 merged over three columns | 指标分值 | 扣分 | 失分原因 | 整改情况", () => {
  it("scores 分值 less the reviewer's 扣分 under each section", () => {
    const r = read(P.xuanzhou2021.grid());
    expect(r.titles).toEqual(["规范性文件立改废", "意见征集", "意见反馈"]);
    expect(r.categories).toEqual([
      ["政策法规", 3, 0],
      ["重大决策预公开", 6, 3.6],
    ]);
    expect(r.total).toMatchObject({ max: 9, final: 3.6 });
    expect(r.findings).toEqual([]);
  });
});

describe("安全生产工作目标考评表: '2、安全基础管理(15分)' | 项目 | 分值 | 考核内容及要求 | 评分标准", () => {
  it("reads three items of 5 and the clerk's 扣1分", () => {
    const r = read(P.safetyGoals.grid({ 3: 5, 4: 4.5, 5: "扣1分" }));
    expect(r.categories).toEqual([["安全基础管理", 15, 13.5]]);
    expect(r.report.items[1].rules).toMatchObject([{ kind: "deduct", step: 0.5, unit: "项" }, { kind: "floor" }]);
    expect(r.findings).toEqual(["score_normalized@F5"]);
  });
});

describe("安全生产目标考核表: 应得分 | 评分细则 | 扣分情况 | 实得分", () => {
  it("scores 实得分 against 应得分 and reports the unreadable '扣 0。5 分' at its cell", () => {
    const r = read(P.safetyAssessment.grid({ 3: 3, 4: 6, 5: 3 }));
    expect(r.items.map((i) => i[3])).toEqual([4, 6, 4]);
    expect(r.report.column).toBe("实得分");
    expect(r.total).toMatchObject({ max: 14, final: 12 });
    expect(r.findings).toEqual(["rule_not_understood@F3"]);
  });
});

describe("门户网站考评指标及评分细则: 三级指标 | 权重 | 考评内容 | 评分细则", () => {
  it("reads 评分细则 as the criterion beside 考评内容 and 此项不得分 as a floor", () => {
    const r = read(P.portalSites.grid({ 3: 6, 4: 5, 5: 1, 6: 1, 7: 0 }));
    expect(r.titles).toEqual(["可用情况", "更新情况", "商业广告", "整改时间", "整改质量"]);
    expect(r.report.items[2].rules.map((x) => x.kind)).toEqual(["floor"]);
    expect(r.categories).toEqual([["健康情况", 15, 13]]);
    expect(r.findings).toEqual([]);
  });
});

describe("为民服务中心考评表: 考核内容 over two columns, points '(2分)' in the text, no 分值 column", () => {
  it("reads five items of 2 under 场所设施设备(10分) and scores 自评分", () => {
    const r = read(P.serviceCentre.grid({ 3: 2, 4: 1.5, 5: "满分", 6: 1.8, 7: 2 }));
    expect(r.items.map((i) => [i[1], i[3]])).toEqual(Array(5).fill(["场所设施设备", 2]));
    expect(r.report.items[2].rules).toMatchObject([{ kind: "deduct", step: 0.2, unit: "项" }]);
    expect(r.categories).toEqual([["场所设施设备", 10, 9.3]]);
    expect(r.findings).toEqual(["score_normalized@F5"]);
  });
});

describe("信访工作目标管理考核细则: 考核内容及计分标准 | 标准分 | 扣分标准 (two criterion words)", () => {
  it("reads the first as the items, the second as their rules", () => {
    const r = read(P.petitions2023.grid({ 3: 7, 4: 3, 5: 5, 6: 0 }));
    expect(r.titles.map((t) => t.slice(0, 6))).toEqual(["1.成立信访", "2.每年至少", "3.建立和落", "4.落实信访"]);
    expect(r.report.items.map((i) => i.rules.map((x) => x.kind))).toEqual([["deduct", "deduct"], ["deduct"], ["floor"], ["floor"]]);
    expect(r.categories).toEqual([["领导重视", 20, 15]]);
    expect(r.findings).toEqual([]);
  });
});

describe("农村党建工作评分标准: 考核项目 over two columns, '标准分(100分)', rules in 考核内容", () => {
  it("reads six items under 村服务站建设(20分) with their 分值 and rules", () => {
    const r = read(P.villageParty.grid({ 3: 1, 4: "扣1分", 5: 3, 6: 2, 7: 4, 8: 7 }));
    expect(r.items.map((i) => i[3])).toEqual([1, 2, 3, 2, 5, 7]);
    expect(r.report.items[1].rules).toMatchObject([{ kind: "deduct", step: 1, unit: "项" }]);
    expect(r.categories).toEqual([["村服务站建设", 20, 18]]);
    expect(r.findings).toEqual(["score_normalized@F4"]);
  });
});

describe("区政务公开考核: 部门 | 三级指标 | 四级指标 | 备注, points only in brackets", () => {
  it("reads 四级指标 as the items with their bracketed points under 扶贫信息(10.5分)", () => {
    const r = read(P.povertyInfo.grid({ 2: 4.5, 3: 5 }));
    expect(r.items).toEqual([
      [2, "扶贫信息", "scored", 4.5],
      [3, "扶贫信息", "scored", 6],
    ]);
    expect(r.total).toMatchObject({ max: 10.5, final: 9.5 });
    expect(r.findings).toEqual([]);
  });

  it("reads the page's 依申请公开 table, whose 五级指标 column stays empty", () => {
    const r = read(P.applicationChannels.grid({ 3: 2.5 }));
    expect(r.items).toEqual([[3, "申请渠道", "scored", 2.5]]);
    expect(r.titles).toEqual(["信函申请渠道畅通性"]);
    expect(r.total).toMatchObject({ max: 2.5, final: 2.5 });
    expect(r.findings).toEqual([]);
  });
});

describe("全国政府网站普查评分表: 单项否决 rows whose 扣分 cells hold '—'", () => {
  it("reads two vetoes, not triggered by a dash", () => {
    const r = read(P.websiteCensus.grid());
    expect(r.items).toEqual([
      [3, "单项否决", "veto", null],
      [4, "单项否决", "veto", null],
    ]);
    expect(r.total).toMatchObject({ vetoed: false });
    expect(r.findings).toEqual([]);
  });

  it("a deduction typed on a veto row triggers it", () => {
    const r = read(P.websiteCensus.grid({ 4: 1 }));
    expect(r.total).toMatchObject({ final: 0, vetoed: true });
    expect(r.problems).toEqual(["veto_applied@F4"]);
  });
});

describe("乡镇保密工作: 三级指标 | 目标要求和评分标准, the item's points '(1.5分)' in its text", () => {
  it("reads 1.5 points, a capped per-unit deduction and the 0.25 step", () => {
    const r = read(P.secrecyTownship.grid({ 2: 1.2 }));
    expect(r.items).toEqual([[2, null, "scored", 1.5]]);
    expect(r.titles).toEqual(["保密工作"]);
    expect(r.report.items[0].rules).toMatchObject([
      { kind: "points", points: 1.5 },
      { kind: "deduct", step: 0.1, unit: "份", cap: 0.5 },
      { kind: "deduct", step: 0.5 },
      { kind: "deduct", step: 0.25, unit: "次" },
    ]);
    expect(r.total).toMatchObject({ max: 1.5, final: 1.2 });
    expect(r.findings).toEqual([]);
  });
});

// The last table of the first twenty: read right with no change to the engine after it was added.
describe("基层党支部“六有”规范化建设考评表: 自评 / 考评 over 得分 | 小计, an unknown '考评内容和标准'", () => {
  it("reads three items under (五)…(15分) and scores the first 得分 column", () => {
    const r = read(P.partyBranch.grid({ 3: 3, 4: 3, 5: 6 }));
    expect(r.items).toEqual([
      [3, "有健全完善的制度机制", "scored", 3],
      [4, "有健全完善的制度机制", "scored", 5],
      [5, "有健全完善的制度机制", "scored", 7],
    ]);
    expect(r.report.items[2].rules).toMatchObject([{ kind: "deduct", step: 1, unit: "项" }]);
    expect(r.categories).toEqual([["有健全完善的制度机制", 15, 12]]);
    expect(r.findings).toEqual([]);
  });
});

describe("市建设局 党风廉政建设责任制考核评分标准表: 项目 merged down | 序号 | 责任内容 | 标准分 | 考核标准", () => {
  const r = read(P.integrityBureau.grid({ 3: 3, 4: "扣1分", 5: "满分" }));
  const category = "落实上级党委和政府的要求,责任制工作与经济工作、业务工作统一部署、统一落实、统一检查、统一考核";

  it("reads the 责任内容 as the items' titles under the long 项目 text", () => {
    expect(r.items).toEqual([
      [3, category, "scored", 4],
      [4, category, "scored", 4],
      [5, category, "scored", 2],
    ]);
    expect(r.titles.map((t) => t.slice(0, 8))).toEqual(["年初根据上级部署", "领导班子成员明确", "领导班子“一把手"]);
  });

  it("reads 不得分, 缺一次扣1分, 有1人扣1分, 每例扣1分; 酌情扣分 leaves it to the reviewer", () => {
    expect(r.report.items.map((i) => i.rules.map((x) => [x.kind, "step" in x ? x.step : null, "unit" in x ? x.unit : null]))).toEqual([
      [["floor", null, null], ["deduct", 1, "次"], ["deduct", 2, null], ["deduct", 2, null]],
      [["deduct", 2, null], ["deduct", 1, "人"], ["deduct", 2, null]],
      [["deduct", 1, "例"]],
    ]);
  });

  it("scores 3, 扣1分 of 4 and 满分 of 2", () => {
    expect(r.categories).toEqual([[category, 10, 8]]);
    expect(r.total).toMatchObject({ max: 10, final: 8 });
    expect(r.findings).toEqual(["score_normalized@G4", "score_normalized@G5"]);
  });
});

describe("工会安全生产考核表: 应得分数 | 扣减分数 | 实得分数, 合  计 and signatures below", () => {
  it("reads 应得分数 as the points, not as a score column", () => {
    const r = read(P.unionSafety.grid());
    expect(r.items.map((i) => i[3])).toEqual([20, 20, 25, 25, 10]);
    expect(r.report.columns).toEqual(["扣减分数", "实得分数"]);
    expect(r.report.items[3].rules.map((x) => [x.kind, "step" in x ? x.step : null])).toEqual([
      ["deduct", 15],
      ["deduct", 10],
      ["deduct", 10],
    ]);
  });

  it("scores the filled 实得分数 when 扣减分数 is empty, and says so", () => {
    const r = read(P.unionSafety.grid({ 2: 20, 3: 20, 4: 15, 5: "扣10分", 6: 10 }));
    expect(r.report.column).toBe("实得分数");
    expect(r.total).toMatchObject({ max: 100, final: 80 });
    expect(r.problems).toEqual(["score_column_switched@F1"]);
  });

  it("flags 10 for 目标管理, whose only deduction is 扣20分", () => {
    const r = read(P.unionSafety.grid({ 2: 20, 3: 10, 4: 25, 5: 25, 6: 10 }));
    expect(r.total).toMatchObject({ final: 90 });
    expect(r.problems).toEqual(["score_column_switched@F1", "score_off_step@F3"]);
  });

  it("scores the points less the 扣减分数 when that is what the clerk filled", () => {
    const grid = P.unionSafety.grid();
    for (const [row, v] of [[4, 10], [5, 10]]) grid.cells[row - 1][4] = v;
    const r = read(grid);
    expect(r.report.column).toBe("扣减分数");
    expect(r.total).toMatchObject({ max: 100, final: 80 });
    expect(r.problems).toEqual([]);
  });
});

describe("煤业 安全绩效考核标准: a 否决项 in 标准分, 扣责任部门1分, one criterion per row", () => {
  it("reads the veto, the 30 of 轻伤事故 and two multi-row items", () => {
    const r = read(P.mabaoCoal.grid({ 4: "否", 5: 25, 6: "扣1分", 9: 5 }));
    expect(r.items).toEqual([
      [4, "安全指标", "veto", null],
      [5, "安全指标", "scored", 30],
      [6, "安全责任落实与安全风险预控", "scored", 10],
      [9, "安全责任落实与安全风险预控", "scored", 5],
    ]);
    expect(r.report.items[0].rules.map((x) => x.kind)).toEqual(["veto"]);
    expect(r.report.items[1].rules).toMatchObject([{ kind: "deduct", step: 10, stepMax: 30, unit: "人次" }]);
    // "扣责任部门1分" is a deduction of 1, not an item worth 1
    expect(r.report.items[2].rules.map((x) => [x.kind, "step" in x ? x.step : null])).toEqual([
      ["deduct", 1],
      ["deduct", 5],
      ["floor", null],
      ["deduct", 0.5],
      ["deduct", 1],
      ["deduct", 0.5],
      ["deduct", 0.2],
    ]);
    expect(r.report.items[3].rules.map((x) => ("step" in x ? x.step : null))).toEqual([1, 1, 2, 2, 0.2]);
    expect(r.categories).toEqual([
      ["安全指标", 30, 25],
      ["安全责任落实与安全风险预控", 15, 14],
    ]);
    expect(r.total).toMatchObject({ max: 45, final: 39, vetoed: false });
    // 否 on the veto row is an answer, not a number gone wrong
    expect(r.findings).toEqual(["score_normalized@F6"]);
  });

  it("是 on the 否决项 sets the month's score to 0", () => {
    const r = read(P.mabaoCoal.grid({ 4: "是", 5: 30, 6: 10, 9: 5 }));
    expect(r.total).toMatchObject({ final: 0, vetoed: true });
    expect(r.problems).toEqual(["veto_applied@F4"]);
  });
});

describe("政府网站绩效评估: 一级指标(37) | 二级指标(27) | 三级指标 | 权重 | 评估要点", () => {
  it("reads twelve 三级指标 with their 权重 as points, and the declared 37 / 27 the part does not reach", () => {
    const full = { 2: 1, 3: 1, 4: 1, 5: 1, 6: 1.2, 7: 1.6, 8: 1.6, 9: "满分", 10: 1, 11: 1, 12: 1, 13: 1 };
    const r = read(P.websitePerf.grid(full));
    expect(r.titles).toEqual(["概况信息", "法规文件及解读", "规划计划", "统计信息", "财政预决算", "行政收费", "政府采购", "重点领域", "应急管理", "城乡建设", "监督检查", "社会公益"]);
    expect(r.items.map((i) => i[3])).toEqual([1, 1, 1, 1, 1.6, 1.6, 1.6, 1.6, 1, 1, 1, 1]);
    expect(r.categories).toEqual([["政府信息公开", 14.4, 14]]);
    expect(r.findings).toEqual(["score_normalized@F9", "max_sum_mismatch@A2", "max_sum_mismatch@B2"]);
  });
});

describe("意识形态工作责任制考评办法(表格): 指标项目 | 分值 | 评分标准, 扣满8分为止, thresholds", () => {
  const r = read(P.ideology.grid({ 4: 2, 5: "扣3分" }));

  it("reads the two items under the section line, with their points", () => {
    expect(r.items).toEqual([
      [4, "学习宣传贯彻习近平新时代中国特色社会主义思想", "scored", 3],
      [5, "学习宣传贯彻习近平新时代中国特色社会主义思想", "scored", 10],
    ]);
  });

  it("reads 缺一个,扣1分 per 个 and 每人扣1分,扣满8分为止; 未达41分(一般干部30分) is a condition, not points", () => {
    expect(r.report.items.map((i) => i.rules.map((x) => [x.kind, "step" in x ? x.step : null, "unit" in x ? x.unit : null, "cap" in x ? x.cap : null]))).toEqual([
      [["deduct", 1, "个", null], ["deduct", 1, null, null], ["deduct", 1, null, null]],
      [["deduct", 1, "人", 8], ["deduct", 2, null, null]],
    ]);
    expect(r.categories).toEqual([["学习宣传贯彻习近平新时代中国特色社会主义思想", 13, 9]]);
    expect(r.findings).toEqual(["score_normalized@D5"]);
  });
});

describe("部门依法行政考核: each item's worth written as '…的,得6分' in its text, no 分值 column", () => {
  it("reads the items' points from their text and checks them against (12分) and (10分)", () => {
    const r = read(P.lawDept.grid({ 2: 6, 3: 3, 4: "扣1分", 5: 4 }));
    expect(r.items).toEqual([
      [2, "保障措施", "scored", 6],
      [3, "保障措施", "scored", 6],
      [4, "抽象行政行为", "scored", 6],
      [5, "抽象行政行为", "scored", 4],
    ]);
    expect(r.report.items[0].rules.map((x) => x.kind)).toEqual(["points", "floor", "deduct", "floor"]);
    expect(r.report.items[2].rules).toMatchObject([{ kind: "points", points: 6 }, { kind: "floor" }, { kind: "deduct", step: 1, unit: "件" }]);
    expect(r.categories).toEqual([
      ["保障措施", 12, 9],
      ["抽象行政行为", 10, 9],
    ]);
    expect(r.total).toMatchObject({ max: 22, final: 18 });
    expect(r.findings).toEqual(["score_normalized@C4"]);
  });
});

describe("霍邱县公安局 整改台账: 一级目录 | 二级目录 | 三级目录 under 公开事项, 扣分要素 | 分值 | 得分", () => {
  it("reads 规范性文件 under 政策法规 with its twenty points, every deduction and 扣完20分为止", () => {
    const r = read(P.huoqiuPolice.grid());
    expect(r.items).toEqual([[4, "政策法规010000", "scored", 20]]);
    expect(r.titles).toEqual(["规范性文件"]);
    expect(r.report.items[0].rules.map((x) => [x.kind, "step" in x ? x.step : "cap" in x ? x.cap : null, "unit" in x ? x.unit : null])).toEqual([
      ["deduct", 20, null],
      ["deduct", 1, null],
      ["deduct", 2, "件"],
      ["deduct", 2, "件"],
      ["deduct", 1, "件"],
      ["deduct", 1, "件"],
      ["deduct", 2, "件"],
      ["deduct", 2, "件"],
      ["deduct", 1, "处"],
      ["deduct_cap", 20, null],
    ]);
    expect(r.report.items[0].rules[1]).toMatchObject({ stepMax: 18 });
    // the office's own 0: all twenty taken off, as its 扣分原因 says
    expect(r.total).toMatchObject({ max: 20, final: 0 });
    expect(r.findings).toEqual([]);
  });
});

// Two tables of the first round's proof: read right with no change to the engine when they were added.
describe("依法行政考核: items' points '(5分)' closing their text, a note row '以上各项…' between 考核项目", () => {
  it("reads seven items under two 考核项目 and takes the note for a note", () => {
    const r = read(P.lawCapacity.grid({ 2: 5, 3: 4, 4: "满分", 5: 4, 7: 10, 8: "扣2分", 9: 3 }));
    expect(r.items).toEqual([
      [2, "依法行政工作能力建设情况", "scored", 5],
      [3, "依法行政工作能力建设情况", "scored", 5],
      [4, "依法行政工作能力建设情况", "scored", 8],
      [5, "依法行政工作能力建设情况", "scored", 4],
      [7, "重大行政决策和规范性文件情况", "scored", 10],
      [8, "重大行政决策和规范性文件情况", "scored", 8],
      [9, "重大行政决策和规范性文件情况", "scored", 3],
    ]);
    expect(r.categories).toEqual([
      ["依法行政工作能力建设情况", 22, 21],
      ["重大行政决策和规范性文件情况", 21, 19],
    ]);
    expect(r.total).toMatchObject({ max: 43, final: 40 });
    expect(r.findings).toEqual(["score_normalized@C4", "score_normalized@C8"]);
  });
});

describe("县 部门信息公开考核评分标准: '一、…(8分)' merged down, '(一)…(2分);' items", () => {
  it("reads nine items under three 考核项目 whose points they sum to", () => {
    const r = read(P.countyDeptInfo.grid({ 3: 2, 4: 2, 5: 1, 6: 2, 7: 2, 8: 2, 9: 2, 10: 3, 11: "满分" }));
    expect(r.items.map((i) => i[3])).toEqual([2, 2, 2, 2, 2, 2, 2, 3, 3]);
    expect(r.categories).toEqual([
      ["政府信息公开工作领导机构、工作机构的建设情况", 8, 7],
      ["制定政府信息公开年度工作计划,目标措施实行情况", 6, 6],
      ["政府信息公开工作经费安排落实情况,办公设施配置情况", 6, 6],
    ]);
    expect(r.total).toMatchObject({ max: 20, final: 19 });
    expect(r.findings).toEqual(["score_normalized@C11"]);
  });
});

// The last two tables added, the proof of the grammar: read right with no change to the engine after they were added.
describe("河长制工作考核评分表: 考核类别 '一、政策制度(20分)' merged down | 考核内容 | 分值 | 备注", () => {
  it("reads nine items under three 考核类别 whose points they sum to", () => {
    const r = read(P.riverChief.grid({ 3: 10, 4: 4, 5: 5, 6: 2, 7: "满分", 8: 3, 9: 5, 10: "扣2分", 11: 5 }));
    expect(r.items.map((i) => [i[1], i[3]])).toEqual([
      ["政策制度", 10],
      ["政策制度", 5],
      ["政策制度", 5],
      ["水资源保护", 2],
      ["水资源保护", 4],
      ["水资源保护", 4],
      ["岸线保护和防汛安全", 5],
      ["岸线保护和防汛安全", 10],
      ["岸线保护和防汛安全", 5],
    ]);
    expect(r.categories).toEqual([
      ["政策制度", 20, 19],
      ["水资源保护", 10, 9],
      ["岸线保护和防汛安全", 20, 18],
    ]);
    expect(r.total).toMatchObject({ max: 50, final: 46 });
    expect(r.findings).toEqual(["score_normalized@E7", "score_normalized@E10"]);
  });
});

describe("涡阳县水利局 评分表: the 测评 summary above the header, 指标分值 less the reviewer's 扣分", () => {
  it("finds the table under the summary and scores each item's 分值 less its 扣分", () => {
    const r = read(P.guoyangWater.grid());
    expect(r.titles).toEqual(["规范性文件立改废", "意见征集", "意见反馈", "办理制度和总体情况", "公务员招录及事业单位招聘"]);
    expect(r.report.column).toBe("扣分");
    expect(r.categories).toEqual([
      ["政策法规", 2, 0.72],
      ["重大决策预公开", 6, 2.4],
      ["建议提案办理", 1, 0.5],
      ["人事信息", 1, 0],
    ]);
    expect(r.total).toMatchObject({ max: 10, final: 3.62 });
    expect(r.findings).toEqual([]);
  });
});

describe("党风廉政宣传教育工作考核评分表: 考核指标 '一、组织领导(5分)' merged down over 考核内容, criteria one per row", () => {
  const r = read(P.integrityPublicity.grid({ 3: 2, 5: 3, 6: 2, 7: 35, 11: "满分" }));

  it("reads the 考核指标 as the categories and each 考核内容 as an item, its criteria joined", () => {
    expect(r.titles).toEqual(["1、健全机制", "2、工作部署", "1、队伍建设", "2、新闻用稿", "3、宣传活动"]);
    expect(r.items).toEqual([
      [3, "组织领导", "scored", 2],
      [5, "组织领导", "scored", 3],
      [6, "新闻宣传", "scored", 2],
      [7, "新闻宣传", "scored", 40],
      [11, "新闻宣传", "scored", 2],
    ]);
    expect(r.report.items[3].rules.filter((x) => x.kind === "bonus").map((x) => ("step" in x ? x.step : null))).toEqual([20, 3, 2]);
  });

  it("scores 自评分 and reports the 45 points of 新闻宣传 the cut page does not reach", () => {
    expect(r.categories).toEqual([
      ["组织领导", 5, 5],
      ["新闻宣传", 44, 39],
    ]);
    expect(r.total).toMatchObject({ max: 49, final: 44 });
    expect(r.findings).toEqual(["score_normalized@D11", "max_sum_mismatch@A6"]);
  });
});

describe("霍邱县 测评表: 考察点 worth '【2分】' each in the text, beside a 权重", () => {
  const r = read(P.huoqiuAssessment.grid());

  it("reads four 二级指标 under their 一级指标 with the 权重 as points and the reviewer's 得分", () => {
    expect(r.titles).toEqual(["部门文件", "规范性文件立改废", "意见征集", "意见反馈"]);
    expect(r.items).toEqual([
      [2, "政策法规", "scored", 10],
      [3, "政策法规", "scored", 4],
      [4, "重大决策预公开", "scored", 8],
      [5, "重大决策预公开", "scored", 8],
    ]);
    expect(r.total).toMatchObject({ max: 30, final: 15 });
  });

  it("warns at 意见征集's criterion that its parts make 10 against the 权重 8, and keeps the 权重", () => {
    expect(r.findings).toEqual(["criterion_points_mismatch@F4"]);
    expect(r.report.items[2]).toMatchObject({ title: "意见征集", max: 8, score: 4 });
    const f = checkGrids([P.huoqiuAssessment.grid()]).findings.find((x) => x.code === "criterion_points_mismatch")!;
    expect(f).toMatchObject({ severity: "warning", cell: "F4", expected: 8, actual: 10 });
    expect(f.message).toBe("“意见征集”的评分标准中各项分值合计 10 分,与本项分值 8 分(单元格 G4)不符;按 8 分核算,请核对评分标准或分值");
  });
});

describe("县 政务公开考核表: 得分 holding the points as '2分', 合计 得分 the categories' sums, a blank column for the clerk", () => {
  const entries = { 2: 2, 3: 2, 4: 1, 5: 6, 6: 3, 7: 4, 8: 25, 9: 2, 10: 5, 11: 5, 12: 2, 13: 20, 14: 2, 15: 4, 16: 6, 17: 2 };

  it("reads 得分 as the points and scores the column left blank, not 合计 得分", () => {
    const r = read(P.countyPublicity.grid(entries));
    expect(r.items.map((i) => i[3])).toEqual([2, 2, 2, 6, 3, 6, 25, 2, 5, 5, 2, 25, 2, 5, 6, 2]);
    expect(r.items.every((i) => i[2] === "scored")).toBe(true);
    expect(r.report.columns).toEqual(["F列"]);
    expect(r.categories).toEqual([
      ["组织保障", 6, 5],
      ["政务公开工作开展情况", 94, 86],
    ]);
    expect(r.total).toMatchObject({ max: 100, final: 91 });
    expect(r.findings).toEqual([]);
  });

  it("an entry above an item's points is flagged at the clerk's cell", () => {
    const r = read(P.countyPublicity.grid({ ...entries, 6: 5 }));
    expect(r.problems).toEqual(["score_over_max@F6"]);
  });
});

// Added with the reading of points written in the items' text under a header with no 分值 column.
describe("四川 市级各部门 考核内容及评分标准: 考核指标 '1.组织领导。(15分)' merged down | 考核内容 '(1)…(10分)' | 自评分", () => {
  const r = read(P.sichuanDepartments.grid({ 3: 10, 4: 5, 5: 5, 6: 8, 7: 10, 8: "满分", 9: 20 }));

  it("reads each item's points from the end of its text, under headings named without their stop", () => {
    expect(r.items).toEqual([
      [3, "组织领导", "scored", 10],
      [4, "组织领导", "scored", 5],
      [5, "政府信息公开内容", "scored", 5],
      [6, "政府信息公开内容", "scored", 10],
      [7, "政府信息公开内容", "scored", 10],
      [8, "政府信息公开内容", "scored", 15],
      [9, "政府信息公开内容", "scored", 25],
    ]);
    expect(r.titles[2]).toBe("(1)概况信息(机构职能、领导信息、或行业介绍)。");
    expect(r.report.column).toBe("自评分");
  });

  it("scores 自评分 against the headings' points, the note row no item", () => {
    expect(r.categories).toEqual([
      ["组织领导", 15, 15],
      ["政府信息公开内容", 65, 58],
    ]);
    expect(r.total).toMatchObject({ max: 80, final: 73 });
    expect(r.findings).toEqual(["score_normalized@C8"]);
  });

  it("an entry above the points its text states is flagged at the clerk's cell", () => {
    expect(read(P.sichuanDepartments.grid({ 5: 6 })).problems).toContain("score_over_max@C5");
  });
});

describe("信息工作目标考核评比办法: a fixed 50 for the number sent, points per piece used with no ceiling", () => {
  const r = read(P.infoWork.grid({ 3: 50, 4: 13, 5: 30, 6: 10, 7: 18, 8: 8, 9: 10 }));

  it("reads 信息报送数量 as worth 50 and the six 信息采用 rules as bonus items, the one without points too", () => {
    expect(r.items).toEqual([
      [3, null, "scored", 50],
      [4, "信息质量", "adjust", null],
      [5, "信息质量", "adjust", null],
      [6, "信息质量", "adjust", null],
      [7, "信息质量", "adjust", null],
      [8, "信息质量", "adjust", null],
      [9, "信息质量", "adjust", null],
    ]);
    expect(r.report.items[1].rules.map((x) => ("unit" in x ? [x.kind, x.step, x.unit] : [x.kind]))).toEqual([
      ["bonus", 5, "条"],
      ["bonus", 3, "单位"],
    ]);
  });

  it("adds the points used to the 50, with nothing to warn of", () => {
    expect(r.total).toMatchObject({ max: 50, base: 50, adjustments: 89, final: 139 });
    expect(r.findings).toEqual([]);
  });
});

describe("钟楼区 信息工作考核评分细则: no 分值, items that add or take, the 注 '基础得分为6分' the start", () => {
  const r = read(P.zhonglouInfo.grid({ 3: 1, 4: "扣2分", 5: 4, 8: 25 }));

  it("reads seven adjustment items under their 考核项目, named by their 考核指标", () => {
    expect(r.titles).toEqual(["报送及时", "报送数量", "约稿任务", "内容规范", "录用率", "录用层级", "领导批示"]);
    expect(r.items.map((i) => [i[1], i[2]])).toEqual([
      ["报送情况", "adjust"],
      ["报送情况", "adjust"],
      ["约稿任务", "adjust"],
      ["信息规范", "adjust"],
      ["录用情况", "adjust"],
      ["录用情况", "adjust"],
      ["领导批示", "adjust"],
    ]);
    expect(r.report.items.map((i) => i.score)).toEqual([-1, -2, 4, 0, 0, 25, 0]);
  });

  it("starts from the 6 the note states, says so at the note, and adds the items to it", () => {
    expect(r.total).toMatchObject({ max: 6, base: 6, adjustments: 26, final: 32 });
    expect(r.findings).toEqual(["score_normalized@E3", "score_normalized@E4", "sheet_base@A10"]);
    expect(r.problems).toEqual([]);
  });

  it("takes off no more than the start ('扣完为止')", () => {
    expect(read(P.zhonglouInfo.grid({ 3: 1, 4: 3, 6: 2, 7: 1 })).total).toMatchObject({ max: 6, final: 0 });
  });
});
