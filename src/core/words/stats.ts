/**
 * Statistics-sheet words (the 2017 统计表, the 2021 年报's tables): the header of label, unit and
 * value columns, the lines under a table, and the titles where the next table starts.
 */

const alt = (words: readonly string[]) => words.join("|");

/** The label column's header: "统计指标", "指标名称", "统计项目", "项目". */
export const STAT_LABEL_HEADER = /^(统计指标(名称)?|指标(名称|项目)?|统计(项目|内容)|项目(名称)?)$/;
/** A character every unit header has: rows without it are passed over before any normalisation. */
export const STAT_UNIT_MARK = "位";
/** The unit column's header: "单位", "计量单位". */
export const STAT_UNIT_HEADER = /^(计量)?单位$/;
/** The same, tested on the raw text: spaces and line breaks between the characters allowed. */
export const STAT_UNIT_HEADER_RAW = /^\s*(计\s*量\s*)?单\s*位\s*$/;
/** Score sheets have 单位/指标/数量 columns too, but never these: a row holding one is no 统计表 header. */
export const SCORE_SHEET_HEADER = /分值|评分|得分|扣分|加分|满分|标准分|考核(内容|要求|标准)/;

/** Who signs under a statistical form, its dates and notes: the table ends there. */
export const STAT_FOOTER_WORDS = [
  "单位负责人", "主要负责人", "分管负责人", "分管领导", "负责人", "审核人", "审核", "填报人", "填表人", "制表人", "统计人",
  "统计负责人", "经办人", "联系电话", "联系人", "填报日期", "填表日期", "报出日期", "报送日期", "填报单位", "单位盖章",
  "填报说明", "备注", "注[::]", "说明[::]",
] as const;
export const STAT_FOOTER = new RegExp(`^(${alt(STAT_FOOTER_WORDS)})`);

/**
 * How a value column's header says which year it holds, as ranks: no value of this year (上年数,
 * 代码, 备注 …), this year by name (本年数, 全年), a count by name (统计数, 数量, 合计 …).
 */
export const VALUE_HEADER_NOT_THIS_YEAR = /上年|去年|上期|同期|代码|备注|说明|序号|增减|增长|比较|对比|排名|%/;
export const VALUE_HEADER_THIS_YEAR = /本年|全年|年度累计/;
export const VALUE_HEADER_COUNT = /统计数|统计值|数量|数值|数据|填报数|合计|实际|累计|本期/;
/** A bare year as a value column's header ("2023年", "2023年度数"): one capture group, the year. */
export const VALUE_HEADER_YEAR = /^(\d{4})年?度?(数|数据)?$/;

/**
 * The header words each table of the 2021 年报 is found by: the applicants' columns (自然人 …), the
 * appeals table (行政复议 | 行政诉讼), the proactive disclosure table (信息内容 …).
 */
export const ANNUAL_ANCHORS = { naturalPerson: "自然人", review: "行政复议", litigation: "行政诉讼", content: "信息内容" } as const;
/** In the 2021 年报, the titles where section 三's lines give way to the next table. */
export const ANNUAL_NEXT_TABLE = /行政复议|行政诉讼|主要问题|改进情况/;
