/**
 * Checks a summary sheet against the sheets it sums: each row's 满分 against the matched sheet's
 * or category's maximum, each 得分 against the engine's score of it in the score column the
 * summary names (自评 vs 考核), and each 合计 row against the sum of the rows above it.
 */
import { compact } from "../grid";
import type { Finding } from "../findings";
import type { ScoreSheetReport } from "../report";
import { roundPoints } from "../rules/numbers";
import { GENERIC_SCORE_STEMS, SCORE_WORD_END, SCORER_WORDS, type Scorer } from "../words/summary";
import { matchLabels, type Target } from "./match";
import type { SummaryCell, SummarySheet } from "./read";

/** A score sheet of the workbook as the engine scored it. */
export interface SummaryTarget {
  sheet: string;
  /** Its report in the column the engine scored. */
  report: ScoreSheetReport;
  /** Its report scored in another of its score columns (by header); findings of that scoring are not wanted. */
  scoreIn(column: string): ScoreSheetReport;
}

/** Differences below this are rounding in the clerk's cells, not a disagreement. */
const TOLERANCE = 0.005;

const differs = (a: number, b: number) => Math.abs(a - b) > TOLERANCE;

/** Who a score header is of, and its stem: "自评得分" → self, "自评"; "得分" → null, "". */
function scorerOf(header: string): { stem: string; scorer: Scorer | null } {
  const whole = compact(header);
  const stem = whole.replace(SCORE_WORD_END, "");
  // (the scorer's word may share its last character with the score word: "自评分")
  for (const scorer of ["self", "review"] as const) if (SCORER_WORDS[scorer].some((w) => whole.includes(w))) return { stem, scorer };
  return { stem, scorer: null };
}

/**
 * The score column of a sheet that a summary column stands for: the same header, the same
 * scorer's word ("考核得分" ~ "考核评分"), the one column of the same scorer ("自评得分" ~ "自查评分");
 * a plain "得分" stands for the column the sheet was scored in; with `only` (the one score the
 * summary row gives), a sheet's one plain "得分" stands for any scorer's. Null when none can be told.
 */
export function columnFor(summaryHeader: string, target: ScoreSheetReport, only = false): string | null {
  const w = compact(summaryHeader);
  const exact = target.columns.find((c) => compact(c) === w);
  if (exact) return exact;
  const mine = scorerOf(summaryHeader);
  if (mine.scorer === null && GENERIC_SCORE_STEMS.includes(mine.stem)) return target.column || null;
  const theirs = target.columns.map((c) => ({ c, ...scorerOf(c) }));
  const sameStem = theirs.find((t) => t.stem === mine.stem);
  if (sameStem) return sameStem.c;
  if (mine.scorer === null) return null;
  const same = theirs.filter((t) => t.scorer === mine.scorer);
  if (same.length === 1) return same[0].c;
  // the summary's only score column over a sheet's only one, named by no one: the same score
  return only && target.columns.length === 1 && theirs[0].scorer === null ? target.columns[0] : null;
}

/** The numbers of a target in one scoring: the whole sheet's or one category's. */
function figures(report: ScoreSheetReport, group: string | null): { max: number; score: number } | null {
  if (group === null) return { max: report.total.max, score: report.total.final };
  const c = report.categories.find((x) => x.name === group);
  return c ? { max: c.max, score: c.score } : null;
}

/** Checks one summary sheet. Findings only: the summary is never scored itself. */
export function checkSummary(summary: SummarySheet, targets: SummaryTarget[]): Finding[] {
  const findings: Finding[] = [];
  const sheet = summary.sheet;
  const bySheet = new Map(targets.map((t) => [t.sheet, t]));
  const categories: Target[] = [];
  for (const t of targets) {
    const seen = new Set<string>();
    for (const c of t.report.categories) if (!seen.has(c.name)) seen.add(c.name), categories.push({ sheet: t.sheet, group: c.name });
  }
  const items = summary.rows.filter((r) => r.kind === "item");
  const matches = matchLabels(
    items.map((r) => r.label),
    targets.map((t) => t.sheet),
    categories,
  );

  // each sheet scored in each column once, however many rows ask for it
  const scorings = new Map<string, ScoreSheetReport | null>();
  const scoredIn = (t: SummaryTarget, column: string): ScoreSheetReport | null => {
    if (column === t.report.column) return t.report;
    const key = `${t.sheet}\u0000${column}`;
    if (!scorings.has(key)) {
      const r = t.scoreIn(column);
      // a column left empty was not scored (the engine turned to a filled one): nothing to compare
      scorings.set(key, r.column === column ? r : null);
    }
    return scorings.get(key)!;
  };

  items.forEach((row, i) => {
    const m = matches[i];
    if (m.kind !== "matched") {
      findings.push({
        code: "summary_row_unmatched",
        sheet,
        cell: row.labelCell,
        label: row.label,
        candidates: m.kind === "ambiguous" ? m.candidates : [],
      });
      return;
    }
    const target = bySheet.get(m.target.sheet)!;
    const at = { targetSheet: m.target.sheet, group: m.target.group };
    const base = figures(target.report, m.target.group);
    if (base && row.max?.value != null && !summary.weights && differs(row.max.value, base.max)) {
      findings.push({ code: "summary_max_mismatch", sheet, cell: row.max.cell, label: row.label, ...at, declared: row.max.value, max: base.max });
    }
    const filled = row.scores.filter((c) => c.value !== null).length;
    row.scores.forEach((cell, j) => {
      if (cell.value === null) return;
      const column = columnFor(summary.columns[j], target.report, filled === 1);
      if (column === null) return;
      const report = scoredIn(target, column);
      const got = report && figures(report, m.target.group);
      if (!got || !differs(cell.value, got.score)) return;
      findings.push({
        code: "summary_score_mismatch",
        sheet,
        cell: cell.cell,
        label: row.label,
        ...at,
        column,
        entered: cell.value,
        computed: got.score,
        formula: cell.formula,
      });
    });
  });

  findings.push(...checkTotals(summary));
  return findings;
}

/** Each 合计 row against the sum of the rows between it and the 合计 before it. */
function checkTotals(summary: SummarySheet): Finding[] {
  const out: Finding[] = [];
  let start = 0;
  summary.rows.forEach((row, i) => {
    if (row.kind !== "total") return;
    const parts = summary.rows.slice(start, i).filter((r) => r.kind === "item");
    start = i + 1;
    if (parts.length < 2) return;
    const compare = (cell: SummaryCell | null, pick: (r: (typeof parts)[number]) => SummaryCell | null, column: string) => {
      if (!cell || cell.value === null) return;
      const values = parts.map((p) => pick(p)?.value ?? null);
      if (values.every((v) => v === null)) return;
      const sum = roundPoints(values.reduce<number>((a, v) => a + (v ?? 0), 0));
      if (differs(cell.value, sum)) out.push({ code: "summary_total_mismatch", sheet: summary.sheet, cell: cell.cell, label: row.label, column, entered: cell.value, sum, rows: parts.length });
    };
    compare(row.max, (p) => p.max, summary.maxHeader ?? "满分");
    row.scores.forEach((cell, j) => compare(cell, (p) => p.scores[j], summary.columns[j]));
  });
  return out;
}
