/**
 * Scoring semantics: what each entry counts for (clamps, caps, veto, not-applicable), group
 * bonus caps, category subtotals and the total. Works on a detected ScoreTable and its grid.
 */
import { compact, textOf, toA1, valueAt, type CellValue, type Grid } from "./grid";
import type { Finding } from "./findings";
import type { Group, Indicator, ScoreTable } from "./layout/detect";
import type { ScoreColumn } from "./layout/columns";
import type { CategoryReport, ItemReport, ScoreSheetReport, SubtotalReport } from "./report";
import { parseNumber, roundPoints as round } from "./rules/numbers";
import type { Rule, RuleKind } from "./rules/types";
import type { Scheme } from "./scheme";
import { FULL_MARKS, NO, NOT_APPLICABLE, SIGNED_AMOUNT, YES, isTakeOff } from "./words/entries";

export interface ScoreOptions {
  /** Header of the score column to score; default the first score column. */
  column?: string;
  /** Unit class for rates by class (一类, 二类 …); default the first the rules name. */
  unitClass?: string;
  scheme?: Scheme | null;
}

const EPS = 1e-6;

/** What an entry in a score cell says. */
export type Entry =
  | { kind: "blank" }
  | { kind: "not_applicable"; text: string }
  /** `takenOff`: written as points taken off ("扣2分"), not as points scored. */
  | { kind: "number"; value: number; fromText: boolean; takenOff?: boolean }
  /** "满分": the item's whole 分值. */
  | { kind: "full"; text: string }
  | { kind: "yes" }
  | { kind: "no" }
  | { kind: "text"; text: string };

/** Reads a score cell: numbers, "5分", "５", " 5 ", "扣0.4", "加2", 不适用, 是/否. */
export function readEntry(v: CellValue): Entry {
  if (v === null || v === undefined) return { kind: "blank" };
  if (typeof v === "number") return Number.isFinite(v) ? { kind: "number", value: v, fromText: false } : { kind: "text", text: String(v) };
  if (typeof v === "boolean") return { kind: "text", text: v ? "TRUE" : "FALSE" };
  const t = compact(v);
  if (!t) return { kind: "blank" };
  if (NOT_APPLICABLE.test(t)) return { kind: "not_applicable", text: t };
  const m = SIGNED_AMOUNT.exec(t);
  if (m) {
    const n = parseNumber(m[2]);
    if (n !== null) {
      const negative = isTakeOff(m[1]);
      return negative ? { kind: "number", value: -Math.abs(n), fromText: true, takenOff: true } : { kind: "number", value: n, fromText: true };
    }
  }
  if (FULL_MARKS.test(t)) return { kind: "full", text: t };
  if (YES.test(t)) return { kind: "yes" };
  if (NO.test(t)) return { kind: "no" };
  return { kind: "text", text: t };
}

/** The bounds an item's rules put on its entry. */
interface Bounds {
  deductSteps: number[];
  bonusSteps: number[];
  deductCap: number | null;
  bonusCap: number | null;
  floor: boolean;
}

const maxCap = (a: number | null, b: number) => (a === null ? b : Math.max(a, b));

/** Each rule kind declares its own effect on the bounds; the scorer only walks this table. */
const RULE_EFFECTS: { [K in RuleKind]: (b: Bounds, r: Extract<Rule, { kind: K }>) => void } = {
  deduct: (b, r) => {
    b.deductSteps.push(r.step);
    if (r.cap !== null) b.deductCap = maxCap(b.deductCap, r.cap);
  },
  bonus: (b, r) => {
    b.bonusSteps.push(r.step);
    if (r.cap !== null) b.bonusCap = maxCap(b.bonusCap, r.cap);
  },
  deduct_cap: (b, r) => void (b.deductCap = maxCap(b.deductCap, r.cap)),
  bonus_cap: (b, r) => void (b.bonusCap = maxCap(b.bonusCap, r.cap)),
  floor: (b) => void (b.floor = true),
  veto: () => {},
  group_bonus_cap: () => {},
  points: () => {},
};

