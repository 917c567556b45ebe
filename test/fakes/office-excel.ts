/**
 * A fake Excel for the Office.js adapter, as strict as the real one where the adapter could go
 * wrong:
 * - a property can be read only after `load` and `context.sync()` (else PropertyNotLoaded);
 * - writes and method calls are queued and run at `sync()`, in order; the first that fails fails
 *   the sync (what ran before it stays done, as in Excel), and the loads of that batch are lost;
 * - every member of a newer API set fails at sync on an Excel without that set (ApiNotFound):
 *   `apiSets` lists the ExcelApi versions this Excel has;
 * - a string written as a value is parsed as Excel parses typing: "=1+1" becomes a formula, "12"
 *   a number, "TRUE" a boolean, unless the cell's number format is "@" (text);
 * - `getMergedAreasOrNullObject` fails over `mergeLimit` (512) areas, failing the whole sync;
 * - a note cannot be added to a cell holding a (threaded) comment, nor a second one;
 * - an unfilled cell reads as fill colour "#FFFFFF" (pattern "None" only through getCellProperties).
 * Counts syncs, the cells each sync loads, and can refuse a sync over a payload limit.
 */
import { evaluate } from "./arith";
import { columnLetters, parseA1, parseRange, rangeA1, toA1, type CellValue, type Merge } from "../../src/core/grid";
import type { OfficeEnvironment } from "../../src/hosts/office";

export interface FakeSheet {
  name: string;
  cells: CellValue[][];
  /** Merged areas, "A2:A5". */
  merges?: string[];
  /** A1 → formula ("=SUM(F3:F9)"); the cell's value in `cells` is its cached result. */
  formulas?: Record<string, string>;
  /** A1 → "#RRGGBB". */
  fills?: Record<string, string>;
  hidden?: boolean;
  printArea?: string;
}

export interface CellFormat {
  numberFormat: string;
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
  bold: boolean;
  fontName: string;
  fontColor: string;
  borders: string;
}

interface Cell {
  value: CellValue;
  formula?: string;
}

interface Validation {
  type: string;
  rule: unknown;
  prompt: { title?: string; message?: string; showPrompt?: boolean };
  errorAlert: { style?: string; title?: string; message?: string; showAlert?: boolean };
}

interface Cf {
  id: number;
  range: Merge;
  type: string;
  formula: string;
  fill: string;
}

export interface SheetState {
  id: string;
  name: string;
  store: Map<string, Cell>;
  fills: Map<string, string>;
  formats: Map<string, Partial<CellFormat>>;
  validations: Map<string, Validation>;
  cfs: Cf[];
  merges: string[];
  hidden: boolean;
  printArea: string | null;
  printTitles: string | null;
  layout: Record<string, unknown>;
  widths: Map<number, number>;
  /** Areas whose rows were fitted to their wrapped text (format.autofitRows). */
  autofitRows: string[];
  /** Rows from A1 (trailing empty cells dropped), for whole-sheet assertions. */
  readonly cells: CellValue[][];
}

type Op = () => void;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

const DEFAULT_SETS = ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "1.9", "1.10", "1.11", "1.12", "1.13", "1.14", "1.18"];
const key = (r: number, c: number) => `${r},${c}`;
const fail = (code: string, message: string) => Object.assign(new Error(message), { code });
const quote = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;

/** Excel's reading of typed text. */
function parseTyped(v: string, textFormat: boolean): Cell {
  if (textFormat) return { value: v };
  if (v.startsWith("=")) return { value: evaluate(v), formula: v };
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(v.trim())) return { value: Number(v) };
  if (/^[-+]?\d+(\.\d+)?%$/.test(v.trim())) return { value: Number(v.trim().slice(0, -1)) / 100 };
  if (/^(true|false)$/i.test(v.trim())) return { value: v.trim().toUpperCase() === "TRUE" };
  if (v.startsWith("+") || v.startsWith("-") || v.startsWith("@")) return { value: "#NAME?", formula: `=${v.slice(v.startsWith("@") ? 1 : 0)}` };
  return { value: v };
}


