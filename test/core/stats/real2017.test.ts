/**
 * 统计表 of the 2017-2019 family as other units lay them out: a 序号 column, numbering in a column
 * of its own, 上年数 beside 本年数, 代码 columns and the 甲 | 乙 | 丙 row, blank rows, signatures;
 * rows a unit added or left out; and the score sheets that must not pass for one.
 */
import { describe, expect, it } from "vitest";
import type { CellValue, Grid } from "../../../src/core/grid";
import { renderFinding, type Finding } from "../../../src/core/findings";
import { checkStatistics, detectStatistics, ROWS_2017 } from "../../../src/core/stats";
import { checkGrids } from "../../../src/kaohe";
import { edit, rowIndex, unitSheet, type Triple, type UnitLayout } from "./build";
import { GENHE } from "./fixtures";

const codes = (fs: Finding[]) => fs.map((f) => `${f.code}@${f.cell}`);
const GENHE_KEYS = ROWS_2017.filter((d) => d.section !== "service").map((d) => d.key);
// Last year's numbers, deliberately inconsistent: a checker reading them would complain.
const lastYear = (v: CellValue) => (typeof v === "number" ? v + 7 : v);

const LAYOUTS: [string, UnitLayout][] = [
  ["with a 序号 column", { index: true }],
  ["with the numbering in a column of its own", { splitNumbering: true }],
  ["with 上年数 before 本年数", { values: { headers: ["上年数", "本年数"], current: 1, other: lastYear } }],
  ["with 本年数 before 上年数", { values: { headers: ["本年数", "上年数"], current: 0, other: lastYear } }],
  ["with 统计数 over 2017年 | 2018年", { values: { group: "统计数", headers: ["2017年", "2018年"], current: 1, other: lastYear } }],
  ["with 代码, 本期实际 | 本年累计 and the 甲乙丙 row", { codes: true, header: ["指 标 名 称", "计量单位"], values: { headers: ["本期实际", "本年累计"], current: 1, other: () => null } }],
  ["with blank rows between sections", { blankBeforeSections: 2 }],
  [
    "with its title and 填报单位 above, signatures below",
    {
      above: ["附件3", "某某县卫生健康局2018年政府信息公开情况统计表", "填报单位(盖章):某某县卫生健康局"],
      footer: ["单位负责人:王某    审核人:李某    填表人:张某", "填表日期:2019年1月5日", "(一)主动公开政府信息数"],
    },
  ],
  ["with section titles in a column of their own, merged down", { titleColumns: 1 }],
  ["with section and group titles in columns of their own", { titleColumns: 2 }],
  ["with 单位 after 统计数", { unitLast: true }],
  ["with 单位 after 上年数 | 本年数", { unitLast: true, values: { headers: ["上年数", "本年数"], current: 1, other: lastYear } }],
  ["without a 统计指标 header", { header: ["", "单位"], index: true }],
  ["with everything at once", { index: true, splitNumbering: true, blankBeforeSections: 1, values: { group: "统计数", headers: ["上年", "本年"], current: 1, other: lastYear }, footer: ["填报人:张某"] }],
];