function boundsOf(rules: Rule[]): Bounds {
  const b: Bounds = { deductSteps: [], bonusSteps: [], deductCap: null, bonusCap: null, floor: false };
  for (const r of rules) (RULE_EFFECTS[r.kind] as (b: Bounds, r: Rule) => void)(b, r);
  return b;
}

/** Unit classes named by the rules of a table, in order of appearance. */
export function unitClassesOf(table: ScoreTable): string[] {
  const out: string[] = [];
  for (const it of table.items)
    for (const r of it.rules)
      if ((r.kind === "deduct" || r.kind === "bonus") && r.unitClass && !out.includes(r.unitClass)) out.push(r.unitClass);
  return out;
}

/**
 * The unit class a table is scored for: the one given, else its template's first, else the first
 * its rules name; null when neither its rules nor its template name any.
 */
export function unitClassOf(table: ScoreTable, scheme: Scheme | null | undefined, given?: string): string | null {
  const classes = unitClassesOf(table);
  return classes.length || scheme?.unitClasses?.length ? (given ?? scheme?.unitClasses?.[0] ?? classes[0] ?? null) : null;
}

function rulesForClass(rules: Rule[], unitClass: string | null): Rule[] {
  if (!rules.some((r) => (r.kind === "deduct" || r.kind === "bonus") && r.unitClass)) return rules;
  return rules.filter((r) => !((r.kind === "deduct" || r.kind === "bonus") && r.unitClass && r.unitClass !== unitClass));
}

interface ItemOutcome {
  score: number;
  applicable: boolean;
  vetoed: boolean;
}

type Emit = (f: Finding) => void;

function scoreScored(it: Indicator, entry: Entry, rules: Rule[], at: { sheet: string; cell: string }, emit: Emit): ItemOutcome {
  const max = it.max;
  if (entry.kind === "blank") {
    emit({ code: "score_missing", ...at, title: it.title });
    return { score: 0, applicable: true, vetoed: false };
  }
  if (entry.kind !== "number") {
    emit({ code: "score_not_number", ...at, entered: entryText(entry) });
    return { score: 0, applicable: true, vetoed: false };
  }
  let x = entry.value;
  if (x < 0) {
    emit({ code: "score_negative", ...at, entered: x });
    return { score: 0, applicable: true, vetoed: false };
  }
  if (max !== null && x > max + EPS) {
    emit({ code: "score_over_max", ...at, max, entered: x });
    x = max;
  } else if (max !== null) {
    const deducts = rules.filter((r) => r.kind === "deduct");
    const onlyDeduct = deducts.length === 1 && rules.every((r) => r.kind === "deduct" || r.kind === "floor" || r.kind === "points");
    // a range ("酌情扣1-3分") leaves the points to the assessor: no step to be off
    if (onlyDeduct && deducts[0].kind === "deduct" && deducts[0].stepMax === undefined && x > EPS) {
      const step = deducts[0].step;
      const k = (max - x) / step;
      if (step > 0 && Math.abs(k - Math.round(k)) > 1e-4) emit({ code: "score_off_step", ...at, max, step, entered: x });
    }
  }
  return { score: round(x), applicable: true, vetoed: false };
}

/**
 * What an adjustment item's entry may be: whether a positive entry means a deduction, and the
 * caps on each side (null: no cap). Shared by the scorer and the live formulas of 写回.
 */
export function adjustLimits(it: Pick<Indicator, "sign" | "sectionCap">, rules: Rule[]): { deductOnly: boolean; bonusCap: number | null; deductCap: number | null } {
  const b = boundsOf(rules);
  const hasBonus = b.bonusSteps.length > 0 || b.bonusCap !== null;
  const hasDeduct = b.deductSteps.length > 0 || b.deductCap !== null;
  const deductOnly = it.sign === "deduct" || (hasDeduct && !hasBonus && it.sign !== "bonus");
  const bonusOnly = it.sign === "bonus" || (hasBonus && !hasDeduct && it.sign !== "deduct");
  // A cap written with the 分值 ("加、扣分项(10分)") bounds the side(s) the item may go.
  return {
    deductOnly,
    bonusCap: b.bonusCap ?? (deductOnly ? 0 : it.sectionCap),
    deductCap: b.deductCap ?? (bonusOnly ? 0 : it.sectionCap),
  };
}

