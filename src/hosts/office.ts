/**
 * Office.js (Excel) behind the WorkbookPort.
 *
 * Round trips are the cost that matters (each `context.sync()` crosses into Excel, on the web over
 * the network), so every operation uses a constant number of them, whatever the number of rows:
 * - readSheets: sync 1 lists the sheets; sync 2 reads, for every sheet at once, the used range's
 *   bounds, its merged areas and its values inside a window from A1. Only when a sheet reaches past
 *   the window do further syncs read the rest, in chunks of at most `cellBudget` cells per sync,
 *   so Excel on the web's 5 MB payload limit is not reached.
 * - apply: one sync learns which sheets and notes (or comments) exist, one sync writes everything
 *   (a third only on Excels with comments but without notes, to locate the comments).
 * - selectCell: one sync.
 *
 * Reading and writing need ExcelApi 1.1 only, so Excel 2016 still works. Newer sets are checked at
 * run time: merged areas (1.13; without them the engine carries a category down its blank cells),
 * notes (1.18), comments (1.10); without notes or comments a mark is its fill colour only.
 */
import { parseA1, parseRange, rangeA1, type CellValue, type Grid, type Merge } from "../core/grid";
import { MARK_COLORS, NOTE_PREFIX } from "../footprint";
import { HostError, type CellRef, type Mark, type WorkbookChanges, type WorkbookPort } from "./port";

/** What the adapter needs from the Office.js globals; tests pass a mock. */
export interface OfficeEnvironment {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  isSetSupported(name: string, version: string): boolean;
}

export interface OfficePortOptions {
  /** Most cells one sync reads or writes; halved and retried when Excel reports a payload limit. */
  cellBudget?: number;
}

/**
 * 80,000 cells of score sheets (short numbers, some sentences of rule text) stay below 5 MB, and
 * empty cells cost a few bytes each; a denser workbook makes Excel refuse, and the budget halves.
 */
const DEFAULT_CELL_BUDGET = 80_000;
const MIN_CELL_BUDGET = 1_000;
/** A used range larger than this is a stray value far away, not a score sheet: refuse, don't hang. */
const MAX_SHEET_CELLS = 2_000_000;
/** Width of the first read window: score sheets and statistics tables are narrower than A:P. */
const WINDOW_COLUMNS = 16;

/** The Office.js globals, when office.js has loaded. */
export function officeEnvironment(): OfficeEnvironment {
  const g = globalThis as { Excel?: typeof Excel; Office?: typeof Office };
  if (!g.Excel || !g.Office) throw new HostError("host_unavailable", "未加载 Office 脚本(office.js),请在 Excel 中打开本加载项");
  const excel = g.Excel;
  const office = g.Office;
  return {
    run: (batch) => excel.run(batch),
    isSetSupported: (name, version) => office.context.requirements.isSetSupported(name, version),
  };
}

/** Which optional API sets this Excel has, asked once per operation. */
interface Features {
  /** getUsedRange(valuesOnly) (1.2): formatting alone does not make a cell "used". */
  valuesOnly: boolean;
  merges: boolean;
  notes: boolean;
  comments: boolean;
}

function features(env: OfficeEnvironment): Features {
  const has = (v: string) => {
    try {
      return env.isSetSupported("ExcelApi", v);
    } catch {
      return false;
    }
  };
  return { valuesOnly: has("1.2"), merges: has("1.13"), notes: has("1.18"), comments: has("1.10") };
}

/** A 0-based rectangle of cells. */
interface Rect {
  top: number;
  left: number;
  rows: number;
  cols: number;
}

const rectA1 = (r: Rect): string =>
  rangeA1({ top: r.top, left: r.left, bottom: r.top + r.rows - 1, right: r.left + r.cols - 1 });

/** Rows of `r` split into pieces of at most `budget` cells. */
function chunkRows(r: Rect, budget: number): Rect[] {
  const step = Math.max(1, Math.floor(budget / Math.max(1, r.cols)));
  const out: Rect[] = [];
  for (let top = r.top; top < r.top + r.rows; top += step) {
    out.push({ top, left: r.left, rows: Math.min(step, r.top + r.rows - top), cols: r.cols });
  }
  return out;
}

