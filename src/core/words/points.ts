/**
 * Points written beside a name: "一、重点工作(20分)", "(共20分)", "(满分10分)", "(分值:5分)",
 * and a Word page break's "主动\n公开\n（60分" that lost its closing bracket.
 */

/** Digits of an amount as tables write them, full width included ("２０"). */
const DIGITS = "[\\d.．０-９]";

/** A name ending in its points: "(20分)", "(共20分)", "(满分10分)", "(分值5分)". */
export const ENDS_IN_POINTS = new RegExp(`[(（](共|满分|分值)?${DIGITS}+分[)）]$`);
/** Points in brackets anywhere in a title, for taking them out of the name: "(5分)", "( 分值 5 分 )", "【5分】". */
export const POINTS_IN_BRACKETS = new RegExp(`[(（【\\[]\\s*(分值)?\\s*${DIGITS}+\\s*分\\s*[)）】\\]]`, "g");
/** Points closing a title after a comma, as a criterion's own clause: "制定年度工作要点并印发,5分". */
export const TRAILING_POINTS = new RegExp(`[,，;；、]\\s*${DIGITS}+\\s*分[。.]?$`);
/** Points whose closing bracket a page break dropped: "（60分" at the end. */
export const UNCLOSED_POINTS = new RegExp(`[(（]\\s*${DIGITS}+\\s*分\\s*$`);

/**
 * A part of an item's points stated in its criterion text: "决策草案【2分】", "(1)建立健全…(1分)。",
 * "市级用稿(7 分)". One capture group, the amount. Not "(2分,每少一项扣1分)" nor "(0.5分/次)".
 */
export const STATED_PART = new RegExp(`[【(（\\[]\\s*(${DIGITS}+)\\s*分\\s*[】)）\\]]`, "g");
