/**
 * Reading a WPS sheet into a grid, defensively: the used range may be inflated by formatting
 * (borders on whole columns make it 1,048,576 rows), so it is trimmed to the last cell holding a
 * value (`End(xlUp)` per column) before any value is read; values are read in row chunks of at
 * most CHUNK_CELLS cells; a Value2 shape that cannot be trusted is read cell by cell; formulas'
 * presence comes from `HasFormula` (true / false / null for a mix, then the block's `Formula`).
 */
import { rangeA1, toA1, type CellValue, type Grid, type Merge } from "../../core/grid";
import { HostError } from "../port";
import { ourNoteBody } from "../safe-text";
import { addressOf, areaOf, attempt, guard, item, prop, toMatrix, XL, type Wx } from "./model";

/** Cells per Value2 read. */
export const CHUNK_CELLS = 50_000;
/** A used range trimmed to its values still larger than this is refused, as in Excel. */
const MAX_SHEET_CELLS = 2_000_000;
/** Cells read one by one at most, where a build gives no usable block shape. */
const MAX_CELLWISE = 200_000;
/** Above this many cells, the used range is trimmed to its last values before reading. */
const TRIM_ABOVE = 100_000;
/** Columns probed with End(xlUp) at most; wider used ranges are probed by rows. */
const MAX_PROBED = 1024;

interface Block {
  top: number;
  left: number;
  rows: number;
  cols: number;
}

const blockA1 = (b: Block) => rangeA1({ top: b.top, left: b.left, bottom: b.top + b.rows - 1, right: b.left + b.cols - 1 });

const isBlank = (v: unknown) => v === null || v === undefined || v === "";

/**
 * The used range without the formatted-only rows and columns beyond the last value: per column,
 * the last value is found with End(xlUp) from the bottom cell (2 calls a column); for a range wider
 * than MAX_PROBED columns, per row with End(xlToLeft).
 */
function trim(ws: Wx, used: Block): Block {
  if (used.rows * used.cols <= TRIM_ABOVE) return used;
  const bottom = used.top + used.rows - 1;
  const right = used.left + used.cols - 1;
  /** Last row (0-based) holding a value in column c, -1 for none. */
  const lastIn = (c: number): number => {
    const cell = ws.Range(toA1(bottom, c));
    if (!isBlank(prop(cell, "Value2"))) return bottom;
    const r = prop(cell.End(XL.up), "Row") - 1;
    // End(xlUp) stops at row 1 whether or not it holds a value.
    if (r <= used.top) return isBlank(prop(ws.Range(toA1(r, c)), "Value2")) ? -1 : r;
    return r;
  };
  let lastRow = -1;
  let lastCol = -1;
  if (used.cols <= MAX_PROBED) {
    for (let c = used.left; c <= right; c++) {
      const r = lastIn(c);
      if (r >= 0) {
        lastRow = Math.max(lastRow, r);
        lastCol = c;
      }
    }
  } else {
    lastRow = bottom;
    const rows = lastRow - used.top + 1;
    if (rows > MAX_PROBED) lastCol = right;
    else
      for (let r = used.top; r <= lastRow; r++) {
        const cell = ws.Range(toA1(r, right));
        const c = isBlank(prop(cell, "Value2")) ? prop(cell.End(XL.toLeft), "Column") - 1 : right;
        lastCol = Math.max(lastCol, c);
      }
  }
  if (lastRow < 0 || lastCol < 0) return { top: used.top, left: used.left, rows: 1, cols: 1 };
  return { top: used.top, left: used.left, rows: lastRow - used.top + 1, cols: lastCol - used.left + 1 };
}