/**
 * The most the 加分 items may add to the total (the "加分上限" of "满分 35,加分上限 5(共 40)"):
 * each item's own cap, bounded by its groups' bonus caps; null when some bonus has no bound.
 */
function bonusCeiling(table: ScoreTable, items: ItemReport[], scheme: Scheme | null): { max: number | null; open: boolean } {
  let open = false;
  const walk = (indices: number[], depth: number): number | null => {
    const byGroup = new Map<string, number[]>();
    let sum: number | null = 0;
    for (const i of indices) {
      const key = table.items[i].groups[depth];
      if (key !== undefined) byGroup.set(key, [...(byGroup.get(key) ?? []), i]);
      else {
        let c = adjustLimits(table.items[i], items[i].rules).bonusCap;
        // "根据实际情况确定加分数和扣分数": no rule, either way; said apart rather than voiding the ceiling.
        if (c === null && table.items[i].sign === "both" && items[i].rules.length === 0) (c = 0), (open = true);
        sum = c === null || sum === null ? null : sum + c;
      }
    }
    for (const [key, inner] of byGroup) {
      const caps = GROUP_CAP_DIRECTIONS[0].caps(table.groups.get(key)!, scheme).map((c) => c.cap);
      const within = walk(inner, depth + 1);
      const c = caps.length ? Math.min(within ?? Infinity, ...caps) : within;
      sum = c === null || sum === null ? null : sum + c;
    }
    return sum;
  };
  const adjust = table.items.map((_, i) => i).filter((i) => items[i].kind === "adjust" && items[i].applicable);
  const out = walk(adjust, 0);
  return { max: out === null ? null : round(out), open };
}

const bonusFields = (c: { max: number | null; open: boolean }) => (c.open ? { bonusMax: c.max, bonusOpen: true } : { bonusMax: c.max });

/** What the clerk wrote, for a message about an entry that is no number. */
function entryText(entry: Entry): string {
  return entry.kind === "text" || entry.kind === "full" ? entry.text : entry.kind === "yes" ? "是" : entry.kind === "no" ? "否" : "";
}

/**
 * The clerk's wording in a scored item: "满分" is its 分值, "扣2分" its 分值 less 2 (an info says
 * how it was read). Other entries are read as they are.
 */
function clerkWording(it: Indicator, entry: Entry, raw: CellValue, at: { sheet: string; cell: string }, emit: Emit): Entry {
  if (it.kind !== "scored" || it.max === null) return entry;
  if (entry.kind === "full") {
    emit({ code: "score_normalized", ...at, entered: raw, value: it.max, reason: "full_marks" });
    return { kind: "number", value: it.max, fromText: false };
  }
  if (entry.kind === "number" && entry.takenOff) {
    const value = round(Math.max(0, it.max + entry.value));
    emit({ code: "score_normalized", ...at, entered: raw, value, reason: "deduction_from_max" });
    if (-entry.value > it.max + EPS) emit({ code: "deduction_over_max", ...at, max: it.max, entered: -entry.value });
    return { kind: "number", value, fromText: false };
  }
  return entry;
}

function scoreAdjust(it: Indicator, entry: Entry, raw: CellValue, rules: Rule[], at: { sheet: string; cell: string }, emit: Emit): ItemOutcome {
  if (entry.kind === "blank" || entry.kind === "no") return { score: 0, applicable: true, vetoed: false };
  if (entry.kind !== "number") {
    emit({ code: "score_not_number", ...at, entered: entryText(entry) });
    return { score: 0, applicable: true, vetoed: false };
  }
  const { deductOnly, bonusCap, deductCap } = adjustLimits(it, rules);
  let x = entry.value;
  if (deductOnly && x > 0) {
    emit({ code: "score_normalized", ...at, entered: raw, value: -x, reason: "deduction_as_positive" });
    x = -x;
  } else if (entry.fromText) {
    emit({ code: "score_normalized", ...at, entered: raw, value: x, reason: "text" });
  }
  if (bonusCap !== null && x > bonusCap + EPS) {
    emit({ code: "adjust_over_cap", ...at, cap: bonusCap, entered: x });
    x = bonusCap;
  }
  if (deductCap !== null && x < -deductCap - EPS) {
    emit({ code: "adjust_under_cap", ...at, cap: deductCap, entered: x });
    x = -deductCap;
  }
  return { score: round(x), applicable: true, vetoed: false };
}

