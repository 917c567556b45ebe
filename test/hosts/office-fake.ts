/**
 * A fake Excel for the Office.js adapter tests: ranges, merged areas, notes and comments are
 * office-addin-mock objects (a property read before load + sync gives the mock's error text), and
 * writes reach the fake workbook only at `context.sync()`, as in Excel. Counts syncs and the cells
 * each sync loads, and can refuse a sync over a payload limit.
 */
import { OfficeMockObject } from "office-addin-mock";
import { parseA1, parseRange, toA1, type CellValue } from "../../src/core/grid";
import type { OfficeEnvironment } from "../../src/hosts/office";

export interface FakeSheet {
  name: string;
  cells: CellValue[][];
  /** Merged areas, "A2:A5". */
  merges?: string[];
}

interface SheetState {
  name: string;
  cells: CellValue[][];
  merges: string[];
  fills: Map<string, string>;
}

type Mock = OfficeMockObject & Record<string, any>;

const quote = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;

export class FakeExcel {
  readonly sheets: SheetState[];
  /** Notes and comments by "'Sheet'!A1". */
  readonly notes = new Map<string, string>();
  readonly comments = new Map<string, string>();
  syncs = 0;
  /** Cells whose values each sync loaded. */
  loadedCells: number[] = [];
  /** Calls made on the fake, "activate Sheet", "select A1", "getMergedAreas" … */
  calls: string[] = [];
  /** Refuse a sync that loads more cells than this, as Excel on the web refuses over 5 MB. */
  payloadLimit = Infinity;
  /** Every Excel.run fails with this code. */
  failWith: string | null = null;

  /** Writes queued by method calls, applied at the next sync. */
  private pending: (() => void)[] = [];
  /** Run at every sync of the current Excel.run: mock load completion and property writes. */
  private watchers: (() => void)[] = [];
  private loads: (() => number)[] = [];

  constructor(
    sheets: FakeSheet[],
    private readonly apiSets: string[] = ["1.1", "1.2", "1.4", "1.7", "1.10", "1.13", "1.18"],
  ) {
    this.sheets = sheets.map((s) => ({ name: s.name, cells: s.cells.map((r) => [...r]), merges: s.merges ?? [], fills: new Map() }));
  }

  env(): OfficeEnvironment {
    return {
      isSetSupported: (name, version) => name === "ExcelApi" && this.apiSets.includes(version),
      run: async (batch) => {
        if (this.failWith) throw Object.assign(new Error(`fake ${this.failWith}`), { code: this.failWith });
        this.pending = [];
        this.watchers = [];
        this.loads = [];
        return await batch(this.context() as unknown as Excel.RequestContext);
      },
    };
  }

  value(sheet: string, a1: string): CellValue {
    const p = parseA1(a1)!;
    return this.sheet(sheet).cells[p.row]?.[p.col] ?? null;
  }

  sheet(name: string): SheetState {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw Object.assign(new Error(`no sheet ${name}`), { code: "ItemNotFound" });
    return s;
  }

  private requireSet(version: string, what: string) {
    if (!this.apiSets.includes(version)) throw Object.assign(new Error(`${what} needs ExcelApi ${version}`), { code: "ApiNotFound" });
  }

  private async sync() {
    this.syncs++;
    const cells = this.loads.reduce((n, f) => n + f(), 0);
    this.loads = [];
    if (cells > this.payloadLimit) {
      this.pending = [];
      throw Object.assign(new Error("The response payload size has exceeded the limit."), { code: "ResponsePayloadSizeLimitExceeded" });
    }
    this.loadedCells.push(cells);
    const writes = this.pending;
    this.pending = [];
    for (const w of writes) w();
    for (const w of this.watchers) w();
  }

  private mock(data: object): Mock {
    const m = new OfficeMockObject(data, "excel" as never) as Mock;
    const sync = m.sync.bind(m);
    this.watchers.push(() => void sync());
    return m;
  }

  /** A collection whose `items` (loaded with it) can be read only after load + sync. */
  private collection<T>(items: () => T[], extra: object): { items: T[]; load(p?: string): void } & Record<string, any> {
    let loaded: T[] | null = null;
    const c = {
      ...extra,
      load: () => {
        const list = items();
        for (const item of list) (item as { load?: () => void }).load?.();
        this.pending.push(() => (loaded = list));
        return c;
      },
      get items(): T[] {
        if (!loaded) throw new Error("collection items read before load and sync");
        return loaded;
      },
    };
    return c;
  }

  private context() {
    const workbook = {
      worksheets: this.collection(
        () => this.sheets.map((s) => this.worksheet(s.name)),
        {
          getItem: (name: string) => this.worksheet(name),
          add: (name: string) => {
            this.calls.push(`add ${name}`);
            // Visible at once: later calls of the same batch use the new sheet, as in Excel.
            this.sheets.push({ name, cells: [], merges: [], fills: new Map() });
            return this.worksheet(name);
          },
        },
      ),
      get notes() {
        return fake.notesApi();
      },
      get comments() {
        return fake.commentsApi();
      },
    };
    const fake = this;
    return { workbook, sync: () => this.sync() };
  }

