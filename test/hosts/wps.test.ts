import { NOTE_PREFIX, SHEET_MARKER } from "../../src/footprint";
import { describe, expect, it } from "vitest";
import type { CellValue, Grid } from "../../src/core/grid";
import { HostError, type WorkbookChanges } from "../../src/hosts/port";
import { createWpsPort, detectWpsApplication, toBgr, toMatrix, type WpsApplication } from "../../src/hosts/wps";
import { GENHE_SHEET, genheScoreSheet, typedColumns } from "../fakes/genhe";
import { createFakeEt, type FakeEtOptions, type FakeSheetInit } from "../fakes/wps-et";

function setup(sheets: FakeSheetInit[] = [genheScoreSheet], options: FakeEtOptions = {}) {
  const fake = createFakeEt(sheets, options);
  const port = createWpsPort(fake.Application as WpsApplication);
  return { fake, port };
}

/** The grid a sheet should read as: rows from A1 with trailing nulls kept to the used width. */
function expectedCells(cells: CellValue[][]): CellValue[][] {
  const width = Math.max(...cells.map((r) => r.length));
  return cells.map((r) => Array.from({ length: width }, (_, c) => (r[c] === undefined || r[c] === "" ? null : r[c])));
}

/** A write-back plan like the facade's: 核算得分 column H, two marks, the 核算结果 sheet. */
const NOTE_F7 = `${NOTE_PREFIX}\n得分 12 超过分值 10,按 10 分计算`;
const NOTE_F11 = `${NOTE_PREFIX}\n合计填写 92,核算为 90`;

function plan(): WorkbookChanges {
  return {
    clearMarks: [],
    values: [
      { sheet: GENHE_SHEET, address: "H2", values: [["核算得分"], [5], [4], [18], [20], [10], [8], [15], [10], [90]] },
    ],
    marks: [
      { sheet: GENHE_SHEET, cell: "F7", color: "#FFC7CE", note: NOTE_F7 },
      { sheet: GENHE_SHEET, cell: "F11", color: "#FFEB9C", note: NOTE_F11 },
    ],
    sheets: [
      {
        name: "核算结果",
        rows: [
          [`${SHEET_MARKER})`],
          ["工作表", "单元格", "问题"],
          [GENHE_SHEET, "F7", "得分 12 超过分值 10,按 10 分计算"],
          [GENHE_SHEET, "F11", "合计填写 92,核算为 90"],
        ],
        widths: [12, 8, 40],
      },
    ],
  };
}

async function hostError(p: Promise<unknown>): Promise<HostError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(HostError);
  return e as HostError;
}

describe("detectWpsApplication", () => {
  it("finds ET through window.wps.EtApplication()", () => {
    const fake = createFakeEt([genheScoreSheet]);
    expect(detectWpsApplication({ wps: fake.wps })).toBe(fake.Application);
  });

  it("finds a window.Application that has ActiveWorkbook", () => {
    const fake = createFakeEt([genheScoreSheet]);
    expect(detectWpsApplication({ Application: fake.Application })).toBe(fake.Application);
  });

  it("is null in a browser, in Excel, and in WPS 文字 whose wps has no ET application", () => {
    expect(detectWpsApplication(undefined)).toBeNull();
    expect(detectWpsApplication({})).toBeNull();
    expect(detectWpsApplication({ Office: {}, Excel: {} })).toBeNull();
    expect(detectWpsApplication({ Application: { Documents: {} } })).toBeNull();
    const throwing = { wps: { EtApplication: () => { throw new Error("not et"); } } };
    expect(detectWpsApplication(throwing)).toBeNull();
  });
});

