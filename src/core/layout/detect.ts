/**
 * Finds the score table in a sheet, wherever it stands, as a pipeline of small steps:
 * header (header.ts: by its words, or by what its columns hold) → rows (kinds.ts: each row taken by
 * the first row kind it is, over rows.ts's shown texts) → repairs of Word/WPS pastes (repairs.ts) →
 * groups numbered as parents (groups.ts) → indicators (indicators.ts) → not a summary of other
 * sheets (summary.ts). Every memory lives as long as one detection.
 */
import { columnCount, textOf, toA1, type Grid } from "../grid";
import { roleReader, type ColumnMap } from "./columns";
import { Categories, GroupMaker, numberedHeadings } from "./groups";
import { findHeader } from "./header";
import { blockSigns, buildIndicators, levelMaxima, ownPoints, ruleReader } from "./indicators";
import { noteBase, walkRows, type LayoutState } from "./kinds";
import { displacedNames, spanLostMerges } from "./repairs";
import { shownRow } from "./rows";
import { isSummary } from "./summary";
import type { ScoreTable } from "./types";

export type { Group, GroupKind, Indicator, ScoreTable, TotalRow } from "./types";
export { isSummary } from "./summary";

/**
 * Detects the score table of a sheet, or null when the sheet holds none; with `fixed`, reads the
 * table under that header row and those column roles instead of looking for them.
 * Never throws on odd content: what it cannot place, it leaves out.
 */
export function detectScoreTable(grid: Grid, fixed?: { row: number; columns: ColumnMap }): ScoreTable | null {
  return readTable(grid, fixed);
}

/**
 * Which row kind (kinds.ts) took each row under the header, in sheet order (0-based rows), up to
 * the row the table ends at (blank rows and rows below the end left out): how a reading came
 * about, for tests and for explaining it.
 */
export function rowKinds(grid: Grid, fixed?: { row: number; columns: ColumnMap }): Array<{ row: number; kind: string }> {
  const out: Array<{ row: number; kind: string }> = [];
  readTable(grid, fixed, (row, kind) => out.push({ row, kind }));
  return out;
}

function readTable(grid: Grid, fixed: { row: number; columns: ColumnMap } | undefined, trace?: (row: number, kind: string) => void): ScoreTable | null {
  const width = Math.max(columnCount(grid), ...grid.merges.map((m) => m.right + 1), 0);
  if (width === 0) return null;
  // 1. The header: the one the clerk pointed at (a column mapping), or found by its words.
  const header = fixed ? { row: fixed.row, end: fixed.row, columns: fixed.columns } : findHeader(grid, width);
  if (!header) return null;
  const { columns } = header;
  const table: ScoreTable = {
    sheet: grid.name,
    title: titleAbove(grid, header.row),
    headerRow: header.row,
    columns,
    groups: new Map(),
    items: [],
    total: null,
    subtotals: [],
    lastRow: header.end,
  };

  // 2. The rows, each taken by its kind.
  const parseRules = ruleReader();
  const groups = new GroupMaker(table);
  const state: LayoutState = {
    grid,
    width,
    columns,
    table,
    first: columns.first,
    last: Math.max(columns.last, columns.scores.at(-1)?.col ?? 0),
    parseRules,
    roleOf: roleReader(),
    groups,
    categories: new Categories(grid, columns, groups),
    rows: [],
    lowerHeader: header.end > header.row ? shownRow(grid, grid.merges, header.end, width) : null,
    section: null,
    repeatedAt: -1,
    totalLabel: "",
  };
  walkRows(state, header.end, trace);
  const { rows } = state;

  // 3. Repairs of what a paste lost.
  spanLostMerges(rows, ownPoints(parseRules));
  displacedNames(rows);
  // 4. Rows numbered as the parents of the rows below them.
  const headings = numberedHeadings(table, rows);
  // 5. Indicators.
  buildIndicators(table, rows, headings, parseRules);
  levelMaxima(table);
  blockSigns(table);
  settleBase(grid, table);

  if (isSummary(grid, table)) return null;
  return table.items.length > 0 || table.total ? table : null;
}

/**
 * The score every unit starts from: a note under the table says it, or else a line above the header
 * ("(基础分100分,扣完为止)"). It counts only for items with no 分值 of their own, that add to it or
 * take from it; where items have their 分值, "基础分" names their part of the whole and adds nothing.
 */
function settleBase(grid: Grid, table: ScoreTable): void {
  for (let r = 0; r < table.headerRow && !table.base; r++) {
    (grid.cells[r] ?? []).forEach((v, c) => typeof v === "string" && noteBase(table, v, toA1(r, c)));
  }
  if (table.items.some((it) => it.kind === "scored" && it.max !== null)) delete table.base;
}

/** Text above the header (the sheet's title lines), one line per row. */
function titleAbove(grid: Grid, headerRow: number): string {
  const lines: string[] = [];
  for (let r = 0; r < headerRow; r++) {
    const t = (grid.cells[r] ?? []).map(textOf).filter(Boolean).join(" ");
    if (t) lines.push(t);
  }
  return lines.join("\n");
}
