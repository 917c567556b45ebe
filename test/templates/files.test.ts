/**
 * The checked-in templates/*.xlsx and templates/samples/*.xlsx are what their definitions say:
 * same sheets, same cell values, same merged areas (read back with exceljs, not compared as
 * bytes), and they look like the official forms (title merged across, bold bordered header, the
 * 宋体/仿宋 fonts named). Run `npm run templates` after changing a definition.
 */
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { rangeA1, textOf } from "../../src/core/grid";
import { layoutTemplate, type LaidOutSheet } from "../../src/schemes/layout";
import { TEMPLATES } from "../../src/schemes/registry";
import { SAMPLES, layoutSample } from "../../src/schemes/samples";
import { SAMPLES_DIR, TEMPLATES_DIR, loadGrids, loadWorkbook, xlsxFiles } from "./load";
import { readFileSync } from "node:fs";
import { samplesReadme, templatesReadme } from "../../src/schemes/readme";

/** Values as text, trailing blanks trimmed: the comparison does not care how a blank is stored. */
function valuesOf(cells: ReadonlyArray<ReadonlyArray<unknown>>): string[][] {
  const out = cells.map((row) => {
    const r = row.map((v) => (v === null || v === undefined ? "" : typeof v === "number" ? `#${v}` : textOf(v as string)));
    while (r.length && r[r.length - 1] === "") r.pop();
    return r;
  });
  while (out.length && out[out.length - 1].length === 0) out.pop();
  return out;
}

function mergesOf(sheet: { merges: LaidOutSheet["merges"] }): string[] {
  return sheet.merges.map(rangeA1).sort();
}

async function expectMatches(path: string, expected: LaidOutSheet[]) {
  const grids = await loadGrids(path);
  expect(grids.map((g) => g.name)).toEqual(expected.map((s) => s.name));
  grids.forEach((g, i) => {
    expect(valuesOf(g.cells), `${path} ${g.name}`).toEqual(valuesOf(expected[i].cells));
    expect(mergesOf(g), `${path} ${g.name} merges`).toEqual(mergesOf(expected[i]));
  });
}

describe("templates/*.xlsx match their definitions", () => {
  it("has one file per definition and no stray file", () => {
    expect(xlsxFiles(TEMPLATES_DIR)).toEqual(TEMPLATES.map((t) => `${t.id}.xlsx`).sort());
  });

  it.each(TEMPLATES.map((t) => [t.id, t] as const))("%s", async (id, t) => {
    await expectMatches(join(TEMPLATES_DIR, `${id}.xlsx`), layoutTemplate(t));
  });
});

describe("templates/samples/*.xlsx match their sample definitions", () => {
  it("has one file per sample and no stray file", () => {
    expect(xlsxFiles(SAMPLES_DIR)).toEqual(SAMPLES.map((s) => s.file).sort());
  });

  it.each(SAMPLES.map((s) => [s.file, s] as const))("%s", async (_file, s) => {
    await expectMatches(join(SAMPLES_DIR, s.file), layoutSample(s));
  });
});

describe("the READMEs are generated from the definitions", () => {
  it("templates/README.md and templates/samples/README.md are up to date", () => {
    expect(readFileSync(join(TEMPLATES_DIR, "README.md"), "utf8")).toBe(templatesReadme(TEMPLATES));
    expect(readFileSync(join(SAMPLES_DIR, "README.md"), "utf8")).toBe(samplesReadme(SAMPLES));
  });
});

describe("the templates look like the official forms", () => {
  it.each(TEMPLATES.map((t) => [t.id] as const))("%s: merged bold title, bordered bold header, named fonts", async (id) => {
    const wb = await loadWorkbook(join(TEMPLATES_DIR, `${id}.xlsx`));
    for (const ws of wb.worksheets) {
      const title = ws.getCell("A1");
      expect(title.font?.bold, `${ws.name} title bold`).toBe(true);
      expect(title.font?.name).toBe("宋体");
      const fonts = new Set<string>();
      ws.eachRow((row) => row.eachCell((c) => c.font?.name && fonts.add(c.font.name)));
      expect([...fonts].every((f) => f === "宋体" || f === "仿宋"), `${ws.name} fonts ${[...fonts]}`).toBe(true);
      if (ws.columnCount > 1) {
        const merged = (ws.model.merges ?? []).some((m) => m.startsWith("A1:"));
        expect(merged, `${ws.name} title merged across`).toBe(true);
        // The header: the first row whose cells are bold and bordered all across.
        let header = 0;
        ws.eachRow((row, n) => {
          if (header || n === 1) return;
          const cells: Array<{ font?: { bold?: boolean }; border?: { top?: unknown } }> = [];
          row.eachCell((c) => cells.push(c));
          if (cells.length > 2 && cells.every((c) => c.font?.bold && c.border?.top)) header = n;
        });
        expect(header, `${ws.name} has a bordered bold header`).toBeGreaterThan(1);
        expect(ws.getColumn(1).width).toBeGreaterThan(0);
      }
    }
  });

  it("wraps long criterion text", async () => {
    const wb = await loadWorkbook(join(TEMPLATES_DIR, "genhe-2017-township.xlsx"));
    const ws = wb.worksheets[0];
    const long = ws.getCell("C6");
    expect(String(long.value)).toContain("五公开");
    expect(long.alignment?.wrapText).toBe(true);
  });
});
