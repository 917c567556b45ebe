/**
 * WPS 表格 host: the ET object model (`wps.EtApplication()` / `window.Application`), synchronous and
 * VBA-like. Only a documented subset is used so the adapter works across WPS versions:
 * Application.ActiveWorkbook; Workbook.Worksheets (.Count, .Item, .Add); Worksheet .Name, .UsedRange,
 * .Range, .Cells.Item, .Activate, .Delete; Range .Address, .Row, .Column, .Rows.Count, .Columns.Count,
 * .Value2, .Text, .MergeCells, .MergeArea, .Interior.Color, .AddComment, .Comment, .ClearComments, .Select.
 */
import { parseRange, rangeA1, toA1, type CellValue, type Grid, type Merge } from "../core/grid";
import { NOTE_PREFIX } from "../footprint";
import { HostError, type Mark, type RangeWrite, type SheetWrite, type WorkbookChanges, type WorkbookPort } from "./port";

/** Some WPS builds expose properties as zero-argument methods; read them with `prop`. */
export type WpsProp<T> = T | (() => T);

export interface WpsCount {
  Count: WpsProp<number>;
}

export interface WpsInterior {
  /** BGR: red is 255 (0x0000FF), blue is 0xFF0000. */
  Color: WpsProp<number | null>;
}

export interface WpsRange {
  /** A method in the documented API (`Address(false, false)` → "A1:B2"); a string in some builds. */
  Address: string | ((rowAbsolute?: boolean, columnAbsolute?: boolean) => string);
  Row: WpsProp<number>;
  Column: WpsProp<number>;
  Rows: WpsProp<WpsCount>;
  Columns: WpsProp<WpsCount>;
  /** A 2D array of rows for a multi-cell range, a scalar for one cell. */
  Value2: WpsProp<unknown>;
  Text: WpsProp<string>;
  /** true: every cell merged; false: none; null (or anything else): some. */
  MergeCells: WpsProp<boolean | null>;
  MergeArea: WpsProp<WpsRange>;
  Interior: WpsProp<WpsInterior>;
  AddComment(text: string): unknown;
  Comment: WpsProp<unknown>;
  ClearComments(): unknown;
  Select(): unknown;
}

export interface WpsWorksheet {
  Name: WpsProp<string>;
  UsedRange: WpsProp<WpsRange>;
  Range(address: string): WpsRange;
  Cells: WpsProp<{ Item(row: number, column: number): WpsRange }>;
  Activate(): unknown;
  Delete(): unknown;
}

export interface WpsWorksheets {
  Count: WpsProp<number>;
  Item(index: number | string): WpsWorksheet;
  Add(before?: WpsWorksheet | null, after?: WpsWorksheet | null): WpsWorksheet;
}

export interface WpsWorkbook {
  Worksheets: WpsProp<WpsWorksheets>;
}

export interface WpsApplication {
  ActiveWorkbook: WpsProp<WpsWorkbook | null | undefined>;
}

type Unwrap<P> = P extends () => infer T ? T : P;

/** Reads a property that may be exposed as a value or as a zero-argument method. */
export function prop<O extends object, K extends keyof O>(obj: O, key: K): Unwrap<O[K]> {
  const v = obj[key] as unknown;
  return (typeof v === "function" ? (v as () => unknown).call(obj) : v) as Unwrap<O[K]>;
}

/**
 * The text of a cell's comment, null when it has none. `Comment.Text()` is read beyond the
 * documented subset; where a build lacks it the comment counts as the user's and is kept.
 */
function commentOf(range: WpsRange): string | null {
  const comment = prop(range, "Comment") as { Text?: unknown } | null | undefined;
  if (comment === null || comment === undefined) return null;
  try {
    return String(prop(comment as { Text: unknown }, "Text") ?? "");
  } catch {
    return "";
  }
}

/** Excel/ET's xlNone: assigned to Interior.Color it removes the fill. */
export const XL_NONE = -4142;
const WHITE = 0xffffff;

/** "#RRGGBB" → the BGR integer ET's Interior.Color takes (red "#FF0000" → 255). */
export function toBgr(color: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color.trim());
  if (!m) throw new HostError("host_failed", `标记颜色“${color}”无法识别,应为 #RRGGBB 形式`);
  return parseInt(m[1], 16) + parseInt(m[2], 16) * 0x100 + parseInt(m[3], 16) * 0x10000;
}

