/**
 * Workbook specs: workbooks as offices keep them, written as plain data so that every host can
 * be fed the same ones (this file turns them into engine grids; a host test can turn them into
 * raw OOXML, a fake Office workbook or a fake WPS one).
 *
 * The format, kept deliberately small:
 * - a workbook is `{ name, guards, sheets }`; `name` says what it guards (kebab-case, used as the
 *   file name when written out), `guards` says it in a sentence;
 * - a sheet is `{ name, rows, merges?, notes?, fills? }`;
 * - `rows` are row-major from A1; a cell is `null` (nothing), a value (number, string, boolean)
 *   or a formula `{ f: "=IF(E3>C3,\"超分\",\"\")", v: "" }` with its cached result `v`
 *   (what Excel shows; "" / 0 / false are results like any other). A string is always TEXT, even
 *   when it starts with "=": only `{ f }` is a formula;
 * - `merges` are A1 ranges ("A12:H12"); the value of a merged area is its top-left cell's, the
 *   other cells of the area are written as null in `rows`;
 * - `notes` map an A1 address to the text of a note (comment) the user wrote;
 * - `fills` map an A1 address to the solid fill colour "#RRGGBB" the user gave the cell.
 */
import { parseRange, toA1, type CellValue, type Grid, type Merge } from "../../src/core/grid";

export interface Formula {
  /** The formula as typed, with its leading "=". */
  f: string;
  /** Its cached result. */
  v: CellValue;
}

export type SpecCell = CellValue | Formula;

export interface SheetSpec {
  name: string;
  rows: SpecCell[][];
  merges?: string[];
  notes?: Record<string, string>;
  fills?: Record<string, string>;
}

export interface WorkbookSpec {
  name: string;
  guards: string;
  sheets: SheetSpec[];
}

export const isFormula = (c: SpecCell | undefined): c is Formula => c !== null && typeof c === "object";

/** One sheet of a spec as the engine's grid: values (formula results), formulas, merges, notes. */
export function gridOfSheet(s: SheetSpec): Grid {
  const cells: CellValue[][] = [];
  const formulas: boolean[][] = [];
  s.rows.forEach((row, r) => {
    cells[r] = row.map((c) => (isFormula(c) ? c.v : (c ?? null)));
    row.forEach((c, col) => {
      if (isFormula(c)) (formulas[r] ??= [])[col] = true;
    });
  });
  const merges = (s.merges ?? []).map((m) => parseRange(m)).filter((m): m is Merge => m !== null);
  return { name: s.name, cells, merges, formulas, notes: { ...(s.notes ?? {}) } };
}

/** The grids of a workbook spec, in sheet order. */
export function gridsOf(spec: WorkbookSpec): Grid[] {
  return spec.sheets.map(gridOfSheet);
}

/** Every cell of a sheet that holds anything (value, formula, note, or lies in a merged area), as A1. */
export function occupiedCells(s: SheetSpec): Set<string> {
  const out = new Set<string>();
  s.rows.forEach((row, r) =>
    row.forEach((c, col) => {
      if (isFormula(c) || (c !== null && c !== undefined && c !== "")) out.add(toA1(r, col));
    }),
  );
  for (const a1 of Object.keys(s.notes ?? {})) out.add(a1);
  for (const m of (s.merges ?? []).map((x) => parseRange(x)!)) {
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) out.add(toA1(r, c));
  }
  return out;
}

/** A deep copy (specs are mutated by the spec host). */
export function cloneSpec(spec: WorkbookSpec): WorkbookSpec {
  return JSON.parse(JSON.stringify(spec)) as WorkbookSpec;
}
