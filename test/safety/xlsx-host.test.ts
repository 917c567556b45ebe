/**
 * The .xlsx host held to the safety corpus (issue 8's proof for the CLI and the preview): every
 * workbook spec of corpus.ts, and random ones (random.ts), is written as raw OOXML the way Excel
 * writes it (formulas as <f> with their cached results "" / 0 / FALSE, merges, comments + VML for
 * the user's notes, solid fills in styles.xml), read through createXlsxPort, checked, planned and
 * applied, saved, and re-opened with a fresh port. Every cell of every sheet of the input is
 * compared with the output — value, formula text, note, fill — and nothing may differ but the
 * cells the plan lists. A second run on the fixed workbook gives back the user's own fills.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { parseA1, parseRange, rangeA1, toA1, type CellValue } from "../../src/core/grid";
import { NoTableError } from "../../src/core/errors";
import type { ScoreSheetReport } from "../../src/core/report";
import { NOTE_PREFIX, RESULT_SHEET, SHEET_MARKER } from "../../src/footprint";
import { createXlsxPort, readWorkbookParts, type XlsxPort } from "../../src/hosts/xlsx";
import type { WorkbookChanges } from "../../src/hosts/port";
import { checkWorkbook, planWriteback } from "../../src/kaohe";
import { buildXlsx, NS, esc, type Cell, type SheetSpec as XSheet } from "../xlsx/ooxml";
import { CORPUS, corpusCase } from "./corpus";
import { heldCells, randomWorkbook } from "./random";
import { isFormula, type SpecCell, type WorkbookSpec } from "./spec";

const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
const CT_COMMENTS = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml";
const CT_VML = "application/vnd.openxmlformats-officedocument.vmlDrawing";

/** A spec cell as the builder's cell: formulas without "=", their cached result typed as Excel types it. */
function cellOf(c: SpecCell | undefined): Cell {
  if (c === undefined || c === null) return null;
  if (!isFormula(c)) return c;
  const f = c.f.replace(/^=/, "");
  if (typeof c.v === "boolean") return { f, v: c.v ? 1 : 0, t: "b" };
  if (typeof c.v === "string") return { f, v: c.v, t: "str" };
  return { f, v: c.v };
}

/**
 * How Excel writes a colour picked from the theme palette: "蓝色,个性色1,淡色80%" is accent1
 * (theme 4) tinted, not an rgb value. Used when a spec is written `themed`.
 */
const THEMED: Record<string, string> = { "#DDEBF7": 'theme="4" tint="0.79998168889431442"' };

/** styles.xml with one solid fill (and one cell format) per colour the spec's users gave. */
function stylesOf(colours: string[], themed = false): string {
  return (
    DECL +
    `<styleSheet xmlns="${NS.main}">` +
    '<fonts count="1"><font><sz val="11"/><color theme="1"/><name val="宋体"/><family val="2"/><charset val="134"/><scheme val="minor"/></font></fonts>' +
    `<fills count="${2 + colours.length}"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>` +
    colours.map((c) => `<fill><patternFill patternType="solid"><fgColor ${(themed && THEMED[c]) || `rgb="FF${c.slice(1).toUpperCase()}"`}/><bgColor indexed="64"/></patternFill></fill>`).join("") +
    "</fills>" +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"><alignment vertical="center"/></xf></cellStyleXfs>' +
    `<cellXfs count="${1 + colours.length}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"><alignment vertical="center"/></xf>` +
    colours.map((_, i) => `<xf numFmtId="0" fontId="0" fillId="${i + 2}" borderId="0" xfId="0" applyFill="1"><alignment vertical="center"/></xf>`).join("") +
    "</cellXfs>" +
    '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>'
  );
}

const commentsXml = (notes: Record<string, string>) =>
  DECL +
  `<comments xmlns="${NS.main}"><authors><author>王科长</author></authors><commentList>` +
  Object.entries(notes)
    .map(([ref, t]) => `<comment ref="${ref}" authorId="0"><text><t xml:space="preserve">${esc(t)}</t></text></comment>`)
    .join("") +
  "</commentList></comments>";

