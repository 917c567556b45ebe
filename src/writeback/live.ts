/**
 * Live forms after 写回: the 核算得分 column holds formulas that compute what the engine computed
 * (clamps, caps, 扣分 columns, 不适用, group caps, 小计, veto, the final), with the engine's values
 * cached, so the workbook keeps its totals right when an entry changes, also on a machine without
 * the add-in. Entry cells get data validation (bounds from the rules, the rule text as the input
 * message, warning style) and a conditional format marking entries out of bounds as they are typed.
 *
 * Every formula is built as an expression that also evaluates itself (writeback/live/expr.ts);
 * before anything is written, its value on the current workbook must equal the engine's, cell by
 * cell. Where it cannot (an entry only the engine reads), that cell gets the engine's value.
 */
import { compact, hasFormula, parseA1, parseRange, toA1, valueAt, columnLetters, type CellValue, type Grid } from "../core/grid";
import { fmt } from "../core/findings";
import type { Group, Indicator, ScoreTable } from "../core/layout/detect";
import { isOwnSheet, scoreTableOf } from "../core/layout/mapping";
import { readMappings, type ColumnMapping } from "../core/mapping";
import type { ItemReport, Report, ScoreSheetReport } from "../core/report";
import { GROUP_CAP_DIRECTIONS, adjustLimits, readEntry } from "../core/score";
import { LIVE_MARK_COLOR } from "../footprint";
import type { ConditionalMark, RangeWrite, Validation, WorkbookChanges } from "../hosts/port";
import { recognizeScheme } from "../schemes/recognize";
import type { Scheme } from "../schemes/types";
import {
  ABS, IF, bool, ISNUMBER, MAX, MAX_LITERAL, MIN, OR, ROUND6, SUM, SUMIF, add, concat, eq, gt, neg, num, ref, str, sub,
  FormulaValueError, type Cells, type Context, type Expr, type Value,
} from "./live/expr";

/** What 核算得分 shows for a veto item, and for an item set to 不适用. */
export const VETO_TRIGGERED = "已触发";
export const VETO_NOT_TRIGGERED = "未触发";
export const NOT_APPLICABLE = "不适用";
/** The label of a final written below a table that has no 合计 row. */
export const FINAL_LABEL = "最终得分 ";

/**
 * Entries the formulas read as 不适用 / as a triggered veto, as typed (a spreadsheet compares
 * texts ignoring case, not spaces). The engine reads more ("本项不适用", "—", spaces inside): a
 * text present at 写回 is matched literally in its own formula; one typed later shows 0 until the
 * next 计算 (README, "写回后的实时公式"). For 不适用 only the shown text differs: an item that is not
 * applicable and one scored 0 add the same to every sum; a veto word decides the total, so the
 * veto list is the engine's whole list.
 */
const NOT_APPLICABLE_WORDS = ["不适用", "不涉及", "无此项", "/"];
const YES_WORDS = ["是", "有", "发生", "触发", "已触发", "√", "✓", "✔", "Y", "YES"];

/** Excel's limit on a formula's text. */
const MAX_FORMULA = 8000;
/** Excel's limits on an input message and an error message of a validation. */
const MAX_PROMPT = 255;
const MAX_ERROR = 225;
const EPS = 1e-6;

export interface LiveOptions {
  /** Every sheet of the workbook: for the scheme (its group caps) and the stored column mappings. */
  grids?: Grid[];
  /** The table the report was scored from; resolved as checkGrids does when absent. */
  table?: ScoreTable | null;
  /** The recognised scheme; resolved as checkGrids does when absent. */
  scheme?: Scheme | null;
  /** Column mappings in force (default: the ones stored in `grids`). */
  mappings?: ColumnMapping[];
}

/** One cell of the 核算得分 column: its formula ("=…", null for a plain value) and the value to show/cache. */
export interface LiveCell {
  formula: string | null;
  value: CellValue;
}

