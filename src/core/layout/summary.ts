/**
 * Summary sheets: a table of other sheets' totals ("类别 | 满分 | 得分", "考核结果汇总表") reads like
 * a score table by its header words but is none.
 */
import { hasFormula, textOf, valueAt, type Grid } from "../grid";
import { SUMMARY_WORDS } from "../words/rows";
import type { ScoreTable } from "./types";

/**
 * Whether a table read from `grid` is a summary of other sheets: no criterion column and no rule
 * anywhere, and either its name or title says it sums, or its points are formulas (they add up
 * cells of the sheets it sums). It is no score table: it has no rules to score by.
 */
export function isSummary(grid: Grid, table: ScoreTable): boolean {
  const { columns } = table;
  if (columns.method !== null || table.items.length === 0) return false;
  if (table.items.some((it) => it.rules.length > 0 || it.issues.length > 0 || it.kind !== "scored")) return false;
  if (table.items.some((it) => it.title.length > 30)) return false;
  const said = SUMMARY_WORDS.test(grid.name) || SUMMARY_WORDS.test(table.title);
  if (said) return true;
  const cols = [columns.max, ...columns.scores.map((s) => s.col)].filter((c): c is number => c !== null);
  let formulas = 0;
  let cells = 0;
  for (const it of table.items)
    for (const c of cols) {
      if (textOf(valueAt(grid, it.row, c)) === "") continue;
      cells++;
      if (hasFormula(grid, it.row, c)) formulas++;
    }
  return cells > 0 && formulas * 2 >= cells;
}
