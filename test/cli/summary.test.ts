/**
 * Summary sheets (汇总表) through `kaohe check`: files saved with formulas into the score sheets
 * and their results, as Excel keeps them; findings at the summary's cells in the JSON and text
 * reports; `--out` marks a summary cell without touching its value or formula.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Report } from "../../src/core/report";
import { createXlsxPort } from "../../src/hosts/xlsx";
import { NOTE_PREFIX } from "../../src/footprint";
import { kaohe } from "../helpers/cli";
import { soffice } from "../live/workbook";
import { tempDir } from "../helpers/xlsx";
import { excelBook, lawSheet, openSheet, summarySheet, type BookSheet } from "../helpers/summary-book";

async function file(sheets: BookSheet[], name = "考核.xlsx"): Promise<string> {
  const path = join(tempDir(), name);
  await excelBook(sheets).xlsx.writeFile(path);
  return path;
}

/** 重点领域信息公开 lowered from 18 to 16 and saved without recalculating: F8 and the summary still say 56. */
const staleBook = () => [openSheet("政务公开", [8, 10, 16, 10, 10], 56), lawSheet(), summarySheet()];

describe("kaohe check on a workbook with a summary sheet", () => {
  it("a summary that agrees: exit 0, nothing on the summary, only the score sheets scored", async () => {
    const r = await kaohe("check", await file([openSheet(), lawSheet(), summarySheet()]), "--json");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as Report;
    expect(report.sheets.map((s) => `${s.kind}:${s.sheet}`)).toEqual(["score:政务公开", "score:依法行政"]);
    expect(report.findings).toEqual([]);
  });

  it("a stale saved result: the JSON names the summary's cell, both numbers and the sheet", async () => {
    const r = await kaohe("check", await file(staleBook()), "--json");
    expect(r.code).toBe(1); // the sheet's own typed 合计 (F8) is an error
    const report = JSON.parse(r.out) as Report;
    expect(report.findings.map((f) => [f.severity, f.code, f.sheet, f.cell, f.expected, f.actual])).toEqual([
      ["error", "total_mismatch", "政务公开", "F8", 54, 56],
      ["warning", "summary_score_mismatch", "考核汇总", "D3", 54, 56],
    ]);
    expect(report.findings[1].message).toContain("与工作表“政务公开”按“自查评分”列核算的 54 分不符");
  });

  it("the text report shows the summary's findings in Chinese", async () => {
    const r = await kaohe("check", await file(staleBook()));
    expect(r.out).toContain("考核汇总");
    expect(r.out).toContain("汇总表中“政务公开”的得分 56 分(公式保存的结果)");
  });

  it("a summary naming a sheet the workbook lacks, and the sheets by other names", async () => {
    const s = summarySheet({ labels: ["附件1 政务公开工作", "附件2:依法行政考核"] });
    s.rows.splice(4, 0, [3, "党风廉政建设", 20, 18, null]);
    s.rows[5] = ["合计", null, { f: "SUM(C3:C5)", v: 120 }, { f: "SUM(D3:D5)", v: 109 }, { f: "SUM(E3:E5)", v: 44 }];
    const r = await kaohe("check", await file([openSheet(), lawSheet(), s]), "--json");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as Report;
    expect(report.findings.map((f) => [f.severity, f.code, f.sheet, f.cell])).toEqual([["info", "summary_row_unmatched", "考核汇总", "B5"]]);
  });

  it("--out marks the summary's cell (fill and note) and keeps its formula and every value of the summary", async () => {
    const input = await file(staleBook());
    const out = join(tempDir(), "核算.xlsx");
    expect((await kaohe("check", input, "--out", out)).code).toBe(1);
    const before = createXlsxPort(new Uint8Array(readFileSync(input)));
    const after = createXlsxPort(new Uint8Array(readFileSync(out)));
    const sheetOf = async (port: typeof before) => (await port.readSheets()).find((g) => g.name === "考核汇总")!;
    const [a, b] = [await sheetOf(before), await sheetOf(after)];
    expect(b.cells).toEqual(a.cells);
    expect(b.formulas).toEqual(a.formulas);
    expect(b.notes?.D3).toMatch(new RegExp(`^${NOTE_PREFIX}`));
    expect(b.notes?.D3).toContain("与工作表“政务公开”按“自查评分”列核算的 54 分不符");
    expect(Object.keys(b.notes ?? {})).toEqual(["D3"]);
    const [fill] = await after.readFills([{ sheet: "考核汇总", cell: "D3" }]);
    expect(fill).toMatch(/^#[0-9A-F]{6}$/i);
  });
});

const BIN = soffice();

describe.skipIf(!BIN)("a summary saved by LibreOffice (skipped: LibreOffice not installed)", () => {
  it("its own formula form ('政务公开'!F8 written 政务公开!F8, aca attributes) and the stale results it keeps are read and checked alike", async () => {
    const input = await file(staleBook(), "考核.xlsx");
    const dir = tempDir();
    const r = spawnSync(BIN!, ["--headless", `-env:UserInstallation=file://${join(dir, "profile")}`, "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", dir, input], { encoding: "utf8", timeout: 180000 });
    expect(r.status).toBe(0);
    const saved = join(dir, basename(input));
    expect(existsSync(saved)).toBe(true);
    const [grid] = (await createXlsxPort(new Uint8Array(readFileSync(saved))).readSheets()).filter((g) => g.name === "考核汇总");
    expect([grid.cells[2][3], grid.formulas?.[2]?.[3]]).toEqual([56, true]); // LibreOffice does not recalculate on load
    const report = JSON.parse((await kaohe("check", saved, "--json")).out) as Report;
    expect(report.findings.map((f) => `${f.sheet}!${f.code}@${f.cell}`)).toEqual(["政务公开!total_mismatch@F8", "考核汇总!summary_score_mismatch@D3"]);
  }, 200000);
});
