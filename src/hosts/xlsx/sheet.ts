/**
 * Editing one worksheet part: the XML outside <sheetData> as a lossless tree, and <sheetData>
 * as its original text in which only the rows that are written get parsed and rebuilt. A row
 * nobody writes keeps its bytes.
 */
import { columnLetters, parseA1, toA1 } from "../../core/grid";
import { HostError } from "../port";
import { XlsxFormatError, formatMessage } from "./limits";
import { attr, child, el, elements, insertOrdered, localName, parseXml, prefixOf, remove, rootOf, serialize, setAttrs, type XEl, type XNode } from "./xml";

/** Schema order of the children of <worksheet>. */
export const SHEET_ORDER = [
  "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection", "protectedRanges",
  "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting",
  "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks",
  "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF",
  "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst",
];

const OPAQUE = new Set(["sheetData", "extLst"]);
/** Stands for the rows while the rest of the part is serialized. */
const PLACE = "\u0000rows\u0000";

/** A cell of an edited row: its text as in the file until it is edited, then its element. */
interface CellSlot {
  col: number;
  text: string;
  el?: XEl;
}

/** An edited row: its start tag (as an element without children), the cells and the text between them. */
interface RowModel {
  head: XEl;
  parts: Array<string | CellSlot>;
  close: string;
}

interface RowSlot {
  r: number;
  /** The row's text in the original sheetData, or its model once edited. */
  text: string;
  model?: RowModel;
  /** Cells appended after the row's last cell without cutting the row up (the fast path of a column write). */
  queued?: Array<{ col: number; xml: string }>;
  /** Text (white space, comments) before the row in the original, kept as it was. */
  gap?: string;
  /** The last column of the row's text (-2: not known yet, -3: a cell without reference: no fast path). */
  lastCol?: number;
}

/** The start tag of a row's text. */
function headOf(text: string): string {
  return text.slice(0, text.indexOf(">") + 1);
}