/** A block's values (or formulas), any shape ET gives, cell by cell where the shape is unusable. */
function readBlock(ws: Wx, b: Block, member: "Value2" | "Formula", map?: (v: unknown) => CellValue, sheetCells = b.rows * b.cols): CellValue[][] {
  const raw = prop(ws.Range(blockA1(b)), member);
  const m = toMatrix(raw, b.rows, b.cols, map);
  if (m) return m;
  if (sheetCells > MAX_CELLWISE)
    throw new HostError("host_failed", `WPS 返回的单元格数据格式无法识别(${Object.prototype.toString.call(raw)}),且区域过大无法逐格读取`);
  const cells = prop(ws, "Cells");
  return Array.from({ length: b.rows }, (_, r) =>
    Array.from({ length: b.cols }, (_, c) => {
      const one = toMatrix(prop(cells.Item(b.top + r + 1, b.left + c + 1), member), 1, 1, map);
      if (!one) throw new HostError("host_failed", `WPS 返回的单元格数据格式无法识别(${toA1(b.top + r, b.left + c)})`);
      return one[0][0];
    }),
  );
}

/** Which cells of a block hold formulas. */
function formulasOf(ws: Wx, b: Block, sheetCells: number): boolean[][] | null {
  const has = attempt(() => prop(ws.Range(blockA1(b)), "HasFormula"));
  if (has === false) return [];
  if (has === true) return Array.from({ length: b.rows }, () => Array<boolean>(b.cols).fill(true));
  const texts = attempt(() => readBlock(ws, b, "Formula", (v) => (v === null || v === undefined ? null : String(v)), sheetCells));
  if (!texts) return null; // the host cannot tell: no cell is known to hold a formula
  return texts.map((row) => row.map((t) => typeof t === "string" && t.startsWith("=")));
}

/** Boxes with this many open cells or fewer are probed cell by cell. */
const FEW = 2;

/**
 * Finds the merged areas of a block from its values: only blank cells can be covered by a merge
 * (all but its top-left cell are blank), so `MergeCells` is asked of the bounding box of the blank
 * cells not yet explained: false ends the search there, true reads each area once (`MergeArea`),
 * null (a mix) splits the box, columns first. A sheet without merges costs 2 calls; a 2,000-row
 * sheet with 100 category merges about 330.
 */
export function findMerges(ws: Wx, block: CellValue[][], top: number, left: number): Merge[] {
  const rows = block.length;
  const cols = rows ? block[0].length : 0;
  const open = new Uint8Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) open[r * cols + c] = block[r][c] === null ? 1 : 0;
  const merges: Merge[] = [];
  const close = (m: Merge) => {
    for (let r = Math.max(m.top - top, 0); r <= Math.min(m.bottom - top, rows - 1); r++)
      for (let c = Math.max(m.left - left, 0); c <= Math.min(m.right - left, cols - 1); c++) open[r * cols + c] = 0;
  };
  const bbox = (r0: number, c0: number, r1: number, c1: number): (Merge & { open: number }) | null => {
    let b: (Merge & { open: number }) | null = null;
    for (let r = r0; r <= r1; r++)
      for (let c = c0; c <= c1; c++) {
        if (!open[r * cols + c]) continue;
        if (!b) b = { top: r, left: c, bottom: r, right: c, open: 1 };
        else {
          b.open++;
          b.bottom = r;
          if (c < b.left) b.left = c;
          if (c > b.right) b.right = c;
        }
      }
    return b;
  };
  const sheetArea = (b: Merge) => rangeA1({ top: b.top + top, left: b.left + left, bottom: b.bottom + top, right: b.right + left });
  const readAreas = (b: Merge) => {
    for (let r = b.top; r <= b.bottom; r++)
      for (let c = b.left; c <= b.right; c++) {
        if (!open[r * cols + c]) continue;
        const area = areaOf(prop(ws.Range(toA1(r + top, c + left)), "MergeArea"));
        if (area.bottom > area.top || area.right > area.left) merges.push(area);
        close(area);
        open[r * cols + c] = 0;
      }
  };
  const visit = (r0: number, c0: number, r1: number, c1: number): void => {
    const b = bbox(r0, c0, r1, c1);
    if (!b) return;
    if (b.open <= FEW) return readAreas(b);
    const merged = prop(ws.Range(sheetArea(b)), "MergeCells");
    if (merged === false) return;
    if (merged === true) return readAreas(b);
    if (b.right > b.left) {
      const mid = (b.left + b.right) >> 1;
      visit(b.top, b.left, b.bottom, mid);
      visit(b.top, mid + 1, b.bottom, b.right);
    } else {
      const mid = (b.top + b.bottom) >> 1;
      visit(b.top, b.left, mid, b.right);
      visit(mid + 1, b.left, b.bottom, b.right);
    }
  };
  if (rows && cols) visit(0, 0, rows - 1, cols - 1);
  const seen = new Set<string>();
  return merges
    .filter((m) => {
      const k = rangeA1(m);
      return seen.has(k) ? false : (seen.add(k), true);
    })
    .sort((a, b) => a.top - b.top || a.left - b.left);
}

