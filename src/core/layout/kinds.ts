/**
 * The row kinds of a score table, as a table walked by one loop: each kind says what makes a row
 * of it (`test`) and what reading such a row does (`take`). The first kind whose test holds takes
 * the row; the order is the order of precedence. Adding a row kind is one entry here.
 */
import { compact, textOf, toA1, valueAt, type CellValue, type Grid } from "../grid";
import { parseMaxCell, sheetBase } from "../rules/parse";
import { isSectionNumber, SECTION_NUMBERED } from "../words/numbering";
import { ADJUST_WORDS, CATEGORY_TOTAL, HEADING, NOTE_START, SIGNATURE, SUBTOTAL_WORDS, SUM_MARK, TABLE_TITLE, TOTAL_WORDS } from "../words/rows";
import { roleOf as roleOfCell, type ColumnMap, type ColumnRole } from "./columns";
import type { Categories, GroupMaker } from "./groups";
import type { ReadRules } from "./indicators";
import { RowReader, shownRow, type ShownRow } from "./rows";
import type { Group, ItemRow, ScoreTable, TotalRow } from "./types";

/** Everything the row walk reads and changes, in one place. */
export interface LayoutState {
  readonly grid: Grid;
  readonly width: number;
  readonly columns: ColumnMap;
  readonly table: ScoreTable;
  /** The table's first and last column (its score columns included). */
  readonly first: number;
  readonly last: number;
  readonly parseRules: ReadRules;
  /** Header words by cell, with a memory for this table. */
  readonly roleOf: (v: CellValue) => ColumnRole | null;
  readonly groups: GroupMaker;
  readonly categories: Categories;
  /** The item rows kept for the later steps. */
  readonly rows: ItemRow[];
  /** The lower row of a two-row header, for telling it repeated on a new page. */
  readonly lowerHeader: CellValue[] | null;
  /** The section the rows stand in ("一、组织领导(20分)"), until the next one or a 合计. */
  section: Group | null;
  /** The row of the last repeated header. */
  repeatedAt: number;
  /** The label of the last 合计 read. */
  totalLabel: string;
}

/** What the walk does after a row: read on, or stop (the table ends there). */
export type Step = "next" | "stop";

/**
 * A row kind. `test` gives what `take` needs when the row is of this kind (`true` when it needs
 * nothing), or null/false when it is not.
 */
export interface RowKind<M = true> {
  kind: string;
  test(row: ShownRow, s: LayoutState): M | null | false;
  take(row: ShownRow, s: LayoutState, m: M): Step;
}

/** Keeps each entry's own match type while the table holds them all. */
const kind = <M>(k: RowKind<M>): RowKind<unknown> => k as unknown as RowKind<unknown>;

/** A row of column numbers under the header ("1 2 3 4 5 6"). */
function isNumbering(texts: string[], n: number): boolean {
  if (n < 3) return false;
  for (let k = 0; k < n; k++) if (!/^\d{1,2}$/.test(texts[k]) || Number(texts[k]) !== Number(texts[0]) + k) return false;
  return true;
}

/**
 * Which of the row's texts makes it a group's subtotal, or -1: "小计" anywhere, or "合计" beside
 * a category cell merged down from above (the category's own 合计 row).
 */
function subtotalAt(row: ShownRow, columns: ColumnMap): number {
  const { texts, cols, n, firstAt, areas, r } = row;
  // every sum word has SUM_MARK in it: most rows are ruled out without compacting their text
  for (let k = 0; k < n; k++) if (texts[k].length <= 16 && texts[k].includes(SUM_MARK) && SUBTOTAL_WORDS.test(compact(texts[k]))) return k;
  if (!columns.category.includes(cols[firstAt])) return -1;
  const m = areas[cols[firstAt]];
  if (!m || m.top >= r) return -1;
  for (let k = 0; k < n; k++) if (k !== firstAt && texts[k].includes(SUM_MARK) && CATEGORY_TOTAL.test(compact(texts[k]))) return k;
  return -1;
}

/** Whether a row shows the same words as `model` wherever it has any (white space aside). */
function sameTexts(cells: CellValue[], model: CellValue[], first: number, last: number): boolean {
  let any = false;
  for (let c = first; c <= last; c++) {
    const t = compact(textOf(cells[c]));
    if (!t) continue;
    if (t !== compact(textOf(model[c]))) return false;
    any = true;
  }
  return any;
}

