/**
 * The package-level reader against the exceljs reader it replaces: on every template and
 * sample, the same values (trailing blanks aside), the same merges, the same JSON report.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { inflateRawSync } from "node:zlib";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CellValue, Grid } from "../../src/core/grid";
import { createXlsxPort } from "../../src/hosts/xlsx";
import { checkGrids } from "../../src/kaohe";
import { SAMPLES_DIR, TEMPLATES_DIR, xlsxFiles } from "../templates/load";
import { exceljsGrid } from "./exceljs-grid";

const FILES = [...xlsxFiles(TEMPLATES_DIR).map((f) => join(TEMPLATES_DIR, f)), ...xlsxFiles(SAMPLES_DIR).map((f) => join(SAMPLES_DIR, f))];

const trim = (cells: CellValue[][]) => {
  const out = cells.map((r) => {
    const row = [...r];
    while (row.length && (row[row.length - 1] === null || row[row.length - 1] === undefined)) row.pop();
    return row.map((v) => v ?? null);
  });
  while (out.length && out[out.length - 1].length === 0) out.pop();
  return out;
};
const plain = (g: Grid) => ({ name: g.name, cells: trim(g.cells), merges: [...g.merges].sort((a, b) => a.top - b.top || a.left - b.left) });

describe.each(FILES)("%s", (file) => {
  it("reads as exceljs read it, and gives the same report", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const before = wb.worksheets.map(exceljsGrid);
    const after = await createXlsxPort(readFileSync(file)).readSheets();
    expect(after.map(plain)).toEqual(before.map(plain));
    const report = (grids: Grid[]) => JSON.stringify(checkGrids(grids, { file: "x.xlsx" }));
    expect(report(after)).toBe(report(before));
  });

  it("reads the same with Node's zlib (the CLI's inflate) as with fflate (the browser's)", async () => {
    const bytes = readFileSync(file);
    const native = await createXlsxPort(bytes, { inflate: (raw, max) => inflateRawSync(raw, { maxOutputLength: max }) }).readSheets();
    expect(native).toEqual(await createXlsxPort(bytes).readSheets());
  });
});
