/**
 * The facade every front end calls (the pane in Excel and WPS, the preview, the CLI): it wires
 * layout detection, scoring, statistics checks, schemes and cross-checks into one Report.
 */
import { compact, type Grid } from "./core/grid";
import { renderFinding, type Finding } from "./core/findings";
import { scoreTablesOf } from "./core/layout/mapping";
import type { ScoreTable } from "./core/layout/detect";
import { scoreTable, unitClassesOf } from "./core/score";
import { summarize, type Report, type ScoreSheetReport, type SheetReport } from "./core/report";
import { checkStatistics, detectStatistics, statisticsReport, type StatisticsTable } from "./core/stats";
import { NoTableError, OptionError } from "./core/errors";
import { runCrossChecks } from "./core/crosscheck";
import { recognizeScheme } from "./schemes/recognize";
import type { Scheme } from "./schemes/types";
import type { SheetWrite, WorkbookChanges, WorkbookPort } from "./hosts/port";
import { mappingRows, readMappings, type ColumnMapping } from "./core/mapping";
import { MAPPING_SHEET } from "./footprint";
import { markCells, planChanges, rememberTable, type PlanOptions, type WritebackPlan } from "./writeback";
import { readUnit } from "./core/unit";
import { checkSummaries, type SummaryTarget } from "./core/summary";

export { describeChanges, RESULT_SHEET, type PlanOptions, type WritebackPlan } from "./writeback";
export { readMappings, type ColumnMapping } from "./core/mapping";

export interface CheckOptions {
  /** Header of the score column to score (自查评分, 考核评分 …); default each table's first. */
  column?: string;
  /**
   * Unit class for rates by class (一类, 二类 …); default the class written in the sheet
   * ("单位类别:二类") when the rules name it, else the first the rules name.
   */
  unitClass?: string;
  /** The file name, shown in the report; null in a host. */
  file?: string | null;
  /**
   * Column mappings the clerk chose (see core/mapping.ts); when absent, the ones stored in the
   * workbook's mapping sheet apply. A mapped sheet is read by its mapping instead of by detection.
   */
  mapping?: ColumnMapping[];
}

export interface CheckResult {
  report: Report;
  grids: Grid[];
}

function matchClass(wanted: string, classes: string[]): string | null {
  const w = compact(wanted).replace(/(考核)?单位$/, "");
  return classes.find((c) => compact(c) === w) ?? classes.find((c) => w.startsWith(compact(c)) || compact(c).startsWith(w)) ?? null;
}

/**
 * The unit class to score a table for, as the check settles it: the one asked for (one its rules or
 * template do not know throws OptionError), else the class written in the sheet ("单位类别:二类")
 * when they know it; undefined leaves scoreTable its default (unitClassOf). The pane's opening
 * scan settles it the same way, so its choice is the class 计算 uses.
 */
export function askedUnitClass(table: ScoreTable, scheme: Scheme | null, asked: string | undefined, written: string | null): string | undefined {
  const classes = unitClassesOf(table).concat(scheme?.unitClasses ?? []);
  if (!classes.length) return undefined;
  if (asked) {
    const unitClass = matchClass(asked, classes);
    if (!unitClass) throw new OptionError(`考核单位类别“${asked}”不在本表规则中(可选:${[...new Set(classes)].join("、")})`);
    return unitClass;
  }
  return written ? (matchClass(written, classes) ?? undefined) : undefined;
}

/**
 * Checks grids: every score table is scored, every statistics table checked, and the score
 * sheets cross-checked against the statistics of the same workbook.
 * Throws NoTableError when no sheet holds either table, OptionError for an unknown unit class.
 */
