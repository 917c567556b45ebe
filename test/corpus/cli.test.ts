/**
 * `kaohe check` on an .xlsx written by exceljs in a layout the seeds do not show: merges, the
 * header on row 4, typed totals and signatures survive the file round trip.
 */
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { join } from "node:path";
import { main, type Io } from "../../src/cli/main";
import type { Report, ScoreSheetReport } from "../../src/core/report";
import { tempDir, writeXlsx } from "../helpers/xlsx";
import { countyDepartment } from "./tables";

/** A cell as it shows: a live formula's cached result (exceljs reads a cached 0 back as no result). */
const shown = (v: ExcelJS.CellValue) => (v && typeof v === "object" && "formula" in v ? ((v as ExcelJS.CellFormulaValue).result ?? 0) : v);


async function check(...args: string[]) {
  let out = "";
  const io: Io = { out: (s) => void (out += s), err: () => {}, isTTY: false };
  const code = await main(["check", ...args, "--json"], io);
  const report = JSON.parse(out) as Report;
  const score = report.sheets.find((s): s is ScoreSheetReport => s.kind === "score")!;
  return { code, score, problems: report.findings.filter((f) => f.severity !== "info").map((f) => `${f.code}@${f.cell}`) };
}

describe("县直部门 table as a file", () => {
  it.each([
    [{}, 1, 98, ["total_mismatch@F13"]],
    [{ 8: 20, 13: 100 }, 0, 100, []],
  ])("entries %j: exit %d, final %d", async (self, code, final, problems) => {
    const file = await writeXlsx([countyDepartment(self)]);
    const r = await check(file);
    expect(r.code).toBe(code);
    expect(r.score.total).toMatchObject({ max: 100, final });
    expect(r.problems).toEqual(problems);
  });

  it("writes 核算得分 next to the 备注 column of a copy, the final on the 合  计 row", async () => {
    const dir = tempDir();
    const file = await writeXlsx([countyDepartment()], "in.xlsx", dir);
    const out = join(dir, "out.xlsx");
    await check(file, "--out", out);
    const ws = (await new ExcelJS.Workbook().xlsx.readFile(out)).getWorksheet("评分表")!;
    expect(ws.getCell("I4").value).toBe("核算得分");
    expect(shown(ws.getCell("I8").value)).toBe(18);
    expect(shown(ws.getCell("I13").value)).toBe(98);
    expect(ws.getCell("A15").value).toBe("填表人:");
  });
});
