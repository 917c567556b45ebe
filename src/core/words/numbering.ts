/**
 * Numbering as Chinese tables write it, in one place: 第一部分 / 一、 / (二) / 1. / 1.1 / (1) / ①.
 * Each style is a row with its depth (how deep it numbers: 一、 over (一) over 1 over 1.1 …);
 * the pattern pieces below are the only numbering patterns the engine uses.
 */
import { compact } from "../grid";
import { CHINESE_NUMERAL_CHARS, toHalfWidth } from "../rules/numbers";

/** The small numerals numbering uses (一 … 十); amounts use every numeral (CHINESE_NUMERAL_CHARS). */
export const CN = "一二三四五六七八九十";
/** Circled numbers ① … ⑳. */
export const CIRCLED = "①-⑳";

/** Pattern pieces (regex source, no anchors). */
export const NUMBER_PIECES = {
  /** "第三部分", "第2章": a chapter-like prefix. */
  chapter: `第[${CN}\\d]+`,
  /** "一、", "十二、". */
  cnComma: `[${CN}]+、`,
  /** "一、" or "一." or "一．". */
  cnSection: `[${CN}]+[、.．]`,
  /** "(一)", "(二)" with either bracket width. */
  cnParen: `[(（][${CN}]+[)）]`,
  /** "(一)" or "(1)". */
  anyParen: `[(（][${CN}\\d]+[)）]`,
  /** "1、", "2." but not "2.5". */
  arabic: `\\d+[、.．](?!\\d)`,
  circled: `[${CIRCLED}]`,
} as const;

/** A heading's leading number: "一、", "(二)", "3.", "第三部分/章/节/项/类". */
export const HEADING_NUMBER_START = `(?:${NUMBER_PIECES.cnComma}|${NUMBER_PIECES.anyParen}|${NUMBER_PIECES.arabic}|${NUMBER_PIECES.chapter}[部分章节项类])`;
/** A heading numbered as a section: "一、", "(二)", "第三部分". */
export const SECTION_NUMBER_START = `(?:${NUMBER_PIECES.cnSection}|${NUMBER_PIECES.cnParen}|${NUMBER_PIECES.chapter}部分)`;
/** A text that starts with a heading's number ("一、", "(二)", "3.", "第三部分"). */
export const HEADING_NUMBERED = new RegExp(`^${HEADING_NUMBER_START}`);
/** A text that starts with a section's number ("一、", "(二)", "第三部分"). */
export const SECTION_NUMBERED = new RegExp(`^${SECTION_NUMBER_START}`);
/** A paragraph numbered "一、", "十二、": a section of a note sheet. */
export const CHINESE_COMMA_NUMBERED = new RegExp(`^${NUMBER_PIECES.cnComma}`);
/**
 * Where a second numbered label starts inside one cell, typed on one line after some words:
 * "(三)不予公开 1.属于国家秘密", "…情况(一)…". Splits between them (a zero-width match).
 */
export const INNER_NUMBER = new RegExp(`(?<=[^\\d\\s(（])\\s*(?=${NUMBER_PIECES.arabic}|${NUMBER_PIECES.cnParen})`);
/** The columns of a statistical form numbered 甲 | 乙 | 丙 | 丁 (then 1 | 2 | 3) under its header. */
export const COLUMN_LETTER = /^[甲乙丙丁]$/;
/**
 * Any leading number a title may carry, for stripping it (half-width text): "第三条、", "一、",
 * "(2)", "1.1 ", "①". Uses every numeral: "二十一、".
 */
export const LEADING_NUMBER = new RegExp(
  `^(?:第[${CHINESE_NUMERAL_CHARS}\\d]+[部分章节条项类]*[、.:]?|[${CHINESE_NUMERAL_CHARS}]+[、.]|` +
    `\\([${CHINESE_NUMERAL_CHARS}\\d]+\\)[、.]?|\\d+(?:\\.\\d+)*(?:[、.)](?!\\d)|\\s+)|[${CIRCLED}])\\s*`,
);
/** A 统计表 row's leading enumerators ("一、", "(二)", "3.", "①", "其中:"), possibly several. */
export const STAT_ROW_NUMBER =
  /^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十\d]+\)[、.]?|\d+[、.](?!\d)|[①-⑳]|其中[::]?)+/;
/** A cell holding only a section numeral ("一、", "三."). */
export const SECTION_NUMERAL_CELL = new RegExp(`^[${CN}]+[、.]$`);
/** An enumerator opening a clause of rule text ("1.", "②", "、"). */
export const CLAUSE_ENUMERATOR = new RegExp(`^(?:\\d{1,2}[.、]|[${CIRCLED}]|、)?$`);
/** A numbering a template text starts with, for comparing texts without it. */
export const TEXT_NUMBER = new RegExp(`^\\s*(?:[(（]?[${CN}\\d]+[)）、.．]|第[${CN}\\d]+[条项])`, "u");

export interface Numbering {
  /** 1 一、/第一部分, 2 (一), 3 1, 4 1.1, 5 1.1.1 …, 8 (1), 9 ①. */
  depth: number;
  /** The number normalised ("1-2" → "1.2"), for telling a parent ("1") from its child ("1.1"). */
  path: string;
}

/** Numbering styles as rows: the first whose pattern matches the whole 序号 decides. */
const STYLES: Array<{ re: RegExp; depth: (s: string) => number; path?: (s: string) => string }> = [
  { re: new RegExp(`^第?[${CN}]+[部分章节类项]*$`), depth: () => 1 },
  { re: new RegExp(`^\\([${CN}]+\\)$`), depth: () => 2 },
  { re: /^\d+(?:[.\-]\d+)*$/, depth: (s) => 3 + (s.match(/[.\-]/g)?.length ?? 0), path: (s) => s.replace(/-/g, ".") },
  { re: /^\(\d+\)$/, depth: () => 8 },
  { re: new RegExp(`^[${CIRCLED}]$`), depth: () => 9 },
];

/** How deep a 序号 numbers ("一" 1, "(一)" 2, "1" 3, "1.1" 4, "(1)" 8, "①" 9); null when it is no number. */
export function numberingOf(id: string): Numbering | null {
  if (/^\d{1,9}$/.test(id)) return { depth: 3, path: id }; // the common case, without the clean-up below
  const s = compact(toHalfWidth(id)).replace(/[、.:]$/, "");
  for (const style of STYLES) if (style.re.test(s)) return { depth: style.depth(s), path: style.path ? style.path(s) : s };
  return null;
}

const DIGIT_RUN = /\d+/g;
const CN_RUN = new RegExp(`[${CN}]+`, "g");
const CIRCLED_ONE = new RegExp(`[${CIRCLED}]`, "g");
/**
 * The style of a leading number, whatever its value: "1." and "2、" are alike ("9."), "(1)" and
 * "(一)" are not ("(9)", "(七)"), "①" and "③" are ("①").
 */
export function numberStyleOf(number: string): string {
  return number.replace(DIGIT_RUN, "9").replace(CN_RUN, "七").replace(CIRCLED_ONE, "①").replace(/[、.]$/, ".");
}

const SECTION_START = new RegExp(`^\\s*(?:第|[(（]|[${CN}])`);

/** Whether a cell holds only a section's number, as split-cell section rows write it ("十六", "一、", "(二)"). */
export function isSectionNumber(text: string): boolean {
  // (most cells are no section number: a look at the first character settles them)
  if (text.length > 8 || !SECTION_START.test(text)) return false;
  const n = numberingOf(text);
  return n !== null && n.depth <= 2;
}
