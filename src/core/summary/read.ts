/**
 * Reads a summary sheet (汇总表: "类别 | 满分 | 自评得分 | 考核得分", one row per score sheet of the
 * workbook or per category of one, often closed by a 合计 row) into rows of label, declared 满分
 * and 得分 with their cells, and whether each number is a formula's cached result. A sheet is a
 * summary when the layout says so (`isSummary`: no criterion column, no rule, and its name or
 * title says it sums, or its points are formulas), or when its rows name the workbook's other
 * score sheets or their categories (`summedByName`); anything else reads as null.
 */
import { columnCount, compact, hasFormula, textOf, toA1, valueAt, type CellValue, type Grid } from "../grid";
import { findHeader, shownRow } from "../layout/header";
import { isSummary, type Indicator, type ScoreTable } from "../layout/detect";
import { parseMaxCell } from "../rules/parse";
import { NOTE_START, SIGNATURE, SUBTOTAL_WORDS, TOTAL_WORDS } from "../words/rows";
import { WEIGHT_WORDS } from "../words/summary";

/** One number of a summary row: where it stands, what it holds. */
export interface SummaryCell {
  /** A1, no `$`. */
  cell: string;
  /** The number shown (typed, or a formula's cached result); null when blank or not a number. */
  value: number | null;
  /** The cell holds a formula (its value is the result the file saved). */
  formula: boolean;
}

export interface SummaryRow {
  /** 0-based sheet row. */
  row: number;
  /** The name the row gives ("政务公开", "附件1 政务公开", "组织领导"), as written. */
  label: string;
  labelCell: string;
  /** "total": a 合计/总计 row, the sum of the rows above it. */
  kind: "item" | "total";
  /** The 满分 cell; null when the sheet has no 满分 column. */
  max: SummaryCell | null;
  /** One per score column of the sheet, in the order of `SummarySheet.columns`. */
  scores: SummaryCell[];
}

export interface SummarySheet {
  sheet: string;
  /** 0-based header row. */
  headerRow: number;
  /** The 满分 column's header ("满分", "分值"), null when none. */
  maxHeader: string | null;
  /** The 满分 column holds weights ("权重"), not maxima: not compared with the sheets' maxima. */
  weights: boolean;
  /** The score columns as headed ("自评得分", "考核得分"). */
  columns: string[];
  rows: SummaryRow[];
}

/** How many rows a summary may have: it sums sheets or categories, a few dozen at most. */
const MAX_ROWS = 500;

function numberAt(grid: Grid, row: number, col: number): SummaryCell {
  const mc = parseMaxCell(grid.cells[row]?.[col] ?? null);
  return { cell: toA1(row, col), value: mc.kind === "scored" && mc.note === undefined ? mc.max : null, formula: hasFormula(grid, row, col) };
}

/**
 * The values merged areas show in columns 0…`last` below `from` ("合计" merged over 序号 and
 * 名称, a category merged down its rows), by "row,col"; a cost of the covered cells only.
 */
function mergedShown(grid: Grid, from: number, last: number): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  for (const m of grid.merges) {
    if (m.bottom < from || m.left > last) continue;
    const v = valueAt(grid, m.top, m.left);
    for (let r = Math.max(m.top, from); r <= Math.min(m.bottom, grid.cells.length - 1); r++)
      for (let c = m.left; c <= Math.min(m.right, last); c++) out.set(`${r},${c}`, v);
  }
  return out;
}

/**
 * Reads a sheet as a summary; null when it is none (a score table, a statistics table, anything
 * else). `named`: the sheet is known to sum others (its rows name them), whatever the layout says.
 */
export function readSummary(grid: Grid, named = false): SummarySheet | null {
  const width = Math.max(columnCount(grid), ...grid.merges.map((m) => m.right + 1), 0);
  if (width === 0) return null;
  const header = findHeader(grid, width);
  if (!header) return null;
  const { columns } = header;
  if (columns.method !== null) return null;
  const labelCol = columns.title ?? columns.category[columns.category.length - 1] ?? null;
  if (labelCol === null || (columns.max === null && columns.scores.length === 0)) return null;
  const scoreCols = columns.scores.filter((s) => !s.deduction);
  if (scoreCols.length !== columns.scores.length) return null; // a 扣分 column: a score table's
  const numberCols = [columns.max, ...scoreCols.map((s) => s.col)].filter((c): c is number => c !== null);
  const firstNumber = Math.min(...numberCols);

  const last = Math.max(labelCol, firstNumber - 1);
  const merged = mergedShown(grid, header.end + 1, last);
  const shown = (r: number, c: number) => textOf(merged.get(`${r},${c}`) ?? valueAt(grid, r, c));
  const rows: SummaryRow[] = [];
  for (let r = header.end + 1; r < grid.cells.length; r++) {
    let label = shown(r, labelCol);
    let labelAt = labelCol;
    if (!label) {
      // "合计" written in the 序号 column, or merged over the label columns
      for (let c = 0; c < firstNumber && !label; c++) if ((label = shown(r, c))) labelAt = c;
    }
    const key = compact(label);
    if (!key || SIGNATURE.test(key) || NOTE_START.test(key) || SUBTOTAL_WORDS.test(key)) continue;
    const max = columns.max !== null ? numberAt(grid, r, columns.max) : null;
    const scores = scoreCols.map((s) => numberAt(grid, r, s.col));
    // a row of text only (a section heading, a note) has nothing to sum or check
    if (![max, ...scores].some((c) => c && c.value !== null)) continue;
    rows.push({ row: r, label, labelCell: toA1(r, labelAt), kind: TOTAL_WORDS.test(key) ? "total" : "item", max, scores });
    if (rows.length > MAX_ROWS) return null;
  }
  if (!rows.some((r) => r.kind === "item")) return null;

  const maxHeader = columns.max !== null ? compact(textOf(shownRow(grid, grid.merges, header.row, width)[columns.max])) : null;
  const summary: SummarySheet = {
    sheet: grid.name,
    headerRow: header.row,
    maxHeader,
    weights: maxHeader !== null && WEIGHT_WORDS.test(maxHeader),
    columns: scoreCols.map((s) => s.header),
    rows,
  };
  return named || isSummary(grid, asTable(grid, header.row, columns, summary)) ? summary : null;
}

/**
 * The summary's rows as the layout's table, for the layout's own test of what a summary is (the
 * one definition detection also uses).
 */
function asTable(grid: Grid, headerRow: number, columns: ScoreTable["columns"], s: SummarySheet): ScoreTable {
  const titleLines: string[] = [];
  for (let r = 0; r < headerRow; r++) {
    const t = (grid.cells[r] ?? []).map(textOf).filter(Boolean).join(" ");
    if (t) titleLines.push(t);
  }
  const items: Indicator[] = s.rows
    .filter((r) => r.kind === "item")
    .map((r) => ({
      row: r.row,
      id: null,
      title: r.label,
      groups: [],
      kind: "scored",
      max: r.max?.value ?? null,
      sign: null,
      sectionCap: null,
      rules: [],
      issues: [],
      maxCell: r.max?.cell ?? null,
      declared: null,
    }));
  return {
    sheet: grid.name,
    title: titleLines.join("\n"),
    headerRow,
    columns,
    groups: new Map(),
    items,
    total: null,
    subtotals: [],
    lastRow: s.rows[s.rows.length - 1].row,
  };
}
