/**
 * One workbook → what the batch keeps of it (WorkbookEntry): scored by the same facade as
 * `kaohe check` (so the ranking agrees with the check by construction), then boiled down to
 * totals, findings, lost points and the 自查/考核 comparison. Pure: grids in, data out.
 */
import { MergeIndex, compact, parseA1, textOf, type Grid } from "../core/grid";
import { detectScoreTable } from "../core/layout/detect";
import { mapColumns, type ColumnMap } from "../core/layout/columns";
import { KaoheError } from "../core/errors";
import { readUnit } from "../core/unit";
import type { ItemReport, Report, ScoreSheetReport } from "../core/report";
import { roundPoints } from "../core/rules/numbers";
import { checkGrids } from "../kaohe";
import type { CompareItem, LostItem, WorkbookEntry } from "./types";

/** A column the unit scores itself in (自查评分, 自评得分 …); the other score column is the 考核 one. */
const SELF_COLUMN = /自查|自评|自测|自报|自我评/;

export interface EntryOptions {
  file: string;
  folders?: string[];
  round?: string | null;
  /** The score column asked for (--column); otherwise 考核 where filled, else the first. */
  column?: string;
}

const scoreSheets = (r: Report) => r.sheets.filter((s): s is ScoreSheetReport => s.kind === "score");

/** Whether any item of the scored column holds an entry. */
function filled(r: Report): boolean {
  return scoreSheets(r).some((s) => s.items.some((i) => i.entered !== null && String(i.entered).trim() !== ""));
}

/** The text of each item's 评价办法 / 评分标准 cell, by sheet and 1-based row. */
type MethodTexts = Map<string, Map<number, string>>;

/**
 * The columns of each score sheet, by sheet (for its method and score columns): read from the
 * header row the check found, detected again only when that row alone does not say them.
 */
function tablesOf(grids: Grid[], sheets: ScoreSheetReport[]): Map<string, { grid: Grid; columns: ColumnMap }> {
  const out = new Map<string, { grid: Grid; columns: ColumnMap }>();
  for (const s of sheets) {
    const grid = grids.find((g) => g.name === s.sheet);
    if (!grid) continue;
    let columns = mapColumns(grid.cells[s.placement.headerRow] ?? []);
    if (!columns || columns.method === null) columns = detectScoreTable(grid)?.columns ?? columns;
    if (columns) out.set(s.sheet, { grid, columns });
  }
  return out;
}

function methodTexts(tables: ReturnType<typeof tablesOf>, sheets: ScoreSheetReport[]): MethodTexts {
  const out: MethodTexts = new Map();
  for (const s of sheets) {
    const t = tables.get(s.sheet);
    const col = t?.columns.method;
    if (!t || col === null || col === undefined) continue;
    const merges = new MergeIndex(t.grid);
    out.set(s.sheet, new Map(s.items.map((i) => [i.row, textOf(merges.shownValue(i.row - 1, col))])));
  }
  return out;
}

/** Whether the score column with this header holds any entry on an item row (read from the grid, not scored). */
function columnFilled(tables: ReturnType<typeof tablesOf>, sheet: ScoreSheetReport, header: string): boolean {
  const t = tables.get(sheet.sheet);
  const col = t?.columns.scores.find((c) => c.header === header)?.col;
  if (!t || col === undefined) return true; // cannot tell: score it and see
  return sheet.items.some((i) => textOf(t.grid.cells[i.row - 1]?.[col] ?? null) !== "");
}

/** The rule the item is scored by: its 评价办法 text, else the phrases the parser read. */
function ruleText(item: ItemReport, sheet: string, methods: MethodTexts): string {
  return methods.get(sheet)?.get(item.row) || [...new Set(item.rules.map((r) => r.text.trim()).filter(Boolean))].join(";");
}

function lostItems(r: Report, methods: MethodTexts): LostItem[] {
  const out: LostItem[] = [];
  for (const s of scoreSheets(r)) {
    const byRow = new Map<number, string[]>();
    for (const f of r.findings) {
      if (f.sheet !== s.sheet || !f.cell || f.severity === "info") continue;
      const at = parseA1(f.cell);
      if (at) byRow.set(at.row + 1, [...(byRow.get(at.row + 1) ?? []), f.message]);
    }
    for (const i of s.items) {
      if (!i.applicable) continue;
      const findings = byRow.get(i.row) ?? [];
      const vetoed = i.kind === "veto" && r.findings.some((f) => f.code === "veto_applied" && f.sheet === s.sheet && f.cell === i.cell);
      let lost = 0;
      if (i.kind === "scored" && i.max !== null) lost = roundPoints(i.max - i.score);
      else if (i.kind === "adjust" && i.score < 0) lost = roundPoints(-i.score);
      if (lost <= 0 && !vetoed) continue;
      out.push({ sheet: s.sheet, id: i.id, category: i.category, title: i.title, max: i.max, score: i.score, lost: Math.max(lost, 0), rule: ruleText(i, s.sheet, methods), findings, vetoed });
    }
  }
  return out;
}

