import { describe, expect, it } from "vitest";
import { detectScoreTable } from "../../../src/core/layout/detect";
import { GENHE_HEADER, genheGrid, gridOf } from "../../helpers/grid";
import { wuhaiGrid } from "../../helpers/wuhai";
import type { CellValue } from "../../../src/core/grid";

describe("header recognition", () => {
  it.each([
    [["类别", "序号", "目标要求", "分值", "自查办法", "自查评分", "考核评分"], { category: [0], id: 1, title: 2, max: 3, method: 4, scores: ["自查评分", "考核评分"] }],
    [["考核项目", "目标要求", "具体标准", "自查评分"], { category: [0], id: null, title: 1, max: null, method: 2, scores: ["自查评分"] }],
    [["一级指标", "二级指标", "三级指标", "测评方式", "测评要点", "指标依据", "评估数据采集范围", "分值", "自评得分"], { category: [0, 1], id: null, title: 2, max: 7, method: 4, scores: ["自评得分"] }],
    [["序 号", "考 核 内 容", "标准分", "评分标准", "得 分"], { category: [], id: 0, title: 1, max: 2, method: 3, scores: ["得分"] }],
    [["一级指标", "二级指标", "评分细则", "分值（分）", "自查得分", "复核得分"], { category: [0], id: null, title: 1, max: 3, method: 2, scores: ["自查得分", "复核得分"] }],
  ])("%j", (header, expected) => {
    const t = detectScoreTable(gridOf([header as CellValue[], ["组织", "x", "y", 5, "z", 5, 5, 5, 5]]));
    expect(t).not.toBeNull();
    const c = t!.columns;
    expect({ category: c.category, id: c.id, title: c.title, max: c.max, method: c.method, scores: c.scores.map((s) => s.header) }).toEqual(expected);
  });

  it("finds a table that starts below a preamble and right of other columns", () => {
    const rows: CellValue[][] = [
      ["附件1"],
      [null, null, "2017年度政务公开工作考核指标及评价办法"],
      [null, null, "单位(签字盖章):"],
      [],
      [null, null, ...GENHE_HEADER],
      [null, null, "组织保障", 1, "明确分管领导", 6, "根据查看文件评分", 6, null],
      [null, null, null, 2, "分解落实工作任务", 16, "一项未达标扣4分", 12, null],
    ];
    const t = detectScoreTable(gridOf(rows, ["C6:C7"]))!;
    expect(t.headerRow).toBe(4);
    expect(t.title).toContain("考核指标及评价办法");
    expect(t.items.map((i) => [i.row + 1, i.max, t.groups.get(i.groups[0])!.name])).toEqual([
      [6, 6, "组织保障"],
      [7, 16, "组织保障"],
    ]);
  });

  it("reads a two-row header whose score columns sit under a merged 评分", () => {
    const rows: CellValue[][] = [
      ["序号", "考核内容", "分值", "评分", null],
      [null, null, null, "自评得分", "考核得分"],
      [1, "按时发布年度报告", 4, 4, 3],
    ];
    const t = detectScoreTable(gridOf(rows, ["A1:A2", "B1:B2", "C1:C2", "D1:E1"]))!;
    expect(t.columns.scores).toEqual([{ col: 3, header: "自评得分" }, { col: 4, header: "考核得分" }]);
    expect(t.items.map((i) => [i.row + 1, i.title, i.kind, i.max])).toEqual([[3, "按时发布年度报告", "scored", 4]]);
  });

  it.each([
    ["no header words", [["姓名", "电话"], ["张三", "123"]]],
    ["a statistics sheet", [["统计指标", "单位", "统计数"], ["一、主动公开情况", "——", null], ["(一)主动公开政府信息数", "条", 17]]],
    ["an empty sheet", []],
  ])("ignores %s", (_, rows) => {
    expect(detectScoreTable(gridOf(rows as CellValue[][]))).toBeNull();
  });
});

