/**
 * Reading a 2017 统计表: find the header row (统计指标 | 单位 | 统计数, wherever it stands, spaces
 * inside words allowed, this year's column chosen among 上年数 | 本年数, 代码 columns passed
 * over), then read one row per label until the signatures under the table. Labels may stand
 * over several columns: numbering apart, section titles merged down beside their rows.
 */
import { MergeIndex, columnCount, compact, textOf, toA1, valueAt, type CellValue, type Grid } from "../grid";
import { COLUMN_LETTER, SECTION_NUMERAL_CELL, numberStyleOf } from "../words/numbering";
import {
  SCORE_SHEET_HEADER,
  STAT_FOOTER,
  STAT_LABEL_HEADER,
  STAT_UNIT_HEADER,
  STAT_UNIT_HEADER_RAW,
  STAT_UNIT_MARK,
  VALUE_HEADER_COUNT,
  VALUE_HEADER_NOT_THIS_YEAR,
  VALUE_HEADER_THIS_YEAR,
  VALUE_HEADER_YEAR,
} from "../words/stats";
import { bestMatch } from "./match";
import { IDENTITIES_2017, ROWS_2017, type RowDef } from "./format2017";
import { displayName, kindOfUnit, leadingNumber, matchText, numberingOnly } from "./text";
import type { Identity, StatRow, StatisticsTable } from "./types";

interface Header {
  row: number;
  /** Label cells may spread over several columns (indentation by column, merged labels). */
  labelLeft: number;
  labelRight: number;
  unitCol: number;
  /** The last row of the header (a header may stand over two rows). */
  bottom: number;
  /** The columns under the header of this year's values (one, or several merged). */
  valueLeft: number;
  valueRight: number;
}

const EMPTY_ROWS_ENDING_TABLE = 3;
// A 指标 | 单位 | 数量 table is taken for a 统计表 only when it has rows of one, each with a unit.
const MIN_KNOWN_ROWS = 3;
const SHORT_TEXT = 24;

/**
 * How well a header names the column this year's values stand in: 本年数 / 统计数 over a bare
 * year, the latest year over an earlier one; 0 for a column that holds no values of this year
 * (上年数, 代码, 备注 …).
 */
function valueHeaderRank(text: string): number {
  if (text === "" || VALUE_HEADER_NOT_THIS_YEAR.test(text)) return 0;
  if (VALUE_HEADER_THIS_YEAR.test(text)) return 4000;
  if (VALUE_HEADER_COUNT.test(text)) return 3000;
  const year = VALUE_HEADER_YEAR.exec(text);
  if (year) return Number(year[1]);
  return 1;
}

function shortText(merges: MergeIndex, r: number, c: number): string {
  const raw = merges.shownValue(r, c);
  return typeof raw === "string" && raw.length <= SHORT_TEXT ? matchText(raw) : "";
}

interface ValueColumns {
  left: number;
  right: number;
  /** How well the header names them (valueHeaderRank); 0 when nothing names them. */
  rank: number;
}

/**
 * The value column: the best-named column from `from` up to `end`, reading the header row and,
 * when the header stands over two rows (统计数 over 上年 | 本年), the row under it. Ties go left;
 * with no header text at all, the column at `from`.
 */
function valueColumns(merges: MergeIndex, top: number, bottom: number, from: number, end: number): ValueColumns {
  let best: ValueColumns = { left: from, right: from, rank: 0 };
  for (let c = from; c < end; c++) {
    let rank = -1;
    let at = top;
    for (let r = top; r <= bottom; r++) {
      const t = shortText(merges, r, c);
      if (t) [rank, at] = [valueHeaderRank(t), r]; // the deepest text decides
    }
    // The header ends at its first blank column: what stands further right is another table.
    if (rank < 0 && c > from) break;
    // A header merged over several columns: the value may be typed in any of them.
    if (rank > best.rank) best = { left: c, right: Math.max(c, merges.mergeAt(at, c)?.right ?? c), rank };
  }
  return best;
}

/** The row under the header when it carries column headings only (上年 | 本年 under 统计数). */
function subHeaderRow(grid: Grid, merges: MergeIndex, r: number, label: number, unit: number, width: number): boolean {
  if ((label >= 0 && textOf(merges.shownValue(r + 1, label)) !== "") || textOf(merges.shownValue(r + 1, unit)) !== "") return false;
  let named = false;
  for (let c = Math.max(0, label + 1); c < width; c++) {
    if (c === unit) continue;
    if (typeof valueAt(grid, r + 1, c) === "number") return false;
    if (shortText(merges, r + 1, c)) named = true;
  }
  return named;
}

