import ExcelJS from "exceljs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { rangeA1, type Grid } from "../../src/core/grid";
import { createXlsxPort, type XlsxPort } from "../../src/hosts/xlsx";

/** A fresh temporary folder for one test's files. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "kaohe-test-"));
}

/** An exceljs workbook holding the grids as sheets (values and merges). */
export function workbookOf(grids: Grid[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const g of grids) {
    const ws = wb.addWorksheet(g.name);
    g.cells.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null) ws.getCell(r + 1, c + 1).value = v;
      }),
    );
    for (const m of g.merges) ws.mergeCells(rangeA1(m));
  }
  return wb;
}

/** The .xlsx bytes of an exceljs workbook. */
export async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A package-level port over an exceljs-built workbook (the file a user would open). */
export async function portOf(wb: ExcelJS.Workbook): Promise<XlsxPort> {
  return createXlsxPort(await bytesOf(wb));
}

/** Writes the grids to an .xlsx file in a temporary folder and returns its path. */
export async function writeXlsx(grids: Grid[], name = "评分表.xlsx", dir = tempDir()): Promise<string> {
  const path = join(dir, name);
  await workbookOf(grids).xlsx.writeFile(path);
  return path;
}