describe("rows", () => {
  it("spreads merged category cells over their rows and keeps ids, titles and maxima", () => {
    const t = detectScoreTable(
      genheGrid([
        ["组织保障", 1, "明确分管领导", 6, "根据查看文件、资料评分", null, null],
        ["组织保障", 2, "分解落实工作任务", 16, "一项未达标扣4分", null, null],
        ["政策解读", 13, "落实政策解读机制", "加、扣分项", "发布单份政策解读材料加2分,累计不超过10分", null, null],
        ["一票否决", 16, "发生失泄密事件", "一票否决", "执行一票否决", null, null],
      ]),
    )!;
    expect(t.items.map((i) => [i.id, t.groups.get(i.groups[0])!.name, i.kind, i.max, i.sign])).toEqual([
      ["1", "组织保障", "scored", 6, null],
      ["2", "组织保障", "scored", 16, null],
      ["13", "政策解读", "adjust", null, "both"],
      ["16", "一票否决", "veto", null, null],
    ]);
  });

  it("skips a repeated header and keeps the category split across it", () => {
    const rows: CellValue[][] = [
      ["一级指标", "二级指标", "测评要点", "分值", "得分"],
      ["主动公开(60分)", "政策文件(8分)", "评估规范性文件发布情况", 8, 8],
      ["一级指标", "二级指标", "测评要点", "分值", "得分"],
      [null, "权责清单(1分)", "评估权责清单公开情况", 1, 1],
      ["主动公开(60分)", "财政预决算(2分)", "评估预决算公开", 2, 2],
    ];
    const t = detectScoreTable(gridOf(rows))!;
    expect(t.items.map((i) => [i.row + 1, t.groups.get(i.groups[0])!.name, i.title, i.max])).toEqual([
      [2, "主动公开", "政策文件", 8],
      [4, "主动公开", "权责清单", 1],
      [5, "主动公开", "财政预决算", 2],
    ]);
    expect(t.groups.get(t.items[0].groups[0])!.declared).toBe(60);
  });

  it("reads section rows spanning the table as categories with a declared maximum", () => {
    const rows: CellValue[][] = [
      ["序号", "考核内容", "分值", "评分标准", "得分"],
      ["(一)政务公开重点任务(3分)", null, null, null, null],
      [1, "及时报送年度报告", 1, "未及时报送扣1分", 1],
      [2, "及时更新知识库", 2, "未及时报送扣0.5分", 2],
      ["(二)加分指标(5分)", null, null, null, null],
      [1, "主要领导解读政策", null, "每次加1.5分,加分最高不超过3分", 3],
    ];
    const t = detectScoreTable(gridOf(rows, ["A2:E2", "A5:E5"]))!;
    expect(t.items.map((i) => [t.groups.get(i.groups[0])!.name, i.kind, i.max, i.sign])).toEqual([
      ["政务公开重点任务", "scored", 1, null],
      ["政务公开重点任务", "scored", 2, null],
      ["加分指标", "adjust", null, "bonus"],
    ]);
    const bonus = t.groups.get(t.items[2].groups[0])!;
    expect(bonus.kind).toBe("bonus");
    expect(bonus.bonusCaps.map((c) => c.cap)).toEqual([5]);
  });

  it("attaches a note row '以上加分项累计最高5分' to the section above it, not as an item", () => {
    const rows: CellValue[][] = [
      ["类别", "序号", "考核内容", "分值", "评分标准", "自评得分"],
      ["加分项", 1, "规范性文件备案", "加分项", "每个加2分,加分最高不超过4分", 4],
      [null, 2, "网上调查", "加分项", "每次加1分,最高不超过2分", 2],
      ["以上加分项累计最高5分,超过5分的按5分计算", null, null, null, null, null],
    ];
    const t = detectScoreTable(gridOf(rows, ["A2:A3", "A4:F4"]))!;
    expect(t.items.map((i) => [i.row + 1, i.title, i.kind])).toEqual([
      [2, "规范性文件备案", "adjust"],
      [3, "网上调查", "adjust"],
    ]);
    expect(t.items[1].groups).toEqual(t.items[0].groups);
    const g = t.groups.get(t.items[0].groups[0])!;
    expect(g.bonusCaps.map((c) => [c.cap, c.cell])).toEqual([[5, "A4"]]);
  });

  it("stops at the 合计 row and reads its declared maximum", () => {
    const t = detectScoreTable(
      gridOf([
        ["序号", "考核内容", "分值", "得分"],
        [1, "甲", 60, 50],
        [2, "乙", 40, 30],
        ["合 计", null, 100, 80],
        ["填表人:", "张三", null, null],
      ]),
    )!;
    expect(t.items.map((i) => [i.row + 1, i.title, i.max])).toEqual([
      [2, "甲", 60],
      [3, "乙", 40],
    ]);
    expect(t.total).toEqual({ row: 3, declared: 100, declaredCell: "C4" });
  });
});

