/**
 * Report: the one result every front end shows (the pane, the CLI's text and JSON output, the
 * 核算结果 sheet). JSON-serialisable as it is; `schemaVersion` changes when a field changes meaning.
 */
import type { CellValue } from "./grid";
import type { RenderedFinding, Severity } from "./findings";
import { roundPoints } from "./rules/numbers";
import type { Rule } from "./rules/types";

export type ItemKind = "scored" | "adjust" | "veto";

export interface ItemReport {
  /** 1-based sheet row of the item. */
  row: number;
  /** 序号 as written ("1", "(一)"), null when the table has none. */
  id: string | null;
  category: string | null;
  title: string;
  kind: ItemKind;
  /** 分值; null for adjustment and veto items and for items whose maximum is unknown. */
  max: number | null;
  rules: Rule[];
  /** The score cell that was read (A1, no `$`). */
  cell: string;
  entered: CellValue;
  /** What the item counts for after clamps and caps (before group caps). */
  score: number;
  /** False when the entry said 不适用 / 不涉及 / 无此项. */
  applicable: boolean;
}

export interface CategoryReport {
  name: string;
  max: number;
  score: number;
}

export interface TotalReport {
  max: number;
  base: number;
  adjustments: number;
  final: number;
  /** final / max, 0 when max is 0. */
  rate: number;
  vetoed: boolean;
}

/** A 小计 row (or a base 合计 before 附加分 rows) and what it adds up to. */
export interface SubtotalReport {
  /** 1-based sheet row. */
  row: number;
  /** The group it sums (or its own label). */
  label: string;
  score: number;
}

/** Where the score table stands, for write-back (0-based indices). */
export interface ScoreTablePlacement {
  headerRow: number;
  firstColumn: number;
  lastColumn: number;
  lastRow: number;
  scoreColumn: number;
  /** The row of 合计/总计, if the table has one. */
  totalRow: number | null;
}

export interface ScoreSheetReport {
  kind: "score";
  sheet: string;
  /** The recognised template's id, null when unknown. */
  scheme: string | null;
  schemeName: string | null;
  /** The header of the score column that was scored. */
  column: string;
  /** Every score column the table has (自查评分, 考核评分 …). */
  columns: string[];
  /** The unit classes the rules name (一类, 二类 …) and the one used. */
  unitClasses: string[];
  unitClass: string | null;
  items: ItemReport[];
  categories: CategoryReport[];
  total: TotalReport;
  /**
   * The most the 加分 items may add (their caps and group caps): a scheme of 35 + 5 reads
   * "满分 35,加分上限 5". 0 without bonus items; null when a bonus has no bound; absent in older reports.
   */
  bonusMax?: number | null;
  /** Some adjustment item has no rule at all ("根据实际情况确定加分数和扣分数"): not in bonusMax. */
  bonusOpen?: boolean;
  subtotals: SubtotalReport[];
  placement: ScoreTablePlacement;
}

export interface StatisticsRowReport {
  label: string;
  unit: string;
  cell: string;
  value: CellValue;
}

export interface StatisticsSheetReport {
  kind: "statistics";
  sheet: string;
  format: "2017" | "2021";
  rows: StatisticsRowReport[];
}

export type SheetReport = ScoreSheetReport | StatisticsSheetReport;

export interface Report {
  schemaVersion: 1;
  file: string | null;
  /** The score column asked for (or the first one found). */
  column: string | null;
  sheets: SheetReport[];
  findings: RenderedFinding[];
  summary: { errors: number; warnings: number; infos: number };
}

/** The part of a category's score that comes from its 加/扣分 items (after group caps). */
export function categoryAdjustments(s: ScoreSheetReport, c: CategoryReport): number {
  const base = s.items.reduce((n, i) => n + (i.category === c.name && i.kind === "scored" && i.applicable ? i.score : 0), 0);
  return roundPoints(c.score - base);
}

export function summarize(findings: { severity: Severity }[]): Report["summary"] {
  const s = { errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) {
    if (f.severity === "error") s.errors++;
    else if (f.severity === "warning") s.warnings++;
    else s.infos++;
  }
  return s;
}
