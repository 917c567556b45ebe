/**
 * `npm run templates`: writes templates/<id>.xlsx (the blank official forms) and
 * templates/samples/*.xlsx + README.md from the definitions in src/schemes. Deterministic: the
 * same definitions give the same cell values, merges, styles and document properties.
 */
import ExcelJS from "exceljs";
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { rangeA1 } from "../src/core/grid";
import type { CellFormat, LaidOutSheet } from "../src/schemes/layout";
import { layoutTemplate } from "../src/schemes/layout";
import { TEMPLATES } from "../src/schemes/registry";
import { SAMPLES, layoutSample } from "../src/schemes/samples";
import { samplesReadme, templatesReadme } from "../src/schemes/readme";

const ROOT = resolve(__dirname, "..");
const FIXED_DATE = new Date(Date.UTC(2026, 0, 1));

const SONG = "宋体";
const FANGSONG = "仿宋";
const THIN = { style: "thin" as const, color: { argb: "FF000000" } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Font, border and alignment of each look; names only (fonts are not embedded). */
function styleOf(f: CellFormat): Partial<ExcelJS.Style> {
  const horizontal = f.align ?? "left";
  const base = { alignment: { vertical: "middle" as const, horizontal, wrapText: true, indent: f.indent ? f.indent * 2 : undefined } };
  switch (f.style) {
    case "title":
      return { ...base, font: { name: SONG, size: 16, bold: true }, alignment: { vertical: "middle", horizontal: "center" } };
    case "preamble":
      return { ...base, font: { name: FANGSONG, size: 12 }, alignment: { vertical: "middle", horizontal: "left" } };
    case "header":
      return { ...base, font: { name: SONG, size: 11, bold: true }, border: BORDER, alignment: { vertical: "middle", horizontal: "center", wrapText: true } };
    case "section":
      return { ...base, font: { name: SONG, size: 11, bold: true }, border: BORDER };
    case "note":
      return { ...base, font: { name: FANGSONG, size: 11, italic: true }, border: BORDER };
    case "label":
    case "text":
    case "number":
      return { ...base, font: { name: FANGSONG, size: 11 }, border: BORDER };
    case "input":
      return { ...base, font: { name: FANGSONG, size: 11 }, border: BORDER, alignment: { vertical: "middle", horizontal: "center" } };
  }
}

function rowHeight(sheet: LaidOutSheet, r: number): number | undefined {
  // Wrapped text: estimate lines from the longest cell against its column width (2 chars per CJK).
  let lines = 1;
  sheet.cells[r].forEach((v, c) => {
    if (typeof v !== "string") return;
    const merged = sheet.merges.find((m) => m.top === r && m.left === c);
    const width = merged ? sheet.widths.slice(c, merged.right + 1).reduce((a, b) => a + b, 0) : sheet.widths[c] ?? 10;
    const perLine = Math.max(width - 1, 4);
    lines = Math.max(lines, v.split("\n").reduce((n, p) => n + Math.max(1, Math.ceil((p.length * 2) / perLine)), 0));
  });
  const title = sheet.formats[r].some((f) => f?.style === "title");
  if (title) return 30;
  return lines > 1 ? Math.min(lines * 15, 409) : undefined;
}

function addSheet(wb: ExcelJS.Workbook, sheet: LaidOutSheet) {
  const ws = wb.addWorksheet(sheet.name, { pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = sheet.widths.map((width) => ({ width }));
  sheet.cells.forEach((row, r) => {
    row.forEach((v, c) => {
      const f = sheet.formats[r][c];
      if (v === null && !f) return;
      const cell = ws.getCell(r + 1, c + 1);
      if (v !== null) cell.value = v;
      if (f) cell.style = styleOf(f);
    });
    const h = rowHeight(sheet, r);
    if (h) ws.getRow(r + 1).height = h;
  });
  for (const m of sheet.merges) ws.mergeCells(rangeA1(m));
}

/**
 * Runs `f` with `new Date()` fixed: the zip library stamps every entry with the current time,
 * and regenerated files should differ only when a definition does.
 */
async function withFixedClock<T>(f: () => Promise<T>): Promise<T> {
  const Real = globalThis.Date;
  class Fixed extends Real {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(FIXED_DATE.getTime());
      else super(...(args as [number]));
    }
    static override now() {
      return FIXED_DATE.getTime();
    }
  }
  globalThis.Date = Fixed as DateConstructor;
  try {
    return await f();
  } finally {
    globalThis.Date = Real;
  }
}

async function write(file: string, sheets: LaidOutSheet[], title: string) {
  const wb = new ExcelJS.Workbook();
  wb.creator = "kaohe";
  wb.lastModifiedBy = "kaohe";
  wb.title = title;
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  for (const s of sheets) addSheet(wb, s);
  const buf = await withFixedClock(() => wb.xlsx.writeBuffer());
  writeFileSync(file, Buffer.from(buf));
}

async function main() {
  const dir = join(ROOT, "templates");
  const samples = join(dir, "samples");
  mkdirSync(samples, { recursive: true });
  for (const t of TEMPLATES) {
    await write(join(dir, `${t.id}.xlsx`), layoutTemplate(t), t.name);
    console.log(`templates/${t.id}.xlsx`);
  }
  for (const s of SAMPLES) {
    await write(join(samples, s.file), layoutSample(s), s.name);
    console.log(`templates/samples/${s.file}`);
  }
  writeFileSync(join(dir, "README.md"), templatesReadme(TEMPLATES));
  console.log("templates/README.md");
  writeFileSync(join(samples, "README.md"), samplesReadme(SAMPLES));
  console.log("templates/samples/README.md");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
