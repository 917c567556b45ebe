/**
 * The reader: the package straight into the engine's grids. Sheet XML and shared strings are
 * streamed through saxes as they are inflated; limits (bytes, cells, text, merges) are checked
 * on the way. Only what the engine needs is kept: values (formula results, 0 is 0), which cells
 * hold formulas, merged ranges, notes, the hidden state. The grid is clipped to where content
 * is, so a lone cell at XFD1048576 costs nothing.
 */
import type { SaxesTagPlain } from "saxes";
import { parseA1, parseRange, type CellValue, type Grid, type Merge } from "../../core/grid";
import { COLUMN_GAP, ROW_GAP, XlsxLimitError, limitMessage } from "./limits";
import { REL, relIs, type SheetInfo, type XlsxPackage } from "./package";
import { Styles, themeColors } from "./styles";
import { unescapeExcel } from "./xml";

/**
 * Text as the engine reads it: Excel's escapes (_x001B_) decoded, then control characters
 * (ESC, BEL …, never typed by a clerk) dropped so that no report carries them to a terminal.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g;
// eslint-disable-next-line no-control-regex
const HAS_CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/;
function cellText(raw: string): string {
  const s = unescapeExcel(raw);
  return HAS_CONTROL.test(s) ? s.replace(CONTROL, "") : s;
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/** Columns beyond this index are kept aside while reading (no row array is stretched that far). */
const COLUMN_LIMIT = 4096;

/** A date as the engine has always seen it: "2021-03-05" (UTC, as exceljs gave it). */
function dateText(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

function serialDate(v: number, date1904: boolean): string | null {
  return dateText(new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000)));
}

/** The parts of a workbook the reader needs once, for every sheet. */
export interface WorkbookParts {
  sheets: SheetInfo[];
  styles: Styles;
  strings: string[];
  date1904: boolean;
  /** Authors of threaded comments: person id → display name. */
  persons: Map<string, string>;
}

function localOf(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
}

/** Shared strings, streamed: rich text as its text, phonetic runs left out. */
function readSharedStrings(pkg: XlsxPackage, path: string): string[] {
  const out: string[] = [];
  const limit = pkg.limits.textLength;
  let inSi = false;
  let inT = false;
  let phonetic = 0;
  let cur = "";
  pkg.sax(path, {
    open(tag) {
      const n = localOf(tag.name);
      if (n === "si") {
        inSi = true;
        cur = "";
      } else if (n === "rPh") phonetic++;
      else if (n === "t" && inSi && !phonetic) inT = true;
    },
    close(name) {
      const n = localOf(name);
      if (n === "si") {
        out.push(cellText(cur));
        inSi = false;
      } else if (n === "rPh") phonetic--;
      else if (n === "t") inT = false;
    },
    text(t) {
      if (!inT) return;
      cur += t;
      if (cur.length > limit) throw new XlsxLimitError(limitMessage.text(`共享文字第 ${out.length + 1} 条`, cur.length, limit));
    },
  });
  return out;
}

/** The workbook-wide parts: sheet list, styles, shared strings, the 1904 date system. */
export function readWorkbookParts(pkg: XlsxPackage): WorkbookParts {
  const rels = pkg.rels(pkg.workbookPath);
  const part = (type: string) => rels.find((r) => relIs(r.type, type))?.path ?? null;
  const stylesPath = part(REL.styles);
  const themePath = part(REL.theme);
  const stringsPath = part(REL.sharedStrings);
  const theme = themePath && pkg.has(themePath) ? themeColors(pkg.text(themePath)) : [];
  const styles = new Styles(stylesPath && pkg.has(stylesPath) ? pkg.text(stylesPath) : null, theme);
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904="(1|true)"/.test(pkg.text(pkg.workbookPath));
  const personsPath = part(REL.person);
  let strings: string[] | null = null;
  let persons: Map<string, string> | null = null;
  return {
    sheets: pkg.sheets(),
    styles,
    date1904,
    // Read when a sheet is first read (the writer rarely needs them).
    get strings() {
      return (strings ??= stringsPath && pkg.has(stringsPath) ? readSharedStrings(pkg, stringsPath) : []);
    },
    get persons() {
      return (persons ??= personsPath && pkg.has(personsPath) ? readPersons(pkg, personsPath) : new Map());
    },
  };
}

