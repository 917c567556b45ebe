/**
 * Filled samples of the templates (templates/samples/): what a unit would send, as data. Each
 * sample states what a reviewer expects the check to conclude (`expect`), which README.md
 * carries and the end-to-end test asserts: these numbers are worked out by hand from the rules,
 * not read back from the engine.
 */
import { parseA1, textOf, type CellValue } from "../core/grid";
import { layoutTemplate, type LaidOutSheet } from "./layout";
import { ANNUAL_REPORT_2021 } from "./defs/annual-report-2021";
import { GENHE_DEPARTMENT, GENHE_STATISTICS_TEMPLATE, GENHE_TOWNSHIP } from "./defs/genhe";
import { LINZI } from "./defs/linzi";
import { SUIZHOU_2021 } from "./defs/suizhou";
import { WUHAI_2017 } from "./defs/wuhai";
import { XIUWEN } from "./defs/xiuwen";
import type { TemplateDef } from "./template";

/** Values written right of the cell whose text is `anchor` (first match), `offset` rows below. */
export interface AnchoredFill {
  anchor: string;
  offset?: number;
  /** The column the values start in (letters). */
  col: string;
  values: CellValue[];
}

export interface SampleSheetFill {
  sheet: string;
  /** A score column's entries, one per item row in order (header → values). */
  scores?: { [header: string]: CellValue[] };
  /** The score entered in the total row, per score column. */
  total?: { [header: string]: CellValue };
  fills?: AnchoredFill[];
  /** Blank value cells become 0, as the 填报说明 asks of a filled-in statistics form. */
  zeroBlank?: boolean;
  /** Text appended to the preamble line that is exactly this text ("单位(签字盖章):" → unit). */
  unit?: { line: string; name: string };
}

export interface SampleExpectation {
  /** The score column the totals are for (the default: the first). */
  column: string;
  max: number;
  final: number;
  errors: number;
  warnings: number;
  /** The error and warning codes expected, with their counts. */
  codes: { [code: string]: number };
  /** One line for README.md. */
  summary: string;
}

export interface SampleDef {
  file: string;
  name: string;
  /** Templates whose sheets make up the workbook, in order. */
  templates: TemplateDef[];
  sheets: SampleSheetFill[];
  expect: SampleExpectation;
}

/** [label, value] rows of a 2017 统计表, written in its 统计数 column. */
function statFills(rows: Array<[string, CellValue]>): AnchoredFill[] {
  return rows.map(([anchor, v]) => ({ anchor, col: "C", values: [v] }));
}

/**
 * A consistent 2017 统计表 (every identity of the 填报说明 holds) with the given overrides, keyed
 * by label; "行政诉讼>(二)被依法纠错数" is the 行政诉讼 row of that label.
 */
