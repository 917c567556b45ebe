/**
 * A light description of the open workbook for the pane's opening scan: which sheets look like
 * score tables, the headers of their score columns, the unit classes their rules name, and whether
 * a statistics sheet is there. One read of the sheets (the port's readSheets) and layout detection;
 * no scoring, no statistics check, no cross-check, so the pane can offer its choices before 计算.
 */
import type { Grid } from "./core/grid";
import { scoreTablesOf } from "./core/layout/mapping";
import { readMappings, type ColumnMapping } from "./core/mapping";
import { filledColumn, unitClassOf, unitClassesOf } from "./core/score";
import { readUnit } from "./core/unit";
import { detectStatistics } from "./core/stats";
import type { WorkbookPort } from "./hosts/port";
import { askedUnitClass } from "./kaohe";
import { recognizeScheme } from "./schemes/recognize";

export interface SheetDescription {
  name: string;
  hidden: boolean;
  kind: "score" | "statistics" | "other";
  /** Headers of the score columns (自查评分, 考核评分 …), in sheet order; empty for other sheets. */
  scoreColumns: string[];
  /**
   * The score column 计算 scores when none is chosen: the first, or the one the clerk filled when
   * the first holds no entry (as the check picks it); "" for other sheets.
   */
  column: string;
  /** Unit classes the sheet's rules (or its recognised template) name: 一类, 二类 … */
  unitClasses: string[];
  /** The unit class 计算 scores the sheet for when none is chosen (the one written in the sheet when the rules know it); null when none is named. */
  unitClass: string | null;
}

export interface WorkbookDescription {
  sheets: SheetDescription[];
  /** Every score column header met, first sheet first, without repeats. */
  scoreColumns: string[];
  /** The column 计算 scores on the first score sheet when none is chosen ("" when there is none). */
  column: string;
  /** The unit classes of the first score sheet that names any. */
  unitClasses: string[];
  /** The unit class 计算 scores that sheet for when none is chosen. */
  unitClass: string | null;
  /** A statistics table is there: on a sheet of its own (kind "statistics") or below a score table. */
  statistics: boolean;
}

export interface DescribeOptions {
  /**
   * Column mappings the clerk chose (see core/mapping.ts); when absent, the ones stored in the
   * workbook's mapping sheet apply, as in checkGrids.
   */
  mapping?: ColumnMapping[];
}

/**
 * Describes grids already read (see describeWorkbook). Each sheet's table is resolved as checkGrids
 * resolves it (scoreTablesOf: the add-in's own sheets left out, a mapped sheet read by its mapping,
 * a summary of the other sheets no score table), so the scan names what 计算 will score.
 */
export function describeGrids(grids: Grid[], options: DescribeOptions = {}): WorkbookDescription {
  const { usable, tables } = scoreTablesOf(grids, options.mapping ?? readMappings(grids));
  // the class written in the sheet ("单位类别:二类"), as checkGrids reads it
  const written = tables.some((t) => t !== null) ? readUnit(usable).unitClass : null;
  // a statistics table counts wherever it is, also below a score table on the same sheet (as checkGrids reads it)
  const statistics = usable.map((grid) => detectStatistics(grid) !== null);
  const sheets: SheetDescription[] = usable.map((grid, i) => {
    const table = tables[i];
    if (table) {
      const scheme = recognizeScheme(usable, grid);
      const own = unitClassesOf(table);
      return {
        name: grid.name,
        hidden: !!grid.hidden,
        kind: "score",
        scoreColumns: table.columns.scores.map((s) => s.header),
        column: filledColumn(grid, table, table.columns.scores[0] ?? null)?.header ?? "",
        unitClasses: own.length ? own : (scheme?.unitClasses ?? []),
        unitClass: unitClassOf(table, scheme, askedUnitClass(table, scheme, undefined, written)),
      };
    }
    const kind = statistics[i] ? "statistics" : "other";
    return { name: grid.name, hidden: !!grid.hidden, kind, scoreColumns: [], column: "", unitClasses: [], unitClass: null };
  });
  const classed = sheets.find((s) => s.unitClasses.length);
  return {
    sheets,
    scoreColumns: [...new Set(sheets.flatMap((s) => s.scoreColumns))],
    column: sheets.find((s) => s.kind === "score")?.column ?? "",
    unitClasses: classed?.unitClasses ?? [],
    unitClass: classed?.unitClass ?? null,
    statistics: statistics.some(Boolean),
  };
}

/** Reads the workbook once through its port and describes it (no full check). */
export async function describeWorkbook(port: WorkbookPort, options: DescribeOptions = {}): Promise<WorkbookDescription> {
  return describeGrids(await port.readSheets(), options);
}