describe("统计表 as other units lay them out", () => {
  it.each(LAYOUTS)("reads every row %s, from this year's column", (_, p) => {
    const { grid, cell } = unitSheet(GENHE, p);
    const table = detectStatistics(grid)!;
    expect(table.format).toBe("2017");
    // A title without a value of its own shares its first row when it stands in a column apart.
    const level = (label: string) => (/^\s*[一二三四五六七八九十]+、/.test(label) ? 0 : /^\s*\([一二三四五六七八九十]+\)/.test(label) ? 1 : 2);
    const sharing = (i: number) => level(GENHE[i][0]) < (p.titleColumns ?? 0) && GENHE[i][1] === "——";
    expect(table.rows.map((r) => r.key)).toEqual(GENHE_KEYS.filter((_, i) => !sharing(i)));
    const i = rowIndex(GENHE, "政策解读稿件");
    expect(table.rows.find((r) => r.key === "policy_interpretations")).toMatchObject({ cell: cell(i), value: 12 });
  });

  it.each(LAYOUTS)("is quiet %s when this year's numbers agree", (_, p) => {
    expect(checkStatistics(detectStatistics(unitSheet(GENHE, p).grid)!)).toEqual([]);
  });

  it.each(LAYOUTS)("flags a broken sum %s at the whole's cell", (_, p) => {
    const rows = edit(GENHE, { 收到申请数: 10 });
    const { grid, cell } = unitSheet(rows, p);
    const findings = checkStatistics(detectStatistics(grid)!);
    expect(codes(findings)).toEqual([`stat_sum_mismatch@${cell(rowIndex(GENHE, "收到申请数"))}`]);
    expect(renderFinding(findings[0]).message).toBe("“收到申请数”填 10,但当面申请数、传真申请数、网络申请数、信函申请数之和为 9");
  });

  it.each(LAYOUTS)("flags a part over its whole %s at the part's cell", (_, p) => {
    const { grid, cell } = unitSheet(edit(GENHE, { 政府网站公开: 140 }), p);
    const findings = checkStatistics(detectStatistics(grid)!);
    expect(codes(findings)).toEqual([`stat_part_exceeds_whole@${cell(rowIndex(GENHE, "政府网站公开"))}`]);
    expect(renderFinding(findings[0]).message).toBe(`“政府网站公开政府信息数”为 140,超过了“主动公开政府信息数”(${cell(1)})的 120`);
  });

  it("names rows in a section by the cells after its title, and repeated rows by their section", () => {
    const table = detectStatistics(unitSheet(GENHE, { titleColumns: 2 }).grid)!;
    expect(table.rows.find((r) => r.key === "applications_received")).toMatchObject({ label: "三、依申请公开情况 (一)收到申请数", name: "收到申请数" });
    expect(table.rows.filter((r) => r.key?.endsWith("_corrected")).map((r) => r.name)).toEqual(["行政复议数量·被依法纠错数", "行政诉讼数量·被依法纠错数"]);
  });

  it("is a statistics sheet to checkGrids, never a score table", () => {
    for (const [, p] of LAYOUTS) {
      const report = checkGrids([unitSheet(GENHE, p).grid]);
      expect(report.sheets.map((s) => s.kind)).toEqual(["statistics"]);
    }
  });
});

describe("what stands beside the table", () => {
  it("reads the value under 统计数, not under a 本年 header of another table further right", () => {
    const { grid, cell } = unitSheet(GENHE);
    grid.cells[0].push(null, "附:网站栏目", "本年");
    grid.cells[1].push(null, "政务公开专栏", 320);
    const table = detectStatistics(grid)!;
    expect(table.rows.find((r) => r.key === "proactive_items")).toMatchObject({ cell: cell(1), value: 120 });
  });
});

describe("rows a unit added or left out", () => {
  // 定西-style channels: 电子邮件 between 传真 and 网上, 其他形式 after 信函.
  const MORE_CHANNELS: Triple[] = [
    ...GENHE.slice(0, 21),
    ["  (一)收到申请数", "件", 11],
    ["     1.当面申请数", "件", 4],
    ["     2.传真申请数", "件", 0],
    ["     3.电子邮件申请数", "件", 1],
    ["     4.网上申请数", "件", 3],
    ["     5.信函申请数", "件", 2],
    ["     6.其他形式申请数", "件", 1],
    ...GENHE.slice(26),
  ];

  it("counts channels the form does not list in 收到申请数", () => {
    const table = detectStatistics(unitSheet(MORE_CHANNELS).grid)!;
    expect(table.rows.filter((r) => r.key === null).map((r) => r.name)).toEqual(["电子邮件申请数", "其他形式申请数"]);
    const findings = checkStatistics(table);
    expect(findings.filter((f) => f.code === "stat_sum_mismatch")).toEqual([]);
  });

  it("names them when the sum breaks", () => {
    const { grid, cell } = unitSheet(edit(MORE_CHANNELS, { 收到申请数: 12 }));
    const findings = checkStatistics(detectStatistics(grid)!).filter((f) => f.code === "stat_sum_mismatch");
    expect(findings.map((f) => [f.cell, renderFinding(f).message])).toEqual([
      [cell(21), "“收到申请数”填 12,但当面申请数、传真申请数、网上申请数、信函申请数、电子邮件申请数、其他形式申请数之和为 11"],
    ]);
  });

  it("does not count a new heading after the parts (numbered otherwise) in the sum", () => {
    const rows: Triple[] = [...GENHE.slice(0, 26), ["  (二)其中:依申请公开目录数", "条", 40], ...GENHE.slice(26)];
    expect(checkStatistics(detectStatistics(unitSheet(rows).grid)!)).toEqual([]);
  });

  it("checks what is there when a row is left out (no 政府公报)", () => {
    const rows = GENHE.filter(([label]) => !label.includes("政府公报"));
    expect(checkStatistics(detectStatistics(unitSheet(rows).grid)!)).toEqual([]);
    const { grid, cell } = unitSheet(edit(rows, { 政务微信公开: 121 }));
    expect(codes(checkStatistics(detectStatistics(grid)!))).toEqual([`stat_part_exceeds_whole@${cell(rowIndex(rows, "政务微信公开"))}`]);
  });

  it("takes a dash in a value cell for an empty cell", () => {
    const { grid, cell } = unitSheet(edit(GENHE, { 传真申请数: "—", 其他方式公开政府信息数: "/" }));
    expect(checkStatistics(detectStatistics(grid)!)).toEqual([
      { code: "stat_blank", sheet: "统计表", cell: cell(rowIndex(GENHE, "其他方式公开政府信息数")), label: "其他方式公开政府信息数" },
      { code: "stat_blank", sheet: "统计表", cell: cell(rowIndex(GENHE, "传真申请数")), label: "传真申请数" },
    ]);
  });
});

