/**
 * The written workbook as a file, and a real spreadsheet engine recalculating it: exceljs writes
 * the grid with the plan's values and formulas (cached results included), LibreOffice headless
 * opens every file with "recalculate on load: always" and saves the recalculated copies, exceljs
 * reads back what LibreOffice computed.
 */
import ExcelJS from "exceljs";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { strFromU8, unzipSync } from "fflate";
import { join } from "node:path";
import { parseA1, rangeA1, type CellValue, type Grid, type Merge } from "../../src/core/grid";
import type { WorkbookChanges } from "../../src/hosts/port";
import { tempDir } from "../helpers/xlsx";

/** The LibreOffice binary, or null when it is not installed. */
export function soffice(): string | null {
  for (const dir of (process.env.PATH ?? "").split(":")) {
    for (const name of ["soffice", "libreoffice"]) if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return null;
}

function plain(v: ExcelJS.CellValue | undefined): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "object" && "result" in v) return plain((v as { result?: ExcelJS.CellValue }).result);
  if (typeof v === "object" && "formula" in v) return null;
  if (typeof v === "object" && "richText" in v) return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join("");
  if (typeof v === "object" && "error" in v) return String((v as ExcelJS.CellErrorValue).error);
  return String(v);
}

/** The sheets of an exceljs workbook as grids (values or cached formula results, merges, formula cells). */
export function gridsOf(wb: ExcelJS.Workbook): Grid[] {
  return wb.worksheets.map((ws) => {
    const cells: CellValue[][] = [];
    const formulas: boolean[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) =>
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        // exceljs shows a merged area's value in every cell of it; hosts give it at the top-left only
        if (cell.isMerged && cell.master.address !== cell.address) return;
        (cells[r - 1] ??= [])[c - 1] = plain(cell.value);
        if (cell.value && typeof cell.value === "object" && ("formula" in cell.value || "sharedFormula" in cell.value)) (formulas[r - 1] ??= [])[c - 1] = true;
      }),
    );
    for (let r = 0; r < cells.length; r++) cells[r] = Array.from(cells[r] ?? [], (v) => v ?? null);
    const merges: Merge[] = ((ws.model as { merges?: string[] }).merges ?? []).map((m) => {
      const [a, b = a] = m.split(":");
      const p = parseA1(a)!;
      const q = parseA1(b)!;
      return { top: p.row, left: p.col, bottom: q.row, right: q.col };
    });
    return { name: ws.name, cells, merges, formulas, hidden: ws.state !== "visible" };
  });
}

/** An exceljs workbook holding the grids (values and merges; a hidden grid stays hidden). */
export function workbookOfGrids(grids: Grid[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const g of grids) {
    const ws = wb.addWorksheet(g.name, { state: g.hidden ? "hidden" : "visible" });
    g.cells.forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v)));
    for (const m of g.merges) ws.mergeCells(rangeA1(m));
  }
  return wb;
}

/** Writes the plan's 核算得分 blocks: formulas with their cached results, or plain values. */
export function writeColumn(wb: ExcelJS.Workbook, changes: WorkbookChanges): void {
  for (const block of changes.values) {
    const ws = wb.getWorksheet(block.sheet)!;
    const at = parseA1(block.address)!;
    block.values.forEach((row, i) =>
      row.forEach((v, j) => {
        const f = block.formulas?.[i]?.[j];
        ws.getCell(at.row + i + 1, at.col + j + 1).value = f ? ({ formula: f.slice(1), result: v } as ExcelJS.CellValue) : v === "" ? null : v;
      }),
    );
  }
}

/** Sets entries in a workbook (null clears the cell). */
export function setCells(wb: ExcelJS.Workbook, edits: Array<{ sheet: string; row: number; col: number; value: CellValue }>): void {
  for (const e of edits) wb.getWorksheet(e.sheet)!.getCell(e.row + 1, e.col + 1).value = e.value;
}

const PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * Recalculates .xlsx files in one LibreOffice run (each start costs seconds): a private profile
 * sets "recalculate on load: always" for Excel files, and the recalculated copies are saved as
 * .xlsx into a folder of their own. Returns the paths of the copies, in order.
 */
export function recalculate(files: string[]): string[] {
  const bin = soffice();
  if (!bin) throw new Error("LibreOffice (soffice) is not installed");
  const root = tempDir();
  mkdirSync(join(root, "profile", "user"), { recursive: true });
  writeFileSync(join(root, "profile", "user", "registrymodifications.xcu"), PROFILE);
  const out = join(root, "out");
  mkdirSync(out);
  execFileSync(bin, [`-env:UserInstallation=file://${join(root, "profile")}`, "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", out, ...files], {
    stdio: "pipe",
    timeout: 240_000,
  });
  return files.map((f) => {
    const copy = join(out, f.replace(/^.*\//, ""));
    if (!existsSync(copy)) throw new Error(`LibreOffice did not convert ${f}`);
    return copy;
  });
}

const unescapeXml = (s: string) =>
  s.replace(/&(lt|gt|quot|apos|amp|#x?[0-9a-fA-F]+);/g, (_, e: string) =>
    e === "lt" ? "<" : e === "gt" ? ">" : e === "quot" ? '"' : e === "apos" ? "'" : e === "amp" ? "&" : String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : Number(e.slice(1))),
  );

/**
 * The values a spreadsheet program saved in an .xlsx (formula results included, 0 too: exceljs
 * drops a cached result of 0), by sheet name and A1 address. Reads the package's XML directly.
 */
export function savedValues(file: string): Map<string, Map<string, CellValue>> {
  const zip = unzipSync(readFileSync(file));
  const text = (path: string) => (zip[path] ? strFromU8(zip[path]) : "");
  const shared = [...text("xl/sharedStrings.xml").matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    [...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => unescapeXml(t[1])).join(""),
  );
  const rels = new Map([...text("xl/_rels/workbook.xml.rels").matchAll(/<Relationship [^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  const relsAlt = new Map([...text("xl/_rels/workbook.xml.rels").matchAll(/<Relationship [^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"/g)].map((m) => [m[2], m[1]]));
  const out = new Map<string, Map<string, CellValue>>();
  for (const m of text("xl/workbook.xml").matchAll(/<sheet [^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"/g)) {
    const target = (rels.get(m[2]) ?? relsAlt.get(m[2]) ?? "").replace(/^\/?xl\//, "");
    const cells = new Map<string, CellValue>();
    for (const c of text(`xl/${target}`).matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const type = /t="([^"]+)"/.exec(c[2])?.[1] ?? "n";
      const v = /<v>([\s\S]*?)<\/v>/.exec(c[3] ?? "")?.[1];
      const inline = /<is>[\s\S]*?<t[^>]*>([\s\S]*?)<\/t>/.exec(c[3] ?? "")?.[1];
      if (v === undefined && inline === undefined) continue;
      cells.set(
        c[1],
        type === "s" ? shared[Number(v)] : type === "str" || type === "e" ? unescapeXml(v ?? "") : type === "inlineStr" ? unescapeXml(inline ?? "") : type === "b" ? v === "1" : Number(v),
      );
    }
    out.set(unescapeXml(m[1]), cells);
  }
  return out;
}
