/**
 * Entry words: what a clerk may write in a score cell besides a number. "不适用" takes the item
 * out, 是/否 answer a veto, "满分" means the item's 分值, "扣2分" means the 分值 less 2.
 */

export const NOT_APPLICABLE_WORDS = ["不适用", "不涉及", "无此项", "本项不适用", "不适合", "N/A", "NA"] as const;
/** Dashes and slashes mean "does not apply" too. */
export const NOT_APPLICABLE = new RegExp(`^(${NOT_APPLICABLE_WORDS.map((w) => w.replace("/", "\\/")).join("|")}|—+|－+|-{2,}|／|\\/)$`, "i");

export const YES_WORDS = ["是", "有", "发生", "触发", "已触发", "存在", "√", "✓", "✔", "Y", "YES"] as const;
export const NO_WORDS = ["否", "无", "未发生", "未触发", "没有", "不存在", "×", "✗", "N", "NO"] as const;
export const YES = new RegExp(`^(${YES_WORDS.join("|")})$`, "i");
export const NO = new RegExp(`^(${NO_WORDS.join("|")})$`, "i");

/** "满分", "得满分", "全得": the item's whole 分值. */
export const FULL_MARKS = /^(得?满分|全得|全部得分|不扣分)$/;
/** Signs written before an amount: "扣2分" / "减2" take off, "加2" / "+2" add. */
export const TAKE_OFF = ["扣", "减", "扣除", "扣减"] as const;
export const ADD_ON = ["加", "+", "＋"] as const;
/** An amount as the clerk writes it: an optional sign word, the amount, an optional 分. */
export const SIGNED_AMOUNT = new RegExp(`^(${[...TAKE_OFF].sort((a, b) => b.length - a.length).join("|")}|加|\\+|＋)?(.+?)(分)?$`);
export const isTakeOff = (word: string | undefined): boolean => word !== undefined && (TAKE_OFF as readonly string[]).includes(word);
