/**
 * A fake WPS 表格 (ET) object model over an in-memory workbook, implementing exactly the documented
 * subset the WPS host may use (see src/hosts/wps.ts) and nothing more: touching any other member
 * throws, so the adapter cannot drift outside the subset unnoticed. It behaves the way ET does:
 * 1-based collections, BGR colours, Value2 as a 2D array of rows (a scalar for one cell, undefined
 * for an empty cell), MergeCells true/false/null, AddComment failing on a cell that has a comment,
 * Select failing on a sheet that is not active, writes to a protected sheet throwing.
 * `propertiesAsMethods` exposes every property as a zero-argument method when read (some WPS
 * builds do), while assignment still sets it.
 *
 * No Node APIs: it is also bundled (test/fakes/wps-et-bundle.ts) and injected into a browser page as
 * `window.wps`. Every host call is counted (`calls`, `callCounts`).
 */
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
  protected?: boolean;
}

export interface FakeEtOptions {
  propertiesAsMethods?: boolean;
  /** ActiveWorkbook is null (WPS open with no document). */
  noWorkbook?: boolean;
}

/** ET's xlNone. */
const XL_NONE = -4142;
const WHITE_BGR = 0xffffff;

interface Area {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

class SheetState {
  values = new Map<string, CellValue>();
  fills = new Map<string, number>();
  comments = new Map<string, string>();
  merges: Area[] = [];
  protected = false;
  constructor(public name: string) {}
}

const key = (r: number, c: number) => `${r},${c}`;

function letters(c: number): string {
  let s = "";
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function parseCell(a: string): { r: number; c: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?([1-9]\d*)$/i.exec(a.trim());
  if (!m) return null;
  let c = 0;
  for (const ch of m[1].toUpperCase()) c = c * 26 + ch.charCodeAt(0) - 64;
  return { r: Number(m[2]), c };
}

function parseArea(address: string): Area | null {
  const parts = address.split(":");
  if (parts.length > 2) return null;
  const a = parseCell(parts[0]);
  const b = parseCell(parts[1] ?? parts[0]);
  if (!a || !b) return null;
  return { r1: Math.min(a.r, b.r), c1: Math.min(a.c, b.c), r2: Math.max(a.r, b.r), c2: Math.max(a.c, b.c) };
}

const inside = (a: Area, r: number, c: number) => r >= a.r1 && r <= a.r2 && c >= a.c1 && c <= a.c2;
const overlaps = (a: Area, b: Area) => a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;

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
  readonly sheets: SheetState[] = [];
  active = 0;
  selection: { sheet: string; address: string } | null = null;
  /** What `window.wps` holds: the ET application and the add-in API the ribbon code uses. */
  readonly wps: Record<string, unknown>;
  readonly Application: unknown;
  private readonly failures = new Map<string, string>();
  private readonly panes = new Map<string, { ID: string; url: string; Visible: boolean }>();
  private readonly storage = new Map<string, string>();
  private readonly objects = new WeakMap<object, SheetState>();

  constructor(
    init: FakeSheetInit[],
    readonly options: FakeEtOptions = {},
  ) {
    for (const s of init) {
      const st = new SheetState(s.name);
      st.protected = !!s.protected;
      (s.cells ?? []).forEach((row, r) => row.forEach((v, c) => this.store(st, r + 1, c + 1, v)));
      st.merges = (s.merges ?? []).map((m) => ({ r1: m.top + 1, c1: m.left + 1, r2: m.bottom + 1, c2: m.right + 1 }));
      for (const [a, hex] of Object.entries(s.fills ?? {})) st.fills.set(this.keyOf(a), hexToBgr(hex));
      for (const [a, text] of Object.entries(s.comments ?? {})) st.comments.set(this.keyOf(a), text);
      this.sheets.push(st);
    }
    if (!this.sheets.length) this.sheets.push(new SheetState("Sheet1"));
    const app = this.host("Application", {
      props: { ActiveWorkbook: () => (options.noWorkbook ? null : this.workbook()) },
    });
    this.Application = app;
    this.wps = {
      EtApplication: () => app,
      PluginStorage: {
        getItem: (k: string) => this.storage.get(k) ?? null,
        setItem: (k: string, v: unknown) => void this.storage.set(k, String(v)),
      },
      CreateTaskPane: (url: string) => {
        const pane = { ID: `pane-${this.panes.size + 1}`, url, Visible: false };
        this.panes.set(pane.ID, pane);
        return pane;
      },
      GetTaskPane: (id: string) => this.panes.get(id) ?? null,
    };
  }

  // ——— inspection for tests (not host calls, not counted) ———

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  value(sheet: string, a1: string): CellValue {
    return this.state(sheet).values.get(this.keyOf(a1)) ?? null;
  }

  /** "#RRGGBB" of the fill, null for none. */
  fill(sheet: string, a1: string): string | null {
    const bgr = this.state(sheet).fills.get(this.keyOf(a1));
    return bgr === undefined ? null : bgrToHex(bgr);
  }

  comment(sheet: string, a1: string): string | null {
    return this.state(sheet).comments.get(this.keyOf(a1)) ?? null;
  }

  /** The sheet as rows from A1 (trailing empty cells dropped), for whole-sheet assertions. */
  rows(sheet: string): CellValue[][] {
    const st = this.state(sheet);
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
    return this.sheets[this.active].name;
  }

  /** The user types into a cell (not a host call). */
  type(sheet: string, a1: string, v: CellValue): void {
    const p = parseCell(a1);
    if (!p) throw new Error(`fake: bad address ${a1}`);
    this.store(this.state(sheet), p.r, p.c, v);
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

  private state(name: string): SheetState {
    const st = this.sheets.find((s) => s.name === name);
    if (!st) throw new Error(`fake: no sheet ${name}`);
    return st;
  }

  private store(st: SheetState, r: number, c: number, v: unknown): void {
    if (v === null || v === undefined || v === "") st.values.delete(key(r, c));
    else if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") st.values.set(key(r, c), v);
    else throw new Error(`类型不匹配:不能把 ${Object.prototype.toString.call(v)} 写入单元格`);
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
  private host(kind: string, m: Members): object {
    const o: Record<string, unknown> = {};
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
    return new Proxy(o, {
      get(target, p, receiver) {
        if (typeof p === "string" && !(p in target) && p !== "then" && p !== "toJSON" && p !== "constructor" && p !== "nodeType" && p !== "asymmetricMatch" && !p.startsWith("$$") && !p.startsWith("@@")) {
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

  private workbook(): object {
    return this.host("Workbook", { props: { Worksheets: () => this.worksheets() } });
  }

  private worksheets(): object {
    return this.host("Worksheets", {
      props: { Count: () => this.sheets.length },
      methods: {
        Item: (index: unknown) => {
          const st =
            typeof index === "number" ? this.sheets[index - 1] : this.sheets.find((s) => s.name.toLowerCase() === String(index).toLowerCase());
          if (!st) throw new Error("下标越界 (Subscript out of range)");
          return this.worksheet(st);
        },
        Add: (before: unknown, after: unknown) => {
          const ref = (x: unknown) => (x && typeof x === "object" ? this.objects.get(x) : undefined);
          const b = ref(before);
          const a = ref(after);
          if ((before != null && !b) || (after != null && !a)) throw new Error("类型不匹配:Before/After 必须是工作表");
          let n = this.sheets.length + 1;
          while (this.sheets.some((s) => s.name === `Sheet${n}`)) n++;
          const st = new SheetState(`Sheet${n}`);
          const at = a ? this.sheets.indexOf(a) + 1 : b ? this.sheets.indexOf(b) : this.active;
          this.sheets.splice(at, 0, st);
          this.active = at;
          return this.worksheet(st);
        },
      },
    });
  }

  private worksheet(st: SheetState): object {
    const obj = this.host("Worksheet", {
      props: {
        Name: [
          () => st.name,
          (v) => {
            const name = String(v);
            if (!name || name.length > 31 || /[\\/?*[\]:]/.test(name)) throw new Error(`工作表名称“${name}”无效`);
            if (this.sheets.some((s) => s !== st && s.name.toLowerCase() === name.toLowerCase())) throw new Error(`工作表名称“${name}”已被使用`);
            st.name = name;
          },
        ],
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
      },
      methods: {
        Range: (address: unknown) => {
          const area = typeof address === "string" ? parseArea(address) : null;
          if (!area) throw new Error(`Range 方法失败:地址“${String(address)}”无效`);
          return this.range(st, area);
        },
        Activate: () => {
          this.active = this.sheets.indexOf(st);
        },
        Delete: () => {
          if (this.sheets.length === 1) throw new Error("工作簿中至少要有一个工作表");
          this.sheets.splice(this.sheets.indexOf(st), 1);
          this.active = Math.min(this.active, this.sheets.length - 1);
        },
      },
    });
    this.objects.set(obj, st);
    return obj;
  }

  private usedArea(st: SheetState): Area {
    const keys = [...st.values.keys(), ...st.fills.keys(), ...st.comments.keys()].map((k) => k.split(",").map(Number));
    const areas = [...keys.map(([r, c]) => ({ r1: r, c1: c, r2: r, c2: c })), ...st.merges];
    if (!areas.length) return { r1: 1, c1: 1, r2: 1, c2: 1 };
    return {
      r1: Math.min(...areas.map((a) => a.r1)),
      c1: Math.min(...areas.map((a) => a.c1)),
      r2: Math.max(...areas.map((a) => a.r2)),
      c2: Math.max(...areas.map((a) => a.c2)),
    };
  }

  private mergeAt(st: SheetState, r: number, c: number): Area | undefined {
    return st.merges.find((m) => inside(m, r, c));
  }

  private cellsOf(a: Area): [number, number][] {
    const out: [number, number][] = [];
    for (let r = a.r1; r <= a.r2; r++) for (let c = a.c1; c <= a.c2; c++) out.push([r, c]);
    return out;
  }

  private range(st: SheetState, a: Area): object {
    const single = a.r1 === a.r2 && a.c1 === a.c2;
    const cell = (r: number, c: number) => st.values.get(key(r, c)) ?? undefined;
    const count = (kind: string, n: number) => this.host(kind, { props: { Count: () => n } });
    return this.host("Range", {
      props: {
        Row: () => a.r1,
        Column: () => a.c1,
        Rows: () => count("Rows", a.r2 - a.r1 + 1),
        Columns: () => count("Columns", a.c2 - a.c1 + 1),
        Value2: [
          () => {
            if (single) return cell(a.r1, a.c1);
            const rows: unknown[][] = [];
            for (let r = a.r1; r <= a.r2; r++) {
              const row: unknown[] = [];
              for (let c = a.c1; c <= a.c2; c++) row.push(cell(r, c));
              rows.push(row);
            }
            return rows;
          },
          (v) => this.setValues(st, a, v),
        ],
        Text: () => {
          const v = cell(a.r1, a.c1);
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
                  if (v === XL_NONE) for (const [r, c] of this.cellsOf(a)) st.fills.delete(key(r, c));
                  else if (Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 0xffffff) {
                    for (const [r, c] of this.cellsOf(a)) st.fills.set(key(r, c), v as number);
                  } else throw new Error(`颜色值 ${String(v)} 无效`);
                },
              ],
            },
          }),
        Comment: () => {
          const text = st.comments.get(key(a.r1, a.c1));
          return text === undefined ? null : this.host("Comment", { methods: { Text: () => text } });
        },
      },
      methods: {
        Address: (rowAbsolute: unknown = true, columnAbsolute: unknown = true) => {
          const col = (c: number) => (columnAbsolute ? "$" : "") + letters(c);
          const row = (r: number) => (rowAbsolute ? "$" : "") + r;
          const one = col(a.c1) + row(a.r1);
          return single ? one : `${one}:${col(a.c2)}${row(a.r2)}`;
        },
        AddComment: (text: unknown) => {
          this.writable(st);
          if (!single) throw new Error("AddComment 只能用于单个单元格");
          if (st.comments.has(key(a.r1, a.c1))) throw new Error("AddComment 方法失败:该单元格已有批注");
          if (typeof text !== "string") throw new Error("批注内容必须是文本");
          st.comments.set(key(a.r1, a.c1), text);
          return this.host("Comment", { methods: { Text: () => text } });
        },
        ClearComments: () => {
          this.writable(st);
          for (const [r, c] of this.cellsOf(a)) st.comments.delete(key(r, c));
        },
        Select: () => {
          if (this.sheets[this.active] !== st) throw new Error("Range 类的 Select 方法无效(工作表未激活)");
          this.selection = { sheet: st.name, address: single ? letters(a.c1) + a.r1 : `${letters(a.c1)}${a.r1}:${letters(a.c2)}${a.r2}` };
        },
      },
    });
  }

  private setValues(st: SheetState, a: Area, v: unknown): void {
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
  }
}

/** The fake ET workbook; `fake.wps` is what the page sees as `window.wps`. */
export function createFakeEt(sheets: FakeSheetInit[], options: FakeEtOptions = {}): FakeEt {
  return new FakeEt(sheets, options);
}