const vmlXml = (notes: Record<string, string>, n: number) =>
  '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
  `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${n}"/></o:shapelayout>` +
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
  Object.keys(notes)
    .map((ref, i) => {
      const p = parseA1(ref)!;
      return `<v:shape id="_x0000_s${n * 1024 + 1 + i}" type="#_x0000_t202" style="position:absolute;margin-left:300pt;margin-top:20pt;width:108pt;height:59.25pt;z-index:${i + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>7, 15, 1, 10, 9, 15, 5, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${p.row}</x:Row><x:Column>${p.col}</x:Column></x:ClientData></v:shape>`;
    })
    .join("") +
  "</xml>";

/** The spec as an .xlsx written part by part as Excel writes it. */
function xlsxOf(spec: WorkbookSpec, options: { themed?: boolean } = {}): Uint8Array {
  const colours = [...new Set(spec.sheets.flatMap((s) => Object.values(s.fills ?? {}).map((c) => c.toUpperCase())))];
  const parts: Record<string, string> = {};
  const overrides: Array<[string, string]> = [];
  let noted = 0;
  const sheets: XSheet[] = spec.sheets.map((s) => {
    const styles: Record<string, number> = {};
    for (const [a1, c] of Object.entries(s.fills ?? {})) styles[a1] = colours.indexOf(c.toUpperCase()) + 1;
    const rows = s.rows.map((row) => row.map(cellOf));
    // A filled cell holding nothing is still written (<c r=… s=…/>): pad its row up to it.
    for (const a1 of Object.keys(s.fills ?? {})) {
      const p = parseA1(a1)!;
      while (rows.length <= p.row) rows.push([]);
      while (rows[p.row].length <= p.col) rows[p.row].push(null);
    }
    const x: XSheet = { name: s.name, rows, merges: s.merges, styles };
    const notes = s.notes ?? {};
    if (Object.keys(notes).length) {
      const n = ++noted;
      parts[`xl/comments${n}.xml`] = commentsXml(notes);
      parts[`xl/drawings/vmlDrawing${n}.vml`] = vmlXml(notes, n);
      overrides.push([`xl/comments${n}.xml`, CT_COMMENTS]);
      x.rels = [["rId1", "comments", `../comments${n}.xml`], ["rId2", "vmlDrawing", `../drawings/vmlDrawing${n}.vml`]];
      x.extras = { legacyDrawing: '<legacyDrawing r:id="rId2"/>' };
    }
    return x;
  });
  return buildXlsx({ sheets, parts, overrides, defaults: noted ? [["vml", CT_VML]] : [], styles: stylesOf(colours, options.themed) });
}

interface CellState {
  value: CellValue;
  formula: string | null;
  note: string | null;
  fill: string | null;
}
interface Snapshot {
  sheets: string[];
  cells: Map<string, CellState>;
  merges: Map<string, string[]>;
}

const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** The formula text of every cell of a sheet part, by A1 (read from the XML itself, not through the reader). */
function formulaTexts(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
    const r = /\br="([A-Z]+\d+)"/.exec(m[1])?.[1];
    const inner = m[2] ?? "";
    const f = /<(?:\w+:)?f\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/.exec(inner);
    if (r && f) out.set(r, unescape(f[1] ?? `(shared ${/si="(\d+)"/.exec(f[0])?.[1] ?? "?"})`));
  }
  return out;
}

/** Every cell of every sheet of a workbook: value, formula text, note, fill; and the merges. */
async function snapshot(port: XlsxPort): Promise<Snapshot> {
  const grids = await port.readSheets();
  const paths = new Map(readWorkbookParts(port.package).sheets.map((s) => [s.name, s.path]));
  const cells = new Map<string, CellState>();
  const merges = new Map<string, string[]>();
  for (const g of grids) {
    const formulas = formulaTexts(port.package.text(paths.get(g.name)!));
    const fills = port.fillsOf(g.name);
    const keys = new Set<string>([...formulas.keys(), ...fills.keys(), ...Object.keys(g.notes ?? {})]);
    g.cells.forEach((row, r) => row?.forEach((v, c) => v !== null && v !== undefined && keys.add(toA1(r, c))));
    g.formulas?.forEach((row, r) => row?.forEach((f, c) => f && keys.add(toA1(r, c))));
    for (const a1 of keys) {
      const p = parseA1(a1)!;
      const value = g.cells[p.row]?.[p.col] ?? null;
      const formula = formulas.get(a1) ?? (g.formulas?.[p.row]?.[p.col] ? "(formula)" : null);
      const note = g.notes?.[a1] ?? null;
      const fill = fills.get(a1) ?? null;
      if (value === null && formula === null && note === null && fill === null) continue;
      cells.set(`${g.name}!${a1}`, { value, formula, note, fill });
    }
    merges.set(g.name, g.merges.map(rangeA1).sort());
  }
  return { sheets: grids.map((g) => g.name), cells, merges };
}

