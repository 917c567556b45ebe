/**
 * The preview as a host with change events: the clerk's edits in the workbook view go into the
 * PreviewWorkbook and are reported through the port's `subscribe`, as Excel's `onChanged` and
 * WPS's SheetChange report theirs, so the pane recalculates the same way in every host.
 */
import { parseA1, toA1, valueAt, type CellValue, type Grid } from "../core/grid";
import type { WorkbookPort } from "../hosts/port";
import { FormulaValueError, type Expr, type Value } from "../writeback/live/expr";
import { formulaContext, parseFormula } from "../writeback/live/parse";
import type { PreviewWorkbook } from "./workbook";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export interface EditableWorkbook {
  /** The workbook's port with `subscribe`. */
  port: WorkbookPort;
  /**
   * Writes the cell, recalculates the sheet's formulas that can be computed here (写回's and
   * simple ones: see writeback/live/parse.ts) and saves their new results, then tells the
   * listeners. Resolves to the formula results that changed.
   */
  edit(sheet: string, a1: string, value: CellValue): Promise<Recalculated[]>;
  /** The workbook as an .xlsx Blob. */
  save(): Promise<Blob>;
}

/** A formula cell whose result changed with an edit (0-based). */
export interface Recalculated {
  row: number;
  col: number;
  value: CellValue;
}

/**
 * The results of a sheet's formulas on `grid`, where they differ from the results it holds:
 * each formula computed from its text, reading the others' results as computed (a formula that
 * cannot be computed here keeps the result it holds, and so do those reading it through an error).
 */
export function recalculate(grid: Grid, formulas: Map<string, Expr | null>): Recalculated[] {
  const ctx = formulaContext(grid, formulas);
  const out: Recalculated[] = [];
  for (const [key, e] of formulas) {
    if (!e) continue;
    const [row, col] = key.split(",").map(Number);
    let v: Value;
    try {
      v = ctx.cell(row, col);
    } catch (err) {
      if (err instanceof FormulaValueError) continue;
      throw err;
    }
    const held = valueAt(grid, row, col);
    const same = typeof v === "number" && typeof held === "number" ? Math.abs(v - held) < 1e-9 : (v ?? "") === (held ?? "");
    if (!same) out.push({ row, col, value: v });
  }
  return out;
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

/** The grids with formula results changed (the cells stay formulas). */
export function withResults(grids: Grid[], sheet: string, results: Recalculated[]): Grid[] {
  if (!results.length) return grids;
  return grids.map((g) => {
    if (g.name !== sheet) return g;
    const cells = g.cells.slice();
    for (const r of results) {
      while (cells.length <= r.row) cells.push([]);
      const line = cells[r.row] === g.cells[r.row] ? cells[r.row].slice() : cells[r.row];
      while (line.length < r.col) line.push(null);
      line[r.col] = r.value;
      cells[r.row] = line;
    }
    return { ...g, cells };
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
      parsed.clear();
      return await book.port.apply(changes);
    },
    async subscribe(onChange) {
      listeners.add(onChange);
      return () => void listeners.delete(onChange);
    },
  };
  /** Each sheet's formulas parsed once (until a write-back adds or replaces some). */
  const parsed = new Map<string, Map<string, Expr | null>>();
  const formulasOf = (sheet: string) => {
    let f = parsed.get(sheet);
    if (!f) parsed.set(sheet, (f = new Map([...book.formulasOf(sheet)].map(([key, text]) => [key, parseFormula(text)]))));
    return f;
  };
  /** Edits one after another: each recalculates on the results of the one before. */
  let queue: Promise<unknown> = Promise.resolve();
  const edit = async (sheet: string, a1: string, value: CellValue): Promise<Recalculated[]> => {
    const at = parseA1(a1);
    let results: Recalculated[] = [];
    if (at) {
      // what the clerk typed replaces a formula there
      formulasOf(sheet).delete(`${at.row},${at.col}`);
      const current = (grids ?? port.readSheets()).then((g) => withValue(g, sheet, at.row, at.col, value));
      const grid = (await current).find((g) => g.name === sheet);
      results = grid ? recalculate(grid, formulasOf(sheet)) : [];
      // the value and the results it changed go into the workbook in one edit
      book.setCellValue(sheet, a1, value, results.map((r) => ({ a1: toA1(r.row, r.col), value: r.value })));
      grids = current.then((g) => withResults(g, sheet, results));
    } else book.setCellValue(sheet, a1, value);
    for (const l of [...listeners]) l({ sheet, address: a1 });
    return results;
  };
  return {
    port,
    edit(sheet, a1, value) {
      const done = queue.then(() => edit(sheet, a1, value));
      queue = done.catch(() => undefined);
      return done;
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
