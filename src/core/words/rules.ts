/**
 * Rule vocabulary: the verbs, counting words, cap words and grades of rule text, and the phrases
 * with slots that the parser compiles into its recognizers. `{n}` is an amount (digits or Chinese
 * numerals), `{verb}` the verb of the sign the phrase is read for: a phrase written once is read
 * for both signs ("{verb}满{n}分为止" is 加满五分为止 and 扣满五分为止) unless its row says one.
 */
import { CHINESE_NUMERAL_CHARS } from "../rules/numbers";

export type Sign = "deduct" | "bonus";

const alt = (words: readonly string[]) => words.join("|");

/**
 * An amount as written in rule text: "4", "0.5", "两", "十五", "一点五". One capture group.
 * Bounded, and starting only where a number starts, so that a long run of digits or numerals
 * costs linear time, not quadratic.
 */
export const NUM =
  `((?<![\\d.])\\d{1,9}(?:\\.\\d{1,6})?(?![\\d.]\\d)` +
  `|(?<![${CHINESE_NUMERAL_CHARS}])[${CHINESE_NUMERAL_CHARS}]{1,10}(?:点[零〇一二三四五六七八九]{1,6})?)`;

/** Counting words (量词) a per-unit rule counts by, longest first. */
export const UNIT_WORDS = [
  "个百分点", "百分点", "%", "个工作日", "工作日", "个月", "栏目", "人次", "篇次", "件次", "项次", "批次", "季度", "单位",
  "件", "份", "篇", "次", "项", "个", "条", "处", "周", "期", "起", "例", "天", "日", "月",
  "人", "家", "张", "场", "批", "所", "户", "名", "位", "本", "套", "宗", "部", "则", "笔", "台",
];

/** The verbs of each sign, longest first within their stem. */
export const VERBS: Record<Sign, string[]> = {
  deduct: ["扣分", "扣除", "扣减", "倒扣", "扣", "减分", "减去", "减少", "减"],
  bonus: ["加分", "增加", "奖励", "加计", "加", "奖"],
};
export const DEDUCT_VERB = alt(VERBS.deduct);
export const BONUS_VERB = alt(VERBS.bonus);
/** Whom the points are taken from or given to, between the verb and the amount: "扣责任部门1分". */
export const VERB_OBJECTS = ["被考核单位", "责任部门", "责任单位", "责任科室", "责任人", "该单位", "该部门", "相关单位", "相关部门", "所在单位", "当事人"];
export const VERB_OBJECT = `(?:${alt(VERB_OBJECTS)})?`;
/** The noun of each sign ("扣分不超过…", "加分最高…"). */
export const SIGN_NOUN: Record<Sign, string> = { deduct: "扣分", bonus: "加分" };
/** Verbs that give points on a condition ("得2分", "计1分", "给予2分"), longest first. */
export const POINTS_VERBS = ["可得", "获得", "给予", "得", "计", "记", "给"];
/**
 * What meeting an item's criterion gives when it is the item's whole or base points: "得基本分15分",
 * "计基础分1分", "得满分10分". Said after the item's worth, it says that worth again.
 */
export const BASE_POINTS = "(?:可得|获得|得到|得|计|记|给予|给)(?:基本分|基础分|满分)(?:为|是)?";
/**
 * The score every unit starts from, stated for the whole sheet in a note or above the header: "基础得分为6分",
 * "基础分100分", "以100分为基础分". The items then only add to it or take from it.
 */
export const SHEET_BASE = `(?:基础得分|基础分值|基础分|基本分值|基本得分|基准分)(?:均为|为|是|:)?${NUM}分|以${NUM}分为(?:基础分|基本分|基础|基数|基准分?)`;
/** The item itself, stating its worth: "本项10分", "该项为5分" ("本项满分10分" is read as 满分). */
export const ITEM_SELF = "(?:本项|该项|此项|本指标|该指标|此指标)(?:为|是|:)?";

/**
 * Words that make the amount after them a threshold, a condition of a rule and no rule of its own:
 * "得分低于60分的", "学习积分未达41分", "扣分超过10分的". Longest first.
 */
export const THRESHOLD_WORDS = ["未达到", "达到", "未达", "低于", "高于", "超过", "不足", "少于", "多于", "不满", "未满", "不到", "达"];
export const THRESHOLD = alt(THRESHOLD_WORDS);
/** Words before a single counted unit that make it one of many: "缺一个,扣1分", "少1篇,扣0.5分". */
export const LACK_WORDS = ["缺", "少", "漏"];

