/** Loading the checked-in workbooks of templates/ for the tests. */
import ExcelJS from "exceljs";
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Grid } from "../../src/core/grid";
import { createXlsxPort } from "../../src/hosts/xlsx";

export const TEMPLATES_DIR = resolve(__dirname, "../../templates");
export const SAMPLES_DIR = join(TEMPLATES_DIR, "samples");

export function xlsxFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".xlsx"))
    .sort();
}

export async function loadWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

export async function loadGrids(path: string): Promise<Grid[]> {
  return createXlsxPort(readFileSync(path)).readSheets();
}
