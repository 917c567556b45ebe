/**
 * The WPS adapter against every variant the fake ET can play (src/hosts/wps/model.ts lists what
 * differs between WPS builds), and the host obligations of the port contract (src/hosts/port.ts).
 */
import { describe, expect, it } from "vitest";
import type { CellValue, Grid } from "../../src/core/grid";
import { CUT_SUFFIX, LIVE_MARK_COLOR, MAPPING_SHEET, MAX_NOTE_TEXT, NOTE_PREFIX, SHEET_MARKER, VALIDATION_TITLE } from "../../src/footprint";
import { HostError, type WorkbookChanges } from "../../src/hosts/port";
import { createWpsPort, type WpsApplication } from "../../src/hosts/wps";
import { GENHE_SHEET, genheScoreSheet } from "../fakes/genhe";
import { createFakeEt, type FakeEtOptions, type FakeSheetInit } from "../fakes/wps-et";

function setup(sheets: FakeSheetInit[] = [genheScoreSheet], options: FakeEtOptions = {}) {
  const fake = createFakeEt(sheets, options);
  return { fake, port: createWpsPort(fake.Application as WpsApplication) };
}

const none: WorkbookChanges = { clearMarks: [], values: [], marks: [], sheets: [] };
const NOTE = `${NOTE_PREFIX}\n得分 12 超过分值 10,按 10 分计算`;
const plan = (): WorkbookChanges => ({
  clearMarks: [],
  values: [{ sheet: GENHE_SHEET, address: "H2", values: [["核算得分"], [5], [4], [18], [20], [10], [8], [15], [10], [90]] }],
  marks: [{ sheet: GENHE_SHEET, cell: "F7", color: "#FFC7CE", note: NOTE }],
  sheets: [{ name: "核算结果", rows: [[`${SHEET_MARKER})`], ["合计", 90]] }],
});

async function failure(p: Promise<unknown>): Promise<HostError> {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(HostError);
  return e as HostError;
}

const VARIANTS: Array<[string, FakeEtOptions]> = [
  ["Value2 as a 2D array", {}],
  ["Value2 as an Item(r, c) object", { value2: "item" }],
  ["Value2 as a VBArray", { value2: "vbarray" }],
  ["Value2 giving only the first cell of a block", { value2: "first" }],
  ["properties as zero-argument methods", { propertiesAsMethods: true }],
  ["callable collections", { callableCollections: true }],
  ["callable collections and properties as methods", { callableCollections: true, propertiesAsMethods: true }],
  ["error cells as COM codes", { comErrors: true }],
  ["comments with the author's name in front, cut at 255", { commentAuthor: "张三", commentLimit: 255 }],
  ["a newer build (CreateTaskpane)", { paneSpelling: "CreateTaskpane" }],
];

describe("every WPS variant reads and writes the same workbook", () => {
  const withExtras: FakeSheetInit = {
    ...genheScoreSheet,
    formulas: { F12: "=SUM(F3:F10)" },
    errors: { G12: "#DIV/0!" },
    comments: { C3: "用户的批注" },
  };
  const baseline = async () => {
    const { fake, port } = setup([withExtras]);
    const grids = await port.readSheets();
    await port.apply(plan());
    return { grids, after: fake.snapshot() };
  };

  it.each(VARIANTS)("%s", async (_, options) => {
    const want = await baseline();
    const { fake, port } = setup([withExtras], options);
    const grids = await port.readSheets();
    const withoutNotes = (gs: Grid[]) => gs.map((g) => ({ ...g, notes: undefined }));
    expect(withoutNotes(grids)).toEqual(withoutNotes(want.grids));
    expect(grids[0].cells[11][6]).toBe("#DIV/0!"); // never −2146826281
    expect(grids[0].formulas?.[11]?.[5]).toBe(true);
    // A user's comment is read as the host gives it (with the author's name where the build adds it).
    expect(grids[0].notes).toEqual({ C3: options.commentAuthor ? `${options.commentAuthor}:\n用户的批注` : "用户的批注" });
    await port.apply(plan());
    expect(fake.snapshot()).toEqual(want.after);
  });
});