export interface LiveColumn {
  /** By 0-based sheet row: the item rows, the 小计 rows and the 合计 row. */
  cells: Map<number, LiveCell>;
  /** The final as a number (for a free cell the plan chooses). */
  final: LiveCell;
  /** The final as "最终得分 N" (below a table without a 合计 row). */
  labelledFinal: LiveCell;
  /** Why no formulas are given (then every cell carries the engine's value), null when they are. */
  reason: string | null;
  /**
   * What the formulas compute on another state of the sheet (the clerk changed entries): each
   * written row's value and the final, as a spreadsheet recalculating the workbook would show.
   */
  recompute(grid: Grid): { cells: Map<number, Value>; final: Value };
}

interface Resolved {
  table: ScoreTable;
  scheme: Scheme | null;
  /** The column scored, and whether it holds points taken off (扣分). */
  entryCol: number;
  deduction: boolean;
}

/** The table and scheme the report came from, as checkGrids resolves them; or why not. */
const resolved = new WeakMap<ScoreSheetReport, WeakMap<Grid, Resolved | string>>();

function resolve(report: ScoreSheetReport, grid: Grid, options: LiveOptions): Resolved | string {
  // the plan asks for the column and for the validations of the same report: detect once
  if (options.table !== undefined || options.scheme !== undefined || options.mappings !== undefined) return resolveNow(report, grid, options);
  let byGrid = resolved.get(report);
  if (!byGrid) resolved.set(report, (byGrid = new WeakMap()));
  let r = byGrid.get(grid);
  if (r === undefined) byGrid.set(grid, (r = resolveNow(report, grid, options)));
  return r;
}

/**
 * The check hands over the table and scheme it scored by (the plan then does not detect the
 * table again: on a 100,000-row sheet that is a second of the write-back).
 */
export function rememberTable(report: ScoreSheetReport, grid: Grid, table: ScoreTable, scheme: Scheme | null): void {
  let byGrid = resolved.get(report);
  if (!byGrid) resolved.set(report, (byGrid = new WeakMap()));
  byGrid.set(grid, resolveNow(report, grid, { table, scheme }));
}

function resolveNow(report: ScoreSheetReport, grid: Grid, options: LiveOptions): Resolved | string {
  const grids = options.grids ?? [grid];
  const table = options.table !== undefined ? options.table : scoreTableOf(grid, options.mappings ?? readMappings(grids));
  if (!table) return "找不到评分表";
  if (table.items.length !== report.items.length || table.items.some((it, i) => it.row + 1 !== report.items[i].row)) return "评分表与核算结果不对应";
  const scheme = options.scheme !== undefined ? options.scheme : recognizeScheme(grids.filter((g) => !isOwnSheet(g)), grid);
  if ((scheme?.id ?? null) !== report.scheme) return "模板识别与核算结果不一致";
  const entryCol = report.placement.scoreColumn;
  if (entryCol < 0) return "没有评分列";
  const deduction = table.columns.scores.find((s) => s.col === entryCol)?.deduction === true;
  return { table, scheme, entryCol, deduction };
}

/** What the engine shows for an item in 核算得分 (the plan writes the same). */
export function itemShown(item: ItemReport): CellValue {
  if (!item.applicable) return NOT_APPLICABLE;
  if (item.kind === "veto") {
    const e = readEntry(item.entered);
    return e.kind === "yes" || (e.kind === "number" && Math.abs(e.value) > EPS) ? VETO_TRIGGERED : VETO_NOT_TRIGGERED;
  }
  return item.score;
}

const isNotApplicable = (e: Expr) => OR(...NOT_APPLICABLE_WORDS.map((w) => eq(e, str(w))));
/** The entry as a number: a number as typed, anything else 0. */
const numberIn = (e: Expr) => IF(ISNUMBER(e), e, num(0));
/** MIN/MAX with a side left open when its bound is null. */
const clamp = (x: Expr, low: number | null, high: number | null) => {
  const lowered = low === null ? x : MAX(num(low), x);
  return high === null ? lowered : MIN(num(high), lowered);
};

