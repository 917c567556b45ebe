/**
 * A fake WPS 表格 (ET) object model over in-memory workbooks, implementing the subset the WPS host
 * may use (see src/hosts/wps/) and nothing more: touching any other member throws, so the adapter
 * cannot drift outside the subset unnoticed. It behaves as ET does, and every variant met between
 * WPS builds can be switched on (`FakeEtOptions`) so the adapter is tested against each:
 * - 1-based collections, BGR colours, MergeCells true/false/null, AddComment failing on a cell that
 *   has a comment, Select failing on a sheet that is not active, writes to a protected sheet
 *   throwing, Validation.Type throwing on a cell without validation;
 * - a string written as Value2 or Formula is parsed as typed: "=1+1" becomes a formula, "12" a
 *   number, "TRUE" a boolean, unless the cell's NumberFormat is "@";
 * - Value2 of a block as a JS 2D array, an object with Item(r, c), a VBArray, or only the first
 *   cell's value (`value2`); error cells as COM error codes (`comErrors`); a UsedRange inflated
 *   by formatting (`formattedRows` on a sheet); comments read back with their author's name in
 *   front and cut at 255 characters (`commentAuthor`, `commentLimit`); callable collections that
 *   fail when called without an index (`callableCollections`); properties as zero-argument methods
 *   (`propertiesAsMethods`); several open workbooks with the active one switching (`addWorkbook`,
 *   `activateWorkbook`).
 *
 * No Node APIs: it is also bundled (test/fakes/wps-et-bundle.ts) and injected into a browser page as
 * `window.wps`. Every host call is counted (`calls`, `callCounts`).
 */
import { evaluate } from "./arith";
import type { CellValue, Merge } from "../../src/core/grid";

export interface FakeSheetInit {
  name: string;
  /** Values from A1, 0-based rows and columns; null or "" is an empty cell. */
  cells?: CellValue[][];
  /** 0-based inclusive merged areas. */
  merges?: Merge[];
  /** A1 → "#RRGGBB". */
  fills?: Record<string, string>;
  /** A1 → comment text. */
  comments?: Record<string, string>;
  /** A1 → formula; the cell's value in `cells` is its cached result. */
  formulas?: Record<string, string>;
  /** A1 → error text ("#DIV/0!"): the cell shows an error. */
  errors?: Record<string, string>;
  /** A1 → the input title of a validation the user set. */
  validations?: Record<string, string>;
  /** Whole columns formatted down to this row (1-based): UsedRange reaches it. */
  formattedRows?: number;
  hidden?: boolean;
  printArea?: string;
  protected?: boolean;
}

export interface FakeEtOptions {
  propertiesAsMethods?: boolean;
  /** ActiveWorkbook is null (WPS open with no document). */
  noWorkbook?: boolean;
  /** What Value2 (and Formula) of a block returns. */
  value2?: "array" | "item" | "vbarray" | "first";
  /** Error cells read as COM error codes (−2146826281 for #DIV/0!). */
  comErrors?: boolean;
  /** Comment.Text() gives "<author>:\n<text>". */
  commentAuthor?: string;
  /** AddComment keeps at most this many characters. */
  commentLimit?: number;
  /** Worksheets/Comments/FormatConditions are functions taking an index (and fail without one). */
  callableCollections?: boolean;
  /** The WPS build spells the pane method CreateTaskpane (newer builds) instead of CreateTaskPane. */
  paneSpelling?: "CreateTaskPane" | "CreateTaskpane";
}

/** ET's xlNone / xlColorIndexNone / xlPatternNone. */
const XL_NONE = -4142;
const WHITE_BGR = 0xffffff;
const MAX_ROWS = 1048576;
const COM_CODES: Record<string, number> = {
  "#DIV/0!": -2146826281,
  "#N/A": -2146826246,
  "#NAME?": -2146826259,
  "#NULL!": -2146826288,
  "#NUM!": -2146826252,
  "#REF!": -2146826265,
  "#VALUE!": -2146826273,
};