describe("reading", () => {
  it("trims a used range inflated by formatting to 1,048,576 rows, reading only the rows with values", async () => {
    const { fake, port } = setup([{ ...genheScoreSheet, formattedRows: 1_048_576 }]);
    const [g] = await port.readSheets();
    expect(g.cells).toHaveLength(11);
    expect(g.cells[10][5]).toBe(92);
    expect(fake.calls).toBeLessThan(100); // End(xlUp) per column, not a million-row read
  });

  it("reads a 30,000-row sheet in chunks of at most 50,000 cells per Value2 read", async () => {
    const cells: CellValue[][] = Array.from({ length: 30_000 }, (_, r) => [r + 1, `第${r + 1}项`, 5, 4]);
    const { fake, port } = setup([{ name: "大表", cells }]);
    const [g] = await port.readSheets();
    expect(g.cells).toHaveLength(30_000);
    expect(g.cells[29_999]).toEqual([30_000, "第30000项", 5, 4]);
    // 3 block reads, and the bottom cell of each of the 4 columns to find where the values end.
    expect(fake.callCounts["Range.Value2"]).toBe(3 + 4);
  });

  it("reads cell by cell where a build gives one value for a block, and says so when the block is too large", async () => {
    const { port } = setup([genheScoreSheet], { value2: "first" });
    const [g] = await port.readSheets();
    expect(g.cells[2][2]).toBe("明确政务公开分管领导和工作机构");
    const big: CellValue[][] = Array.from({ length: 60_000 }, (_, r) => [r, r, r, r]);
    const e = await failure(setup([{ name: "大表", cells: big }], { value2: "first" }).port.readSheets());
    expect(e.message).toContain("数据格式无法识别");
  });

  it("tells formulas from values (HasFormula, then Formula where mixed), hidden sheets and notes", async () => {
    const { port } = setup([
      { ...genheScoreSheet, formulas: { H3: "=D3-F3" }, cells: genheScoreSheet.cells!.map((r, i) => (i === 2 ? [...r, 0] : r)), comments: { F3: `${NOTE_PREFIX}\n旧的` } },
      { name: MAPPING_SHEET, cells: [["设置"]], hidden: true },
    ]);
    const [g, mapping] = await port.readSheets();
    expect(g.cells[2][7]).toBe(0);
    expect(g.formulas?.[2]?.[7]).toBe(true);
    expect(g.formulas?.[2]?.[5]).toBe(false);
    expect(g.notes).toEqual({ F3: `${NOTE_PREFIX}\n旧的` });
    expect(g.hidden).toBe(false);
    expect(mapping.hidden).toBe(true);
  });

  it("reads on where a build lacks Formula or Comment.Parent: formulas unknown, notes unread, values intact", async () => {
    const { fake, port } = setup([{ ...genheScoreSheet, formulas: { H3: "=1" }, comments: { F3: "用户" } }]);
    fake.failOn("Range.HasFormula", "not supported");
    fake.failOn("Range.Formula", "not supported");
    fake.failOn("Comment.Parent", "not supported");
    const [g] = await port.readSheets();
    expect(g.formulas).toBeUndefined();
    expect(g.notes).toEqual({});
    expect(g.cells[2][5]).toBe(5);
  });

  it("reads fills: a colour, or null for none", async () => {
    const { port } = setup([{ ...genheScoreSheet, fills: { F3: "#00B050" } }]);
    expect(await port.readFills!([{ sheet: GENHE_SHEET, cell: "F3" }, { sheet: GENHE_SHEET, cell: "F4" }])).toEqual(["#00B050", null]);
  });
});

describe("text is text, formulas are formulas", () => {
  const texts = ["=1+1", "+5", "-3", "@x", "12", "TRUE", "50%", "普通文字"];

  it.each<[string, FakeEtOptions]>([["default", {}], ["properties as methods", { propertiesAsMethods: true }]])(
    "strings starting with = + - @ or looking like numbers land as text (%s)",
    async (_, options) => {
      const { fake, port } = setup([genheScoreSheet], options);
      await port.apply({ ...none, values: [{ sheet: GENHE_SHEET, address: "J2", values: texts.map((t) => [t]) }] });
      texts.forEach((t, i) => {
        expect(fake.value(GENHE_SHEET, `J${i + 2}`)).toBe(t);
        expect(fake.formula(GENHE_SHEET, `J${i + 2}`)).toBeNull();
      });
      expect(fake.numberFormat(GENHE_SHEET, "J9")).toBe("General"); // plain text needs no text format
    },
  );

  it("the fake is as strict as ET: without the text format, =1+1 written as a value becomes a formula", () => {
    const fake = createFakeEt([genheScoreSheet]);
    const app = fake.Application as { ActiveWorkbook: { Worksheets: { Item(i: number): { Range(a: string): { Value2: unknown } } } } };
    app.ActiveWorkbook.Worksheets.Item(1).Range("J2").Value2 = "=1+1";
    expect(fake.formula(GENHE_SHEET, "J2")).toBe("=1+1");
    expect(fake.value(GENHE_SHEET, "J2")).toBe(2);
  });

  it("writes RangeWrite.formulas as formulas, with the values of the other cells", async () => {
    const { fake, port } = setup();
    await port.apply({ ...none, values: [{ sheet: GENHE_SHEET, address: "H2", values: [["核算得分"], [5], ["=x"]], formulas: [[null], ["=MIN(F3,D3)"], [null]] }] });
    expect(fake.formula(GENHE_SHEET, "H3")).toBe("=MIN(F3,D3)");
    expect(fake.value(GENHE_SHEET, "H2")).toBe("核算得分");
    expect(fake.value(GENHE_SHEET, "H4")).toBe("=x");
    expect(fake.formula(GENHE_SHEET, "H4")).toBeNull();
  });
});

