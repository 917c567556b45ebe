/**
 * The pane's state in one reducer (Fluent's hook/render split): the choices the workbook offers,
 * the shown result, progress and messages, live mode ("输入时自动计算") and the column mapping the
 * clerk chose. Components render it and dispatch; the reducer is pure and tested without the DOM.
 */
import { useReducer } from "react";
import type { ColumnMapping } from "../core/mapping";
import type { Report, ScoreSheetReport } from "../core/report";
import type { WorkbookChanges } from "../hosts/port";
import type { CheckOptions, CheckResult } from "./engine";
import type { WorkbookDescription } from "../describe";
import { NoTableError } from "../core/errors";

/** What the workbook offers to choose from, learnt from a report. */
export interface Choices {
  columns: string[];
  column: string;
  unitClasses: string[];
  unitClass: string;
  /** The workbook has a statistics sheet (then no score column is nothing to warn about). */
  statistics: boolean;
}

/** The choices from the light opening scan; no score or statistics sheet is "no table", as 计算 would say. */
export function choicesOfDescription(d: WorkbookDescription): Choices {
  if (!d.sheets.some((s) => s.kind !== "other")) throw new NoTableError(null);
  return { columns: d.scoreColumns, column: d.column, unitClasses: d.unitClasses, unitClass: d.unitClass ?? d.unitClasses[0] ?? "", statistics: d.statistics };
}

export const NO_CHOICES: Choices = { columns: [], column: "", unitClasses: [], unitClass: "", statistics: false };

export function choicesOf(report: Report): Choices {
  const scores = report.sheets.filter((s): s is ScoreSheetReport => s.kind === "score");
  const columns = [...new Set(scores.flatMap((s) => s.columns))];
  const withClasses = scores.find((s) => s.unitClasses.length > 0);
  return {
    columns,
    column: report.column ?? columns[0] ?? "",
    unitClasses: withClasses?.unitClasses ?? [],
    unitClass: withClasses?.unitClass ?? withClasses?.unitClasses[0] ?? "",
    statistics: report.sheets.some((s) => s.kind === "statistics"),
  };
}

/** The column and unit class a result was computed with, as the selects show them. */
export const shownChoice = (c: Pick<Choices, "column" | "unitClass">) => `${c.column}\u0000${c.unitClass}`;

export interface PaneState {
  choices: Choices;
  /** The opening read is under way. */
  scanning: boolean;
  /** The first reading failed for a reason other than "no table" (a cell in edit mode…): columns unknown yet. */
  unread: boolean;
  /** The last reading found no table: the pane offers to point at the table's columns. */
  noTable: boolean;
  /** A step the clerk started (计算, 写回…) and its progress text. */
  busy: string | null;
  /** A recalculation started by a change in the workbook (live mode). */
  recalculating: boolean;
  result: CheckResult | null;
  /** The selects' values the shown result was computed with. */
  computedWith: string | null;
  error: string | null;
  notice: string | null;
  pending: { changes: WorkbookChanges; lines: string[] } | null;
  /** The confirm dialog is open (the plan stays rendered while it fades out). */
  confirming: boolean;
  /** 输入时自动计算: on by default where the host reports changes. */
  live: boolean;
  /** The column mappings in force: chosen in this pane (then written by 写回) or null for the workbook's own. */
  mapping: ColumnMapping[] | null;
  /** The mapping form is open. */
  mapping_open: boolean;
}

export const initialPaneState: PaneState = {
  choices: NO_CHOICES,
  scanning: true,
  unread: false,
  noTable: false,
  busy: null,
  recalculating: false,
  result: null,
  computedWith: null,
  error: null,
  notice: null,
  pending: null,
  confirming: false,
  live: true,
  mapping: null,
  mapping_open: false,
};

