/**
 * The host-neutral sheet every host feeds the engine: cell values (formula results, not
 * formulas), which cells hold formulas, merged ranges and the notes on cells. Rows and columns
 * are 0-based here; A1 addresses are 1-based.
 */
export type CellValue = string | number | boolean | null;

/** A merged area, 0-based and inclusive on every side. */
export interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  /** The sheet's name as the host shows it. */
  name: string;
  /** Row-major values starting at A1; rows may have different lengths. */
  cells: CellValue[][];
  merges: Merge[];
  /**
   * Which cells hold a formula (row-major, sparse like `cells`): `formulas[r]?.[c] === true`.
   * The formula's result is in `cells` (0 is 0, "" is an empty text result). Absent when the host
   * could not tell (then no cell is known to hold a formula).
   */
  formulas?: boolean[][];
  /** Notes (comments) on cells, A1 → text, as the host reads them (ours start with NOTE_PREFIX). */
  notes?: Record<string, string>;
  /** Whether the sheet is hidden in the workbook (the mapping sheet is). */
  hidden?: boolean;
}

/** Whether (row, col) holds a formula. */
export function hasFormula(grid: Grid, row: number, col: number): boolean {
  return grid.formulas?.[row]?.[col] === true;
}

/** Column index (0-based) → letters: 0 → "A", 27 → "AB". */
export function columnLetters(col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based row and column → "F11". */
export function toA1(row: number, col: number): string {
  return columnLetters(col) + String(row + 1);
}

/** "F11" or "$F$11" → { row: 10, col: 5 }; null when it is not an A1 cell address. */
export function parseA1(address: string): { row: number; col: number } | null {
  // Scanned by hand, not by a regular expression: a write-back parses one address per entry cell.
  let i = 0;
  let end = address.length;
  while (i < end && isSpace(address.charCodeAt(i))) i++;
  while (end > i && isSpace(address.charCodeAt(end - 1))) end--;
  if (address.charCodeAt(i) === 36) i++;
  let col = 0;
  const l0 = i;
  for (; i < end && i - l0 < 4; i++) {
    const k = address.charCodeAt(i) & ~32; // a → A
    if (k < 65 || k > 90) break;
    col = col * 26 + (k - 64);
  }
  if (i === l0 || i - l0 > 3) return null;
  if (address.charCodeAt(i) === 36) i++;
  if (i >= end) return null;
  let row = 0;
  for (; i < end; i++) {
    const k = address.charCodeAt(i);
    if (k < 48 || k > 57) return null;
    row = row * 10 + (k - 48);
  }
  if (row < 1) return null;
  return { row: row - 1, col: col - 1 };
}

const isSpace = (k: number) => k === 32 || k === 9 || k === 10 || k === 13 || k === 0xa0 || k === 0x3000 || k === 0xfeff || (k >= 0x2000 && k <= 0x200a) || k === 0x2028 || k === 0x2029 || k === 0x202f || k === 0x205f || k === 11 || k === 12 || k === 0x1680;

/** "A1:C3" → a 0-based Merge; a single cell gives a 1×1 area; null when unreadable. */
export function parseRange(range: string): Merge | null {
  const bang = range.lastIndexOf("!");
  const from = bang + 1;
  const colon = range.indexOf(":", from);
  const p = parseA1(colon < 0 ? (from ? range.slice(from) : range) : range.slice(from, colon));
  const next = colon < 0 ? -1 : range.indexOf(":", colon + 1);
  const q = colon < 0 ? p : parseA1(range.slice(colon + 1, next < 0 ? range.length : next));
  if (!p || !q) return null;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

/** A 0-based area → "A1:C3" ("A1" for one cell). */
export function rangeA1(m: Merge): string {
  const a = toA1(m.top, m.left);
  const b = toA1(m.bottom, m.right);
  return a === b ? a : `${a}:${b}`;
}

/** The value at (row, col); null outside the grid. */
export function valueAt(grid: Grid, row: number, col: number): CellValue {
  return grid.cells[row]?.[col] ?? null;
}

/** The widest row's length. */
export function columnCount(grid: Grid): number {
  let n = 0;
  for (const r of grid.cells) if (r.length > n) n = r.length;
  return n;
}

/** The text of a value as a user would read it, trimmed; "" for blank. */
export function textOf(v: CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return typeof v === "string" ? v.trim() : String(v).trim();
}

/** Text with every kind of white space removed ("组 织 领 导" → "组织领导"). */
export function compact(s: string): string {
  return s.replace(/\s+/g, ""); // \s takes in the ideographic space and the no-break space
}

/**
 * An index from each covered cell to its merge, for "what merged area is this cell in".
 * Built once per grid; lookups are O(1).
 */
export class MergeIndex {
  private readonly byCell = new Map<number, Merge>();
  constructor(private readonly grid: Grid) {
    const width = Math.max(columnCount(grid), ...grid.merges.map((m) => m.right + 1), 1);
    this.width = width;
    for (const m of grid.merges) {
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) this.byCell.set(r * width + c, m);
      }
    }
  }
  private readonly width: number;

  /** The merge containing (row, col), if any. */
  mergeAt(row: number, col: number): Merge | undefined {
    if (col >= this.width) return undefined;
    return this.byCell.get(row * this.width + col);
  }

  /** The value shown at (row, col): a merged area shows its top-left value in every cell. */
  shownValue(row: number, col: number): CellValue {
    const m = this.mergeAt(row, col);
    return m ? valueAt(this.grid, m.top, m.left) : valueAt(this.grid, row, col);
  }
}