function genheStats(over: Record<string, CellValue>): AnchoredFill[] {
  const base: Array<[string, CellValue]> = [
    ["(一)主动公开政府信息数(不同渠道和方式公开相同信息计1条)", 156],
    ["其中:主动公开规范性文件数", 3],
    ["制发规范性文件总数", 4],
    ["1.政府公报公开政府信息数", 12],
    ["2.政府网站公开政府信息数", 150],
    ["3.政务微博公开政府信息数", 0],
    ["4.政务微信公开政府信息数", 86],
    ["5.其他方式公开政府信息数", 20],
    ["(一)回应公众关注热点或重大舆情数(不同方式回应同一热点或舆情计1次)", 3],
    ["1.参加或举办新闻发布会总次数", 2],
    ["其中:主要负责同志参加新闻发布会次数", 1],
    ["2.政府网站在线访谈次数", 1],
    ["其中:主要负责同志参加政府网站在线访谈次数", 1],
    ["3.政策解读稿件发布数", 2],
    ["4.微博微信回应事件数", 2],
    ["5.其他方式回应事件数", 1],
    ["(一)收到申请数", 3],
    ["1.当面申请数", 1],
    ["2.传真申请数", 0],
    ["3.网络申请数", 2],
    ["4.信函申请数", 0],
    ["(二)申请办结数", 3],
    ["1.按时办结数", 3],
    ["2.延期办结数", 0],
    ["(三)申请答复数", 3],
    ["1.属于已主动公开范围数", 1],
    ["2.同意公开答复数", 1],
    ["3.同意部分公开答复数", 0],
    ["4.不同意公开答复数", 1],
    ["其中:涉及国家秘密", 0],
    ["涉及商业秘密", 0],
    ["涉及个人隐私", 1],
    ["危及国家安全、公共安全、经济安全和社会稳定", 0],
    ["不是《条例》所指政府信息", 0],
    ["法律法规规定的其他情形", 0],
    ["5.不属于本行政机关公开数", 0],
    ["6.申请信息不存在数", 0],
    ["7.告知作出更改补充数", 0],
    ["8.告知通过其他途径办理数", 0],
    ["四、行政复议数量", 0],
    ["(一)维持具体行政行为数", 0],
    ["(二)被依法纠错数", 0],
    ["(三)其他情形数", 0],
    ["五、行政诉讼数量", 0],
    ["(一)维持具体行政行为或者驳回原告诉讼请求数", 0],
    ["六、举报投诉数量", 0],
    ["七、依申请公开信息收取的费用", 0],
    ["(一)政府信息公开工作专门机构数", 1],
    ["(二)设置政府信息公开查阅点数", 2],
    ["(三)从事政府信息公开工作人员数", 3],
    ["1.专职人员数(不包括政府公报及政府网站工作人员数)", 1],
    ["2.兼职人员数", 2],
    ["(四)政府信息公开专项经费(不包括用于政府公报编辑管理及政府网站建设维护等方面的经费)", 1.5],
    ["(一)召开政府信息公开工作会议或专题会议数", 2],
    ["(二)举办各类培训班数", 1],
    ["(三)接受培训人员数", 25],
  ];
  const rows = base.map(([k, v]): [string, CellValue] => [k, k in over ? over[k] : v]);
  const fills = statFills(rows);
  // The 行政诉讼 (二)(三) rows repeat the 行政复议 labels: anchored below 五、行政诉讼数量.
  fills.push(
    { anchor: "五、行政诉讼数量", offset: 2, col: "C", values: [over["行政诉讼>(二)被依法纠错数"] ?? 0] },
    { anchor: "五、行政诉讼数量", offset: 3, col: "C", values: [0] },
  );
  return fills;
}

const STAT_UNIT = "填报单位(盖章):";

/** A 根河 workbook: the score sheet (附件1 or 附件2) and the 统计表 (附件3), filled for `unit`. */
function genheSample(
  file: string,
  name: string,
  template: TemplateDef,
  unit: string,
  scores: CellValue[],
  stats: Record<string, CellValue>,
  expect: SampleExpectation,
): SampleDef {
  return {
    file,
    name,
    templates: [template, GENHE_STATISTICS_TEMPLATE],
    sheets: [
      { sheet: "考核评分表", unit: { line: "单位(签字盖章):", name: unit }, scores: { 自查评分: scores } },
      { sheet: "信息公开统计表", unit: { line: STAT_UNIT, name: unit }, fills: genheStats(stats) },
    ],
    expect,
  };
}

