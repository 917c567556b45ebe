/**
 * The second step of reading a table: its rows as they are shown. A merged area shows its value in
 * every cell it covers; each row is read into buffers reused from row to row (a long sheet should
 * not allocate per cell), as the distinct texts over the table's columns, a merged area once.
 */
import { compact, textOf, valueAt, type CellValue, type Grid, type Merge } from "../grid";
import type { ScoreColumn } from "./columns";

/** The row's shown values (merged areas repeat their value), for the few rows read out of order. */
export function shownRow(grid: Grid, merges: Merge[], row: number, width: number): CellValue[] {
  const src = grid.cells[row] ?? [];
  const out: CellValue[] = new Array(width);
  for (let c = 0; c < width; c++) out[c] = src[c] ?? null;
  for (const m of merges) {
    if (m.top > row || m.bottom < row) continue;
    for (let c = m.left; c <= m.right && c < width; c++) out[c] = valueAt(grid, m.top, m.left);
  }
  return out;
}

/**
 * The merged areas of each row, met top to bottom: a sweep over the merges sorted by their top
 * row, cheaper on a long sheet than an index of every covered cell.
 */
export class RowMerges {
  private readonly byTop: Merge[];
  private next = 0;
  private active: Merge[] = [];
  constructor(merges: Merge[]) {
    this.byTop = [...merges].sort((a, b) => a.top - b.top);
  }

  /** Fills `areas` with the merge covering each column of `row`; rows must come in increasing order. */
  read(row: number, areas: Array<Merge | undefined>): void {
    while (this.next < this.byTop.length && this.byTop[this.next].top <= row) this.active.push(this.byTop[this.next++]);
    if (this.active.some((m) => m.bottom < row)) this.active = this.active.filter((m) => m.bottom >= row);
    areas.fill(undefined);
    for (const m of this.active) for (let c = m.left; c <= m.right && c < areas.length; c++) areas[c] = m;
  }
}

/**
 * One row of the table as shown, in buffers the reader reuses: valid until the next row is read.
 * `texts[k]` is the k-th distinct text over the table's columns, `cols[k]` its (left) column,
 * `spans[k]` how many columns its merged area covers.
 */
export interface ShownRow {
  /** 0-based row. */
  r: number;
  /** Shown values of every column (merged areas repeat their value). */
  readonly cells: CellValue[];
  /** The merge covering each column, if any. */
  readonly areas: Array<Merge | undefined>;
  readonly texts: string[];
  readonly cols: number[];
  readonly spans: number[];
  /** How many texts the row shows (never 0: blank rows are passed over). */
  n: number;
  /** Which text stands leftmost. */
  firstAt: number;
  /** The leftmost text without white space. */
  lead: string;
  /** Blank rows stand between this row and the content above it. */
  blankBefore: boolean;
  /** Whether any score column of the row is filled in. */
  scoreFilled: boolean;
}

/** Reads the rows under a header top to bottom, passing over blank ones. */
export class RowReader {
  readonly row: ShownRow;
  private r: number;
  private lastContent: number;
  private readonly merges: RowMerges;

  /**
   * `first`/`last`: the table's columns; `scores`: its score columns; rows are read from
   * `after + 1` (the header's last row) to the end of the grid.
   */
  constructor(
    private readonly grid: Grid,
    private readonly width: number,
    private readonly first: number,
    private readonly last: number,
    private readonly scores: ScoreColumn[],
    after: number,
  ) {
    this.r = after;
    this.lastContent = after;
    this.merges = new RowMerges(grid.merges);
    this.row = {
      r: after,
      cells: new Array(width),
      areas: new Array(width),
      texts: [],
      cols: [],
      spans: [],
      n: 0,
      firstAt: -1,
      lead: "",
      blankBefore: false,
      scoreFilled: false,
    };
  }

  /** The next row that shows any text, or null at the end of the grid. */
  next(): ShownRow | null {
    const { grid, width, first, last, row } = this;
    const { cells, areas, texts, cols, spans } = row;
    while (++this.r < grid.cells.length) {
      const r = this.r;
      this.merges.read(r, areas);
      const src = grid.cells[r] ?? [];
      for (let c = 0; c < width; c++) {
        const m = areas[c];
        cells[c] = m ? valueAt(grid, m.top, m.left) : (src[c] ?? null);
      }
      let n = 0;
      let firstAt = -1;
      for (let c = first; c <= last; c++) {
        const v = cells[c];
        if (v === null || v === undefined) continue;
        const t = textOf(v);
        if (!t) continue;
        const m = areas[c];
        if (m && c > Math.max(m.left, first)) continue;
        texts[n] = t;
        cols[n] = m ? m.left : c;
        spans[n] = m ? m.right - m.left + 1 : 1;
        if (firstAt < 0 || cols[n] < cols[firstAt]) firstAt = n;
        n++;
      }
      if (n === 0) continue;
      row.r = r;
      row.n = n;
      row.firstAt = firstAt;
      row.lead = compact(texts[firstAt]);
      row.blankBefore = r > this.lastContent + 1;
      this.lastContent = r;
      row.scoreFilled = false;
      for (const s of this.scores) {
        if (textOf(valueAt(grid, r, s.col)) === "") continue;
        row.scoreFilled = true;
        break;
      }
      return row;
    }
    return null;
  }
}
