/**
 * The 核算结果 sheet as paper and as record, the texts' limits, and the record read back.
 */
import { describe, expect, it } from "vitest";
import type { CellValue, Grid } from "../src/core/grid";
import { checkGrids, planWriteback } from "../src/kaohe";
import { CUT_SUFFIX, MAX_CELL_TEXT, MAX_NOTE_TEXT, NOTE_PREFIX, SHEET_MARKER } from "../src/footprint";
import { capText, describeChanges, fileName, previousColumns, previousMarks } from "../src/writeback";
import { gridOf } from "./helpers/grid";

const HEADER: CellValue[] = ["序号", "考核内容", "分值", "评分标准", "得分"];

async function plan(grids: Grid[], file: string | null = null) {
  const report = checkGrids(grids, { file });
  return { report, changes: await planWriteback({ report, grids }) };
}

describe("the 核算结果 sheet prints on A4 landscape", () => {
  it("has print setup, wrap, bold headers, widths and the findings' header repeated on every page", async () => {
    const g = gridOf([HEADER, [1, "甲", 6, "", 7], [2, "乙", 4, "", 4], ["合计", null, 10, null, 11]]);
    const sheet = (await plan([g])).changes.sheets[0];
    const header = sheet.rows.findIndex((r) => r[0] === "级别");
    expect(sheet.rows[header]).toEqual(["级别", "工作表", "单元格", "说明", "代码", "已标记", "原底色"]);
    expect(sheet.print).toEqual({ landscape: true, fitToWidth: true, titleRows: [header, header] });
    expect(sheet.wrap).toBe(true);
    expect(sheet.boldRows).toEqual(expect.arrayContaining([0, 3, header]));
    // 说明 (D) is the wide column; all columns together fit an A4 landscape page at fit-to-width
    expect(sheet.widths![3]).toBeGreaterThanOrEqual(50);
    expect(sheet.widths!.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(170);
  });

  it("writes numbers as numbers: the rate is 1.0545-style with a percent format", async () => {
    const g = gridOf([HEADER, [1, "甲", 6, "", 6], [2, "乙", 5, "", 5], [3, "加分", "加分项", "每次加1分,最高不超过2分", 1]]);
    const sheet = (await plan([g])).changes.sheets[0];
    const at = sheet.rows.findIndex((r) => r[0] === "评分表");
    // 满分 beside 评分列, the template's name in the wide column D, then the scores and the rate.
    expect(sheet.rows[at][2]).toBe(11);
    expect(sheet.rows[at].slice(4, 8)).toEqual([11, 1, 12, expect.closeTo(12 / 11, 4)]);
    expect(typeof sheet.rows[at][7]).toBe("number");
    expect(sheet.formats![at][7]).toBe("0.0%");
    expect(sheet.formats!.every((f, i) => f.length === sheet.rows[i].length)).toBe(true);
  });

  it("names the workbook by its file name, never a folder of the clerk's machine", async () => {
    const g = gridOf([HEADER, [1, "甲", 6, "", 6]]);
    for (const path of ["/home/zhang/考核/自查.xlsx", "C:\\Users\\张三\\桌面\\自查.xlsx", "D:/共享/2023\\自查.xlsx", "自查.xlsx"]) {
      const sheet = (await plan([g], path)).changes.sheets[0];
      expect(sheet.rows[1]).toEqual(["文件", "自查.xlsx", "评分列", "得分"]);
      expect(JSON.stringify(sheet.rows)).not.toMatch(/Users|home|共享|[\\/]/);
    }
    expect(fileName(null)).toBe("当前工作簿");
  });

  it("starts with our marker, so the next run knows it is ours", async () => {
    const sheet = (await plan([gridOf([HEADER, [1, "甲", 6, "", 6]])])).changes.sheets[0];
    expect(String(sheet.rows[0][0]).startsWith(SHEET_MARKER)).toBe(true);
  });
});

describe("texts are cut to what every host accepts", () => {
  it("capText cuts with the suffix and never beyond the limit", () => {
    expect(capText("短", 10)).toBe("短");
    const long = "长".repeat(300);
    const cut = capText(long, MAX_NOTE_TEXT);
    expect(cut.length).toBe(MAX_NOTE_TEXT);
    expect(cut.endsWith(CUT_SUFFIX)).toBe(true);
    expect(capText("😀".repeat(20), 21).length).toBeLessThanOrEqual(21);
    expect(capText("😀".repeat(20), 21)).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it("a note with many findings stays within MAX_NOTE_TEXT and starts with our prefix", async () => {
    const title = "一项很长的考核内容".repeat(30);
    const g = gridOf([HEADER, [1, title, 6, "一项未达标扣4分", 7.3]]);
    const { changes } = await plan([g]);
    const note = changes.marks[0].note;
    expect(note.startsWith(NOTE_PREFIX)).toBe(true);
    expect(note.length).toBeLessThanOrEqual(MAX_NOTE_TEXT);
  });

  it("cell texts of 核算结果 stay within MAX_CELL_TEXT", async () => {
    const g = gridOf([HEADER, [1, "长".repeat(40000), 6, "", 7]]);
    const { changes } = await plan([g]);
    for (const row of changes.sheets[0].rows) for (const v of row) if (typeof v === "string") expect(v.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
  });
});

describe("the record read back", () => {
  it("finds where the column was written and the marks with their fills", async () => {
    const g = gridOf([HEADER, [1, "甲", 6, "", 7], [2, "乙", 4, "", null], ["合计", null, 10, null, 11]]);
    const report = checkGrids([g]);
    const changes = await planWriteback({ report, grids: [g] }, { readFills: async (cells) => cells.map((c) => (c.cell === "E2" ? "#ffff00" : null)) });
    const ours = gridOf(changes.sheets[0].rows, [], "核算结果");
    expect(previousColumns([g, ours])).toEqual(new Map([["评分表", { top: 0, left: 5, bottom: 3, right: 5 }]]));
    expect(previousMarks([g, ours])).toEqual([
      { sheet: "评分表", cell: "E2", restoreFill: "#FFFF00" },
      { sheet: "评分表", cell: "E4", restoreFill: null },
      { sheet: "评分表", cell: "E3", restoreFill: null },
    ]);
  });

  it("a column the record names is not overwritten once the user typed into it: it is left, and the dialog says so", async () => {
    const g = gridOf([HEADER, [1, "甲", 6, "", 6], [2, "乙", 4, "", 4], ["合计", null, 10, null, 10]]);
    const first = await plan([g]);
    const ours = gridOf(first.changes.sheets[0].rows, [], "核算结果");
    const written = gridOf([
      [...HEADER, "核算得分"],
      [1, "甲", 6, "", 6, 6],
      [2, "乙", 4, "", 4, "复核后改为3分"],
      ["合计", null, 10, null, 10, 10],
    ]);
    const again = await plan([written, ours]);
    expect(again.changes.values).toEqual([]);
    expect(describeChanges(again.changes)).toContain("工作表“评分表”原有的“核算得分”列中有其他内容,本次不改动该列,各项得分只写入“核算结果”");
    // …while the same column holding only what we wrote is refreshed in place
    const fine = gridOf([[...HEADER, "核算得分"], [1, "甲", 6, "", 5, 6], [2, "乙", 4, "", 4, 4], ["合计", null, 10, null, 9, 10]]);
    expect((await plan([fine, ours])).changes.values[0]).toMatchObject({ address: "F1", values: [["核算得分"], [5], [4], [9]] });
  });
});

describe("the dialog on marks", () => {
  it("says which marked cells keep the user's own note", async () => {
    const g = gridOf([HEADER, [1, "甲", 6, "", 7], [2, "乙", 4, "", 9]]);
    g.notes = { E2: "自查时已说明超分原因", E3: "【考核计分助手】\n错误:旧的说明" };
    const { changes } = await plan([g]);
    expect(describeChanges(changes)).toContain("在 2 个有问题的单元格上标底色并加批注(1 个已有您的批注,保留您的批注,问题说明见“核算结果”)");
  });
});

describe("the recorded column after the user inserted rows or columns", () => {
  it("is found again when a row above and a column left of it were inserted", async () => {
    const g = gridOf([["XX单位考核表"], HEADER, [1, "甲", 6, "", 6], [2, "乙", 4, "", 4], ["合计", null, 10, null, 10]]);
    const ours = gridOf((await plan([g])).changes.sheets[0].rows, [], "核算结果");
    expect(previousColumns([g, ours])!.get("评分表")).toEqual({ top: 1, left: 5, bottom: 4, right: 5 });
    // The clerk inserted a row at the top and a 备注 column before ours, then changed 甲 to 5.
    const moved = gridOf([
      ["XX单位"],
      ["XX单位考核表"],
      [...HEADER, "备注", "核算得分"],
      [1, "甲", 6, "", 5, null, 6],
      [2, "乙", 4, "", 4, "已核", 4],
      ["合计", null, 10, null, 9, null, 10],
    ]);
    const again = await plan([moved, ours]);
    expect(again.changes.values[0]).toMatchObject({ address: "G3", values: [["核算得分"], [5], [4], [9]] });
  });
});