/** Packs weighted items into groups of at most `budget` (an item heavier than that goes alone). */
function pack<T>(items: T[], weight: (t: T) => number, budget: number): T[][] {
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

/** The parts of `used` outside the window (rows < windowRows, columns < WINDOW_COLUMNS). */
function outsideWindow(used: Rect, windowRows: number): Rect[] {
  const out: Rect[] = [];
  const bottom = used.top + used.rows;
  const right = used.left + used.cols;
  const inRowsEnd = Math.min(bottom, windowRows);
  if (right > WINDOW_COLUMNS && inRowsEnd > used.top) {
    const left = Math.max(used.left, WINDOW_COLUMNS);
    out.push({ top: used.top, left, rows: inRowsEnd - used.top, cols: right - left });
  }
  if (bottom > windowRows) {
    const top = Math.max(used.top, windowRows);
    out.push({ top, left: used.left, rows: bottom - top, cols: used.cols });
  }
  return out;
}

/** "Sheet1!A1:B2,Sheet1!D4" (sheet names possibly quoted) → merges. */
export function parseMergedAddress(address: string): Merge[] {
  const out: Merge[] = [];
  const re = /!(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)(?=\s*,|\s*$)/g;
  for (let m = re.exec(address); m; m = re.exec(address)) {
    const merge = parseRange(m[1]);
    if (merge && (merge.bottom > merge.top || merge.right > merge.left)) out.push(merge);
  }
  return out;
}

/** The address of a cell with its sheet, quoted the way Excel accepts in any case. */
function sheetAddress(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

/** Values as Excel returns them ("" for an empty cell) → grid values (null for empty). */
function toCellValue(v: unknown): CellValue {
  if (v === "" || v === undefined || v === null) return null;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
  return String(v);
}

/** Grid values → what Office.js writes: null must become "" (null in `values` means "leave as is"). */
function toExcelValues(rows: CellValue[][]): (string | number | boolean)[][] {
  const width = Math.max(1, ...rows.map((r) => r.length));
  return rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ""));
}

