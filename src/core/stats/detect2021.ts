/**
 * Reading the 2021 年报 tables: matrices whose columns are found by their header texts (merged
 * header cells included) and whose lines are found by their label texts, wherever they stand.
 */
import { MergeIndex, columnCount, textOf, toA1, valueAt, type Grid } from "../grid";
import { INNER_NUMBER } from "../words/numbering";
import { ANNUAL_ANCHORS, ANNUAL_NEXT_TABLE } from "../words/stats";
import { bestMatch } from "./match";
import {
  ALIASES_2021,
  APPEAL_GROUPS,
  APPEAL_OUTCOMES,
  APPEAL_SUMS,
  APPLICANT_COLUMNS,
  APPLICANT_COLUMN_GROUPS,
  APPLICANT_COLUMN_SUMS,
  APPLICATION_LINES,
  APPLICATION_LINE_SUMS,
  PROACTIVE_COLUMNS,
  PROACTIVE_LINES,
  type AxisSum,
  type ColumnDef,
  type LineDef,
} from "./format2021";
import { matchText, readValue } from "./text";
import type { DerivedKey, Identity, StatRow, StatisticsTable } from "./types";

interface Column {
  def: ColumnDef;
  col: number;
}

interface Matrix {
  rows: StatRow[];
  /** Line keys that have cells. */
  lines: string[];
  columns: ColumnDef[];
}

const EMPTY_ROWS_ENDING_TABLE = 3;

/** The texts shown in column c from row top to bottom (merged headers included), repeats removed. */
function headerParts(merges: MergeIndex, top: number, bottom: number, c: number): string[] {
  const parts: string[] = [];
  for (let r = top; r <= bottom; r++) {
    const t = matchText(textOf(merges.shownValue(r, c)));
    if (t && parts[parts.length - 1] !== t) parts.push(t);
  }
  return parts;
}

/** The texts shown in row r from column left to right, repeats (merged cells) removed. */
function labelParts(merges: MergeIndex, r: number, left: number, right: number): string[] {
  const parts: string[] = [];
  for (let c = left; c <= right; c++) {
    const t = textOf(merges.shownValue(r, c));
    if (t && parts[parts.length - 1] !== t) parts.push(t);
  }
  return parts;
}

const SHORT_TEXT = 24;
// The header words each table is found by.
const { naturalPerson: NATURAL_PERSON, review: REVIEW, content: CONTENT, litigation: LITIGATION } = ANNUAL_ANCHORS;

type Anchors = Record<string, { row: number; col: number }[]>;

/**
 * The cells reading exactly one of `words` once normalised ("自 然 人", "总\n计"), in one pass.
 * Anchors are short header words: numbers, long texts and texts without a word's first and last characters
 * are passed over before the costly normalisation, which keeps big score sheets cheap.
 */
function findAnchors(grid: Grid, words: readonly string[]): Anchors {
  const found: Anchors = Object.fromEntries(words.map((w) => [w, []]));
  const firsts = words.map((w) => w[0]);
  const lasts = words.map((w) => w[w.length - 1]);
  for (let row = 0; row < grid.cells.length; row++) {
    const cells = grid.cells[row];
    for (let col = 0; col < cells.length; col++) {
      const v = cells[col];
      if (typeof v !== "string" || v.length > SHORT_TEXT) continue;
      let maybe = false;
      for (let w = 0; w < words.length && !maybe; w++) maybe = v.indexOf(lasts[w]) >= 0 && v.indexOf(firsts[w]) >= 0;
      if (!maybe) continue;
      const t = matchText(v);
      if (t in found) found[t].push({ row, col });
    }
  }
  return found;
}

function cellRow(grid: Grid, line: { key: string | null; label: string }, column: Column, r: number): StatRow {
  const label = `${line.label}·${column.def.name}`;
  return {
    key: line.key === null ? null : `${line.key}.${column.def.key}`,
    label,
    name: label,
    unit: column.def.kind === "money" ? "万元" : "件",
    kind: column.def.kind,
    cell: toA1(r, column.col),
    value: valueAt(grid, r, column.col),
    line: line.label,
    column: column.def.name,
  };
}