describe("notes", () => {
  it("finds its own notes behind an author prefix, and keeps them within 255 characters", async () => {
    const { fake, port } = setup([genheScoreSheet], { commentAuthor: "Administrator", commentLimit: 255 });
    const long = `${NOTE_PREFIX}\n${"很长的说明".repeat(100)}`;
    await port.apply({ ...none, marks: [{ sheet: GENHE_SHEET, cell: "F7", color: "#FFC7CE", note: long }] });
    const stored = fake.comment(GENHE_SHEET, "F7")!;
    expect(stored.length).toBeLessThanOrEqual(MAX_NOTE_TEXT);
    expect(stored.endsWith(CUT_SUFFIX)).toBe(true);
    const [g] = await port.readSheets();
    expect(g.notes?.F7?.startsWith(NOTE_PREFIX)).toBe(true);
    // Recognised as ours on the next run: replaced, then cleared.
    await port.apply({ ...none, marks: [{ sheet: GENHE_SHEET, cell: "F7", color: "#FFC7CE", note: "新的" }] });
    expect(fake.comment(GENHE_SHEET, "F7")).toBe(`${NOTE_PREFIX}新的`);
    await port.apply({ ...none, clearMarks: [{ sheet: GENHE_SHEET, cell: "F7" }] });
    expect(fake.comment(GENHE_SHEET, "F7")).toBeNull();
  });

  it("never replaces a user's comment that only mentions the marker later on", async () => {
    const user = `张三:请核实\n${NOTE_PREFIX}`;
    const { fake, port } = setup([{ ...genheScoreSheet, comments: { F7: user } }]);
    await port.apply({ ...none, marks: [{ sheet: GENHE_SHEET, cell: "F7", color: "#FFC7CE", note: "x" }] });
    await port.apply({ ...none, clearMarks: [{ sheet: GENHE_SHEET, cell: "F7" }] });
    expect(fake.comment(GENHE_SHEET, "F7")).toBe(user);
  });
});

describe("the workbook read is the workbook written", () => {
  it("refuses to write when the user switched to another workbook, and writes nothing anywhere", async () => {
    const { fake, port } = setup();
    await port.readSheets();
    fake.addWorkbook("另一个.xlsx", [{ ...genheScoreSheet }]);
    const before = [fake.rows(GENHE_SHEET, 0), fake.rows(GENHE_SHEET, 1)];
    const e = await failure(port.apply(plan()));
    expect(e.message).toContain("当前活动的工作簿是“另一个.xlsx”,不是计算时的“考核表.xlsx”");
    expect([fake.rows(GENHE_SHEET, 0), fake.rows(GENHE_SHEET, 1)]).toEqual(before);
    expect(fake.sheetNames(1)).toEqual([GENHE_SHEET]);
    fake.activateWorkbook(0);
    await port.apply(plan());
    expect(fake.value(GENHE_SHEET, "H2")).toBe("核算得分");
  });
});

describe("screen updating", () => {
  it("is off while writing and restored after, also when the write fails", async () => {
    const { fake, port } = setup();
    await port.apply(plan());
    expect(fake.screenUpdatingLog).toEqual([false, true]);
    fake.protect(GENHE_SHEET);
    await failure(port.apply(plan()));
    expect(fake.screenUpdatingLog).toEqual([false, true, false, true]);
    expect(fake.screenUpdating).toBe(true);
  });
});

describe("reversible marks", () => {
  it("restores the user's fill, clears where there was none, and leaves a fill the user set since", async () => {
    const { fake, port } = setup([{ ...genheScoreSheet, fills: { F7: "#FFC7CE", F8: "#FFEB9C", F9: "#00B050" } }]);
    await port.apply({
      ...none,
      clearMarks: [
        { sheet: GENHE_SHEET, cell: "F7", restoreFill: "#DDEBF7" },
        { sheet: GENHE_SHEET, cell: "F8", restoreFill: null },
        { sheet: GENHE_SHEET, cell: "F9", restoreFill: "#DDEBF7" },
      ],
    });
    expect([fake.fill(GENHE_SHEET, "F7"), fake.fill(GENHE_SHEET, "F8"), fake.fill(GENHE_SHEET, "F9")]).toEqual(["#DDEBF7", null, "#00B050"]);
  });
});

