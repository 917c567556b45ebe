/**
 * The preview's side of exceljs: open a file, what the rendering shows beyond values (the fill
 * and the note of a cell), and the .xlsx to download after 写回.
 */
import ExcelJS from "exceljs";
import { KaoheError } from "../core/errors";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Opens .xlsx bytes; says in Chinese what is wrong when they are not a workbook exceljs can read. */
export async function openWorkbook(bytes: ArrayBuffer, name: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes);
  } catch {
    const hint = /\.(xls|et|wps)$/i.test(name) ? "请先在 Excel 或 WPS 中“另存为”.xlsx 格式" : "请确认它是 Excel 工作簿(.xlsx)";
    throw new KaoheError(`无法打开“${name}”:不是可读取的 .xlsx 文件,${hint}。`);
  }
  return workbook;
}

/** What a cell shows besides its value. */
export interface CellLook {
  /** "#RRGGBB". */
  fill?: string;
  note?: string;
}

function noteText(note: unknown): string {
  if (typeof note === "string") return note;
  const texts = (note as { texts?: Array<{ text: string }> } | undefined)?.texts;
  return texts ? texts.map((t) => t.text).join("") : "";
}

/** The fills and notes of one sheet, by "row,col" (0-based). */
export function looksOf(workbook: ExcelJS.Workbook, sheet: string): Map<string, CellLook> {
  const out = new Map<string, CellLook>();
  const ws = workbook.getWorksheet(sheet);
  ws?.eachRow({ includeEmpty: false }, (row, r) =>
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const look: CellLook = {};
      const fill = cell.fill as ExcelJS.FillPattern | undefined;
      const argb = fill?.type === "pattern" && fill.pattern !== "none" ? fill.fgColor?.argb : undefined;
      if (argb && /^[0-9A-F]{8}$/i.test(argb)) look.fill = `#${argb.slice(2).toUpperCase()}`;
      const note = noteText(cell.note);
      if (note) look.note = note;
      if (look.fill || look.note) out.set(`${r - 1},${c - 1}`, look);
    }),
  );
  return out;
}

/** "评分表.xlsx" → "评分表-核算.xlsx". */
export function resultFileName(name: string): string {
  return `${name.replace(/\.xlsx$/i, "")}-核算.xlsx`;
}

/** The workbook as an .xlsx blob URL for a download link (the caller revokes it). */
export async function downloadUrl(workbook: ExcelJS.Workbook): Promise<string> {
  const bytes = await workbook.xlsx.writeBuffer();
  return URL.createObjectURL(new Blob([bytes], { type: XLSX_TYPE }));
}
