/**
 * The WPS 表格 (ET) object model as the adapter meets it: VBA-like, synchronous, and loose about
 * shapes from build to build. Everything here tolerates the variants met in working add-ins:
 * properties exposed as zero-argument methods, collections that are callable (`Worksheets("表1")`)
 * as well as having `.Item`, `Value2` of a block as a JS 2D array, an object with `Item(r, c)`, a
 * VBArray, or a single value; error cells as COM error codes.
 */
import { parseRange, type CellValue, type Merge } from "../../core/grid";
import { HostError } from "../port";

/** An ET object: members are checked at run time, so it is typed loosely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Wx = any;

/** The ET application (`wps.EtApplication()` or `window.Application`). */
export interface WpsApplication {
  ActiveWorkbook: unknown;
}

/** ET constants (the same numbers as Excel's). */
export const XL = {
  none: -4142, // xlNone, xlColorIndexNone, xlPatternNone
  up: -4162, // xlUp
  toLeft: -4159, // xlToLeft
  validateDecimal: 2,
  validateList: 3,
  alertWarning: 2, // xlValidAlertWarning
  between: 1,
  expression: 2, // xlExpression (FormatConditions.Add)
  landscape: 2,
  portrait: 1,
  paperA4: 9,
  sheetVisible: -1,
  sheetHidden: 0,
} as const;

/** COM error codes ET may return in Value2 for error cells, and the text Excel shows. */
const COM_ERRORS: Record<number, string> = {
  [-2146826281]: "#DIV/0!",
  [-2146826246]: "#N/A",
  [-2146826259]: "#NAME?",
  [-2146826288]: "#NULL!",
  [-2146826252]: "#NUM!",
  [-2146826265]: "#REF!",
  [-2146826273]: "#VALUE!",
  [-2146826245]: "#GETTING_DATA",
};

const isCollection = (f: unknown) => typeof f === "function" && ("Item" in (f as object) || "Count" in (f as object));

/**
 * Reads a member that may be a value or a zero-argument method. A callable collection (a function
 * that also has `Item` or `Count`) is returned as it is: calling it without an index would fail.
 */
export function prop(obj: Wx, key: string): Wx {
  const v = obj[key];
  if (typeof v !== "function" || isCollection(v)) return v;
  return v.call(obj);
}

/** Item `index` of a collection that has `.Item(i)` or is itself callable. */
export function item(coll: Wx, index: number | string): Wx {
  if (coll && typeof coll.Item === "function") return coll.Item(index);
  if (typeof coll === "function") return coll(index);
  throw new HostError("host_failed", "WPS 返回的集合既没有 Item 方法也不能按序号取值");
}

/** One value of Value2 → the grid's value: empty → null, error codes → "#DIV/0!"-style text, dates → serials. */
export function cellValue(v: unknown): CellValue {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "number") return COM_ERRORS[v] ?? v;
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return (v.getTime() - Date.UTC(1899, 11, 30)) / 86400000;
  return String(v);
}

/**
 * Value2 (or Formula) of a rows×cols range → a rows×cols matrix, or null when the shape cannot be
 * trusted (a single value for a block: the caller then reads cell by cell). Accepted: a 2D array
 * of rows; a 1D array for a single row or column, or row-major cells; an object with
 * `Item(r, c)` (1-based); a VBArray (`toArray()`, column-major); a scalar for a single cell.
 */