export class FakeExcel {
  readonly sheets: SheetState[] = [];
  /** Notes and threaded comments by "'Sheet'!A1". */
  readonly notes = new Map<string, string>();
  readonly comments = new Map<string, string>();
  syncs = 0;
  /** Cells whose values each sync loaded. */
  loadedCells: number[] = [];
  /** Calls made on the fake: "activate Sheet", "select S!A1", "add name", "copyFrom …" … */
  calls: string[] = [];
  /** Refuse a sync that loads more cells than this, as Excel on the web refuses over 5 MB. */
  payloadLimit = Infinity;
  /** getMergedAreasOrNullObject fails on a range with more merged areas than this. */
  mergeLimit = 512;
  /** Every Excel.run fails with this code. */
  failWith: string | null = null;
  /** Change handlers registered through onChanged. */
  readonly handlers: Array<{ sheetId: string | null; fn: (args: unknown) => unknown }> = [];

  private ops: Op[] = [];
  private loads: Array<{ cells: number; run: Op }> = [];
  private nextId = 1;

  constructor(
    sheets: FakeSheet[],
    readonly apiSets: string[] = DEFAULT_SETS,
  ) {
    for (const s of sheets) {
      const st = this.newSheet(s.name);
      s.cells.forEach((row, r) => row?.forEach((v, c) => v !== null && v !== "" && v !== undefined && st.store.set(key(r, c), { value: v })));
      for (const [a1, f] of Object.entries(s.formulas ?? {})) {
        const p = parseA1(a1)!;
        st.store.set(key(p.row, p.col), { value: st.store.get(key(p.row, p.col))?.value ?? null, formula: f });
      }
      for (const [a1, color] of Object.entries(s.fills ?? {})) st.fills.set(a1, color.toUpperCase());
      st.merges = s.merges ?? [];
      st.hidden = !!s.hidden;
      st.printArea = s.printArea ?? null;
      this.sheets.push(st);
    }
  }

  private newSheet(name: string): SheetState {
    const st = {
      id: `{sheet-${this.nextId++}}`,
      name,
      store: new Map<string, Cell>(),
      fills: new Map<string, string>(),
      formats: new Map<string, Partial<CellFormat>>(),
      validations: new Map<string, Validation>(),
      cfs: [] as Cf[],
      merges: [] as string[],
      hidden: false,
      printArea: null as string | null,
      printTitles: null as string | null,
      layout: {} as Record<string, unknown>,
      widths: new Map<number, number>(),
      autofitRows: [] as string[],
      get cells(): CellValue[][] {
        const out: CellValue[][] = [];
        for (const [k, cell] of st.store) {
          const [r, c] = k.split(",").map(Number);
          while (out.length <= r) out.push([]);
          const row = out[r];
          while (row.length <= c) row.push(null);
          row[c] = cell.value;
        }
        return out;
      },
    };
    return st;
  }

  env(): OfficeEnvironment {
    return {
      isSetSupported: (name, version) => name === "ExcelApi" && this.apiSets.includes(version),
      run: async (batch) => {
        if (this.failWith) throw fail(this.failWith, `fake ${this.failWith}`);
        this.ops = [];
        this.loads = [];
        return await batch(this.context() as unknown as Excel.RequestContext);
      },
    };
  }

  // ——— inspection (not host calls) ———

  sheet(name: string): SheetState {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw fail("ItemNotFound", `no sheet ${name}`);
    return s;
  }

  value(sheet: string, a1: string): CellValue {
    const p = parseA1(a1)!;
    return this.sheet(sheet).store.get(key(p.row, p.col))?.value ?? null;
  }

  formula(sheet: string, a1: string): string | null {
    const p = parseA1(a1)!;
    return this.sheet(sheet).store.get(key(p.row, p.col))?.formula ?? null;
  }

  format(sheet: string, a1: string): Partial<CellFormat> {
    return this.sheet(sheet).formats.get(a1) ?? {};
  }

  /** Every cell of every sheet: value, formula, fill, number format, note, comment. */
  snapshot(): Record<string, Record<string, unknown>> {
    const out: Record<string, Record<string, unknown>> = {};
    for (const s of this.sheets) {
      const cells: Record<string, unknown> = {};
      for (const [k, cell] of s.store) {
        const [r, c] = k.split(",").map(Number);
        cells[toA1(r, c)] = { value: cell.value, formula: cell.formula ?? null };
      }
      for (const [a1, fill] of s.fills) cells[a1] = { ...(cells[a1] as object), fill };
      for (const [a1, f] of s.formats) cells[a1] = { ...(cells[a1] as object), ...f };
      out[s.name] = cells;
    }
    for (const [k, v] of this.notes) (out.notes ??= {})[k] = v;
    for (const [k, v] of this.comments) (out.comments ??= {})[k] = v;
    return out;
  }