const allBlank = (grid: Grid, r: number, columns: Column[]) => columns.every((c) => textOf(valueAt(grid, r, c.col)) === "");

/**
 * The definition the header texts `parts[..end]` end with, and the part it starts at. A word
 * may stand over several parts: a Word cell of two paragraphs ("商业" / "企业") becomes two rows
 * when pasted into a sheet, so the shortest run of parts ending at `end` that names a definition
 * wins ("企业" names none, "商业企业" does).
 */
function endingWith<T extends ColumnDef>(parts: readonly string[], end: number, defs: readonly T[]): { def: T; start: number } | null {
  for (let start = end; start >= 0; start--) {
    const def = bestMatch(parts.slice(start, end + 1).join(""), defs);
    if (def) return { def, start };
  }
  return null;
}

/** Columns of a header block: the deepest header text that names a column decides; first wins. */
function headerColumns(merges: MergeIndex, top: number, bottom: number, from: number, width: number, defs: readonly ColumnDef[]): Column[] {
  const columns: Column[] = [];
  for (let c = from; c < width; c++) {
    const parts = headerParts(merges, top, bottom, c);
    for (let i = parts.length - 1; i >= 0; i--) {
      const def = endingWith(parts, i, defs)?.def;
      if (!def) continue;
      if (!columns.some((x) => x.def.key === def.key)) columns.push({ def, col: c });
      break;
    }
  }
  return columns;
}

// — 三、收到和处理政府信息公开申请情况 —

const isGroup = (def: LineDef) => APPLICATION_LINES.some((l) => l.group === def.key);


/** One cell holding a group and its first item, typed on one line, read as the two labels. */
function splitNumbered(part: string): string[] {
  return part.split(INNER_NUMBER).filter((p) => p.trim() !== "");
}

/**
 * The line a row's label parts name: the deepest part decides. An item is only taken under its
 * own group (named in an earlier part or on a line above), so a unit's own "9.其他" under
 * 三(三) is not mistaken for 三(六)3.其他.
 */
function matchLine(parts: string[], group: string | null): LineDef | null {
  let context = group;
  let def: LineDef | null = null;
  for (const part of parts.flatMap(splitNumbered)) {
    const candidates = APPLICATION_LINES.filter((d) => d.group === undefined || context === null || d.group === context);
    def = bestMatch(matchText(part), candidates);
    if (def && isGroup(def)) context = def.key;
  }
  return def;
}

function readApplications(grid: Grid, merges: MergeIndex, anchors: Anchors): Matrix | null {
  const width = columnCount(grid);
  for (const anchor of anchors[NATURAL_PERSON]) {
    const labelRight = anchor.col - 1;
    let start = -1;
    for (let r = anchor.row + 1; r < Math.min(grid.cells.length, anchor.row + 6) && start < 0; r++) {
      const def = matchLine(labelParts(merges, r, 0, labelRight), null);
      if (def?.first) start = r;
    }
    if (start < 0) continue;
    const columns = headerColumns(merges, Math.max(0, anchor.row - 3), start - 1, anchor.col, width, APPLICANT_COLUMNS);
    if (!columns.length) continue;
    const matrix: Matrix = { rows: [], lines: [], columns: columns.map((c) => c.def) };
    let group: string | null = null;
    let empty = 0;
    for (let r = start; r < grid.cells.length && empty < EMPTY_ROWS_ENDING_TABLE; r++) {
      const parts = labelParts(merges, r, 0, labelRight);
      // A header repeated where a long table ran onto a new page has words but no label: not an end.
      empty = parts.length || !allBlank(grid, r, columns) ? 0 : empty + 1;
      if (!parts.length) continue;
      const def = matchLine(parts, group);
      if (!def) {
        // where section 三's lines give way to the next table
        if (ANNUAL_NEXT_TABLE.test(parts.join(""))) break;
        if (!allBlank(grid, r, columns)) matrix.rows.push(...columns.map((c) => cellRow(grid, { key: null, label: parts.join("") }, c, r)));
        continue;
      }
      group = isGroup(def) ? def.key : (def.group ?? null);
      // A group line left blank is a heading over its items; its value is their sum.
      if (def.heading || (isGroup(def) && allBlank(grid, r, columns)) || matrix.lines.includes(def.key)) continue;
      matrix.lines.push(def.key);
      matrix.rows.push(...columns.map((c) => cellRow(grid, def, c, r)));
      if (def.last) break;
    }
    return matrix;
  }
  return null;
}

