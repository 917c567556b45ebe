/**
 * The preview's workbook in memory, behind one small interface (PreviewWorkbook): the package-level
 * .xlsx host (the same code as the CLI's) opens the file, the rendering reads fills and notes from
 * it, edits go into the package, and the download is the same package, edited.
 */
import { KaoheError } from "../core/errors";
import { parseA1, type CellValue, type Grid } from "../core/grid";
import type { WorkbookPort } from "../hosts/port";
import { DEFAULT_LIMITS, XlsxFormatError, XlsxLimitError, createXlsxPort, type XlsxPort, type XlsxPortOptions } from "../hosts/xlsx";
import { inflateAhead } from "./inflate";
import { OLD_FORMAT_NAME, fileKind } from "../core/filekind";

export { XLSX_TYPE } from "./document";

/** A workbook opened in the browser: the port the pane uses, what the view shows, edits and saving. */
export interface PreviewWorkbook {
  /** Reads and writes the workbook (no change events: the preview adds them, see document.ts). */
  readonly port: WorkbookPort;
  /** The fills and notes of one sheet, by "row,col" (0-based). */
  looks(sheet: string): CellLooks;
  /** Sets one cell to a value the clerk typed (null empties it), and the formula results it changed. */
  setCellValue(sheet: string, a1: string, value: CellValue, results?: Array<{ a1: string; value: CellValue }>): void;
  /** The formulas of a sheet as written, by "row,col" (0-based). */
  formulasOf(sheet: string): Map<string, string>;
  /** The workbook as .xlsx bytes, with everything written and typed so far. */
  save(): Promise<Uint8Array>;
}

/** The fills and notes of one sheet by "row,col" (0-based). */
export interface CellLooks {
  get(key: string): CellLook | undefined;
}

/** Opens .xlsx bytes as a PreviewWorkbook; `onSelect` is called when the pane selects a cell. */
export async function openPreviewWorkbook(bytes: ArrayBuffer, name: string, options: { onSelect?(sheet: string, cell: string): void } = {}): Promise<PreviewWorkbook> {
  const xlsx = await openWorkbook(bytes, name, { onSelect: options.onSelect });
  // The notes the view shows come with the grids: keep the last ones read.
  const last = new Map<string, Grid>();
  const port: WorkbookPort = {
    host: xlsx.host,
    readFills: (cells) => xlsx.readFills(cells),
    apply: (changes) => xlsx.apply(changes),
    selectCell: (sheet, cell) => xlsx.selectCell(sheet, cell),
    async readSheets() {
      const grids = await xlsx.readSheets();
      last.clear();
      for (const g of grids) last.set(g.name, g);
      return grids;
    },
  };
  return {
    port,
    looks: (sheet) => looksOf(xlsx, sheet, last.get(sheet)),
    setCellValue: (sheet, a1, value, results) => xlsx.setCellValue(sheet, a1, value, results),
    formulasOf: (sheet) => xlsx.formulasOf(sheet),
    save: async () => xlsx.save(),
  };
}

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

/**
 * Opens .xlsx bytes; says in Chinese what is wrong when they are not a workbook that can be read.
 * The parts are inflated by the browser's native stream first where it has one (see inflate.ts).
 */
export async function openWorkbook(bytes: ArrayBuffer, name: string, options: XlsxPortOptions = {}): Promise<XlsxPort> {
  const data = new Uint8Array(bytes);
  const problem = notXlsx(data, name);
  if (problem) throw new KaoheError(problem);
  const inflate = options.inflate ?? (await inflateAhead(data, { totalBytes: options.limits?.totalBytes ?? DEFAULT_LIMITS.totalBytes }));
  try {
    return createXlsxPort(data, { ...options, inflate });
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
