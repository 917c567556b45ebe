/**
 * The 2021 政府信息公开工作年度报告 tables (国办公开办函〔2021〕30号) as data. Each table is a
 * matrix of lines × columns; a cell's key is "<line>.<column>" ("results_total.natural_person").
 *
 * 二、主动公开政府信息情况: lines regulations, normative_docs (× issued, repealed, in_force),
 *   licensing, penalties, enforcement (× decisions), fees (× amount, 万元).
 * 三、收到和处理政府信息公开申请情况: the lines below × natural_person, commercial, research,
 *   public_welfare, legal_service, other_org, total (legal_persons when 法人或其他组织 is one column).
 * 四、政府信息公开行政复议、行政诉讼情况: review, litigation_direct, litigation_after_review ×
 *   upheld, corrected, other, pending, total.
 */
import type { Matchable } from "./match";
import type { StatKind } from "./types";

export interface LineDef extends Matchable {
  key: string;
  /** How messages name the line ("三(七)总计"). */
  label: string;
  /** The group line it is an item of ("withheld" for 三(三)1.属于国家秘密). */
  group?: string;
  /** A line that never holds values (三、本年度办理结果). */
  heading?: boolean;
  /** A line the matrix starts with. */
  first?: boolean;
  /** The matrix ends after this line. */
  last?: boolean;
  /** The columns the line has, when not every column of its table (section 二). */
  columns?: string[];
}

export interface ColumnDef extends Matchable {
  key: string;
  name: string;
  kind: StatKind;
}

/** A sum over lines, checked in every column; or over columns, checked in every line. */
export interface AxisSum {
  whole: string;
  parts: string[];
  minus?: string[];
}

const line = (key: string, label: string, match: RegExp, extra: Partial<LineDef> = {}): LineDef => ({ key, label, match, ...extra });
const column = (key: string, name: string, match: RegExp, kind: StatKind = "count"): ColumnDef => ({ key, name, match, kind });
const items = (group: string, prefix: string, list: [string, string, RegExp][]): LineDef[] =>
  list.map(([key, label, match], i) => line(key, `${prefix}${i + 1}.${label}`, match, { group }));

// — 三、收到和处理政府信息公开申请情况 —
export const APPLICATION_LINES: readonly LineDef[] = [
  line("new", "一、本年新收政府信息公开申请数量", /本年新收/, { first: true }),
  line("carried", "二、上年结转政府信息公开申请数量", /上年结转/, { first: true }),
  line("results", "三、本年度办理结果", /^本年度?办理结果$/, { heading: true }),
  line("granted", "三(一)予以公开", /^予以公开/),
  line("partly_granted", "三(二)部分公开", /^部分公开/),
  line("withheld", "三(三)不予公开", /^不予公开/),
  ...items("withheld", "三(三)", [
    ["withheld_state_secret", "属于国家秘密", /国家秘密/],
    ["withheld_prohibited", "其他法律行政法规禁止公开", /禁止公开/],
    ["withheld_security", "危及“三安全一稳定”", /三安全一稳定|^危及/],
    ["withheld_third_party", "保护第三方合法权益", /第三方/],
    ["withheld_internal", "属于三类内部事务信息", /内部事务/],
    ["withheld_deliberative", "属于四类过程性信息", /过程性信息/],
    ["withheld_enforcement_file", "属于行政执法案卷", /执法案卷/],
    ["withheld_inquiry", "属于行政查询事项", /查询事项/],
  ]),
  line("unable", "三(四)无法提供", /^无法提供/),
  ...items("unable", "三(四)", [
    ["unable_not_held", "本机关不掌握相关政府信息", /不掌握/],
    ["unable_needs_creation", "没有现成信息需要另行制作", /现成信息|另行制作/],
    ["unable_unclear", "补正后申请内容仍不明确", /仍不明确|补正后/],
  ]),
  line("not_processed", "三(五)不予处理", /^不予处理/),
  ...items("not_processed", "三(五)", [
    ["not_processed_petition", "信访举报投诉类申请", /信访|举报投诉/],
    ["not_processed_repeated", "重复申请", /^重复申请/],
    ["not_processed_publication", "要求提供公开出版物", /公开出版物/],
    ["not_processed_massive", "无正当理由大量反复申请", /大量反复/],
    ["not_processed_confirmation", "要求行政机关确认或重新出具已获取信息", /确认或重新出具|重新出具/],
  ]),
  line("other_handling", "三(六)其他处理", /^其他处理/),
  ...items("other_handling", "三(六)", [
    ["other_no_amendment", "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", /逾期不补正/],
    ["other_no_fee", "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", /收费通知|缴纳费用/],
    ["other_other", "其他", /^其他$/],
  ]),
  line("results_total", "三(七)总计", /^(总计|合计)$/),
  line("carry_forward", "四、结转下年度继续办理", /结转下一?年度?/, { last: true }),
];