export const SAMPLES: SampleDef[] = [
  // Items 1–15; 11 and 13 are 加、扣分项 (1 application with copies, 2 interpretations).
  // base 96 of 100 (items 1–10, 12, 14, 15) + 2 (item 11) + 4 (item 13).
  genheSample(
    "genhe-township-sample.xlsx",
    "根河 乡镇评分表 + 统计表(一致,无问题)",
    GENHE_TOWNSHIP,
    "根河市好里堡办事处",
    [6, 16, 8, 5, 5, 5, 5, 7, 18, 7, 2, 5, 4, 4, 5],
    {},
    { column: "自查评分", max: 100, final: 102, errors: 0, warnings: 0, codes: {}, summary: "一致的样例:无错误、无警告、无交叉核对问题" },
  ),
  // The 部门 table's 分值 add up to 110, not the 100 of the scheme. base 102 + 6 (item 11) + 8 (item 13) = 116.
  // Cross-checks: item 13 claims 4 interpretations (统计表 2); item 11 claims 3 handled
  // applications (办结 2) and ignores the 1 被依法纠错 复议 case (at most 4 − 10 = −6);
  // item 5 has 5 points with no training at all.
  genheSample(
    "genhe-department-sample.xlsx",
    "根河 部门评分表 + 统计表(加分与统计表不符)",
    GENHE_DEPARTMENT,
    "根河市住房和城乡建设局",
    [6, 12, 7, 5, 5, 5, 5, 8, 27, 8, 6, 5, 8, 4, 5],
    {
      "3.政策解读稿件发布数": 2,
      "(一)收到申请数": 2,
      "3.网络申请数": 1,
      "(二)申请办结数": 2,
      "1.按时办结数": 2,
      "(三)申请答复数": 2,
      "4.不同意公开答复数": 0,
      涉及个人隐私: 0,
      "四、行政复议数量": 1,
      "(二)被依法纠错数": 1,
      "(二)举办各类培训班数": 0,
      "(三)接受培训人员数": 0,
    },
    {
      column: "自查评分",
      max: 110,
      final: 116,
      errors: 0,
      warnings: 5,
      codes: { max_sum_mismatch: 1, cross_check_failed: 4 },
      summary: "分值合计 110 分而非 100 分(警告);4 个交叉核对警告:政策解读加分、依申请公开加分、纠错未扣分、无培训却得分",
    },
  ),
  {
    file: "suizhou-2021-sample.xlsx",
    name: "随州高新区 2021 第三方评估指标(区经济发展局,12 项不适用)",
    templates: [SUIZHOU_2021],
    sheets: [
      {
        sheet: "第三方评估指标",
        unit: { line: "单位:", name: "区经济发展局" },
        scores: {
          自评得分: [
            2, 2, 7, 1, 1, "不适用", 2, 1, 1, 2, 1.5, 5, 6, "不适用", "不适用", "不适用",
            "不适用", 2, 2, "不适用", "不适用", "不适用", "不适用", "不适用", "不适用", "不适用",
            3, 2, 4, 5, 1.5, 2, 2, 2.5, 2, 2, 3, 3,
          ],
          考核得分: [
            2, 1, 6, 1, 1, "不适用", 2, 1, 1, 2, 1, 4, 5, "不适用", "不适用", "不适用",
            "不适用", 2, 2, "不适用", "不适用", "不适用", "不适用", "不适用", "不适用", "不适用",
            3, 2, 3, 4, 1.5, 2, 2, 2, 2, 1, 3, 3,
          ],
        },
      },
    ],
    // 不适用 items hold 25 points, so max 75; 自评得分 sum 67.5.
    expect: { column: "自评得分", max: 75, final: 67.5, errors: 0, warnings: 0, codes: {}, summary: "12 项不适用(提示),得分率 90%" },
  },
  {
    file: "xiuwen-40-sample.xlsx",
    name: "修文 40 分目标考核(一类单位,加分超过 5 分上限)",
    templates: [XIUWEN],
    sheets: [
      {
        sheet: "目标考核评分表",
        scores: {
          自评得分: [
            1, 0.5, 2, 3, 0.5, 2, 1, 1.5, 5.6, 5.5, // 一、重点任务 (item 9: 4 weekly items missing × 0.1)
            8.5, // 二
            2, // 三
            3, 2, 0.5, 0, 1, 0, 0.9, 0, // 四、加分指标: 7.4 before the cap of 5
            0, 0, 0, 0, 0, -0.4, 0, 0, // 五、扣分指标: two 一般错敏字
            0, // 六
          ],
        },
        total: { 自评得分: 37.7 },
      },
    ],
    // base 33.1 of 35; bonuses 7.4 capped to 5; −0.4 → 37.7.
    expect: {
      column: "自评得分",
      max: 35,
      final: 37.7,
      errors: 0,
      warnings: 1,
      codes: { group_bonus_capped: 1 },
      summary: "加分合计 7.4 分超过累计上限 5 分(警告),合计 37.7 与核算一致",
    },
  },
  {
    file: "wuhai-2017-sample.xlsx",
    name: "乌海 自查评分表 + 统计表(原文公开的数字,须报出问题)",
    templates: [WUHAI_2017],
    sheets: [
      {
        sheet: "自查评分表",
        scores: {
          自查评分: [
            "5分", "5分", "3分", "2分", "3分", "2分", "1分", "2分", "1分", "1分", "2分", "1分", "2分",
            "3分", "10分", "10分", "3分", "10分", "4分", "5分", "3分", null, "5分", "3分", "4分", null,
          ],
        },
        total: { 自查评分: "90分" },
      },
      {
        sheet: "统计表",
        unit: { line: STAT_UNIT, name: "乌海市民委" },
        fills: [
          ...statFills([
            ["(一)主动公开政府信息数(不同渠道和方式公开相同信息计1条)", 17],
            ["其中:主动公开规范性文件数", 10],
            ["制发规范性文件总数", 7],
            ["2.政府网站公开政府信息数", 140],
            ["5.其他方式公开政府信息数", 5],
            ["5.其他方式回应数", 1],
            ["(一)政府信息公开工作专门机构数", 1],
            ["(二)设置政府信息公开查阅点数", 1],
            ["(三)从事政府信息公开工作人员数", 2],
            ["2.兼职人员数", 2],
            ["(四)政府信息公开专项经费(不包括用于政府公报编辑管理及政府网站建设维护等方面的经费)", 0.5],
            ["(一)召开政府信息公开工作会议或专题会议数", 1],
            ["(三)接受培训人员数", 2],
            ["(一)是否设立实体办事大厅", "否"],
            ["(三)是否与电子监察系统联网", "否"],
            ["(四)部门网站是否具备网上办事功能", "否"],
          ]),
        ],
      },
    ],
    // Points in the text add up to 100; the unit's own total 90 is right. Two criteria left blank.
    // 统计表: 10 规范性文件 published of 7 issued, 140 on the website of 17 in all; 3 points for a
    // 实体服务大厅 the 统计表 says does not exist.
    expect: {
      column: "自查评分",
      max: 100,
      final: 90,
      errors: 2,
      warnings: 3,
      codes: { stat_part_exceeds_whole: 2, score_missing: 2, cross_check_failed: 1 },
      summary: "规范性文件 10>7、网站 140>17(错误);2 项未填、实体服务大厅得分而统计表填“否”(警告)",
    },
  },
  {
    file: "linzi-2021-sample.xlsx",
    name: "临淄 日常 4×20 + 年终 20",
    templates: [LINZI],
    sheets: [
      {
        sheet: "考核评分表",
        unit: { line: "考核单位:", name: "区统计局" },
        scores: { 自查评分: [18.5, 19, 17.5, 19.5, 18, 1, 0], 考核评分: [18, 19, 17, 19.5, 17.5, 1, 0] },
        total: { 自查评分: 93.5, 考核评分: 92 },
      },
    ],
    // base 92.5 of 100 + 1 bonus.
    expect: { column: "自查评分", max: 100, final: 93.5, errors: 0, warnings: 0, codes: {}, summary: "无问题;合计 93.5 与核算一致" },
  },
  {
    file: "annual-report-2021-sample.xlsx",
    name: "2021 年度报告统计表(各项勾稽关系成立)",
    templates: [ANNUAL_REPORT_2021],
    sheets: [
      {
        sheet: "年度报告统计表",
        zeroBlank: true,
        fills: [
          { anchor: "规章", col: "D", values: [0, 0, 0] },
          { anchor: "行政规范性文件", col: "D", values: [3, 1, 12] },
          { anchor: "行政许可", col: "D", values: [356] },
          { anchor: "行政处罚", col: "D", values: [28] },
          { anchor: "行政强制", col: "D", values: [2] },
          { anchor: "行政事业性收费", col: "D", values: [0] },
          ...annualApplications(),
          { anchor: "行政复议", offset: 3, col: "A", values: [1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0] },
        ],
      },
    ],
    expect: { column: "", max: 0, final: 0, errors: 0, warnings: 0, codes: {}, summary: "统计表样例:各项勾稽关系成立,无错误" },
  },
];

