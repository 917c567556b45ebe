/**
 * A score cell whose formula shows 0 is a score of 0. exceljs drops a formula's falsy cached
 * result from `cell.value` (0, "" and FALSE vanish; `cell.result` keeps them): the .xlsx host
 * read such a cell as blank, and the engine reported a false score_missing and marked it.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { hasFormula } from "../../src/core/grid";
import { createXlsxPort } from "../../src/hosts/xlsx";
import { checkWorkbook, planWriteback } from "../../src/kaohe";

async function roundTrip(build: (ws: ExcelJS.Worksheet) => void) {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet("评分表"));
  return createXlsxPort(new Uint8Array(await wb.xlsx.writeBuffer()));
}

describe("formulas read from an .xlsx file", () => {
  it("a score formula showing 0 scores 0: no score_missing, no mark", async () => {
    const port = await roundTrip((ws) => {
      ws.addRows([
        ["序号", "考核内容", "分值", "评分标准", "得分"],
        [1, "组织领导", 10, "未成立扣10分", 10],
        [2, "监督保障", 5, "未发布年度报告扣5分", null],
      ]);
      ws.getCell("E3").value = { formula: "MAX(0,C3-5)", result: 0 };
    });
    const [grid] = await port.readSheets();
    expect(grid.cells[2][4]).toBe(0);
    expect(hasFormula(grid, 2, 4)).toBe(true);
    const result = await checkWorkbook(port);
    expect(result.report.findings.filter((f) => f.cell === "E3")).toEqual([]);
    expect((await planWriteback(result, port)).marks).toEqual([]);
  });

  it("helper formulas showing \"\", 0 or FALSE are known to be formulas, so their cells are not free", async () => {
    const port = await roundTrip((ws) => {
      ws.getCell("A1").value = { formula: "B1-B1", result: 0 };
      ws.getCell("A2").value = { formula: "1=2", result: false };
      ws.getCell("A3").value = { formula: "\"\"", result: "" };
    });
    const [grid] = await port.readSheets();
    expect([0, 1, 2].map((r) => hasFormula(grid, r, 0))).toEqual([true, true, true]);
    expect([grid.cells[0][0], grid.cells[1][0]]).toEqual([0, false]);
  });
});