/** The notes (comments) of a sheet, A1 → text; ours without the author prefix a build may add. */
function notesOf(ws: Wx): Record<string, string> {
  const out: Record<string, string> = {};
  const comments = attempt(() => prop(ws, "Comments"));
  if (!comments) return out;
  const count = Number(attempt(() => prop(comments, "Count")) ?? 0);
  for (let i = 1; i <= count; i++) {
    // A build without Comment.Parent or Text leaves that note unread (the write-back still checks each cell it marks).
    const note = attempt(() => {
      const c = item(comments, i);
      return { text: String(prop(c, "Text") ?? ""), at: addressOf(prop(c, "Parent")) };
    });
    if (note) out[note.at] = ourNoteBody(note.text) ?? note.text;
  }
  return out;
}

export function readSheet(ws: Wx): Grid {
  const name = String(guard("读取工作表名称", () => prop(ws, "Name")));
  return guard(`读取工作表“${name}”`, () => {
    const visible = attempt(() => prop(ws, "Visible"));
    const hidden = visible !== undefined && visible !== XL.sheetVisible && visible !== true;
    const usedRange = prop(ws, "UsedRange");
    const used: Block = {
      top: prop(usedRange, "Row") - 1,
      left: prop(usedRange, "Column") - 1,
      rows: prop(prop(usedRange, "Rows"), "Count"),
      cols: prop(prop(usedRange, "Columns"), "Count"),
    };
    const b = trim(ws, used);
    if (b.rows * b.cols > MAX_SHEET_CELLS) {
      throw new HostError(
        "host_failed",
        `工作表“${name}”的已用区域过大(延伸到 ${toA1(b.top + b.rows - 1, b.left + b.cols - 1)},约 ${Math.round((b.rows * b.cols) / 10000)} 万个单元格)。请删除远处多余的内容后重试。`,
      );
    }
    const block: CellValue[][] = [];
    const formulas: boolean[][] = [];
    let formulasKnown = true;
    const step = Math.max(1, Math.floor(CHUNK_CELLS / b.cols));
    for (let r = 0; r < b.rows; r += step) {
      const part = { ...b, top: b.top + r, rows: Math.min(step, b.rows - r) };
      for (const row of readBlock(ws, part, "Value2", undefined, b.rows * b.cols)) block.push(row);
      const f = formulasKnown ? formulasOf(ws, part, b.rows * b.cols) : null;
      if (!f) formulasKnown = false;
      for (let i = 0; i < part.rows; i++) formulas[r + i] = f?.[i] ?? [];
    }
    const merges = findMerges(ws, block, b.top, b.left);
    const notes = notesOf(ws);
    const empty = block.every((row) => row.every((v) => v === null));
    const pad = <T,>(rows: T[][], fill: T): T[][] => [...Array.from({ length: b.top }, () => [] as T[]), ...rows.map((row) => [...Array<T>(b.left).fill(fill), ...row])];
    const grid: Grid = { name, cells: empty ? [] : pad(block, null), merges, notes, hidden };
    if (!formulasKnown) delete grid.formulas;
    else if (formulas.some((row) => row.some(Boolean))) grid.formulas = pad(formulas.map((row) => Array.from({ length: b.cols }, (_, c) => row[c] === true)), false);
    else grid.formulas = [];
    return grid;
  });
}