function scoreVeto(it: Indicator, entry: Entry, at: { sheet: string; cell: string }, emit: Emit): ItemOutcome {
  const triggered = entry.kind === "yes" || (entry.kind === "number" && Math.abs(entry.value) > EPS);
  if (entry.kind === "text" || entry.kind === "full") emit({ code: "score_not_number", ...at, entered: entry.text });
  if (triggered) emit({ code: "veto_applied", ...at, title: it.title });
  return { score: 0, applicable: true, vetoed: triggered };
}

/**
 * An entry in a 扣分 column is the points taken off: a scored item counts its 分值 less them (a
 * blank takes nothing off), an adjustment item a deduction. Deducting more than the 分值 is an
 * error and counts 0.
 */
function deductionEntry(it: Indicator, entry: Entry, at: { sheet: string; cell: string }, emit: Emit): Entry {
  if (it.kind === "veto" || entry.kind === "not_applicable") return entry;
  if (it.kind === "adjust") return entry.kind === "number" ? { ...entry, value: -Math.abs(entry.value) } : entry;
  if (it.max === null) return entry;
  if (entry.kind === "blank") return { kind: "number", value: it.max, fromText: false };
  if (entry.kind !== "number") return entry;
  const taken = Math.abs(entry.value);
  if (taken > it.max + EPS) {
    emit({ code: "deduction_over_max", ...at, max: it.max, entered: taken });
    return { kind: "number", value: 0, fromText: entry.fromText };
  }
  return { kind: "number", value: round(it.max - taken), fromText: entry.fromText };
}

function chooseColumn(table: ScoreTable, wanted: string | undefined, emit: Emit): ScoreColumn | null {
  const scores = table.columns.scores;
  if (wanted) {
    const w = compact(wanted);
    const hit = scores.find((s) => compact(s.header) === w) ?? scores.find((s) => compact(s.header).includes(w) || w.includes(compact(s.header)));
    if (hit) return hit;
    emit({
      code: "score_column_missing",
      sheet: table.sheet,
      cell: toA1(table.headerRow, table.columns.first),
      column: wanted,
      available: scores.map((s) => s.header),
    });
  } else if (scores.length === 0 && table.columns.maxWord && table.columns.max !== null) {
    // the column headed 得分 holds the points: say so at its header, not that there is none
    const { header, row } = table.columns.maxWord;
    emit({ code: "score_column_missing", sheet: table.sheet, cell: toA1(row, table.columns.max), column: header, available: [], points: true });
  } else if (scores.length === 0) {
    emit({ code: "score_column_missing", sheet: table.sheet, cell: toA1(table.headerRow, table.columns.first), column: "得分", available: [] });
  }
  return scores[0] ?? null;
}

/**
 * The column the clerk filled: when the chosen one holds no entry at all and another score
 * column does, that one is scored, and a warning names both. (The pane's opening scan asks it too,
 * without the warning, to name the column 计算 will score.)
 */
export function filledColumn(grid: Grid, table: ScoreTable, chosen: ScoreColumn | null, emit: Emit = () => {}): ScoreColumn | null {
  if (!chosen || table.columns.scores.length < 2) return chosen;
  const filledIn = (s: ScoreColumn) => table.items.some((it) => textOf(valueAt(grid, it.row, s.col)) !== "");
  if (filledIn(chosen)) return chosen;
  const filled = table.columns.scores.find((s) => s !== chosen && filledIn(s));
  if (!filled) return chosen;
  emit({ code: "score_column_switched", sheet: table.sheet, cell: toA1(table.headerRow, filled.col), from: chosen.header, to: filled.header });
  return filled;
}

type CapList = Array<{ cap: number; cell: string; text: string }>;