function hasUnitHeader(cells: readonly CellValue[]): boolean {
  for (let c = 0; c < cells.length; c++) {
    const v = cells[c];
    if (typeof v === "string" && v.length <= SHORT_TEXT && v.indexOf(STAT_UNIT_MARK) >= 0 && STAT_UNIT_HEADER_RAW.test(v)) return true;
  }
  return false;
}

// A value column named this well says where the values are even without a 统计指标 header.
const NAMED_VALUES = 3000;

/**
 * The header: 统计指标 | 单位 | 统计数 as the form has it, the value column found by its name
 * (本年数 rather than 上年数), also left of 单位 (统计指标 | 统计数 | 单位); a header without
 * 统计指标 needs a 统计数 or 本年数 column, and the labels are then whatever stands left.
 */
function findHeader(grid: Grid, merges: MergeIndex): Header | null {
  const width = columnCount(grid);
  for (let r = 0; r < grid.cells.length; r++) {
    // Every header has a 单位 column: rows without one are passed over before any normalisation.
    if (!hasUnitHeader(grid.cells[r])) continue;
    // Header words are short: long texts and numbers are passed over before the costly normalisation.
    const words = Array.from({ length: width }, (_, c) => {
      const raw = valueAt(grid, r, c);
      return typeof raw === "string" && raw.length <= SHORT_TEXT ? matchText(raw) : "";
    });
    if (words.some((w) => SCORE_SHEET_HEADER.test(w))) continue;
    const unit = words.findIndex((w) => STAT_UNIT_HEADER.test(w));
    if (unit < 0) continue;
    const label = words.findIndex((w, c) => c < unit && STAT_LABEL_HEADER.test(w));
    const labelEnd = label < 0 ? -1 : (merges.mergeAt(r, label)?.right ?? label);
    // A header over two rows: 统计指标 and 单位 merged down, 统计数 split into 上年 | 本年 under it.
    const merged = Math.max(label < 0 ? r : (merges.mergeAt(r, label)?.bottom ?? r), merges.mergeAt(r, unit)?.bottom ?? r);
    const bottom = merged > r ? merged : subHeaderRow(grid, merges, r, labelEnd, unit, width) ? r + 1 : r;
    const unitRight = merges.mergeAt(r, unit)?.right ?? unit;
    let value = valueColumns(merges, r, bottom, unitRight + 1, width);
    let labelRight = unit - 1;
    if (value.rank === 0 && label >= 0) {
      const before = valueColumns(merges, r, bottom, labelEnd + 1, unit);
      if (before.rank > 0) [value, labelRight] = [before, labelEnd];
    }
    if (label < 0 && value.rank < NAMED_VALUES) continue;
    return { row: r, bottom, labelLeft: Math.max(label, 0), labelRight, unitCol: unit, valueLeft: value.left, valueRight: value.right };
  }
  return null;
}

/**
 * The texts of a row's label cells, left to right (a merged cell shows in its first row only);
 * a bare number is a 序号, not a word of the label.
 */
function labelParts(grid: Grid, r: number, h: Header): string[] {
  const parts: string[] = [];
  for (let c = h.labelLeft; c <= h.labelRight; c++) {
    const t = textOf(valueAt(grid, r, c));
    if (t && !/^\d+$/.test(t)) parts.push(t);
  }
  return parts;
}

interface Label {
  /** As written: the cells joined by a space. */
  text: string;
  name: string;
  def: RowDef | null;
  /** The section title ("行政复议数量") when the label starts a section (一、二、…). */
  title: string | null;
}

const SECTION_NUMBER = SECTION_NUMERAL_CELL;
const inSection = (section: string | null) => (d: RowDef) => d.section === section;
const titleOf = (label: string) => (SECTION_NUMBER.test(leadingNumber(label)) ? displayName(label) : null);

/**
 * What a row's label cells name: the deepest cells that name a row. Titles in columns of their
 * own, merged down beside their rows, share the first of them ("三、依申请公开情况" |
 * "(一)收到申请数", or "一、主动公开情况" | "(二)通过不同渠道…" | "1.政府公报公开政府信息数"):
 * then the cells after them name the row. Numbering in a cell of its own is read with its words.
 */