/**
 * Finds the ET application in a page: `window.wps.EtApplication()` (WPS 加载项) or a
 * `window.Application` that has `ActiveWorkbook` (older builds, or the pane opened as a web page
 * inside ET). Null in a browser or in Excel.
 */
export function detectWpsApplication(win: unknown): WpsApplication | null {
  const w = win as { wps?: { EtApplication?: unknown }; Application?: unknown } | null | undefined;
  if (!w || typeof w !== "object") return null;
  try {
    const et = w.wps?.EtApplication;
    if (typeof et === "function") {
      const app = (et as () => unknown).call(w.wps);
      if (app && typeof app === "object") return app as WpsApplication;
    }
  } catch {
    // WPS 文字/演示 have `wps` too but no ET application: fall through.
  }
  const app = w.Application as Record<string, unknown> | null | undefined;
  if (app && (typeof app === "object" || typeof app === "function") && "ActiveWorkbook" in app) return app as unknown as WpsApplication;
  return null;
}

/** The text of whatever a WPS/COM call threw. */
function describe(e: unknown): string {
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
function guard<T>(what: string, fn: () => T): T {
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

/** One cell of Value2 → the grid's value: empty → null, dates → serial numbers. */
function cellValue(v: unknown): CellValue {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return (v.getTime() - Date.UTC(1899, 11, 30)) / 86400000;
  return String(v);
}

/**
 * Value2 of a rows×cols range → a rows×cols matrix. WPS gives a 2D array of rows (a scalar for one
 * cell); tolerate a 1D array (a row, a column, or row-major cells) and a scalar where 2D was expected.
 */
export function toMatrix(raw: unknown, rows: number, cols: number): CellValue[][] {
  let rowsOf: unknown[][];
  if (Array.isArray(raw) && raw.length > 0 && raw.every(Array.isArray)) rowsOf = raw as unknown[][];
  else if (Array.isArray(raw)) {
    if (rows === 1) rowsOf = [raw];
    else if (cols === 1) rowsOf = raw.map((v) => [v]);
    else rowsOf = Array.from({ length: rows }, (_, r) => raw.slice(r * cols, r * cols + cols));
  } else rowsOf = [[raw]];
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => cellValue(rowsOf[r]?.[c])));
}

function addressOf(range: WpsRange): string {
  const a = range.Address;
  return typeof a === "function" ? a.call(range, false, false) : String(a);
}

function areaOf(range: WpsRange): Merge {
  const address = addressOf(range);
  const area = parseRange(address);
  if (!area) throw new HostError("host_failed", `无法识别 WPS 返回的区域地址“${address}”`);
  return area;
}

/** Boxes with this many open cells or fewer are probed cell by cell (at least 1: a single cell is never split). */
const FEW = 2;

/**
 * Finds the merged areas of a sheet from its values, without probing every cell. Every cell of a
 * merged area except its top-left one is blank, so only blank cells can reveal a merge. The search
 * asks `MergeCells` of the bounding box of the blank cells not yet explained: false ends the search
 * there, true means every cell is merged (read each area once with `MergeArea`), anything else
 * (ET answers null for a mix) splits the box, columns first since category merges run down a column.
 * Cost: 2 calls per box asked, 3 per merge; a sheet without merges costs 2, a 2,000-row sheet with
 * 100 category merges about 330 (probing every blank cell would cost thousands).
 */
