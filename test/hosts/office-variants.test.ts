/**
 * The Office.js adapter against what real Excels do that the happy path never meets (>512 merged
 * areas, ExcelApi 1.1, threaded comments, text parsed as typed), and the host obligations of the
 * port contract (src/hosts/port.ts).
 */
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../src/core/grid";
import { LIVE_MARK_COLOR, MAPPING_SHEET, NOTE_PREFIX, SHEET_MARKER, VALIDATION_TITLE } from "../../src/footprint";
import { createOfficePort } from "../../src/hosts/office";
import { HostError, type WorkbookChanges } from "../../src/hosts/port";
import { FakeExcel, type FakeSheet } from "../fakes/office-excel";

const HEADER = ["类别", "序号", "目标要求", "分值", "评价办法", "自查评分", "考核评分"];
const none: WorkbookChanges = { clearMarks: [], values: [], marks: [], sheets: [] };
const OLD_EXCEL = ["1.1"];
const EXCEL_2019 = ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8"];

/** `n` items, each category of 2 items merged down column A. */
function sheet(n: number, name = "考核"): FakeSheet {
  const cells: CellValue[][] = [["考核评分表"], HEADER];
  const merges: string[] = [];
  for (let i = 0; i < n; i++) {
    cells.push([i % 2 === 0 ? `类别${i}` : null, i + 1, `目标${i + 1}`, 2, "扣1分", 1, null]);
    if (i % 2 === 0 && i + 1 < n) merges.push(`A${cells.length}:A${cells.length + 1}`);
  }
  return { name, cells, merges };
}

async function failure(p: Promise<unknown>): Promise<HostError> {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(HostError);
  return e as HostError;
}

describe("merged areas", () => {
  it("reads a sheet with more than 512 merged areas in bands, without failing the other sheets", async () => {
    const excel = new FakeExcel([sheet(1400, "大表"), sheet(6, "小表")]);
    const grids = await createOfficePort(excel.env()).readSheets();
    expect(grids[0].merges).toHaveLength(700);
    expect(grids[0].merges[699]).toEqual({ top: 1400, left: 0, bottom: 1401, right: 0 });
    expect(grids[1].merges).toHaveLength(3);
    expect(grids[0].cells[1401][2]).toBe("目标1400");
  });
});

describe("older Excels", () => {
  it("reads formulas' presence with the values where special cells are missing (before ExcelApi 1.9)", async () => {
    const s = sheet(4);
    s.cells[2][6] = 0;
    const excel = new FakeExcel([{ ...s, formulas: { G3: "=F3-1" } }], EXCEL_2019);
    const [g] = await createOfficePort(excel.env()).readSheets();
    expect(g.formulas?.[2]?.[6]).toBe(true);
    expect(g.formulas?.[2]?.[5]).toBe(false);
    expect(g.cells[2][6]).toBe(0);
  });

  it("sets no column width on ExcelApi 1.1 (it would fail the whole write) and still writes", async () => {
    const excel = new FakeExcel([sheet(4)], OLD_EXCEL);
    await createOfficePort(excel.env()).apply({
      ...none,
      values: [{ sheet: "考核", address: "H2", values: [["核算得分"], [1]], columnWidth: 10 }],
      sheets: [{ name: "核算结果", rows: [[`${SHEET_MARKER})`]], widths: [20] }],
    });
    expect(excel.value("考核", "H2")).toBe("核算得分");
    expect(excel.calls.filter((c) => c.startsWith("width"))).toEqual([]);
  });

  it("copies formats property by property before ExcelApi 1.9", async () => {
    const excel = new FakeExcel([sheet(4)], EXCEL_2019);
    for (const a1 of ["G2", "G3", "G4"]) excel.sheet("考核").formats.set(a1, { numberFormat: "0.0", bold: true, horizontalAlignment: "Center" });
    await createOfficePort(excel.env()).apply({ ...none, values: [{ sheet: "考核", address: "H2", values: [["核算得分"], [1], [2]], formatFrom: { column: "G" } }] });
    expect(excel.format("考核", "H3")).toMatchObject({ numberFormat: "0.0", bold: true, horizontalAlignment: "Center" });
  });
});

