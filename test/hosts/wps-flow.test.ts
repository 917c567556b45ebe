/**
 * The whole 计算 → 写回 flow through the facade and the WPS port, over the fake ET workbook:
 * what the pane does in WPS, without the pane.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { CellValue, Grid } from "../../src/core/grid";
import { createXlsxPort } from "../../src/hosts/xlsx";
import { applyWriteback, checkWorkbook, planWriteback, RESULT_SHEET } from "../../src/kaohe";
import { createWpsPort, type WpsApplication } from "../../src/hosts/wps";
import { GENHE_OVER_MAX_CELL, GENHE_SHEET, GENHE_TOTAL, genheScoreSheet, typedColumns } from "../fakes/genhe";
import { createFakeEt, type FakeEtOptions } from "../fakes/wps-et";

function open(options: FakeEtOptions = {}) {
  const fake = createFakeEt([genheScoreSheet], options);
  return { fake, port: createWpsPort(fake.Application as WpsApplication) };
}

async function run(port: ReturnType<typeof open>["port"]) {
  const result = await checkWorkbook(port);
  const plan = await planWriteback(result, port);
  await applyWriteback(port, plan);
  return { result, plan };
}

describe.each<[string, FakeEtOptions]>([
  ["properties as values", {}],
  ["properties as zero-argument methods", { propertiesAsMethods: true }],
])("计算 and 写回 in WPS (%s)", (_, options) => {
  it("scores the 根河 sheet read through ET and writes the column, the marks and 核算结果", async () => {
    const { fake, port } = open(options);
    const typed = fake.rows(GENHE_SHEET);
    const { result, plan } = await run(port);
    const score = result.report.sheets.find((s) => s.kind === "score");
    expect(score?.kind === "score" && score.total.final).toBe(GENHE_TOTAL);
    expect(result.report.findings.map((f) => `${f.code}@${f.cell}`)).toContain(`score_over_max@${GENHE_OVER_MAX_CELL}`);

    const rows = fake.rows(GENHE_SHEET);
    expect(typedColumns(rows)).toEqual(typedColumns(typed));
    expect(rows[1][7]).toBe("核算得分");
    // The total is a live formula (ET computes it; the fake only does arithmetic): the one the
    // plan wrote, with the engine's total as its cached value.
    const column = plan.values.find((v) => v.sheet === GENHE_SHEET)!;
    const at = 10 - Number(column.address.replace(/^[A-Z]+/, "")) + 1;
    expect(column.values[at][0]).toBe(GENHE_TOTAL);
    expect(fake.formula(GENHE_SHEET, "H11")).toBe(column.formulas?.[at]?.[0] ?? null);
    expect(fake.formula(GENHE_SHEET, "H11")).toMatch(/^=/);
    expect(fake.fill(GENHE_SHEET, GENHE_OVER_MAX_CELL)).toBe("#FFC7CE");
    expect(fake.comment(GENHE_SHEET, GENHE_OVER_MAX_CELL)).toContain("超过分值");
    expect(fake.sheetNames()).toEqual([GENHE_SHEET, RESULT_SHEET]);
    expect(fake.rows(RESULT_SHEET).flat()).toContain("score_over_max");
  });

  it("leaves the same workbook when run again, and clears a mark whose problem was fixed", async () => {
    const { fake, port } = open(options);
    await run(port);
    const once = fake.snapshot();
    const again = await run(port);
    expect(again.plan.clearMarks).toContainEqual(expect.objectContaining({ sheet: GENHE_SHEET, cell: GENHE_OVER_MAX_CELL }));
    expect(fake.snapshot()).toEqual(once);

    // The user corrects F7 (12 → 10) and the 合计 (92 → 90): their marks go away on the next run.
    fake.type(GENHE_SHEET, GENHE_OVER_MAX_CELL, 10);
    fake.type(GENHE_SHEET, "F11", 90);
    await run(port);
    expect(fake.marks(GENHE_SHEET)[GENHE_OVER_MAX_CELL]).toBeUndefined();
    expect(fake.marks(GENHE_SHEET).F11).toBeUndefined();
  });
});

const SAMPLES_DIR = join(__dirname, "../../templates/samples");
const SAMPLES = existsSync(SAMPLES_DIR) ? readdirSync(SAMPLES_DIR).filter((f) => f.endsWith(".xlsx")).sort() : [];

describe.each(SAMPLES)("templates/samples/%s in WPS gives what the .xlsx gives", (file) => {
  it("the same grids and the same report", async () => {
    const xlsx = createXlsxPort(readFileSync(join(SAMPLES_DIR, file)));
    const grids = await xlsx.readSheets();
    const fake = createFakeEt(grids.map((g) => ({ name: g.name, cells: g.cells, merges: g.merges })));
    const wps = createWpsPort(fake.Application as WpsApplication);
    const read = await wps.readSheets();
    const trimmed = (g: Grid) => ({ name: g.name, merges: [...g.merges].sort((a, b) => a.top - b.top || a.left - b.left), cells: trimCells(g.cells) });
    expect(read.map(trimmed)).toEqual(grids.map(trimmed));
    expect((await checkWorkbook(wps)).report).toEqual((await checkWorkbook(xlsx)).report);
  });
});

/** Cells without trailing blanks, "" as blank (hosts differ in how far a row's blank tail reaches). */
function trimCells(cells: CellValue[][]): CellValue[][] {
  const rows = cells.map((r) => {
    const out = r.map((v) => (v === "" ? null : v));
    while (out.length && (out[out.length - 1] === null || out[out.length - 1] === undefined)) out.pop();
    return out;
  });
  while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}