// — 四、行政复议、行政诉讼 —

/**
 * The header texts over a column of section 四. A group header (行政诉讼, 复议后起诉) stands over
 * the columns right of it up to the next header; pasted without its merge, it is in its first
 * cell only, so a blank above the last header row takes the text on its left.
 */
function appealHeaderParts(merges: MergeIndex, review: { row: number; col: number }, bottom: number, c: number): string[] {
  const parts: string[] = [];
  for (let r = review.row; r <= bottom; r++) {
    let t = matchText(textOf(merges.shownValue(r, c)));
    for (let k = c - 1; !t && r < bottom && k >= review.col; k--) t = matchText(textOf(merges.shownValue(r, k)));
    if (t && parts[parts.length - 1] !== t) parts.push(t);
  }
  return parts;
}

const MAX_APPEAL_HEADER_ROWS = 8;

/**
 * The row of section 四's values: the first row under 行政复议 with a number (or a dash) in the
 * table's columns, however many rows its header words were broken over; for a table left
 * blank, the row under the last outcome header.
 */
function appealValuesRow(grid: Grid, merges: MergeIndex, review: { row: number; col: number }, right: number): number {
  for (let r = review.row + 1; r <= review.row + MAX_APPEAL_HEADER_ROWS && r < grid.cells.length; r++) {
    let empty = true;
    for (let c = review.col; c <= right; c++) {
      const v = valueAt(grid, r, c);
      // a number, or a dash for an empty value ("—", "/"), is a value
      if (readValue(v).kind === "number" || (textOf(v) !== "" && readValue(v).kind === "blank")) return r;
      empty &&= textOf(merges.shownValue(r, c)) === "";
    }
    // the header ends at an empty row: a table left blank is read by its outcome headers
    if (empty) break;
  }
  let bottom = review.row;
  for (let r = review.row + 1; r <= review.row + 3; r++) {
    for (let c = review.col; c <= right; c++) {
      if (bestMatch(matchText(textOf(valueAt(grid, r, c))), APPEAL_OUTCOMES)) bottom = Math.max(bottom, merges.mergeAt(r, c)?.bottom ?? r);
    }
  }
  return bottom + 1;
}

function readAppeals(grid: Grid, merges: MergeIndex, anchors: Anchors): Matrix | null {
  const width = columnCount(grid);
  for (const review of anchors[REVIEW]) {
    const litigation = (grid.cells[review.row] ?? []).findIndex((v, c) => c > review.col && matchText(textOf(v)) === LITIGATION);
    if (litigation < 0) continue;
    const right = merges.mergeAt(review.row, litigation)?.right ?? width - 1;
    const values = appealValuesRow(grid, merges, review, right);
    const bottom = values - 1;
    const rows: StatRow[] = [];
    const groups = new Set<string>();
    for (let c = review.col; c <= right; c++) {
      const parts = appealHeaderParts(merges, review, bottom, c);
      const last = endingWith(parts, parts.length - 1, APPEAL_OUTCOMES);
      const outcome = last?.def;
      const group = last ? bestMatch(parts.slice(0, last.start).join(""), APPEAL_GROUPS) : null;
      if (!group || !outcome || rows.some((x) => x.key === `${group.key}.${outcome.key}`)) continue;
      groups.add(group.key);
      rows.push(cellRow(grid, { key: group.key, label: group.name }, { def: outcome, col: c }, values));
    }
    if (!rows.length) continue;
    return { rows, lines: [...groups], columns: APPEAL_OUTCOMES.slice() };
  }
  return null;
}

// — 二、主动公开政府信息情况 —

