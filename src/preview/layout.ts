/**
 * The geometry of the virtualised workbook view, pure and DOM-free: column widths and row heights
 * estimated from the text, their running sums, and which rows and columns a viewport shows.
 */
import { columnCount, MergeIndex, textOf, type Grid } from "../core/grid";

export const HEADER_HEIGHT = 24;
const LINE = 16;
const PAD = 7;
const MIN_COL = 44;
const MAX_COL = 240;
/** A row grows to at most this many lines; the rest of a long text is in the formula bar. */
const MAX_LINES = 3;
/** Columns are sized from at most this many rows, spread over the sheet. */
const SAMPLE_ROWS = 400;

/** Width in px of a text at 12px: CJK and full-width glyphs ~12px, others ~7px; counted up to `limit` px. */
export function textWidth(text: string, limit = Infinity): number {
  let w = 0;
  for (let i = 0; i < text.length && w < limit; i++) w += text.charCodeAt(i) > 0x2e7f ? 12 : 7;
  return w;
}

export interface SheetLayout {
  rows: number;
  cols: number;
  merges: MergeIndex;
  /** rowTop[r] = y of row r's top (body coordinates); rowTop[rows] = body height. */
  rowTop: Float64Array;
  /** colLeft[c] = x of column c's left (body coordinates); colLeft[cols] = body width. */
  colLeft: Float64Array;
  /** Width of the row numbers' column: room for the last row's digits. */
  rowHeader: number;
}

export function layoutOf(grid: Grid): SheetLayout {
  const merges = new MergeIndex(grid);
  let rows = grid.cells.length;
  let cols = Math.max(columnCount(grid), 1);
  for (const m of grid.merges) {
    rows = Math.max(rows, m.bottom + 1);
    cols = Math.max(cols, m.right + 1);
  }
  rows = Math.max(rows, 1);

  const widths = new Float64Array(cols).fill(MIN_COL);
  const step = Math.max(1, Math.floor(rows / SAMPLE_ROWS));
  for (let r = 0; r < rows; r += step) {
    const row = grid.cells[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v === null || v === undefined || v === "" || merges.mergeAt(r, c)) continue;
      widths[c] = Math.max(widths[c], Math.min(MAX_COL, textWidth(textOf(v), MAX_COL) + 2 * PAD));
    }
  }
  const colLeft = new Float64Array(cols + 1);
  for (let c = 0; c < cols; c++) colLeft[c + 1] = colLeft[c] + widths[c];

  const rowTop = new Float64Array(rows + 1);
  for (let r = 0; r < rows; r++) {
    let lines = 1;
    const row = grid.cells[r];
    if (row) {
      for (let c = 0; c < row.length && lines < MAX_LINES; c++) {
        const v = row[c];
        if (typeof v !== "string" || v.length < 4) continue;
        const m = merges.mergeAt(r, c);
        const inner = (m ? colLeft[m.right + 1] - colLeft[m.left] : widths[c]) - 2 * PAD;
        const n = Math.ceil(textWidth(v, inner * MAX_LINES) / Math.max(inner, 1));
        if (n > lines) lines = Math.min(n, MAX_LINES);
      }
    }
    rowTop[r + 1] = rowTop[r] + lines * LINE + PAD;
  }
  return { rows, cols, merges, rowTop, colLeft, rowHeader: Math.max(40, String(rows).length * 7 + 2 * PAD + 2) };
}

/** The first index i with starts[i + 1] > at (binary search over running sums). */
function indexAt(starts: Float64Array, count: number, at: number): number {
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid + 1] > at) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export interface Window {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
}

/** The rows and columns (inclusive) a viewport at (left, top) of (width × height) body pixels shows, with some overscan. */
export function windowOf(l: SheetLayout, view: { top: number; left: number; width: number; height: number }): Window {
  const r0 = Math.max(0, indexAt(l.rowTop, l.rows, view.top) - 3);
  const r1 = Math.min(l.rows - 1, indexAt(l.rowTop, l.rows, view.top + view.height) + 3);
  const c0 = Math.max(0, indexAt(l.colLeft, l.cols, view.left) - 1);
  const c1 = Math.min(l.cols - 1, indexAt(l.colLeft, l.cols, view.left + view.width) + 1);
  return { r0, r1, c0, c1 };
}