/** The formula of one item's 核算得分, for any entry (not only the one typed now). */
function itemFormula(it: Indicator, item: ItemReport, entry: Expr, deduction: boolean): Expr {
  const na = isNotApplicable(entry);
  if (it.kind === "veto") {
    // IF, not AND: AND would take ABS of a text ("否") and fail with #VALUE!
    const triggered = OR(IF(ISNUMBER(entry), gt(ABS(entry), num(EPS)), bool(false)), ...YES_WORDS.map((w) => eq(entry, str(w))));
    return IF(na, str(NOT_APPLICABLE), IF(triggered, str(VETO_TRIGGERED), str(VETO_NOT_TRIGGERED)));
  }
  if (it.kind === "adjust") {
    const { deductOnly, bonusCap, deductCap } = adjustLimits(it, item.rules);
    const x = numberIn(entry);
    // a 扣分 column holds points taken off; a deduction-only item takes a positive entry as one
    const signed = deduction || deductOnly ? neg(ABS(x)) : x;
    return IF(na, str(NOT_APPLICABLE), ROUND6(clamp(signed, deductCap === null ? null : 0 - deductCap, bonusCap)));
  }
  const max = item.max;
  if (deduction && max !== null) {
    // 分值 − 扣分; a blank takes nothing off; taking off more than the 分值 counts 0
    const taken = ABS(entry);
    const fromNumber = IF(gt(taken, num(max + EPS)), num(0), ROUND6(sub(num(max), taken)));
    return IF(na, str(NOT_APPLICABLE), IF(ISNUMBER(entry), fromNumber, IF(eq(entry, str("")), num(max), num(0))));
  }
  return IF(na, str(NOT_APPLICABLE), ROUND6(clamp(numberIn(entry), 0, max)));
}

/** Where an item formula's shape takes its entry cell: replaced by the item's own cell. */
const SLOT_MARK = "\u0001";
const SLOT: Expr = { text: SLOT_MARK, value: (ctx) => ctx.cell(-1, -1) };

/** A shape made an item's formula: its entry cell put in the slot, for the text and the value. */
function bindEntry(shape: Expr, row: number, col: number): Expr {
  return {
    text: shapeText(shape, toA1(row, col)),
    value: (ctx) => shape.value({ cell: (r, c) => (r === -1 ? ctx.cell(row, col) : ctx.cell(r, c)) }),
  };
}

/**
 * The pieces of a shape's formula ("=" and its text) around its slots, split once per shape and
 * joined per item: one flat string per cell (a long table writes 100,000 of them).
 */
const shapePieces = new WeakMap<Expr, string[]>();
function shapeFormula(shape: Expr, a1: string): string {
  let pieces = shapePieces.get(shape);
  if (!pieces) shapePieces.set(shape, (pieces = `=${shape.text}`.split(SLOT_MARK)));
  return pieces.join(a1);
}
const shapeText = (shape: Expr, a1: string) => shapeFormula(shape, a1).slice(1);

/**
 * A shape's value for an entry: the shape reads nothing but its entry, so items alike with the
 * same entry have the same value (a long table has a handful of shapes and entries).
 */
function shapeValue(shape: Expr, entry: Value, memo: Map<Expr, Map<Value, Value>>): Value {
  let byEntry = memo.get(shape);
  if (!byEntry) memo.set(shape, (byEntry = new Map()));
  if (byEntry.has(entry)) return byEntry.get(entry)!;
  const v = shape.value({ cell: () => entry });
  byEntry.set(entry, v);
  return v;
}

/** Items alike but for their entry cell share one formula shape (built once on long sheets). */
function shapeKey(it: Indicator, item: ItemReport, deduction: boolean): string {
  if (it.kind === "veto") return "veto";
  if (it.kind === "scored") return `scored|${deduction}|${item.max}`;
  const l = adjustLimits(it, item.rules);
  return `adjust|${deduction}|${l.deductOnly}|${l.bonusCap}|${l.deductCap}`;
}

const constant = (v: CellValue): Expr => (typeof v === "number" ? num(v) : str(String(v ?? "")));

function same(a: Value, b: CellValue): boolean {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) < 1e-9;
  return a === b;
}

