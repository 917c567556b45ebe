/**
 * The preview's side of the .xlsx host: open a file, what the rendering shows beyond values (the
 * fill and the note of a cell), and the .xlsx to download after 写回 (the same package, edited).
 */
import { KaoheError } from "../core/errors";
import { parseA1, type Grid } from "../core/grid";
import { XlsxFormatError, XlsxLimitError, createXlsxPort, type XlsxPort, type XlsxPortOptions } from "../hosts/xlsx";
import { OLD_FORMAT_NAME, fileKind } from "../core/filekind";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Why bytes that are no .xlsx can't be opened, from what they are (checked before the package is read). */
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

/** Opens .xlsx bytes; says in Chinese what is wrong when they are not a workbook that can be read. */
export async function openWorkbook(bytes: ArrayBuffer, name: string, options: XlsxPortOptions = {}): Promise<XlsxPort> {
  const data = new Uint8Array(bytes);
  const problem = notXlsx(data, name);
  if (problem) throw new KaoheError(problem);
  try {
    return createXlsxPort(data, options);
  } catch (e) {
    if (e instanceof XlsxLimitError || e instanceof XlsxFormatError) throw new KaoheError(`无法打开“${name}”:${e.message}。`);
    throw new KaoheError(`无法打开“${name}”:文件已损坏或不是有效的 .xlsx 工作簿。请在 Excel 或 WPS 中打开并另存为 .xlsx 后再试。`);
  }
}

/** What a cell shows besides its value. */
export interface CellLook {
  /** "#RRGGBB". */
  fill?: string;
  note?: string;
}

/** The fills and notes of one sheet, by "row,col" (0-based). */
export function looksOf(port: XlsxPort, sheet: string, grid?: Grid): Map<string, CellLook> {
  const out = new Map<string, CellLook>();
  const at = (a1: string) => {
    const p = parseA1(a1);
    if (!p) return null;
    const key = `${p.row},${p.col}`;
    let look = out.get(key);
    if (!look) out.set(key, (look = {}));
    return look;
  };
  for (const [a1, fill] of port.fillsOf(sheet)) {
    const look = at(a1);
    if (look) look.fill = fill;
  }
  for (const [a1, note] of Object.entries(grid?.notes ?? {})) {
    const look = at(a1);
    if (look && note) look.note = note;
  }
  return out;
}

/** "评分表.xlsx" → "评分表-核算.xlsx". */
export function resultFileName(name: string): string {
  return `${name.replace(/\.xlsx$/i, "")}-核算.xlsx`;
}

/** The workbook as an .xlsx blob URL for a download link (the caller revokes it). */
export async function downloadUrl(workbook: XlsxPort): Promise<string> {
  const bytes = workbook.save();
  return URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX_TYPE }));
}