  /** The user types into a cell: the change events fire as Excel fires them. */
  async userTypes(sheet: string, a1: string, v: CellValue): Promise<void> {
    const st = this.sheet(sheet);
    const p = parseA1(a1)!;
    st.store.set(key(p.row, p.col), { value: v });
    for (const h of this.handlers) if (h.sheetId === null || h.sheetId === st.id) await h.fn({ worksheetId: st.id, address: a1, changeType: "RangeEdited", source: "Local" });
  }

  // ——— the object model ———

  private has(version: string): boolean {
    return this.apiSets.includes(version);
  }

  /** Queues an operation needing ExcelApi `version`; it fails at sync without it. */
  private queue(version: string, what: string, op: Op): void {
    this.ops.push(() => {
      if (!this.has(version)) throw fail("ApiNotFound", `${what} needs ExcelApi ${version}`);
      op();
    });
  }

  private async sync(): Promise<void> {
    this.syncs++;
    const ops = this.ops;
    const loads = this.loads;
    this.ops = [];
    this.loads = [];
    const cells = loads.reduce((n, l) => n + l.cells, 0);
    if (cells > this.payloadLimit) throw fail("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.");
    for (const op of ops) op();
    this.loadedCells.push(cells);
    for (const l of loads) l.run();
  }

  /** An object whose listed properties are readable after load + sync, and settable (queued). */
  private loadable(
    what: string,
    props: Record<string, { get: () => unknown; set?: (v: unknown) => void; cells?: () => number; version?: string }>,
    extra: Record<string, unknown> = {},
  ): Any {
    const loaded = new Map<string, unknown>();
    const obj: Any = {
      ...extra,
      load: (spec?: string | string[] | Record<string, unknown>) => {
        const names = typeof spec === "string" ? spec.split(",").map((s) => s.trim()) : Array.isArray(spec) ? spec : Object.keys(props);
        for (const n of names) {
          const [head] = n.split("/");
          const p = props[head];
          if (!p) {
            if (head in obj && typeof obj[head] === "object") {
              obj[head].load(n.split("/").slice(1).join("/"));
              continue;
            }
            throw new Error(`fake Excel: ${what} has no property ${head}`);
          }
          const version = p.version ?? "1.1";
          this.loads.push({
            cells: p.cells?.() ?? 0,
            run: () => {
              if (!this.has(version)) throw fail("ApiNotFound", `${what}.${head} needs ExcelApi ${version}`);
              loaded.set(head, p.get());
            },
          });
        }
        return obj;
      },
    };
    for (const [name, p] of Object.entries(props)) {
      Object.defineProperty(obj, name, {
        enumerable: true,
        configurable: true,
        get: () => {
          if (!loaded.has(name)) throw fail("PropertyNotLoaded", `The property '${name}' of ${what} is not available. Call load and sync first.`);
          return loaded.get(name);
        },
        set: (v: unknown) => {
          if (!p.set) throw new Error(`fake Excel: ${what}.${name} is read-only`);
          const set = p.set;
          loaded.set(name, v);
          this.queue(p.version ?? "1.1", `${what}.${name}`, () => set(v));
        },
      });
    }
    return obj;
  }