/** Caps on a group's adjustments as the engine applies them to the total, both directions. */
function groupCuts(table: ScoreTable, scheme: Scheme | null, adjustRows: (g: Group) => Cells): { minus: Expr[]; plus: Expr[] } {
  const minus: Expr[] = [];
  const plus: Expr[] = [];
  for (const g of table.groups.values()) {
    for (const dir of GROUP_CAP_DIRECTIONS) {
      const caps = dir.caps(g, scheme);
      if (!caps.length) continue;
      const cap = Math.min(...caps.map((c) => c.cap));
      const cells = adjustRows(g);
      if (!cells.rows.length) continue;
      // bonuses above the cap are cut; deductions beyond the cap are given back
      if (dir.sign === 1) minus.push(MAX(num(0), sub(SUMIF(cells, ">0"), num(cap))));
      else plus.push(MAX(num(0), sub(neg(SUMIF(cells, "<0")), num(cap))));
    }
  }
  return { minus, plus };
}

const sumAll = (xs: Expr[], start: Expr) => xs.reduce((a, x) => add(a, x), start);
const subAll = (xs: Expr[], start: Expr) => xs.reduce((a, x) => sub(a, x), start);

/**
 * The 核算得分 column as live formulas: for each item row, 小计 row and the 合计 row, a formula
 * (or null) with the engine's value to cache. `resultColumn` is the 0-based column the plan writes.
 * Never gives a formula whose value on the current workbook differs from the engine's.
 */
