/**
 * The plan of 写回, host-neutral: the 核算得分 column beside each score table (only where the
 * cells are truly free or provably ours), reversible marks on cells with errors and warnings,
 * the 核算结果 sheet (ours, recognisable by its marker), and the clearing of the marks an earlier
 * run left, each restoring the fill the user had.
 */
import { toA1, columnLetters, type CellValue, type Grid } from "../core/grid";
import { fmt, type RenderedFinding } from "../core/findings";
import type { Report, ScoreSheetReport } from "../core/report";
import { MAX_CELL_TEXT, RESULT_HEADER } from "../footprint";
import type { RangeWrite, WorkbookChanges } from "../hosts/port";
import { FINAL_LABEL, chooseColumn, columnRows } from "./column";
import { planMarks, type PlannedMark } from "./marks";
import { ourResultSheet, previousColumns, previousMarks, resultSheetName } from "./record";
import { resultSheet, type SheetPlacement } from "./result-sheet";
import { capText } from "./text";

/** Width (characters) of the 核算得分 column. */
export const RESULT_COLUMN_WIDTH = 10;

/** What the plan decided, beyond the changes themselves: describeChanges reads it. */
export interface PlanSummary {
  placements: SheetPlacement[];
  /** The 核算结果 sheet written, whether it replaces our earlier one, and user sheets of that name left alone. */
  resultSheet: { name: string; existing: boolean; userSheets: string[] };
  marks: PlannedMark[];
  /** Marks of an earlier run on cells not marked again (their problem is gone). */
  resolved: number;
}

/** WorkbookChanges with what describeChanges needs to say; hosts read only the changes. */
export interface WritebackPlan extends WorkbookChanges {
  summary: PlanSummary;
}

export interface PlanInput {
  /** The fill the host read on each cell to mark, "sheet!A1" → "#RRGGBB" or null; absent when unknown. */
  fills?: Map<string, string | null>;
}

function itemValue(item: ScoreSheetReport["items"][number], vetoCells: Set<string>): CellValue {
  if (!item.applicable) return "不适用";
  if (item.kind === "veto") return vetoCells.has(item.cell) ? "已触发" : "未触发";
  return item.score;
}

/** What each row (0-based) of a sheet's column holds: items, subtotals and the 合计 row's final. */
function columnValues(s: ScoreSheetReport, findings: RenderedFinding[]): Map<number, CellValue> {
  const vetoCells = new Set(findings.filter((f) => f.sheet === s.sheet && f.code === "veto_applied").map((f) => f.cell ?? ""));
  const byRow = new Map<number, CellValue>(s.items.map((it) => [it.row - 1, itemValue(it, vetoCells)]));
  for (const st of s.subtotals) byRow.set(st.row - 1, st.score);
  if (s.placement.totalRow !== null) byRow.set(s.placement.totalRow, s.total.final);
  return byRow;
}

function placeSheet(grid: Grid | undefined, s: ScoreSheetReport, findings: RenderedFinding[], grids: Grid[]): { placement: SheetPlacement; write: RangeWrite | null } {
  const values = columnValues(s, findings);
  const p = s.placement;
  const none = (skip: SheetPlacement["skip"]): { placement: SheetPlacement; write: null } => ({
    placement: { sheet: s.sheet, range: null, skip, finalCell: null, values },
    write: null,
  });
  if (!grid || p.scoreColumn < 0) return none("no_score_column");
  const wanted = (r: number): CellValue => (r === p.headerRow ? RESULT_HEADER : (values.get(r) ?? ""));
  const final = `${FINAL_LABEL} ${fmt(s.total.final)}`;
  const record = previousColumns(grids);
  const choice = chooseColumn(grid, s, wanted, final, {
    recorded: record?.get(s.sheet),
    legacy: record === null && ourResultSheet(grids) !== null,
  });
  if (choice.col === null) return none(choice.skip);
  const col = choice.col;
  const rows: CellValue[][] = [];
  const { first, last: lastRow } = columnRows(s);
  for (let r = first; r <= lastRow; r++) rows.push([wanted(r)]);
  if (choice.finalRow !== null) rows.push([final]);
  const last = p.headerRow + rows.length - 1;
  return {
    placement: {
      sheet: s.sheet,
      range: `${toA1(p.headerRow, col)}:${toA1(last, col)}`,
      finalCell: choice.finalRow !== null ? toA1(choice.finalRow, col) : null,
      finalSkip: choice.finalSkip,
      values,
    },
    write: {
      sheet: s.sheet,
      address: toA1(p.headerRow, col),
      values: rows.map((row) => row.map((v) => (typeof v === "string" ? capText(v, MAX_CELL_TEXT) : v))),
      formatFrom: { column: columnLetters(p.scoreColumn) },
      columnWidth: RESULT_COLUMN_WIDTH,
      extendPrintArea: true,
    },
  };
}

/** The whole write-back for a report, host-neutral. */
export function planChanges(report: Report, grids: Grid[], input: PlanInput = {}): WritebackPlan {
  const values: RangeWrite[] = [];
  const placements: SheetPlacement[] = [];
  for (const s of report.sheets) {
    if (s.kind !== "score") continue;
    const { placement, write } = placeSheet(
      grids.find((g) => g.name === s.sheet),
      s,
      report.findings,
      grids,
    );
    placements.push(placement);
    if (write) values.push(write);
  }
  const names = new Set(grids.map((g) => g.name));
  const previous = previousMarks(grids).filter((m) => names.has(m.sheet));
  const marks = planMarks(report.findings, grids, previous, input.fills ?? new Map());
  const marked = new Set(marks.map((m) => `${m.sheet}!${m.cell}`));
  const where = resultSheetName(grids);
  return {
    clearMarks: previous,
    values,
    marks: marks.map(({ sheet, cell, color, note }) => ({ sheet, cell, color, note })),
    sheets: [resultSheet(report, where.name, placements, marks)],
    summary: {
      placements,
      resultSheet: where,
      marks,
      resolved: previous.filter((m) => !marked.has(`${m.sheet}!${m.cell}`)).length,
    },
  };
}