/** "sheet!A1" of every cell of the plan's value blocks (formulas included). */
function valueCells(plan: WorkbookChanges): Set<string> {
  const out = new Set<string>();
  for (const w of plan.values) {
    const at = parseRange(w.address)!;
    w.values.forEach((row, i) => row.forEach((_, j) => out.add(`${w.sheet}!${toA1(at.top + i, at.left + j)}`)));
  }
  return out;
}

/**
 * What changed between two snapshots outside what the plan lists: value blocks may change in
 * anything (value, formula, note-free format); a mark or a cleared mark may change a cell's fill
 * and our note only (a user's note stays); the sheets the plan writes are ours. Merges never change.
 */
function unlisted(before: Snapshot, after: Snapshot, plan: WorkbookChanges): string[] {
  const values = valueCells(plan);
  const marks = new Set([...plan.marks, ...plan.clearMarks].map((m) => `${m.sheet}!${m.cell}`));
  const ours = new Set(plan.sheets.map((s) => s.name));
  const out: string[] = [];
  for (const name of before.sheets) if (!ours.has(name) && !after.sheets.includes(name)) out.push(`${name}: sheet gone`);
  const keys = new Set([...before.cells.keys(), ...after.cells.keys()]);
  const none: CellState = { value: null, formula: null, note: null, fill: null };
  for (const k of keys) {
    const sheet = k.slice(0, k.lastIndexOf("!"));
    if (ours.has(sheet) || !before.sheets.includes(sheet)) continue;
    const a = before.cells.get(k) ?? none;
    const b = after.cells.get(k) ?? none;
    const say = (what: string, x: unknown, y: unknown) => out.push(`${k} ${what}: ${JSON.stringify(x)} → ${JSON.stringify(y)}`);
    if (!values.has(k)) {
      if (a.value !== b.value) say("value", a.value, b.value);
      if (a.formula !== b.formula) say("formula", a.formula, b.formula);
    }
    if (a.note !== b.note) {
      const ourNote = (n: string | null) => n === null || n.startsWith(NOTE_PREFIX);
      if (!(marks.has(k) && ourNote(a.note) && ourNote(b.note))) say("note", a.note, b.note);
    }
    if (a.fill !== b.fill && !marks.has(k) && !values.has(k)) say("fill", a.fill, b.fill);
  }
  for (const name of before.sheets) {
    if (ours.has(name)) continue;
    if (JSON.stringify(before.merges.get(name)) !== JSON.stringify(after.merges.get(name))) out.push(`${name}: merges ${before.merges.get(name)} → ${after.merges.get(name)}`);
  }
  return out;
}

/** One write-back through the .xlsx host, as the CLI does it: read, check, plan (fills read through the port), apply, save. */
async function writeback(bytes: Uint8Array) {
  const port = createXlsxPort(bytes);
  const before = await snapshot(port);
  const result = await checkWorkbook(port);
  const plan = await planWriteback(result, port);
  await port.apply(plan);
  const out = port.save();
  const reopened = createXlsxPort(out);
  return { result, plan, before, after: await snapshot(reopened), out, port: reopened };
}

/**
 * The clerk fixes each marked entry of 评分表 in the written workbook: an item gets its 分值; a
 * 合计 of the maxima the sum of the maxima; a 合计 of the scores the sum of what the items now hold.
 */
function fixMarked(run: Awaited<ReturnType<typeof writeback>>, marked: string[]): void {
  const s = run.result.report.sheets.find((x): x is ScoreSheetReport => x.kind === "score" && x.sheet === "评分表")!;
  const fixed = new Map(s.items.map((i) => [i.cell, marked.includes(i.cell) ? (i.max ?? 0) : i.entered]));
  for (const cell of marked) if (fixed.has(cell)) run.port.setCellValue("评分表", cell, fixed.get(cell)!);
  const scores = [...fixed.values()].reduce<number>((a, v) => a + (typeof v === "number" ? v : 0), 0);
  const maxima = s.items.reduce((a, i) => a + (i.max ?? 0), 0);
  for (const cell of marked) {
    if (fixed.has(cell)) continue;
    const ofMaxima = run.result.report.findings.some((f) => f.sheet === "评分表" && f.cell === cell && f.code === "max_sum_mismatch");
    run.port.setCellValue("评分表", cell, ofMaxima ? maxima : scores);
  }
}