export function liveColumn(report: ScoreSheetReport, grid: Grid, resultColumn: number, options: LiveOptions = {}): LiveColumn {
  const finalValue: LiveCell = { formula: null, value: report.total.final };
  const labelledValue: LiveCell = { formula: null, value: `${FINAL_LABEL}${fmt(report.total.final)}` };
  const valuesOnly = (reason: string): LiveColumn => {
    const cells = new Map<number, LiveCell>();
    for (const item of report.items) cells.set(item.row - 1, { formula: null, value: itemShown(item) });
    for (const st of report.subtotals) cells.set(st.row - 1, { formula: null, value: st.score });
    if (report.placement.totalRow !== null) cells.set(report.placement.totalRow, finalValue);
    const recompute = () => ({ cells: new Map([...cells].map(([row, c]) => [row, c.value as Value])), final: finalValue.value as Value });
    return { cells, final: finalValue, labelledFinal: labelledValue, reason, recompute };
  };
  const r = resolve(report, grid, options);
  if (typeof r === "string") return valuesOnly(r);
  const { table, scheme, entryCol, deduction } = r;
  // a formula reading its own column would refer to itself
  if (resultColumn === entryCol) return valuesOnly("核算得分列就是评分列");

  /**
   * By row: an item's formula as its shape bound to its entry cell (`shape`, text made when
   * written), or any other formula (`expr`), or neither (the engine's value is written).
   */
  const exprs = new Map<number, { expr: Expr | null; shape?: Expr; expected: CellValue }>();
  /** A sheet as a spreadsheet sees it, our column computed by our formulas (each cell once). */
  const contextOf = (sheet: Grid): Context => {
    const memo = new Map<number, Value>();
    const visiting = new Set<number>();
    const ctx: Context = {
      cell(row, col) {
        if (col !== resultColumn) return valueAt(sheet, row, col);
        const e = exprs.get(row);
        if (!e) return valueAt(sheet, row, col);
        // an item's formula reads nothing but its entry: no memo, no cycle
        if (e.shape) return shapeValue(e.shape, valueAt(sheet, row, entryCol), shapeMemo);
        if (!memo.has(row)) {
          if (visiting.has(row)) throw new FormulaValueError(`第${row + 1}行的公式引用了自身`);
          visiting.add(row);
          memo.set(row, e.expr ? e.expr.value(ctx) : e.expected);
          visiting.delete(row);
        }
        return memo.get(row)!;
      },
    };
    return ctx;
  };
  const shapeMemo = new Map<Expr, Map<Value, Value>>();
  const ctx = contextOf(grid);
  const at = (rows: number[]): Cells => ({ col: resultColumn, rows });

  try {
    // Items: the generic formula; where it reads today's entry otherwise than the engine (a text
    // only the engine understands: "5分", "５", "本项不适用"), that text is matched literally first.
    const shapes = new Map<string, Expr>();
    table.items.forEach((it, i) => {
      const item = report.items[i];
      const expected = itemShown(item);
      const key = shapeKey(it, item, deduction);
      let shape = shapes.get(key);
      if (!shape) shapes.set(key, (shape = itemFormula(it, item, SLOT, deduction)));
      if (same(shapeValue(shape, valueAt(grid, it.row, entryCol), shapeMemo), expected)) {
        exprs.set(it.row, { expr: null, shape, expected });
        return;
      }
      const entry = ref(it.row, entryCol);
      const typed = item.entered;
      let expr: Expr | null = typeof typed === "string" && typed.length <= MAX_LITERAL && !/[\r\n\t]/.test(typed) ? IF(eq(entry, str(typed)), constant(expected), bindEntry(shape, it.row, entryCol)) : null;
      if (expr && !same(expr.value(ctx), expected)) expr = null;
      exprs.set(it.row, { expr, expected });
    });

    const rowsWhere = (pred: (it: Indicator, i: number) => boolean) => table.items.filter(pred).map((it) => it.row);
    const scoredRows = rowsWhere((it) => it.kind === "scored");
    const adjustRows = rowsWhere((it) => it.kind === "adjust");
    const vetoRows = rowsWhere((it) => it.kind === "veto");

    // 小计 rows: the group's scored items plus its adjustments within the group's own caps.
    for (const st of table.subtotals) {
      const expected = report.subtotals.find((s) => s.row === st.row + 1)?.score;
      if (expected === undefined || exprs.has(st.row)) continue;
      const inScope = (it: Indicator) => (st.group !== null ? it.groups.includes(st.group) : it.row <= st.row);
      const scored = at(rowsWhere((it) => inScope(it) && it.kind === "scored"));
      const adjust = at(rowsWhere((it) => inScope(it) && it.kind === "adjust"));
      const group = st.group !== null ? table.groups.get(st.group) : undefined;
      const bonusCap = group?.bonusCaps.length ? Math.min(...group.bonusCaps.map((c) => c.cap)) : null;
      const deductCap = group?.deductCaps.length ? Math.min(...group.deductCaps.map((c) => c.cap)) : null;
      let expr: Expr;
      if (bonusCap === null && deductCap === null) expr = ROUND6(SUM(at([...scored.rows, ...adjust.rows])));
      else {
        const bonus = SUMIF(adjust, ">0");
        let sum = bonusCap === null ? bonus : MIN(num(bonusCap), bonus);
        if (scored.rows.length) sum = add(SUM(scored), sum);
        sum = deductCap === null ? add(sum, SUMIF(adjust, "<0")) : sub(sum, MIN(num(deductCap), neg(SUMIF(adjust, "<0"))));
        expr = ROUND6(sum);
      }
      exprs.set(st.row, { expr, expected });
    }

    // The final: max(0, base + adjustments after group caps), 0 when a veto is triggered.
    const cuts = groupCuts(table, scheme, (g) => at(rowsWhere((it) => it.kind === "adjust" && it.groups.includes(g.key))));
    // a base every unit starts from (a note's "基础得分为6分") is a constant of the final
    const base = ROUND6(table.base ? add(num(table.base.points), SUM(at(scoredRows))) : SUM(at(scoredRows)));
    const adjustments = adjustRows.length ? ROUND6(sumAll(cuts.plus, subAll(cuts.minus, SUM(at(adjustRows))))) : null;
    let final: Expr = MAX(num(0), ROUND6(adjustments ? add(base, adjustments) : base));
    if (vetoRows.length) final = IF(OR(...vetoRows.map((row) => eq(ref(row, resultColumn), str(VETO_TRIGGERED)))), num(0), final);
    const totalRow = report.placement.totalRow;
    if (totalRow !== null && !exprs.has(totalRow)) exprs.set(totalRow, { expr: final, expected: report.total.final });

    // Every formula must give the engine's value now; a 小计 or total that does not means the
    // formulas do not express this table: the sheet gets values only.
    // (an item's shape was checked on its entry above)
    for (const [row, e] of exprs) {
      if (e.expr && !same(ctx.cell(row, resultColumn), e.expected)) return valuesOnly(`第${row + 1}行的公式结果与核算结果不一致`);
    }
    if (!same(final.value(ctx), report.total.final)) return valuesOnly("总分公式与核算结果不一致");
    const labelled = concat(str(FINAL_LABEL), final);
    const cells = new Map<number, LiveCell>();
    for (const [row, e] of exprs) {
      const formula = e.shape ? shapeFormula(e.shape, toA1(row, entryCol)) : e.expr ? `=${e.expr.text}` : null;
      cells.set(row, { formula: formula !== null && formula.length <= MAX_FORMULA + 1 ? formula : null, value: e.expected });
    }
    const fits = final.text.length <= MAX_FORMULA;
    return {
      cells,
      final: { formula: fits ? `=${final.text}` : null, value: report.total.final },
      labelledFinal: { formula: fits ? `=${labelled.text}` : null, value: labelledValue.value },
      reason: null,
      recompute(sheet: Grid) {
        const c = contextOf(sheet);
        return { cells: new Map([...exprs.keys()].map((row) => [row, c.cell(row, resultColumn)])), final: final.value(c) };
      },
    };
  } catch (e) {
    if (e instanceof FormulaValueError) return valuesOnly(e.message);
    throw e;
  }
}