/** A row repeating the header (tables converted from Word repeat it on every page). */
function isRepeatedHeader(cells: CellValue[], columns: ColumnMap, roleOf: (v: CellValue) => ColumnRole | null): boolean {
  // an item row has a number in its 分值 or score cells; a header never does
  if (columns.max !== null && typeof cells[columns.max] === "number") return false;
  // "十六 | 否决项 | … | 扣分方法 | 扣分": a section that renames columns, not the header again
  if (columns.id !== null && typeof cells[columns.id] === "string" && isSectionNumber(cells[columns.id] as string)) return false;
  for (const s of columns.scores) if (typeof cells[s.col] === "number") return false;
  let hits = 0;
  for (const c of columns.roleColumns) if (typeof cells[c] === "string" && roleOf(cells[c])) hits++;
  return hits >= 2;
}

/** The merged score cell covering a row, when a score column is merged down there. */
function scoreSpanOf(row: ShownRow, columns: ColumnMap): { top: number; bottom: number } | null {
  for (const s of columns.scores) {
    const m = row.areas[s.col];
    if (m && m.bottom > m.top) return { top: m.top, bottom: m.bottom };
  }
  return null;
}

/** A 合计/小计 row's declared 分值: in the 分值 column, or a number beside its label. */
function totalOf(row: ShownRow, labelAt: number, s: LayoutState): TotalRow {
  const { columns, grid } = s;
  const { r, texts, cols, n } = row;
  const own = columns.max !== null ? parseMaxCell(valueAt(grid, r, columns.max)) : null;
  if (own?.kind === "scored") return { row: r, declared: own.max, declaredCell: toA1(r, columns.max!) };
  for (let k = 0; k < n; k++) {
    if (k === labelAt || cols[k] <= cols[labelAt] || columns.scores.some((x) => x.col === cols[k])) continue;
    const mc = parseMaxCell(texts[k]);
    if (mc.kind === "scored") return { row: r, declared: mc.max, declaredCell: toA1(r, cols[k]) };
  }
  return { row: r, declared: null, declaredCell: null };
}

/** After a 合计: do 附加分 / 扣分 rows follow (then the table goes on), or notes and the end? */
function adjustmentsFollow(r: number, s: LayoutState): boolean {
  const { grid } = s;
  for (let q = r + 1; q < Math.min(grid.cells.length, r + 4); q++) {
    const text = compact(shownRow(grid, grid.merges, q, s.width).slice(s.first, s.last + 1).map(textOf).filter(Boolean)[0] ?? "");
    if (!text) continue;
    return text.length <= 30 && ADJUST_WORDS.test(text) && !NOTE_START.test(text) && !SIGNATURE.test(text);
  }
  return false;
}

/**
 * A section row whose number and name sit in separate cells ("十六 | 否决项", "一 | 工作领导责任制
 * 落实情况 | 14分"), the rest of the row empty, its points in the 分值 column, or header words
 * renaming the columns below it ("扣分方法 | 扣分"). Null when the row is no such section.
 */
function splitSection(row: ShownRow, columns: ColumnMap): { name: string; nameCol: number; points: number | null } | null {
  const { texts, cols, n, firstAt } = row;
  if (n < 2 || !isSectionNumber(texts[firstAt])) return null;
  let name: { text: string; col: number } | null = null;
  let points: number | null = null;
  for (let k = 0; k < n; k++) {
    if (k === firstAt) continue;
    const mc = cols[k] === columns.max ? parseMaxCell(texts[k]) : null;
    if (mc?.kind === "scored" && mc.note === undefined) points = mc.max;
    else if (name === null && cols[k] > cols[firstAt] && !roleOfCell(texts[k]) && !/\d/.test(texts[k])) name = { text: texts[k], col: cols[k] };
    else if (!roleOfCell(texts[k])) return null;
  }
  return name && name.text.length <= 40 ? { name: name.text, nameCol: name.col, points } : null;
}

/** A note stating the score every unit starts from: the first one the table meets counts. */
export function noteBase(table: ScoreTable, text: string, cell: string): void {
  const stated = table.base ? null : sheetBase(text);
  if (stated && stated.points > 0) table.base = { points: stated.points, cell, text: stated.phrase };
}

/** One text alone on a row with no score: a heading, a note, a cap, or a stray cell. */
function loneCell(row: ShownRow, s: LayoutState): boolean {
  return row.n === 1 && !row.scoreFilled && row.cols[row.firstAt] !== s.columns.max;
}