/** Section 三 of the 2021 sample: 自然人 13, 商业企业 2, 法律服务机构 1 applications. */
function annualApplications(): AnchoredFill[] {
  const rows: Array<[string, number[]]> = [
    ["一、本年新收政府信息公开申请数量", [12, 2, 0, 0, 1, 0, 15]],
    ["二、上年结转政府信息公开申请数量", [1, 0, 0, 0, 0, 0, 1]],
    ["(一)予以公开", [5, 1, 0, 0, 0, 0, 6]],
    ["(二)部分公开(区分处理的,只计这一情形,不计其他情形)", [2, 0, 0, 0, 1, 0, 3]],
    ["4.保护第三方合法权益", [1, 0, 0, 0, 0, 0, 1]],
    ["1.本机关不掌握相关政府信息", [3, 1, 0, 0, 0, 0, 4]],
    ["2.重复申请", [1, 0, 0, 0, 0, 0, 1]],
    ["(七)总计", [12, 2, 0, 0, 1, 0, 15]],
    ["四、结转下年度继续办理", [1, 0, 0, 0, 0, 0, 1]],
  ];
  return rows.map(([anchor, values]) => ({ anchor, col: "D", values }));
}

/** The empty value cells of a form row are 0 in a filled sample, as the 填报说明 asks. */
function zeroInputs(sheet: LaidOutSheet) {
  sheet.formats.forEach((row, r) =>
    row.forEach((f, c) => {
      if (f?.style === "input" && sheet.cells[r][c] === null && sheet.merges.every((m) => !(m.top <= r && r <= m.bottom && m.left <= c && c <= m.right) || (m.top === r && m.left === c))) {
        sheet.cells[r][c] = 0;
      }
    }),
  );
}