/** Cap words: before the verb ("累计扣…", "最多加…"), after it ("扣分不超过…"), closing it ("…为限"). */
export const LIMIT_WORDS = ["不超过", "不得超过", "不超", "不高于", "不多于"];
export const LIMIT = alt(LIMIT_WORDS);
export const CAP_BEFORE_WORDS = ["累计", "合计", "共计", "总计", "总共", "最多", "最高", "至多", "共"];
export const CAP_BEFORE = alt(CAP_BEFORE_WORDS);
export const CAP_AFTER = alt(["累计", "合计", "共计", "总计", "最多", "最高", "至多", ...LIMIT_WORDS, "上限为", "上限是", "上限", "封顶", "以", "总分"]);
export const CAP_END = "(?:为限|封顶)?";

/**
 * Cap phrases with slots, each a row; `signs` limits a row to the signs its grammar allows.
 * "每次加一分,加满五分为止" and its twin "每处扣一分,扣满五分为止".
 */
export interface CapPhrase {
  phrase: string;
  signs?: Sign[];
}
export const CAP_PHRASES: CapPhrase[] = [
  { phrase: "{verb}满{n}分为?止" },
  { phrase: "{verb}满{n}分即止" },
  { phrase: "{verb}完{n}分为?止", signs: ["deduct"] },
  { phrase: "{verb}够{n}分为?止" },
  { phrase: "{verb}到{n}分为?止" },
  { phrase: "{verb}至{n}分为止" },
  { phrase: "最多{verb}满{n}分" },
  { phrase: "以{verb}{n}分为限" },
  { phrase: "{verb}分以{n}分为限" },
  { phrase: "{verb}分?上限(?:为|是)?{n}分" },
];

/** Escapes nothing: phrases are written as regex sources with slots; the slots are filled here. */
export function fillPhrase(phrase: string, sign: Sign): string {
  return phrase.replace(/\{verb\}/g, `(?:${sign === "deduct" ? DEDUCT_VERB : BONUS_VERB})`).replace(/\{n\}/g, NUM);
}

/** The cap phrases of one sign as one alternation (each `{n}` a capture group). */
export function capPhrases(sign: Sign): string {
  return CAP_PHRASES.filter((p) => !p.signs || p.signs.includes(sign))
    .map((p) => fillPhrase(p.phrase, sign))
    .join("|");
}

/**
 * Veto wording: the whole sheet fails. "一票否决", "实行一票否决制", "否决项", "单项否决",
 * "直接评定为不合格", "直接判定为不符合要求", "列为不达标单位", "考核分清零".
 */
export const VETO_PHRASES = [
  "(?:执行|实行|实施|采取|行)?\"?一票否决\"?(?:制度|制|项)?",
  "否决项",
  "(?:即|实行|执行)?单项否决",
  "(?:直接|一律|即|则)(?:评定|判定|认定|定|评|确定|视)为(?:考核)?(?:不合格|不符合要求|不达标|不及格|较差)(?:等次|单位|网站)?",
  "(?:年度考核)?(?:直接)?(?:列为|定为)不(?:合格|达标)(?:等次|单位)",
  // "当月考核分为零", "安全管理考核分清零": the whole assessment's score, not one item's ("本项考核分为0分")
  "(?<![本该此项])(?:考核|总)总?分(?:数|值)?(?:为|计为|记为|按)?(?:[0零]分?(?![-~〜—–至到.\\d])|清零|归零)",
];

/** Grades an assessor gives an item, longest first. */
export const GRADE_WORDS = ["优秀", "良好", "较好", "很好", "一般", "基本合格", "不合格", "合格", "中等", "较差", "差", "好", "全部完成", "基本完成", "部分完成", "完成"];
export const GRADE = `(?:评为|评定为|达到|为)?(?:${alt(GRADE_WORDS)})`;

/** Words before a weight ("权重20%"): a share of the whole, not points. */
export const WEIGHT_WORD = "(?:权重|比重|占比|权数)(?:为|是|:)?";
/** Words that name a points total: "共20分", "满分10分", "分值:8分". */
export const POINTS_WORD = "(?:共|满分|分值|计)";

/** Every verb a rule may carry an amount with: the UNREAD net is built from these. */
export const RULE_VERBS = [...VERBS.deduct, ...VERBS.bonus, ...POINTS_VERBS, "满"];
/**
 * What a clause still says after every recognizer when it holds a rule we did not read: digits
 * with 分; a rule verb with an amount (digits or Chinese numerals) within a few characters; a
 * deduction with any amount; a share of points.
 */
export const UNREAD = new RegExp(
  `\\d分|(?:${alt([...RULE_VERBS].sort((a, b) => b.length - a.length))})[^,;。]{0,6}?(?!十分[\\u4e00-\\u9fff])${NUM}分(?![点之比数值])|扣(?:除|减)?${NUM}|(?:加分|扣分)[^,;]{0,12}?\\d%`,
);

