import { describe, expect, it } from "vitest";
import { HostError, type WorkbookChanges } from "../../src/hosts/port";
import { createOfficePort, parseMergedAddress, splitAddress } from "../../src/hosts/office";
import { NOTE_PREFIX, SHEET_MARKER } from "../../src/footprint";
import type { CellValue } from "../../src/core/grid";
import { FakeExcel, type FakeSheet } from "./office-fake";

const HEADER = ["类别", "序号", "目标要求", "分值", "评价办法", "自查评分", "考核评分"];

/** A score sheet in the 根河 layout with `n` items, four to a merged category. */
function scoreSheet(n: number, name = "考核指标"): FakeSheet {
  const cells: CellValue[][] = [["政务公开考核评分表"], HEADER];
  const merges: string[] = [];
  for (let i = 0; i < n; i++) {
    const row = cells.length;
    cells.push([i % 4 === 0 ? `类别${i / 4 + 1}` : null, i + 1, `目标${i + 1}`, 2, "未完成扣1分", i % 3 ? 2 : 1, null]);
    if (i % 4 === 0 && i + 3 < n) merges.push(`A${row + 1}:A${row + 4}`);
  }
  return { name, cells, merges };
}

const stats: FakeSheet = { name: "统计表", cells: [["项目", "数量"], ["主动公开", 12], ["依申请公开", ""]] };

const noChanges: WorkbookChanges = { clearMarks: [], values: [], marks: [], sheets: [] };

describe("readSheets", () => {
  it("reads every sheet's values and merged areas in three syncs", async () => {
    const excel = new FakeExcel([scoreSheet(8), stats]);
    const grids = await createOfficePort(excel.env()).readSheets();
    expect(excel.syncs).toBe(3);
    expect(grids.map((g) => g.name)).toEqual(["考核指标", "统计表"]);
    expect(grids[0].cells[1]).toEqual(HEADER);
    expect(grids[0].cells[2]).toEqual(["类别1", 1, "目标1", 2, "未完成扣1分", 1, null]);
    expect(grids[0].cells[3][0]).toBeNull();
    expect(grids[0].merges).toEqual([
      { top: 2, left: 0, bottom: 5, right: 0 },
      { top: 6, left: 0, bottom: 9, right: 0 },
    ]);
    // An empty cell is null, not Excel's "".
    expect(grids[1].cells).toEqual([["项目", "数量"], ["主动公开", 12], ["依申请公开", null]]);
    expect(grids[1].merges).toEqual([]);
  });

  it("costs the same number of syncs for 2,000 rows as for 20", async () => {
    const small = new FakeExcel([scoreSheet(20), stats]);
    await createOfficePort(small.env()).readSheets();
    const large = new FakeExcel([scoreSheet(2000), stats]);
    const grids = await createOfficePort(large.env()).readSheets();
    expect(large.syncs).toBe(small.syncs);
    expect(large.syncs).toBeLessThanOrEqual(3);
    expect(grids[0].cells).toHaveLength(2002);
    expect(grids[0].cells[2001]).toEqual([null, 2000, "目标2000", 2, "未完成扣1分", 2, null]);
    expect(grids[0].merges).toHaveLength(500);
  });

  it("reads a sheet larger than one sync's budget in chunks that each stay under it", async () => {
    const wide: CellValue[][] = Array.from({ length: 600 }, (_, r) => Array.from({ length: 20 }, (_, c) => r * 100 + c));
    const excel = new FakeExcel([{ name: "大表", cells: wide }, stats]);
    const grids = await createOfficePort(excel.env(), { cellBudget: 3000 }).readSheets();
    expect(Math.max(...excel.loadedCells)).toBeLessThanOrEqual(3000);
    expect(grids[0].cells).toEqual(wide); // columns past P and rows past the window included
    expect(grids[1].cells[1]).toEqual(["主动公开", 12]);
  });

  it("refuses a used range stretched by a stray value far away, naming the sheet and the cell", async () => {
    const cells: CellValue[][] = [["类别"]];
    cells[1_999_999] = [null, null, "x"];
    const error = await createOfficePort(new FakeExcel([{ name: "考核", cells }]).env()).readSheets().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect((error as Error).message).toContain("工作表“考核”的已用区域过大(延伸到 C2000000");
  });

  it("halves its budget and retries when Excel refuses a payload", async () => {
    const excel = new FakeExcel([scoreSheet(400)]);
    excel.payloadLimit = 5000;
    const grids = await createOfficePort(excel.env(), { cellBudget: 40_000 }).readSheets();
    expect(grids[0].cells).toHaveLength(402);
    expect(grids[0].cells[401]).toEqual([null, 400, "目标400", 2, "未完成扣1分", 1, null]);
    expect(Math.max(...excel.loadedCells)).toBeLessThanOrEqual(5000);
  });

  it("reads without merged areas on Excel without ExcelApi 1.13", async () => {
    const excel = new FakeExcel([scoreSheet(8)], ["1.1", "1.2"]);
    const grids = await createOfficePort(excel.env()).readSheets();
    expect(grids[0].merges).toEqual([]);
    expect(grids[0].cells[2][0]).toBe("类别1");
  });

  it("asks for values only where Excel knows the parameter (ExcelApi 1.2)", async () => {
    const old = new FakeExcel([scoreSheet(8)], ["1.1"]);
    expect((await createOfficePort(old.env()).readSheets())[0].cells[2][1]).toBe(1);
    expect(old.calls).toContain("getUsedRange without valuesOnly");
  });

  it("reads a blank sheet as one empty cell and asks for values only", async () => {
    const excel = new FakeExcel([{ name: "空白", cells: [] }]);
    expect((await createOfficePort(excel.env()).readSheets())[0].cells).toEqual([[null]]);
    expect(excel.calls).not.toContain("getUsedRange without valuesOnly");
  });
});

