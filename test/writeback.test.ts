import { describe, expect, it } from "vitest";
import type { CellValue, Grid } from "../src/core/grid";
import { checkGrids, planWriteback } from "../src/kaohe";
import { describeChanges, previousMarks, MARK_COLORS, NOTE_PREFIX, RESULT_SHEET } from "../src/writeback";
import { gridOf } from "./helpers/grid";
import { portOf, workbookOf } from "./helpers/xlsx";

const HEADER: CellValue[] = ["序号", "考核内容", "分值", "评分标准", "得分"];

async function plan(grids: Grid[]) {
  const report = checkGrids(grids);
  return { report, changes: await planWriteback({ report, grids }) };
}

/** The column (0-based) the plan writes 核算得分 into, -1 for none. */
const resultColumn = async (g: Grid) => {
  const v = (await plan([g])).changes.values[0];
  return v ? v.address.charCodeAt(0) - 65 : -1;
};

describe("the 核算得分 column", () => {
  it("goes into the first column right of the table that is free over the table's rows", async () => {
    const g = gridOf([HEADER, [1, "甲", 6, "", 5, null, "用户备注"], [2, "乙", 4, "", 4], ["合计", null, 10, null, 9]]);
    expect(await resultColumn(g)).toBe(5);
    const busy = gridOf([HEADER, [1, "甲", 6, "", 5, "用户的字"], [2, "乙", 4, "", 4]]);
    expect(await resultColumn(busy)).toBe(6);
  });

  it("is reused when an earlier run left its header", async () => {
    const g = gridOf([[...HEADER, null, "核算得分"], [1, "甲", 6, "", 5, null, 5]]);
    expect(await resultColumn(g)).toBe(6);
  });

  it("holds each item's score, 不适用, veto state, and the final in the total row", async () => {
    const g = gridOf([
      HEADER,
      [1, "甲", 6, "", 5],
      [2, "行政许可", 4, "", "不适用"],
      [3, "失泄密", "一票否决", "执行一票否决", "否"],
      [4, "加分", "加分项", "每次加1分,最高不超过2分", 1],
      ["合计", null, 10, null, null],
    ]);
    const { changes } = await plan([g]);
    expect(changes.values).toMatchObject([
      {
        sheet: "评分表",
        address: "F1",
        values: [["核算得分"], [5], ["不适用"], ["未触发"], [1], [6]],
        formatFrom: { column: "E" },
        columnWidth: 10,
        extendPrintArea: true,
      },
    ]);
  });

  it("puts the final, labelled, one row below a table without a total row", async () => {
    const g = gridOf([HEADER, [1, "甲", 6, "", 5]]);
    expect((await plan([g])).changes.values[0].values).toEqual([["核算得分"], [5], ["最终得分 5"]]);
  });
});

