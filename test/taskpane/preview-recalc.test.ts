/**
 * The preview recalculates after an edit: the formulas 写回 wrote (and a clerk's simple ones) show
 * their new results in the view and in the downloaded file, as a spreadsheet would show them;
 * formulas it cannot compute keep their saved results.
 */
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { editable } from "../../src/preview/document";
import { openPreviewWorkbook } from "../../src/preview/workbook";
import { createXlsxPort } from "../../src/hosts/xlsx";
import { checkGrids, planWriteback } from "../../src/kaohe";
import { RESULT_HEADER } from "../../src/footprint";

async function book(rows: unknown[][], formulas: Record<string, { formula: string; result: number }>) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("评分表");
  ws.addRows(rows);
  for (const [a1, f] of Object.entries(formulas)) ws.getCell(a1).value = f;
  return openPreviewWorkbook((await wb.xlsx.writeBuffer()) as ArrayBuffer, "评分表.xlsx");
}

const saved = async (doc: ReturnType<typeof editable>) => {
  const blob = await doc.save();
  return (await createXlsxPort(new Uint8Array(await blob.arrayBuffer())).readSheets())[0];
};

describe("recalculation after an edit in the preview", () => {
  it("a clerk's SUM follows the edit in the view and in the file; a formula it cannot compute keeps its result", async () => {
    const doc = editable(await book([["项目", "得分"], ["甲", 3], ["乙", 4], ["合计"], ["两倍"]], { B4: { formula: "SUM(B2:B3)", result: 7 }, B5: { formula: "B4*2", result: 14 } }));
    await doc.port.readSheets();
    const results = await doc.edit("评分表", "B2", 5);
    expect(results).toEqual([{ row: 3, col: 1, value: 9 }]);
    const [g] = await doc.port.readSheets();
    expect([g.cells[3][1], g.cells[4][1]]).toEqual([9, 14]);
    const file = await saved(doc);
    expect([file.cells[1][1], file.cells[3][1], file.cells[4][1]]).toEqual([5, 9, 14]);
    // still formulas, not values
    expect([file.formulas?.[3]?.[1], file.formulas?.[4]?.[1]]).toEqual([true, true]);
  });

  it("after 写回, typing an entry updates 核算得分 and the total as the written formulas compute them", async () => {
    const rows = [
      ["序号", "考核内容", "分值", "评分标准", "自评得分"],
      [1, "主动公开", 6, "每缺一项扣2分", 6],
      [2, "年报", 4, "未发布扣4分", 4],
      [3, "经验推广", "加分项", "每次加1分,最高不超过3分", 1],
      ["合计", null, 10, null, null],
    ];
    const doc = editable(await book(rows, {}));
    const grids = await doc.port.readSheets();
    await doc.port.apply(await planWriteback({ report: checkGrids(grids), grids }, doc.port));
    const written = (await doc.port.readSheets())[0];
    const col = written.cells[0].indexOf(RESULT_HEADER);
    expect(col).toBeGreaterThan(0);
    expect([written.cells[1][col], written.cells[4][col]]).toEqual([6, 11]);
    // over the 分值: the formula clamps to 6; the bonus over its cap counts 3
    await doc.edit("评分表", "E2", 9);
    const results = await doc.edit("评分表", "E4", 5);
    expect(results.map((r) => [r.row, r.value])).toEqual([
      [3, 3],
      [4, 13],
    ]);
    const after = (await doc.port.readSheets())[0];
    expect([after.cells[1][col], after.cells[2][col], after.cells[3][col], after.cells[4][col]]).toEqual([6, 4, 3, 13]);
    // the engine agrees with what the formulas now show
    expect(checkGrids([after]).sheets[0]).toMatchObject({ total: { final: 13 } });
    const file = await saved(doc);
    expect([file.cells[3][col], file.cells[4][col]]).toEqual([3, 13]);
    // 不适用 typed: the written formula shows it, and the total drops the item
    const na = await doc.edit("评分表", "E3", "不适用");
    expect(na.map((r) => [r.row, r.value])).toEqual([
      [2, "不适用"],
      [4, 9],
    ]);
  });

  it("edits made one after another without waiting end as the last one says", async () => {
    const doc = editable(await book([["项目", "得分"], ["甲", 3], ["乙", 4], ["合计"]], { B4: { formula: "SUM(B2:B3)", result: 7 } }));
    await doc.port.readSheets();
    const first = doc.edit("评分表", "B2", 10);
    const second = doc.edit("评分表", "B3", 0);
    const third = doc.edit("评分表", "B2", 3);
    await Promise.all([first, second, third]);
    expect((await doc.port.readSheets())[0].cells[3][1]).toBe(3);
    expect((await saved(doc)).cells[3][1]).toBe(3);
  });
});
