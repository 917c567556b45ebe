/**
 * A score table read by a column mapping the clerk chose (core/mapping.ts) instead of by header
 * words: the header row and each column's role are given; the rows below are read by the same
 * steps as a detected table (sections, merged categories, 小计/合计, notes, indicators), so a
 * mapped table scores exactly like a detected one.
 */
import { compact, parseA1, textOf, valueAt, type Grid } from "../grid";
import type { ColumnMapping } from "../mapping";
import { MAPPING_SHEET, RESULT_HEADER, SHEET_MARKER } from "../../footprint";
import { summedByName } from "../summary/match";
import { detectScoreTable, type ScoreTable } from "./detect";
import { blankColumnName, headerKey, roleOf, type ColumnMap, type ScoreColumn } from "./columns";

const column = (letters: string | null): number | null => (letters ? (parseA1(letters + "1")?.col ?? null) : null);

/** The column map a mapping states, with each score column named by its header cell's text. */
export function columnsOfMapping(grid: Grid, mapping: ColumnMapping): ColumnMap | null {
  const row = mapping.headerRow - 1;
  const title = column(mapping.title);
  if (title === null) return null;
  const scores: ScoreColumn[] = [];
  mapping.scores.forEach((letters) => {
    const col = column(letters);
    if (col === null || scores.some((s) => s.col === col)) return;
    const text = compact(textOf(valueAt(grid, row, col)));
    const role = roleOf(text);
    // a blank header cell (or our 核算得分) says nothing: the column is named as detection names it
    const header = text && headerKey(text) !== RESULT_HEADER ? text : blankColumnName(col);
    scores.push(role === "deduction" ? { col, header, deduction: true } : { col, header });
  });
  const category = column(mapping.category);
  const roles = [title, column(mapping.max), column(mapping.method), category, column(mapping.id), ...scores.map((s) => s.col)].filter(
    (c): c is number => c !== null,
  );
  let result: number | null = null;
  for (let c = 0; c < (grid.cells[row]?.length ?? 0); c++) if (headerKey(valueAt(grid, row, c)) === RESULT_HEADER) result = c;
  return {
    category: category === null ? [] : [category],
    id: column(mapping.id),
    title,
    max: column(mapping.max),
    method: column(mapping.method),
    scores,
    result,
    levelMax: new Map(),
    roleColumns: roles,
    first: Math.min(...roles),
    last: Math.max(...roles),
  };
}

/**
 * The score table a mapping describes (the same shape detectScoreTable returns), or null when the
 * mapping names no title column or no indicator row lies under its header.
 */
export function tableFromMapping(grid: Grid, mapping: ColumnMapping): ScoreTable | null {
  const columns = columnsOfMapping(grid, mapping);
  if (!columns) return null;
  return detectScoreTable(grid, { row: mapping.headerRow - 1, columns });
}

/**
 * Whether a sheet is one the add-in wrote (核算结果, 核算结果(2) …, the mapping sheet): its A1 starts
 * with SHEET_MARKER. Never scored; a user's own sheet that happens to be named 核算结果 is.
 */
export function isOwnSheet(grid: Grid): boolean {
  return grid.name === MAPPING_SHEET || textOf(grid.cells[0]?.[0] ?? null).startsWith(SHEET_MARKER);
}

/**
 * The score table of a sheet as the engine reads it: by the clerk's mapping for that sheet when
 * there is one, otherwise by detection. The one resolution checkGrids and the live formulas share.
 */
export function scoreTableOf(grid: Grid, mappings: ColumnMapping[]): ScoreTable | null {
  const mapping = mappings.find((m) => m.sheet === grid.name);
  return mapping ? tableFromMapping(grid, mapping) : detectScoreTable(grid);
}

/** The score tables of a workbook's sheets, as the engine reads them (see scoreTablesOf). */
export interface WorkbookTables {
  /** The sheets that are not ours (isOwnSheet), in workbook order. */
  usable: Grid[];
  /** Each usable sheet's score table (same index), null where it has none or sums the others. */
  tables: Array<ScoreTable | null>;
  /** Sheets whose table names the other score sheets in its rows: a summary (汇总表), not a score table. */
  summaries: Set<string>;
}

/**
 * The score tables of a workbook: every sheet but ours, each by scoreTableOf (the clerk's mapping
 * first, else detection); a table whose rows name the other score sheets sums them and is no score
 * table, unless a mapping names it. The one resolution checkGrids and describeWorkbook share, so
 * the pane's opening scan and 计算 always name the same tables and columns.
 */
export function scoreTablesOf(grids: Grid[], mappings: ColumnMapping[]): WorkbookTables {
  const usable = grids.filter((g) => !isOwnSheet(g));
  const found = usable.map((grid) => scoreTableOf(grid, mappings));
  const mapped = (t: ScoreTable) => mappings.some((m) => m.sheet === t.sheet);
  const summaries = summedByName(found.filter((t): t is ScoreTable => t !== null && !mapped(t)));
  const tables = found.map((t, i) => (summaries.has(usable[i].name) ? null : t));
  return { usable, tables, summaries };
}