describe("reading sheets", () => {
  it("reads values and merged areas of the 根河 layout", async () => {
    const { fake, port } = setup([genheScoreSheet, { name: "空表" }]);
    const grids = await port.readSheets();
    expect(grids.map((g) => g.name)).toEqual([GENHE_SHEET, "空表"]);
    expect(grids[0].cells).toEqual(expectedCells(genheScoreSheet.cells!));
    expect(grids[0].merges).toEqual(genheScoreSheet.merges);
    expect(grids[1]).toEqual<Grid>({ name: "空表", cells: [], merges: [], formulas: [], notes: {}, hidden: false });
    // One Value2 read per sheet: never cell by cell.
    expect(fake.callCounts["Range.Value2"]).toBe(2);
  });

  it("honours the UsedRange offset (.Row/.Column) and returns merges in sheet coordinates", async () => {
    const cells: CellValue[][] = [[], [], [], [null, null, "类别", "序号", "分值"], [null, null, "公开", 1, 5], [null, null, null, 2, 5]];
    const { fake, port } = setup([{ name: "偏移", cells, merges: [{ top: 4, left: 2, bottom: 5, right: 2 }] }]);
    const [g] = await port.readSheets();
    expect(fake.callCounts["Range.Row"]).toBeGreaterThan(0);
    expect(g.cells.slice(0, 3)).toEqual([[], [], []]);
    expect(g.cells[3]).toEqual([null, null, "类别", "序号", "分值"]);
    expect(g.cells[5]).toEqual([null, null, null, 2, 5]);
    expect(g.merges).toEqual([{ top: 4, left: 2, bottom: 5, right: 2 }]);
  });

  it("finds merged areas whose cells are all blank, and merges that start in a filled row", async () => {
    const { port } = setup([
      {
        name: "s",
        cells: [["a", "b", "c"], ["d", null, null], ["e", null, "f"]],
        merges: [
          { top: 1, left: 1, bottom: 2, right: 1 }, // blank merged cells
          { top: 0, left: 2, bottom: 1, right: 2 }, // anchor "c" above a blank cell
        ],
      },
    ]);
    const [g] = await port.readSheets();
    expect(g.merges).toEqual([
      { top: 0, left: 2, bottom: 1, right: 2 },
      { top: 1, left: 1, bottom: 2, right: 1 },
    ]);
  });

  it("finds merges without probing every cell: a 2,000-row sheet costs a few hundred calls", async () => {
    const rows = 2000;
    const cells: CellValue[][] = [["类别", "序号", "目标要求", "分值", "评价办法", "自查评分", "考核评分"]];
    const merges = [];
    for (let r = 1; r < rows; r++) cells.push([(r - 1) % 20 === 0 ? `类别${r}` : null, r, `要求${r}`, 5, "扣分", 4, null]);
    for (let r = 1; r + 19 < rows; r += 20) merges.push({ top: r, left: 0, bottom: r + 19, right: 0 });
    const { fake, port } = setup([{ name: "大表", cells, merges }]);
    const [g] = await port.readSheets();
    expect(g.merges).toEqual(merges);
    expect(g.cells).toHaveLength(rows);
    // 100 merges × 3 calls each, plus the bounding boxes; probing each blank cell would cost 4,000+.
    expect(fake.calls).toBeLessThan(400);
    expect(fake.callCounts["Range.Value2"]).toBe(1);
  });

  it("costs a handful of calls when a sheet has no merges at all", async () => {
    const cells: CellValue[][] = Array.from({ length: 2000 }, (_, r) => [r + 1, null, "x", null]);
    const { fake, port } = setup([{ name: "无合并", cells }]);
    const [g] = await port.readSheets();
    expect(g.merges).toEqual([]);
    // Used range, values, formulas' presence (one HasFormula), comments, visibility, one MergeCells.
    expect(fake.calls).toBeLessThan(30);
  });

  it("reads the same through builds that expose properties as zero-argument methods", async () => {
    const plain = await setup([genheScoreSheet]).port.readSheets();
    const { fake, port } = setup([genheScoreSheet], { propertiesAsMethods: true });
    expect(typeof (fake.Application as { ActiveWorkbook: unknown }).ActiveWorkbook).toBe("function");
    expect(await port.readSheets()).toEqual(plain);
  });
});

