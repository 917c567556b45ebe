/**
 * Fidelity: each workbook of the corpus is scored by the real engine and written back through
 * the .xlsx host; then input and output are compared part by part. A part the plan has no
 * reason to change keeps its compressed bytes; a changed part differs only in the cells and
 * entries the plan lists (both sides parsed, cell maps compared).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { parseA1, toA1, type Grid } from "../../src/core/grid";
import { NOTE_PREFIX, RESULT_SHEET, VALIDATION_TITLE } from "../../src/footprint";
import { createXlsxPort } from "../../src/hosts/xlsx";
import { readZip } from "../../src/hosts/xlsx/zip";
import type { WorkbookChanges } from "../../src/hosts/port";
import { checkGrids, planWriteback } from "../../src/kaohe";
import { corpus } from "./corpus";

const text = (b: Uint8Array) => new TextDecoder().decode(b);
const SAMPLES = join(__dirname, "../../templates/samples");

/** Elements of a given name in XML text, as written ("<c …>…</c>" or "<c …/>"). */
function elementsOf(xml: string, name: string): string[] {
  const re = new RegExp(`<${name}\\b(?:[^>"']|"[^"]*"|'[^']*')*?(?:/>|>[\\s\\S]*?</${name}>)`, "g");
  return xml.match(re) ?? [];
}

/** A sheet's cells: A1 → the <c> element as written. */
function cellMap(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of elementsOf(xml.replace(/<sheetData\/>/, ""), "c")) out.set(/\br="([A-Z]+\d+)"/.exec(c)![1], c);
  return out;
}

function without(xml: string, names: string[]): string {
  let s = xml;
  for (const n of names) s = s.replace(new RegExp(`<${n}\\b(?:[^>"']|"[^"]*"|'[^']*')*?(?:/>|>[\\s\\S]*?</${n}>)`, "g"), "");
  return s;
}

/** Every cell the plan may touch, as "sheet!A1". */
function planned(changes: WorkbookChanges): Set<string> {
  const out = new Set<string>();
  for (const v of changes.values) {
    const at = parseA1(v.address)!;
    v.values.forEach((row, i) => row.forEach((_, j) => out.add(`${v.sheet}!${toA1(at.row + i, at.col + j)}`)));
  }
  for (const m of changes.marks) out.add(`${m.sheet}!${m.cell}`);
  for (const m of changes.clearMarks) out.add(`${m.sheet}!${m.cell}`);
  return out;
}