describe("comments and notes", () => {
  it("marks a cell holding a threaded comment with its fill only, leaving the comment and the batch intact", async () => {
    const excel = new FakeExcel([sheet(4)]);
    excel.comments.set("'考核'!F3", "王五:这一项请再核实");
    await createOfficePort(excel.env()).apply({
      ...none,
      marks: [
        { sheet: "考核", cell: "F3", color: "#FFC7CE", note: "得分有误" },
        { sheet: "考核", cell: "F4", color: "#FFEB9C", note: "未填写" },
      ],
    });
    expect(excel.comments.get("'考核'!F3")).toBe("王五:这一项请再核实");
    expect(excel.notes.has("'考核'!F3")).toBe(false);
    expect(excel.sheet("考核").fills.get("F3")).toBe("#FFC7CE");
    expect(excel.notes.get("'考核'!F4")).toBe(`${NOTE_PREFIX}未填写`);
  });

  it("reads notes and comments into the grid, and hidden sheets", async () => {
    const excel = new FakeExcel([sheet(4), { name: MAPPING_SHEET, cells: [["x"]], hidden: true }]);
    excel.notes.set("'考核'!F3", `${NOTE_PREFIX}旧`);
    excel.comments.set("'考核'!C4", "用户的讨论");
    const [g, m] = await createOfficePort(excel.env()).readSheets();
    expect(g.notes).toEqual({ F3: `${NOTE_PREFIX}旧`, C4: "用户的讨论" });
    expect([g.hidden, m.hidden]).toEqual([false, true]);
  });
});

describe("text is text", () => {
  const texts = ["=1+1", "+5", "-3", "@x", "12", "TRUE", "50%", "普通文字"];

  it("the fake is as strict as Excel: =1+1 written as a value becomes a formula", async () => {
    const excel = new FakeExcel([sheet(2)]);
    await excel.env().run(async (context) => {
      context.workbook.worksheets.getItem("考核").getRange("J1").values = [["=1+1"]];
      await context.sync();
    });
    expect(excel.formula("考核", "J1")).toBe("=1+1");
    expect(excel.value("考核", "J1")).toBe(2);
  });

  it.each([["every API set", undefined], ["ExcelApi 1.1", OLD_EXCEL]])("strings land as text in a column and in a sheet (%s)", async (_, sets) => {
    const excel = new FakeExcel([sheet(2)], sets);
    await createOfficePort(excel.env()).apply({
      ...none,
      values: [{ sheet: "考核", address: "J2", values: texts.map((t) => [t]) }],
      sheets: [{ name: "核算结果", rows: [[`${SHEET_MARKER})`], ...texts.map((t) => [t])] }],
    });
    texts.forEach((t, i) => {
      expect([excel.value("考核", `J${i + 2}`), excel.formula("考核", `J${i + 2}`)]).toEqual([t, null]);
      expect([excel.value("核算结果", `A${i + 2}`), excel.formula("核算结果", `A${i + 2}`)]).toEqual([t, null]);
    });
  });

  it("writes RangeWrite.formulas as formulas beside values", async () => {
    const excel = new FakeExcel([sheet(2)]);
    await createOfficePort(excel.env()).apply({
      ...none,
      values: [{ sheet: "考核", address: "H2", values: [["核算得分"], [1], ["=x"]], formulas: [[null], ["=MIN(F3,D3)"], [null]] }],
    });
    expect(excel.formula("考核", "H3")).toBe("=MIN(F3,D3)");
    expect([excel.value("考核", "H4"), excel.formula("考核", "H4")]).toEqual(["=x", null]);
  });
});