function readProactive(grid: Grid, merges: MergeIndex, anchors: Anchors): Matrix | null {
  const width = columnCount(grid);
  const matrix: Matrix = { rows: [], lines: [], columns: [] };
  for (const header of anchors[CONTENT]) {
    const columns = headerColumns(merges, header.row, header.row, header.col + 1, width, PROACTIVE_COLUMNS);
    for (let r = header.row + 1; r < grid.cells.length; r++) {
      const def = bestMatch(matchText(textOf(merges.shownValue(r, header.col))), PROACTIVE_LINES);
      if (!def) break;
      matrix.lines.push(def.key);
      matrix.rows.push(...columns.map((c) => cellRow(grid, def, c, r)));
    }
  }
  return matrix.rows.length ? matrix : null;
}

// — identities —

/** An AxisSum over lines checked in each column (or over columns in each line). */
function expand(sums: readonly AxisSum[], across: string[], cellKey: (axisKey: string, other: string) => string, nameOf: (k: string) => string): Identity[] {
  return across.flatMap((other) =>
    sums.map((s) => ({
      kind: "sum" as const,
      whole: cellKey(s.whole, other),
      parts: s.parts.map((p) => cellKey(p, other)),
      names: s.parts.map(nameOf),
      ...(s.minus ? { minus: s.minus.map((m) => cellKey(m, other)), minusNames: s.minus.map(nameOf) } : {}),
      when: "any" as const,
    })),
  );
}

const lineName = (k: string) => APPLICATION_LINES.find((l) => l.key === k)?.label ?? k;
const columnName = (k: string) => APPLICANT_COLUMNS.find((c) => c.key === k)?.name ?? k;
const outcomeName = (k: string) => APPEAL_OUTCOMES.find((c) => c.key === k)?.name ?? k;

function applicationIdentities(m: Matrix): { identities: Identity[]; derived: DerivedKey[] } {
  const columns = m.columns.map((c) => c.key);
  const groups = APPLICATION_LINE_SUMS.filter((s) => APPLICATION_LINES.some((l) => l.group === s.whole));
  // Group lines (三(三) …) over every column, 法人或其他组织 included; 法人或其他组织 on every line.
  const allColumns = [...new Set([...columns, ...Object.keys(APPLICANT_COLUMN_GROUPS)])];
  const derived: DerivedKey[] = [
    ...allColumns.flatMap((c) => groups.map((g) => ({ key: `${g.whole}.${c}`, name: `${lineName(g.whole)}·${columnName(c)}`, sumOf: g.parts.map((p) => `${p}.${c}`) }))),
    ...m.lines.flatMap((l) =>
      Object.entries(APPLICANT_COLUMN_GROUPS).map(([g, parts]) => ({ key: `${l}.${g}`, name: `${lineName(l)}·${columnName(g)}`, sumOf: parts.map((p) => `${l}.${p}`) })),
    ),
  ];
  return {
    identities: [
      ...expand(APPLICATION_LINE_SUMS, columns, (line, col) => `${line}.${col}`, lineName),
      ...expand(APPLICANT_COLUMN_SUMS, m.lines, (col, line) => `${line}.${col}`, columnName),
    ],
    derived,
  };
}

/** Reads the 2021 年报 tables on the grid; null when none of them is there. */
export function detect2021(grid: Grid): StatisticsTable | null {
  const anchors = findAnchors(grid, [NATURAL_PERSON, REVIEW, CONTENT]);
  if (!anchors[NATURAL_PERSON].length && !anchors[REVIEW].length) return null;
  const merges = new MergeIndex(grid);
  const proactive = readProactive(grid, merges, anchors);
  const applications = readApplications(grid, merges, anchors);
  const appeals = readAppeals(grid, merges, anchors);
  if (!applications && !appeals) return null;
  const fromApplications = applications ? applicationIdentities(applications) : { identities: [], derived: [] };
  const aliases: DerivedKey[] = Object.entries(ALIASES_2021).map(([key, a]) => ({ key, ...a }));
  return {
    sheet: grid.name,
    format: "2021",
    rows: [...(proactive?.rows ?? []), ...(applications?.rows ?? []), ...(appeals?.rows ?? [])],
    identities: [
      ...fromApplications.identities,
      ...(appeals ? expand(APPEAL_SUMS, appeals.lines, (outcome, group) => `${group}.${outcome}`, outcomeName) : []),
    ],
    derived: [...fromApplications.derived, ...aliases],
  };
}