/** The spec's cells as a snapshot of the file should show them (what the comparison stands on). */
function specCells(spec: WorkbookSpec): Map<string, CellState> {
  const out = new Map<string, CellState>();
  for (const s of spec.sheets) {
    const at = (a1: string) => out.get(`${s.name}!${a1}`) ?? { value: null, formula: null, note: null, fill: null };
    s.rows.forEach((row, r) =>
      row.forEach((c, col) => {
        if (c === null || c === undefined) return;
        const a1 = toA1(r, col);
        out.set(`${s.name}!${a1}`, { ...at(a1), value: isFormula(c) ? c.v : c, formula: isFormula(c) ? c.f.replace(/^=/, "") : null });
      }),
    );
    for (const [a1, note] of Object.entries(s.notes ?? {})) out.set(`${s.name}!${a1}`, { ...at(a1), note });
    for (const [a1, fill] of Object.entries(s.fills ?? {})) out.set(`${s.name}!${a1}`, { ...at(a1), fill: fill.toUpperCase() });
  }
  return out;
}

describe("the .xlsx host on the safety corpus", () => {
  it("writes what Excel writes: the builder's cells read back as the spec says (formulas with cached \"\", 0, FALSE; notes; fills)", async () => {
    const spec = corpusCase("helper-formulas-right-of-table");
    const snap = await snapshot(createXlsxPort(xlsxOf(spec)));
    expect(snap.cells.get("评分表!F3")).toEqual({ value: "", formula: 'IF(E3>C3,"超分","")', note: null, fill: null });
    expect(snap.cells.get("评分表!G3")).toMatchObject({ value: 0, formula: "C3-E3" });
    expect(snap.cells.get("评分表!H3")).toMatchObject({ value: false, formula: "E3>C3" });
    const fills = await snapshot(createXlsxPort(xlsxOf(corpusCase("user-fills-on-marked-cells"))));
    expect(fills.cells.get("评分表!E4")?.fill).toBe("#DDEBF7");
    const noted = await snapshot(createXlsxPort(xlsxOf(corpusCase("user-note-in-column-right-of-table"))));
    expect(noted.cells.get("评分表!F4")).toEqual({ value: null, formula: null, note: "此项佐证材料待补充(王)", fill: null });
  });

  it.each(CORPUS.map((c) => [c.name, c] as const))("%s: the file, read through the host, is the spec cell for cell (the ground the comparison stands on)", async (_, corpus) => {
    const snap = await snapshot(createXlsxPort(xlsxOf(corpus)));
    expect(new Map([...snap.cells].sort())).toEqual(new Map([...specCells(corpus)].sort()));
    for (const s of corpus.sheets) expect(snap.merges.get(s.name)).toEqual([...(s.merges ?? [])].sort());
  });

  describe.each(CORPUS.map((c) => [c.name, c] as const))("%s", (_, corpus) => {
    it("changes nothing but the cells the plan lists (value, formula, note, fill, merges), where the corpus expects", async () => {
      const { plan, before, after } = await writeback(xlsxOf(corpus));
      expect(unlisted(before, after, plan)).toEqual([]);
      // The plan is the one the corpus expects (same placement as through the reference host).
      const write = plan.values.find((v) => v.sheet === "评分表");
      if (corpus.expected.column === null) expect(write).toBeUndefined();
      else expect(write?.address).toBe(corpus.expected.column.split(":")[0]);
      expect(plan.sheets.map((s) => s.name)).toEqual([corpus.expected.resultSheet]);
      // Our sheet is there, recognisably ours; every user's note is kept as written.
      expect(String(after.cells.get(`${corpus.expected.resultSheet}!A1`)?.value ?? "").startsWith(SHEET_MARKER)).toBe(true);
      for (const s of corpus.sheets)
        for (const [a1, text] of Object.entries(s.notes ?? {})) if (!text.startsWith(NOTE_PREFIX)) expect(after.cells.get(`${s.name}!${a1}`)?.note).toBe(text);
      // What the plan wrote is in the file.
      for (const w of plan.values) {
        const at = parseRange(w.address)!;
        w.values.forEach((row, i) =>
          row.forEach((v, j) => {
            const got = after.cells.get(`${w.sheet}!${toA1(at.top + i, at.left + j)}`);
            const f = w.formulas?.[i]?.[j];
            if (f) expect(got?.formula).toBe(f.replace(/^=/, ""));
            else expect(got?.value ?? "").toBe(v);
          }),
        );
      }
      for (const m of plan.marks) expect(after.cells.get(`${m.sheet}!${m.cell}`)?.fill).toBe(m.color);
    });
  });

  it("the signature line keeps its text and its merge; no final is written over it", async () => {
    const { after, plan } = await writeback(xlsxOf(corpusCase("merged-signature-line-below-table")));
    expect(after.cells.get("评分表!A7")?.value).toBe("填表人:张三        审核人:李四        日期:2023年12月");
    expect(after.merges.get("评分表")).toContain("A7:F7");
    expect(after.cells.get("评分表!F7")).toBeUndefined();
    expect(valueCells(plan).has("评分表!F7")).toBe(false);
  });

  it("helper formulas keep their text; 核算得分 goes to I", async () => {
    const { after } = await writeback(xlsxOf(corpusCase("helper-formulas-right-of-table")));
    for (let r = 3; r <= 6; r++) {
      expect(after.cells.get(`评分表!F${r}`)?.formula).toBe(`IF(E${r}>C${r},"超分","")`);
      expect(after.cells.get(`评分表!G${r}`)?.formula).toBe(`C${r}-E${r}`);
      expect(after.cells.get(`评分表!H${r}`)?.formula).toBe(`E${r}>C${r}`);
    }
    expect(after.cells.get("评分表!G7")?.formula).toBe("SUM(G3:G6)");
    expect(after.cells.get("评分表!I2")?.value).toBe("核算得分");
  });

  it("a user's sheet named 核算结果 is untouched; ours is 核算结果(2), found again on the next run", async () => {
    const first = await writeback(xlsxOf(corpusCase("user-sheet-named-result")));
    const mine = [...first.before.cells].filter(([k]) => k.startsWith(`${RESULT_SHEET}!`));
    expect(mine.length).toBeGreaterThan(0);
    for (const [k, v] of mine) expect(first.after.cells.get(k)).toEqual(v);
    expect(first.after.sheets).toEqual(["评分表", RESULT_SHEET, `${RESULT_SHEET}(2)`]);
    const second = await writeback(first.out);
    expect(second.plan.sheets.map((s) => s.name)).toEqual([`${RESULT_SHEET}(2)`]);
    expect(second.after.sheets).toEqual(["评分表", RESULT_SHEET, `${RESULT_SHEET}(2)`]);
    for (const [k, v] of mine) expect(second.after.cells.get(k)).toEqual(v);
  });

  it("categories beginning with = + - @ are text in the file, never <f>", async () => {
    const { after } = await writeback(xlsxOf(corpusCase("categories-beginning-with-equals")));
    const texts = [...after.cells].filter(([, c]) => typeof c.value === "string" && /^[=+\-@]/.test(c.value));
    expect(texts.some(([k]) => k.startsWith(`${RESULT_SHEET}!`))).toBe(true);
    for (const [k, c] of texts) expect(c.formula, k).toBeNull();
  });

  /** The corpus cases whose first run marks cells. */
  const MARKING = ["user-fills-on-marked-cells", "user-sheet-named-result", "categories-beginning-with-equals", "column-of-an-earlier-version"];
  describe.each(MARKING.map((name) => [name, corpusCase(name)] as const))("%s, run again once fixed", (_, corpus) => {
    it("the user's fills on the marked cells come back exactly; only listed cells change", async () => {
      const first = await writeback(xlsxOf(corpus));
      const marked = first.plan.marks.filter((m) => m.sheet === "评分表").map((m) => m.cell);
      expect(marked.length).toBeGreaterThan(0);
      fixMarked(first, marked);
      const second = await writeback(first.port.save());
      expect(unlisted(second.before, second.after, second.plan)).toEqual([]);
      expect(second.plan.marks.filter((m) => marked.includes(m.cell))).toEqual([]);
      expect(second.plan.clearMarks.map((m) => m.cell).sort()).toEqual(expect.arrayContaining([...marked].sort()));
      const spec = corpus.sheets.find((x) => x.name === "评分表")!;
      // A fill an earlier version of the add-in left (its note says so) is ours, not the user's: it goes.
      const expected = marked.map((c) => (spec.notes?.[c]?.startsWith(NOTE_PREFIX) ? null : (spec.fills?.[c] ?? null)));
      expect(await second.port.readFills(marked.map((cell) => ({ sheet: "评分表", cell })))).toEqual(expected);
      // Not only the colour: the cell's whole format is the user's again (the same cell format of styles.xml).
      const styleOf = (port: XlsxPort, cell: string) => /\bs="(\d+)"/.exec(new RegExp(`<c r="${cell}"[^>]*>`).exec(port.package.text("xl/worksheets/sheet1.xml"))?.[0] ?? "")?.[1] ?? "0";
      const input = createXlsxPort(xlsxOf(corpus));
      for (const c of marked) if (expected[marked.indexOf(c)] !== null || !spec.fills?.[c]) expect(styleOf(second.port, c), c).toBe(styleOf(input, c));
      for (const c of marked) {
        const note = second.after.cells.get(`评分表!${c}`)?.note ?? null;
        const user = spec.notes?.[c];
        expect(note).toBe(user && !user.startsWith(NOTE_PREFIX) ? user : null);
      }
    });
  });
});