function findMerges(ws: WpsWorksheet, block: CellValue[][], top: number, left: number): Merge[] {
  const rows = block.length;
  const cols = rows ? block[0].length : 0;
  const open = new Uint8Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) open[r * cols + c] = block[r][c] === null ? 1 : 0;
  const merges: Merge[] = [];

  const close = (m: Merge) => {
    for (let r = Math.max(m.top - top, 0); r <= Math.min(m.bottom - top, rows - 1); r++) {
      for (let c = Math.max(m.left - left, 0); c <= Math.min(m.right - left, cols - 1); c++) open[r * cols + c] = 0;
    }
  };
  const bbox = (r0: number, c0: number, r1: number, c1: number): (Merge & { open: number }) | null => {
    let b: (Merge & { open: number }) | null = null;
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        if (!open[r * cols + c]) continue;
        if (!b) b = { top: r, left: c, bottom: r, right: c, open: 1 };
        else {
          b.open++;
          b.bottom = r;
          if (c < b.left) b.left = c;
          if (c > b.right) b.right = c;
        }
      }
    }
    return b;
  };
  const sheetArea = (b: Merge): string =>
    rangeA1({ top: b.top + top, left: b.left + left, bottom: b.bottom + top, right: b.right + left });
  const readAreas = (b: Merge) => {
    for (let r = b.top; r <= b.bottom; r++) {
      for (let c = b.left; c <= b.right; c++) {
        if (!open[r * cols + c]) continue;
        const area = areaOf(prop(ws.Range(toA1(r + top, c + left)), "MergeArea"));
        if (area.bottom > area.top || area.right > area.left) merges.push(area);
        close(area);
        open[r * cols + c] = 0; // even if the host answered with some other area
      }
    }
  };
  const visit = (r0: number, c0: number, r1: number, c1: number): void => {
    const b = bbox(r0, c0, r1, c1);
    if (!b) return;
    // A few open cells cost less probed one by one (3 calls each) than asked about and split.
    if (b.open <= FEW) return readAreas(b);
    const merged = prop(ws.Range(sheetArea(b)), "MergeCells");
    if (merged === false) return;
    if (merged === true) return readAreas(b);
    if (b.right > b.left) {
      const mid = (b.left + b.right) >> 1;
      visit(b.top, b.left, b.bottom, mid);
      visit(b.top, mid + 1, b.bottom, b.right);
    } else {
      const mid = (b.top + b.bottom) >> 1;
      visit(b.top, b.left, mid, b.right);
      visit(mid + 1, b.left, b.bottom, b.right);
    }
  };
  if (rows && cols) visit(0, 0, rows - 1, cols - 1);
  return merges.sort((a, b) => a.top - b.top || a.left - b.left);
}

function readSheet(ws: WpsWorksheet): Grid {
  const name = String(guard("读取工作表名称", () => prop(ws, "Name")));
  return guard(`读取工作表“${name}”`, () => {
    const used = prop(ws, "UsedRange");
    const top = prop(used, "Row") - 1;
    const left = prop(used, "Column") - 1;
    const rows = prop(prop(used, "Rows"), "Count");
    const cols = prop(prop(used, "Columns"), "Count");
    const block = toMatrix(prop(used, "Value2"), rows, cols);
    const merges = findMerges(ws, block, top, left);
    const empty = block.every((row) => row.every((v) => v === null));
    const cells: CellValue[][] = empty ? [] : [...Array.from({ length: top }, () => []), ...block.map((row) => [...Array<CellValue>(left).fill(null), ...row])];
    return { name, cells, merges };
  });
}

/** A values block padded to a rectangle; the address it covers from its top-left cell. */
function blockAt(address: string, values: CellValue[][]): { target: string; block: CellValue[][] } | null {
  const at = parseRange(address);
  if (!at) throw new HostError("bad_address", address);
  const width = values.reduce((n, row) => Math.max(n, row.length), 0);
  if (values.length === 0 || width === 0) return null;
  const block = values.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? null));
  const target = rangeA1({ top: at.top, left: at.left, bottom: at.top + values.length - 1, right: at.left + width - 1 });
  return { target, block };
}

/** Writes a block in one Value2 assignment (a scalar for a single cell, as ET gives it). */
function writeBlock(ws: WpsWorksheet, target: string, block: CellValue[][]): void {
  const range = ws.Range(target);
  range.Value2 = block.length === 1 && block[0].length === 1 ? block[0][0] : block;
}

