/**
 * A reference host over a WorkbookSpec: it keeps every obligation port.ts puts on hosts (text stays
 * text, a user's note is never replaced, a fill is restored only where our colour shows, a sheet
 * is replaced only when it is ours) and nothing more, so plan-level tests can run write-back twice
 * and compare workbooks cell by cell. Real hosts are held to the same corpus elsewhere.
 */
import { parseA1, toA1, type CellValue } from "../../src/core/grid";
import { MARK_COLORS, NOTE_PREFIX, SHEET_MARKER } from "../../src/footprint";
import { HostError, type CellRef, type WorkbookChanges, type WorkbookPort } from "../../src/hosts/port";
import { gridOfSheet, isFormula, type SheetSpec, type SpecCell, type WorkbookSpec } from "./spec";

const OURS = new Set<string>(Object.values(MARK_COLORS));

/** The cells a host was asked to change, by kind, as "sheet!A1". */
export interface Touched {
  values: Set<string>;
  marks: Set<string>;
  cleared: Set<string>;
  sheets: Set<string>;
}

export interface SpecPort extends WorkbookPort {
  readonly spec: WorkbookSpec;
  /** What the last apply was asked to touch. */
  touched: Touched;
}

function sheetOf(spec: WorkbookSpec, name: string): SheetSpec {
  const s = spec.sheets.find((x) => x.name === name);
  if (!s) throw new HostError("sheet_missing", name);
  return s;
}

function put(s: SheetSpec, a1: string, v: SpecCell): void {
  const p = parseA1(a1);
  if (!p) throw new HostError("bad_address", a1);
  while (s.rows.length <= p.row) s.rows.push([]);
  const row = s.rows[p.row];
  while (row.length <= p.col) row.push(null);
  row[p.col] = v;
}

/** The cell at A1 ("null" beyond the rows). */
export function cellAt(s: SheetSpec, a1: string): SpecCell {
  const p = parseA1(a1)!;
  return s.rows[p.row]?.[p.col] ?? null;
}

/** A port over `spec` (mutated in place by apply). */
export function specPort(spec: WorkbookSpec, options: { fills?: boolean } = {}): SpecPort {
  const port: SpecPort = {
    host: "xlsx",
    spec,
    touched: { values: new Set(), marks: new Set(), cleared: new Set(), sheets: new Set() },
    async readSheets() {
      return spec.sheets.map(gridOfSheet);
    },
    async apply(changes: WorkbookChanges) {
      const t: Touched = { values: new Set(), marks: new Set(), cleared: new Set(), sheets: new Set() };
      port.touched = t;
      for (const c of changes.clearMarks) {
        const s = spec.sheets.find((x) => x.name === c.sheet);
        if (!s) continue;
        t.cleared.add(`${c.sheet}!${c.cell}`);
        if (s.notes?.[c.cell]?.startsWith(NOTE_PREFIX)) delete s.notes[c.cell];
        const fill = s.fills?.[c.cell];
        if (fill && OURS.has(fill)) {
          if (c.restoreFill) s.fills![c.cell] = c.restoreFill;
          else delete s.fills![c.cell];
        }
      }
      for (const w of changes.values) {
        const s = sheetOf(spec, w.sheet);
        const at = parseA1(w.address)!;
        w.values.forEach((row, i) =>
          row.forEach((v, j) => {
            const a1 = toA1(at.row + i, at.col + j);
            t.values.add(`${w.sheet}!${a1}`);
            const f = w.formulas?.[i]?.[j];
            put(s, a1, f ? { f, v } : v === "" ? null : (v as CellValue));
          }),
        );
      }
      for (const m of changes.marks) {
        const s = sheetOf(spec, m.sheet);
        t.marks.add(`${m.sheet}!${m.cell}`);
        (s.fills ??= {})[m.cell] = m.color;
        const existing = s.notes?.[m.cell];
        if (existing === undefined || existing.startsWith(NOTE_PREFIX)) (s.notes ??= {})[m.cell] = m.note;
      }
      for (const w of changes.sheets) {
        const old = spec.sheets.find((x) => x.name === w.name);
        const a1 = old?.rows[0]?.[0];
        if (old && !(typeof a1 === "string" && a1.startsWith(SHEET_MARKER))) throw new HostError("host_failed", `工作表“${w.name}”不是本助手生成的`);
        const fresh: SheetSpec = { name: w.name, rows: w.rows.map((r) => [...r]) };
        t.sheets.add(w.name);
        if (old) spec.sheets[spec.sheets.indexOf(old)] = fresh;
        else spec.sheets.push(fresh);
      }
    },
    async selectCell() {},
  };
  if (options.fills !== false) {
    port.readFills = async (cells: CellRef[]) => cells.map((c) => spec.sheets.find((s) => s.name === c.sheet)?.fills?.[c.cell] ?? null);
  }
  return port;
}

/** "sheet!A1" of every cell whose value, formula or note differs between two specs (sheets of `a`). */
export function changedCells(a: WorkbookSpec, b: WorkbookSpec): string[] {
  const out: string[] = [];
  for (const sa of a.sheets) {
    const sb = b.sheets.find((x) => x.name === sa.name);
    if (!sb) {
      out.push(`${sa.name}!*`);
      continue;
    }
    const rows = Math.max(sa.rows.length, sb.rows.length);
    for (let r = 0; r < rows; r++) {
      const cols = Math.max(sa.rows[r]?.length ?? 0, sb.rows[r]?.length ?? 0);
      for (let c = 0; c < cols; c++) {
        const x = sa.rows[r]?.[c] ?? null;
        const y = sb.rows[r]?.[c] ?? null;
        if (JSON.stringify(x) !== JSON.stringify(y)) out.push(`${sa.name}!${toA1(r, c)}`);
      }
    }
    const notes = new Set([...Object.keys(sa.notes ?? {}), ...Object.keys(sb.notes ?? {})]);
    for (const n of notes) if (sa.notes?.[n] !== sb.notes?.[n]) out.push(`${sa.name}!${n}(批注)`);
    if (JSON.stringify(sa.merges ?? []) !== JSON.stringify(sb.merges ?? [])) out.push(`${sa.name}!合并`);
  }
  return out;
}

export { isFormula };