describe("fills", () => {
  it("reads a fill, and no fill as null (cell properties, ExcelApi 1.9), white as no fill before", async () => {
    const excel = new FakeExcel([{ ...sheet(2), fills: { F3: "#00B050" } }]);
    const cells = [{ sheet: "考核", cell: "F3" }, { sheet: "考核", cell: "F4" }];
    expect(await createOfficePort(excel.env()).readFills!(cells)).toEqual(["#00B050", null]);
    const old = new FakeExcel([{ ...sheet(2), fills: { F3: "#00B050" } }], EXCEL_2019);
    expect(await createOfficePort(old.env()).readFills!(cells)).toEqual(["#00B050", null]);
  });

  it("restores the user's fill, clears where there was none, and leaves a fill the user set since", async () => {
    const excel = new FakeExcel([{ ...sheet(4), fills: { F3: "#FFC7CE", F4: "#FFEB9C", F5: "#00B050" } }]);
    await createOfficePort(excel.env()).apply({
      ...none,
      clearMarks: [
        { sheet: "考核", cell: "F3", restoreFill: "#DDEBF7" },
        { sheet: "考核", cell: "F4", restoreFill: null },
        { sheet: "考核", cell: "F5", restoreFill: "#DDEBF7" },
      ],
    });
    const fills = excel.sheet("考核").fills;
    expect([fills.get("F3"), fills.get("F4"), fills.get("F5")]).toEqual(["#DDEBF7", undefined, "#00B050"]);
  });
});

describe("validation and conditional marks", () => {
  const v = { sheet: "考核", range: "F3:F5", rule: { kind: "decimal" as const, min: 0, max: 2 }, prompt: "0 到 2 分", error: "超出范围" };

  it("adds ours with a warning, keeps the user's, removes only ours", async () => {
    const excel = new FakeExcel([sheet(4)]);
    excel.sheet("考核").validations.set("F4", { type: "WholeNumber", rule: {}, prompt: { title: "用户" }, errorAlert: { style: "Stop" } });
    const port = createOfficePort(excel.env());
    await port.apply({ ...none, validations: [v] });
    const val = excel.sheet("考核").validations;
    expect(val.get("F3")).toMatchObject({ type: "Decimal", prompt: { title: VALIDATION_TITLE, message: "0 到 2 分" }, errorAlert: { style: "Warning" } });
    expect(val.get("F4")?.prompt.title).toBe("用户");
    expect(val.get("F5")?.prompt.title).toBe(VALIDATION_TITLE);
    await port.apply({ ...none, clearValidations: [{ sheet: "考核", range: "F3:F5" }] });
    expect([val.has("F3"), val.get("F4")?.prompt.title, val.has("F5")]).toEqual([false, "用户", false]);
  });

  it("adds conditional marks and removes only ours", async () => {
    const excel = new FakeExcel([sheet(4)]);
    const port = createOfficePort(excel.env());
    const mark = { sheet: "考核", range: "F3:F6", formula: "OR(F3<0,F3>D3)", color: LIVE_MARK_COLOR };
    await port.apply({ ...none, conditional: [mark, { ...mark, color: "#00FF00" }] });
    expect(excel.sheet("考核").cfs.map((c) => [c.formula, c.fill])).toEqual([["=OR(F3<0,F3>D3)", LIVE_MARK_COLOR], ["=OR(F3<0,F3>D3)", "#00FF00"]]);
    await port.apply({ ...none, clearConditional: [{ sheet: "考核", range: "F3:F6" }] });
    expect(excel.sheet("考核").cfs.map((c) => c.fill)).toEqual(["#00FF00"]);
  });
});