describe("points written inside the criterion text (乌海)", () => {
  it("takes each row's maximum from its own '(N分)' and the shared title as a block", () => {
    const t = detectScoreTable(wuhaiGrid())!;
    expect(t.columns.max).toBeNull();
    expect(t.items.map((i) => i.max)).toEqual([5, 5, 3, 2, 3, 2, 5, 3, 2]);
    const block = [...t.groups.values()].find((g) => g.name.startsWith("办公室组织协调"))!;
    expect(block.declared).toBe(10);
    expect(t.items.filter((i) => i.groups.includes(block.key))).toHaveLength(4);
    expect(t.groups.get(t.items[0].groups[0])).toMatchObject({ name: "组织领导", declared: 20 });
    expect(t.total?.declared).toBe(30);
  });

  it("joins rows under one merged 分值 when they have no points of their own, and splits them when they do", () => {
    const rows: CellValue[][] = [
      ["一级指标", "二级指标", "三级指标", "测评要点", "分值", "得分"],
      ["能力保障(15分)", "信息公开工作年报(5分)", "年报格式(2分)", "评估发布时间", 5, 2],
      [null, null, "年报质量(3分)", "评估内容", null, 3],
      [null, "政策咨询(5分)", null, "评估咨询电话公布", 5, 4],
      [null, null, null, "评估咨询办理情况", null, null],
    ];
    const t = detectScoreTable(gridOf(rows, ["A2:A5", "B2:B3", "E2:E3", "B4:B5", "E4:E5"]))!;
    expect(t.items.map((i) => [i.row + 1, i.title, i.max])).toEqual([
      [2, "年报格式", 2],
      [3, "年报质量", 3],
      [4, "政策咨询", 5],
    ]);
  });
});

describe("headings: names, declared points and caps (read by parseHeading)", () => {
  const groupsOf = (rows: CellValue[][], merges: string[]) => {
    const t = detectScoreTable(gridOf(rows, merges))!;
    return t.items.map((i) => {
      const g = t.groups.get(i.groups[0])!;
      return [i.row + 1, g.name, g.kind, g.declared, g.bonusCaps.map((c) => c.cap), g.deductCaps.map((c) => c.cap)];
    });
  };

  it.each<[string, string, Array<unknown>]>([
    ["一、基础工作(60分)", "基础工作", ["normal", 60, [], []]],
    ["组织领导(权重20%)", "组织领导", ["normal", null, [], []]],
    ["主动公开(12)", "主动公开", ["normal", 12, [], []]],
    ["政府信息公开12分", "政府信息公开", ["normal", 12, [], []]],
    ["二、加分项(最多加5分)", "加分项", ["bonus", null, [5], []]],
    ["附加分(不超过3分)", "附加分", ["bonus", null, [3], []]],
    ["加分项(最高可加5分)", "加分项", ["bonus", null, [5], []]],
    ["扣分项(最多扣10分)", "扣分项", ["deduct", null, [], [10]]],
    ["三、加分项(5分)", "加分项", ["bonus", null, [5], []]],
  ])("a section row %j", (heading, name, [kind, declared, bonusCaps, deductCaps]) => {
    const rows: CellValue[][] = [
      ["序号", "考核内容", "分值", "评分标准", "得分"],
      [heading, null, null, null, null],
      [1, "信息发布", 12, "每条扣1分", 10],
    ];
    expect(groupsOf(rows, ["A2:E2"])).toEqual([[3, name, kind, declared, bonusCaps, deductCaps]]);
  });

  it("starts a section at an unnumbered '加分项(最多加5分)' rather than reading it as a note on the section above", () => {
    const rows: CellValue[][] = [
      ["序号", "考核内容", "分值", "评分标准", "得分"],
      ["基础工作", null, null, null, null],
      [1, "信息发布", 10, "每条扣1分", 10],
      ["加分项(最多加5分)", null, null, null, null],
      [2, "经验被推广", null, "每次加2分", 4],
    ];
    expect(groupsOf(rows, ["A2:E2", "A4:E4"])).toEqual([
      [3, "基础工作", "normal", null, [], []],
      [5, "加分项", "bonus", null, [5], []],
    ]);
  });

  it.each<[CellValue, number | null]>([
    [20, 20],
    ["20分", 20],
    ["权重20%", null],
    ["20%", null],
  ])("reads a numbered section row with %j in its 分值 cell as a section declaring %j", (value, declared) => {
    const rows: CellValue[][] = [
      ["序号", "考核内容", "分值", "评分标准", "得分"],
      ["一、组织领导", null, value, null, null],
      [1, "领导重视", 10, "未听取汇报扣5分", 10],
    ];
    expect(groupsOf(rows, [])).toEqual([[3, "组织领导", "normal", declared, [], []]]);
  });

  it("names a merged category cell without its weight and reads no points from it", () => {
    const rows: CellValue[][] = [
      ["类别", "考核内容", "分值", "评分标准", "得分"],
      ["组织领导(权重20%)", "领导重视", 10, "未听取汇报扣5分", 10],
      [null, "机构人员", 10, "缺一项扣5分", 10],
    ];
    expect(groupsOf(rows, ["A2:A3"])).toEqual([
      [2, "组织领导", "normal", null, [], []],
      [3, "组织领导", "normal", null, [], []],
    ]);
  });
});