function findAnchor(sheet: LaidOutSheet, anchor: string): number {
  const r = sheet.cells.findIndex((row) => row.some((v) => textOf(v) === anchor));
  if (r < 0) throw new Error(`sample anchor “${anchor}” not found on ${sheet.name}`);
  return r;
}

function itemRows(sheet: LaidOutSheet, headerRow: number): number[] {
  const out: number[] = [];
  for (let r = headerRow + 1; r < sheet.cells.length; r++) {
    const f = sheet.formats[r];
    if (f.some((x) => x?.style === "input") && !f.some((x) => x?.style === "header")) out.push(r);
  }
  return out;
}

/** The sample as sheets: its templates laid out, then its values written in. */
export function layoutSample(sample: SampleDef): LaidOutSheet[] {
  const sheets = sample.templates.flatMap((t) => layoutTemplate(t));
  for (const fill of sample.sheets) {
    const sheet = sheets.find((s) => s.name === fill.sheet);
    if (!sheet) throw new Error(`sample ${sample.file}: no sheet ${fill.sheet}`);
    if (fill.unit) {
      const r = findAnchor(sheet, fill.unit.line);
      const c = sheet.cells[r].findIndex((v) => textOf(v) === fill.unit!.line);
      sheet.cells[r][c] = fill.unit.line + fill.unit.name;
    }
    for (const [header, values] of Object.entries(fill.scores ?? {})) {
      const h = findAnchor(sheet, header);
      const col = sheet.cells[h].findIndex((v) => textOf(v) === header);
      const rows = itemRows(sheet, h);
      if (rows.length !== values.length) throw new Error(`sample ${sample.file}: ${values.length} scores for ${rows.length} items`);
      rows.forEach((r, i) => (sheet.cells[r][col] = values[i]));
      const total = fill.total?.[header];
      if (total !== undefined) {
        const tr = sheet.cells.findIndex((row) => /^(合计|总计)$/.test(textOf(row[0])));
        sheet.cells[tr][col] = total;
      }
    }
    for (const f of fill.fills ?? []) {
      const r = findAnchor(sheet, f.anchor) + (f.offset ?? 0);
      const c0 = parseA1(`${f.col}1`)!.col;
      f.values.forEach((v, i) => (sheet.cells[r][c0 + i] = v));
    }
    if (fill.zeroBlank) zeroInputs(sheet);
  }
  return sheets;
}