describe("score sheets are not 统计表", () => {
  const sheet = (cells: CellValue[][]): Grid => ({ name: "评分表", cells, merges: [] });

  it.each([
    [
      "a score sheet with 指标 | 单位 | 数量 columns",
      [
        ["类别", "序号", "指标", "单位", "数量", "分值", "评分标准", "自评分"],
        ["回应关切", 1, "新闻发布会", "次", 3, 4, "每季度至少举办1次新闻发布会,少1次扣1分", 4],
        ["回应关切", 2, "在线访谈", "次", 2, 2, "全年不少于2次在线访谈", 2],
        ["监督保障", 3, "举办各类培训班数", "次", 1, 2, "未举办培训班的不得分", 2],
        ["监督保障", 4, "举报投诉", "件", 0, 2, "举报投诉查实的每件扣1分", 2],
        ["政策解读", 5, "政策解读稿件发布数", "篇", 12, 4, "重要政策文件未解读的每件扣1分", 4],
      ],
    ],
    [
      "a 指标 | 单位 | 得分 table of indicators",
      [
        ["指标", "单位", "得分"],
        ["主动公开政府信息数", "条", 5],
        ["政策解读稿件发布数", "篇", 4],
        ["举办各类培训班数", "次", 2],
      ],
    ],
    [
      "a 指标 | 单位 table whose rows have no units",
      [
        ["指标", "单位", "数量"],
        ["新闻发布会", "办公室", 3],
        ["在线访谈", "办公室", 2],
        ["举办各类培训班数", "人事科", 1],
      ],
    ],
  ])("finds nothing on %s", (_, cells) => {
    expect(detectStatistics(sheet(cells))).toBeNull();
  });
});

describe("the wordings units write", () => {
  it.each([
    ["一、主动公开情况", "2.门户网站公开政府信息数", "published_website"],
    ["一、主动公开情况", "5.其它方式公开政府信息数", "published_other"],
    ["三、依申请公开情况", "8.告知通过其它途径办理数", "reply_other_channel"],
    ["三、依申请公开情况", "(一)收到申请总数", "applications_received"],
    ["四、行政复议数量", "(三)其它情形数", "review_other"],
    ["五、行政诉讼数量", "(三)其它情形数", "litigation_other"],
    ["五、行政诉讼数量", "(二)被依法纠错数", "litigation_corrected"],
  ])("under %j, %j is %s", (title, label, key) => {
    const rows: Triple[] = [[title, "——"], [label, "件", 0], ["六、举报投诉数量", "件", 0], ["七、依申请公开信息收取的费用", "万元", 0]];
    expect(detectStatistics(unitSheet(rows).grid)?.rows[1].key).toBe(key);
  });
});
