/**
 * The preview as a host with change events: the clerk's edits in the workbook view go into the
 * PreviewWorkbook and are reported through the port's `subscribe`, as Excel's `onChanged` and
 * WPS's SheetChange report theirs, so the pane recalculates the same way in every host.
 */
import { parseA1, type CellValue, type Grid } from "../core/grid";
import type { WorkbookPort } from "../hosts/port";
import type { PreviewWorkbook } from "./workbook";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export interface EditableWorkbook {
  /** The workbook's port with `subscribe`. */
  port: WorkbookPort;
  /** Writes the cell and tells the listeners. */
  edit(sheet: string, a1: string, value: CellValue): void;
  /** The workbook as an .xlsx Blob. */
  save(): Promise<Blob>;
}

/** The grids with one cell changed (new arrays for what changed; grids are never mutated). */
export function withValue(grids: Grid[], sheet: string, row: number, col: number, value: CellValue): Grid[] {
  return grids.map((g) => {
    if (g.name !== sheet) return g;
    const cells = g.cells.slice();
    while (cells.length <= row) cells.push([]);
    const line = cells[row].slice();
    while (line.length < col) line.push(null);
    line[col] = value;
    cells[row] = line;
    const formulas = g.formulas?.[row]?.[col] ? g.formulas.map((r, i) => (i === row ? r.map((f, j) => (j === col ? false : f)) : r)) : g.formulas;
    return { ...g, cells, formulas };
  });
}

/**
 * The preview's port: the workbook's own, with change events, and reads served from memory
 * between changes (a read of 20,000 rows costs more than the check itself; an edit patches the
 * grids it holds, a write-back drops them).
 */
export function editable(book: PreviewWorkbook): EditableWorkbook {
  const listeners = new Set<(change: { sheet: string; address: string }) => void>();
  let grids: Promise<Grid[]> | null = null;
  const port: WorkbookPort = {
    ...book.port,
    readSheets() {
      grids ??= book.port.readSheets();
      grids.catch(() => (grids = null));
      return grids;
    },
    async apply(changes) {
      grids = null;
      return await book.port.apply(changes);
    },
    async subscribe(onChange) {
      listeners.add(onChange);
      return () => void listeners.delete(onChange);
    },
  };
  return {
    port,
    edit(sheet, a1, value) {
      book.setCellValue(sheet, a1, value);
      const at = parseA1(a1);
      if (grids && at) grids = grids.then((g) => withValue(g, sheet, at.row, at.col, value));
      for (const l of [...listeners]) l({ sheet, address: a1 });
    },
    async save() {
      return new Blob([(await book.save()) as BlobPart], { type: XLSX_TYPE });
    },
  };
}

/** What the clerk typed, as a cell value: a number when it reads as one, "" → empty. */
export function typedValue(text: string): CellValue {
  const t = text.trim();
  if (t === "") return null;
  // Full-width digits typed with a Chinese input method count as digits.
  const half = t.replace(/[０-９．－＋]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
  return /^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(half) ? Number(half) : text;
}
