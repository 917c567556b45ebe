/**
 * The exceljs host: an .xlsx workbook in memory (the CLI in Node, the preview in the browser).
 * Reading gives formula results, not formulas; writing touches only the cells a plan names.
 */
import type ExcelJS from "exceljs";
import { parseA1, parseRange, type CellValue, type Grid, type Merge } from "../core/grid";
import { MARK_COLORS, NOTE_PREFIX } from "../footprint";
import { HostError, type WorkbookChanges, type WorkbookPort } from "./port";

type Raw = ExcelJS.CellValue | undefined;

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

/** An exceljs value as the engine sees it: the shown result of formulas, text of rich text. */
export function plainValue(v: Raw): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return `${v.getUTCFullYear()}-${pad2(v.getUTCMonth() + 1)}-${pad2(v.getUTCDate())}`;
  if (typeof v === "object") {
    if ("result" in v) return plainValue((v as { result?: Raw }).result);
    if ("formula" in v || "sharedFormula" in v) return null;
    if ("richText" in v) return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join("");
    if ("text" in v) return plainValue((v as { text: Raw }).text);
    if ("error" in v) return String((v as ExcelJS.CellErrorValue).error);
  }
  return null;
}

const isFormula = (v: Raw) => v !== null && typeof v === "object" && ("formula" in v || "sharedFormula" in v);

function mergesOf(ws: ExcelJS.Worksheet): Merge[] {
  // exceljs keeps merges in `_merges` (master address → Range); `model.merges` rebuilds the whole sheet model.
  const internal = (ws as unknown as { _merges?: Record<string, { model: { top: number; left: number; bottom: number; right: number } }> })._merges;
  if (internal) {
    return Object.values(internal).map(({ model: m }) => ({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 }));
  }
  return (ws.model.merges ?? []).map((r) => parseRange(r)).filter((m): m is Merge => m !== null);
}

/** One worksheet as a grid; cells covered by a merge (other than its top-left) are blank, as in Excel. */
export function gridOf(ws: ExcelJS.Worksheet): Grid {
  const rows = ws.getSheetValues() as unknown as Array<Raw[] | undefined>;
  const cells: CellValue[][] = [];
  const formulas: boolean[][] = [];
  for (let r = 1; r < rows.length; r++) {
    const src = rows[r];
    const row: CellValue[] = [];
    // exceljs drops a formula's falsy result (0, "", FALSE) from `cell.value`; `cell.result` keeps it.
    if (src) for (let c = 1; c < src.length; c++) {
      if (!isFormula(src[c])) row[c - 1] = plainValue(src[c]);
      else [row[c - 1], (formulas[r - 1] ??= [])[c - 1]] = [plainValue({ ...(src[c] as object), result: ws.findCell(r, c)?.result } as Raw), true];
    }
    for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
    cells[r - 1] = row;
  }
  for (let r = 0; r < cells.length; r++) cells[r] ??= [];
  const merges = mergesOf(ws);
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      const row = cells[r];
      if (!row) continue;
      for (let c = m.left; c <= m.right; c++) if ((r !== m.top || c !== m.left) && c < row.length) row[c] = null;
    }
  }
  return { name: ws.name, cells, merges, formulas };
}

/** "#RRGGBB" → the opaque ARGB exceljs stores ("FFRRGGBB"). */
const toArgb = (color: string) => "FF" + color.slice(1).toUpperCase();

const OUR_FILLS = new Set(Object.values(MARK_COLORS).map(toArgb));

/** The text of a cell note as exceljs holds it: a string or rich text. */
export function noteText(note: unknown): string {
  if (typeof note === "string") return note;
  const texts = (note as { texts?: Array<{ text: string }> } | undefined)?.texts;
  return texts ? texts.map((t) => t.text).join("") : "";
}

/**
 * exceljs has no API to delete a note: drop the cell's comment, and rebuild its value so the
 * model read from the file (which still carries the comment) is not written back.
 */
function removeNote(cell: ExcelJS.Cell): void {
  (cell as unknown as { _comment?: unknown })._comment = undefined;
  const v = cell.value;
  if (v === null || typeof v !== "object" || !("formula" in v || "sharedFormula" in v)) cell.value = v;
}

export interface XlsxPortOptions {
  /** Called by selectCell (the preview scrolls its rendering to the cell). */
  onSelect?: (sheet: string, cell: string) => void;
}

/** A WorkbookPort over an exceljs workbook held in memory. */
export function createXlsxPort(workbook: ExcelJS.Workbook, options: XlsxPortOptions = {}): WorkbookPort {
  const sheet = (name: string) => {
    const ws = workbook.getWorksheet(name);
    if (!ws) throw new HostError("sheet_missing", name);
    return ws;
  };
  const cellOf = (ws: ExcelJS.Worksheet, address: string) => {
    const p = parseA1(address);
    if (!p) throw new HostError("bad_address", address);
    return ws.getCell(p.row + 1, p.col + 1);
  };

  return {
    host: "xlsx",
    async readSheets() {
      return workbook.worksheets.map(gridOf);
    },
    async apply(changes: WorkbookChanges) {
      for (const ref of changes.clearMarks) {
        const ws = workbook.getWorksheet(ref.sheet);
        if (!ws || !parseA1(ref.cell)) continue;
        const cell = cellOf(ws, ref.cell);
        if (noteText(cell.note).startsWith(NOTE_PREFIX)) removeNote(cell);
        const fill = cell.style?.fill as ExcelJS.FillPattern | undefined;
        if (fill?.type === "pattern" && OUR_FILLS.has(String(fill.fgColor?.argb ?? "").toUpperCase())) {
          const style = { ...cell.style };
          delete style.fill;
          cell.style = style;
        }
      }
      for (const block of changes.values) {
        const ws = sheet(block.sheet);
        const at = parseA1(block.address);
        if (!at) throw new HostError("bad_address", block.address);
        block.values.forEach((row, i) =>
          row.forEach((v, j) => {
            ws.getCell(at.row + i + 1, at.col + j + 1).value = v === "" ? null : v;
          }),
        );
      }
      for (const m of changes.marks) {
        const cell = cellOf(sheet(m.sheet), m.cell);
        cell.style = {
          ...cell.style,
          fill: { type: "pattern", pattern: "solid", fgColor: { argb: toArgb(m.color) } },
        };
        // A note the user wrote stays as it is (the fill still marks the cell).
        const existing = noteText(cell.note);
        if (!existing || existing.startsWith(NOTE_PREFIX)) cell.note = m.note;
      }
      for (const s of changes.sheets) {
        const old = workbook.getWorksheet(s.name);
        if (old) workbook.removeWorksheet(old.id);
        const ws = workbook.addWorksheet(s.name);
        s.rows.forEach((row, i) => row.forEach((v, j) => v !== null && (ws.getCell(i + 1, j + 1).value = v)));
        s.widths?.forEach((w, i) => (ws.getColumn(i + 1).width = w));
        ws.getRow(1).font = { bold: true };
      }
    },
    async selectCell(name: string, cell: string) {
      const ws = sheet(name);
      if (!parseA1(cell)) throw new HostError("bad_address", cell);
      ws.views = [{ state: "normal", activeCell: cell }];
      workbook.views = [{ ...(workbook.views?.[0] ?? {}), activeTab: workbook.worksheets.indexOf(ws) } as ExcelJS.WorkbookView];
      options.onSelect?.(name, cell);
    },
  };
}