/** xl/persons/person.xml: the people of threaded comments, id → display name. */
function readPersons(pkg: XlsxPackage, path: string): Map<string, string> {
  const out = new Map<string, string>();
  pkg.sax(path, {
    open(tag) {
      if (localOf(tag.name) !== "person") return;
      const id = tag.attributes.id;
      const name = cellText(tag.attributes.displayName ?? "").trim();
      if (id && name) out.set(id.toUpperCase(), name.slice(0, pkg.limits.textLength));
    },
  });
  return out;
}

/**
 * Threaded comments of a sheet (Excel 365): A1 → the thread as one text, each comment on its
 * line after its author's name (when the person is known), replies in the order written.
 */
export function readThreads(pkg: XlsxPackage, sheet: SheetInfo, persons: () => Map<string, string>): Record<string, string> {
  const threads: Record<string, string> = {};
  const rel = pkg.rels(sheet.path).find((r) => relIs(r.type, REL.threadedComment));
  if (!rel?.path || !pkg.has(rel.path)) return threads;
  const limit = pkg.limits.textLength;
  const lines = new Map<string, string[]>();
  let ref: string | null = null;
  let person = "";
  let inText = false;
  let cur = "";
  pkg.sax(rel.path, {
    open(tag) {
      const n = localOf(tag.name);
      if (n === "threadedComment") {
        ref = (tag.attributes.ref ?? "").replace(/\$/g, "").toUpperCase() || null;
        person = (tag.attributes.personId ?? "").toUpperCase();
        cur = "";
      } else if (n === "text" && ref) inText = true;
    },
    close(name) {
      const n = localOf(name);
      if (n === "threadedComment" && ref) {
        const text = cellText(cur).trim();
        const who = persons().get(person);
        let list = lines.get(ref);
        if (!list) lines.set(ref, (list = []));
        list.push(who ? `${who}:${text}` : text);
        ref = null;
      } else if (n === "text") inText = false;
    },
    text(t) {
      if (!inText) return;
      cur += t;
      if (cur.length > limit) throw new XlsxLimitError(limitMessage.text(`工作表“${sheet.name}”的批注`, cur.length, limit));
    },
  });
  for (const [a1, list] of lines) threads[a1] = list.join("\n");
  return threads;
}

/**
 * Notes of a sheet, A1 → text: its comments part and its threaded comments. A threaded comment
 * takes the place of its legacy placeholder ("[Threaded comment] Your version of Excel …").
 */
export function readNotes(pkg: XlsxPackage, sheet: SheetInfo, persons: () => Map<string, string> = () => new Map()): Record<string, string> {
  return Object.assign(readLegacyNotes(pkg, sheet), readThreads(pkg, sheet, persons));
}

/** Notes of a sheet from its comments part: A1 → text. */
function readLegacyNotes(pkg: XlsxPackage, sheet: SheetInfo): Record<string, string> {
  const notes: Record<string, string> = {};
  const rel = pkg.rels(sheet.path).find((r) => relIs(r.type, REL.comments));
  if (!rel?.path || !pkg.has(rel.path)) return notes;
  const limit = pkg.limits.textLength;
  let ref: string | null = null;
  let inT = false;
  let phonetic = 0;
  let cur = "";
  pkg.sax(rel.path, {
    open(tag) {
      const n = localOf(tag.name);
      if (n === "comment") {
        ref = (tag.attributes.ref ?? "").toUpperCase();
        cur = "";
      } else if (n === "rPh") phonetic++;
      else if (n === "t" && ref && !phonetic) inT = true;
    },
    close(name) {
      const n = localOf(name);
      if (n === "comment" && ref) {
        notes[ref] = cellText(cur);
        ref = null;
      } else if (n === "rPh") phonetic--;
      else if (n === "t") inT = false;
    },
    text(t) {
      if (!inT) return;
      cur += t;
      if (cur.length > limit) throw new XlsxLimitError(limitMessage.text(`工作表“${sheet.name}”的批注`, cur.length, limit));
    },
  });
  return notes;
}