interface Area {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

interface Validation {
  Type: number;
  AlertStyle: number;
  Formula1: string;
  Formula2: string;
  InputTitle: string;
  InputMessage: string;
  ErrorTitle: string;
  ErrorMessage: string;
  ShowInput: boolean;
  ShowError: boolean;
}

interface Cf {
  area: Area;
  Type: number;
  Formula1: string;
  color: number | null;
}

class SheetState {
  values = new Map<string, CellValue>();
  formulas = new Map<string, string>();
  errors = new Set<string>();
  numberFormats = new Map<string, string>();
  fills = new Map<string, number>();
  formats = new Map<string, Record<string, unknown>>();
  comments = new Map<string, string>();
  validations = new Map<string, Validation>();
  cfs: Cf[] = [];
  merges: Area[] = [];
  protected = false;
  visible: number = -1;
  formattedRows = 0;
  widths = new Map<number, number>();
  /** Areas whose rows were fitted to their text (Range.Rows.AutoFit()). */
  autofitRows: string[] = [];
  pageSetup: Record<string, unknown> = { PrintArea: "" };
  constructor(public name: string) {}
}

interface Book {
  name: string;
  fullName: string;
  sheets: SheetState[];
  active: number;
}

const key = (r: number, c: number) => `${r},${c}`;

function letters(c: number): string {
  let s = "";
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function colNumber(s: string): number {
  let c = 0;
  for (const ch of s.toUpperCase()) c = c * 26 + ch.charCodeAt(0) - 64;
  return c;
}

function parseCell(a: string): { r: number; c: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?([1-9]\d*)$/i.exec(a.trim());
  if (!m) return null;
  return { r: Number(m[2]), c: colNumber(m[1]) };
}

function parseArea(address: string): Area | null {
  const whole = /^\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$/i.exec(address.trim());
  if (whole) return { r1: 1, c1: colNumber(whole[1]), r2: MAX_ROWS, c2: colNumber(whole[2]) };
  const parts = address.split(":");
  if (parts.length > 2) return null;
  const a = parseCell(parts[0]);
  const b = parseCell(parts[1] ?? parts[0]);
  if (!a || !b) return null;
  return { r1: Math.min(a.r, b.r), c1: Math.min(a.c, b.c), r2: Math.max(a.r, b.r), c2: Math.max(a.c, b.c) };
}

const inside = (a: Area, r: number, c: number) => r >= a.r1 && r <= a.r2 && c >= a.c1 && c <= a.c2;
const overlaps = (a: Area, b: Area) => a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
const areaText = (a: Area) => (a.r1 === a.r2 && a.c1 === a.c2 ? `${letters(a.c1)}${a.r1}` : `${letters(a.c1)}${a.r1}:${letters(a.c2)}${a.r2}`);

function hexToBgr(hex: string): number {
  const n = parseInt(hex.replace("#", ""), 16);
  return ((n >> 16) & 0xff) | (n & 0xff00) | ((n & 0xff) << 16);
}

function bgrToHex(bgr: number): string {
  const rgb = ((bgr & 0xff) << 16) | (bgr & 0xff00) | ((bgr >> 16) & 0xff);
  return "#" + rgb.toString(16).toUpperCase().padStart(6, "0");
}


type Getter = () => unknown;
type Setter = (v: unknown) => void;
interface Members {
  props?: Record<string, Getter | [Getter, Setter]>;
  methods?: Record<string, (...args: unknown[]) => unknown>;
}

export class FakeEt {
  /** Every host call (property read or write, method call), in total and by "Kind.Member". */
  calls = 0;
  callCounts: Record<string, number> = {};
  readonly books: Book[] = [];
  activeBook = 0;
  selection: { sheet: string; address: string } | null = null;
  screenUpdating = true;
  /** Every value ScreenUpdating was set to, in order. */
  screenUpdatingLog: boolean[] = [];
  /** What `window.wps` holds: the ET application and the add-in API the ribbon code uses. */
  readonly wps: Record<string, unknown>;
  readonly Application: unknown;
  private readonly listeners = new Map<string, Array<(...a: unknown[]) => unknown>>();
  private readonly failures = new Map<string, string>();
  private readonly panes = new Map<string, { ID: string; url: string; Visible: boolean }>();
  private readonly storage = new Map<string, string>();
  private readonly objects = new WeakMap<object, SheetState>();

  constructor(
    init: FakeSheetInit[],
    readonly options: FakeEtOptions = {},
  ) {
    this.books.push(this.makeBook("考核表.xlsx", "D:\\考核\\考核表.xlsx", init));
    const app = this.host("Application", {
      props: {
        ActiveWorkbook: () => (options.noWorkbook ? null : this.workbook(this.books[this.activeBook])),
        ScreenUpdating: [
          () => this.screenUpdating,
          (v) => {
            this.screenUpdating = !!v;
            this.screenUpdatingLog.push(!!v);
          },
        ],
        ApiEvent: () =>
          this.host("ApiEvent", {
            methods: {
              AddApiEventListener: (name: unknown, fn: unknown) => {
                if (typeof fn !== "function") throw new Error("AddApiEventListener 需要函数");
                this.listeners.set(String(name), [...(this.listeners.get(String(name)) ?? []), fn as (...a: unknown[]) => unknown]);
              },
              RemoveApiEventListener: (name: unknown, fn: unknown) => {
                this.listeners.set(String(name), (this.listeners.get(String(name)) ?? []).filter((f) => f !== fn));
              },
            },
          }),
      },
    });
    this.Application = app;
    const spelling = options.paneSpelling ?? "CreateTaskPane";
    this.wps = {
      EtApplication: () => app,
      PluginStorage: {
        getItem: (k: string) => this.storage.get(k) ?? null,
        setItem: (k: string, v: unknown) => void this.storage.set(k, String(v)),
      },
      [spelling]: (url: string) => {
        const pane = { ID: `pane-${this.panes.size + 1}`, url, Visible: false };
        this.panes.set(pane.ID, pane);
        return pane;
      },
      GetTaskPane: (id: string) => this.panes.get(id) ?? null,
    };
  }

  private makeBook(name: string, fullName: string, init: FakeSheetInit[]): Book {
    const sheets: SheetState[] = [];
    for (const s of init) {
      const st = new SheetState(s.name);
      st.protected = !!s.protected;
      st.visible = s.hidden ? 0 : -1;
      st.formattedRows = s.formattedRows ?? 0;
      if (s.printArea) st.pageSetup.PrintArea = s.printArea;
      // What the user typed is stored as it is (a text typed with a leading apostrophe stays text).
      (s.cells ?? []).forEach((row, r) => row?.forEach((v, c) => v !== null && v !== undefined && v !== "" && st.values.set(key(r + 1, c + 1), v)));
      st.merges = (s.merges ?? []).map((m) => ({ r1: m.top + 1, c1: m.left + 1, r2: m.bottom + 1, c2: m.right + 1 }));
      for (const [a, hex] of Object.entries(s.fills ?? {})) st.fills.set(this.keyOf(a), hexToBgr(hex));
      for (const [a, text] of Object.entries(s.comments ?? {})) st.comments.set(this.keyOf(a), text);
      for (const [a, f] of Object.entries(s.formulas ?? {})) st.formulas.set(this.keyOf(a), f);
      for (const [a, e] of Object.entries(s.errors ?? {})) {
        st.values.set(this.keyOf(a), e);
        st.errors.add(this.keyOf(a));
      }
      for (const [a, title] of Object.entries(s.validations ?? {}))
        st.validations.set(this.keyOf(a), { Type: 1, AlertStyle: 1, Formula1: "0", Formula2: "9", InputTitle: title, InputMessage: "", ErrorTitle: "", ErrorMessage: "", ShowInput: true, ShowError: true });
      sheets.push(st);
    }
    if (!sheets.length) sheets.push(new SheetState("Sheet1"));
    return { name, fullName, sheets, active: 0 };
  }

  // ——— inspection for tests (not host calls, not counted) ———

  /** The sheets of the first workbook (the one the test opened). */
  get sheets(): SheetState[] {
    return this.books[0].sheets;
  }

  /** Opens another workbook, which becomes the active one. */
  addWorkbook(name: string, sheets: FakeSheetInit[]): void {
    this.books.push(this.makeBook(name, `D:\\其他\\${name}`, sheets));
    this.activeBook = this.books.length - 1;
  }

  /** The user switches to workbook `index` (0: the first). */
  activateWorkbook(index: number): void {
    this.activeBook = index;
  }

  sheetNames(book = 0): string[] {
    return this.books[book].sheets.map((s) => s.name);
  }

  value(sheet: string, a1: string): CellValue {
    return this.state(sheet).values.get(this.keyOf(a1)) ?? null;
  }

  formula(sheet: string, a1: string): string | null {
    return this.state(sheet).formulas.get(this.keyOf(a1)) ?? null;
  }

  numberFormat(sheet: string, a1: string): string {
    return this.state(sheet).numberFormats.get(this.keyOf(a1)) ?? "General";
  }

  /** "#RRGGBB" of the fill, null for none. */
  fill(sheet: string, a1: string): string | null {
    const bgr = this.state(sheet).fills.get(this.keyOf(a1));
    return bgr === undefined ? null : bgrToHex(bgr);
  }

  comment(sheet: string, a1: string): string | null {
    return this.state(sheet).comments.get(this.keyOf(a1)) ?? null;
  }

  validation(sheet: string, a1: string): Validation | null {
    return this.state(sheet).validations.get(this.keyOf(a1)) ?? null;
  }

  conditionals(sheet: string): Array<{ range: string; formula: string; color: string | null }> {
    return this.state(sheet).cfs.map((cf) => ({ range: areaText(cf.area), formula: cf.Formula1, color: cf.color === null ? null : bgrToHex(cf.color) }));
  }

  pageSetup(sheet: string): Record<string, unknown> {
    return this.state(sheet).pageSetup;
  }

  formatOf(sheet: string, a1: string): Record<string, unknown> {
    return this.state(sheet).formats.get(this.keyOf(a1)) ?? {};
  }

  autofitRows(sheet: string): string[] {
    return this.state(sheet).autofitRows;
  }

  columnWidth(sheet: string, column: string): number | undefined {
    return this.state(sheet).widths.get(colNumber(column));
  }

  hidden(sheet: string): boolean {
    return this.state(sheet).visible !== -1;
  }

  /** The sheet as rows from A1 (trailing empty cells dropped), for whole-sheet assertions. */
  rows(sheet: string, book = 0): CellValue[][] {
    const st = this.state(sheet, book);
    const out: CellValue[][] = [];
    for (const [k, v] of st.values) {
      const [r, c] = k.split(",").map(Number);
      while (out.length < r) out.push([]);
      const row = out[r - 1];
      while (row.length < c) row.push(null);
      row[c - 1] = v;
    }
    return out;
  }

  /** Every cell holding something: A1 → value and formula. */
  cells(sheet: string, book = 0): Record<string, { value: CellValue; formula: string | null }> {
    const st = this.state(sheet, book);
    const out: Record<string, { value: CellValue; formula: string | null }> = {};
    for (const k of new Set([...st.values.keys(), ...st.formulas.keys()])) {
      const [r, c] = k.split(",").map(Number);
      out[letters(c) + r] = { value: st.values.get(k) ?? null, formula: st.formulas.get(k) ?? null };
    }
    return out;
  }

  /** Every fill and comment of a sheet, by A1 address. */
  marks(sheet: string): Record<string, { fill: string | null; comment: string | null }> {
    const st = this.state(sheet);
    const out: Record<string, { fill: string | null; comment: string | null }> = {};
    const addr = (k: string) => {
      const [r, c] = k.split(",").map(Number);
      return letters(c) + r;
    };
    for (const [k, bgr] of st.fills) out[addr(k)] = { fill: bgrToHex(bgr), comment: st.comments.get(k) ?? null };
    for (const [k, text] of st.comments) out[addr(k)] ??= { fill: null, comment: text };
    return out;
  }

  /** Every sheet's values, fills and comments, for whole-workbook comparisons. */
  snapshot(): { name: string; rows: CellValue[][]; marks: ReturnType<FakeEt["marks"]> }[] {
    return this.sheetNames().map((name) => ({ name, rows: this.rows(name), marks: this.marks(name) }));
  }

  activeSheet(): string {
    const b = this.books[this.activeBook];
    return b.sheets[b.active].name;
  }

  /** The user types into a cell (not a host call); SheetChange listeners hear of it. */
  type(sheet: string, a1: string, v: CellValue): void {
    const p = parseCell(a1);
    if (!p) throw new Error(`fake: bad address ${a1}`);
    const st = this.state(sheet);
    this.store(st, p.r, p.c, v);
    for (const fn of this.listeners.get("SheetChange") ?? []) fn(this.worksheet(st), this.range(st, { r1: p.r, c1: p.c, r2: p.r, c2: p.c }));
  }

  listenerCount(event: string): number {
    return (this.listeners.get(event) ?? []).length;
  }

  protect(sheet: string, on = true): void {
    this.state(sheet).protected = on;
  }

  /** Makes the next use of a member ("Range.Value2=", "Worksheet.Range", …) throw `message`. */
  failOn(member: string, message: string): void {
    this.failures.set(member, message);
  }

  resetCalls(): void {
    this.calls = 0;
    this.callCounts = {};
  }

  paneCount(): number {
    return this.panes.size;
  }

  // ——— the object model ———

  private keyOf(a1: string): string {
    const p = parseCell(a1);
    if (!p) throw new Error(`fake: bad address ${a1}`);
    return key(p.r, p.c);
  }

  private state(name: string, book = 0): SheetState {
    const st = this.books[book].sheets.find((s) => s.name === name);
    if (!st) throw new Error(`fake: no sheet ${name}`);
    return st;
  }

  private store(st: SheetState, r: number, c: number, v: unknown): void {
    const k = key(r, c);
    st.formulas.delete(k);
    st.errors.delete(k);
    if (v === null || v === undefined || v === "") st.values.delete(k);
    else if (typeof v === "number" || typeof v === "boolean") st.values.set(k, v);
    else if (typeof v === "string") {
      // As typed: ET parses the text unless the cell is formatted as text.
      if (st.numberFormats.get(k) === "@") st.values.set(k, v);
      else if (v.startsWith("=")) {
        st.formulas.set(k, v);
        st.values.set(k, evaluate(v));
      } else if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(v.trim())) st.values.set(k, Number(v));
      else if (/^(true|false)$/i.test(v.trim())) st.values.set(k, v.trim().toUpperCase() === "TRUE");
      else if (/^[+\-@]/.test(v)) {
        st.formulas.set(k, `=${v.replace(/^@/, "")}`);
        st.values.set(k, "#NAME?");
      } else st.values.set(k, v);
    } else throw new Error(`类型不匹配:不能把 ${Object.prototype.toString.call(v)} 写入单元格`);
  }

  private count(member: string): void {
    this.calls++;
    this.callCounts[member] = (this.callCounts[member] ?? 0) + 1;
    const failure = this.failures.get(member);
    if (failure !== undefined) {
      this.failures.delete(member);
      throw new Error(failure);
    }
  }

  private writable(st: SheetState): void {
    if (st.protected) throw new Error("Exception: The cell or chart you're trying to change is on a protected sheet. To make changes, unprotect the sheet.");
  }

  /**
   * A host object: counted members, properties optionally exposed as zero-argument methods, and
   * any member outside the subset throwing (a Proxy), as an unknown member is an error in ET.
   */
  private host(kind: string, m: Members, callable?: (index: unknown) => unknown): object {
    const o: Record<string, unknown> = callable
      ? (((...args: unknown[]) => {
          this.count(`${kind}()`);
          if (args.length === 0) throw new Error("参数不可选 (Argument not optional)");
          return callable(args[0]);
        }) as unknown as Record<string, unknown>)
      : {};
    for (const [name, def] of Object.entries(m.props ?? {})) {
      const [get, set] = Array.isArray(def) ? def : [def, undefined];
      Object.defineProperty(o, name, {
        enumerable: true,
        get: () => {
          this.count(`${kind}.${name}`);
          return this.options.propertiesAsMethods ? () => get() : get();
        },
        set: (v: unknown) => {
          this.count(`${kind}.${name}=`);
          if (!set) throw new Error(`属性 ${kind}.${name} 是只读的`);
          set(v);
        },
      });
    }
    for (const [name, fn] of Object.entries(m.methods ?? {})) {
      o[name] = (...args: unknown[]) => {
        this.count(`${kind}.${name}`);
        return fn(...args);
      };
    }
    const passThrough = new Set(["then", "toJSON", "constructor", "nodeType", "asymmetricMatch", "call", "apply", "bind", "length", "name", "prototype"]);
    return new Proxy(o, {
      get(target, p, receiver) {
        if (typeof p === "string" && !(p in target) && !passThrough.has(p) && !p.startsWith("$$") && !p.startsWith("@@")) {
          throw new Error(`fake ET: ${kind}.${p} 不在 WPS 文档子集中`);
        }
        return Reflect.get(target, p, receiver);
      },
      set(target, p, v, receiver) {
        if (typeof p === "string" && !(p in target)) throw new Error(`fake ET: ${kind}.${p} 不在 WPS 文档子集中`);
        return Reflect.set(target, p, v, receiver);
      },
    });
  }

  /** A collection: Count and Item(i), and with `callableCollections` itself callable with an index. */
  private collection(kind: string, count: () => number, itemAt: (index: unknown) => unknown, methods: Members["methods"] = {}): object {
    return this.host(kind, { props: { Count: count }, methods: { Item: itemAt, ...methods } }, this.options.callableCollections ? itemAt : undefined);
  }

  private workbook(book: Book): object {
    return this.host("Workbook", {
      props: { Worksheets: () => this.worksheets(book), FullName: () => book.fullName, Name: () => book.name },
    });
  }

  private worksheets(book: Book): object {
    return this.collection(
      "Worksheets",
      () => book.sheets.length,
      (index: unknown) => {
        const st = typeof index === "number" ? book.sheets[index - 1] : book.sheets.find((s) => s.name.toLowerCase() === String(index).toLowerCase());
        if (!st) throw new Error("下标越界 (Subscript out of range)");
        return this.worksheet(st, book);
      },
      {
        Add: (before: unknown, after: unknown) => {
          const ref = (x: unknown) => (x && typeof x === "object" ? this.objects.get(x) : undefined);
          const b = ref(before);
          const a = ref(after);
          if ((before != null && !b) || (after != null && !a)) throw new Error("类型不匹配:Before/After 必须是工作表");
          let n = book.sheets.length + 1;
          while (book.sheets.some((s) => s.name === `Sheet${n}`)) n++;
          const st = new SheetState(`Sheet${n}`);
          const at = a ? book.sheets.indexOf(a) + 1 : b ? book.sheets.indexOf(b) : book.active;
          book.sheets.splice(at, 0, st);
          book.active = at;
          return this.worksheet(st, book);
        },
      },
    );
  }

  private bookOf(st: SheetState): Book {
    return this.books.find((b) => b.sheets.includes(st)) ?? this.books[0];
  }

  private worksheet(st: SheetState, book: Book = this.bookOf(st)): object {
    const obj = this.host("Worksheet", {
      props: {
        Name: [
          () => st.name,
          (v) => {
            const name = String(v);
            if (!name || name.length > 31 || /[\\/?*[\]:]/.test(name)) throw new Error(`工作表名称“${name}”无效`);
            if (book.sheets.some((s) => s !== st && s.name.toLowerCase() === name.toLowerCase())) throw new Error(`工作表名称“${name}”已被使用`);
            st.name = name;
          },
        ],
        Visible: [() => st.visible, (v) => (st.visible = v === true ? -1 : v === false ? 0 : Number(v))],
        UsedRange: () => this.range(st, this.usedArea(st)),
        Cells: () =>
          this.host("Cells", {
            methods: {
              Item: (r: unknown, c: unknown) => {
                if (!Number.isInteger(r) || !Number.isInteger(c) || (r as number) < 1 || (c as number) < 1) throw new Error("下标越界");
                return this.range(st, { r1: r as number, c1: c as number, r2: r as number, c2: c as number });
              },
            },
          }),
        Comments: () => {
          const list = () => [...st.comments.keys()].sort((a, b) => {
            const [ar, ac] = a.split(",").map(Number);
            const [br, bc] = b.split(",").map(Number);
            return ar - br || ac - bc;
          });
          return this.collection(
            "Comments",
            () => st.comments.size,
            (i: unknown) => {
              const k = list()[(i as number) - 1];
              if (!k) throw new Error("下标越界");
              const [r, c] = k.split(",").map(Number);
              return this.commentObj(st, r, c);
            },
          );
        },
        PageSetup: () =>
          this.host("PageSetup", {
            props: Object.fromEntries(
              ["PrintArea", "Orientation", "PaperSize", "Zoom", "FitToPagesWide", "FitToPagesTall", "PrintTitleRows"].map((p) => [
                p,
                [() => st.pageSetup[p] ?? (p === "PrintArea" || p === "PrintTitleRows" ? "" : null), (v: unknown) => (this.writable(st), (st.pageSetup[p] = v))],
              ]),
            ) as Members["props"],
          }),
      },
      methods: {
        Range: (address: unknown) => {
          const area = typeof address === "string" ? parseArea(address) : null;
          if (!area) throw new Error(`Range 方法失败:地址“${String(address)}”无效`);
          return this.range(st, area);
        },
        Activate: () => {
          this.activeBook = this.books.indexOf(book);
          book.active = book.sheets.indexOf(st);
        },
        Delete: () => {
          if (book.sheets.length === 1) throw new Error("工作簿中至少要有一个工作表");
          book.sheets.splice(book.sheets.indexOf(st), 1);
          book.active = Math.min(book.active, book.sheets.length - 1);
        },
      },
    });
    this.objects.set(obj, st);
    return obj;
  }

  private commentObj(st: SheetState, r: number, c: number): object {
    return this.host("Comment", {
      props: { Parent: () => this.range(st, { r1: r, c1: c, r2: r, c2: c }) },
      methods: {
        Text: () => {
          const text = st.comments.get(key(r, c)) ?? "";
          return this.options.commentAuthor ? `${this.options.commentAuthor}:\n${text}` : text;
        },
      },
    });
  }

  private usedArea(st: SheetState): Area {
    const keys = [...st.values.keys(), ...st.formulas.keys(), ...st.fills.keys(), ...st.comments.keys(), ...st.formats.keys(), ...st.numberFormats.keys()].map((k) => k.split(",").map(Number));
    const areas = [...keys.map(([r, c]) => ({ r1: r, c1: c, r2: r, c2: c })), ...st.merges];
    if (!areas.length) return { r1: 1, c1: 1, r2: 1, c2: 1 };
    const used = { ...areas[0] };
    for (const a of areas) {
      used.r1 = Math.min(used.r1, a.r1);
      used.c1 = Math.min(used.c1, a.c1);
      used.r2 = Math.max(used.r2, a.r2);
      used.c2 = Math.max(used.c2, a.c2);
    }
    if (st.formattedRows > used.r2) used.r2 = st.formattedRows;
    return used;
  }

  private mergeAt(st: SheetState, r: number, c: number): Area | undefined {
    return st.merges.find((m) => inside(m, r, c));
  }

  private cellsOf(a: Area): [number, number][] {
    if ((a.r2 - a.r1 + 1) * (a.c2 - a.c1 + 1) > 3_000_000) throw new Error(`fake ET: 一次访问 ${areaText(a)} 的每个单元格,WPS 会卡死`);
    const out: [number, number][] = [];
    for (let r = a.r1; r <= a.r2; r++) for (let c = a.c1; c <= a.c2; c++) out.push([r, c]);
    return out;
  }

  /** Values of a block in the shape this build returns. */
  private shaped(a: Area, at: (r: number, c: number) => unknown): unknown {
    const single = a.r1 === a.r2 && a.c1 === a.c2;
    if (single) return at(a.r1, a.c1);
    if ((a.r2 - a.r1 + 1) * (a.c2 - a.c1 + 1) > 3_000_000) throw new Error(`fake ET: 一次读取 ${areaText(a)} 的全部值,WPS 会卡死`);
    const shape = this.options.value2 ?? "array";
    if (shape === "first") return at(a.r1, a.c1);
    const rows: unknown[][] = [];
    for (let r = a.r1; r <= a.r2; r++) {
      const row: unknown[] = [];
      for (let c = a.c1; c <= a.c2; c++) row.push(at(r, c));
      rows.push(row);
    }
    if (shape === "array") return rows;
    if (shape === "item")
      return this.host("Value2Array", {
        methods: {
          Item: (r: unknown, c: unknown) => {
            const row = rows[(r as number) - 1];
            if (!row || (c as number) < 1 || (c as number) > row.length) throw new Error("下标越界");
            return row[(c as number) - 1];
          },
        },
      });
    // VBArray: toArray() flattens with the first index (rows) varying fastest.
    return {
      toArray: () => {
        const out: unknown[] = [];
        for (let c = 0; c < rows[0].length; c++) for (let r = 0; r < rows.length; r++) out.push(rows[r][c]);
        return out;
      },
    };
  }

  private range(st: SheetState, a: Area): object {
    const single = a.r1 === a.r2 && a.c1 === a.c2;
    const valueAt = (r: number, c: number) => {
      const k = key(r, c);
      const v = st.values.get(k);
      if (st.errors.has(k) || (typeof v === "string" && st.formulas.has(k) && /^#/.test(v))) return this.options.comErrors ? COM_CODES[v as string] ?? v : v;
      return v ?? undefined;
    };
    const count = (kind: string, n: number) => this.host(kind, { props: { Count: () => n } });
    const fmt = (r: number, c: number) => {
      const k = key(r, c);
      let f = st.formats.get(k);
      if (!f) st.formats.set(k, (f = {}));
      return f;
    };
    const uniform = (get: (r: number, c: number) => unknown) => {
      const vals = new Set(this.cellsOf(a).map(([r, c]) => JSON.stringify(get(r, c) ?? null)));
      return vals.size === 1 ? JSON.parse([...vals][0]) : null;
    };
    const formatProp = (name: string, dflt: unknown): [Getter, Setter] => [
      () => uniform((r, c) => st.formats.get(key(r, c))?.[name] ?? dflt),
      (v) => {
        this.writable(st);
        for (const [r, c] of this.cellsOf(a)) fmt(r, c)[name] = v;
      },
    ];
    const setCells = (v: unknown) => {
      this.writable(st);
      const height = a.r2 - a.r1 + 1;
      const width = a.c2 - a.c1 + 1;
      if (height * width > 1) {
        const cut = st.merges.find((m) => overlaps(m, a) && !(m.r1 >= a.r1 && m.r2 <= a.r2 && m.c1 >= a.c1 && m.c2 <= a.c2));
        if (cut) throw new Error("不能对合并单元格作部分修改");
      }
      if (!Array.isArray(v)) {
        for (const [r, c] of this.cellsOf(a)) this.store(st, r, c, v);
        return;
      }
      const rows = v.every(Array.isArray) ? (v as unknown[][]) : height === 1 ? [v] : null;
      // Stricter than ET (which pads with #N/A or truncates): a size mismatch is an adapter bug.
      if (!rows || rows.length !== height || rows.some((row) => row.length !== width)) {
        throw new Error(`fake ET: 写入的数组大小与区域 ${height}×${width} 不一致`);
      }
      rows.forEach((row, i) => row.forEach((x, j) => this.store(st, a.r1 + i, a.c1 + j, x)));
    };
    const border = (index: number) =>
      this.host("Border", {
        props: Object.fromEntries(
          ["LineStyle", "Weight", "Color"].map((p) => [p, formatProp(`Border${index}.${p}`, p === "LineStyle" ? XL_NONE : p === "Weight" ? 2 : 0)]),
        ) as Members["props"],
      });
    return this.host("Range", {
      props: {
        Row: () => a.r1,
        Column: () => a.c1,
        Rows: () => this.host("Rows", { props: { Count: () => a.r2 - a.r1 + 1 }, methods: { AutoFit: () => void st.autofitRows.push(areaText(a)) } }),
        Columns: () => count("Columns", a.c2 - a.c1 + 1),
        Value2: [() => this.shaped(a, valueAt), setCells],
        Formula: [
          () =>
            this.shaped(a, (r, c) => {
              const f = st.formulas.get(key(r, c));
              if (f) return f;
              const v = st.values.get(key(r, c));
              return v === undefined ? "" : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);
            }),
          setCells,
        ],
        HasFormula: () => {
          const has = this.cellsOf(a).map(([r, c]) => st.formulas.has(key(r, c)));
          return has.every(Boolean) ? true : has.some(Boolean) ? null : false;
        },
        NumberFormat: [
          () => uniform((r, c) => st.numberFormats.get(key(r, c)) ?? "General"),
          (v) => {
            this.writable(st);
            for (const [r, c] of this.cellsOf(a)) st.numberFormats.set(key(r, c), String(v));
          },
        ],
        HorizontalAlignment: formatProp("HorizontalAlignment", 1),
        VerticalAlignment: formatProp("VerticalAlignment", -4107),
        WrapText: formatProp("WrapText", false),
        ColumnWidth: [
          () => 8.38,
          (v) => {
            for (let c = a.c1; c <= a.c2; c++) st.widths.set(c, Number(v));
          },
        ],
        Font: () =>
          this.host("Font", {
            props: { Name: formatProp("Font.Name", "宋体"), Size: formatProp("Font.Size", 11), Bold: formatProp("Font.Bold", false), Color: formatProp("Font.Color", 0) },
          }),
        Borders: () => this.host("Borders", { methods: { Item: (i: unknown) => border(Number(i)) } }),
        Text: () => {
          const v = st.values.get(key(a.r1, a.c1));
          return v === undefined ? "" : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);
        },
        MergeCells: () => {
          const merged = this.cellsOf(a).map(([r, c]) => !!this.mergeAt(st, r, c));
          return merged.every(Boolean) ? true : merged.some(Boolean) ? null : false;
        },
        MergeArea: () => this.range(st, this.mergeAt(st, a.r1, a.c1) ?? { r1: a.r1, c1: a.c1, r2: a.r1, c2: a.c1 }),
        Interior: () =>
          this.host("Interior", {
            props: {
              Color: [
                () => {
                  const colors = new Set(this.cellsOf(a).map(([r, c]) => st.fills.get(key(r, c)) ?? WHITE_BGR));
                  return colors.size === 1 ? [...colors][0] : null;
                },
                (v) => {
                  this.writable(st);
                  // Some builds refuse xlNone here; this fake accepts it (the adapter prefers ColorIndex).
                  if (v === XL_NONE) for (const [r, c] of this.cellsOf(a)) st.fills.delete(key(r, c));
                  else if (Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 0xffffff) {
                    for (const [r, c] of this.cellsOf(a)) st.fills.set(key(r, c), v as number);
                  } else throw new Error(`颜色值 ${String(v)} 无效`);
                },
              ],
              ColorIndex: [
                () => {
                  const none = this.cellsOf(a).map(([r, c]) => !st.fills.has(key(r, c)));
                  return none.every(Boolean) ? XL_NONE : none.some(Boolean) ? null : 0;
                },
                (v) => {
                  this.writable(st);
                  if (v !== XL_NONE) throw new Error("本测试只支持 ColorIndex = xlColorIndexNone");
                  for (const [r, c] of this.cellsOf(a)) st.fills.delete(key(r, c));
                },
              ],
              Pattern: [
                () => {
                  const none = this.cellsOf(a).map(([r, c]) => !st.fills.has(key(r, c)));
                  return none.every(Boolean) ? XL_NONE : none.some(Boolean) ? null : 1;
                },
                (v) => {
                  this.writable(st);
                  if (v === XL_NONE) for (const [r, c] of this.cellsOf(a)) st.fills.delete(key(r, c));
                },
              ],
            },
          }),
        Comment: () => {
          const has = st.comments.has(key(a.r1, a.c1));
          return has ? this.commentObj(st, a.r1, a.c1) : null;
        },
        Validation: () => this.validationOf(st, a),
        FormatConditions: () => {
          const mine = () => st.cfs.filter((cf) => overlaps(cf.area, a));
          return this.collection(
            "FormatConditions",
            () => mine().length,
            (i: unknown) => {
              const cf = mine()[(i as number) - 1];
              if (!cf) throw new Error("下标越界");
              return this.formatCondition(st, cf);
            },
            {
              Add: (type: unknown, _op: unknown, formula1: unknown) => {
                this.writable(st);
                if (type !== 2 || typeof formula1 !== "string" || !formula1.startsWith("=")) throw new Error("FormatConditions.Add 参数无效");
                const cf: Cf = { area: { ...a }, Type: 2, Formula1: formula1, color: null };
                st.cfs.push(cf);
                return this.formatCondition(st, cf);
              },
            },
          );
        },
      },
      methods: {
        Address: (rowAbsolute: unknown = true, columnAbsolute: unknown = true) => {
          const col = (c: number) => (columnAbsolute ? "$" : "") + letters(c);
          const row = (r: number) => (rowAbsolute ? "$" : "") + r;
          const one = col(a.c1) + row(a.r1);
          return single ? one : `${one}:${col(a.c2)}${row(a.r2)}`;
        },
        End: (direction: unknown) => {
          if (direction === -4162) {
            // Up from an empty cell: the nearest cell above holding something, else row 1.
            let r = 1;
            for (const k of [...st.values.keys(), ...st.formulas.keys()]) {
              const [kr, kc] = k.split(",").map(Number);
              if (kc === a.c1 && kr < a.r1 && kr > r) r = kr;
            }
            return this.range(st, { r1: r, c1: a.c1, r2: r, c2: a.c1 });
          }
          if (direction === -4159) {
            let c = a.c1 - 1;
            while (c > 1 && !st.values.has(key(a.r1, c)) && !st.formulas.has(key(a.r1, c))) c--;
            return this.range(st, { r1: a.r1, c1: Math.max(c, 1), r2: a.r1, c2: Math.max(c, 1) });
          }
          throw new Error("End 方向无效");
        },
        Clear: () => {
          this.writable(st);
          for (const map of [st.values, st.formulas, st.fills, st.formats, st.numberFormats, st.comments, st.validations] as Map<string, unknown>[])
            for (const k of [...map.keys()]) {
              const [r, c] = k.split(",").map(Number);
              if (inside(a, r, c)) map.delete(k);
            }
        },
        AddComment: (text: unknown) => {
          this.writable(st);
          if (!single) throw new Error("AddComment 只能用于单个单元格");
          if (st.comments.has(key(a.r1, a.c1))) throw new Error("AddComment 方法失败:该单元格已有批注");
          if (typeof text !== "string") throw new Error("批注内容必须是文本");
          const limit = this.options.commentLimit;
          st.comments.set(key(a.r1, a.c1), limit ? text.slice(0, limit) : text);
          return this.commentObj(st, a.r1, a.c1);
        },
        ClearComments: () => {
          this.writable(st);
          for (const [r, c] of this.cellsOf(a)) st.comments.delete(key(r, c));
        },
        Select: () => {
          const book = this.bookOf(st);
          if (book.sheets[book.active] !== st) throw new Error("Range 类的 Select 方法无效(工作表未激活)");
          this.selection = { sheet: st.name, address: single ? letters(a.c1) + a.r1 : `${letters(a.c1)}${a.r1}:${letters(a.c2)}${a.r2}` };
        },
      },
    });
  }

  private validationOf(st: SheetState, a: Area): object {
    const first = () => {
      const v = st.validations.get(key(a.r1, a.c1));
      if (!v) throw new Error("应用程序定义或对象定义错误(该单元格没有数据有效性)");
      return v;
    };
    const field = (name: keyof Validation): [Getter, Setter] => [
      () => first()[name],
      (v) => {
        this.writable(st);
        for (const [r, c] of this.cellsOf(a)) {
          const cur = st.validations.get(key(r, c));
          if (!cur) throw new Error("应用程序定义或对象定义错误(该单元格没有数据有效性)");
          (cur as unknown as Record<string, unknown>)[name] = v;
        }
      },
    ];
    return this.host("Validation", {
      props: Object.fromEntries(
        (["Type", "InputTitle", "InputMessage", "ErrorTitle", "ErrorMessage", "ShowInput", "ShowError", "AlertStyle", "Formula1", "Formula2"] as const).map((n) => [
          n,
          n === "Type" || n === "AlertStyle" || n === "Formula1" || n === "Formula2" ? field(n)[0] : field(n),
        ]),
      ) as Members["props"],
      methods: {
        Add: (type: unknown, alert: unknown, _op: unknown, f1: unknown, f2: unknown) => {
          this.writable(st);
          for (const [r, c] of this.cellsOf(a))
            if (st.validations.has(key(r, c))) throw new Error("Validation.Add 失败:区域中已有数据有效性,请先 Delete");
          for (const [r, c] of this.cellsOf(a))
            st.validations.set(key(r, c), {
              Type: Number(type),
              AlertStyle: Number(alert),
              Formula1: String(f1 ?? ""),
              Formula2: String(f2 ?? ""),
              InputTitle: "",
              InputMessage: "",
              ErrorTitle: "",
              ErrorMessage: "",
              ShowInput: true,
              ShowError: true,
            });
        },
        Delete: () => {
          this.writable(st);
          for (const [r, c] of this.cellsOf(a)) st.validations.delete(key(r, c));
        },
      },
    });
  }

  private formatCondition(st: SheetState, cf: Cf): object {
    return this.host("FormatCondition", {
      props: {
        Type: () => cf.Type,
        Formula1: () => cf.Formula1,
        AppliesTo: () => this.range(st, cf.area),
        Interior: () =>
          this.host("Interior", {
            props: {
              Color: [
                () => cf.color,
                (v) => {
                  cf.color = Number(v);
                },
              ],
            },
          }),
      },
      methods: {
        Delete: () => {
          this.writable(st);
          st.cfs = st.cfs.filter((x) => x !== cf);
        },
      },
    });
  }
}

/** The fake ET workbook; `fake.wps` is what the page sees as `window.wps`. */
export function createFakeEt(sheets: FakeSheetInit[], options: FakeEtOptions = {}): FakeEt {
  return new FakeEt(sheets, options);
}