describe("marks and the 核算结果 sheet", () => {
  it("marks errors and warnings (not infos), one mark per cell with the worst colour", async () => {
    const g = gridOf([HEADER, [1, "甲", 6, "一项未达标扣4分", 7], [2, "乙", 4, "", null], [3, "丙", 5, "", "5分"], ["合计", null, 15, null, 20]]);
    const { changes } = await plan([g]);
    expect(changes.marks.map((m) => [m.cell, m.color])).toEqual([
      ["E2", MARK_COLORS.error],
      ["E3", MARK_COLORS.warning],
      ["E5", MARK_COLORS.error],
    ]);
    expect(changes.marks[0].note.startsWith(NOTE_PREFIX)).toBe(true);
    const sheet = changes.sheets[0];
    expect(sheet.name).toBe(RESULT_SHEET);
    // 核算结果 lists errors before warnings, each marked cell once
    expect(sheet.rows.filter((r) => r[5] === "是").map((r) => [r[0], r[2]])).toEqual([
      ["错误", "E2"],
      ["错误", "E5"],
      ["警告", "E3"],
    ]);
  });

  it("finds the marks of an earlier run in its 核算结果 sheet", async () => {
    const g = gridOf([HEADER, [1, "甲", 6, "", 7]]);
    const { changes } = await plan([g]);
    const old = gridOf(changes.sheets[0].rows, [], RESULT_SHEET);
    expect(previousMarks([g, old])).toEqual([{ sheet: "评分表", cell: "E2" }]);
    expect((await plan([g, old])).changes.clearMarks).toEqual([{ sheet: "评分表", cell: "E2" }]);
  });

  it("says in Chinese what it will change", async () => {
    const g = gridOf([HEADER, [1, "甲", 6, "", 7], [2, "乙", 4, "", 4]]);
    const { changes } = await plan([g]);
    expect(changes.sheets[0].rows.map((r) => r[0] ?? null)).toEqual([
      "核算结果(考核计分助手生成;重新计算时本表整体更新,请勿在此填写)", "文件", null, "工作表", "评分表", null, "工作表", null,
      "问题:错误 1 个,警告 0 个,提示 0 个;已在 1 个单元格上标记", "级别", "错误",
    ]);
    expect(describeChanges(changes)).toEqual([
      "在工作表“评分表”的 F1:F4 写入核算得分(表头“核算得分”,边框、字体和对齐沿用表格),最终得分写在 F4",
      "如工作表设有打印区域,将扩大到包含核算得分列",
      "在 1 个有问题的单元格上标底色并加批注",
      "新建工作表“核算结果”(共 11 行)",
      "工作表“评分表”的核算得分中 3 格为公式(保存核算结果;改动填报后表格自动重算)",
      "给 2 个填报单元格加数据验证(输入提示为分值和评分标准;超出范围时提醒,仍可填写)",
      "给 2 个填报单元格加条件格式(填写超出范围时显示浅红底色)",
      "如有上次写回加的数据验证和条件格式,先移除(您自己设置的不动)",
      "除标记的底色、本助手的批注和填报单元格上的数据验证与条件格式外,您填写的内容、公式、批注和格式不会被修改;标记的底色在问题解决后重新计算时恢复原样",
    ]);
  });
});

describe("applied through the exceljs host", () => {
  it("is idempotent: applying twice leaves the same cells, one 核算结果 sheet and no duplicate column", async () => {
    const g = gridOf([HEADER, [1, "甲", 6, "", 7], [2, "乙", 4, "", 4], ["合计", null, 10, null, null]]);
    const port = await portOf(workbookOf([g]));
    for (let i = 0; i < 2; i++) {
      const grids = await port.readSheets();
      await port.apply(await planWriteback({ report: checkGrids(grids), grids }, port));
    }
    const grids = await port.readSheets();
    expect(grids.map((w) => w.name)).toEqual(["评分表", RESULT_SHEET]);
    expect(grids[0].cells.map((r) => r.slice(5))).toEqual([["核算得分"], [6], [4], [10]]);
    expect(grids[0].cells.map((r) => r.slice(0, 5))).toEqual(g.cells.map((r) => [...r, null, null, null, null, null].slice(0, 5)));
    expect(grids[0].notes?.E2).toMatch(/^【考核计分助手】/);
  });

  it("keeps a note the user wrote on a marked cell, and its own fill marks the cell", async () => {
    const g = gridOf([HEADER, [1, "甲", 6, "", 7]]);
    const wb = workbookOf([g]);
    wb.getWorksheet("评分表")!.getCell("E2").note = "这是自查时的说明";
    const port = await portOf(wb);
    for (let i = 0; i < 2; i++) {
      const grids = await port.readSheets();
      await port.apply(await planWriteback({ report: checkGrids(grids), grids }, port));
    }
    expect((await port.readSheets())[0].notes?.E2).toBe("这是自查时的说明");
    expect(await port.readFills([{ sheet: "评分表", cell: "E2" }])).toEqual(["#FFC7CE"]);
  });
});