/** The two directions a group cap works in: bonuses down to the cap, deductions up to it. */
export const GROUP_CAP_DIRECTIONS: Array<{ sign: 1 | -1; code: "group_bonus_capped" | "group_deduct_capped"; caps: (g: Group, scheme: Scheme | null) => CapList }> = [
  {
    sign: 1,
    code: "group_bonus_capped",
    caps: (g, scheme) => [
      ...g.bonusCaps,
      ...(scheme?.groupCaps ?? []).filter((sc) => compact(g.name) === compact(sc.category)).map((sc) => ({ cap: sc.cap, cell: g.cell, text: g.name })),
    ],
  },
  { sign: -1, code: "group_deduct_capped", caps: (g) => g.deductCaps },
];

/**
 * Scores one detected table: every item's entry in the chosen column, group caps, categories,
 * totals, and the declared-maximum checks. Returns the sheet report and the findings, unrendered.
 */
export function scoreTable(grid: Grid, table: ScoreTable, options: ScoreOptions = {}): { report: ScoreSheetReport; findings: Finding[] } {
  const findings: Finding[] = [];
  const emit: Emit = (f) => findings.push(f);
  const sheet = table.sheet;
  const column = filledColumn(grid, table, chooseColumn(table, options.column, emit), emit);
  const classes = unitClassesOf(table);
  const unitClass = options.unitClass ?? options.scheme?.unitClasses?.[0] ?? classes[0] ?? null;

  const items: ItemReport[] = [];
  let vetoed = false;
  for (const it of table.items) {
    const rules = rulesForClass(it.rules, unitClass);
    const cellCol = column?.col ?? table.columns.title ?? table.columns.first;
    const at = { sheet, cell: toA1(it.row, cellCol) };
    const entered = column ? valueAt(grid, it.row, column.col) : null;
    const read: Entry = column ? readEntry(entered) : { kind: "number", value: 0, fromText: false };
    const entry = column?.deduction ? deductionEntry(it, read, at, emit) : clerkWording(it, read, entered, at, emit);
    for (const issue of it.issues) {
      emit({ code: "rule_not_understood", sheet, cell: toA1(it.row, table.columns.method ?? table.columns.title ?? cellCol), phrase: issue.text });
    }
    let out: ItemOutcome;
    if (entry.kind === "not_applicable" && it.kind === "veto") {
      // "—" / "不适用" on a veto: nothing happened; a veto has no points to take out
      out = { score: 0, applicable: true, vetoed: false };
    } else if (entry.kind === "not_applicable") {
      emit({ code: "item_not_applicable", ...at, title: it.title, entered: entry.text });
      out = { score: 0, applicable: false, vetoed: false };
    } else if (it.kind === "veto") out = scoreVeto(it, entry, at, emit);
    else if (it.kind === "adjust") out = scoreAdjust(it, entry, entered, rules, at, emit);
    else {
      if (entry.kind === "number" && entry.fromText) emit({ code: "score_normalized", ...at, entered, value: entry.value, reason: "text" });
      if (it.max === null) emit({ code: "max_unknown", sheet, cell: toA1(it.row, table.columns.title ?? cellCol), title: it.title });
      out = scoreScored(it, entry, rules, at, emit);
    }
    vetoed ||= out.vetoed;
    const category = it.groups.length ? table.groups.get(it.groups[0])!.name : null;
    items.push({
      row: it.row + 1,
      id: it.id,
      category,
      title: it.title,
      kind: it.kind,
      max: it.max,
      rules,
      cell: at.cell,
      entered,
      score: out.score,
      applicable: out.applicable,
    });
  }

  // Group caps: bonus caps from note rows, bonus headings and the scheme's definition; deduction
  // caps from deduction headings ("扣分项(最多扣10分)"). Each direction states its own sign and code.
  const cuts = new Map<string, number>();
  let adjustments = 0;
  items.forEach((r) => r.kind === "adjust" && r.applicable && (adjustments += r.score));
  for (const g of table.groups.values()) {
    for (const dir of GROUP_CAP_DIRECTIONS) {
      const caps = dir.caps(g, options.scheme ?? null);
      if (!caps.length) continue;
      const cap = Math.min(...caps.map((c) => c.cap));
      const where = caps.find((c) => c.cap === cap)!;
      let sum = 0;
      table.items.forEach((it, i) => {
        const score = items[i].score * dir.sign;
        if (it.groups.includes(g.key) && items[i].kind === "adjust" && score > 0) sum += score;
      });
      if (sum <= cap + EPS) continue;
      emit({ code: dir.code, sheet, cell: where.cell, group: g.name, cap, sum: round(sum) });
      const cut = (sum - cap) * dir.sign;
      adjustments -= cut;
      const top = table.items.find((it) => it.groups.includes(g.key))!.groups[0];
      cuts.set(top, (cuts.get(top) ?? 0) + cut);
    }
  }

  checkDeclaredMaxima(table, options.scheme ?? null, emit);

  const categories: CategoryReport[] = [];
  const byKey = new Map<string, CategoryReport>();
  table.items.forEach((it, i) => {
    const key = it.groups[0];
    if (!key) return;
    let c = byKey.get(key);
    if (!c) {
      c = { name: table.groups.get(key)!.name, max: 0, score: 0 };
      byKey.set(key, c);
      categories.push(c);
    }
    const r = items[i];
    if (!r.applicable) return;
    if (r.kind === "scored" && r.max !== null) c.max += r.max;
    if (r.kind !== "veto") c.score += r.score;
  });
  for (const [key, cut] of cuts) {
    const c = byKey.get(key);
    if (c) c.score -= cut;
  }
  for (const c of categories) (c.max = round(c.max)), (c.score = round(c.score));

  // the score every unit starts from, when a note states it for items with no 分值
  let max = table.base?.points ?? 0;
  let base = max;
  if (table.base) emit({ code: "sheet_base", sheet, cell: table.base.cell, points: table.base.points, text: table.base.text });
  for (const r of items) {
    if (!r.applicable || r.kind !== "scored") continue;
    if (r.max !== null) max += r.max;
    base += r.score;
  }
  max = round(max);
  base = round(base);
  adjustments = round(adjustments);
  const final = vetoed ? 0 : round(Math.max(0, base + adjustments));

  // A typed total in a 扣分 column is the points taken off, not the final: not compared.
  if (table.total && column && !column.deduction) {
    const cell = toA1(table.total.row, column.col);
    const typed = readEntry(valueAt(grid, table.total.row, column.col));
    if (typed.kind === "number" && Math.abs(typed.value - final) > 0.005) {
      emit({ code: "total_mismatch", sheet, cell, entered: typed.value, computed: final });
    }
  }

  const subtotals = checkSubtotals(table, items, column?.deduction ? null : column, grid, emit);

  const lastColumn = Math.max(table.columns.last, ...table.columns.scores.map((s) => s.col));
  const report: ScoreSheetReport = {
    kind: "score",
    sheet,
    scheme: options.scheme?.id ?? null,
    schemeName: options.scheme?.name ?? null,
    column: column?.header ?? "",
    columns: table.columns.scores.map((s) => s.header),
    unitClasses: classes.length ? classes : (options.scheme?.unitClasses ?? []),
    unitClass: unitClassOf(table, options.scheme, options.unitClass),
    items,
    categories,
    total: { max, base, adjustments, final, rate: max > 0 ? round(final / max) : 0, vetoed },
    ...bonusFields(bonusCeiling(table, items, options.scheme ?? null)),
    subtotals,
    placement: {
      headerRow: table.headerRow,
      firstColumn: table.columns.first,
      lastColumn,
      lastRow: table.lastRow,
      scoreColumn: column?.col ?? -1,
      totalRow: table.total?.row ?? null,
    },
  };
  return { report, findings };
}

