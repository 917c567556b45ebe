/**
 * Editing one worksheet part: the XML outside <sheetData> as a lossless tree, and <sheetData>
 * as its original text in which only the rows that are written get parsed and rebuilt. A row
 * nobody writes keeps its bytes.
 */
import { columnLetters, parseA1, toA1 } from "../../core/grid";
import { HostError } from "../port";
import { XlsxFormatError, formatMessage } from "./limits";
import { attr, child, el, elements, insertOrdered, localName, parseXml, prefixOf, remove, rootOf, serialize, setAttrs, type XEl } from "./xml";

/** Schema order of the children of <worksheet>. */
export const SHEET_ORDER = [
  "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection", "protectedRanges",
  "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting",
  "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks",
  "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF",
  "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst",
];

const OPAQUE = new Set(["sheetData", "extLst"]);

interface RowSlot {
  r: number;
  /** The row's text in the original sheetData, or its parsed element once edited. */
  text: string;
  el?: XEl;
}

export class SheetEditor {
  readonly doc: XEl;
  readonly root: XEl;
  readonly pfx: string;
  private readonly data: XEl;
  private rows: RowSlot[] | null = null;
  private byRow = new Map<number, RowSlot>();
  private touched = false;
  /** Whether a formula cell was replaced (the calculation chain must then go). */
  formulaReplaced = false;
  private bounds: { top: number; left: number; bottom: number; right: number } | null = null;

  constructor(xml: string) {
    this.doc = parseXml(xml, OPAQUE);
    this.root = rootOf(this.doc);
    if (localName(this.root.name) !== "worksheet") throw new XlsxFormatError(formatMessage.broken);
    this.pfx = prefixOf(this.root.name);
    let data = child(this.root, "sheetData");
    if (!data) {
      data = el(this.pfx + "sheetData");
      insertOrdered(this.root, data, SHEET_ORDER);
    }
    this.data = data;
  }

  get changed(): boolean {
    return this.touched;
  }

  touch(): void {
    this.touched = true;
  }

  /** The element of a child of <worksheet>, created in schema order when asked. */
  part(local: string, create = false): XEl | undefined {
    let e = child(this.root, local);
    if (!e && create) {
      e = el(this.pfx + local);
      insertOrdered(this.root, e, SHEET_ORDER);
      this.touch();
    }
    return e;
  }

