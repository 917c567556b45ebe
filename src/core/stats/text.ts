/**
 * Reading the words and numbers of a statistics sheet: labels tolerant of numbering, spaces,
 * punctuation and notes in brackets; values tolerant of units, full-width digits and spaces.
 */
import { compact, textOf, type CellValue } from "../grid";
import { toHalfWidth } from "../rules/numbers";
import { STAT_ROW_NUMBER } from "../words/numbering";

// "一、", "(一)", "1.", "1、", "(1)", "①", "其中:" at the start, possibly repeated ("其中:1.").
const LEADING_NUMBERING = STAT_ROW_NUMBER;
const BRACKETED = /\([^()]*\)|【[^【】]*】|〔[^〔〕]*〕/g;
const PUNCTUATION = /[、,,。.;;::!!??“”‘’"'《》<>〈〉·・\-—_/]/g;

/** The label with spaces removed and half-width punctuation, before anything else is taken away. */
function flat(label: string): string {
  return compact(toHalfWidth(label));
}

/**
 * The label as a message names it: numbering, "其中:" and notes in brackets removed
 * ("(一)主动公开政府信息数 (不同渠道…计1条)" → "主动公开政府信息数"). Falls back to the flat
 * label when nothing would be left.
 */
export function displayName(label: string): string {
  const s = flat(label);
  const name = s.replace(LEADING_NUMBERING, "").replace(BRACKETED, "");
  return name || s;
}

/** The label reduced for matching: the display name without punctuation, 其它 read as 其他. */
export function matchText(label: string): string {
  return displayName(label).replace(PUNCTUATION, "").replace(/其它/g, "其他");
}

/** Whether a label is numbering alone ("(一)", "1.", "其中:"), with no words after it. */
export function numberingOnly(label: string): boolean {
  return flat(label).replace(LEADING_NUMBERING, "") === "";
}

/** The numbering a label starts with, as written ("(七)", "三、", "1."); "" when none. */
export function leadingNumber(label: string): string {
  const m = LEADING_NUMBERING.exec(flat(label));
  return m ? m[0].replace(/其中[::]?/, "") : "";
}

/** A value cell read as the checker needs it. */
export type Reading =
  | { kind: "blank" }
  | { kind: "number"; value: number }
  | { kind: "yesno"; value: "是" | "否" }
  | { kind: "text"; text: string };

// A number with, at most, a unit after it: "17", "17条", "1,234", "0.50万元", "3 人次".
const NUMBER_WITH_UNIT = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+)(?:条|件|次|篇|个|人次|人|万元|元|项|家|处|期)?$/;

const DASH = /^[—\-–/─]+$/;

/** Reads a cell: numbers also from "17条", " 17 ", "１７"; 是/否 on their own. */
export function readValue(v: CellValue): Reading {
  if (typeof v === "number") return Number.isFinite(v) ? { kind: "number", value: v } : { kind: "text", text: String(v) };
  const t = compact(toHalfWidth(textOf(v)));
  // A dash or a slash is how many units leave a cell empty ("—", "--", "/").
  if (t === "" || DASH.test(t)) return { kind: "blank" };
  if (t === "是" || t === "否") return { kind: "yesno", value: t };
  const m = NUMBER_WITH_UNIT.exec(t);
  const n = m ? Number(m[1].replace(/,/g, "")) : NaN;
  if (Number.isFinite(n)) return { kind: "number", value: n };
  return { kind: "text", text: textOf(v) };
}

const COUNT_UNITS = new Set(["条", "件", "次", "篇", "个", "人", "人次", "项", "家", "处", "期", "份"]);

/**
 * What a unit cell declares: null when it says nothing (blank or unknown), so the row's
 * canonical kind decides. "——", "—", "-", "/" mark a heading.
 */
export function kindOfUnit(unit: string): "count" | "money" | "yesno" | "heading" | null {
  const u = compact(toHalfWidth(unit));
  if (u === "") return null;
  if (DASH.test(u)) return "heading";
  if (COUNT_UNITS.has(u)) return "count";
  if (/万?元$/.test(u)) return "money";
  if (/^是[/或、]?否$/.test(u)) return "yesno";
  return null;
}
