/**
 * Pieces the Office.js reader and writer share: rectangles and chunking, sheet-qualified
 * addresses, the API sets of this Excel, and Office errors turned into Chinese messages.
 */
import { parseRange, rangeA1, type Merge } from "../../core/grid";
import { HostError } from "../port";

/** What the adapter needs from the Office.js globals; tests pass a fake. */
export interface OfficeEnvironment {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  isSetSupported(name: string, version: string): boolean;
}

/**
 * Office.js proxies are typed loosely here: the adapter calls members of many API sets and checks
 * each set at run time (`Features`), which the static typings cannot express.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Ox = any;

/** Which optional API sets this Excel has (ExcelApi 1.1 is the floor: Excel 2016). */
export interface Features {
  /** 1.2: getUsedRange(valuesOnly), format.columnWidth. */
  v12: boolean;
  /** 1.6: conditional formats. */
  conditional: boolean;
  /** 1.7: worksheet.onChanged. */
  events: boolean;
  /** 1.8: data validation. */
  validation: boolean;
  /** 1.9: copyFrom, getCellProperties, pageLayout, special cells, worksheets.onChanged. */
  v19: boolean;
  /** 1.10: comments. */
  comments: boolean;
  /** 1.13: getMergedAreasOrNullObject. */
  merges: boolean;
  /** 1.18: notes. */
  notes: boolean;
}

export function features(env: OfficeEnvironment): Features {
  const has = (v: string) => {
    try {
      return env.isSetSupported("ExcelApi", v);
    } catch {
      return false;
    }
  };
  return {
    v12: has("1.2"),
    conditional: has("1.6"),
    events: has("1.7"),
    validation: has("1.8"),
    v19: has("1.9"),
    comments: has("1.10"),
    merges: has("1.13"),
    notes: has("1.18"),
  };
}

/** A 0-based rectangle of cells. */
export interface Rect {
  top: number;
  left: number;
  rows: number;
  cols: number;
}

export const rectA1 = (r: Rect): string =>
  rangeA1({ top: r.top, left: r.left, bottom: r.top + r.rows - 1, right: r.left + r.cols - 1 });

export const rectOf = (m: Merge): Rect => ({ top: m.top, left: m.left, rows: m.bottom - m.top + 1, cols: m.right - m.left + 1 });

/** Rows of `r` split into pieces of at most `budget` cells. */
export function chunkRows(r: Rect, budget: number): Rect[] {
  const step = Math.max(1, Math.floor(budget / Math.max(1, r.cols)));
  const out: Rect[] = [];
  for (let top = r.top; top < r.top + r.rows; top += step) {
    out.push({ top, left: r.left, rows: Math.min(step, r.top + r.rows - top), cols: r.cols });
  }
  return out;
}

/** Packs weighted items into groups of at most `budget` (an item heavier than that goes alone). */
export function pack<T>(items: T[], weight: (t: T) => number, budget: number): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let sum = 0;
  for (const item of items) {
    const w = weight(item);
    if (current.length && sum + w > budget) {
      groups.push(current);
      current = [];
      sum = 0;
    }
    current.push(item);
    sum += w;
  }
  if (current.length) groups.push(current);
  return groups;
}

/** "Sheet1!A1:B2,Sheet1!D4" (sheet names possibly quoted) → areas (single cells included). */
export function parseAreas(address: string): Merge[] {
  const out: Merge[] = [];
  const re = /(?:^|!|,\s*)(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)(?=\s*,|\s*$)/g;
  for (let m = re.exec(address); m; m = re.exec(address)) {
    const area = parseRange(m[1]);
    if (area) out.push(area);
  }
  return out;
}

/** "Sheet1!A1:B2,Sheet1!D4" → merged areas (more than one cell). */
export function parseMergedAddress(address: string): Merge[] {
  return parseAreas(address).filter((m) => m.bottom > m.top || m.right > m.left);
}