function sheetPaths(files: Record<string, Uint8Array>): Map<string, string> {
  const wb = text(files["xl/workbook.xml"]);
  const rels = text(files["xl/_rels/workbook.xml.rels"]);
  const out = new Map<string, string>();
  for (const s of elementsOf(wb, "sheet")) {
    const name = /name="([^"]*)"/.exec(s)![1];
    const id = /r:id="([^"]*)"/.exec(s)![1];
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]*)"|Target="([^"]*)"[^>]*Id="${id}"`).exec(rels)!;
    out.set(name, "xl/" + (target[1] ?? target[2]).replace(/^\/?xl\//, ""));
  }
  return out;
}

async function roundTrip(bytes: Uint8Array) {
  const port = createXlsxPort(bytes);
  const grids = await port.readSheets();
  const report = checkGrids(grids, { file: "in.xlsx" });
  const changes = await planWriteback({ report, grids }, port);
  await port.apply(changes);
  const out = port.save();
  return { grids, changes, out, after: await createXlsxPort(out).readSheets() };
}

describe.each(corpus())("fidelity: $name", ({ bytes }) => {
  it("keeps every part the plan does not touch byte for byte, and changes only the listed cells", async () => {
    const { grids, changes, out, after } = await roundTrip(bytes);
    expect(changes.marks.length).toBeGreaterThan(0);
    const before = unzipSync(bytes);
    const result = unzipSync(out);
    const rawBefore = new Map(readZip(bytes, Infinity).map((e) => [e.name, e.raw]));
    const rawAfter = new Map(readZip(out, Infinity).map((e) => [e.name, e.raw]));
    const sheetsBefore = sheetPaths(before);
    const sheetsAfter = sheetPaths(result);
    const touchedSheets = new Set([...changes.values.map((v) => v.sheet), ...changes.marks.map((m) => m.sheet)]);
    const touchedPaths = new Set([...touchedSheets].map((s) => sheetsBefore.get(s)!));
    const cells = planned(changes);

    // Parts allowed to change: the touched sheets, their rels and notes, styles, the workbook's lists.
    const mayChange = (p: string) =>
      touchedPaths.has(p) ||
      [...touchedPaths].some((s) => p === s.replace("worksheets/", "worksheets/_rels/") + ".rels") ||
      /^xl\/(comments\d*\.xml|drawings\/vmlDrawing\d*\.vml)$/.test(p) ||
      ["xl/styles.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/calcChain.xml"].includes(p);

    for (const path of Object.keys(before)) {
      if (mayChange(path)) continue;
      expect(result[path], `${path} kept`).toBeDefined();
      expect(Buffer.from(rawAfter.get(path)!).equals(Buffer.from(rawBefore.get(path)!)), `${path} byte-identical (compressed)`).toBe(true);
    }

    // Touched sheets: outside sheetData identical but for what the writer may add; cells differ only where listed.
    for (const sheet of touchedSheets) {
      const path = sheetsBefore.get(sheet)!;
      const a = text(before[path]);
      const b = text(result[path]);
      const extra = ["sheetData", "dimension", "legacyDrawing", "cols", "conditionalFormatting", "dataValidations"];
      expect(without(b, extra)).toBe(without(a, extra));
      // Validations and conditional formats: the user's all kept as they were; the added ones ours.
      for (const name of ["conditionalFormatting", "dataValidation"]) {
        const was = elementsOf(a, name);
        const now = elementsOf(b, name);
        for (const e of was) expect(now, `${sheet}: the user's ${name} kept`).toContain(e);
        for (const e of now.filter((x) => !was.includes(x))) {
          const ref = /sqref="([^"]*)"/.exec(e)![1];
          if (name === "dataValidation") {
            expect(e).toContain(`promptTitle="${VALIDATION_TITLE}"`);
            expect(changes.validations?.some((v) => v.sheet === sheet && v.range === ref), `validation ${ref} planned`).toBe(true);
          } else expect(changes.conditional?.some((c) => c.sheet === sheet && c.range === ref), `conditional format ${ref} planned`).toBe(true);
        }
      }
      const ca = cellMap(a);
      const cb = cellMap(b);
      for (const ref of new Set([...ca.keys(), ...cb.keys()])) {
        if (ca.get(ref) !== cb.get(ref)) expect(cells.has(`${sheet}!${ref}`), `${sheet}!${ref} changed but not in the plan`).toBe(true);
      }
      // Rows nobody writes keep their bytes.
      const rowsA = elementsOf(a, "row");
      const rowsB = new Set(elementsOf(b, "row"));
      for (const row of rowsA) {
        const r = Number(/\br="(\d+)"/.exec(row)![1]);
        const listed = [...cells].some((c) => c.startsWith(`${sheet}!`) && parseA1(c.slice(sheet.length + 1))!.row === r - 1);
        if (!listed) expect(rowsB.has(row), `row ${r} of ${sheet} kept`).toBe(true);
      }
    }

    // Workbook: old sheets and names unchanged, ours added last.
    const wbA = text(before["xl/workbook.xml"]);
    const wbB = text(result["xl/workbook.xml"]);
    expect(without(wbB, ["sheets", "definedNames"])).toBe(without(wbA, ["sheets", "definedNames"]));
    const sa = elementsOf(wbA, "sheet");
    expect(elementsOf(wbB, "sheet").slice(0, sa.length)).toEqual(sa);
    for (const n of elementsOf(wbA, "definedName")) {
      if (!n.includes('name="_xlnm.Print_Area"')) {
        expect(wbB).toContain(n);
        continue;
      }
      // A print area may only grow to take in the 核算得分 column (extendPrintArea): same sheet, same top-left.
      const local = /localSheetId="(\d+)"/.exec(n)![1];
      const now = elementsOf(wbB, "definedName").find((x) => x.includes('name="_xlnm.Print_Area"') && x.includes(`localSheetId="${local}"`));
      expect(now, "print area kept").toBeDefined();
      const area = (x: string) => /!\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)</.exec(x)!.slice(1);
      const [c1, r1, c2, r2] = area(n);
      const [d1, s1, d2, s2] = area(now!);
      expect([d1, s1, s2]).toEqual([c1, r1, r2]);
      expect(d2.length > c2.length || (d2.length === c2.length && d2 >= c2)).toBe(true);
    }
    expect([...sheetsAfter.keys()]).toEqual([...sheetsBefore.keys(), RESULT_SHEET]);

    // Styles: every existing entry stays at its index; the rest of the part unchanged.
    const stA = text(before["xl/styles.xml"]);
    const stB = text(result["xl/styles.xml"]);
    for (const [list, item] of [["numFmts", "numFmt"], ["fonts", "font"], ["fills", "fill"], ["borders", "border"], ["cellXfs", "xf"], ["dxfs", "dxf"]]) {
      const la = elementsOf(elementsOf(stA, list)[0] ?? "", item);
      const lb = elementsOf(elementsOf(stB, list)[0] ?? "", item);
      expect(lb.slice(0, la.length), `${list} kept in order`).toEqual(la);
    }
    const lists = ["numFmts", "fonts", "fills", "borders", "cellXfs", "dxfs"];
    expect(without(stB, lists)).toBe(without(stA, lists));
    // The default font is still 宋体.
    expect(elementsOf(elementsOf(stB, "fonts")[0], "font")[0]).toContain('<name val="宋体"/>');

    // Content types and relationships only gain entries.
    for (const o of [...elementsOf(text(before["[Content_Types].xml"]), "Override"), ...elementsOf(text(before["[Content_Types].xml"]), "Default")]) {
      if (!o.includes("calcChain")) expect(text(result["[Content_Types].xml"])).toContain(o);
    }
    for (const r of elementsOf(text(before["xl/_rels/workbook.xml.rels"]), "Relationship")) if (!r.includes("calcChain")) expect(text(result["xl/_rels/workbook.xml.rels"])).toContain(r);

    // Users' notes stay, with their authors.
    for (const [path, data] of Object.entries(before)) {
      if (!/^xl\/comments\d*\.xml$/.test(path)) continue;
      const cb = text(result[path]);
      for (const c of elementsOf(text(data), "comment")) expect(cb).toContain(c);
      const authors = elementsOf(text(data), "author");
      expect(elementsOf(cb, "author").slice(0, authors.length)).toEqual(authors);
    }

    // Read back: every cell not listed has its value and formula; listed cells hold what the plan wrote.
    for (const g of grids) {
      const h = after.find((x) => x.name === g.name)!;
      const rows = Math.max(g.cells.length, h.cells.length);
      for (let r = 0; r < rows; r++) {
        const width = Math.max(g.cells[r]?.length ?? 0, h.cells[r]?.length ?? 0);
        for (let c = 0; c < width; c++) {
          if (cells.has(`${g.name}!${toA1(r, c)}`)) continue;
          expect(h.cells[r]?.[c] ?? null, `${g.name}!${toA1(r, c)}`).toEqual(g.cells[r]?.[c] ?? null);
          expect(h.formulas?.[r]?.[c] ?? false).toBe(g.formulas?.[r]?.[c] ?? false);
        }
      }
      for (const [ref, note] of Object.entries(g.notes ?? {})) if (!note.startsWith(NOTE_PREFIX)) expect(h.notes?.[ref]).toBe(note);
    }
    for (const v of changes.values) {
      const g = after.find((x) => x.name === v.sheet)!;
      const at = parseA1(v.address)!;
      v.values.forEach((row, i) => row.forEach((val, j) => expect(g.cells[at.row + i]?.[at.col + j] ?? null).toEqual(val === "" ? null : val)));
    }
    expect(after.find((g) => g.name === RESULT_SHEET)).toBeDefined();
  });

  it("a second run on the output changes nothing but what the plan rewrites, and stays readable", async () => {
    const first = await roundTrip(bytes);
    const second = await roundTrip(first.out);
    const names = (gs: Grid[]) => gs.map((g) => g.name);
    expect(names(second.after)).toEqual(names(first.after));
    const cells = (gs: Grid[]) => gs.map((g) => JSON.stringify(g.cells));
    expect(cells(second.after)).toEqual(cells(first.after));
  });

  it("a run on its own output gives the same workbook, part for part, byte for byte", async () => {
    const first = (await roundTrip(bytes)).out;
    expectSameParts((await roundTrip(first)).out, first);
  });
});

/** Two workbooks with the same parts, each byte for byte (named on failure). */
function expectSameParts(actual: Uint8Array, expected: Uint8Array): void {
  const a = unzipSync(actual);
  const b = unzipSync(expected);
  expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
  for (const name of Object.keys(b)) expect(text(a[name]), name).toBe(text(b[name]));
}

describe.each(readdirSync(SAMPLES).filter((f) => f.endsWith(".xlsx")))("write-back is a fixed point: %s", (file) => {
  it("a second and a third run on the output give its bytes again (notes and their drawing included)", async () => {
    const first = (await roundTrip(new Uint8Array(readFileSync(join(SAMPLES, file))))).out;
    const second = (await roundTrip(first)).out;
    expectSameParts(second, first);
    expectSameParts((await roundTrip(second)).out, first);
  });
});