function compareItems(self: Report, review: Report, methods: MethodTexts): CompareItem[] {
  const out: CompareItem[] = [];
  for (const s of scoreSheets(self)) {
    const other = scoreSheets(review).find((x) => x.sheet === s.sheet);
    if (!other) continue;
    const byRow = new Map(other.items.map((i) => [i.row, i]));
    for (const a of s.items) {
      const b = byRow.get(a.row);
      if (!b || a.kind === "veto" || !a.applicable || !b.applicable) continue;
      out.push({ sheet: s.sheet, id: a.id, title: a.title, max: a.max, self: a.score, review: b.score, diff: roundPoints(b.score - a.score), rule: ruleText(a, s.sheet, methods) });
    }
  }
  return out;
}

/** The 统计表 numbers in order (a signature for 年报雷同); null when the workbook has none. */
function statisticsOf(r: Report): WorkbookEntry["statistics"] {
  const stats = r.sheets.filter((s) => s.kind === "statistics");
  if (!stats.length) return null;
  const values: string[] = [];
  let nonZero = 0;
  for (const s of stats) {
    values.push(`${s.kind === "statistics" ? s.format : ""}:`);
    if (s.kind !== "statistics") continue;
    for (const row of s.rows) {
      const v = typeof row.value === "number" ? row.value : row.value === null ? "" : compact(String(row.value));
      if (typeof v === "number" && v !== 0) nonZero++;
      values.push(String(v));
    }
  }
  // A form left blank or all zero is not "the same numbers": too few to tell copying from chance.
  return nonZero >= 5 ? { sheet: stats[0].sheet, values: values.join("|") } : null;
}

/** An entry for a file that cannot be used: the message is the one `kaohe check` gives. */
export function failedEntry(options: EntryOptions, message: string): WorkbookEntry {
  return {
    file: options.file,
    folders: options.folders ?? [],
    round: options.round ?? null,
    unitName: null,
    unitClass: null,
    failure: message,
    scored: false,
    column: null,
    max: 0,
    final: 0,
    vetoed: false,
    findings: [],
    lost: [],
    compare: [],
    compareColumns: null,
    statistics: null,
  };
}

/**
 * Scores one workbook's grids for the batch. A workbook with no table becomes a failed entry
 * with the check's own message; an unknown --column is the check's finding, as in `kaohe check`.
 */
export function entryOf(grids: Grid[], options: EntryOptions): WorkbookEntry {
  let report: Report;
  try {
    report = checkGrids(grids, { file: options.file, column: options.column });
  } catch (e) {
    if (e instanceof KaoheError) return failedEntry(options, e.message);
    throw e;
  }
  const unit = readUnit(grids);
  let compare: CompareItem[] = [];
  let compareColumns: [string, string] | null = null;
  const first = scoreSheets(report)[0];
  const tables = tablesOf(grids, scoreSheets(report));
  const methods = methodTexts(tables, scoreSheets(report));
  if (first) {
    const self = first.columns.find((c) => SELF_COLUMN.test(c));
    const review = first.columns.find((c) => c !== self && !SELF_COLUMN.test(c));
    // A 考核 column left empty (most 自查 workbooks) is not scored a second time.
    if (self && review && columnFilled(tables, first, review)) {
      const again = (column: string) => (first.column === column ? report : checkGrids(grids, { file: options.file, column }));
      const selfReport = again(self);
      const reviewReport = again(review);
      const reviewFilled = filled(reviewReport);
      if (reviewFilled && filled(selfReport)) {
        compare = compareItems(selfReport, reviewReport, methods);
        compareColumns = [self, review];
      }
      if (!options.column && reviewFilled) report = reviewReport;
    }
  }
  const sheets = scoreSheets(report);
  const entry: WorkbookEntry = {
    file: options.file,
    folders: options.folders ?? [],
    round: options.round ?? null,
    unitName: unit.name,
    unitClass: unit.unitClass,
    failure: null,
    scored: sheets.length > 0,
    column: sheets[0]?.column ?? null,
    max: roundPoints(sheets.reduce((n, s) => n + s.total.max, 0)),
    final: roundPoints(sheets.reduce((n, s) => n + s.total.final, 0)),
    vetoed: sheets.some((s) => s.total.vetoed),
    findings: report.findings,
    lost: lostItems(report, methods),
    compare,
    compareColumns,
    statistics: statisticsOf(report),
  };
  // Texts cut from the workbook's strings can keep the whole parsed workbook alive; a copy holds
  // only what the batch keeps, so memory stays flat however many workbooks are read.
  return typeof structuredClone === "function" ? structuredClone(entry) : entry;
}