/**
 * Excel writes a formula filled down a column as a shared formula: the first cell carries the
 * text (t="shared" ref=… si=…), the others only `<f t="shared" si=…/>`. The helper columns of
 * the helper-formulas case, rewritten that way.
 */
function sharedFormulas(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  let xml = strFromU8(files["xl/worksheets/sheet1.xml"]);
  ["F", "G", "H"].forEach((col, si) => {
    for (let r = 3; r <= 6; r++) {
      const re = new RegExp(`(<c r="${col}${r}"[^>]*>)<f>[^<]*</f>`);
      expect(re.test(xml)).toBe(true);
      xml = xml.replace(re, (_, open: string) => (r === 3 ? `${open}<f t="shared" ref="${col}3:${col}6" si="${si}">${/<f>([^<]*)<\/f>/.exec(re.exec(xml)![0])![1]}</f>` : `${open}<f t="shared" si="${si}"/>`));
    }
  });
  files["xl/worksheets/sheet1.xml"] = strToU8(xml);
  return zipSync(files, { level: 6 });
}

describe("shared formulas, as Excel writes a formula filled down", () => {
  it("helper columns of shared formulas (results \"\", 0, FALSE) are not free, and stay as they were", async () => {
    const bytes = sharedFormulas(xlsxOf(corpusCase("helper-formulas-right-of-table")));
    const { plan, before, after } = await writeback(bytes);
    expect(before.cells.get("评分表!F4")).toMatchObject({ value: "", formula: "(shared 0)" });
    expect(before.cells.get("评分表!G5")).toMatchObject({ value: 0, formula: "(shared 1)" });
    expect(before.cells.get("评分表!H6")).toMatchObject({ value: false, formula: "(shared 2)" });
    expect(plan.values.find((v) => v.sheet === "评分表")?.address).toBe("I2");
    expect(unlisted(before, after, plan)).toEqual([]);
    expect(after.cells.get("评分表!F3")?.formula).toBe('IF(E3>C3,"超分","")');
  });
});

