/**
 * Honest round-trip counts of the Office.js adapter, as the README states them: the real engine
 * (describe, 计算, 写回) on a score sheet of 2,000 and of 100,000 rows through the fake Excel,
 * counting `context.sync()` calls.
 */
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../src/core/grid";
import { SHEET_MARKER } from "../../src/footprint";
import { describeWorkbook } from "../../src/describe";
import { createOfficePort } from "../../src/hosts/office";
import type { WorkbookChanges } from "../../src/hosts/port";
import { FakeExcel, type FakeSheet } from "../fakes/office-excel";

function scoreSheet(n: number): FakeSheet {
  const cells: CellValue[][] = [["考核评分表"], ["类别", "序号", "目标要求", "分值", "评价办法", "自查评分", "考核评分"]];
  const merges: string[] = [];
  for (let i = 0; i < n; i++) {
    cells.push([i % 4 === 0 ? `类别${i / 4 + 1}` : null, i + 1, `目标${i + 1}`, 2, "未完成扣1分", i % 3 ? 2 : 1, null]);
    if (i % 4 === 0 && i + 3 < n) merges.push(`A${cells.length}:A${cells.length + 3}`);
  }
  return { name: "考核指标", cells, merges };
}

/** A write-back of the size the plan makes: the 核算得分 column, 20 marks, a 核算结果 sheet of 40 rows. */
function writeback(n: number): WorkbookChanges {
  return {
    clearMarks: [],
    values: [{ sheet: "考核指标", address: "H2", values: [["核算得分"], ...Array.from({ length: n }, (_, i) => [i % 3 ? 2 : 1])], formatFrom: { column: "G" } }],
    marks: Array.from({ length: 20 }, (_, i) => ({ sheet: "考核指标", cell: `F${i + 3}`, color: "#FFEB9C", note: "未填写" })),
    sheets: [{ name: "核算结果", rows: [[`${SHEET_MARKER})`], ...Array.from({ length: 40 }, (_, i) => ["考核指标", `F${i + 3}`, "说明"])] }],
  };
}

describe.each([
  [2_000, { read: 3, write: 3 }],
  // 25,000 merged areas: the whole-sheet query fails (over 512), is repeated without them, and the
  // merged areas come in row bands in one more sync.
  [100_000, { read: 14, write: 4 }],
])("syncs for a score sheet of %i rows", (rows, want) => {
  it(`reads in ${want.read}, describes in ${want.read}, writes back in ${want.write} (and again in ${want.write})`, async () => {
    const excel = new FakeExcel([scoreSheet(rows), { name: "统计表", cells: [["项目", "数量"], ["主动公开", 12]] }]);
    const port = createOfficePort(excel.env());
    let start = excel.syncs;
    const grids = await port.readSheets();
    expect(grids[0].cells).toHaveLength(rows + 2);
    expect(excel.syncs - start).toBe(want.read);
    expect(Math.max(...excel.loadedCells)).toBeLessThanOrEqual(80_000);

    start = excel.syncs;
    const d = await describeWorkbook(port);
    expect(d.sheets[0].scoreColumns).toEqual(["自查评分", "考核评分"]);
    expect(excel.syncs - start).toBe(want.read);

    start = excel.syncs;
    await port.apply(writeback(rows));
    expect(excel.syncs - start).toBe(want.write);
    expect(excel.value("考核指标", `H${rows + 2}`)).toBe((rows - 1) % 3 ? 2 : 1);
    start = excel.syncs;
    await port.apply(writeback(rows));
    expect(excel.syncs - start).toBe(want.write);
  }, 240_000);
});