function readLabel(parts: string[], section: string | null): Label {
  const text = parts.join(" ");
  const outer = parts.length > 1 ? (bestMatch(matchText(parts[0]), ROWS_2017, inSection(section))?.section ?? section) : section;
  for (let k = parts.length - 1; k > 0; k--) {
    if (numberingOnly(parts[k - 1])) continue;
    const rest = parts.slice(k).join(" ");
    const def = bestMatch(matchText(rest), ROWS_2017, inSection(outer));
    if (def && def.kind !== "heading") return { text, name: displayName(rest), def, title: titleOf(parts[0]) };
  }
  return { text, name: displayName(text), def: bestMatch(matchText(text), ROWS_2017, inSection(section)), title: titleOf(text) };
}

/** The value cell of a row: the first filled cell under the value header, else its first column. */
function valueColumn(grid: Grid, r: number, h: Header): number {
  for (let c = h.valueLeft; c <= h.valueRight; c++) if (textOf(valueAt(grid, r, c)) !== "") return c;
  return h.valueLeft;
}

/** "被依法纠错数" stands under both 行政复议 and 行政诉讼: a name used twice is prefixed with its section's title. */
function qualifyRepeatedNames(rows: StatRow[], titles: string[]): void {
  const count = new Map<string, number>();
  for (const r of rows) count.set(r.name, (count.get(r.name) ?? 0) + 1);
  rows.forEach((r, i) => {
    if ((count.get(r.name) ?? 0) > 1 && titles[i] && titles[i] !== r.name) r.name = `${titles[i]}·${r.name}`;
  });
}

/** The style of a label's numbering: "1." and "2、" are alike, "(1)" and "(一)" are not. */
function numberingStyle(label: string): string {
  return numberStyleOf(leadingNumber(label));
}

/**
 * A sum with the rows a unit added among its parts: a row the form does not know (3.电子邮件申请数
 * between 2.传真申请数 and 4.网络申请数, 5.其他形式申请数 after the last) counts in the sum when it
 * stands among the parts, or right after them numbered like them, rather than making the whole
 * look wrong. Such a row is named by its cell ("@C12").
 */
function withSiblings(id: Identity, rows: StatRow[]): Identity {
  if (id.kind !== "sum") return id;
  const at = (key: string) => rows.findIndex((r) => r.key === key && r.cell !== null);
  const whole = at(id.whole);
  const parts = id.parts.map(at);
  if (whole < 0 || parts.some((i) => i < whole)) return id;
  const last = Math.max(...parts);
  const style = numberingStyle(rows[last].label);
  const extra: string[] = [];
  for (let i = whole + 1; i < rows.length; i++) {
    const row = rows[i];
    if (i > last && (row.key !== null || numberingStyle(row.label) !== style)) break;
    if (row.key === null && row.cell !== null && (row.kind === "count" || row.kind === "money")) extra.push(`@${row.cell}`);
  }
  return extra.length ? { ...id, parts: [...id.parts, ...extra] } : id;
}

/** Reads a 2017 统计表; null when the grid has no 统计指标/单位 header. */
export function detect2017(grid: Grid): StatisticsTable | null {
  if (!grid.cells.some(hasUnitHeader)) return null;
  const merges = new MergeIndex(grid);
  const h = findHeader(grid, merges);
  if (!h) return null;
  const rows: StatRow[] = [];
  let section: string | null = null;
  let empty = 0;
  let title = "";
  const titles: string[] = [];
  const first = h.bottom + 1;
  for (let r = first; r < grid.cells.length && empty < EMPTY_ROWS_ENDING_TABLE; r++) {
    const parts = labelParts(grid, r, h);
    if (!parts.length) {
      empty++;
      continue;
    }
    empty = 0;
    const { text: label, name, def, title: sectionTitle } = readLabel(parts, section);
    if (STAT_FOOTER.test(displayName(label))) break;
    // the row under a header that numbers its columns (甲 | 乙 | 丙 | 1 | 2), as statistical forms do
    if (COLUMN_LETTER.test(compact(label))) continue;
    if (def) section = def.section;
    title = sectionTitle ?? title;
    titles.push(title);
    const unit = textOf(merges.shownValue(r, h.unitCol));
    const kind = kindOfUnit(unit) ?? def?.kind ?? "text";
    const col = valueColumn(grid, r, h);
    rows.push({
      key: def?.key ?? null,
      label,
      name,
      unit,
      kind,
      cell: kind === "heading" ? null : toA1(r, col),
      value: kind === "heading" ? null : valueAt(grid, r, col),
    });
  }
  if (rows.filter((r) => r.key !== null && kindOfUnit(r.unit) !== null).length < MIN_KNOWN_ROWS) return null;
  qualifyRepeatedNames(rows, titles);
  return { sheet: grid.name, format: "2017", rows, identities: IDENTITIES_2017.map((id) => withSiblings(id, rows)), derived: [] };
}