/** A write-back like planWriteback's: a 核算得分 column, two marks, a result sheet. */
function changes(): WorkbookChanges {
  return {
    clearMarks: [],
    values: [{ sheet: "考核指标", address: "H2", values: [["核算得分"], [1], [null], [2]] }],
    marks: [
      { sheet: "考核指标", cell: "F3", color: "#FFC7CE", note: "得分 5 超过分值 2" },
      { sheet: "考核指标", cell: "F4", color: "#FFEB9C", note: `${NOTE_PREFIX}\n未填写得分` },
    ],
    sheets: [{ name: "核算结果", rows: [[`${SHEET_MARKER})`], ["项目", "得分"], ["合计", 3]], widths: [20, 8] }],
  };
}

describe("apply", () => {
  it("writes values, marks with notes and the result sheet in one batch after one read", async () => {
    const excel = new FakeExcel([scoreSheet(8)]);
    await createOfficePort(excel.env()).apply(changes());
    expect(excel.syncs).toBe(3); // learn what is there (sheets and notes; merged areas where we write), write
    expect(excel.value("考核指标", "H2")).toBe("核算得分");
    expect(excel.value("考核指标", "H3")).toBe(1);
    expect(excel.value("考核指标", "H4")).toBeNull(); // null written as "" (null would leave the cell as it was)
    expect(excel.sheet("考核指标").fills.get("F3")).toBe("#FFC7CE");
    expect(excel.notes.get("'考核指标'!F3")).toBe(`${NOTE_PREFIX}得分 5 超过分值 2`);
    expect(excel.sheet("核算结果").cells).toEqual([[`${SHEET_MARKER})`], ["项目", "得分"], ["合计", 3]]);
    expect(excel.calls.filter((c) => c.startsWith("width"))).toHaveLength(2);
    // What the user typed is untouched.
    expect(excel.value("考核指标", "F3")).toBe(1);
  });

  it("is idempotent: a second write-back replaces its own notes and result sheet", async () => {
    const excel = new FakeExcel([scoreSheet(8)]);
    const port = createOfficePort(excel.env());
    await port.apply(changes());
    const second = changes();
    second.clearMarks = [{ sheet: "考核指标", cell: "F3" }, { sheet: "考核指标", cell: "F4" }];
    second.marks = [{ sheet: "考核指标", cell: "F4", color: "#FFEB9C", note: "新的说明" }];
    await port.apply(second);
    expect(excel.notes.has("'考核指标'!F3")).toBe(false);
    expect(excel.sheet("考核指标").fills.has("F3")).toBe(false);
    expect(excel.notes.get("'考核指标'!F4")).toBe(`${NOTE_PREFIX}新的说明`);
    expect(excel.calls.filter((c) => c.startsWith("add "))).toEqual(["add 核算结果"]);
    expect(excel.calls).toContain("clear 核算结果");
    expect(excel.sheet("核算结果").cells).toEqual([[`${SHEET_MARKER})`], ["项目", "得分"], ["合计", 3]]);
  });

  it("clears only the fills in the add-in's colours", async () => {
    const excel = new FakeExcel([scoreSheet(8)]);
    excel.sheet("考核指标").fills.set("F5", "#FFFF00");
    excel.sheet("考核指标").fills.set("F6", "#FFC7CE");
    const clear = [{ sheet: "考核指标", cell: "F5" }, { sheet: "考核指标", cell: "F6" }];
    await createOfficePort(excel.env()).apply({ ...noChanges, clearMarks: clear });
    expect(excel.sheet("考核指标").fills.get("F5")).toBe("#FFFF00");
    expect(excel.sheet("考核指标").fills.has("F6")).toBe(false);
  });

  it("leaves a note the user wrote where it is", async () => {
    const excel = new FakeExcel([scoreSheet(8)]);
    excel.notes.set("'考核指标'!F3", "张三:已核实");
    const c = changes();
    c.clearMarks = [{ sheet: "考核指标", cell: "F3" }];
    await createOfficePort(excel.env()).apply(c);
    expect(excel.notes.get("'考核指标'!F3")).toBe("张三:已核实");
    expect(excel.sheet("考核指标").fills.get("F3")).toBe("#FFC7CE");
  });

  it("uses comments on Excel with ExcelApi 1.10 but not 1.18", async () => {
    const excel = new FakeExcel([scoreSheet(8)], ["1.1", "1.2", "1.4", "1.7", "1.10"]);
    excel.comments.set("'考核指标'!F4", `${NOTE_PREFIX}旧的说明`);
    await createOfficePort(excel.env()).apply(changes());
    expect(excel.comments.get("'考核指标'!F3")).toBe(`${NOTE_PREFIX}得分 5 超过分值 2`);
    expect(excel.comments.get("'考核指标'!F4")).toBe(`${NOTE_PREFIX}\n未填写得分`); // not prefixed twice
    expect(excel.notes.size).toBe(0);
    expect(excel.syncs).toBeLessThanOrEqual(4);
  });

  it("marks with fill colour only on Excel 2016 (ExcelApi 1.1)", async () => {
    const excel = new FakeExcel([scoreSheet(8)], ["1.1"]);
    await createOfficePort(excel.env()).apply(changes());
    expect(excel.sheet("考核指标").fills.get("F4")).toBe("#FFEB9C");
    expect(excel.notes.size + excel.comments.size).toBe(0);
    expect(excel.sheet("核算结果").cells[2]).toEqual(["合计", 3]);
  });

  it("splits a write-back larger than its budget across syncs", async () => {
    const excel = new FakeExcel([scoreSheet(8)]);
    const rows: CellValue[][] = Array.from({ length: 3000 }, (_, i) => [i, `第${i}行`]);
    await createOfficePort(excel.env(), { cellBudget: 2000 }).apply({ ...noChanges, sheets: [{ name: "核算结果", rows }] });
    expect(excel.syncs).toBeGreaterThan(2);
    expect(excel.sheet("核算结果").cells[2999]).toEqual([2999, "第2999行"]);
  });

  it("refuses to write to a sheet that is not there", async () => {
    const excel = new FakeExcel([scoreSheet(8)]);
    const c = { ...noChanges, values: [{ sheet: "不存在", address: "A1", values: [[1]] }] };
    await expect(createOfficePort(excel.env()).apply(c)).rejects.toMatchObject({ reason: "sheet_missing" });
  });
});

