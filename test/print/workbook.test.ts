/**
 * The written workbooks read at the part level (the .xlsx unzipped, sheet XML and styles.xml read
 * directly), as a printer reads them: the 核算得分 column has the table's look on every row (border,
 * the score column's header font and fill, the entry cells' alignment and number format), a column
 * width, and lies inside a print area the template sets (print titles unchanged); the 核算结果
 * rate is a number with a percent format, the file named without a folder.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { columnLetters, parseA1, toA1 } from "../../src/core/grid";
import type { ScoreSheetReport } from "../../src/core/report";
import { RESULT_HEADER } from "../../src/footprint";
import { createXlsxPort } from "../../src/hosts/xlsx";
import { checkGrids, planWriteback } from "../../src/kaohe";
import { RESULT_COLUMN_WIDTH } from "../../src/writeback/plan";
import { buildXlsx, scoreSheet } from "../xlsx/ooxml";
import { ROOT, writeSamples, type Written } from "./written";

interface XCell {
  s: number;
  t: string | null;
  v: string | null;
  text: string | null;
}

const attrOf = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? null;
const unesc = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

/** An .xlsx read at the part level: sheets by name (cells by A1), styles, defined names. */
class Book {
  files: Record<string, Uint8Array>;
  workbook: string;
  shared: string[];
  xfs: string[];
  fonts: string[];
  fills: string[];
  borders: string[];
  numFmts: Map<number, string>;
  constructor(bytes: Uint8Array) {
    this.files = unzipSync(bytes);
    this.workbook = this.part("xl/workbook.xml");
    const sst = this.files["xl/sharedStrings.xml"] ? this.part("xl/sharedStrings.xml") : "";
    this.shared = [...sst.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => unesc([...m[1].matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((t) => t[1]).join("")));
    const styles = this.part("xl/styles.xml");
    const list = (outer: string, inner: string) => {
      const block = new RegExp(`<${outer}[^>]*>([\\s\\S]*?)</${outer}>`).exec(styles)?.[1] ?? "";
      return [...block.matchAll(new RegExp(`<${inner}\\b[^>]*?(?:/>|>[\\s\\S]*?</${inner}>)`, "g"))].map((m) => m[0]);
    };
    this.xfs = list("cellXfs", "xf");
    this.fonts = list("fonts", "font");
    this.fills = list("fills", "fill");
    this.borders = list("borders", "border");
    this.numFmts = new Map([...styles.matchAll(/<numFmt\b[^>]*>/g)].map((m) => [Number(attrOf(m[0], "numFmtId")), unesc(attrOf(m[0], "formatCode") ?? "")]));
  }
  part(path: string): string {
    const f = this.files[path];
    if (!f) throw new Error(`no part ${path}`);
    return strFromU8(f);
  }
  sheetPath(name: string): string {
    const tag = [...this.workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]).find((t) => unesc(attrOf(t, "name") ?? "") === name);
    if (!tag) throw new Error(`no sheet ${name}`);
    const rid = attrOf(tag, "r:id");
    const rels = this.part("xl/_rels/workbook.xml.rels");
    const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((t) => attrOf(t, "Id") === rid)!;
    const target = attrOf(rel, "Target")!;
    return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
  }
  sheetXml(name: string): string {
    return this.part(this.sheetPath(name));
  }
  cells(name: string): Map<string, XCell> {
    const out = new Map<string, XCell>();
    for (const m of this.sheetXml(name).matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const tag = `<c ${m[1]}>`;
      const inner = m[2] ?? "";
      const t = attrOf(tag, "t");
      const v = /<v>([^<]*)<\/v>/.exec(inner)?.[1] ?? null;
      const text =
        t === "inlineStr" ? unesc([...inner.matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((x) => x[1]).join("")) : t === "s" && v !== null ? this.shared[Number(v)] : t === "str" ? v : null;
      out.set(attrOf(tag, "r")!, { s: Number(attrOf(tag, "s") ?? 0), t, v, text });
    }
    return out;
  }
  xf(s: number): string {
    return this.xfs[s] ?? this.xfs[0];
  }
  xfAttr(s: number, name: string): string | null {
    return attrOf(this.xf(s).match(/^<xf\b[^>]*>/)![0], name);
  }
  font(s: number): string {
    return this.fonts[Number(this.xfAttr(s, "fontId") ?? 0)];
  }
  fill(s: number): string {
    return this.fills[Number(this.xfAttr(s, "fillId") ?? 0)];
  }
  border(s: number): string {
    return this.borders[Number(this.xfAttr(s, "borderId") ?? 0)];
  }
  align(s: number): { horizontal: string | null; vertical: string | null; wrapText: string | null } {
    const a = /<alignment\b[^>]*>/.exec(this.xf(s))?.[0] ?? "<alignment>";
    return { horizontal: attrOf(a, "horizontal"), vertical: attrOf(a, "vertical"), wrapText: attrOf(a, "wrapText") };
  }
  numFmt(s: number): string {
    const id = Number(this.xfAttr(s, "numFmtId") ?? 0);
    return this.numFmts.get(id) ?? (id === 9 ? "0%" : id === 10 ? "0.00%" : `builtin:${id}`);
  }
  /** The column widths set in a sheet: 0-based column → width. */
  widths(name: string): Map<number, { width: number; custom: boolean }> {
    const out = new Map<number, { width: number; custom: boolean }>();
    for (const m of this.sheetXml(name).matchAll(/<col\b[^>]*>/g)) {
      const min = Number(attrOf(m[0], "min"));
      const max = Number(attrOf(m[0], "max"));
      for (let c = min; c <= max; c++) out.set(c - 1, { width: Number(attrOf(m[0], "width")), custom: attrOf(m[0], "customWidth") === "1" || attrOf(m[0], "customWidth") === "true" });
    }
    return out;
  }
  definedName(name: string, sheetIndex: number): string | null {
    for (const m of this.workbook.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)) {
      if (attrOf(`<d ${m[1]}>`, "name") === name && attrOf(`<d ${m[1]}>`, "localSheetId") === String(sheetIndex)) return unesc(m[2]);
    }
    return null;
  }
}