  private loadRows(): RowSlot[] {
    if (this.rows) return this.rows;
    const text = typeof this.data.children[0] === "string" ? (this.data.children[0] as string) : "";
    const rows: RowSlot[] = [];
    const re = /<((?:\w+:)?row)\b(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g;
    let prev = -1;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      let end = re.lastIndex;
      if (!m[2]) {
        const close = text.indexOf(`</${m[1]}>`, end);
        if (close < 0) throw new XlsxFormatError(formatMessage.broken);
        end = close + m[1].length + 3;
        re.lastIndex = end;
      }
      const rAttr = /\sr\s*=\s*["'](\d+)["']/.exec(m[0]);
      const r = rAttr ? Number(rAttr[1]) : prev + 1;
      prev = r;
      const slot = { r, text: text.slice(start, end) };
      rows.push(slot);
      this.byRow.set(r, slot);
    }
    this.rows = rows;
    return rows;
  }

  /** The row element (1-based r), parsed for editing; created in order when `create`. */
  row(r: number, create: boolean): XEl | undefined {
    const rows = this.loadRows();
    let slot = this.byRow.get(r);
    if (!slot) {
      if (!create) return undefined;
      slot = { r, text: "", el: el(this.pfx + "row", { r }) };
      let i = rows.length;
      while (i > 0 && rows[i - 1].r > r) i--;
      rows.splice(i, 0, slot);
      this.byRow.set(r, slot);
      this.touch();
    }
    if (!slot.el) {
      slot.el = rootOf(parseXml(slot.text));
      // Cells without a reference get one, so every cell of an edited row can be found.
      let c = -1;
      for (const cell of elements(slot.el, "c")) {
        const ref = attr(cell, "r");
        if (ref) c = parseA1(ref)?.col ?? c + 1;
        else setAttrs(cell, { r: toA1(r - 1, ++c) });
      }
      if (!attr(slot.el, "r")) setAttrs(slot.el, { r: String(r) });
    }
    return slot.el;
  }

  /** The style index a new cell at (row, col) (0-based) shows: the row's style, else its column's. */
  defaultStyle(row: number, col: number): number {
    const r = this.row(row + 1, false);
    if (r && attr(r, "customFormat") === "1" && attr(r, "s")) return Number(attr(r, "s"));
    const cols = this.part("cols");
    for (const c of cols ? elements(cols, "col") : []) {
      if (Number(attr(c, "min")) <= col + 1 && col + 1 <= Number(attr(c, "max"))) return Number(attr(c, "style") ?? 0);
    }
    return 0;
  }

  /** The <c> element at (row, col), 0-based; created (with the row's or column's style) when `create`. */
  cell(row: number, col: number, create: boolean): XEl | undefined {
    const r = this.row(row + 1, create);
    if (!r) return undefined;
    const ref = toA1(row, col);
    const cells = elements(r, "c");
    let before: XEl | undefined;
    for (const c of cells) {
      const p = parseA1(attr(c, "r") ?? "");
      if (!p) continue;
      if (p.col === col) return c;
      if (p.col > col) {
        before = c;
        break;
      }
    }
    if (!create) return undefined;
    const s = this.defaultStyle(row, col);
    const c = el(this.pfx + "c", { r: ref, s: s || undefined });
    const i = before ? r.children.indexOf(before) : r.children.length;
    if (r.close === "") {
      r.open = r.open.replace(/\s*\/>$/, ">");
      r.close = `</${r.name}>`;
    }
    r.children.splice(i, 0, c);
    const spans = attr(r, "spans");
    if (spans) {
      const [a, b] = spans.split(":").map(Number);
      if (col + 1 < a || col + 1 > b) setAttrs(r, { spans: `${Math.min(a, col + 1)}:${Math.max(b, col + 1)}` });
    }
    this.grow(row, col);
    this.touch();
    return c;
  }

  private grow(row: number, col: number): void {
    const b = this.bounds;
    this.bounds = b ? { top: Math.min(b.top, row), left: Math.min(b.left, col), bottom: Math.max(b.bottom, row), right: Math.max(b.right, col) } : { top: row, left: col, bottom: row, right: col };
  }

  /** Style index of a cell (0 when absent). */
  styleOf(c: XEl | undefined): number {
    return c ? Number(attr(c, "s") ?? 0) || 0 : 0;
  }

  /** Replaces a cell's content (value, formula) keeping its reference; `style` null keeps the cell's. */
  setCell(c: XEl, content: { type?: string; inner: XEl[] }, style: number | null): void {
    const f = child(c, "f");
    if (f) {
      const t = attr(f, "t");
      if ((t === "shared" && attr(f, "ref")) || t === "array") throw new HostError("host_failed", `单元格 ${attr(c, "r")} 是共享公式或数组公式的起点,不能改写`);
      this.formulaReplaced = true;
    }
    const s = style === null ? attr(c, "s") : style ? String(style) : undefined;
    const fresh = el(c.name, { r: attr(c, "r"), s, t: content.type }, content.inner);
    c.open = fresh.open;
    c.close = fresh.close;
    c.children = fresh.children;
    this.touch();
  }

  setStyle(c: XEl, s: number): void {
    setAttrs(c, { s: s ? String(s) : undefined });
    this.touch();
  }

  /** The text of the cell for our marker check (inline or shared strings resolved by the caller). */
  serialize(): string {
    if (this.rows) {
      let s = "";
      for (const slot of this.rows) s += slot.el ? serialize(slot.el) : slot.text;
      this.data.children = s ? [s] : [];
      if (s && this.data.close === "") {
        this.data.open = this.data.open.replace(/\s*\/>$/, ">");
        this.data.close = `</${this.data.name}>`;
      }
    }
    if (this.bounds) {
      const dim = this.part("dimension");
      const cur = dim && attr(dim, "ref");
      const m = cur ? /^([A-Z]+\d+)(?::([A-Z]+\d+))?$/i.exec(cur) : null;
      const a = m && parseA1(m[1]);
      const b = m && parseA1(m[2] ?? m[1]);
      const bd = this.bounds;
      if (dim && a && b) {
        const top = Math.min(a.row, bd.top);
        const left = Math.min(a.col, bd.left);
        const bottom = Math.max(b.row, bd.bottom);
        const right = Math.max(b.col, bd.right);
        const ref = top === bottom && left === right ? toA1(top, left) : `${toA1(top, left)}:${toA1(bottom, right)}`;
        setAttrs(dim, { ref });
      }
    }
    return serialize(this.doc);
  }

  /** Sets the width of one column (0-based), splitting a <col> that spans it. */
  setWidth(col: number, width: number): void {
    const cols = this.part("cols", true)!;
    const n = col + 1;
    for (const c of elements(cols, "col")) {
      const min = Number(attr(c, "min"));
      const max = Number(attr(c, "max"));
      if (n < min || n > max) continue;
      if (min === max) {
        setAttrs(c, { width: String(width), customWidth: "1" });
        this.touch();
        return;
      }
      const i = cols.children.indexOf(c);
      const parts: XEl[] = [];
      const clone = (a: number, b: number, extra: Record<string, string> = {}) => {
        const copy = rootOf(parseXml(serialize(c)));
        setAttrs(copy, { min: String(a), max: String(b), ...extra });
        return copy;
      };
      if (min < n) parts.push(clone(min, n - 1));
      parts.push(clone(n, n, { width: String(width), customWidth: "1" }));
      if (n < max) parts.push(clone(n + 1, max));
      cols.children.splice(i, 1, ...parts);
      this.touch();
      return;
    }
    const mine = el(this.pfx + "col", { min: n, max: n, width, customWidth: 1 });
    const after = elements(cols, "col").find((c) => Number(attr(c, "min")) > n);
    if (cols.close === "") {
      cols.open = cols.open.replace(/\s*\/>$/, ">");
      cols.close = `</${cols.name}>`;
    }
    cols.children.splice(after ? cols.children.indexOf(after) : cols.children.length, 0, mine);
    this.touch();
  }

  /** Sets the active cell (and whether the tab is selected) in the first sheet view. */
  select(cell: string | null, tabSelected: boolean): void {
    const views = this.part("sheetViews", true)!;
    let view = elements(views, "sheetView")[0];
    if (!view) {
      view = el(this.pfx + "sheetView", { workbookViewId: 0 });
      views.children.push(view);
      if (views.close === "") {
        views.open = views.open.replace(/\s*\/>$/, ">");
        views.close = `</${views.name}>`;
      }
    }
    if (tabSelected) setAttrs(view, { tabSelected: "1" });
    else if (attr(view, "tabSelected")) setAttrs(view, { tabSelected: undefined });
    if (cell) {
      const pane = child(view, "pane");
      const active = pane ? attr(pane, "activePane") ?? "bottomRight" : undefined;
      const selections = elements(view, "selection");
      let sel = selections.find((s) => attr(s, "pane") === active);
      if (!sel) {
        sel = el(this.pfx + "selection", { pane: active });
        if (view.close === "") {
          view.open = view.open.replace(/\s*\/>$/, ">");
          view.close = `</${view.name}>`;
        }
        view.children.push(sel);
      }
      setAttrs(sel, { activeCell: cell, sqref: cell, activeCellId: undefined });
    }
    this.touch();
  }

  removeChild(e: XEl): void {
    remove(this.root, e);
    this.touch();
  }
}

export { columnLetters };
