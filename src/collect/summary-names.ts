/**
 * The sheet names of 汇总.xlsx and how to know one again, apart from the builder (which needs
 * exceljs): the preview recognises an earlier summary among the inputs without loading exceljs.
 */
import { textOf, type Grid } from "../core/grid";

export const SUMMARY_SHEETS = { ranking: "排名", bulletin: "通报", compare: "自查与考核" } as const;
/** Prefix of each unit's 反馈单 sheet. */
export const FEEDBACK_PREFIX = "反馈单-";

/** Whether the grids are a summary workbook this module wrote (an earlier 汇总.xlsx left among the inputs). */
export function isSummaryWorkbook(grids: Grid[]): boolean {
  const first = grids[0];
  return first?.name === SUMMARY_SHEETS.ranking && textOf(first.cells[0]?.[0] ?? null).startsWith("考核排名") && grids.some((g) => g.name === SUMMARY_SHEETS.bulletin);
}