/** A border element with at least one drawn side. */
const drawn = (border: string) => /<(left|right|top|bottom)\b[^>]*\sstyle="(?!none)[^"]+"/.test(border);

async function scoreOf(bytes: Uint8Array): Promise<ScoreSheetReport> {
  const grids = await createXlsxPort(bytes).readSheets();
  const s = checkGrids(grids).sheets.find((x): x is ScoreSheetReport => x.kind === "score");
  if (!s) throw new Error("no score sheet");
  return s;
}

/** Where the 核算得分 column stands: the header row's cell holding RESULT_HEADER. */
function ourColumn(book: Book, s: ScoreSheetReport): number {
  const cells = book.cells(s.sheet);
  const row = s.placement.headerRow;
  for (const [ref, c] of cells) {
    const at = parseA1(ref)!;
    if (at.row === row && c.text === RESULT_HEADER) return at.col;
  }
  throw new Error(`no ${RESULT_HEADER} header in ${s.sheet}`);
}

describe("the written samples' 核算得分 column and 核算结果 sheet", () => {
  let written: Written[] = [];
  beforeAll(() => {
    written = writeSamples().written;
  }, 300000);

  it("gives every cell of 核算得分 the look of the score column's cell on its row", async () => {
    for (const w of written) {
      const book = new Book(w.bytes);
      const s = await scoreOf(w.bytes);
      const col = ourColumn(book, s);
      expect(col, w.key).toBeGreaterThan(s.placement.scoreColumn);
      const cells = book.cells(s.sheet);
      const rows = [s.placement.headerRow, ...s.items.map((i) => i.row - 1)];
      if (s.placement.totalRow !== null) rows.push(s.placement.totalRow);
      for (const r of rows) {
        const ours = cells.get(toA1(r, col));
        const theirs = cells.get(toA1(r, s.placement.scoreColumn));
        expect(ours, `${w.key} ${toA1(r, col)}`).toBeDefined();
        expect(theirs, `${w.key} ${toA1(r, s.placement.scoreColumn)}`).toBeDefined();
        const where = `${w.key} ${toA1(r, col)} beside ${toA1(r, s.placement.scoreColumn)}`;
        // The samples' tables are ruled: the column is ruled as they are.
        expect(drawn(book.border(theirs!.s)), where).toBe(true);
        expect(book.border(ours!.s), where).toBe(book.border(theirs!.s));
        expect(book.align(ours!.s), where).toEqual(book.align(theirs!.s));
        expect(book.font(ours!.s), where).toBe(book.font(theirs!.s));
        if (r === s.placement.headerRow) expect(book.fill(ours!.s), where).toBe(book.fill(theirs!.s));
        else expect(book.numFmt(ours!.s), where).toBe(book.numFmt(theirs!.s));
      }
      // Entries are centred in their tall rows: so are the values (not at the bottom).
      const entry = book.align(cells.get(s.items[0].cell)!.s);
      expect(entry.vertical, w.key).toBe("center");
    }
  });

  it("sets the 核算得分 column's width", async () => {
    for (const w of written) {
      const book = new Book(w.bytes);
      const s = await scoreOf(w.bytes);
      const width = book.widths(s.sheet).get(ourColumn(book, s));
      expect(width, w.key).toEqual({ width: RESULT_COLUMN_WIDTH, custom: true });
    }
  });

  it("writes the rate as a number with a percent format, and the file's name without a folder", async () => {
    for (const w of written) {
      const book = new Book(w.bytes);
      const s = await scoreOf(w.bytes);
      const cells = book.cells("核算结果");
      const head = [...cells].find(([, c]) => c.text === "得分率");
      expect(head, w.key).toBeDefined();
      const at = parseA1(head![0])!;
      const rate = cells.get(toA1(at.row + 1, at.col))!;
      expect(rate, w.key).toBeDefined();
      expect(rate.t === null || rate.t === "n", `${w.key}: rate cell type ${rate.t}`).toBe(true);
      expect(Number(rate.v), w.key).toBeCloseTo(s.total.rate, 9);
      expect(book.numFmt(rate.s), w.key).toMatch(/%/);
      const label = [...cells].find(([, c]) => c.text === "文件")!;
      const l = parseA1(label[0])!;
      const name = cells.get(toA1(l.row, l.col + 1))!.text;
      expect(name, w.key).toBe(basename(w.input));
      for (const [ref, c] of cells) {
        expect(c.text ?? "", `${w.key} 核算结果!${ref}`).not.toMatch(/[\\/]tmp|kaohe-test-|[A-Za-z]:\\|\\/);
      }
    }
  });
});