describe("Value2 shapes", () => {
  it.each<[string, unknown, number, number, CellValue[][] | null]>([
    ["a 2D array of rows", [[1, "a"], [undefined, true]], 2, 2, [[1, "a"], [null, true]]],
    ["a scalar for one cell", 7, 1, 1, [[7]]],
    ["an empty single cell", undefined, 1, 1, [[null]]],
    ["a 1D array for one row", [1, 2, 3], 1, 3, [[1, 2, 3]]],
    ["a 1D array for one column", [1, 2, 3], 3, 1, [[1], [2], [3]]],
    ["a flat row-major array", [1, 2, 3, 4], 2, 2, [[1, 2], [3, 4]]],
    // A single value for a block cannot be trusted: null, and the reader goes cell by cell.
    ["a scalar where 2D was expected", "x", 2, 2, null],
    ["an Item(r, c) object", { Item: (r: number, c: number) => r * 10 + c }, 2, 2, [[11, 12], [21, 22]]],
    ["a VBArray (column-major)", { toArray: () => [1, 3, 2, 4] }, 2, 2, [[1, 2], [3, 4]]],
    ["COM error codes", [[-2146826281, -2146826246]], 1, 2, [["#DIV/0!", "#N/A"]]],
    ["a 2D array of the wrong size", [[1, 2]], 2, 2, null],
    ["an unknown object", { foo: 1 }, 2, 2, null],
    ["empty strings as blank", [["", "b"]], 1, 2, [[null, "b"]]],
  ])("%s", (_, raw, rows, cols, expected) => {
    expect(toMatrix(raw, rows, cols)).toEqual(expected);
  });
});

describe("colours", () => {
  it.each([
    ["#FF0000", 255],
    ["#00FF00", 0x00ff00],
    ["#0000FF", 0xff0000],
    ["#FFC7CE", 0xcec7ff],
    ["ffeb9c", 0x9cebff],
  ])("%s is BGR %i", (hex, bgr) => {
    expect(toBgr(hex)).toBe(bgr);
  });

  it("writes Interior.Color in BGR (red reads back as 255 through the host)", async () => {
    const { fake, port } = setup();
    await port.apply({ clearMarks: [], values: [], sheets: [], marks: [{ sheet: GENHE_SHEET, cell: "F3", color: "#FF0000", note: "红" }] });
    expect(fake.fill(GENHE_SHEET, "F3")).toBe("#FF0000");
    const app = fake.Application as WpsApplication & { ActiveWorkbook: { Worksheets: { Item(n: number): { Range(a: string): { Interior: { Color: number } } } } } };
    expect(app.ActiveWorkbook.Worksheets.Item(1).Range("F3").Interior.Color).toBe(255);
  });

  it("rejects a colour that is not #RRGGBB before writing anything", async () => {
    const { fake, port } = setup();
    const before = fake.snapshot();
    const e = await hostError(port.apply({ ...plan(), marks: [{ sheet: GENHE_SHEET, cell: "F3", color: "red", note: "x" }] }));
    expect(e.message).toContain("#RRGGBB");
    expect(fake.snapshot()).toEqual(before);
  });
});