export function checkGrids(grids: Grid[], options: CheckOptions = {}): Report {
  const sheets: SheetReport[] = [];
  const findings: Finding[] = [];
  const scored: Array<{ report: ScoreSheetReport; scheme: Scheme | null }> = [];
  const stats: Array<{ sheet: string; table: StatisticsTable }> = [];
  // sums of the scored sheets (汇总表) are read and checked once every sheet is scored
  const targets: SummaryTarget[] = [];
  const others: Grid[] = [];
  // Sheets the add-in wrote (核算结果, 核算结果(2) …, the mapping sheet) are never scored; a user's
  // own sheet that happens to be named 核算结果 is. A summary of the other sheets is not scored.
  const mappings = options.mapping ?? readMappings(grids);
  const { usable, tables, summaries: named } = scoreTablesOf(grids, mappings);
  // The class written in the sheet ("单位类别:二类") applies when the rules know it; --class wins.
  const written = options.unitClass ? null : readUnit(usable).unitClass;

  for (const [i, grid] of usable.entries()) {
    const table = tables[i];
    if (table) {
      const scheme = recognizeScheme(usable, grid);
      const unitClass = askedUnitClass(table, scheme, options.unitClass, written);
      const out = scoreTable(grid, table, { column: options.column, unitClass, scheme });
      // the plan builds on this table, unless the check was told a mapping the workbook does not store
      if (!options.mapping) rememberTable(out.report, grid, table, scheme);
      sheets.push(out.report);
      findings.push(...out.findings);
      scored.push({ report: out.report, scheme });
      const scoreIn = (column: string) => scoreTable(grid, table, { column, unitClass, scheme }).report;
      targets.push({ sheet: grid.name, report: out.report, scoreIn });
    }
    const st = detectStatistics(grid);
    if (st) {
      sheets.push(statisticsReport(st));
      findings.push(...checkStatistics(st));
      stats.push({ sheet: grid.name, table: st });
    }
    if (!table && !st && !mappings.some((m) => m.sheet === grid.name)) others.push(grid);
  }
  if (sheets.length === 0) throw new NoTableError(options.file ?? null);
  for (const s of scored) if (s.scheme) findings.push(...runCrossChecks(s.scheme, s.report, stats));
  findings.push(...checkSummaries(others, targets, named));

  const rendered = findings.map(renderFinding);
  return {
    schemaVersion: 1,
    file: options.file ?? null,
    column: options.column ?? scored[0]?.report.column ?? null,
    sheets,
    findings: rendered,
    summary: summarize(rendered),
  };
}

/** Reads every sheet of the open workbook through its port and checks them. */
export async function checkWorkbook(port: WorkbookPort, options: CheckOptions = {}): Promise<CheckResult> {
  const grids = await port.readSheets();
  return { grids, report: checkGrids(grids, options) };
}

/**
 * What 写回 changes, host-neutral: the 核算得分 column (only into cells that hold nothing, or
 * that an earlier run wrote; live formulas with their values cached, plain values with
 * `{ values: true }`), validation and conditional marks on the entry cells, marks on cells with
 * errors and warnings (recording the fill each one covers, read through the port), the 核算结果
 * sheet, and the clearing of what an earlier run left (restoring the fills it recorded). The
 * port is only read, never written.
 */
export async function planWriteback(
  result: CheckResult,
  port?: Pick<WorkbookPort, "readFills">,
  options: PlanOptions = {},
): Promise<WritebackPlan> {
  const cells = markCells(result.report.findings);
  let fills: Map<string, string | null> | undefined;
  if (port?.readFills && cells.length) {
    const read = await port.readFills(cells);
    fills = new Map(cells.map((c, i) => [`${c.sheet}!${c.cell}`, read[i] ?? null]));
  }
  return planChanges(result.report, result.grids, { ...options, fills });
}
/**
 * The hidden sheet that stores the clerk's column mappings in the workbook (so the mapping travels
 * with the file and every host and the CLI read it). `mappings` is the whole list to keep: pass
 * the stored ones (`readMappings(grids)`) with the new one replacing any for the same sheet.
 */
export function mappingSheet(mappings: ColumnMapping[]): SheetWrite {
  return { name: MAPPING_SHEET, rows: mappingRows(mappings), widths: [16, 8, 8, 8, 10, 8, 8, 12], hidden: true };
}

/** A write-back that only stores the mappings (the pane applies it when the clerk confirms a mapping). */
export function mappingChanges(mappings: ColumnMapping[]): WorkbookChanges {
  return { clearMarks: [], values: [], marks: [], sheets: [mappingSheet(mappings)] };
}

/** The stored mappings with `mapping` in place of any for its sheet: what to pass to mappingSheet. */
export function withMapping(stored: ColumnMapping[], mapping: ColumnMapping): ColumnMapping[] {
  return [...stored.filter((m) => m.sheet !== mapping.sheet), mapping];
}

/** Applies a write-back plan through the port, in one batch. */
export async function applyWriteback(port: WorkbookPort, changes: WorkbookChanges): Promise<void> {
  return await port.apply(changes);
}