function sameCell(a: CellValue, b: CellValue): boolean {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) < 1e-9;
  return (a ?? "") === (b ?? "");
}

/**
 * The plan's 核算得分 write with live formulas added: each cell whose planned value is what the
 * live column computes gets the formula (the value stays, as its cached result). When a planned
 * value disagrees with the live column, the write is returned unchanged (values only).
 * `values: true` (the clerk asked for plain values) returns it unchanged too.
 */
export function liveWrite(write: RangeWrite, report: ScoreSheetReport, grid: Grid, options: LiveOptions & { values?: boolean } = {}): RangeWrite {
  if (options.values) return write;
  const at = parseA1(write.address);
  if (!at) return write;
  const live = liveColumn(report, grid, at.col, options);
  if (live.reason) return write;
  // the formulas sum the column's item cells: every one of them must be written here
  for (const row of live.cells.keys()) if (row < at.row || row >= at.row + write.values.length) return write;
  let any = false;
  const formulas: Array<Array<string | null>> = [];
  for (let i = 0; i < write.values.length; i++) {
    const row = write.values[i];
    const out: Array<string | null> = row.map(() => null);
    const v = row[0];
    const cell = live.cells.get(at.row + i);
    if (cell) {
      if (!sameCell(cell.value, v)) return write;
      out[0] = cell.formula;
    } else if (typeof v === "string" && v === live.labelledFinal.value) out[0] = live.labelledFinal.formula;
    any ||= out[0] !== null;
    formulas.push(out);
  }
  return any ? { ...write, formulas } : write;
}

/** Text cut to a host's limit, ending in "…" when cut. */
function cut(text: string, limit: number): string {
  return text.length <= limit ? text : text.slice(0, limit - 1) + "…";
}

/** The bounds of an item's entry, or null when the rules leave a side open (no validation then). */
function entryBounds(it: Indicator, item: ItemReport, deduction: boolean): { min: number; max: number; what: string; abs: boolean } | null {
  if (it.kind === "scored") {
    if (item.max === null) return null;
    // the engine takes a 扣分 entry's size (−4 takes 4 off): only one beyond the 分值 is wrong
    return { min: 0, max: item.max, what: deduction ? `扣分应在 0 到 ${fmt(item.max)} 之间` : `得分应在 0 到 ${fmt(item.max)} 之间`, abs: deduction };
  }
  if (it.kind !== "adjust") return null;
  const { deductOnly, bonusCap, deductCap } = adjustLimits(it, item.rules);
  if (deduction || deductOnly) {
    // points taken off may be typed as positive or negative numbers
    if (deductCap === null) return null;
    return { min: 0 - deductCap, max: deductCap, what: `扣分最多 ${fmt(deductCap)} 分(填正数或负数均按扣分计)`, abs: true };
  }
  if (bonusCap === null || deductCap === null) return null;
  const what = deductCap === 0 ? `加分应在 0 到 ${fmt(bonusCap)} 之间` : `加减分应在 -${fmt(deductCap)} 到 ${fmt(bonusCap)} 之间`;
  return { min: 0 - deductCap, max: bonusCap, what, abs: false };
}