/** One worksheet as a grid; cells covered by a merge (other than its top-left) are blank, as in Excel. */
export function readSheet(pkg: XlsxPackage, parts: WorkbookParts, sheet: SheetInfo, keepText = false): Grid {
  const { styles, strings, date1904 } = parts;
  const limits = pkg.limits;
  const rows = new Map<number, CellValue[]>();
  const formulaRows = new Map<number, boolean[]>();
  const merges: Merge[] = [];
  const dateStyle = new Map<number, boolean>();
  const isDate = (s: number) => {
    let d = dateStyle.get(s);
    if (d === undefined) dateStyle.set(s, (d = styles.isDate(s)));
    return d;
  };

  let cells = 0;
  let curRowIndex = -1;
  let curRow: CellValue[] | undefined;
  const columnsSeen = new Uint8Array(COLUMN_LIMIT);
  // Values far right (beyond COLUMN_LIMIT) kept aside: rows stay small whatever a file claims.
  const far: Array<[number, number, CellValue]> = [];
  let row = -1;
  let col = -1;
  // The cell being read.
  let type = "";
  let style = 0;
  let hasF = false;
  let text = "";
  let collecting: "" | "v" | "t" = "";
  let inCell = false;
  let phonetic = 0;

  const store = () => {
    let v: CellValue = null;
    switch (type) {
      case "s": {
        const i = Number(text);
        v = text !== "" && Number.isInteger(i) ? strings[i] ?? null : null;
        break;
      }
      case "inlineStr":
        v = cellText(text);
        break;
      case "str":
        v = hasF || text !== "" ? cellText(text) : null;
        break;
      case "b":
        v = text === "" ? null : text === "true" ? true : text === "false" ? false : parseInt(text, 10) !== 0;
        break;
      case "e":
        v = text === "" ? null : text;
        break;
      case "d":
        v = text === "" ? null : dateText(new Date(text));
        break;
      default:
        if (text !== "") {
          const n = parseFloat(text);
          v = Number.isNaN(n) ? null : style && isDate(style) ? serialDate(n, date1904) : n;
        }
    }
    if (v === null && !hasF) return;
    if (row !== curRowIndex) {
      curRowIndex = row;
      curRow = rows.get(row);
      if (!curRow) rows.set(row, (curRow = []));
    }
    const r = curRow!;
    // Cells come in order: a gap is filled with blanks so the row stays a dense array.
    if (col < COLUMN_LIMIT) {
      while (r.length < col) r.push(null);
      r[col] = v;
      columnsSeen[col] = 1;
    } else far.push([row, col, v]);
    if (hasF) {
      let f = formulaRows.get(row);
      if (!f) formulaRows.set(row, (f = []));
      f[col] = true;
    }
  };

  const where = () => `工作表“${sheet.name}”的单元格`;
  pkg.sax(sheet.path, {
    open(tag: SaxesTagPlain) {
      const n = tag.name.length <= 3 ? tag.name : localOf(tag.name);
      switch (n) {
        case "row": {
          const r = tag.attributes.r;
          row = r ? Number(r) - 1 : row + 1;
          col = -1;
          break;
        }
        case "c": {
          if (++cells > limits.cellsPerSheet) throw new XlsxLimitError(limitMessage.cells(sheet.name, limits.cellsPerSheet));
          const ref = tag.attributes.r;
          if (ref) {
            // "AB12" → column and row in one pass.
            let c = 0;
            let i = 0;
            for (; i < ref.length; i++) {
              const k = ref.charCodeAt(i);
              if (k >= 65 && k <= 90) c = c * 26 + (k - 64);
              else if (k >= 97 && k <= 122) c = c * 26 + (k - 96);
              else break;
            }
            col = c - 1;
            let r = 0;
            for (; i < ref.length; i++) {
              const k = ref.charCodeAt(i);
              if (k < 48 || k > 57) break;
              r = r * 10 + (k - 48);
            }
            if (r > 0) row = r - 1;
          } else col++;
          type = tag.attributes.t ?? "n";
          style = Number(tag.attributes.s ?? 0) || 0;
          hasF = false;
          text = "";
          inCell = true;
          phonetic = 0;
          break;
        }
        case "f":
          if (inCell) hasF = true;
          break;
        case "v":
          if (inCell) collecting = "v";
          break;
        case "rPh":
          phonetic++;
          break;
        case "t":
          if (inCell && !phonetic) collecting = "t";
          break;
        case "mergeCell": {
          const m = parseRange(tag.attributes.ref ?? "");
          if (m) {
            if (merges.length >= limits.mergesPerSheet) throw new XlsxLimitError(limitMessage.merges(sheet.name, limits.mergesPerSheet));
            merges.push(m);
          }
          break;
        }
      }
    },
    close(name: string) {
      const n = name.length <= 3 ? name : localOf(name);
      if (n === "c") {
        if (inCell) store();
        inCell = false;
      } else if (n === "v" || n === "t") collecting = "";
      else if (n === "rPh") phonetic--;
    },
    text(t: string) {
      if (!collecting) return;
      text += t;
      if (text.length > limits.textLength) {
        const at = col >= 0 && row >= 0 ? `${where()} ${colName(col)}${row + 1} ` : where();
        throw new XlsxLimitError(limitMessage.text(at, text.length, limits.textLength));
      }
    },
  }, keepText);
  return buildGrid(sheet, rows, columnsSeen, far, formulaRows, merges, readNotes(pkg, sheet, () => parts.persons));
}

