/**
 * The real engine through the Office.js adapter: a sample workbook loaded into the fake Excel,
 * 计算 and 写回 as the pane does them, twice (write-back is idempotent), counting round trips.
 */
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { rangeA1 } from "../../src/core/grid";
import { createXlsxPort } from "../../src/hosts/xlsx";
import { readFileSync } from "node:fs";
import { createOfficePort } from "../../src/hosts/office";
import { applyWriteback, checkWorkbook, planWriteback, RESULT_SHEET } from "../../src/kaohe";
import { NOTE_PREFIX } from "../../src/writeback";
import { FakeExcel } from "./office-fake";

async function sample(name: string): Promise<FakeExcel> {
  const grids = await createXlsxPort(readFileSync(`templates/samples/${name}`)).readSheets();
  return new FakeExcel(grids.map((g) => ({ name: g.name, cells: g.cells, merges: g.merges.map(rangeA1) })));
}

describe("the engine through Excel", () => {
  it("computes wuhai-2017-sample in 3 syncs and writes back the same result twice", async () => {
    const excel = await sample("wuhai-2017-sample.xlsx");
    const port = createOfficePort(excel.env());

    const first = await checkWorkbook(port);
    expect(excel.syncs).toBe(3);
    const score = first.report.sheets.find((s) => s.kind === "score")!;
    expect(score.kind === "score" && score.total.final).toBe(90); // templates/samples/README.md
    expect(first.report.summary).toMatchObject({ errors: 2, warnings: 3 });

    const before = excel.syncs;
    const changes = await planWriteback(first, port); // reads the fills of the cells to mark: 1 sync
    expect(excel.syncs - before).toBe(1);
    await applyWriteback(port, changes);
    expect(excel.syncs - before).toBe(1 + 3);
    const snapshot = () =>
      JSON.stringify({
        sheets: excel.sheets.map((s) => [s.name, s.cells, [...s.fills].sort()]),
        notes: [...excel.notes].sort(),
      });
    const once = snapshot();

    // The marked cells carry the add-in's notes; the result sheet exists.
    const marked = first.report.findings.filter((f) => f.severity !== "info" && f.cell);
    expect(marked.map((f) => f.code).sort()).toEqual(["cross_check_failed", "score_missing", "score_missing", "stat_part_exceeds_whole", "stat_part_exceeds_whole"]);
    for (const f of marked) expect(excel.notes.get(`'${f.sheet}'!${f.cell}`)?.startsWith(NOTE_PREFIX)).toBe(true);
    expect(excel.sheet(RESULT_SHEET).cells.length).toBeGreaterThan(5);

    // A second 计算 + 写回 leaves the workbook exactly as the first did.
    const second = await checkWorkbook(port);
    expect(second.report.summary).toEqual(first.report.summary);
    await applyWriteback(port, await planWriteback(second, port));
    expect(snapshot()).toBe(once);
  });
});
