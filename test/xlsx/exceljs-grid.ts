/**
 * The reader the CLI used before the package-level one (exceljs): kept in the tests as the
 * reference the new reader must match on every template and sample (same grids, same reports).
 */
import type ExcelJS from "exceljs";
import { parseRange, type CellValue, type Grid, type Merge } from "../../src/core/grid";

type Raw = ExcelJS.CellValue | undefined;

const pad2 = (n: number) => String(n).padStart(2, "0");

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

function mergesOf(ws: ExcelJS.Worksheet): Merge[] {
  const internal = (ws as unknown as { _merges?: Record<string, { model: { top: number; left: number; bottom: number; right: number } }> })._merges;
  if (internal) return Object.values(internal).map(({ model: m }) => ({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 }));
  return (ws.model.merges ?? []).map((r) => parseRange(r)).filter((m): m is Merge => m !== null);
}

export function exceljsGrid(ws: ExcelJS.Worksheet): Grid {
  const rows = ws.getSheetValues() as unknown as Array<Raw[] | undefined>;
  const cells: CellValue[][] = [];
  for (let r = 1; r < rows.length; r++) {
    const src = rows[r];
    const row: CellValue[] = [];
    if (src) for (let c = 1; c < src.length; c++) row[c - 1] = plainValue(src[c]);
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
  return { name: ws.name, cells, merges };
}