describe("the 分值 cell: points with rules, adjustment caps, weights", () => {
  const itemsOf = (maxCells: CellValue[]) => {
    const rows: CellValue[][] = [["序号", "考核内容", "分值", "评分标准", "得分"], ...maxCells.map((m, i) => [i + 1, `事项${i + 1}`, m, "", null])];
    return detectScoreTable(gridOf(rows))!.items.map((i) => ({ kind: i.kind, max: i.max, sign: i.sign, sectionCap: i.sectionCap, rules: i.rules.map((r) => r.kind) }));
  };
  const scored = (max: number, ...rules: string[]) => ({ kind: "scored", max, sign: null, sectionCap: null, rules });
  const adjust = (sign: string, sectionCap: number | null, ...rules: string[]) => ({ kind: "adjust", max: null, sign, sectionCap, rules });

  it.each<[CellValue, unknown]>([
    ["10分,每项扣2分", scored(10, "deduct")],
    ["10分(每项扣2分)", scored(10, "deduct")],
    ["10分（每项扣2分,扣完为止）", scored(10, "deduct", "floor")],
    ["5分。未明确扣5分", scored(5, "deduct")],
    ["8分;未公开的扣除该项全部分值", scored(8, "floor")],
    ["10分(权重20%)", scored(10)],
    [10, scored(10)],
    ["加分项(5分)", adjust("bonus", 5)],
    ["加分项(最高5分)", adjust("bonus", 5)],
    ["加分项(以3分为限)", adjust("bonus", 3)],
    ["扣分项(最多扣10分)", adjust("deduct", 10)],
    ["最高5分", adjust("bonus", 5)],
    ["最多扣10分", adjust("deduct", 10)],
    ["加分项(每项加2分,最高6分)", adjust("bonus", null, "bonus")],
    ["加、扣分项(最多加5分)", adjust("both", null, "bonus_cap")],
    ["加分项", adjust("bonus", null)],
  ])("%j", (cell, expected) => {
    expect(itemsOf([cell])).toEqual([expected]);
  });

  it("reads a weight in the 分值 cell as no points", () => {
    expect(itemsOf(["20%", "权重20%"])).toEqual([
      { kind: "scored", max: null, sign: null, sectionCap: null, rules: [] },
      { kind: "scored", max: null, sign: null, sectionCap: null, rules: [] },
    ]);
  });
});
