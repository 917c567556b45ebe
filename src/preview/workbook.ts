/**
 * The preview's workbook in memory, behind one small interface (PreviewWorkbook) so that the
 * library underneath is this file's business only: today exceljs; the package-level .xlsx
 * reader/writer replaces it here without the rest of the preview noticing.
 */
import ExcelJS from "exceljs";
import { KaoheError } from "../core/errors";
import { parseA1, type CellValue } from "../core/grid";
import { createXlsxPort, noteText } from "../hosts/xlsx";
import { HostError, type WorkbookPort } from "../hosts/port";
import { OLD_FORMAT_NAME, fileKind } from "../core/filekind";

/** A workbook opened in the browser: the port the pane uses, what the view shows, edits and saving. */
export interface PreviewWorkbook {
  /** Reads and writes the workbook (no change events: the preview adds them, see document.ts). */
  readonly port: WorkbookPort;
  /** The fills and notes of one sheet, by "row,col" (0-based). */
  looks(sheet: string): CellLooks;
  /** Sets one cell to a value the clerk typed (null empties it). */
  setCellValue(sheet: string, a1: string, value: CellValue): void;
  /** The workbook as .xlsx bytes, with everything written and typed so far. */
  save(): Promise<Uint8Array>;
}

/** Opens .xlsx bytes as a PreviewWorkbook; `onSelect` is called when the pane selects a cell. */
export async function openPreviewWorkbook(bytes: ArrayBuffer, name: string, options: { onSelect?(sheet: string, cell: string): void } = {}): Promise<PreviewWorkbook> {
  const workbook = await openWorkbook(bytes, name);
  return {
    port: createXlsxPort(workbook, { onSelect: options.onSelect }),
    looks: (sheet) => looksOf(workbook, sheet),
    setCellValue(sheet, a1, value) {
      const ws = workbook.getWorksheet(sheet);
      if (!ws) throw new HostError("sheet_missing", sheet);
      const at = parseA1(a1);
      if (!at) throw new HostError("bad_address", a1);
      ws.getCell(at.row + 1, at.col + 1).value = value;
    },
    async save() {
      return new Uint8Array(await workbook.xlsx.writeBuffer());
    },
  };
}

/** Why bytes that are no .xlsx can't be opened, from what they are (checked before exceljs tries). */
function notXlsx(bytes: Uint8Array, name: string): string | null {
  const saveAs = "请在 Excel 或 WPS 中打开它,“另存为”Excel 工作簿(.xlsx)后再打开";
  switch (fileKind(bytes)) {
    case "xlsx":
      return null;
    case "empty":
      return `无法打开“${name}”:这是一个空文件。`;
    case "encrypted":
      return `无法打开“${name}”:工作簿设置了打开密码(已加密)。请在 Excel 或 WPS 中取消密码并保存后再打开。`;
    case "old":
      return `无法打开“${name}”:这是旧版 Excel/WPS 格式(.xls/.et)的工作簿${OLD_FORMAT_NAME.test(name) ? "" : ",只是文件名以 .xlsx 结尾"}。${saveAs}。`;
    case "unknown":
      return `无法打开“${name}”:不是可读取的 .xlsx 文件,${OLD_FORMAT_NAME.test(name) ? saveAs : "请确认它是 Excel 工作簿(.xlsx)"}。`;
  }
}

/** Opens .xlsx bytes; says in Chinese what is wrong when they are not a workbook exceljs can read. */
export async function openWorkbook(bytes: ArrayBuffer, name: string): Promise<ExcelJS.Workbook> {
  const problem = notXlsx(new Uint8Array(bytes), name);
  if (problem) throw new KaoheError(problem);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes);
  } catch {
    throw new KaoheError(`无法打开“${name}”:文件已损坏或不是有效的 .xlsx 工作簿。请在 Excel 或 WPS 中打开并另存为 .xlsx 后再试。`);
  }
  if (workbook.worksheets.length === 0) throw new KaoheError(`无法打开“${name}”:工作簿中没有工作表。`);
  return workbook;
}

/** What a cell shows besides its value. */
export interface CellLook {
  /** "#RRGGBB". */
  fill?: string;
  note?: string;
}

/** The fills and notes of one sheet by "row,col" (0-based), looked up only for the cells shown. */
export interface CellLooks {
  get(key: string): CellLook | undefined;
}

/** The look of each cell, read from the workbook the first time the view shows that cell. */
export function looksOf(workbook: ExcelJS.Workbook, sheet: string): CellLooks {
  const ws = workbook.getWorksheet(sheet);
  const seen = new Map<string, CellLook | undefined>();
  return {
    get(key) {
      if (seen.has(key)) return seen.get(key);
      const [r, c] = key.split(",").map(Number);
      const cell = ws?.findCell(r + 1, c + 1);
      let look: CellLook | undefined;
      if (cell) {
        const found: CellLook = {};
        const fill = cell.fill as ExcelJS.FillPattern | undefined;
        const argb = fill?.type === "pattern" && fill.pattern !== "none" ? fill.fgColor?.argb : undefined;
        if (argb && /^[0-9A-F]{8}$/i.test(argb)) found.fill = `#${argb.slice(2).toUpperCase()}`;
        const note = noteText(cell.note);
        if (note) found.note = note;
        if (found.fill || found.note) look = found;
      }
      seen.set(key, look);
      return look;
    },
  };
}

/** "评分表.xlsx" → "评分表-核算.xlsx". */
export function resultFileName(name: string): string {
  return `${name.replace(/\.xlsx$/i, "")}-核算.xlsx`;
}