describe("validation and conditional marks", () => {
  const validation = { sheet: GENHE_SHEET, range: "F3:F5", rule: { kind: "decimal" as const, min: 0, max: 5 }, prompt: "0 到 5 分", error: "超出范围" };

  it("adds ours with a warning where the user has none, keeps the user's, and removes only ours", async () => {
    const { fake, port } = setup([{ ...genheScoreSheet, validations: { F4: "用户的提示" } }]);
    await port.apply({ ...none, validations: [validation] });
    expect(fake.validation(GENHE_SHEET, "F3")).toMatchObject({ Type: 2, AlertStyle: 2, Formula1: "0", Formula2: "5", InputTitle: VALIDATION_TITLE, InputMessage: "0 到 5 分" });
    expect(fake.validation(GENHE_SHEET, "F4")?.InputTitle).toBe("用户的提示");
    expect(fake.validation(GENHE_SHEET, "F5")?.InputTitle).toBe(VALIDATION_TITLE);
    // Idempotent: again replaces ours.
    await port.apply({ ...none, clearValidations: [{ sheet: GENHE_SHEET, range: "F3:F5" }], validations: [validation] });
    expect(fake.validation(GENHE_SHEET, "F3")?.InputTitle).toBe(VALIDATION_TITLE);
    await port.apply({ ...none, clearValidations: [{ sheet: GENHE_SHEET, range: "F3:F5" }] });
    expect([fake.validation(GENHE_SHEET, "F3"), fake.validation(GENHE_SHEET, "F5")]).toEqual([null, null]);
    expect(fake.validation(GENHE_SHEET, "F4")?.InputTitle).toBe("用户的提示");
  });

  it("adds a list validation", async () => {
    const { fake, port } = setup();
    await port.apply({ ...none, validations: [{ ...validation, range: "G3", rule: { kind: "list", items: ["是", "否"] } }] });
    expect(fake.validation(GENHE_SHEET, "G3")).toMatchObject({ Type: 3, Formula1: "是,否" });
  });

  it("adds conditional marks and removes only ours on the same range", async () => {
    const { fake, port } = setup();
    const mark = { sheet: GENHE_SHEET, range: "F3:F10", formula: "AND(ISNUMBER(F3),OR(F3<0,F3>D3))", color: LIVE_MARK_COLOR };
    await port.apply({ ...none, conditional: [mark, { ...mark, color: "#00FF00" }] });
    expect(fake.conditionals(GENHE_SHEET)).toEqual([
      { range: "F3:F10", formula: `=${mark.formula}`, color: LIVE_MARK_COLOR },
      { range: "F3:F10", formula: `=${mark.formula}`, color: "#00FF00" },
    ]);
    await port.apply({ ...none, clearConditional: [{ sheet: GENHE_SHEET, range: "F3:F10" }] });
    expect(fake.conditionals(GENHE_SHEET)).toEqual([{ range: "F3:F10", formula: `=${mark.formula}`, color: "#00FF00" }]);
  });
});

describe("the written column takes the table's look", () => {
  it("copies number format, font and borders from the user's column, sets the width and extends the print area", async () => {
    const { fake, port } = setup([{ ...genheScoreSheet, printArea: "$A$1:$G$11" }]);
    const app = fake.Application as { ActiveWorkbook: { Worksheets: { Item(i: number): { Range(a: string): Record<string, any> } } } };
    const ws = app.ActiveWorkbook.Worksheets.Item(1);
    ws.Range("G2:G11").NumberFormat = "0.0";
    ws.Range("G2:G11").Font.Bold = true;
    ws.Range("G2:G11").Borders.Item(9).LineStyle = 1;
    await port.apply({ ...none, values: [{ sheet: GENHE_SHEET, address: "H2", values: [["核算得分"], [5]], formatFrom: { column: "G" }, columnWidth: 10, extendPrintArea: true }] });
    expect(fake.numberFormat(GENHE_SHEET, "H3")).toBe("0.0");
    expect(fake.formatOf(GENHE_SHEET, "H3")).toMatchObject({ "Font.Bold": true, "Border9.LineStyle": 1 });
    expect(fake.columnWidth(GENHE_SHEET, "H")).toBe(10);
    expect(fake.pageSetup(GENHE_SHEET).PrintArea).toBe("$A$1:$H$11");
  });

  it("leaves the print area alone where the sheet has none", async () => {
    const { fake, port } = setup();
    await port.apply({ ...none, values: [{ sheet: GENHE_SHEET, address: "H2", values: [["核算得分"]], extendPrintArea: true }] });
    expect(fake.pageSetup(GENHE_SHEET).PrintArea).toBe("");
  });
});