/** Creates the WorkbookPort over a WPS ET application (see detectWpsApplication). */
export function createWpsPort(app: WpsApplication): WorkbookPort {
  const worksheets = (): WpsWorksheets => {
    const book = guard("连接 WPS 表格", () => prop(app, "ActiveWorkbook"));
    if (!book) throw new HostError("host_unavailable", "WPS 表格中没有打开的工作簿,请先打开要核算的考核表");
    return guard("读取工作表列表", () => prop(book, "Worksheets"));
  };
  const findSheet = (sheets: WpsWorksheets, name: string): WpsWorksheet | null => {
    try {
      return sheets.Item(name) ?? null;
    } catch {
      return null; // ET throws "下标越界" for a name that is not there
    }
  };
  const sheetCache = () => {
    const sheets = worksheets();
    const cache = new Map<string, WpsWorksheet>();
    return (name: string): WpsWorksheet => {
      let ws = cache.get(name);
      if (!ws) {
        ws = findSheet(sheets, name) ?? undefined;
        if (!ws) throw new HostError("sheet_missing", name);
        cache.set(name, ws);
      }
      return ws;
    };
  };
  const checkCell = (cell: string) => {
    if (!parseRange(cell)) throw new HostError("bad_address", cell);
  };

  const clearMark = (ws: WpsWorksheet, cell: string) => {
    const range = ws.Range(cell);
    const interior = prop(range, "Interior");
    try {
      interior.Color = XL_NONE;
    } catch {
      interior.Color = WHITE; // a build that refuses xlNone here: white at least removes our colour
    }
    if (commentOf(range)?.startsWith(NOTE_PREFIX)) range.ClearComments();
  };
  const putMark = (ws: WpsWorksheet, m: Mark) => {
    const area = parseRange(m.cell) as Merge;
    const range = ws.Range(m.cell);
    prop(range, "Interior").Color = toBgr(m.color);
    const target = area.bottom > area.top || area.right > area.left ? ws.Range(toA1(area.top, area.left)) : range;
    const existing = commentOf(target);
    // A comment the user wrote stays as it is (the fill still marks the cell); ours is replaced,
    // since AddComment fails on a cell that already has one.
    if (existing !== null && !existing.startsWith(NOTE_PREFIX)) return;
    if (existing !== null) target.ClearComments();
    target.AddComment(m.note);
  };
  const writeSheet = (s: SheetWrite) => {
    const sheets = worksheets();
    let ws = findSheet(sheets, s.name);
    if (ws) {
      prop(ws, "UsedRange").Value2 = null; // a scalar fills (here: empties) every cell of the range
    } else {
      const last = sheets.Item(prop(sheets, "Count"));
      ws = sheets.Add(null, last);
      ws.Name = s.name;
    }
    const at = blockAt("A1", s.rows);
    if (at) writeBlock(ws, at.target, at.block);
  };

  return {
    host: "wps",

    async readSheets(): Promise<Grid[]> {
      const sheets = worksheets();
      const count = guard("读取工作表列表", () => prop(sheets, "Count"));
      const grids: Grid[] = [];
      for (let i = 1; i <= count; i++) grids.push(readSheet(guard(`读取第 ${i} 个工作表`, () => sheets.Item(i))));
      return grids;
    },

    async apply(changes: WorkbookChanges): Promise<void> {
      // Check everything the host cannot tell us before the first write, so a bad plan changes nothing.
      for (const r of [...changes.clearMarks, ...changes.marks]) checkCell(r.cell);
      for (const m of changes.marks) toBgr(m.color);
      const blocks = changes.values.map((w: RangeWrite) => ({ w, at: blockAt(w.address, w.values) }));
      const sheet = sheetCache();
      for (const r of [...changes.clearMarks, ...changes.values, ...changes.marks]) guard(`打开工作表“${r.sheet}”`, () => sheet(r.sheet));

      for (const r of changes.clearMarks) guard(`清除“${r.sheet}”${r.cell} 的标记`, () => clearMark(sheet(r.sheet), r.cell));
      for (const { w, at } of blocks) {
        if (at) guard(`写入“${w.sheet}”${at.target}`, () => writeBlock(sheet(w.sheet), at.target, at.block));
      }
      for (const m of changes.marks) guard(`标记“${m.sheet}”${m.cell}`, () => putMark(sheet(m.sheet), m));
      for (const s of changes.sheets) guard(`写入工作表“${s.name}”`, () => writeSheet(s));
    },

    async selectCell(sheetName: string, cell: string): Promise<void> {
      checkCell(cell);
      const sheets = worksheets();
      const ws = findSheet(sheets, sheetName);
      if (!ws) throw new HostError("sheet_missing", sheetName);
      guard(`定位到“${sheetName}”${cell}`, () => {
        ws.Activate();
        ws.Range(cell).Select();
      });
    },
  };
}
