/**
 * Lays a template definition out as sheets: values, merged areas, widths and how each cell
 * looks. Pure (no exceljs): the generator writes this, and the tests compare workbooks with it.
 */
import { parseA1, parseRange, type CellValue, type Grid, type Merge } from "../core/grid";
import { CHINESE_COMMA_NUMBERED } from "../core/words/numbering";
import {
  isItemRow,
  isSpanRow,
  type CellStyle,
  type FormSheetDef,
  type NoteSheetDef,
  type ScoreSheetDef,
  type SheetDef,
  type StatisticsSheetDef,
  type TemplateDef,
} from "./template";

export interface CellFormat {
  style: CellStyle;
  align?: "left" | "center";
  /** Indentation level of a statistics label. */
  indent?: number;
}

export interface LaidOutSheet extends Grid {
  formats: Array<Array<CellFormat | null>>;
  widths: number[];
}

class Sheet {
  readonly cells: CellValue[][] = [];
  readonly formats: Array<Array<CellFormat | null>> = [];
  readonly merges: Merge[] = [];
  constructor(readonly name: string, readonly widths: number[]) {}

  set(row: number, col: number, value: CellValue, format: CellFormat) {
    while (this.cells.length <= row) {
      this.cells.push([]);
      this.formats.push([]);
    }
    this.cells[row][col] = value;
    this.formats[row][col] = format;
  }

  /** A value over an area: the top-left holds it, the rest are blank cells of the same look. */
  area(m: Merge, value: CellValue, format: CellFormat) {
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) this.set(r, c, null, format);
    this.set(m.top, m.left, value, format);
    if (m.bottom > m.top || m.right > m.left) this.merges.push(m);
  }

  /** A line of text across the first `width` columns. */
  line(row: number, width: number, value: string, style: CellStyle) {
    this.area({ top: row, left: 0, bottom: row, right: width - 1 }, value, { style, align: style === "title" ? "center" : "left" });
  }

  done(): LaidOutSheet {
    const width = Math.max(this.widths.length, ...this.cells.map((r) => r.length));
    const fill = <T>(rows: T[][]) => rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null));
    return { name: this.name, cells: fill(this.cells), merges: this.merges, formats: fill(this.formats) as LaidOutSheet["formats"], widths: this.widths };
  }
}

function layoutScore(def: ScoreSheetDef): LaidOutSheet {
  const cols = def.columns;
  const n = cols.length;
  const s = new Sheet(def.name, cols.map((c) => c.width));
  let row = 0;
  s.line(row++, n, def.title, "title");
  for (const p of def.preamble ?? []) s.line(row++, n, p, "preamble");
  cols.forEach((c, i) => s.set(row, i, c.header, { style: "header", align: "center" }));
  row++;

  // Open category blocks: column index → the row its value starts on.
  const open = new Map<number, { start: number; value: CellValue }>();
  const closeFrom = (first: number, end: number) => {
    for (let i = first; i < n; i++) {
      const b = open.get(i);
      if (!b) continue;
      s.area({ top: b.start, left: i, bottom: end, right: i }, b.value, { style: "label", align: cols[i].align ?? "center" });
      open.delete(i);
    }
  };

  for (const r of def.rows) {
    if (!isItemRow(r)) {
      closeFrom(0, row - 1);
      if (isSpanRow(r)) s.line(row++, n, r.span, r.kind === "section" ? "section" : "note");
      else {
        const labelEnd = Math.max(0, cols.findIndex((c) => c.input || c.key === "max") - 1);
        s.area({ top: row, left: 0, bottom: row, right: labelEnd }, r.total, { style: "header", align: "center" });
        cols.forEach((c, i) => {
          if (i <= labelEnd) return;
          const v = r.cells?.[c.key];
          s.set(row, i, v ?? null, { style: v === undefined ? "input" : "number", align: "center" });
        });
        row++;
      }
      continue;
    }
    // A merged column set on this row starts a new block there and in every column inside it.
    const first = cols.findIndex((c) => c.mergeDown && r[c.key] !== undefined);
    if (first >= 0) closeFrom(first, row - 1);
    cols.forEach((c, i) => {
      const v = r[c.key];
      if (c.mergeDown) {
        if (v !== undefined && v !== null) open.set(i, { start: row, value: v });
        else if (v === null || !open.has(i)) s.set(row, i, null, { style: "label", align: "center" });
        return;
      }
      const style: CellStyle = c.input ? "input" : typeof v === "number" ? "number" : "text";
      s.set(row, i, v ?? null, { style, align: c.align ?? "left" });
    });
    row++;
  }
  closeFrom(0, row - 1);
  for (const p of def.footer ?? []) s.line(row++, n, p, "preamble");
  return s.done();
}

function layoutStatistics(def: StatisticsSheetDef): LaidOutSheet {
  const s = new Sheet(def.name, [64, 8, 12]);
  let row = 0;
  s.line(row++, 3, def.title, "title");
  for (const p of def.preamble ?? []) s.line(row++, 3, p, "preamble");
  def.header.forEach((h, i) => s.set(row, i, h, { style: "header", align: "center" }));
  row++;
  for (const r of def.rows) {
    s.set(row, 0, r.label, { style: r.indent === 0 ? "section" : "label", align: "left", indent: r.indent });
    s.set(row, 1, r.unit, { style: "text", align: "center" });
    s.set(row, 2, null, { style: "input", align: "center" });
    row++;
  }
  for (const p of def.footer ?? []) s.line(row++, 3, p, "preamble");
  return s.done();
}

function layoutNote(def: NoteSheetDef): LaidOutSheet {
  const s = new Sheet(def.name, [110]);
  s.set(0, 0, def.title, { style: "title", align: "center" });
  def.paragraphs.forEach((p, i) => s.set(i + 1, 0, p, { style: CHINESE_COMMA_NUMBERED.test(p) ? "section" : "note", align: "left" }));
  return s.done();
}

function layoutForm(def: FormSheetDef): LaidOutSheet {
  const s = new Sheet(def.name, def.widths);
  for (const c of def.cells) {
    const format: CellFormat = { style: c.style, align: c.style === "label" || c.style === "preamble" ? "left" : "center" };
    const m = c.to ? parseRange(`${c.at}:${c.to}`) : null;
    const p = parseA1(c.at);
    if (!p) throw new Error(`bad cell address ${c.at} in ${def.name}`);
    if (m) s.area(m, c.value, format);
    else s.set(p.row, p.col, c.value, format);
  }
  return s.done();
}

export function layoutSheet(def: SheetDef): LaidOutSheet {
  switch (def.kind) {
    case "score":
      return layoutScore(def);
    case "statistics":
      return layoutStatistics(def);
    case "note":
      return layoutNote(def);
    case "form":
      return layoutForm(def);
  }
}

export function layoutTemplate(def: TemplateDef): LaidOutSheet[] {
  return def.sheets.map(layoutSheet);
}