export function toMatrix(raw: unknown, rows: number, cols: number, map: (v: unknown) => CellValue = cellValue): CellValue[][] | null {
  const build = (at: (r: number, c: number) => unknown) =>
    Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => map(at(r, c))));
  if (Array.isArray(raw)) {
    if (raw.length > 0 && raw.every(Array.isArray)) {
      const m = raw as unknown[][];
      if (m.length !== rows || m.some((row) => row.length !== cols)) return null;
      return build((r, c) => m[r][c]);
    }
    if (raw.length !== rows * cols) return null;
    if (rows === 1) return build((_, c) => raw[c]);
    if (cols === 1) return build((r) => raw[r]);
    return build((r, c) => raw[r * cols + c]);
  }
  if (raw !== null && typeof raw === "object") {
    const o = raw as { Item?: unknown; toArray?: unknown };
    if (typeof o.Item === "function") {
      const at = o.Item as (r: number, c: number) => unknown;
      return build((r, c) => at.call(raw, r + 1, c + 1));
    }
    if (typeof o.toArray === "function") {
      const flat = (o.toArray as () => unknown[]).call(raw);
      if (!Array.isArray(flat) || flat.length !== rows * cols) return null;
      return build((r, c) => flat[c * rows + r]); // SAFEARRAY order: the first index varies fastest
    }
    if (raw instanceof Date && rows * cols === 1) return [[map(raw)]];
    return null;
  }
  if (rows * cols === 1) return [[map(raw)]];
  return null;
}

export function addressOf(range: Wx): string {
  const a = range.Address;
  return typeof a === "function" ? a.call(range, false, false) : String(a).replace(/\$/g, "");
}

export function areaOf(range: Wx): Merge {
  const address = addressOf(range);
  const area = parseRange(address);
  if (!area) throw new HostError("host_failed", `无法识别 WPS 返回的区域地址“${address}”`);
  return area;
}

/** "#RRGGBB" → the BGR integer ET's Interior.Color takes (red "#FF0000" → 255). */
export function toBgr(color: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color.trim());
  if (!m) throw new HostError("host_failed", `标记颜色“${color}”无法识别,应为 #RRGGBB 形式`);
  return parseInt(m[1], 16) + parseInt(m[2], 16) * 0x100 + parseInt(m[3], 16) * 0x10000;
}

export function fromBgr(bgr: number): string {
  const rgb = ((bgr & 0xff) << 16) | (bgr & 0xff00) | ((bgr >> 16) & 0xff);
  return "#" + rgb.toString(16).toUpperCase().padStart(6, "0");
}

/** The text of whatever a WPS/COM call threw. */
export function describe(e: unknown): string {
  if (e && typeof e === "object") {
    const o = e as { message?: unknown; description?: unknown };
    const text = [o.message, o.description].find((x) => typeof x === "string" && x.trim() !== "");
    if (typeof text === "string") return text.trim();
    if ("message" in o || "description" in o) return "未知错误";
  }
  const s = String(e ?? "").trim();
  return s && s !== "[object Object]" ? s : "未知错误";
}

/** Runs ET calls; anything the host throws becomes a HostError saying, in Chinese, what failed. */
export function guard<T>(what: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof HostError) throw e;
    const raw = describe(e);
    if (/protect|保护|只读|read-?only/i.test(raw)) {
      throw new HostError("host_failed", `${what}失败:工作表受保护,无法修改。请先在“审阅”选项卡中撤销工作表保护,再重试。(${raw})`);
    }
    throw new HostError("host_failed", `${what}失败(${raw})`);
  }
}

/** Runs `fn`, undefined when the build lacks the member or refuses. */
export function attempt<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

/** The fill a range shows ("#RRGGBB"), null for none (ColorIndex/Pattern xlNone). */
export function fillOf(range: Wx): string | null {
  const interior = prop(range, "Interior");
  const index = attempt(() => prop(interior, "ColorIndex"));
  if (index === XL.none) return null;
  const pattern = attempt(() => prop(interior, "Pattern"));
  if (pattern === XL.none) return null;
  const color = prop(interior, "Color");
  return typeof color === "number" && color >= 0 ? fromBgr(color) : null;
}

/**
 * Removes a fill the way WPS documents it (Interior.ColorIndex = xlColorIndexNone); where a build
 * refuses, Pattern = xlPatternNone, then Color = xlNone. Never white: a white fill hides gridlines.
 */
export function clearFill(range: Wx): void {
  const interior = prop(range, "Interior");
  for (const [member, value] of [["ColorIndex", XL.none], ["Pattern", XL.none], ["Color", XL.none]] as const) {
    try {
      interior[member] = value;
      return;
    } catch (e) {
      if (member === "Color") throw e;
    }
  }
}