/** Declared maxima (合计 row, "(N分)" headings and titles, the scheme's total) against the items' sums. */
function checkDeclaredMaxima(table: ScoreTable, scheme: Scheme | null, emit: Emit): void {
  const sheet = table.sheet;
  // Σ 分值 of the scored items under each group, in one pass over the items.
  const sums = new Map<string, number>();
  let total: number | null = null;
  for (const it of table.items) {
    if (it.kind !== "scored" || it.max === null) continue;
    total = (total ?? 0) + it.max;
    for (const key of it.groups) sums.set(key, (sums.get(key) ?? 0) + it.max);
  }
  for (const g of table.groups.values()) {
    if (g.declared === null || g.kind !== "normal") continue;
    const acc = sums.get(g.key);
    const sum = acc === undefined ? null : round(acc);
    if (sum !== null && Math.abs(sum - g.declared) > EPS) {
      emit({ code: "max_sum_mismatch", sheet, cell: g.cell, scope: g.name, declared: g.declared, sum });
    }
  }
  for (const it of table.items) {
    if (it.declared && it.max !== null && it.kind === "scored" && Math.abs(it.declared.points - it.max) > EPS) {
      emit({ code: "max_sum_mismatch", sheet, cell: it.declared.cell, scope: it.title, declared: it.declared.points, sum: it.max });
    }
    // the parts its criterion states ("决策草案【2分】…") against a 分值 stated elsewhere (not read from those parts)
    const parts = it.parts;
    if (parts && it.max !== null && it.kind === "scored" && it.maxCell !== parts.cell && Math.abs(parts.points - it.max) > EPS) {
      emit({ code: "criterion_points_mismatch", sheet, cell: parts.cell, title: it.title, stated: parts.points, max: it.max, maxCell: it.maxCell });
    }
  }
  if (table.base) total = (total ?? 0) + table.base.points;
  if (total !== null) total = round(total);
  const declared = table.total?.declared ?? scheme?.declaredMax ?? null;
  if (declared !== null && total !== null && Math.abs(total - declared) > EPS) {
    const cell = table.total?.declaredCell ?? toA1(table.headerRow, table.columns.max ?? table.columns.first);
    const fromTable = table.total?.declared != null;
    emit({ code: "max_sum_mismatch", sheet, cell, scope: fromTable ? "合计" : "全表满分", declared, sum: total, ...(fromTable ? {} : { origin: "scheme" as const }) });
  }
}