describe("write-back", () => {
  it("writes the 核算得分 column in one Value2 assignment and leaves what the user typed alone", async () => {
    const { fake, port } = setup();
    const typed = fake.rows(GENHE_SHEET);
    await port.apply(plan());
    expect(fake.callCounts["Range.Value2="]).toBe(2); // the column block + the 核算结果 sheet
    const after = fake.rows(GENHE_SHEET);
    expect(typedColumns(after)).toEqual(typedColumns(typed));
    expect(after.map((r) => r[7] ?? null)).toEqual([null, "核算得分", 5, 4, 18, 20, 10, 8, 15, 10, 90]);
  });

  it("marks cells with a fill and a comment (comments instead of notes)", async () => {
    const { fake, port } = setup();
    await port.apply(plan());
    expect(fake.marks(GENHE_SHEET)).toEqual({
      F7: { fill: "#FFC7CE", comment: NOTE_F7 },
      F11: { fill: "#FFEB9C", comment: NOTE_F11 },
    });
  });

  it("keeps a comment the user wrote on a marked cell (the fill still marks it), and replaces its own", async () => {
    const { fake, port } = setup([{ ...genheScoreSheet, comments: { F7: "旧批注", F11: `${NOTE_PREFIX}\n上次的结果` } }]);
    await port.apply(plan());
    expect(fake.marks(GENHE_SHEET)).toEqual({
      F7: { fill: "#FFC7CE", comment: "旧批注" },
      F11: { fill: "#FFEB9C", comment: NOTE_F11 },
    });
    await port.apply({ clearMarks: [{ sheet: GENHE_SHEET, cell: "F7" }], values: [], marks: [], sheets: [] });
    expect(fake.comment(GENHE_SHEET, "F7")).toBe("旧批注");
  });

  it("adds 核算结果 after the last sheet, named, with its rows", async () => {
    const { fake, port } = setup([genheScoreSheet, { name: "统计表", cells: [["x"]] }]);
    await port.apply(plan());
    expect(fake.sheetNames()).toEqual([GENHE_SHEET, "统计表", "核算结果"]);
    expect(fake.rows("核算结果")).toEqual(plan().sheets[0].rows);
  });

  it("empties an existing 核算结果 and refills it, leaving no stale rows", async () => {
    const stale: CellValue[][] = Array.from({ length: 30 }, (_, r) => [r === 0 ? `${SHEET_MARKER})` : `旧${r}`, "x", "y", "z", "w"]);
    const { fake, port } = setup([genheScoreSheet, { name: "核算结果", cells: stale }]);
    await port.apply(plan());
    expect(fake.sheetNames()).toEqual([GENHE_SHEET, "核算结果"]);
    expect(fake.rows("核算结果")).toEqual(plan().sheets[0].rows);
  });

  it("clears earlier marks: fill removed (xlNone) and comment removed", async () => {
    const { fake, port } = setup();
    await port.apply(plan());
    await port.apply({ clearMarks: [{ sheet: GENHE_SHEET, cell: "F7" }, { sheet: GENHE_SHEET, cell: "F11" }], values: [], marks: [], sheets: [] });
    expect(fake.marks(GENHE_SHEET)).toEqual({});
  });

  it("clears a fill the documented way (ColorIndex = xlColorIndexNone), never with white", async () => {
    const { fake, port } = setup();
    await port.apply(plan());
    fake.resetCalls();
    await port.apply({ clearMarks: [{ sheet: GENHE_SHEET, cell: "F7" }], values: [], marks: [], sheets: [] });
    expect(fake.callCounts["Interior.ColorIndex="]).toBe(1);
    expect(fake.callCounts["Interior.Color="]).toBeUndefined();
    expect(fake.marks(GENHE_SHEET).F7).toBeUndefined();
  });

  it("falls back to Pattern = xlPatternNone where a build refuses ColorIndex, and still clears the comment", async () => {
    const { fake, port } = setup();
    await port.apply(plan());
    fake.failOn("Interior.ColorIndex=", "Invalid property value.");
    await port.apply({ clearMarks: [{ sheet: GENHE_SHEET, cell: "F7" }], values: [], marks: [], sheets: [] });
    expect(fake.marks(GENHE_SHEET).F7).toBeUndefined();
    expect(fake.callCounts["Interior.Pattern="]).toBe(1);
  });

  it("is idempotent: applying the same plan twice leaves the same workbook", async () => {
    const { fake, port } = setup();
    const withClear = { ...plan(), clearMarks: [{ sheet: GENHE_SHEET, cell: "F7" }, { sheet: GENHE_SHEET, cell: "F11" }] };
    await port.apply(withClear);
    const once = fake.snapshot();
    await port.apply(withClear);
    expect(fake.snapshot()).toEqual(once);
    expect(fake.sheetNames()).toEqual([GENHE_SHEET, "核算结果"]);
  });

  it("writes the same through builds that expose properties as zero-argument methods", async () => {
    const a = setup();
    const b = setup([genheScoreSheet], { propertiesAsMethods: true });
    await a.port.apply(plan());
    await b.port.apply(plan());
    expect(b.fake.snapshot()).toEqual(a.fake.snapshot());
  });

  it("writes a single cell as a scalar", async () => {
    const { fake, port } = setup();
    await port.apply({ clearMarks: [], values: [{ sheet: GENHE_SHEET, address: "H3", values: [[5]] }], marks: [], sheets: [] });
    expect(fake.value(GENHE_SHEET, "H3")).toBe(5);
  });
});