describe("the written column and the result sheet", () => {
  it("copies the table's formats with copyFrom, sets the width and extends the print area", async () => {
    const excel = new FakeExcel([{ ...sheet(4), printArea: "$A$1:$G$6" }]);
    excel.sheet("考核").formats.set("G3", { numberFormat: "0.0", borders: "thin" });
    await createOfficePort(excel.env()).apply({
      ...none,
      values: [{ sheet: "考核", address: "H2", values: [["核算得分"], [1], [2]], formatFrom: { column: "G" }, columnWidth: 10, extendPrintArea: true }],
    });
    expect(excel.calls).toContain("copyFrom G2:G4 → H2:H4");
    expect(excel.format("考核", "H3")).toEqual({ numberFormat: "0.0", borders: "thin" });
    expect(excel.sheet("考核").widths.get(7)).toBeGreaterThan(0);
    expect(excel.sheet("考核").printArea).toBe("A1:H6");
  });

  it("writes number formats, bold, wrap, widths, print setup, and hides the mapping sheet", async () => {
    const excel = new FakeExcel([sheet(2)]);
    await createOfficePort(excel.env()).apply({
      ...none,
      sheets: [
        { name: "核算结果", rows: [[`${SHEET_MARKER})`], ["得分率", 0.9]], formats: [[null], [null, "0.0%"]], boldRows: [0], wrap: true, lineRows: [0], widths: [12, 20], print: { landscape: true, fitToWidth: true, titleRows: [0, 1] } },
        { name: MAPPING_SHEET, rows: [["设置"]], hidden: true },
      ],
    });
    const s = excel.sheet("核算结果");
    expect(excel.format("核算结果", "B2").numberFormat).toBe("0.0%");
    expect(excel.format("核算结果", "A1")).toMatchObject({ bold: true, wrapText: false }); // the title line runs over, unwrapped
    expect(excel.format("核算结果", "B2")).toMatchObject({ wrapText: true });
    expect(s.autofitRows).toEqual(["A1:B2"]);
    expect(s.layout).toEqual({ orientation: "Landscape", paperSize: "A4", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
    expect(s.printTitles).toBe("$1:$2");
    expect(excel.sheet(MAPPING_SHEET).hidden).toBe(true);
  });

  it("refuses to write into a merged area (a signature line), writing nothing", async () => {
    const s = sheet(2);
    s.cells.push(["填表人:张三  审核人:李四"]);
    s.merges = [...(s.merges ?? []), "A5:I5"];
    const excel = new FakeExcel([s]);
    const before = excel.snapshot();
    const e = await failure(
      createOfficePort(excel.env()).apply({
        ...none,
        values: [{ sheet: "考核", address: "H2", values: [["核算得分"], [1], [2], ["最终得分 3"]] }],
        marks: [{ sheet: "考核", cell: "F3", color: "#FFC7CE", note: "x" }],
      }),
    );
    expect(e.message).toContain("H2:H5 中有合并单元格");
    expect(excel.snapshot()).toEqual(before);
  });

  it("refuses to replace a sheet of that name the user made, writing nothing", async () => {
    const excel = new FakeExcel([sheet(2), { name: "核算结果", cells: [["我的汇总"]] }]);
    const before = excel.snapshot();
    const e = await failure(
      createOfficePort(excel.env()).apply({
        ...none,
        values: [{ sheet: "考核", address: "H2", values: [["核算得分"]] }],
        sheets: [{ name: "核算结果", rows: [[`${SHEET_MARKER})`]] }],
      }),
    );
    expect(e.message).toContain("不是考核计分助手生成的");
    expect(excel.snapshot()).toEqual(before);
  });
});

describe("change events", () => {
  it.each([["one event for every sheet (ExcelApi 1.9)", undefined], ["one per sheet (ExcelApi 1.7)", ["1.1", "1.2", "1.7"]]])("%s", async (_, sets) => {
    const excel = new FakeExcel([sheet(2), sheet(2, "其他")], sets);
    const port = createOfficePort(excel.env());
    const seen: string[] = [];
    const stop = await port.subscribe!((c) => void seen.push(`${c.sheet}!${c.address}`));
    await excel.userTypes("其他", "F3", 2);
    expect(seen).toEqual(["其他!F3"]);
    stop();
    await new Promise((r) => setTimeout(r, 0));
    expect(excel.handlers).toHaveLength(0);
  });
});