describe("selectCell", () => {
  it("activates the sheet and selects the cell in one sync", async () => {
    const excel = new FakeExcel([scoreSheet(8), stats]);
    await createOfficePort(excel.env()).selectCell("统计表", "B2");
    expect(excel.calls).toEqual(["activate 统计表", "select 统计表!B2"]);
    expect(excel.syncs).toBe(1);
  });

  it("names a missing sheet and a bad address", async () => {
    const port = createOfficePort(new FakeExcel([stats]).env());
    await expect(port.selectCell("没有", "A1")).rejects.toMatchObject({ reason: "sheet_missing", message: expect.stringContaining("没有") });
    await expect(port.selectCell("统计表", "第三行")).rejects.toMatchObject({ reason: "bad_address" });
  });
});

describe("errors from Office become Chinese messages", () => {
  it.each([
    ["InvalidOperationInCellEditMode", "编辑状态"],
    ["AccessDenied", "工作表受保护"],
    ["RequestPayloadSizeLimitExceeded", "传输的上限"],
    ["ApiNotFound", "升级 Office"],
    ["GeneralException", "Excel 内部出错(GeneralException)"],
    ["ServiceNotAvailable", "请稍后重试"],
    ["Conflict", "他人同时编辑"],
    ["MergedRangeConflict", "合并单元格"],
    ["SomethingNew", "请重试"],
  ])("%s", async (code, text) => {
    const excel = new FakeExcel([stats]);
    excel.failWith = code;
    const port = createOfficePort(excel.env());
    for (const op of [() => port.readSheets(), () => port.apply(changes())]) {
      const error = await op().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(HostError);
      expect((error as HostError).message).toContain(text);
    }
  });

  it("says office.js is missing outside Excel", () => {
    expect(() => createOfficePort()).toThrow(/office\.js/);
  });
});

describe("addresses", () => {
  it.each([
    ["Sheet1!A1:A4,Sheet1!B2:C2", [{ top: 0, left: 0, bottom: 3, right: 0 }, { top: 1, left: 1, bottom: 1, right: 2 }]],
    ["'考核, 2024!'!$A$3:$A$6", [{ top: 2, left: 0, bottom: 5, right: 0 }]],
    ["", []],
  ])("merged areas %s", (address, merges) => {
    expect(parseMergedAddress(address)).toEqual(merges);
  });

  it("splits a located address", () => {
    expect(splitAddress("'张三''s 表'!$F$11")).toEqual(["张三's 表", "F11"]);
  });
});