/** A row with nothing in its title, criterion and 分值 cells: no item. */
function noItemText(row: ShownRow, s: LayoutState): boolean {
  const { columns } = s;
  return (
    (columns.title === null || textOf(row.cells[columns.title]) === "") &&
    (columns.method === null || textOf(row.cells[columns.method]) === "") &&
    (columns.max === null || textOf(row.cells[columns.max]) === "")
  );
}

/** A new section starts: categories are no longer carried over it. */
function startSection(s: LayoutState, section: Group, r: number): Step {
  s.section = section;
  s.categories.reset();
  s.table.lastRow = r;
  return "next";
}

/** The kinds of rows under a header, in order of precedence. */
export const ROW_KINDS: ReadonlyArray<RowKind<unknown>> = [
  kind({
    kind: "repeated header",
    test: (row, s) => isRepeatedHeader(row.cells, s.columns, s.roleOf),
    take: (row, s) => {
      s.repeatedAt = row.r;
      return "next";
    },
  }),
  kind({
    // the lower half of a two-row header repeated on a new page
    kind: "repeated lower header",
    test: (row, s) => s.repeatedAt === row.r - 1 && s.lowerHeader !== null && sameTexts(row.cells, s.lowerHeader, s.first, s.last),
    take: () => "next",
  }),
  kind({
    // the table ends at its signatures
    kind: "signature",
    test: (row) => SIGNATURE.test(row.lead),
    take: () => "stop",
  }),
  kind({
    // or at the title of another table below it (a 统计表)
    kind: "next table's title",
    test: (row) => row.blankBefore && row.n === 1 && TABLE_TITLE.test(row.lead) && !HEADING.test(row.lead),
    take: () => "stop",
  }),
  kind({
    kind: "column numbers",
    test: (row) => isNumbering(row.texts, row.n),
    take: () => "next",
  }),
  kind<number>({
    kind: "subtotal",
    test: (row, s) => {
      const at = subtotalAt(row, s.columns);
      return at >= 0 ? at : null;
    },
    take: (row, s, at) => {
      const keys = s.categories.of(row, s.section).keys;
      s.table.subtotals.push({ ...totalOf(row, at, s), group: keys.at(-1) ?? null, label: compact(row.texts[at]) });
      s.table.lastRow = row.r;
      return "next";
    },
  }),
  kind({
    kind: "total",
    test: (row) => TOTAL_WORDS.test(row.lead),
    take: (row, s) => {
      const { table } = s;
      // A 合计 closing the base items, with 附加分 rows after it: it sums what is above it.
      if (table.total) table.subtotals.push({ ...table.total, group: null, label: s.totalLabel });
      table.total = totalOf(row, row.firstAt, s);
      s.totalLabel = row.lead;
      table.lastRow = row.r;
      if (!adjustmentsFollow(row.r, s)) return "stop";
      s.section = null;
      s.categories.reset();
      return "next";
    },
  }),
  kind({
    // "十六 | 否决项", "一 | 工作领导责任制落实情况 | 14分"
    kind: "split section",
    test: (row, s) => splitSection(row, s.columns),
    take: (row, s, split) => {
      const { columns } = s;
      const declared = split.points !== null && columns.max !== null ? { points: split.points, cell: toA1(row.r, columns.max) } : null;
      return startSection(s, s.groups.add(split.name, 0, toA1(row.r, split.nameCol), null, declared), row.r);
    },
  }),
  kind({
    // "一、组织领导 | | 20 | |": a numbered section with its points in the 分值 column
    kind: "numbered section",
    test: (row, s) => {
      const { columns } = s;
      if (row.n !== 2 || row.scoreFilled || columns.max === null || !SECTION_NUMBERED.test(row.lead)) return null;
      const k = 1 - row.firstAt;
      const mc = row.cols[k] === columns.max ? parseMaxCell(row.texts[k]) : null;
      // a weight ("权重20%") is no points, but the row is a section all the same
      return mc?.kind === "scored" || mc?.kind === "unknown" ? mc : null;
    },
    take: (row, s, mc) => {
      const declared = mc.kind === "scored" ? { points: mc.max, cell: toA1(row.r, s.columns.max!) } : null;
      const col = row.cols[row.firstAt];
      return startSection(s, s.groups.add(row.texts[row.firstAt], 0, toA1(row.r, col), null, declared), row.r);
    },
  }),
  kind({
    // an empty item row inside a merged category cell: nothing to read
    kind: "blank in a merged category",
    test: (row, s) => {
      if (!loneCell(row, s)) return false;
      const m = row.areas[row.cols[row.firstAt]];
      return m !== undefined && m.bottom > m.top && m.right === m.left;
    },
    take: () => "next",
  }),
  kind({
    // "以上加分项累计最高5分": a cap on the bonuses of the group above
    kind: "group bonus cap",
    test: (row, s) => {
      if (!loneCell(row, s) || (HEADING.test(row.lead) && !NOTE_START.test(row.lead))) return null;
      const cap = s.parseRules(row.texts[row.firstAt]).rules.find((x) => x.kind === "group_bonus_cap");
      return cap && cap.kind === "group_bonus_cap" ? cap.cap : null;
    },
    take: (row, s, cap) => {
      const { table, rows } = s;
      const keys = rows.length ? rows[rows.length - 1].groups : [];
      const target =
        [...keys].reverse().map((k) => table.groups.get(k)!).find((g) => g.kind === "bonus") ?? (keys.length ? table.groups.get(keys[0]) : undefined);
      target?.bonusCaps.push({ cap, cell: toA1(row.r, row.cols[row.firstAt]), text: row.texts[row.firstAt] });
      table.lastRow = row.r;
      return "next";
    },
  }),
  kind({
    kind: "note",
    test: (row, s) => loneCell(row, s) && NOTE_START.test(row.lead),
    take: (row, s) => {
      noteBase(s.table, row.texts[row.firstAt], toA1(row.r, row.cols[row.firstAt]));
      s.table.lastRow = row.r;
      return "next";
    },
  }),
  kind({
    // one text over the table's width, in a category column or its first: a section
    kind: "spanning section",
    test: (row, s) => {
      const col = row.cols[row.firstAt];
      return loneCell(row, s) && (row.spans[row.firstAt] >= 2 || s.columns.category.includes(col) || col === s.columns.first);
    },
    take: (row, s) => startSection(s, s.groups.add(row.texts[row.firstAt], 0, toA1(row.r, row.cols[row.firstAt]), null), row.r),
  }),
  kind({
    // a lone text beside the items (a 备注 column): part of the table, no item
    kind: "stray cell",
    test: (row, s) => loneCell(row, s) && noItemText(row, s),
    take: (row, s) => {
      s.table.lastRow = row.r;
      return "next";
    },
  }),
  kind({
    kind: "no item text",
    test: noItemText,
    take: () => "next",
  }),
  kind({
    kind: "item",
    test: () => true,
    take: (row, s) => {
      const { columns, grid, rows } = s;
      const { cells, areas, r } = row;
      const { categories, keys } = s.categories.of(row, s.section);
      const tm = columns.title !== null ? areas[columns.title] : undefined;
      const mm = columns.max !== null ? areas[columns.max] : undefined;
      rows.push({
        row: r,
        id: columns.id !== null ? textOf(valueAt(grid, r, columns.id)) || null : null,
        titleText: columns.title !== null ? textOf(cells[columns.title]) : "",
        methodText: columns.method !== null ? textOf(cells[columns.method]) : "",
        titleMerge: tm && tm.bottom > tm.top ? `${tm.top},${tm.left}` : null,
        maxValue: columns.max !== null ? cells[columns.max] : null,
        maxSpan: mm && mm.bottom > mm.top ? { top: mm.top, bottom: mm.bottom } : null,
        scoreSpan: scoreSpanOf(row, columns),
        categories,
        scoreFilled: row.scoreFilled,
        groups: keys,
      });
      s.table.lastRow = r;
      return "next";
    },
  }),
];

/**
 * Walks the rows under the header (`after`: the header's last row): each row is taken by the first
 * kind whose test holds. `trace` hears which kind took each row.
 */
export function walkRows(s: LayoutState, after: number, trace?: (row: number, kind: string) => void): void {
  const reader = new RowReader(s.grid, s.width, s.first, s.last, s.columns.scores, after);
  for (let row = reader.next(); row; row = reader.next()) {
    for (const k of ROW_KINDS) {
      const m = k.test(row, s);
      if (m === null || m === false) continue;
      trace?.(row.r, k.kind);
      if (k.take(row, s, m) === "stop") return;
      break;
    }
  }
}