  private context(): Any {
    const fake = this;
    let items: Any[] | null = null;
    const sheetsLoadable: Any = {
      load: (spec?: string) => {
        const sub = String(spec ?? "")
          .split(",")
          .map((x) => x.replace(/^items\//, "").trim())
          .filter((x) => x && x !== "items");
        this.loads.push({
          cells: 0,
          run: () => {
            items = this.sheets.map((st) => this.worksheet(st.name, true));
            // Item properties listed as `items/x` are loaded with the items.
            for (const ws of items) for (const p of sub) ws.__fill(p);
          },
        });
        return sheetsLoadable;
      },
      get items(): Any[] {
        if (!items) throw fail("PropertyNotLoaded", "worksheets.items read before load and sync");
        return items;
      },
    };
    sheetsLoadable.getItem = (name: string) => this.worksheet(name);
    sheetsLoadable.add = (name: string) => {
      this.ops.push(() => {
        if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw fail("ItemAlreadyExists", `sheet ${name} exists`);
        this.calls.push(`add ${name}`);
        this.sheets.push(this.newSheet(name));
      });
      return this.worksheet(name);
    };
    sheetsLoadable.onChanged = {
      add: (fn: (a: unknown) => unknown) => {
        const h = { sheetId: null, fn };
        this.queue("1.9", "worksheets.onChanged", () => this.handlers.push(h));
        return { remove: () => this.ops.push(() => this.handlers.splice(this.handlers.indexOf(h), 1)), context: { sync: () => this.sync() } };
      },
    };
    const workbook = {
      worksheets: sheetsLoadable,
      get notes() {
        return fake.annotations("1.18", fake.notes, "note");
      },
      get comments() {
        return fake.annotations("1.10", fake.comments, "comment");
      },
    };
    return { workbook, sync: () => this.sync() };
  }

  private worksheet(name: string, known = false): Any {
    const state = () => this.sheet(name);
    const st = known ? this.sheet(name) : null;
    const ws = this.loadable("Worksheet", {
      visibility: { get: () => (state().hidden ? "Hidden" : "Visible"), set: (v) => (state().hidden = v !== "Visible") },
      id: { get: () => state().id },
    });
    // A sheet from a loaded collection knows its name (a real proxy has it loaded with the items).
    Object.defineProperty(ws, "name", {
      get: () => {
        if (!known) throw fail("PropertyNotLoaded", "Worksheet.name not loaded");
        return st!.name;
      },
    });
    ws.__fill = (p: string) => {
      if (p === "name") return;
      ws.load(p);
      const last = this.loads.pop()!;
      last.run();
    };
    ws.activate = () => this.ops.push(() => (state(), this.calls.push(`activate ${name}`)));
    ws.getRange = (address?: string) => this.range(name, address ?? "A1:XFD1048576");
    ws.getUsedRange = (valuesOnly?: boolean) => {
      if (!valuesOnly) this.calls.push("getUsedRange without valuesOnly");
      return this.range(name, () => this.usedArea(state(), !!valuesOnly));
    };
    ws.onChanged = {
      add: (fn: (a: unknown) => unknown) => {
        const h = { sheetId: state().id, fn };
        this.queue("1.7", "worksheet.onChanged", () => this.handlers.push(h));
        return { remove: () => this.ops.push(() => this.handlers.splice(this.handlers.indexOf(h), 1)), context: { sync: () => this.sync() } };
      },
    };
    ws.pageLayout = {
      getPrintAreaOrNullObject: () => {
        const areas = this.loadable("RangeAreas", { address: { get: () => `${quote(name)}!${state().printArea}`, version: "1.9" } });
        this.loads.push({ cells: 0, run: () => (areas.isNullObject = !state().printArea) });
        return areas;
      },
      setPrintArea: (a: string) => this.queue("1.9", "setPrintArea", () => (state().printArea = a)),
      setPrintTitleRows: (a: string) => this.queue("1.9", "setPrintTitleRows", () => (state().printTitles = a)),
    };
    for (const p of ["orientation", "paperSize", "zoom"]) {
      Object.defineProperty(ws.pageLayout, p, { set: (v) => this.queue("1.9", `pageLayout.${p}`, () => (state().layout[p] = v)) });
    }
    return ws;
  }

  /** The used area: cells with a value or formula (valuesOnly), or also with a fill or format. */
  private usedCache = new Map<string, string>();

  private usedArea(s: SheetState, valuesOnly: boolean): string {
    // Nothing changes between two syncs' writes: one computation per sheet and sync.
    const k = `${this.syncs}|${this.ops.length}|${s.id}|${valuesOnly}|${s.store.size}`;
    let hit = this.usedCache.get(k);
    if (hit === undefined) {
      hit = this.computeUsedArea(s, valuesOnly);
      this.usedCache.clear();
      this.usedCache.set(k, hit);
    }
    return hit;
  }

  private computeUsedArea(s: SheetState, valuesOnly: boolean): string {
    let [top, left, bottom, right] = [Infinity, Infinity, -1, -1];
    const take = (r: number, c: number) => {
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    };
    for (const [k, cell] of s.store) if (cell.value !== null || cell.formula) take(...(k.split(",").map(Number) as [number, number]));
    if (!valuesOnly) for (const a1 of [...s.fills.keys(), ...s.formats.keys()]) take(parseA1(a1)!.row, parseA1(a1)!.col);
    if (bottom < 0) return "A1";
    return rangeA1({ top, left, bottom, right });
  }

  private cellsIn(a: Merge): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) out.push([r, c]);
    return out;
  }