/** Text that speaks of points ("扣2分", "得3分", "不得分"): a criterion column holds it. */
export const SPEAKS_OF_POINTS = /[扣加减得]|分/;

/** What a unit class is a class of: "一类考核单位", "A类地区". */
export const CLASS_NOUNS = ["单位", "地区", "部门", "乡镇", "街道", "对象", "县区", "机关"];
/**
 * A unit class in rule text: "一类考核单位" → "一", "A类单位", "甲类:" → "A", "甲"; one capture
 * group, the class's mark. Not "同一类问题" (a word before it says it is no class), "三类人员".
 */
export const UNIT_CLASS = new RegExp(
  `(?<![同这此某每各])([一二三四五六七八九十A-Za-z甲乙丙丁]|\\d{1,3})类(?=(?:考核)?(?:${alt(CLASS_NOUNS)})|[:,]|$)`,
  "g",
);

const RULE_CHARS = /[分扣否]/;
const FAILING = /不(?:合格|符合|达标|及格)/;
/**
 * Whether a text may hold a rule: every phrase the parser reads or reports holds 分, 扣, 否 or a
 * failing grade ("直接评定为不合格"); other text (most titles) has none. Two plain tests: one
 * alternation of both was the slowest step of reading a long sheet.
 */
export function mayHoldRules(text: string): boolean {
  return RULE_CHARS.test(text) || (text.includes("不") && FAILING.test(text));
}

// ——— the rule reader's words around counts, items and cells (used by ../rules/parse.ts) ———

/**
 * "每超过1天", "每发现3处", "每低于目标值1个百分点": a count that 每 governs across a few words;
 * not "每周缺少3条" (每 governs 周 there).
 */
export const EACH_BEFORE = /每(?!年|季|月|周|日|天|次|个|期|人|家|项|件|条|篇|份|处)[^\d每,;:、]{0,6}$/;

/** Words before a count that make it a condition: "至少2期", "超过3次", "第一名". */
export const CONDITION_BEFORE = /(至少|不少于|不低于|不足|超过|少于|低于|满|第|近)$/;

/** Of those, the ones 每 does not turn into a rate ("每超过1天" is a rate, "每年至少2期" is not). */
export const MINIMUM_BEFORE = /(至少|不少于|不低于|不足|第|近)$/;

/** Words after a count that make it a condition or a date: "20个工作日内", "3次以上", "3月31日前", "12月底". */
export const CONDITION_AFTER = /^(内|以内|之内|以上|以下|后|前|性|底|初|末|份|上旬|中旬|下旬|\d{1,2}(?:日|号))/;

/** "扣分不超过本项分值", "扣分以本项分值为限", "减分上限为自身权重分值": deductions stop at the item's worth. */
export const ITEM_VALUE_LIMIT =
  `(?:扣|减)分?(?:之和|总和|合计|总计)?(?:累计)?(?:${LIMIT}|以|上限为|上限是|最多为|最多)` +
  `(?:本项|该项|此项|本|该|自身)(?:指标|项目|项)?的?(?:权重)?(?:总分值|分值|总分|满分|分数)(?:为限)?`;

/** "扣除该项全部分值", "本项分值全部扣除", "全部扣除本项分值": the whole item is lost; not "扣除该项分值的50%". */
export const ITEM_REF = "(?:本项|该项|此项|本|该|其)(?:指标|项目|项)?的?";

/** The whole of it: "全部扣除", "所有分值". */
export const ALL = "(?:全部|所有|全额|全)";

/** The item's worth: "分值", "分数", "满分", or a bare "分". */
export const ITEM_VALUE = "(?:分值|分数|得分|总分|满分|分(?![值数]))";

/** Text before a rule that says the item is a bonus item, or a deduction item. */
export const SAYS_BONUS = /加分项|加分指标|附加分/;
export const SAYS_DEDUCT = /扣分项|减分项|扣分指标/;

/** A 分值 cell that says the item is a veto: "一票否决", "否决项", "单项否决指标(…)". */
export const VETO_CELL = /^(?:一票否决(?:项|制)?|单项否决(?:项|指标)?|否决项?)(?:\(.*\))?$/;

/** What a cap must say for a bare number to be one: "最多", "不超过", "上限" … ("累计5分" alone is a total). */
export const CAP_WORD = new RegExp(`最多|最高|至多|${LIMIT}|上限|封顶|为限`);

/** A 分值 cell of a 加/扣分 item: "加分项", "扣分项", "加、扣分项", "附加分". */
export const ADJUST_CELL = /^附?([加扣减])(?:分?[、/和与及或,]?|分?)([加扣减])?分(?:项目|项|指标|类)?/;