export const APPLICANT_COLUMNS: readonly ColumnDef[] = [
  column("natural_person", "自然人", /^自然人$/),
  column("commercial", "商业企业", /^商业企业$/),
  column("research", "科研机构", /^科研机构$/),
  column("public_welfare", "社会公益组织", /^社会公益组织$/),
  column("legal_service", "法律服务机构", /^法律服务机构$/),
  column("other_org", "其他", /^其他(组织)?$/),
  column("legal_persons", "法人或其他组织", /^法人或者?其他组织$/),
  column("total", "总计", /^(总计|合计)$/),
];

/** 法人或其他组织 when the form breaks it down into its five columns. */
export const APPLICANT_COLUMN_GROUPS: Readonly<Record<string, string[]>> = {
  legal_persons: ["commercial", "research", "public_welfare", "legal_service", "other_org"],
};

/** The form's own note: 第一项加第二项之和,等于第三项加第四项之和; and (七) is the sum of (一)…(六). */
export const APPLICATION_LINE_SUMS: readonly AxisSum[] = [
  { whole: "results_total", parts: ["granted", "partly_granted", "withheld", "unable", "not_processed", "other_handling"] },
  ...["withheld", "unable", "not_processed", "other_handling"].map((g) => ({
    whole: g,
    parts: APPLICATION_LINES.filter((l) => l.group === g).map((l) => l.key),
  })),
  // Reported at 四: it is what is left of 一 + 二 once 三(七) is counted.
  { whole: "carry_forward", parts: ["new", "carried"], minus: ["results_total"] },
];

export const APPLICANT_COLUMN_SUMS: readonly AxisSum[] = [{ whole: "total", parts: ["natural_person", "legal_persons"] }];

// — 四、行政复议、行政诉讼 — (one line of values under a three-level header)
export const APPEAL_GROUPS: readonly ColumnDef[] = [
  column("review", "行政复议", /^行政复议/),
  column("litigation_direct", "行政诉讼·未经复议直接起诉", /行政诉讼.*(未经复议|直接起诉)/),
  column("litigation_after_review", "行政诉讼·复议后起诉", /行政诉讼.*复议后起诉/),
];

export const APPEAL_OUTCOMES: readonly ColumnDef[] = [
  column("upheld", "结果维持", /维持/),
  column("corrected", "结果纠正", /纠正|纠错/),
  column("other", "其他结果", /^其他/),
  column("pending", "尚未审结", /未审结/),
  column("total", "总计", /^(总计|合计)$/),
];

export const APPEAL_SUMS: readonly AxisSum[] = [{ whole: "total", parts: ["upheld", "corrected", "other", "pending"] }];

// — 二、主动公开政府信息情况 —
export const PROACTIVE_LINES: readonly LineDef[] = [
  line("regulations", "规章", /^规章$/, { columns: ["issued", "repealed", "in_force"] }),
  line("normative_docs", "行政规范性文件", /规范性文件/, { columns: ["issued", "repealed", "in_force"] }),
  line("licensing", "行政许可", /^行政许可/, { columns: ["decisions"] }),
  line("penalties", "行政处罚", /^行政处罚/, { columns: ["decisions"] }),
  line("enforcement", "行政强制", /^行政强制/, { columns: ["decisions"] }),
  line("fees", "行政事业性收费", /行政事业性收费/, { columns: ["amount"] }),
];

export const PROACTIVE_COLUMNS: readonly ColumnDef[] = [
  // "本年发件": 宁强县自然资源局's 2021 report
  column("issued", "本年制发件数", /制发|^本年发件/),
  column("repealed", "本年废止件数", /废止/),
  column("in_force", "现行有效件数", /现行有效/),
  column("decisions", "本年处理决定数量", /处理决定/),
  column("amount", "本年收费金额(万元)", /收费金额|金额/, "money"),
];

/**
 * Keys shared with the 2017 format, for the cross-checks: the 2017 key → the 2021 cells it adds
 * up. 行政诉讼 counts both 未经复议直接起诉 and 复议后起诉.
 */
export const ALIASES_2021: Readonly<Record<string, { name: string; sumOf: string[] }>> = {
  applications_received: { name: "本年新收政府信息公开申请数量·总计", sumOf: ["new.total"] },
  normative_docs_issued: { name: "行政规范性文件·本年制发件数", sumOf: ["normative_docs.issued"] },
  review_total: { name: "行政复议·总计", sumOf: ["review.total"] },
  review_upheld: { name: "行政复议·结果维持", sumOf: ["review.upheld"] },
  review_corrected: { name: "行政复议·结果纠正", sumOf: ["review.corrected"] },
  review_other: { name: "行政复议·其他结果", sumOf: ["review.other"] },
  ...Object.fromEntries(
    [
      ["total", "总计"],
      ["upheld", "结果维持"],
      ["corrected", "结果纠正"],
      ["other", "其他结果"],
    ].map(([k, name]) => [
      `litigation_${k}`,
      { name: `行政诉讼·${name}(未经复议直接起诉与复议后起诉之和)`, sumOf: [`litigation_direct.${k}`, `litigation_after_review.${k}`] },
    ]),
  ),
};
