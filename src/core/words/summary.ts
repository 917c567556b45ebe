/**
 * Summary-sheet words: how a summary row names the sheet or category it sums ("附件1 政务公开",
 * "政务公开(20分)", "政务公开考核评分表"), who a score column is of (自评 vs 考核), and the header
 * words that make a 分值 column a weight rather than a maximum. A new wording is one more word here.
 */

/** Attachment numbers in front of a name: "附件1 ", "附表二:", "附件3-". */
export const ATTACHMENT_PREFIX = /^\s*附[件表]\s*[\d一二三四五六七八九十]+\s*[:：、.．\-—]?\s*/;

/** The year in front of a name: "2023年", "2023年度". */
export const YEAR_PREFIX = /^\s*(19|20)\d{2}\s*年度?/;

/** Points written after a name: "(20分)", "（满分20分）", "(100分)". */
export const POINTS_SUFFIX = /\s*[(（][^)）]*分[)）]\s*$/;

/**
 * Words a sheet or row name may end in without changing what it names: "政务公开考核评分表" is
 * "政务公开", "政务公开工作得分" too. Longest first (the strip takes one).
 */
export const NAME_SUFFIX_WORDS = [
  "工作考核评分表", "考核评分细则", "考核评分表", "考核指标表", "评分细则", "考核细则", "考核评分", "评分标准", "自查评分表", "自查表",
  "评分表", "考核表", "测评表", "得分表", "指标表", "工作得分", "工作情况", "得分", "情况", "工作", "考核", "自查", "自评",
].sort((a, b) => b.length - a.length);

/** Who scores: the self-assessment (自查/自评) or the reviewer (考核/复核 …). */
export type Scorer = "self" | "review";

export const SCORER_WORDS: Record<Scorer, string[]> = {
  self: ["自查", "自评", "自测", "单位自评", "单位自查"],
  review: ["考核", "复核", "考评", "审核", "核定", "核准", "评审", "督查", "核查", "抽查", "测评", "评估", "评议", "初评", "复评", "认定"],
};

/** The score word a score header ends in: "自评得分" → "自评", "考核组打分" → "考核组". */
export const SCORE_WORD_END = /(小组|组)?(得分数|得分|评分|分数|打分|分)$/;

/** Stems that say nothing of who scores: "得分", "实得分", "最终得分" (the score the sheets were scored in). */
export const GENERIC_SCORE_STEMS = ["", "实", "实得", "实际", "最终", "综合", "核算"];

/** A 分值 column headed by a weight ("权重", "权重分", "比重") holds no maximum to compare. */
export const WEIGHT_WORDS = /权重|比重|占比|权数/;