/** The r attribute of the row start tag text[start, end); null without one. */
function rowNumber(text: string, start: number, end: number): number | null {
  // The usual form (r="12") found without cutting the tag out; any other spelling by the pattern.
  const at = text.indexOf(' r="', start);
  if (at >= 0 && at < end) {
    let n = 0;
    let i = at + 4;
    for (; i < end; i++) {
      const k = text.charCodeAt(i);
      if (k < 48 || k > 57) break;
      n = n * 10 + (k - 48);
    }
    if (i > at + 4 && text.charCodeAt(i) === 34) return n;
  }
  const m = /\sr\s*=\s*["'](\d+)["']/.exec(text.slice(start, end));
  return m ? Number(m[1]) : null;
}

/** The last cell's column in a row's text; -1 for none; -3 when unsure (cells without references). */
function lastColumnOf(text: string): number {
  // The last reference in a row is its last cell's (the row's own r comes first and has no letters).
  const at = text.lastIndexOf(' r="');
  if (at < 0) return /<(?:\w+:)?c[\s/>]/.test(text) ? -3 : -1;
  let c = 0;
  let i = at + 4;
  for (; i < text.length; i++) {
    const k = text.charCodeAt(i);
    if (k >= 65 && k <= 90) c = c * 26 + (k - 64);
    else break;
  }
  if (c === 0) return /<(?:\w+:)?c[\s/>]/.test(text) ? -3 : -1;
  // The reference must sit in a cell's start tag (not in a text that happens to hold ' r="').
  const open = text.lastIndexOf("<", at);
  if (!/^<(?:\w+:)?c\s/.test(text.slice(open, at + 1)) || text.lastIndexOf(">", at) > open) return -3;
  // Every cell must carry its reference for the count to be trusted.
  let cells = 0;
  let refs = 0;
  for (let j = text.indexOf("<c"); j >= 0; j = text.indexOf("<c", j + 2)) {
    const k = text.charCodeAt(j + 2);
    if (k === 32 || k === 62 || k === 47) cells++;
  }
  for (let j = text.indexOf(' r="'); j >= 0; j = text.indexOf(' r="', j + 4)) refs++;
  return refs >= cells + 1 || (refs === cells && !/^<(?:\w+:)?row\b[^>]*\sr="/.test(text)) ? c - 1 : -3;
}

const CELL = /<((?:\w+:)?c)(?=[\s/>])((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;
const REF = /\sr\s*=\s*["']([A-Za-z]{1,3})(\d+)["']/;

/** A row's text cut into its start tag, its cells (located, not parsed) and what lies between. */
function rowModel(text: string, r: number, pfx: string): RowModel {
  if (!text) return { head: el(pfx + "row", { r }), parts: [], close: "" };
  const headEnd = text.indexOf(">") + 1;
  const selfClosed = text[headEnd - 2] === "/";
  const headText = text.slice(0, headEnd);
  const name = /^<([^\s/>]+)/.exec(headText)![1];
  const head: XEl = { name, open: headText, close: "", children: [] };
  if (selfClosed) return { head, parts: [], close: "" };
  const closeAt = text.lastIndexOf("<");
  const body = text.slice(headEnd, closeAt);
  const parts: Array<string | CellSlot> = [];
  let last = 0;
  let col = -1;
  CELL.lastIndex = 0;
  for (let m = CELL.exec(body); m; m = CELL.exec(body)) {
    let end = CELL.lastIndex;
    if (!m[3]) {
      const close = body.indexOf(`</${m[1]}>`, end);
      if (close < 0) throw new XlsxFormatError(formatMessage.broken);
      end = close + m[1].length + 3;
      CELL.lastIndex = end;
    }
    if (m.index > last) parts.push(body.slice(last, m.index));
    let cellText = body.slice(m.index, end);
    const ref = REF.exec(m[2]);
    if (ref) {
      let c = 0;
      for (const ch of ref[1].toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
      col = c - 1;
    }
    else {
      // A cell without a reference gets one, so every cell of an edited row can be found.
      col++;
      cellText = cellText.replace(/^<([^\s/>]+)/, `<$1 r="${toA1(r - 1, col)}"`);
    }
    parts.push({ col, text: cellText });
    last = end;
  }
  if (last < body.length) parts.push(body.slice(last));
  if (!/\sr\s*=/.test(headText)) head.open = headText.replace(/^<([^\s/>]+)/, `<$1 r="${r}"`);
  return { head, parts, close: text.slice(closeAt) };
}

/** A row's spans ("1:7") taking in a column (0-based); rows without spans stay without. */
function widenSpans(head: XEl, col: number): void {
  const spans = attr(head, "spans");
  if (!spans) return;
  const [a, b] = spans.split(":").map(Number);
  if (col + 1 < a || col + 1 > b) setAttrs(head, { spans: `${Math.min(a, col + 1)}:${Math.max(b, col + 1)}` });
}

/**
 * A row's text with queued cells appended after its last cell, as pieces pushed to `out` (the
 * row's own text is not copied into a new string: most of a long sheet is such text).
 */
function appendQueued(slot: RowSlot, pfx: string, out: string[]): void {
  const queued = slot.queued!;
  if (!slot.text) {
    out.push(`<${pfx}row r="${slot.r}">`);
    for (const q of queued) out.push(q.xml);
    out.push(`</${pfx}row>`);
    return;
  }
  const headEnd = slot.text.indexOf(">") + 1;
  const head = slot.text.slice(0, headEnd);
  let open = head;
  const spans = head.includes("spans") ? /\sspans="(\d+):(\d+)"/.exec(head) : null;
  if (spans) {
    const col = queued[queued.length - 1].col + 1;
    const a = Number(spans[1]);
    const b = Number(spans[2]);
    if (col > b || col < a) open = head.replace(spans[0], ` spans="${Math.min(a, col)}:${Math.max(b, col)}"`);
  }
  if (head.endsWith("/>")) {
    out.push(open.replace(/\s*\/>$/, ">"));
    for (const q of queued) out.push(q.xml);
    out.push(`</${pfx}row>`);
    return;
  }
  const close = slot.text.lastIndexOf("</");
  out.push(open === head ? slot.text.slice(0, close) : open + slot.text.slice(headEnd, close));
  for (const q of queued) out.push(q.xml);
  out.push(slot.text.slice(close));
}

function serializeRow(m: RowModel): string {
  let s = m.head.open;
  if (m.parts.length === 0 && m.close === "") return s.endsWith("/>") ? s : s.replace(/>$/, "/>");
  if (s.endsWith("/>")) s = s.replace(/\s*\/>$/, ">");
  for (const p of m.parts) s += typeof p === "string" ? p : p.el ? serialize(p.el) : p.text;
  return s + (m.close || `</${m.head.name}>`);
}

export class SheetEditor {
  readonly doc: XEl;
  readonly root: XEl;
  readonly pfx: string;
  private readonly data: XEl;
  private rows: RowSlot[] | null = null;
  /** Text after the last row of the original sheetData. */
  private tail = "";
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
    const open = `<${this.pfx}row`;
    const close = `</${this.pfx}row>`;
    let prev = -1;
    let last = 0;
    // Rows found by plain search (a row's attributes never hold ">"): much faster than a regex on large sheets.
    for (let start = text.indexOf(open); start >= 0; start = text.indexOf(open, start + 1)) {
      const k = text.charCodeAt(start + open.length);
      if (k !== 32 && k !== 62 && k !== 47 && k !== 9 && k !== 10 && k !== 13) continue;
      const tagEnd = text.indexOf(">", start);
      if (tagEnd < 0) throw new XlsxFormatError(formatMessage.broken);
      let end = tagEnd + 1;
      if (text.charCodeAt(tagEnd - 1) !== 47) {
        const c = text.indexOf(close, end);
        if (c < 0) throw new XlsxFormatError(formatMessage.broken);
        end = c + close.length;
      }
      const r = rowNumber(text, start, tagEnd) ?? prev + 1;
      prev = r;
      const slot: RowSlot = { r, text: text.slice(start, end), gap: start > last ? text.slice(last, start) : undefined };
      rows.push(slot);
      this.byRow.set(r, slot);
      last = end;
      start = end - 1;
    }
    this.tail = last < text.length ? text.slice(last) : "";
    this.rows = rows;
    return rows;
  }

  /** The row (1-based r), cut up for editing; created in order when `create`. */
  row(r: number, create: boolean): RowModel | undefined {
    const rows = this.loadRows();
    let slot = this.byRow.get(r);
    if (!slot) {
      if (!create) return undefined;
      slot = { r, text: "" };
      let i = rows.length;
      while (i > 0 && rows[i - 1].r > r) i--;
      rows.splice(i, 0, slot);
      this.byRow.set(r, slot);
      this.touch();
    }
    if (!slot.model) {
      slot.model = rowModel(slot.text, r, this.pfx);
      for (const q of slot.queued ?? []) slot.model.parts.push({ col: q.col, text: q.xml });
      if (slot.queued?.length) widenSpans(slot.model.head, Math.max(...slot.queued.map((q) => q.col)));
      slot.queued = undefined;
    }
    return slot.model;
  }

  /** The style index a new cell at (row, col) (0-based) shows: the row's style, else its column's. */
  defaultStyle(row: number, col: number): number {
    this.loadRows();
    const slot = this.byRow.get(row + 1);
    const head: XEl | undefined = slot?.model?.head ?? (slot && slot.text.lastIndexOf("customFormat", slot.text.indexOf(">")) > 0 ? { name: "row", open: headOf(slot.text), close: "", children: [] } : undefined);
    const custom = head && attr(head, "customFormat");
    if (head && custom && /^(1|true)$/.test(custom) && attr(head, "s")) return Number(attr(head, "s"));
    let style = this.colStyles.get(col);
    if (style === undefined) {
      style = 0;
      const cols = this.part("cols");
      for (const c of cols ? elements(cols, "col") : []) {
        if (Number(attr(c, "min")) <= col + 1 && col + 1 <= Number(attr(c, "max"))) {
          style = Number(attr(c, "style") ?? 0);
          break;
        }
      }
      this.colStyles.set(col, style);
    }
    return style;
  }

  /** Styles of columns (from <cols>), looked up once per column. */
  private readonly colStyles = new Map<number, number>();

  /** The style index of the cell at (row, col), 0-based, read without parsing the cell; 0 when absent. */
  styleAt(row: number, col: number): number {
    this.loadRows();
    const slot = this.byRow.get(row + 1);
    if (!slot) return 0;
    if (!slot.model && slot.lastCol !== -3 && slot.text) {
      // The cell found by its reference in the row's text, without cutting the row up.
      const at = slot.text.indexOf(` r="${toA1(row, col)}"`);
      if (at >= 0) {
        const start = slot.text.lastIndexOf("<", at);
        const tag = slot.text.slice(start, slot.text.indexOf(">", at));
        const m = /\ss\s*=\s*["'](\d+)["']/.exec(tag);
        return m ? Number(m[1]) : 0;
      }
      if (!/<(?:\w+:)?c[\s>]/.test(slot.text) || /<(?:\w+:)?c\s(?![^>]*\sr=)/.test(slot.text)) {
        // No cell, or cells without references: fall through to the model.
      } else if (!slot.queued?.some((q) => q.col === col)) return 0;
    }
    const r = this.row(row + 1, false);
    if (!r) return 0;
    for (const p of r.parts) {
      if (typeof p === "string" || p.col !== col) continue;
      if (p.el) return this.styleOf(p.el);
      const m = /^<[^>]*?\ss\s*=\s*["'](\d+)["']/.exec(p.text);
      return m ? Number(m[1]) : 0;
    }
    return 0;
  }

  /**
   * Writes a new cell after the last cell of its row without cutting the row up (a column
   * written right of a table, row after row). False when the fast path does not apply (the
   * row is already cut up, or the cell exists or lies before the row's last cell).
   */
  appendCell(row: number, col: number, style: number | null, type: string | undefined, inner: string): boolean {
    this.loadRows();
    let slot = this.byRow.get(row + 1);
    if (slot?.model) return false;
    if (!slot) {
      slot = { r: row + 1, text: "" };
      const rows = this.rows!;
      let i = rows.length;
      while (i > 0 && rows[i - 1].r > row + 1) i--;
      rows.splice(i, 0, slot);
      this.byRow.set(row + 1, slot);
    }
    if (slot.lastCol === undefined) slot.lastCol = slot.text ? lastColumnOf(slot.text) : -1;
    const last = slot.queued?.length ? Math.max(slot.lastCol, slot.queued[slot.queued.length - 1].col) : slot.lastCol;
    if (slot.lastCol === -3 || col <= last) return false;
    const s = style ?? this.defaultStyle(row, col);
    const name = this.pfx + "c";
    const open = `<${name} r="${toA1(row, col)}"${s ? ` s="${s}"` : ""}${type ? ` t="${type}"` : ""}`;
    (slot.queued ??= []).push({ col, xml: inner ? `${open}>${inner}</${name}>` : `${open}/>` });
    this.grow(row, col);
    this.touch();
    return true;
  }

  /** The <c> element at (row, col), 0-based; created (with the row's or column's style) when `create`. */
  cell(row: number, col: number, create: boolean): XEl | undefined {
    const r = this.row(row + 1, create);
    if (!r) return undefined;
    let at = r.parts.length;
    for (let i = 0; i < r.parts.length; i++) {
      const p = r.parts[i];
      if (typeof p === "string") continue;
      if (p.col === col) {
        p.el ??= rootOf(parseXml(p.text));
        return p.el;
      }
      if (p.col > col) {
        at = i;
        break;
      }
    }
    if (!create) return undefined;
    const s = this.defaultStyle(row, col);
    const name = this.pfx + "c";
    const c: XEl = { name, open: `<${name} r="${toA1(row, col)}"${s ? ` s="${s}"` : ""}/>`, close: "", children: [] };
    r.parts.splice(at, 0, { col, text: "", el: c });
    widenSpans(r.head, col);
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
  setCell(c: XEl, content: { type?: string; inner: XNode[] }, style: number | null): void {
    const f = child(c, "f");
    if (f) {
      const t = attr(f, "t");
      if ((t === "shared" && attr(f, "ref")) || t === "array") throw new HostError("host_failed", `单元格 ${attr(c, "r")} 是共享公式或数组公式的起点,不能改写`);
      // The calculation chain lists formula cells by place: it stays right while this cell keeps a
      // formula (a run rewriting its own 核算得分 formulas), and must go when the formula does.
      const first = content.inner[0];
      const keepsFormula = first !== undefined && (typeof first === "string" ? first.startsWith(`<${this.pfx}f>`) || first.startsWith(`<${this.pfx}f `) : localName(first.name) === "f");
      if (!keepsFormula) this.formulaReplaced = true;
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

  /** The part's text, in pieces (the rows of a large sheet are not joined into one string); call once. */
  serialize(): string[] {
    let rows: string[] | null = null;
    if (this.rows) {
      rows = [];
      for (const slot of this.rows) {
        if (slot.gap) rows.push(slot.gap);
        if (slot.model) rows.push(serializeRow(slot.model));
        else if (slot.queued?.length) appendQueued(slot, this.pfx, rows);
        else rows.push(slot.text);
      }
      if (this.tail) rows.push(this.tail);
      if (rows.length && this.data.close === "") {
        this.data.open = this.data.open.replace(/\s*\/>$/, ">");
        this.data.close = `</${this.data.name}>`;
      }
      this.data.children = [PLACE];
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
    const text = serialize(this.doc);
    if (!rows) return [text];
    const at = text.indexOf(PLACE);
    const out = [text.slice(0, at), ...rows, text.slice(at + PLACE.length)];
    return out;
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