describe("a fill picked from the theme palette, as Excel writes it", () => {
  it("marked, then fixed: the cell shows the user's colour again, as read from the input", async () => {
    const corpus = corpusCase("user-fills-on-marked-cells");
    const bytes = xlsxOf(corpus, { themed: true });
    expect(strFromU8(unzipSync(bytes)["xl/styles.xml"])).toContain('theme="4" tint=');
    const first = await writeback(bytes);
    const marked = first.plan.marks.map((m) => m.cell);
    expect(marked).toContain("E5");
    const original = await createXlsxPort(bytes).readFills(marked.map((cell) => ({ sheet: "评分表", cell })));
    expect(original[marked.indexOf("E5")]).toMatch(/^#[0-9A-F]{6}$/);
    fixMarked(first, marked);
    const second = await writeback(first.port.save());
    expect(unlisted(second.before, second.after, second.plan)).toEqual([]);
    expect(second.plan.marks).toEqual([]);
    expect(await second.port.readFills(marked.map((cell) => ({ sheet: "评分表", cell })))).toEqual(original);
  });
});

describe("the comparison catches what a host might do beyond the plan", () => {
  it("a value changed outside the plan, a user's note replaced, a fill changed, a merge dropped", async () => {
    const { plan, before, after, port } = await writeback(xlsxOf(corpusCase("user-note-in-column-right-of-table")));
    expect(unlisted(before, after, plan)).toEqual([]);
    port.setCellValue("评分表", "B3", "改过的内容");
    const changed = await snapshot(port);
    expect(unlisted(before, changed, plan)).toEqual(['评分表!B3 value: "组织领导" → "改过的内容"']);
    const forged: Snapshot = { sheets: after.sheets, cells: new Map(after.cells), merges: new Map(after.merges) };
    forged.cells.set("评分表!F4", { ...forged.cells.get("评分表!F4")!, note: `${NOTE_PREFIX}覆盖` });
    forged.cells.set("评分表!B4", { ...forged.cells.get("评分表!B4")!, fill: "#FFC7CE" });
    forged.merges.set("评分表", []);
    expect(unlisted(before, forged, plan)).toEqual([
      `评分表!F4 note: "此项佐证材料待补充(王)" → "${NOTE_PREFIX}覆盖"`,
      '评分表!B4 fill: null → "#FFC7CE"',
      "评分表: merges A1:E1 → ",
    ]);
  });
});

const SEEDS = Array.from({ length: 60 }, (_, i) => i + 1);

describe("random office workbooks through the .xlsx host", () => {
  let written = 0;
  let restored = 0;
  it.each(SEEDS)("seed %i: cells written held nothing before; nothing else changes in the file; once fixed, the user's fills come back", async (seed) => {
    const spec = randomWorkbook(seed);
    let run;
    try {
      run = await writeback(xlsxOf(spec));
    } catch (e) {
      expect(e).toBeInstanceOf(NoTableError);
      return;
    }
    const { plan, before, after } = run;
    expect(new Map([...before.cells].sort())).toEqual(new Map([...specCells(spec)].sort()));
    const held = heldCells(spec);
    const sheetOf = (name: string) => spec.sheets.find((s) => s.name === name)!;
    const cells = valueCells(plan);
    for (const k of cells) {
      const h = held.get(k);
      if (h === undefined) continue;
      // Only a no-op over a held cell: the same plain value (a column the user headed 核算得分).
      const [sheet, a1] = k.split("!");
      const p = parseA1(a1)!;
      const was = sheetOf(sheet).rows[p.row]?.[p.col];
      expect(h, `${k} held ${JSON.stringify(was)}`).toBe("value");
      expect(after.cells.get(k)?.value, k).toBe(typeof was === "string" ? was.trim() : was);
    }
    written += [...cells].filter((k) => k.startsWith("评分表!")).length;
    // Cells whose value or formula changed are all in the value blocks; notes, fills and merges as listed.
    expect(unlisted(before, after, plan)).toEqual([]);
    // A user's sheet (no marker of ours) is never the one the plan writes.
    for (const s of spec.sheets) if (!String(s.rows[0]?.[0] ?? "").startsWith(SHEET_MARKER)) expect(plan.sheets.map((w) => w.name)).not.toContain(s.name);

    // Run again once the clerk fixed the marked entries: every mark that goes gives back the user's fill.
    const marked = plan.marks.filter((m) => m.sheet === "评分表").map((m) => m.cell);
    if (!marked.length) return;
    fixMarked(run, marked);
    const second = await writeback(run.port.save());
    expect(unlisted(second.before, second.after, second.plan)).toEqual([]);
    const still = new Set(second.plan.marks.map((m) => m.cell));
    const gone = marked.filter((c) => !still.has(c));
    expect(gone.length, `still marked: ${[...still]}`).toBeGreaterThan(0);
    const sheet = spec.sheets.find((x) => x.name === "评分表")!;
    expect(await second.port.readFills(gone.map((cell) => ({ sheet: "评分表", cell })))).toEqual(gone.map((c) => sheet.fills?.[c]?.toUpperCase() ?? null));
    for (const c of gone) expect(second.after.cells.get(`评分表!${c}`)?.note ?? null).toBe(sheet.notes?.[c] ?? null);
    restored += gone.length;
  });

  it("the random workbooks got columns written and marks undone", () => {
    expect(written).toBeGreaterThan(100);
    expect(restored).toBeGreaterThan(20);
  });
});