export interface LiveValidation {
  validations: Validation[];
  conditional: ConditionalMark[];
  /** Where an earlier run's validations and conditional formats may be (hosts remove only ours). */
  clearValidations: Array<{ sheet: string; range: string }>;
  clearConditional: Array<{ sheet: string; range: string }>;
}

/**
 * Data validation and conditional formats for the entry cells of a scored table: 0..分值 for
 * scored items, −cap..+cap for 加/扣分 items, 是/否 for veto items, the 分值 and the rule text as the
 * input message (not the item's title: it stands in the same row, and items alike then share one
 * validation in the file); entries out of bounds turn LIVE_MARK_COLOR as they are typed. Cells holding a formula
 * are left alone. The clear lists cover every score column of the table from the first row under
 * the header to the end of the sheet, so a later run removes what this one wrote (hosts remove
 * only validations titled VALIDATION_TITLE and conditional formats of LIVE_MARK_COLOR).
 */
export function liveValidation(report: ScoreSheetReport, grid: Grid, options: LiveOptions = {}): LiveValidation {
  const sheet = report.sheet;
  const out: LiveValidation = { validations: [], conditional: [], clearValidations: [], clearConditional: [] };
  const r = resolve(report, grid, options);
  const table = typeof r === "string" ? null : r.table;
  const end = Math.max(grid.cells.length, report.placement.lastRow + 1, report.placement.headerRow + 2);
  const scoreCols = table ? table.columns.scores.map((s) => s.col) : report.placement.scoreColumn >= 0 ? [report.placement.scoreColumn] : [];
  for (const col of scoreCols) {
    const range = `${columnLetters(col)}${report.placement.headerRow + 2}:${columnLetters(col)}${end}`;
    out.clearValidations.push({ sheet, range });
    out.clearConditional.push({ sheet, range });
  }
  if (typeof r === "string") return out;
  const { entryCol, deduction } = r;

  const method = table!.columns.method;
  /**
   * Items alike share their texts and rules (one string, one object: a long table has a handful
   * of kinds, and the writer groups alike validations by them).
   */
  const rules = new Map<CellValue, string>();
  const ruleOf = (row: number, item: ItemReport): string => {
    if (method === null) return item.rules.map((x) => x.text).join(";");
    const raw = valueAt(grid, row, method);
    let rule = rules.get(raw);
    if (rule === undefined) rules.set(raw, (rule = compact(String(raw ?? ""))));
    return rule || item.rules.map((x) => x.text).join(";");
  };
  const kinds = new Map<string, { bounds: NonNullable<ReturnType<typeof entryBounds>>; head: string; rule: Validation["rule"]; error: string; prompts: Map<string, string> }>();
  const vetoRule: Validation["rule"] = { kind: "list", items: ["是", "否"] };
  const vetoPrompts = new Map<string, string>();
  /** Runs of consecutive rows with the same bounds share one conditional format. */
  let run: { top: number; bottom: number; min: number; max: number; abs: boolean } | null = null;
  const flush = () => {
    if (!run) return;
    const first = toA1(run.top, entryCol);
    const range = run.bottom > run.top ? `${first}:${toA1(run.bottom, entryCol)}` : first;
    // comparisons, not ABS: ABS of a text ("不适用") is an error even where ISNUMBER is false
    const low = run.abs ? -run.max : run.min;
    const test = `OR(${first}<${low},${first}>${run.max})`;
    out.conditional.push({ sheet, range, formula: `AND(ISNUMBER(${first}),${test})`, color: LIVE_MARK_COLOR });
    run = null;
  };
  table!.items.forEach((it, i) => {
    const item = report.items[i];
    const row = it.row;
    if (hasFormula(grid, row, entryCol)) return flush();
    const rule = ruleOf(row, item);
    const cell = toA1(row, entryCol);
    if (it.kind === "veto") {
      flush();
      let prompt = vetoPrompts.get(rule);
      if (prompt === undefined) vetoPrompts.set(rule, (prompt = cut(`一票否决项:填“是”即触发,总分为0;未发生填“否”。${rule}`, MAX_PROMPT)));
      out.validations.push({ sheet, range: cell, rule: vetoRule, prompt, error: "本项填“是”或“否”" });
      return;
    }
    const key = it.kind === "scored" ? `s${item.max}` : `a${shapeKey(it, item, deduction)}`;
    let kind = kinds.get(key);
    if (!kind) {
      const bounds = entryBounds(it, item, deduction);
      if (!bounds) return flush();
      kinds.set(
        key,
        (kind = {
          bounds,
          head: it.kind === "scored" ? `分值 ${fmt(item.max!)} 分` : "加/扣分项",
          rule: { kind: "decimal", min: bounds.min, max: bounds.max },
          error: cut(`${bounds.what};不适用的项目可填“不适用”。仍要保留请点“是”,核算时会标出。`, MAX_ERROR),
          prompts: new Map(),
        }),
      );
    }
    const { bounds } = kind;
    let prompt = kind.prompts.get(rule);
    if (prompt === undefined) kind.prompts.set(rule, (prompt = cut(`${kind.head}:${rule || bounds.what}`, MAX_PROMPT)));
    out.validations.push({ sheet, range: cell, rule: kind.rule, prompt, error: kind.error });
    const abs = bounds.abs;
    if (run && run.bottom === row - 1 && run.min === bounds.min && run.max === bounds.max && run.abs === abs) run.bottom = row;
    else {
      flush();
      run = { top: row, bottom: row, min: bounds.min, max: bounds.max, abs };
    }
  });
  flush();
  return out;
}

