/**
 * The collecting office (汇总): what one workbook gives to the batch (WorkbookEntry), what the batch
 * concludes (BatchResult, the JSON of `kaohe batch --json`, schemaVersion 1) and the detail the
 * summary workbook (汇总.xlsx) and the preview show beside it.
 */
import type { RenderedFinding, Severity } from "../core/findings";

/** Codes of findings the batch itself raises (beside the engine's own codes). */
export type BatchCode =
  /** The file cannot be read or holds no table: the message `kaohe check` gives. */
  | "file_unusable"
  /** A unit has no workbook for a round: the round counts 0. */
  | "round_missing"
  /** A unit sent more than one score workbook for the same round: they are added up. */
  | "unit_duplicate"
  /** Two units' 统计表 numbers are identical (年报雷同). */
  | "stats_identical";

/** A finding of the batch: the engine's, or the batch's own, with the file it is in. */
export interface BatchFinding extends Omit<RenderedFinding, "code" | "sheet"> {
  severity: Severity;
  code: RenderedFinding["code"] | BatchCode;
  /** The file as given (relative to the folder named), null for a finding about a unit as a whole. */
  file: string | null;
  /** The unit it concerns, when known. */
  unit: string | null;
  sheet: string | null;
  cell: string | null;
  message: string;
}

/** One item's lost points (反馈单): a scored item below its 分值, a deduction, a veto. */
export interface LostItem {
  sheet: string;
  id: string | null;
  category: string | null;
  title: string;
  max: number | null;
  score: number;
  lost: number;
  /** The rule text the item is scored by (the user's own words, joined). */
  rule: string;
  /** The findings at the item's row, in Chinese. */
  findings: string[];
  vetoed: boolean;
}

/** One item scored in both the 自查 and the 考核 column (自查与考核). */
export interface CompareItem {
  sheet: string;
  id: string | null;
  title: string;
  max: number | null;
  self: number;
  review: number;
  /** review − self. */
  diff: number;
  rule: string;
}

/** What the batch keeps of one workbook: totals, findings and the few rows the summary needs. */
export interface WorkbookEntry {
  /** The file as shown (a path relative to the folder named, or as given). */
  file: string;
  /** Names of the folders above the file, outermost first (for a class named by a folder). */
  folders: string[];
  /** The round the file belongs to, null without rounds. */
  round: string | null;
  /** The unit's name and class written in the sheet, when they are. */
  unitName: string | null;
  unitClass: string | null;
  /** Why the file is unusable (the message `kaohe check` gives), null when it was scored. */
  failure: string | null;
  /** Score tables found: when false the workbook holds statistics only. */
  scored: boolean;
  /** The score column ranked (考核评分 where it is filled, else the first; --column wins). */
  column: string | null;
  max: number;
  final: number;
  vetoed: boolean;
  findings: RenderedFinding[];
  lost: LostItem[];
  /** Items with both a 自查 and a 考核 score, empty unless both columns are filled. */
  compare: CompareItem[];
  compareColumns: [string, string] | null;
  /** The 统计表 numbers, in order, per statistics sheet; null without statistics. */
  statistics: { sheet: string; values: string } | null;
}

/** A round of a composed year: `{"name":"第一季度","path":"Q1","points":20}`. */
export interface RoundDef {
  name: string;
  path: string;
  points: number;
}

export interface GradeBand {
  name: string;
  /** The least score on the 100-point scale that earns it. */
  min: number;
}

export interface RoundResult {
  name: string;
  max: number;
  final: number;
  rate: number;
  points: number;
  contribution: number;
}

/** A unit in the JSON output: exactly these fields. */
export interface BatchUnit {
  unit: string;
  unitClass: string | null;
  files: string[];
  max: number;
  final: number;
  /** 得分率 (0…1): final / max, or the composed total / the rounds' points. */
  rate: number;
  /** The composed total, or final when there are no rounds. */
  total: number;
  vetoed: boolean;
  /** 等次, null when the unit has no score table. */
  grade: string | null;
  /** 名次 within its class, null when the unit has no score table. */
  rank: number | null;
  errors: number;
  warnings: number;
  rounds: RoundResult[];
}

export interface BatchResult {
  schemaVersion: 1;
  kind: "batch";
  units: BatchUnit[];
  findings: BatchFinding[];
}

/** The indicators that lost the most points across the units of a class (通报). */
export interface LossSummary {
  title: string;
  category: string | null;
  max: number | null;
  /** How many units lost points on it. */
  units: number;
  lost: number;
}

/** Per class: what the 通报 says. */
export interface ClassBulletin {
  unitClass: string | null;
  units: number;
  passed: number;
  /** passed / units (0 when none). */
  passRate: number;
  failed: Array<{ unit: string; total: number; score100: number; reason: string }>;
  losses: LossSummary[];
}

/** Per unit, what the summary shows beside the JSON fields. */
export interface UnitDetail {
  /** The score on the 100-point scale (得分率 × 100, or the composed total scaled to 100). */
  score100: number;
  /** Another unit of the class has the same rank (并列). */
  tied: boolean;
  lost: LostItem[];
  compare: CompareItem[];
  compareColumns: [string, string] | null;
  /** The score column ranked, when one file says it. */
  column: string | null;
}

/** Two or more units with identical 统计表 numbers. */
export interface IdenticalStatistics {
  round: string | null;
  units: string[];
  files: string[];
}

export interface BatchDetail {
  grades: GradeBand[];
  /** The lowest band (不合格 by default): vetoed units and those below every band. */
  lowest: string;
  rounds: RoundDef[];
  /** Keyed like `units` of the result, same order. */
  units: UnitDetail[];
  classes: ClassBulletin[];
  identical: IdenticalStatistics[];
}

export interface Batch {
  result: BatchResult;
  detail: BatchDetail;
}