function errorCode(e: unknown): string {
  const x = e as { code?: unknown; debugInfo?: { code?: unknown } } | null;
  const code = x?.code ?? x?.debugInfo?.code;
  return typeof code === "string" ? code : "";
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function isPayloadError(e: unknown): boolean {
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

/** Retries `attempt` with a halved cell budget while Excel reports a payload over its limit. */
async function withBudget<T>(budget: number, attempt: (budget: number) => Promise<T>): Promise<T> {
  for (let b = budget; ; b = Math.floor(b / 2)) {
    try {
      return await attempt(b);
    } catch (e) {
      if (!isPayloadError(e) || b / 2 < MIN_CELL_BUDGET) throw e;
    }
  }
}

interface SheetRead {
  name: string;
  used: Excel.Range;
  merged: Excel.RangeAreas | null;
  window: Excel.Range;
}

/** Reads every sheet: see the file comment for the syncs. */
async function readAll(context: Excel.RequestContext, f: Features, budget: number): Promise<Grid[]> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();

  const windowRows = Math.max(1, Math.floor(budget / Math.max(1, sheets.items.length) / WINDOW_COLUMNS));
  const windowAddress = rectA1({ top: 0, left: 0, rows: windowRows, cols: WINDOW_COLUMNS });
  const reads: SheetRead[] = sheets.items.map((ws) => {
    // On a blank sheet the used range is A1 (never a null object, so no 1.4 needed).
    const used = f.valuesOnly ? ws.getUsedRange(true) : ws.getUsedRange();
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    const merged = f.merges ? ws.getRange().getMergedAreasOrNullObject() : null;
    merged?.load("address");
    // A fixed window, read before its sheet's size is known: that saves a round trip, and the
    // empty cells in it cost a few bytes each.
    const window = ws.getRange(windowAddress);
    window.load("values");
    return { name: ws.name, used, merged, window };
  });
  await context.sync();

  const grids = reads.map((r) => ({ name: r.name, cells: [] as CellValue[][], merges: r.merged && !r.merged.isNullObject ? parseMergedAddress(r.merged.address) : [] }));
  const put = (grid: Grid, top: number, left: number, values: unknown[][]) => {
    values.forEach((row, i) => {
      const target = (grid.cells[top + i] ??= []);
      row.forEach((v, j) => (target[left + j] = toCellValue(v)));
    });
  };
  const rest: { grid: number; rect: Rect }[] = [];
  const bounds = reads.map((r) => ({ top: r.used.rowIndex, left: r.used.columnIndex, rows: r.used.rowCount, cols: r.used.columnCount }));
  reads.forEach((r, i) => {
    const used = bounds[i];
    if (used.rows * used.cols > MAX_SHEET_CELLS) {
      const far = rectA1({ top: used.top + used.rows - 1, left: used.left + used.cols - 1, rows: 1, cols: 1 });
      throw new HostError(
        "host_failed",
        `工作表“${r.name}”的已用区域过大(延伸到 ${far},约 ${Math.round((used.rows * used.cols) / 10000)} 万个单元格)。请删除远处多余的内容后重试。`,
      );
    }
    put(grids[i], 0, 0, r.window.values.slice(0, used.top + used.rows).map((row) => row.slice(0, used.left + used.cols)));
    for (const part of outsideWindow(used, windowRows))
      for (const rect of chunkRows(part, budget)) rest.push({ grid: i, rect });
  });
  for (const group of pack(rest, (p) => p.rect.rows * p.rect.cols, budget)) {
    const ranges = group.map((p) => {
      const range = sheets.items[p.grid].getRange(rectA1(p.rect));
      range.load("values");
      return { ...p, range };
    });
    await context.sync();
    for (const p of ranges) put(grids[p.grid], p.rect.top, p.rect.left, p.range.values);
  }
  for (const g of grids) {
    // Cells the window and the chunks did not cover are holes in sparse arrays: make them null.
    for (let i = 0; i < g.cells.length; i++) g.cells[i] = Array.from(g.cells[i] ?? [], (v) => v ?? null);
  }
  return grids;
}

/** A note or comment found at a cell, and whether the add-in wrote it. */
interface Annotation {
  ours: boolean;
  set(content: string): void;
  remove(): void;
}

/** Finds the notes (or comments) at the given cells: one sync, two for comments. */
async function findAnnotations(
  context: Excel.RequestContext,
  f: Features,
  cells: CellRef[],
): Promise<Map<string, Annotation>> {
  const found = new Map<string, Annotation>();
  const key = (c: CellRef) => sheetAddress(c.sheet, c.cell);
  if (f.notes) {
    const notes = cells.map((c) => {
      const note = context.workbook.notes.getItemOrNullObject(key(c));
      note.load("content");
      return { c, note };
    });
    await context.sync();
    for (const { c, note } of notes) {
      if (note.isNullObject) continue;
      found.set(key(c), {
        ours: String(note.content).startsWith(NOTE_PREFIX),
        set: (content) => (note.content = content),
        remove: () => note.delete(),
      });
    }
  } else if (f.comments) {
    const comments = context.workbook.comments;
    comments.load("items/content");
    await context.sync();
    const located = comments.items.map((comment) => {
      const where = comment.getLocation();
      where.load("address");
      return { comment, where };
    });
    if (located.length) await context.sync();
    const wanted = new Set(cells.map((c) => key(c)));
    for (const { comment, where } of located) {
      const [sheet, cell] = splitAddress(where.address);
      const k = sheetAddress(sheet, cell);
      if (!wanted.has(k)) continue;
      found.set(k, {
        ours: String(comment.content).startsWith(NOTE_PREFIX),
        set: (content) => (comment.content = content),
        remove: () => comment.delete(),
      });
    }
  } else {
    await context.sync();
  }
  return found;
}

/** "'My sheet'!$F$11" → ["My sheet", "F11"]. */
export function splitAddress(address: string): [string, string] {
  const at = address.lastIndexOf("!");
  let sheet = address.slice(0, at);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return [sheet, address.slice(at + 1).replace(/\$/g, "").split(":")[0]];
}

/** Column width in points for a width in characters (Excel's default font: ~7 px a character). */
const OUR_FILLS = new Set(Object.values(MARK_COLORS).map((c) => c.toUpperCase()));

const widthInPoints = (chars: number) => Math.round((chars * 7 + 5) * 0.75 * 100) / 100;

/** One queued write and how many cells it carries, for splitting large write-backs. */
interface Write {
  cells: number;
  queue(): void;
}

function planWrites(
  context: Excel.RequestContext,
  f: Features,
  changes: WorkbookChanges,
  existingSheets: Set<string>,
  annotations: Map<string, Annotation>,
  clearFills: Excel.RangeFill[],
  budget: number,
): Write[] {
  // Checked before anything is queued, so a bad change writes nothing.
  const created = new Set(changes.sheets.map((s) => s.name));
  for (const c of [...changes.clearMarks, ...changes.values, ...changes.marks])
    if (!existingSheets.has(c.sheet) && !created.has(c.sheet)) throw new HostError("sheet_missing", c.sheet);
  const sheet = (name: string) => context.workbook.worksheets.getItem(name);
  const writes: Write[] = [];
  const marked = new Set(changes.marks.map((m) => sheetAddress(m.sheet, m.cell)));
  const canAnnotate = f.notes || f.comments;

  changes.clearMarks.forEach((c, i) => {
    const k = sheetAddress(c.sheet, c.cell);
    writes.push({
      cells: 1,
      queue: () => {
        // Only a fill of the add-in's colours (a colour the user chose stays), and not where a
        // mark of this run is about to set it again.
        if (!marked.has(k) && OUR_FILLS.has(String(clearFills[i].color).toUpperCase())) clearFills[i].clear();
        const a = annotations.get(k);
        if (a?.ours && !marked.has(k)) a.remove();
      },
    });
  });
  function writeValues(name: string, start: { top: number; left: number }, values: (string | number | boolean)[][]) {
    const rect = { ...start, rows: values.length, cols: values[0]?.length ?? 0 };
    if (!rect.rows || !rect.cols) return;
    for (const part of chunkRows(rect, budget)) {
      writes.push({
        cells: part.rows * part.cols,
        queue: () => {
          sheet(name).getRange(rectA1(part)).values = values.slice(part.top - rect.top, part.top - rect.top + part.rows);
        },
      });
    }
  }
  for (const v of changes.values) {
    const start = parseA1(v.address);
    if (!start) throw new HostError("bad_address", v.address);
    writeValues(v.sheet, { top: start.row, left: start.col }, toExcelValues(v.values));
  }
  for (const m of changes.marks) writes.push({ cells: 1 + Math.ceil(m.note.length / 20), queue: () => queueMark(m) });
  function queueMark(m: Mark) {
    const range = sheet(m.sheet).getRange(m.cell);
    range.format.fill.color = m.color;
    if (!canAnnotate) return;
    // Every note the add-in writes starts with NOTE_PREFIX: that is how a later run knows its own.
    const content = m.note.startsWith(NOTE_PREFIX) ? m.note : NOTE_PREFIX + m.note;
    const a = annotations.get(sheetAddress(m.sheet, m.cell));
    if (a) {
      if (a.ours) a.set(content); // a note the user wrote is left as it is
    } else if (f.notes) context.workbook.notes.add(range, content);
    else context.workbook.comments.add(range, content);
  }
  for (const s of changes.sheets) {
    const values = toExcelValues(s.rows.length ? s.rows : [[]]);
    writes.push({
      cells: 1,
      queue: () => {
        if (existingSheets.has(s.name)) {
          context.workbook.worksheets.getItem(s.name).getRange().clear();
        } else {
          context.workbook.worksheets.add(s.name);
          existingSheets.add(s.name);
        }
        sheet(s.name).getRange(rectA1({ top: 0, left: 0, rows: 1, cols: values[0].length })).format.font.bold = true;
        s.widths?.forEach((w, i) => {
          sheet(s.name).getRange(rectA1({ top: 0, left: i, rows: 1, cols: 1 })).getEntireColumn().format.columnWidth = widthInPoints(w);
        });
      },
    });
    writeValues(s.name, { top: 0, left: 0 }, values);
  }
  return writes;
}

async function applyAll(context: Excel.RequestContext, f: Features, changes: WorkbookChanges, budget: number): Promise<void> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const clearFills = changes.clearMarks.map((c) => {
    const fill = sheets.getItem(c.sheet).getRange(c.cell).format.fill;
    fill.load("color");
    return fill;
  });
  const cells = [...changes.clearMarks, ...changes.marks.map((m) => ({ sheet: m.sheet, cell: m.cell }))];
  const annotations = await findAnnotations(context, f, cells);
  const existing = new Set(sheets.items.map((s) => s.name));
  const writes = planWrites(context, f, changes, existing, annotations, clearFills, budget);
  for (const group of pack(writes, (w) => w.cells, budget)) {
    for (const w of group) w.queue();
    await context.sync();
  }
}

/** The WorkbookPort of the workbook open in Excel. */
export function createOfficePort(env: OfficeEnvironment = officeEnvironment(), options: OfficePortOptions = {}): WorkbookPort {
  const budget = options.cellBudget ?? DEFAULT_CELL_BUDGET;
  return {
    host: "excel",
    async readSheets() {
      try {
        return await withBudget(budget, (b) => env.run((context) => readAll(context, features(env), b)));
      } catch (e) {
        throw toHostError(e);
      }
    },
    async apply(changes) {
      try {
        return await withBudget(budget, (b) => env.run((context) => applyAll(context, features(env), changes, b)));
      } catch (e) {
        throw toHostError(e);
      }
    },
    async selectCell(sheet, cell) {
      if (!parseRange(cell)) throw new HostError("bad_address", cell);
      try {
        return await env.run(async (context) => {
          const ws = context.workbook.worksheets.getItem(sheet);
          ws.activate();
          ws.getRange(cell).select();
          await context.sync();
        });
      } catch (e) {
        throw toHostError(e, { sheet, cell });
      }
    },
  };
}
