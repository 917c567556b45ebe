/**
 * A light description of the open workbook for the pane's opening scan: which sheets look like
 * score tables, the headers of their score columns, the unit classes their rules name, and whether
 * a statistics sheet is there. One read of the sheets (the port's readSheets) and layout detection;
 * no scoring, no statistics check, no cross-check, so the pane can offer its choices before 计算.
 */
import { textOf, type Grid } from "./core/grid";
import { detectScoreTable, type ScoreTable } from "./core/layout/detect";
import { summedByName } from "./core/summary";
import { unitClassesOf } from "./core/score";
import { detectStatistics } from "./core/stats";
import { MAPPING_SHEET, SHEET_MARKER } from "./footprint";
import type { WorkbookPort } from "./hosts/port";
import { recognizeScheme } from "./schemes/recognize";

export interface SheetDescription {
  name: string;
  hidden: boolean;
  kind: "score" | "statistics" | "other";
  /** Headers of the score columns (自查评分, 考核评分 …), in sheet order; empty for other sheets. */
  scoreColumns: string[];
  /** Unit classes the sheet's rules (or its recognised template) name: 一类, 二类 … */
  unitClasses: string[];
}

export interface WorkbookDescription {
  sheets: SheetDescription[];
  /** Every score column header met, first sheet first, without repeats. */
  scoreColumns: string[];
  /** The unit classes of the first score sheet that names any. */
  unitClasses: string[];
  statistics: boolean;
}

/** Whether a sheet is one the add-in wrote (核算结果, the mapping sheet): not described. */
function isOurs(grid: Grid): boolean {
  return grid.name === MAPPING_SHEET || textOf(grid.cells[0]?.[0] ?? null).startsWith(SHEET_MARKER);
}

/** Describes grids already read (see describeWorkbook). */
export function describeGrids(grids: Grid[]): WorkbookDescription {
  const usable = grids.filter((g) => !isOurs(g));
  const tables = usable.map((grid) => detectScoreTable(grid));
  // a table whose rows name the other score sheets is their summary, not a score sheet (as checkGrids reads it)
  const named = summedByName(tables.filter((t): t is ScoreTable => t !== null));
  const sheets: SheetDescription[] = usable.map((grid, i) => {
    const table = named.has(grid.name) ? null : tables[i];
    if (table) {
      const scheme = recognizeScheme(usable, grid);
      const own = unitClassesOf(table);
      return {
        name: grid.name,
        hidden: !!grid.hidden,
        kind: "score",
        scoreColumns: table.columns.scores.map((s) => s.header),
        unitClasses: own.length ? own : (scheme?.unitClasses ?? []),
      };
    }
    const kind = detectStatistics(grid) ? "statistics" : "other";
    return { name: grid.name, hidden: !!grid.hidden, kind, scoreColumns: [], unitClasses: [] };
  });
  return {
    sheets,
    scoreColumns: [...new Set(sheets.flatMap((s) => s.scoreColumns))],
    unitClasses: sheets.find((s) => s.unitClasses.length)?.unitClasses ?? [],
    statistics: sheets.some((s) => s.kind === "statistics"),
  };
}

/** Reads the workbook once through its port and describes it (no full check). */
export async function describeWorkbook(port: WorkbookPort): Promise<WorkbookDescription> {
  return describeGrids(await port.readSheets());
}
