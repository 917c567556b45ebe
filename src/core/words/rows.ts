/**
 * Row words: what makes a row of a score table a total, a subtotal, a signature line, a note, the
 * title of another table, or a section of bonuses, deductions or vetoes. A new wording is one
 * more word in a list here.
 */

import { HEADING_NUMBERED } from "./numbering";
import { ENDS_IN_POINTS } from "./points";

const alt = (words: readonly string[]) => words.join("|");

/** A heading: numbered ("一、", "(二)", "3.") or ending in its points "(20分)". */
export const HEADING = new RegExp(`${HEADING_NUMBERED.source}|${ENDS_IN_POINTS.source}`);

/** Words a 合计 row starts with. */
export const TOTAL_LEADS = ["合计", "总计", "总分", "总得分", "累计得分", "最终得分", "综合得分"] as const;
/** Words a short 合计 label ends with ("考核总分", "全年合计得分"). */
export const TOTAL_ENDS = ["合计", "总计", "总分"] as const;
export const TOTAL_WORDS = new RegExp(`^(${alt(TOTAL_LEADS)})|^[^\\d加扣减]{0,6}(${alt(TOTAL_ENDS)})(得分)?$`);

/** The words of a sum row's label ("加分合计", "本项小计"). */
export const SUM_WORDS = ["合计", "小计"] as const;
/** The character every sum word has: rows without it are ruled out before their text is compacted. */
export const SUM_MARK = "计";
/** A group's own sum: "小计", "加分合计", or "合计" beside a category cell merged from above. */
export const SUBTOTAL_WORDS = new RegExp(`^(分项|本项|本类)?小计(得分)?$|^([本该]?(项|类|部分)|加分|扣分|减分|附加分)项?(${alt(SUM_WORDS)})(得分)?$`);
/** Beside a category cell merged down from above, "合计…" sums that category. */
export const CATEGORY_TOTAL = /^合计/;

/** After a 合计, the table goes on only for bonus/deduction rows ("附加分(最多加5分)"). */
export const ADJUST_SECTION_WORDS = ["加分", "扣分", "减分", "附加", "奖励", "否决"] as const;
export const ADJUST_WORDS = new RegExp(alt(ADJUST_SECTION_WORDS));

/** Who signs under a table, followed by a colon ("填表人:", "单位(盖章):"). */
export const SIGNATURE_WORDS = [
  "填表人", "填报人", "制表人", "审核人", "复核人", "评分人", "考核人", "考评人", "考核组成员", "考核组长", "负责人",
  "单位负责人", "主要负责人", "分管领导", "联系人", "联系电话", "电话", "签字", "签名", "签章", "盖章", "日期",
  "填报日期", "填表日期", "考核日期", "评分日期", "检查人", "检查日期", "测评人", "自查人",
] as const;
export const SIGNATURE = new RegExp(`^(${alt(SIGNATURE_WORDS)}|单位[(（]?(盖章|签章)[)）]?)[:：]`);

/** The title of another table further down the sheet ("2023年政府信息公开情况统计表"). */
export const TABLE_TITLE = /(表|统计|一览)([(（][^)）]*[)）])?$|^附件\s*\d*$/;

/** A note about what precedes it ("以上加分项累计最高5分", "注:", "说明:"). */
export const NOTE_LEADS = ["以上", "上述"] as const;
export const NOTE_LABELS = ["注", "说明", "备注"] as const;
export const NOTE_START = new RegExp(`^(${alt(NOTE_LEADS)}|(${alt(NOTE_LABELS)})[:：])`);

/** Section names: bonuses, deductions (vetoes count as deductions for the items' sign). */
export const BONUS_NAME = /加分/;
export const DEDUCT_NAME = /扣分|减分|否决/;
/** A section of vetoes: "一票否决", "单项否决指标", "否决项", "否决事项". */
export const VETO_NAME = /^(单项|一票)?否决(项|指标|事项|项目)?$|^(单项|一票)否决(项|指标|事项)?$/;

/** Words in a sheet's title or header that say it sums other sheets ("考核结果汇总表"). */
export const SUMMARY_WORDS = /汇总|总表|总汇/;