/** 小计 rows and a base 合计 before 附加分 rows: their declared 分值 and their typed sums. */
function checkSubtotals(table: ScoreTable, items: ItemReport[], column: { col: number } | null, grid: Grid, emit: Emit): SubtotalReport[] {
  const sheet = table.sheet;
  const out: SubtotalReport[] = [];
  for (const st of table.subtotals) {
    const scope = st.group !== null ? table.groups.get(st.group)!.name : st.label;
    let max = 0;
    let score = 0;
    let bonus = 0;
    let deduct = 0;
    table.items.forEach((it, i) => {
      if (st.group !== null ? !it.groups.includes(st.group) : it.row > st.row) return;
      if (it.kind === "scored" && it.max !== null) max += it.max;
      if (!items[i].applicable || it.kind === "veto") return;
      if (it.kind === "adjust" && items[i].score > 0) bonus += items[i].score;
      else if (it.kind === "adjust") deduct -= items[i].score;
      else score += items[i].score;
    });
    // a 加分合计 / 扣分合计 counts the section's adjustments after its caps
    const group = st.group !== null ? table.groups.get(st.group)! : null;
    const capped = (sum: number, caps: Array<{ cap: number }> | undefined) => (caps?.length ? Math.min(sum, ...caps.map((c) => c.cap)) : sum);
    score += capped(bonus, group?.bonusCaps) - capped(deduct, group?.deductCaps);
    out.push({ row: st.row + 1, label: scope, score: round(score) });
    if (st.declared !== null && st.declaredCell && Math.abs(round(max) - st.declared) > EPS) {
      emit({ code: "max_sum_mismatch", sheet, cell: st.declaredCell, scope, declared: st.declared, sum: round(max) });
    }
    if (!column) continue;
    const typed = readEntry(valueAt(grid, st.row, column.col));
    if (typed.kind === "number" && Math.abs(typed.value - round(score)) > 0.005) {
      emit({ code: "total_mismatch", sheet, cell: toA1(st.row, column.col), entered: typed.value, computed: round(score) });
    }
  }
  return out;
}
