/**
 * The engine on every checked-in workbook: no template or sample crashes it, each blank template
 * is recognised as its own scheme, and each sample's totals and findings are what its line in
 * templates/samples/README.md says (worked out by hand, see src/schemes/samples.ts).
 */
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkGrids } from "../../src/kaohe";
import type { Report, ScoreSheetReport } from "../../src/core/report";
import { TEMPLATES } from "../../src/schemes/registry";
import { parseSampleLine, type SampleLine } from "../../src/schemes/readme";
import { SAMPLES } from "../../src/schemes/samples";
import { SAMPLES_DIR, TEMPLATES_DIR, loadGrids, loadWorkbook, xlsxFiles } from "./load";
import { createXlsxPort } from "../../src/hosts/xlsx";

const README = readFileSync(join(SAMPLES_DIR, "README.md"), "utf8");
const LINES = README.split("\n").map(parseSampleLine).filter((l): l is SampleLine => l !== null);

async function check(path: string): Promise<Report> {
  const grids = await loadGrids(path);
  return checkGrids(grids, { file: path });
}

const scoreSheets = (r: Report) => r.sheets.filter((s): s is ScoreSheetReport => s.kind === "score");

describe("templates/*.xlsx", () => {
  it.each(xlsxFiles(TEMPLATES_DIR).map((f) => [f] as const))("%s: checked without a crash, recognised, no errors", async (file) => {
    const r = await check(join(TEMPLATES_DIR, file));
    const t = TEMPLATES.find((x) => `${x.id}.xlsx` === file)!;
    expect(scoreSheets(r).map((s) => s.scheme)).toEqual(t.scheme ? [t.scheme.id] : []);
    expect(r.summary.errors).toBe(0);
    // A blank statistics sheet is one, and in the 2017 or the 2021 format.
    const stats = t.sheets.filter((s) => s.kind === "statistics" || s.kind === "form").length;
    expect(r.sheets.filter((s) => s.kind === "statistics")).toHaveLength(stats);
  });
});

describe("templates/samples/README.md", () => {
  it("has one line per sample file", () => {
    expect(LINES.map((l) => l.file).sort()).toEqual(xlsxFiles(SAMPLES_DIR));
  });

  it.each(LINES.map((l) => [l.file, l] as const))("%s: totals and findings as stated", async (file, line) => {
    const r = await check(join(SAMPLES_DIR, file));
    const scored = scoreSheets(r);
    if (line.column === null) expect(scored).toEqual([]);
    else {
      expect(scored).toHaveLength(1);
      const [s] = scored;
      expect(s.column).toBe(line.column);
      expect(s.total.max).toBeCloseTo(line.max!, 6);
      expect(s.total.final).toBeCloseTo(line.final!, 6);
      const sample = SAMPLES.find((x) => x.file === file)!;
      expect(s.scheme).toBe(sample.templates[0].scheme!.id);
    }
    expect({ errors: r.summary.errors, warnings: r.summary.warnings }).toEqual({ errors: line.errors, warnings: line.warnings });
    const codes: Record<string, number> = {};
    for (const f of r.findings) if (f.severity !== "info") codes[f.code] = (codes[f.code] ?? 0) + 1;
    expect(codes).toEqual(line.codes);
  });
});

describe("a unit's edited copy of a template is still recognised through the xlsx reader", () => {
  it("spaces in a category, a reworded row, two rows swapped, a renamed sheet, a note column", async () => {
    const wb = await loadWorkbook(join(SAMPLES_DIR, "genhe-department-sample.xlsx"));
    const ws = wb.worksheets[0];
    ws.name = "附件2 自查评分表";
    ws.getCell("A4").value = "组 织 保 障";
    ws.getCell("C7").value = "制定本部门政府信息公开基本目录并按目录公开政府信息";
    const row10 = ws.getRow(10).values as ExcelJS.CellValue[];
    const row11 = ws.getRow(11).values as ExcelJS.CellValue[];
    ws.getRow(10).values = row11;
    ws.getRow(11).values = row10;
    ws.getCell("H3").value = "备注";
    ws.getCell("A1").value = "根河市2017年度政务公开工作考核指标及评价办法(部门)";
    const r = checkGrids(await createXlsxPort(new Uint8Array(await wb.xlsx.writeBuffer())).readSheets());
    const [s] = scoreSheets(r);
    expect(s.sheet).toBe("附件2 自查评分表");
    expect(s.scheme).toBe("genhe-2017-department");
    expect(r.findings.filter((f) => f.code === "cross_check_failed")).toHaveLength(4);
  });
});
