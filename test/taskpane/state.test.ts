/** The pane's reducer, without the DOM: what each event does to choices, results, live mode and the mapping. */
import { describe, expect, it } from "vitest";
import { NO_CHOICES, checkOptions, choicesOf, choicesOfDescription, initialPaneState, isStale, paneReducer, scoreSheets, type PaneAction, type PaneState } from "../../src/taskpane/state";
import type { ColumnMapping } from "../../src/core/mapping";
import { NoTableError } from "../../src/core/errors";
import { report, scoreSheet } from "./fixtures";

const run = (...actions: PaneAction[]) => actions.reduce(paneReducer, initialPaneState);
const result = (sheet = scoreSheet()) => ({ report: report([], sheet), grids: [] });
const MAPPING: ColumnMapping[] = [{ sheet: "考核", headerRow: 2, title: "B", max: "C", method: null, category: null, id: "A", scores: ["E"] }];

describe("paneReducer", () => {
  it("starts scanning, live, with no result, no choices and no mapping", () => {
    expect(initialPaneState).toMatchObject({ scanning: true, live: true, result: null, choices: NO_CHOICES, mapping: null, mapping_open: false });
  });

  it("learns the choices from the opening read and shows its result only in live mode", () => {
    const quiet = run({ type: "scanned", result: result(), show: false }, { type: "scan_ended" });
    expect(quiet.choices.columns).toEqual(["自查评分", "考核评分"]);
    expect(quiet.result).toBeNull();
    expect(quiet.scanning).toBe(false);
    const live = run({ type: "scanned", result: result(), show: true });
    expect(live.result?.report.sheets[0]).toMatchObject({ sheet: "考核" });
    expect(isStale(live)).toBe(false);
  });

  it("keeps the clerk's column across a new result when the workbook still has it", () => {
    const s = run({ type: "scanned", result: result(), show: false }, { type: "column_chosen", column: "考核评分" }, { type: "computed", result: result() });
    expect(s.choices.column).toBe("考核评分");
    const gone = run({ type: "column_chosen", column: "已删除的列" }, { type: "computed", result: result() });
    expect(gone.choices.column).toBe("自查评分");
  });

  it("says a result is stale when the selects moved after it, and not after a new one", () => {
    const s = run({ type: "computed", result: result() }, { type: "column_chosen", column: "考核评分" });
    expect(isStale(s)).toBe(true);
    expect(isStale(paneReducer(s, { type: "computed", result: result() }))).toBe(false);
  });

  it("opens the mapping form by itself when no table was found, and not for other failures", () => {
    expect(run({ type: "failed", message: "没有找到考核评分表", noTable: true })).toMatchObject({ noTable: true, mapping_open: true, error: "没有找到考核评分表" });
    expect(run({ type: "failed", message: "有单元格正处于编辑状态", unread: true })).toMatchObject({ noTable: false, mapping_open: false, unread: true });
  });

  it("a result clears the error and the no-table state", () => {
    const s = run({ type: "failed", message: "x", noTable: true }, { type: "computed", result: result() });
    expect(s).toMatchObject({ error: null, noTable: false, unread: false });
  });

  it("scores with the mapping once it is set, and closes the form", () => {
    const s = run({ type: "mapping_opened" }, { type: "column_chosen", column: "自查评分" }, { type: "mapping_set", mapping: MAPPING });
    expect(s.mapping_open).toBe(false);
    expect(checkOptions(s)).toEqual({ column: "自查评分", unitClass: undefined, mapping: MAPPING });
    expect(checkOptions(initialPaneState)).toEqual({ column: undefined, unitClass: undefined });
  });

  it("switches live mode off and on", () => {
    expect(run({ type: "live_set", live: false }).live).toBe(false);
    expect(run({ type: "live_set", live: false }, { type: "live_set", live: true }).live).toBe(true);
  });

  it("knows which sheets a change must be on to matter", () => {
    expect(scoreSheets(initialPaneState)).toBeNull();
    const statistics = { kind: "statistics" as const, sheet: "统计表", format: "2021" as const, rows: [] };
    const both = { report: { ...report([]), sheets: [scoreSheet(), statistics] }, grids: [] };
    expect([...scoreSheets(run({ type: "computed", result: both }))!]).toEqual(["考核"]);
  });

  it("opens the confirm dialog with the plan, closes it, and keeps the notice of a write", () => {
    const changes = { clearMarks: [], values: [], marks: [], sheets: [] };
    let s: PaneState = run({ type: "plan_ready", changes, lines: ["新建工作表“核算结果”"] });
    expect(s).toMatchObject({ confirming: true, pending: { lines: ["新建工作表“核算结果”"] } });
    s = paneReducer(s, { type: "confirm_closed" });
    expect(s.confirming).toBe(false);
    expect(s.pending).not.toBeNull(); // still rendered while the dialog fades out
    s = paneReducer(s, { type: "written", notice: "已写回工作簿" });
    expect(s.notice).toBe("已写回工作簿");
    expect(paneReducer(s, { type: "step_started", text: "正在核算…" })).toMatchObject({ notice: null, error: null, busy: "正在核算…" });
  });

  it("reads the choices of a report: columns, unit classes, statistics", () => {
    const c = choicesOf(report([], scoreSheet({ unitClasses: ["一类", "二类"], unitClass: "二类" })));
    expect(c).toEqual({ columns: ["自查评分", "考核评分"], column: "自查评分", unitClasses: ["一类", "二类"], unitClass: "二类", statistics: false });
  });
});

describe("choicesOfDescription", () => {
  const sheet = { name: "考核", hidden: false, kind: "score" as const, scoreColumns: ["自查评分", "考核评分"], column: "考核评分", unitClasses: ["一类", "二类"], unitClass: "二类" };
  const described = { sheets: [sheet], scoreColumns: sheet.scoreColumns, column: "考核评分", unitClasses: sheet.unitClasses, unitClass: "二类", statistics: false };

  it("selects the column and unit class the scan says 计算 uses, not merely the first ones", () => {
    expect(choicesOfDescription(described)).toEqual({ columns: ["自查评分", "考核评分"], column: "考核评分", unitClasses: ["一类", "二类"], unitClass: "二类", statistics: false });
    // the pane's first 计算 then asks for exactly those
    const state = paneReducer(initialPaneState, { type: "described", choices: choicesOfDescription(described) });
    expect(checkOptions(state)).toEqual({ column: "考核评分", unitClass: "二类" });
  });

  it("says no table when the scan found neither a score nor a statistics sheet", () => {
    const other = { ...sheet, kind: "other" as const, scoreColumns: [], column: "", unitClasses: [], unitClass: null };
    expect(() => choicesOfDescription({ ...described, sheets: [other], scoreColumns: [], column: "", unitClasses: [], unitClass: null })).toThrow(NoTableError);
  });
});