  private range(sheet: string, address: string | (() => string)): Any {
    const area = (): Merge => {
      const a = typeof address === "string" ? address : address();
      const m = /^[A-Z]{1,3}:[A-Z]{1,3}$/i.test(a) ? parseRange(`${a.split(":")[0]}1:${a.split(":")[1]}1048576`) : parseRange(a);
      if (!m) throw fail("InvalidArgument", `bad address ${a}`);
      return m;
    };
    if (typeof address === "string") area(); // a bad address fails at once, as getRange does at sync
    const st = () => this.sheet(sheet);
    const size = () => {
      const a = area();
      return (a.bottom - a.top + 1) * (a.right - a.left + 1);
    };
    const matrix = <T,>(f: (r: number, c: number) => T): T[][] => {
      const a = area();
      if (size() > 5_000_000) throw new Error("test reads the values of a whole sheet");
      return Array.from({ length: a.bottom - a.top + 1 }, (_, i) => Array.from({ length: a.right - a.left + 1 }, (_, j) => f(a.top + i, a.left + j)));
    };
    const each = (v: unknown, f: (r: number, c: number, x: unknown) => void) => {
      const a = area();
      const rows = a.bottom - a.top + 1;
      const cols = a.right - a.left + 1;
      if (!Array.isArray(v) || v.length !== rows || (v as unknown[][]).some((r) => !Array.isArray(r) || r.length !== cols))
        throw fail("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rangeA1(a)}).`);
      // A write reaching into a merged area (other than its top-left cell) fails as a whole.
      (v as unknown[][]).forEach((row, i) => row.forEach((x, j) => x !== null && x !== undefined && this.checkMerge(st(), a.top + i, a.left + j)));
      (v as unknown[][]).forEach((row, i) => row.forEach((x, j) => f(a.top + i, a.left + j, x)));
    };
    const textFormat = (r: number, c: number) => st().formats.get(toA1(r, c))?.numberFormat === "@";
    const writeValue = (r: number, c: number, x: unknown, asFormula: boolean) => {
      if (x === null || x === undefined) return; // null leaves the cell as it is
      this.checkMerge(st(), r, c);
      const k = key(r, c);
      if (x === "") st().store.delete(k);
      else if (typeof x === "string") {
        const cell = parseTyped(x, textFormat(r, c));
        if (asFormula && cell.formula === undefined && x.startsWith("=") && !textFormat(r, c)) cell.formula = x;
        st().store.set(k, cell);
      } else if (typeof x === "number" || typeof x === "boolean") st().store.set(k, { value: x });
      else throw fail("InvalidArgument", `cannot write ${Object.prototype.toString.call(x)}`);
    };
    const fmt = (r: number, c: number) => {
      const a1 = toA1(r, c);
      let f = st().formats.get(a1);
      if (!f) st().formats.set(a1, (f = {}));
      return f;
    };
    const uniform = (get: (r: number, c: number) => unknown) => {
      const vals = new Set(this.cellsIn(area()).map(([r, c]) => JSON.stringify(get(r, c) ?? null)));
      return vals.size === 1 ? JSON.parse([...vals][0]) : null;
    };
    const formatProp = (p: keyof CellFormat, dflt: unknown) => ({
      get: () => uniform((r, c) => st().formats.get(toA1(r, c))?.[p] ?? dflt),
      set: (v: unknown) => this.cellsIn(area()).forEach(([r, c]) => ((fmt(r, c) as Record<string, unknown>)[p] = v)),
    });
    const fill = this.loadable("RangeFill", {
      color: {
        get: () => uniform((r, c) => st().fills.get(toA1(r, c)) ?? "#FFFFFF"),
        set: (v) => this.cellsIn(area()).forEach(([r, c]) => st().fills.set(toA1(r, c), String(v).toUpperCase())),
      },
    });
    fill.clear = () => this.ops.push(() => this.cellsIn(area()).forEach(([r, c]) => st().fills.delete(toA1(r, c))));
    const font = this.loadable("RangeFont", {
      bold: formatProp("bold", false),
      name: formatProp("fontName", "等线"),
      color: formatProp("fontColor", "#000000"),
      size: { get: () => 11, set: () => undefined },
      italic: { get: () => false, set: () => undefined },
    });
    const format = this.loadable(
      "RangeFormat",
      {
        horizontalAlignment: formatProp("horizontalAlignment", "General"),
        verticalAlignment: formatProp("verticalAlignment", "Bottom"),
        wrapText: formatProp("wrapText", false),
        columnWidth: {
          get: () => 48,
          set: (v) => {
            const a = area();
            for (let c = a.left; c <= a.right; c++) st().widths.set(c, v as number);
            this.calls.push(`width ${sheet}!${rangeA1(a)} ${v}`);
          },
          version: "1.2",
        },
      },
      { fill, font },
    );
    (format as Record<string, unknown>).autofitRows = () => this.queue("1.2", "format.autofitRows", () => st().autofitRows.push(rangeA1(area())));
    const dataValidation = this.loadable("DataValidation", {
      type: { get: () => uniform((r, c) => st().validations.get(toA1(r, c))?.type ?? "None") ?? "Inconsistent", version: "1.8" },
      prompt: {
        get: () => uniform((r, c) => st().validations.get(toA1(r, c))?.prompt ?? {}) ?? {},
        set: (v) => this.cellsIn(area()).forEach(([r, c]) => this.validation(st(), r, c, { prompt: v as Validation["prompt"] })),
        version: "1.8",
      },
      rule: { get: () => null, set: (v) => this.cellsIn(area()).forEach(([r, c]) => this.validation(st(), r, c, { rule: v, type: Object.keys(v as object)[0] === "decimal" ? "Decimal" : "List" })), version: "1.8" },
      errorAlert: { get: () => null, set: (v) => this.cellsIn(area()).forEach(([r, c]) => this.validation(st(), r, c, { errorAlert: v as Validation["errorAlert"] })), version: "1.8" },
    });
    dataValidation.clear = () => this.queue("1.8", "dataValidation.clear", () => this.cellsIn(area()).forEach(([r, c]) => st().validations.delete(toA1(r, c))));

    const m = this.loadable(
      "Range",
      {
        values: {
          get: () => matrix((r, c) => st().store.get(key(r, c))?.value ?? ""),
          set: (v) => each(v, (r, c, x) => writeValue(r, c, x, false)),
          cells: size,
        },
        formulas: {
          get: () => matrix((r, c) => st().store.get(key(r, c))?.formula ?? st().store.get(key(r, c))?.value ?? ""),
          set: (v) => each(v, (r, c, x) => writeValue(r, c, x, true)),
          cells: size,
        },
        numberFormat: {
          get: () => matrix((r, c) => st().formats.get(toA1(r, c))?.numberFormat ?? "General"),
          set: (v) => each(v, (r, c, x) => (fmt(r, c).numberFormat = String(x))),
          cells: size,
        },
        rowIndex: { get: () => area().top },
        columnIndex: { get: () => area().left },
        rowCount: { get: () => area().bottom - area().top + 1 },
        columnCount: { get: () => area().right - area().left + 1 },
        address: { get: () => `${quote(sheet)}!${rangeA1(area())}` },
      },
      { format, dataValidation },
    );
    m.fakeKey = () => `${quote(sheet)}!${rangeA1(area())}`;
    m.select = () => this.ops.push(() => (st(), this.calls.push(`select ${sheet}!${rangeA1(area())}`)));
    m.getEntireColumn = () => this.range(sheet, () => `${columnLetters(area().left)}1:${columnLetters(area().right)}1048576`);
    m.clear = () =>
      this.ops.push(() => {
        this.calls.push(`clear ${sheet}`);
        const s = st();
        const a = area();
        for (const k of [...s.store.keys()]) {
          const [r, c] = k.split(",").map(Number);
          if (r >= a.top && r <= a.bottom && c >= a.left && c <= a.right) s.store.delete(k);
        }
        for (const map of [s.fills, s.formats, s.validations] as Map<string, unknown>[])
          for (const a1 of [...map.keys()]) {
            const p = parseA1(a1)!;
            if (p.row >= a.top && p.row <= a.bottom && p.col >= a.left && p.col <= a.right) map.delete(a1);
          }
      });
    m.copyFrom = (source: Any, type: string) =>
      this.queue("1.9", "copyFrom", () => {
        if (type !== "Formats") throw new Error("fake Excel: only formats are copied");
        const from = parseRange(String(source.fakeKey()).replace(/^.*!/, ""))!;
        const to = area();
        const s = st();
        this.calls.push(`copyFrom ${rangeA1(from)} → ${rangeA1(to)}`);
        for (const [r, c] of this.cellsIn(to)) {
          const sr = from.top + ((r - to.top) % (from.bottom - from.top + 1));
          const sc = from.left + ((c - to.left) % (from.right - from.left + 1));
          const f = s.formats.get(toA1(sr, sc));
          if (f) s.formats.set(toA1(r, c), { ...f });
          else s.formats.delete(toA1(r, c));
          const fillColor = s.fills.get(toA1(sr, sc));
          if (fillColor) s.fills.set(toA1(r, c), fillColor);
          else s.fills.delete(toA1(r, c));
        }
      });
    m.getCellProperties = (_opts: unknown) => {
      const result: Any = {};
      let loaded = false;
      Object.defineProperty(result, "value", {
        get: () => {
          if (!loaded) throw fail("PropertyNotLoaded", "ClientResult.value read before sync");
          return result.__value;
        },
      });
      this.loads.push({
        cells: size(),
        run: () => {
          if (!this.has("1.9")) throw fail("ApiNotFound", "getCellProperties needs ExcelApi 1.9");
          result.__value = matrix((r, c) => {
            const color = st().fills.get(toA1(r, c));
            return { format: { fill: { color: color ?? "#FFFFFF", pattern: color ? "Solid" : "None" } } };
          });
          loaded = true;
        },
      });
      return result;
    };
    m.getMergedAreasOrNullObject = () => {
      const address = () => {
            const a = area();
            const hits = this.parsedMerges(st()).filter(({ g }) => g.top <= a.bottom && g.bottom >= a.top && g.left <= a.right && g.right >= a.left).map(({ x }) => x);
            if (hits.length > this.mergeLimit) throw fail("GeneralException", "There was an internal error while processing the request.");
            return hits.map((x) => `${quote(sheet)}!${x}`).join(",");
      };
      const areas = this.loadable("RangeAreas", { address: { get: address, version: "1.13" } });
      this.loads.push({ cells: 0, run: () => (areas.isNullObject = address() === "") });
      return areas;
    };
    m.getSpecialCellsOrNullObject = (type: string) => {
      const address = () => {
            if (type !== "Formulas") throw new Error("fake Excel: only formula cells");
            const a = area();
            const cells = [...st().store.entries()]
              .filter(([, cell]) => cell.formula)
              .map(([k]) => k.split(",").map(Number))
              .filter(([r, c]) => r >= a.top && r <= a.bottom && c >= a.left && c <= a.right)
              .sort((x, y) => x[1] - y[1] || x[0] - y[0]);
            // Runs down a column become one area, as Excel reports them.
            const out: Merge[] = [];
            for (const [r, c] of cells) {
              const last = out[out.length - 1];
              if (last && last.left === c && last.bottom === r - 1) last.bottom = r;
              else out.push({ top: r, left: c, bottom: r, right: c });
            }
            return out.map((x) => `${quote(sheet)}!${rangeA1(x)}`).join(",");
      };
      const areas = this.loadable("RangeAreas", { address: { get: address, version: "1.9" } });
      this.loads.push({ cells: 0, run: () => (areas.isNullObject = address() === "") });
      return areas;
    };
    m.conditionalFormats = this.conditionalFormats(sheet, area);
    m.isNullObject = false;
    return m;
  }

  private validation(s: SheetState, r: number, c: number, patch: Partial<Validation>): void {
    const a1 = toA1(r, c);
    const v = s.validations.get(a1) ?? { type: "None", rule: null, prompt: {}, errorAlert: {} };
    s.validations.set(a1, { ...v, ...patch });
  }

  private conditionalFormats(sheet: string, area: () => Merge): Any {
    const st = () => this.sheet(sheet);
    const cfProxy = (cf: Cf): Any => {
      const fill = this.loadable("ConditionalFill", { color: { get: () => cf.fill, set: (v) => (cf.fill = String(v).toUpperCase()), version: "1.6" } });
      const rule = {} as Any;
      Object.defineProperty(rule, "formula", { set: (v) => this.queue("1.6", "cf.rule", () => (cf.formula = String(v))) });
      const p = this.loadable("ConditionalFormat", { type: { get: () => cf.type, version: "1.6" } }, { custom: { rule, format: { fill } } });
      p.getRange = () => this.range(sheet, () => rangeA1(cf.range));
      p.delete = () => this.queue("1.6", "cf.delete", () => (st().cfs = st().cfs.filter((x) => x !== cf)));
      p.__cf = cf;
      return p;
    };
    const coll = this.loadable("ConditionalFormatCollection", {
      items: {
        get: () => {
          const a = area();
          return st()
            .cfs.filter((cf) => cf.range.top <= a.bottom && cf.range.bottom >= a.top && cf.range.left <= a.right && cf.range.right >= a.left)
            .map(cfProxy);
        },
        version: "1.6",
      },
    });
    const load = coll.load;
    coll.load = (spec: string) => {
      load("items");
      if (String(spec).includes("type")) {
        this.loads.push({ cells: 0, run: () => coll.items.forEach((x: Any) => (x.load("type"), this.loads.pop()!.run())) });
      }
      return coll;
    };
    coll.add = (type: string) => {
      const cf: Cf = { id: this.nextId++, range: area(), type, formula: "", fill: "" };
      this.queue("1.6", "conditionalFormats.add", () => st().cfs.push(cf));
      return cfProxy(cf);
    };
    return coll;
  }

  private covered = new WeakMap<string[], Map<string, string>>();
  private parsed = new WeakMap<string[], Array<{ x: string; g: Merge }>>();

  private parsedMerges(s: SheetState): Array<{ x: string; g: Merge }> {
    let p = this.parsed.get(s.merges);
    if (!p) this.parsed.set(s.merges, (p = s.merges.map((x) => ({ x, g: parseRange(x)! }))));
    return p;
  }

  /** Fails when (r, c) lies in a merged area other than at its top-left cell. */
  private checkMerge(s: SheetState, r: number, c: number): void {
    let index = this.covered.get(s.merges);
    if (!index) {
      index = new Map();
      for (const x of s.merges) {
        const g = parseRange(x)!;
        for (let i = g.top; i <= g.bottom; i++) for (let j = g.left; j <= g.right; j++) if (i !== g.top || j !== g.left) index.set(key(i, j), x);
      }
      this.covered.set(s.merges, index);
    }
    const hit = index.get(key(r, c));
    if (hit) throw fail("MergedRangeConflict", `cannot write into ${toA1(r, c)} inside merged ${hit}`);
  }

  private annotations(version: string, store: Map<string, string>, kind: "note" | "comment"): Any {
    if (!this.has(version)) throw fail("ApiNotFound", `${kind}s need ExcelApi ${version}`);
    const item = (k: string): Any => {
      const a = this.loadable(kind, {
        content: { get: () => store.get(k) ?? "", set: (v) => store.set(k, String(v)), version },
      });
      a.isNullObject = false;
      a.delete = () => this.ops.push(() => store.delete(k));
      a.getLocation = () => this.range(k.replace(/^'(.*)'!.*$/, "$1").replace(/''/g, "'"), k.replace(/^.*!/, ""));
      return a;
    };
    const coll = this.loadable(`${kind}s`, { items: { get: () => [...store.keys()].map(item), version } });
    const load = coll.load;
    coll.load = (spec: string) => {
      load("items");
      if (String(spec).includes("content")) this.loads.push({ cells: 0, run: () => coll.items.forEach((x: Any) => (x.load("content"), this.loads.pop()!.run())) });
      return coll;
    };
    coll.getItemOrNullObject = (k: string) => {
      const a = item(k);
      this.loads.push({ cells: 0, run: () => (a.isNullObject = !store.has(k)) });
      return a;
    };
    coll.add = (range: Any, content: string) =>
      this.ops.push(() => {
        const k = range.fakeKey();
        if (kind === "note" && this.comments.has(k)) throw fail("InvalidArgument", "A note cannot be added to a cell that has a threaded comment.");
        if (kind === "comment" && this.notes.has(k)) throw fail("InvalidArgument", "A comment cannot be added to a cell that has a note.");
        if (store.has(k)) throw fail("InvalidArgument", `${kind} exists at ${k}`);
        store.set(k, content);
      });
    return coll;
  }
}