describe("sheets the add-in owns", () => {
  it("writes formats, bold rows, wrap, widths, print setup and hides the mapping sheet", async () => {
    const { fake, port } = setup();
    await port.apply({
      ...none,
      sheets: [
        {
          name: "核算结果",
          rows: [[`${SHEET_MARKER})`], ["得分率", 0.905], ["说明", "-3 分"]],
          formats: [[null], [null, "0.0%"], [null, null]],
          boldRows: [0],
          wrap: true,
          lineRows: [0],
          widths: [12, 30],
          print: { landscape: true, fitToWidth: true, titleRows: [0, 1] },
        },
        { name: MAPPING_SHEET, rows: [["设置"]], hidden: true },
      ],
    });
    expect(fake.numberFormat("核算结果", "B2")).toBe("0.0%");
    expect(fake.value("核算结果", "B3")).toBe("-3 分");
    expect(fake.formatOf("核算结果", "A1")["Font.Bold"]).toBe(true);
    expect(fake.formatOf("核算结果", "B3").WrapText).toBe(true);
    expect(fake.formatOf("核算结果", "A1").WrapText).toBe(false); // the title line runs over, unwrapped
    expect(fake.autofitRows("核算结果")).toEqual(["A1:B3"]);
    expect(fake.columnWidth("核算结果", "B")).toBe(30);
    expect(fake.pageSetup("核算结果")).toMatchObject({ Orientation: 2, PaperSize: 9, Zoom: false, FitToPagesWide: 1, FitToPagesTall: false, PrintTitleRows: "$1:$2" });
    expect(fake.hidden(MAPPING_SHEET)).toBe(true);
  });

  it("refuses to write into a merged area (a signature line), writing nothing", async () => {
    const cells = [...genheScoreSheet.cells!, ["填表人:张三  审核人:李四"]];
    const { fake, port } = setup([{ ...genheScoreSheet, cells, merges: [...genheScoreSheet.merges!, { top: 11, left: 0, bottom: 11, right: 8 }] }]);
    const before = fake.snapshot();
    const e = await failure(port.apply({ ...plan(), values: [{ sheet: GENHE_SHEET, address: "H2", values: Array.from({ length: 11 }, () => [1]) }] }));
    expect(e.message).toContain("H2:H12 中有合并单元格");
    expect(fake.snapshot()).toEqual(before);
  });

  it("refuses to replace a sheet of that name the user made, writing nothing", async () => {
    const { fake, port } = setup([genheScoreSheet, { name: "核算结果", cells: [["我的汇总"], [1]] }]);
    const before = fake.snapshot();
    const e = await failure(port.apply(plan()));
    expect(e.message).toContain("不是考核计分助手生成的");
    expect(fake.snapshot()).toEqual(before);
  });

  it("replaces the mapping sheet whatever its first cell", async () => {
    const { fake, port } = setup([genheScoreSheet, { name: MAPPING_SHEET, cells: [["旧设置"], ["x"]] }]);
    await port.apply({ ...none, sheets: [{ name: MAPPING_SHEET, rows: [["新设置"]] }] });
    expect(fake.rows(MAPPING_SHEET)).toEqual([["新设置"]]);
  });
});

describe("change events", () => {
  it("passes the user's edits on, not the add-in's own writes, until unsubscribed", async () => {
    const { fake, port } = setup();
    const seen: Array<{ sheet: string; address: string }> = [];
    const stop = await port.subscribe!((c) => seen.push(c));
    expect(fake.listenerCount("SheetChange")).toBe(1);
    fake.type(GENHE_SHEET, "F5", 17);
    expect(seen).toEqual([{ sheet: GENHE_SHEET, address: "F5" }]);
    stop();
    expect(fake.listenerCount("SheetChange")).toBe(0);
    fake.type(GENHE_SHEET, "F6", 1);
    expect(seen).toHaveLength(1);
  });
});

describe("grids stay honest", () => {
  it("an empty sheet is an empty grid, not a grid of one null", async () => {
    const [g] = await setup([{ name: "空" }]).port.readSheets();
    expect(g).toEqual<Grid>({ name: "空", cells: [], merges: [], formulas: [], notes: {}, hidden: false });
  });
});