describe("selectCell", () => {
  it("activates the sheet, then selects the cell", async () => {
    const { fake, port } = setup([{ name: "统计表", cells: [["x"]] }, genheScoreSheet]);
    expect(fake.activeSheet()).toBe("统计表");
    await port.selectCell(GENHE_SHEET, "F7");
    expect(fake.activeSheet()).toBe(GENHE_SHEET);
    expect(fake.selection).toEqual({ sheet: GENHE_SHEET, address: "F7" });
  });
});

describe("errors become HostError with a Chinese message", () => {
  it("a protected sheet", async () => {
    const { port } = setup([{ ...genheScoreSheet, protected: true }]);
    const e = await hostError(port.apply(plan()));
    expect(e.reason).toBe("host_failed");
    expect(e.message).toMatch(/^表格程序报告错误:.*受保护.*撤销工作表保护/);
  });

  it("a COM exception in the middle of a write names what was being done", async () => {
    const { fake, port } = setup();
    fake.failOn("Range.AddComment", "Exception occurred.");
    const e = await hostError(port.apply(plan()));
    expect(e.message).toBe("表格程序报告错误:标记“考核评分表”F7失败(Exception occurred.)");
  });

  it("a COM exception while reading", async () => {
    const { fake, port } = setup();
    fake.failOn("Range.Value2", "");
    const e = await hostError(port.readSheets());
    expect(e.message).toBe("表格程序报告错误:读取工作表“考核评分表”失败(未知错误)");
  });

  it("a missing sheet changes nothing", async () => {
    const { fake, port } = setup();
    const before = fake.snapshot();
    const bad = { ...plan(), marks: [...plan().marks, { sheet: "不存在", cell: "A1", color: "#FF0000", note: "x" }] };
    const e = await hostError(port.apply(bad));
    expect(e.reason).toBe("sheet_missing");
    expect(e.message).toBe("找不到工作表“不存在”");
    expect(fake.snapshot()).toEqual(before);
  });

  it("a bad address changes nothing", async () => {
    const { fake, port } = setup();
    const before = fake.snapshot();
    const e = await hostError(port.apply({ ...plan(), clearMarks: [{ sheet: GENHE_SHEET, cell: "第七行" }] }));
    expect(e.reason).toBe("bad_address");
    expect(fake.snapshot()).toEqual(before);
    expect((await hostError(port.selectCell(GENHE_SHEET, "??"))).reason).toBe("bad_address");
    expect((await hostError(port.selectCell("不存在", "A1"))).reason).toBe("sheet_missing");
  });

  it("no open workbook", async () => {
    const { port } = setup([genheScoreSheet], { noWorkbook: true });
    const e = await hostError(port.readSheets());
    expect(e.reason).toBe("host_unavailable");
    expect(e.message).toContain("没有打开的工作簿");
  });
});

describe("the fake keeps the adapter inside the documented subset", () => {
  it("throws on members outside the subset", () => {
    const fake = createFakeEt([genheScoreSheet]);
    const app = fake.Application as { ActiveWorkbook: { Worksheets: { Item(n: number): Record<string, unknown> } } };
    const ws = app.ActiveWorkbook.Worksheets.Item(1);
    expect(() => ws.ProtectContents).toThrow(/不在 WPS 文档子集中/);
    const range = (ws.Range as (a: string) => { Interior: Record<string, unknown> })("A1");
    expect(() => {
      range.Interior.TintAndShade = 0.5;
    }).toThrow(/不在 WPS 文档子集中/);
  });
});