describe("a template that sets a print area", () => {
  const AREA = `<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">'评分表'!$A$1:$F$6</definedName><definedName name="_xlnm.Print_Titles" localSheetId="0">'评分表'!$2:$2</definedName></definedNames>`;

  async function writeBack(bytes: Uint8Array): Promise<Uint8Array> {
    const port = createXlsxPort(bytes);
    const grids = await port.readSheets();
    await port.apply(await planWriteback({ report: checkGrids(grids), grids }, port));
    return port.save();
  }

  it("extends the print area over the 核算得分 column and keeps the print titles", async () => {
    const bytes = await writeBack(buildXlsx({ sheets: [scoreSheet()], workbook: { definedNames: AREA } }));
    const out = new Book(bytes);
    const s = await scoreOf(bytes);
    const col = ourColumn(out, s);
    expect(columnLetters(col)).toBe("G");
    expect(out.definedName("_xlnm.Print_Area", 0)).toBe("'评分表'!$A$1:$G$6");
    expect(out.definedName("_xlnm.Print_Titles", 0)).toBe("'评分表'!$2:$2");
  });

  it("extends the 乌海 sample's print area when the clerk has set one", async () => {
    const sample = new Uint8Array(readFileSync(join(ROOT, "templates", "samples", "wuhai-2017-sample.xlsx")));
    const src = new Book(sample);
    const s0 = await scoreOf(sample);
    const last = toA1(s0.placement.lastRow, s0.placement.lastColumn).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
    const wb = src.workbook.replace(/<calcPr\b/, `<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">'${s0.sheet}'!$A$1:${last}</definedName></definedNames><calcPr`);
    expect(wb).not.toBe(src.workbook);
    const bytes = zipSync({ ...src.files, "xl/workbook.xml": strToU8(wb) });
    const out = new Book(await writeBack(bytes));
    const s = await scoreOf(bytes);
    const col = ourColumn(out, s);
    const area = out.definedName("_xlnm.Print_Area", 0);
    expect(area).toMatch(new RegExp(`^'${s.sheet}'!\\$A\\$1:\\$${columnLetters(col)}\\$\\d+$`));
    const bottom = Number(/\$(\d+)$/.exec(area!)![1]);
    expect(bottom).toBeGreaterThanOrEqual(Math.max(...s.items.map((i) => i.row)));
  });
});
