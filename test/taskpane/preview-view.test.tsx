// @vitest-environment jsdom
/**
 * The preview's workbook view and its editable document: only a window of rows is in the page,
 * each cell carries its A1 address, entry cells take typing (Enter commits, Esc cancels), a long
 * text is cut; edits reach the port's listeners and the grids it serves.
 */
import "./dom";
import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider } from "@fluentui/react-components";
import ExcelJS from "exceljs";
import { kaoheTheme } from "../../src/taskpane/theme";
import { WorkbookView } from "../../src/preview/WorkbookView";
import { layoutOf, textWidth, windowOf } from "../../src/preview/layout";
import { editable, typedValue, withValue } from "../../src/preview/document";
import { openPreviewWorkbook } from "../../src/preview/workbook";
import type { Grid } from "../../src/core/grid";

afterEach(cleanup);

function tall(rows: number): Grid {
  const cells = [["类别", "序号", "目标要求", "分值", "自查评分"]];
  for (let i = 1; i <= rows; i++) cells.push([i === 1 ? "工作任务" : "", String(i), `第${i}项工作`, "2", "2"]);
  return { name: "考核评分表", cells, merges: [{ top: 1, left: 0, bottom: rows, right: 0 }] };
}

function renderView(grid: Grid, props: Partial<Parameters<typeof WorkbookView>[0]> = {}) {
  const onEdit = vi.fn();
  const onSelect = vi.fn();
  render(
    <FluentProvider theme={kaoheTheme}>
      <WorkbookView grids={[grid]} active={grid.name} onActivate={() => {}} looks={() => new Map()} selected={null} onSelect={onSelect} onEdit={onEdit} {...props} />
    </FluentProvider>,
  );
  return { onEdit, onSelect, user: userEvent.setup() };
}

const cell = (a1: string) => document.querySelector<HTMLElement>(`[data-cell="${a1}"]`);

describe("layout", () => {
  it("measures CJK wider than Latin, and stops counting at the limit", () => {
    expect(textWidth("考核")).toBe(24);
    expect(textWidth("ab")).toBe(14);
    expect(textWidth("长".repeat(1_000_000), 240)).toBeLessThan(260);
  });

  it("gives every row a top and finds the rows in sight by binary search", () => {
    const l = layoutOf(tall(20_000));
    expect(l.rows).toBe(20_001);
    expect(l.rowTop[l.rows]).toBeGreaterThan(20_000 * 20);
    const middle = l.rowTop[10_000];
    const w = windowOf(l, { top: middle, left: 0, width: 800, height: 400 });
    expect(w.r0).toBeLessThanOrEqual(10_000);
    expect(w.r0).toBeGreaterThan(9_990);
    expect(w.r1 - w.r0).toBeLessThan(40);
    expect(w.c1).toBe(4);
    expect(l.rowHeader).toBeGreaterThanOrEqual(5 * 7);
  });

  it("lets a long text take up to three lines, never more", () => {
    const l = layoutOf({ name: "s", cells: [["短"], ["长".repeat(1_000_000)]], merges: [] });
    const first = l.rowTop[1] - l.rowTop[0];
    const second = l.rowTop[2] - l.rowTop[1];
    expect(second).toBe(first + 32);
  });
});