/** The address of a cell with its sheet, quoted the way Excel accepts in any case. */
export function sheetAddress(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

/** "'My sheet'!$F$11" → ["My sheet", "F11"]. */
export function splitAddress(address: string): [string, string] {
  const at = address.lastIndexOf("!");
  let sheet = address.slice(0, at);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return [sheet, address.slice(at + 1).replace(/\$/g, "").split(":")[0]];
}

export function errorCode(e: unknown): string {
  const x = e as { code?: unknown; debugInfo?: { code?: unknown } } | null;
  const code = x?.code ?? x?.debugInfo?.code;
  return typeof code === "string" ? code : "";
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function isPayloadError(e: unknown): boolean {
  return /PayloadSizeLimitExceeded|PayloadTooLarge/i.test(errorCode(e)) || /payload/i.test(errorText(e));
}

/** Turns an error from Office into a HostError whose message tells the user what to do. */
export function toHostError(e: unknown, context: { sheet?: string; cell?: string } = {}): HostError {
  if (e instanceof HostError) return e;
  const code = errorCode(e);
  if (code === "InvalidOperationInCellEditMode" || /cell edit mode|编辑模式/i.test(errorText(e)))
    return new HostError("host_failed", "有单元格正处于编辑状态。请先按 Enter 或 Esc 结束编辑,再点一次按钮。");
  if (code === "AccessDenied")
    return new HostError(
      "host_failed",
      "工作表受保护或工作簿为只读,无法写入。请在“审阅”选项卡中撤消工作表保护(或另存一份可编辑的副本)后重试。",
    );
  if (isPayloadError(e))
    return new HostError("host_failed", "工作簿数据量超出了 Excel 单次传输的上限。请删除无关的大工作表后重试,或改用命令行 kaohe。");
  if (code === "ItemNotFound" && context.sheet) return new HostError("sheet_missing", context.sheet);
  if ((code === "InvalidArgument" || code === "InvalidReference") && context.cell)
    return new HostError("bad_address", context.cell);
  const known = OFFICE_ERRORS[code];
  if (known) return new HostError("host_failed", known);
  // Office's own text is English (and GeneralException says little): keep it for the administrator, say what to do.
  const lead = code === "GeneralException" ? "Excel 内部出错" : errorText(e);
  return new HostError("host_failed", `${lead}${code ? `(${code})` : ""}。请重试;如果问题仍在,请保存并重新打开工作簿后再试,或把这段文字告诉管理员。`);
}

/** Office error codes (Excel JavaScript API) whose cause the user can act on, in Chinese. */
const OFFICE_ERRORS: Record<string, string> = {
  ApiNotFound: "当前 Excel 版本不支持所需的功能。请升级 Office,或使用 WPS 表格、命令行 kaohe。",
  NotImplemented: "当前 Excel 版本不支持所需的功能。请升级 Office,或使用 WPS 表格、命令行 kaohe。",
  UnsupportedFeature: "当前 Excel 版本不支持所需的功能。请升级 Office,或使用 WPS 表格、命令行 kaohe。",
  RequestAborted: "Excel 中断了本次操作(可能正在保存或打开了对话框)。请稍后重试。",
  InactiveWorkbook: "工作簿已不在活动状态(可能已关闭或切换)。请回到工作簿后重试。",
  ActivityLimitReached: "Excel 暂时繁忙(短时间内操作过多)。请稍等片刻再试。",
  ServiceNotAvailable: "Excel 服务暂时不可用(网页版常见)。请稍后重试。",
  Conflict: "工作簿正被他人同时编辑,修改发生冲突。请稍后重试。",
  MemoryLimitReached: "Excel 内存不足,无法完成本次操作。请关闭其他工作簿后重试,或改用命令行 kaohe。",
  MergedRangeConflict: "要写入的单元格与合并单元格冲突(多见于评分表右侧写“核算得分”的空列中有合并单元格)。请取消那里的合并后重试。",
};

/** 80,000 cells of score sheets stay below Excel on the web's 5 MB payload. */
export const DEFAULT_CELL_BUDGET = 80_000;
export const MIN_CELL_BUDGET = 1_000;

/** Retries `attempt` with a halved cell budget while Excel reports a payload over its limit. */
export async function withBudget<T>(budget: number, attempt: (budget: number) => Promise<T>): Promise<T> {
  for (let b = budget; ; b = Math.floor(b / 2)) {
    try {
      return await attempt(b);
    } catch (e) {
      if (!isPayloadError(e) || b / 2 < MIN_CELL_BUDGET) throw e;
    }
  }
}