/** Chinese lines for the confirm dialog: the formulas, validations and conditional formats a plan writes. */
export function describeLive(changes: WorkbookChanges): string[] {
  const lines: string[] = [];
  for (const v of changes.values) {
    let n = 0;
    for (const row of v.formulas ?? []) for (const f of row) if (f) n++;
    if (n) lines.push(`工作表“${v.sheet}”的核算得分中 ${n} 格为公式(保存核算结果;改动填报后表格自动重算)`);
  }
  const cells = (list: Array<{ range: string }> | undefined) =>
    (list ?? []).reduce((n, x) => {
      if (!x.range.includes(":")) return n + (parseA1(x.range) ? 1 : 0);
      const m = parseRange(x.range);
      return n + (m ? (m.bottom - m.top + 1) * (m.right - m.left + 1) : 0);
    }, 0);
  if (changes.validations?.length) lines.push(`给 ${changes.validations.length} 个填报单元格加数据验证(输入提示为分值和评分标准;超出范围时提醒,仍可填写)`);
  if (changes.conditional?.length) lines.push(`给 ${cells(changes.conditional)} 个填报单元格加条件格式(填写超出范围时显示浅红底色)`);
  if (changes.clearValidations?.length || changes.clearConditional?.length) lines.push("如有上次写回加的数据验证和条件格式,先移除(您自己设置的不动)");
  return lines;
}

/**
 * The validation part of a write-back for every scored sheet of a report: what the plan adds to
 * its WorkbookChanges (validations, conditional formats, and the clear lists of an earlier run).
 */
export function liveChanges(report: Report, grids: Grid[], options: LiveOptions = {}): Required<Pick<WorkbookChanges, "validations" | "conditional" | "clearValidations" | "clearConditional">> {
  const out = { validations: [] as Validation[], conditional: [] as ConditionalMark[], clearValidations: [] as LiveValidation["clearValidations"], clearConditional: [] as LiveValidation["clearConditional"] };
  for (const s of report.sheets) {
    if (s.kind !== "score") continue;
    const grid = grids.find((g) => g.name === s.sheet);
    if (!grid) continue;
    const v = liveValidation(s, grid, { grids, ...options });
    out.validations.push(...v.validations);
    out.conditional.push(...v.conditional);
    out.clearValidations.push(...v.clearValidations);
    out.clearConditional.push(...v.clearConditional);
  }
  return out;
}
