/**
 * What Excel and WPS do with a string written as a cell value: they parse it as if typed, so
 * "=1+1" becomes a formula, "12" and "1e3" numbers, "50%" a percentage, "TRUE" a boolean, and
 * "2024-1-5" a date. A string the add-in writes must stay the text it is: a host writes the cells
 * for which `needsTextFormat` holds with the number format "@" set first (text format), the way
 * a clerk would format a column as text before pasting codes into it.
 */
import { CUT_SUFFIX, MAX_CELL_TEXT, MAX_NOTE_TEXT, NOTE_PREFIX } from "../footprint";
import type { CellValue } from "../core/grid";

/** Text number format: what is written into the cell is kept as text. */
export const TEXT_FORMAT = "@";

const FORMULA_LEAD = /^[=+\-@]/;
const NUMBER_LIKE = /^\s*[(（]?[-+]?[$¥￥]?(\d[\d,]*(\.\d*)?|\.\d+)(e[-+]?\d+)?\s*%?[)）]?\s*$/i;
const BOOLEAN_LIKE = /^\s*(true|false)\s*$/i;
const DATE_LIKE = /^\s*\d{1,4}\s*([-/.年])\s*\d{1,2}(\s*[-/.月]\s*\d{1,4}\s*日?)?\s*$|^\s*\d{1,2}:\d{2}(:\d{2})?\s*$/;

/** Whether a host would turn this string into something other than the same text. */
export function needsTextFormat(v: CellValue): boolean {
  if (typeof v !== "string" || v === "") return false;
  return FORMULA_LEAD.test(v) || NUMBER_LIKE.test(v) || BOOLEAN_LIKE.test(v) || DATE_LIKE.test(v);
}

/** A cell text cut to Excel's limit (32,767 characters), marked where it was cut. */
export function capCellText(v: CellValue): CellValue {
  if (typeof v !== "string" || v.length <= MAX_CELL_TEXT) return v;
  return v.slice(0, MAX_CELL_TEXT - CUT_SUFFIX.length) + CUT_SUFFIX;
}

/** Our note: starts with NOTE_PREFIX and fits `limit` (marked where it was cut). */
export function noteText(note: string, limit = MAX_NOTE_TEXT): string {
  const text = note.startsWith(NOTE_PREFIX) ? note : NOTE_PREFIX + note;
  if (text.length <= limit) return text;
  return text.slice(0, limit - CUT_SUFFIX.length) + CUT_SUFFIX;
}

/**
 * Whether a note or comment is ours. A host may put its author's name before the text
 * ("张三:\n【考核计分助手】…", "Author:【考核计分助手】…") or cut it: the marker is looked for
 * at the start of the text or right after such an author line.
 */
export function isOurNote(text: string | null | undefined): boolean {
  if (!text) return false;
  return ourNoteBody(text) !== null;
}

/** The note without an author prefix when it is ours; null when it is the user's. */
export function ourNoteBody(text: string): string | null {
  const t = text.replace(/^\uFEFF/, "");
  if (t.startsWith(NOTE_PREFIX)) return t;
  const m = /^[^\n:：]{1,64}[:：]\s*/.exec(t);
  if (m && t.slice(m[0].length).startsWith(NOTE_PREFIX)) return t.slice(m[0].length);
  return null;
}

/** "#RRGGBB" in upper case, or null when it is not such a colour. */
export function normalizeColor(c: unknown): string | null {
  if (typeof c !== "string") return null;
  const m = /^#?([0-9a-f]{6})$/i.exec(c.trim());
  return m ? `#${m[1].toUpperCase()}` : null;
}