  private worksheet(name: string) {
    const state = () => this.sheet(name);
    return {
      name,
      activate: () => this.pending.push(() => (state(), this.calls.push(`activate ${name}`))),
      getUsedRange: (valuesOnly?: boolean) => {
        const s = state();
        let bottom = -1;
        let right = -1;
        let top = Infinity;
        let left = Infinity;
        s.cells.forEach((row, r) =>
          row.forEach((v, c) => {
            if (v === null || v === "") return;
            top = Math.min(top, r);
            left = Math.min(left, c);
            bottom = Math.max(bottom, r);
            right = Math.max(right, c);
          }),
        );
        if (!valuesOnly) this.calls.push("getUsedRange without valuesOnly");
        if (bottom < 0) [top, left, bottom, right] = [0, 0, 0, 0];
        return this.range(name, `${toA1(top, left)}:${toA1(bottom, right)}`);
      },
      getRange: (address?: string) => this.range(name, address ?? "A1:XFD1048576"),
    };
  }

  private range(sheet: string, address: string): Mock {
    const area = parseRange(address);
    if (!area) throw Object.assign(new Error(`bad address ${address}`), { code: "InvalidArgument" });
    const rows = area.bottom - area.top + 1;
    const cols = area.right - area.left + 1;
    const read = () =>
      Array.from({ length: rows }, (_, i) =>
        Array.from({ length: cols }, (_, j) => this.sheet(sheet).cells[area.top + i]?.[area.left + j] ?? ""),
      );
    const whole = rows > 100_000;
    const data = whole ? [] : read();
    const m = this.mock({
      values: data,
      rowIndex: area.top,
      columnIndex: area.left,
      rowCount: rows,
      columnCount: cols,
      address: `${quote(sheet)}!${address}`,
      format: { fill: { color: this.sheet(sheet).fills.get(address) ?? "" }, font: { bold: false }, columnWidth: 0 },
    });
    const load = m.load.bind(m);
    m.load = (props: any) => {
      if (String(props).includes("values")) {
        if (whole) throw new Error("test reads the values of a whole sheet");
        this.loads.push(() => rows * cols);
      }
      return load(props);
    };
    m.format.fill.clear = () => this.pending.push(() => this.sheet(sheet).fills.delete(address));
    m.select = () => this.pending.push(() => (this.sheet(sheet), this.calls.push(`select ${sheet}!${address}`)));
    m.getEntireColumn = () => this.range(sheet, `${toA1(0, area.left)}:${toA1(1048575, area.left)}`);
    m.clear = () =>
      this.pending.push(() => {
        this.calls.push(`clear ${sheet}`);
        this.sheet(sheet).cells = [];
      });
    m.getMergedAreasOrNullObject = () => {
      this.requireSet("1.13", "getMergedAreasOrNullObject");
      const merges = this.sheet(sheet).merges;
      const areas = this.mock({ address: merges.map((a) => `${quote(sheet)}!${a}`).join(",") });
      areas.isNullObject = merges.length === 0;
      return areas;
    };
    m.isNullObject = false;
    m.fakeKey = `${quote(sheet)}!${address}`;
    // Property writes reach the workbook at sync, like Excel's batched requests.
    let written: unknown = data;
    let fill = this.sheet(sheet).fills.get(address) ?? "";
    let width = 0;
    this.watchers.push(() => {
      const s = this.sheet(sheet);
      if (m.values !== written && Array.isArray(m.values)) {
        written = m.values;
        (m.values as CellValue[][]).forEach((row, i) =>
          row.forEach((v, j) => {
            const r = (s.cells[area.top + i] ??= []);
            r[area.left + j] = v;
          }),
        );
      }
      if (typeof m.format.fill.color === "string" && m.format.fill.color.startsWith("#") && m.format.fill.color !== fill) {
        fill = m.format.fill.color;
        s.fills.set(address, fill);
      }
      if (typeof m.format.columnWidth === "number" && m.format.columnWidth !== width) {
        width = m.format.columnWidth;
        this.calls.push(`width ${sheet}!${address} ${width}`);
      }
    });
    return m;
  }

  private notesApi() {
    this.requireSet("1.18", "notes");
    return {
      getItemOrNullObject: (key: string) => this.annotation(this.notes, key),
      add: (range: Mock, content: string) => {
        const key = range.fakeKey as string;
        this.pending.push(() => {
          if (this.notes.has(key)) throw Object.assign(new Error("note exists"), { code: "InvalidArgument" });
          this.notes.set(key, content);
        });
      },
    };
  }

  private commentsApi() {
    this.requireSet("1.10", "comments");
    const snapshot = [...this.comments.keys()];
    return this.collection(() => snapshot.map((key) => this.annotation(this.comments, key)), {
      add: (range: Mock, content: string) => {
        const key = range.fakeKey as string;
        this.pending.push(() => this.comments.set(key, content));
      },
    });
  }

  /** A note or comment at `key` ("'Sheet'!A1"), or a null object. */
  private annotation(store: Map<string, string>, key: string): Mock {
    const m = this.mock({ content: store.get(key) ?? "" });
    m.isNullObject = !store.has(key);
    let content = store.get(key) ?? "";
    m.delete = () => this.pending.push(() => store.delete(key));
    m.getLocation = () => this.mock({ address: key.replace(/!(.*)$/, "!$$$1") });
    this.watchers.push(() => {
      if (typeof m.content !== "string" || m.content === content || m.content.startsWith("Error, ")) return;
      content = m.content;
      if (m.isNullObject) throw Object.assign(new Error("write to a null object"), { code: "InvalidOperation" });
      store.set(key, content);
    });
    return m;
  }
}
