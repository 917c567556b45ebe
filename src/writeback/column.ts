/**
 * Where the 核算得分 column goes beside a score table, decided from what is IN the cells (values,
 * formulas, merged ranges, notes), never from values alone:
 * - the column an earlier run made, when it is provably ours (the 核算结果 record names it, or an
 *   older version's record exists and the column holds only what we write), and every cell to
 *   write there is still ours or free;
 * - else the first column right of the table that is free on every row written (searching
 *   SEARCH_COLUMNS columns);
 * - else none: the scores go to the 核算结果 sheet only.
 * Without a 合计 row the final goes below the table only into a free cell (a merged signature line
 * is not free), else it is shown in 核算结果 only.
 */
import { compact, textOf, type CellValue, type Grid, type Merge } from "../core/grid";
import { RESULT_HEADER } from "../footprint";
import type { ScoreSheetReport } from "../core/report";
import { Occupancy } from "./free";

/** How far right of the table a free column is looked for. */
export const SEARCH_COLUMNS = 10;

/** Texts the add-in writes in its column (besides numbers). */
const OUR_TEXTS = new Set([RESULT_HEADER, "不适用", "已触发", "未触发"]);
export const FINAL_LABEL = "最终得分";

function isOurText(v: CellValue): boolean {
  if (typeof v === "number") return true;
  if (typeof v !== "string") return false;
  const t = v.trim();
  return OUR_TEXTS.has(t) || t.startsWith(`${FINAL_LABEL} `);
}

export type ColumnSkip =
  /** No column within SEARCH_COLUMNS right of the table is free on every row. */
  | "no_free_column"
  /** Our column of an earlier run now holds something of the user's in a row we would write. */
  | "own_column_blocked";

export type FinalSkip =
  /** The cell below the table is not free (a merged signature line, a note, a formula, a value). */
  "below_not_free";

export interface ColumnChoice {
  /** The column written (0-based), null when none. */
  col: number | null;
  /** Whether it is a column an earlier run made. */
  own: boolean;
  skip?: ColumnSkip;
  /** Without a 合计 row: the row (0-based) the labelled final goes to, null when not written. */
  finalRow: number | null;
  finalSkip?: FinalSkip;
}

/** Evidence that cells hold our earlier writes: the record's range, or an older version's sheet. */
export interface Evidence {
  /** The range the 核算结果 record says we wrote on this sheet (new record), if any. */
  recorded?: Merge;
  /** An older version's 核算结果 sheet exists (it reused any column headed 核算得分). */
  legacy: boolean;
}

/**
 * The rows the column covers: the header to the last row that has something to write (an item,
 * a 小计, the 合计); rows the layout counts into the table after those (a 注 paragraph) are not
 * covered. The final of a table without 合计 comes apart, on the row below.
 */
export function columnRows(s: ScoreSheetReport): { first: number; last: number } {
  const rows = [...s.items.map((i) => i.row - 1), ...s.subtotals.map((t) => t.row - 1)];
  if (s.placement.totalRow !== null) rows.push(s.placement.totalRow);
  const last = rows.length ? Math.max(...rows) : s.placement.lastRow;
  return { first: s.placement.headerRow, last: Math.max(last, s.placement.headerRow) };
}

/**
 * Whether the plan may write `want` at (row, col): the cell is free, or it is provably ours and
 * writing there destroys nothing of the user's.
 */
function writable(occ: Occupancy, row: number, col: number, want: CellValue, ev: Evidence | null): boolean {
  const what = occ.occupant(row, col);
  if (what === null) return true;
  if (!ev || what === "merge" || what === "note") return false;
  const v = occ.grid.cells[row]?.[col] ?? null;
  const inRecord = ev.recorded && row >= ev.recorded.top && row <= ev.recorded.bottom && col === ev.recorded.left;
  if (inRecord) return what === "formula" || isOurText(v);
  if (what === "formula") return false;
  if (ev.legacy) return isOurText(v);
  // No record at all: a column headed 核算得分 may be the user's; writing is harmless only where
  // the cell already holds exactly what we would write.
  return v === want || (typeof v === "string" && v.trim() === want);
}

/**
 * Chooses the column. `wanted(row)` is the value the plan writes on that row ("" for nothing);
 * `final` is the labelled final for a table without 合计 (ignored otherwise).
 */
export function chooseColumn(
  grid: Grid,
  s: ScoreSheetReport,
  wanted: (row: number) => CellValue,
  final: CellValue,
  evidence: Evidence,
): ColumnChoice {
  const occ = new Occupancy(grid);
  const p = s.placement;
  const { first, last } = columnRows(s);
  const fits = (col: number, ev: Evidence | null) => {
    for (let r = first; r <= last; r++) if (!writable(occ, r, col, wanted(r), ev)) return false;
    return true;
  };
  const finalAt = (col: number, ev: Evidence | null): Pick<ColumnChoice, "finalRow" | "finalSkip"> => {
    if (p.totalRow !== null) return { finalRow: null };
    return writable(occ, last + 1, col, final, ev) ? { finalRow: last + 1 } : { finalRow: null, finalSkip: "below_not_free" };
  };

  // A column an earlier run made: headed 核算得分 on the header row, right of the table's first column.
  const header = grid.cells[p.headerRow] ?? [];
  const headed: number[] = [];
  for (let c = p.firstColumn + 1; c < header.length; c++) {
    if (c !== p.scoreColumn && compact(textOf(header[c])) === RESULT_HEADER) headed.push(c);
  }
  // The record names our column; rows or columns the user inserted since may have moved it: the
  // record is taken relative to the header, and a lone 核算得分 column is the one it names.
  const rec = evidence.recorded;
  const recordedCol = !rec ? null : headed.includes(rec.left) ? rec.left : headed.length === 1 ? headed[0] : null;
  for (const c of headed) {
    const ev: Evidence =
      recordedCol === c && rec
        ? { recorded: { top: p.headerRow, bottom: p.headerRow + rec.bottom - rec.top, left: c, right: c }, legacy: false }
        : { legacy: evidence.legacy };
    if (fits(c, ev)) return { col: c, own: true, ...finalAt(c, ev) };
    // The record says this column is ours, yet the user has since put something in it: leave it.
    if (recordedCol === c) return { col: null, own: true, skip: "own_column_blocked", finalRow: null };
  }
  for (let c = p.lastColumn + 1; c <= p.lastColumn + SEARCH_COLUMNS; c++) {
    if (fits(c, null)) return { col: c, own: false, ...finalAt(c, null) };
  }
  return { col: null, own: false, skip: "no_free_column", finalRow: null };
}