describe("WorkbookView", () => {
  it("renders only the rows in sight of a 20,000-row sheet, each cell with its A1 address", () => {
    renderView(tall(20_000));
    const rows = document.querySelectorAll("[data-testid=sheet] tbody tr");
    expect(rows.length).toBeLessThan(120);
    expect(cell("C2")?.textContent).toBe("第1项工作");
    expect(cell("C20001")).toBeNull();
    // The merged 类别 cell is one cell spanning the rows in sight.
    expect(cell("A2")?.getAttribute("rowspan")).toBe(String(rows.length - 2));
  });

  it("cuts a cell of a million characters in the grid", () => {
    renderView({ name: "s", cells: [["长".repeat(1_000_000)]], merges: [] });
    expect(cell("A1")!.textContent!.length).toBeLessThan(1_000);
  });

  it("edits an entry cell: double-click, type, Enter commits", async () => {
    const { onEdit, onSelect, user } = renderView(tall(3), { editable: (_s, c) => c.startsWith("E") && c !== "E1" });
    await user.dblClick(cell("E3")!);
    expect(onSelect).toHaveBeenCalledWith({ sheet: "考核评分表", cell: "E3" });
    const editor = screen.getByRole("textbox", { name: "填写 E3" });
    expect((editor as HTMLInputElement).value).toBe("2");
    await user.clear(editor);
    await user.type(editor, "1.5{Enter}");
    expect(onEdit).toHaveBeenCalledTimes(1);
    expect(onEdit).toHaveBeenCalledWith("考核评分表", "E3", "1.5");
    expect(screen.queryByRole("textbox")).toBeNull();
  });

  it("Esc leaves the cell as it was; a cell outside the entries does not open", async () => {
    const { onEdit, user } = renderView(tall(3), { editable: (_s, c) => c === "E3" });
    await user.dblClick(cell("E3")!);
    await user.type(screen.getByRole("textbox", { name: "填写 E3" }), "9{Escape}");
    expect(onEdit).not.toHaveBeenCalled();
    await user.dblClick(cell("C3")!);
    expect(screen.queryByRole("textbox")).toBeNull();
    expect(screen.getByTestId("formula-bar").textContent).toContain("只有评分列");
  });

  it("starts editing when the clerk types on a selected entry cell, and moves with the arrow keys", async () => {
    const onEdit = vi.fn();
    const onSelect = vi.fn();
    const grid = tall(3);
    render(
      <FluentProvider theme={kaoheTheme}>
        <WorkbookView grids={[grid]} active={grid.name} onActivate={() => {}} looks={() => new Map()} selected={{ sheet: grid.name, cell: "E3" }} onSelect={onSelect} onEdit={onEdit} editable={(_s, c) => c === "E3"} />
      </FluentProvider>,
    );
    const scroller = screen.getByRole("region", { name: /工作表“考核评分表”的单元格/ });
    expect(scroller.tabIndex).toBe(0);
    fireEvent.keyDown(scroller, { key: "ArrowDown" });
    expect(onSelect).toHaveBeenLastCalledWith({ sheet: grid.name, cell: "E4" });
    fireEvent.keyDown(scroller, { key: "7" });
    const editor = screen.getByRole("textbox", { name: "填写 E3" });
    expect((editor as HTMLInputElement).value).toBe("7");
    fireEvent.keyDown(editor, { key: "Enter" });
    expect(onEdit).toHaveBeenCalledWith(grid.name, "E3", "7");
  });

  it("has one tab stop in the sheet tabs and no hidden focusable guard", () => {
    const a: Grid = { name: "甲", cells: [["x"]], merges: [] };
    const b: Grid = { name: "乙", cells: [["y"]], merges: [] };
    render(
      <FluentProvider theme={kaoheTheme}>
        <WorkbookView grids={[a, b]} active="甲" onActivate={() => {}} looks={() => new Map()} selected={null} />
      </FluentProvider>,
    );
    const tabs = screen.getAllByRole("tab");
    expect(tabs.map((t) => [t.textContent, t.getAttribute("aria-selected"), t.tabIndex])).toEqual([
      ["甲", "true", 0],
      ["乙", "false", -1],
    ]);
    expect(document.querySelectorAll('[aria-hidden="true"][tabindex], [aria-hidden="true"] [tabindex]').length).toBe(0);
  });
});

describe("the editable document", () => {
  it("reads a typed text as a number where it is one", () => {
    expect(typedValue("5")).toBe(5);
    expect(typedValue(" 2.5 ")).toBe(2.5);
    expect(typedValue("５")).toBe(5);
    expect(typedValue("")).toBeNull();
    expect(typedValue("满分")).toBe("满分");
    expect(typedValue("5分")).toBe("5分");
  });

  it("changes one cell of the grids without touching the others", () => {
    const g = tall(2);
    const [next] = withValue([g], g.name, 2, 4, 1);
    expect(next.cells[2][4]).toBe(1);
    expect(g.cells[2][4]).toBe("2");
    expect(next.cells[1]).toBe(g.cells[1]);
  });

  it("tells its listeners of an edit, serves the edited grids, and saves the edit", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("表").addRows([["序号", "得分"], [1, null]]);
    const book = await openPreviewWorkbook((await wb.xlsx.writeBuffer()) as ArrayBuffer, "表.xlsx");
    const doc = editable(book);
    const heard: unknown[] = [];
    const stop = await doc.port.subscribe!((c) => heard.push(c));
    const before = await doc.port.readSheets();
    expect(await doc.port.readSheets()).toBe(before); // from memory between changes
    await doc.edit("表", "B2", 7);
    expect(heard).toEqual([{ sheet: "表", address: "B2" }]);
    expect((await doc.port.readSheets())[0].cells[1][1]).toBe(7);
    stop();
    await doc.edit("表", "B2", 8);
    expect(heard).toHaveLength(1);
    const saved = new ExcelJS.Workbook();
    const blob = await doc.save();
    expect(blob.type).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    // jsdom's Blob has no arrayBuffer(): read it as a browser of 2019 would.
    const bytes = await new Promise<ArrayBuffer>((ok) => {
      const r = new FileReader();
      r.onload = () => ok(r.result as ArrayBuffer);
      r.readAsArrayBuffer(blob);
    });
    await saved.xlsx.load(bytes);
    expect(saved.getWorksheet("表")!.getCell("B2").value).toBe(8);
  });
});