function colName(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * The end of content along one axis: indices sorted, cut at the first gap wider than `gap`
 * (what lies beyond is no table the engine could read, and would cost it minutes).
 */
function extent(indices: number[], gap: number): number {
  indices.sort((a, b) => a - b);
  let end = -1;
  for (const i of indices) {
    if (i - end > gap + 1 && end >= 0) break;
    if (end < 0 && i > gap) break;
    end = i;
  }
  return end;
}

function buildGrid(
  sheet: SheetInfo,
  rows: Map<number, CellValue[]>,
  columnsSeen: Uint8Array,
  far: Array<[number, number, CellValue]>,
  formulaRows: Map<number, boolean[]>,
  allMerges: Merge[],
  notes: Record<string, string>,
): Grid {
  const lastRow = extent([...rows.keys()], ROW_GAP);
  const used: number[] = far.map(([, c]) => c);
  columnsSeen.forEach((u, c) => u && used.push(c));
  const lastCol = extent(used, COLUMN_GAP);
  for (const [r, c, v] of far) {
    if (c > lastCol) continue;
    const row = rows.get(r) ?? [];
    rows.set(r, row);
    while (row.length < c) row.push(null);
    row[c] = v;
  }
  const cells: CellValue[][] = [];
  const formulas: boolean[][] = [];
  for (let r = 0; r <= lastRow; r++) {
    const src = rows.get(r);
    let out: CellValue[];
    if (!src) out = [];
    else if (src.length <= lastCol + 1) out = src;
    else out = src.slice(0, lastCol + 1);
    // Trailing blanks of a row clipped short are not kept (exceljs did not keep them either).
    let len = out.length;
    while (len > 0 && out[len - 1] === null && !formulaRows.get(r)?.[len - 1]) len--;
    if (len < out.length) out.length = len;
    for (let c = 0; c < out.length; c++) if (out[c] === undefined) out[c] = null;
    cells.push(out);
    const f = formulaRows.get(r);
    if (f) {
      const fr: boolean[] = [];
      f.forEach((v, c) => {
        if (v && c <= lastCol) fr[c] = true;
      });
      formulas[r] = fr;
    }
  }
  const merges = allMerges.filter((m) => m.top <= lastRow + 1 && m.left <= lastCol + 1);
  for (const m of merges) {
    for (let r = m.top; r <= Math.min(m.bottom, cells.length - 1); r++) {
      const row = cells[r];
      for (let c = m.left; c <= m.right && c < row.length; c++) if (r !== m.top || c !== m.left) row[c] = null;
    }
  }
  const kept: Record<string, string> = {};
  for (const [a1, text] of Object.entries(notes)) {
    const p = parseA1(a1);
    if (p && p.row <= lastRow + ROW_GAP && p.col <= lastCol + COLUMN_GAP) kept[a1] = text;
  }
  const grid: Grid = { name: sheet.name, cells, merges, formulas, notes: kept };
  if (sheet.hidden) grid.hidden = true;
  return grid;
}

/** Every worksheet in workbook order. */
export function readGrids(pkg: XlsxPackage, parts: WorkbookParts = readWorkbookParts(pkg), keepText = false): Grid[] {
  return parts.sheets.filter((s) => s.worksheet).map((s) => readSheet(pkg, parts, s, keepText));
}