export type PaneAction =
  | { type: "step_started"; text: string }
  | { type: "step_ended" }
  | { type: "failed"; message: string; noTable?: boolean; unread?: boolean }
  | { type: "scanned"; result: CheckResult; show: boolean }
  | { type: "described"; choices: Choices }
  | { type: "scan_ended" }
  | { type: "computed"; result: CheckResult }
  | { type: "recalc_started" }
  | { type: "recalc_ended" }
  | { type: "column_chosen"; column: string }
  | { type: "unit_class_chosen"; unitClass: string }
  | { type: "plan_ready"; changes: WorkbookChanges; lines: string[] }
  | { type: "confirm_closed" }
  | { type: "written"; notice: string }
  | { type: "live_set"; live: boolean }
  | { type: "mapping_opened" }
  | { type: "mapping_closed" }
  | { type: "mapping_set"; mapping: ColumnMapping[] };

export function paneReducer(state: PaneState, action: PaneAction): PaneState {
  switch (action.type) {
    case "step_started":
      return { ...state, busy: action.text, error: null, notice: null };
    case "step_ended":
      return { ...state, busy: null };
    case "failed":
      return {
        ...state,
        error: action.message,
        noTable: action.noTable ?? false,
        unread: action.unread ?? state.unread,
        // No table: the form to point at one opens by itself, so the clerk is never left with a dead end.
        mapping_open: action.noTable ? true : state.mapping_open,
      };
    case "scanned": {
      const choices = choicesOf(action.result.report);
      if (!action.show) return { ...state, choices, noTable: false };
      return { ...state, choices, noTable: false, unread: false, result: action.result, computedWith: shownChoice(choices) };
    }
    case "described":
      return { ...state, choices: action.choices, noTable: false };
    case "scan_ended":
      return { ...state, scanning: false };
    case "computed": {
      const learnt = choicesOf(action.result.report);
      const c = state.choices;
      const choices = {
        ...learnt,
        column: learnt.columns.includes(c.column) ? c.column : learnt.column,
        unitClass: c.unitClass || learnt.unitClass,
      };
      return { ...state, result: action.result, choices, unread: false, noTable: false, error: null, computedWith: shownChoice(choices) };
    }
    case "recalc_started":
      return { ...state, recalculating: true };
    case "recalc_ended":
      return { ...state, recalculating: false };
    case "column_chosen":
      return { ...state, choices: { ...state.choices, column: action.column } };
    case "unit_class_chosen":
      return { ...state, choices: { ...state.choices, unitClass: action.unitClass } };
    case "plan_ready":
      return { ...state, pending: { changes: action.changes, lines: action.lines }, confirming: true };
    case "confirm_closed":
      return { ...state, confirming: false };
    case "written":
      return { ...state, notice: action.notice };
    case "live_set":
      return { ...state, live: action.live };
    case "mapping_opened":
      return { ...state, mapping_open: true };
    case "mapping_closed":
      return { ...state, mapping_open: false };
    case "mapping_set":
      return { ...state, mapping: action.mapping, mapping_open: false };
  }
}

/** The options of the next check: the chosen column and unit class, and the mapping in force. */
export function checkOptions(state: PaneState): CheckOptions {
  const o: CheckOptions = { column: state.choices.column || undefined, unitClass: state.choices.unitClass || undefined };
  if (state.mapping) o.mapping = state.mapping;
  return o;
}

/** The shown result was computed with other selects than the ones shown. */
export const isStale = (s: PaneState) => s.result !== null && s.computedWith !== null && s.computedWith !== shownChoice(s.choices);

/** Which sheets a change must be on to matter: the score sheets of the last result, or any sheet when none is known. */
export function scoreSheets(state: PaneState): Set<string> | null {
  const report = state.result?.report;
  if (!report) return null;
  return new Set(report.sheets.filter((s) => s.kind === "score").map((s) => s.sheet));
}

/** The pane's state and its dispatch. */
export function usePaneState(initial: Partial<PaneState> = {}) {
  return useReducer(paneReducer, { ...initialPaneState, ...initial });
}
