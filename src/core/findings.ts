/**
 * Problems found in the user's workbook: a discriminated union of structured findings, and the
 * one place that turns each into Chinese (CLI, pane, cell notes and the 核算结果 sheet all use it).
 */
import type { CellValue } from "./grid";
import { roundPoints } from "./rules/numbers";

export type Severity = "error" | "warning" | "info";

/** The structured fields of each finding code. `cell` and `sheet` are common to all. */
export interface FindingFields {
  // — score sheet —
  /** `full_marks`: "满分" read as the 分值; `deduction_from_max`: "扣2分" read as the 分值 less 2. */
  score_normalized: { entered: CellValue; value: number; reason: "text" | "deduction_as_positive" | "full_marks" | "deduction_from_max" };
  score_missing: { title: string };
  score_not_number: { entered: CellValue };
  score_over_max: { max: number; entered: number };
  score_negative: { entered: number };
  score_off_step: { max: number; step: number; entered: number };
  deduction_over_max: { max: number; entered: number };
  adjust_over_cap: { cap: number; entered: number };
  adjust_under_cap: { cap: number; entered: number };
  item_not_applicable: { title: string; entered: string };
  veto_applied: { title: string };
  group_bonus_capped: { group: string; cap: number; sum: number };
  group_deduct_capped: { group: string; cap: number; sum: number };
  /** `origin`: "scheme" when the declared total comes from the recognised template, not from a cell. */
  max_sum_mismatch: { scope: string; declared: number; sum: number; origin?: "scheme" };
  max_unknown: { title: string };
  /** The points an item's criterion text states in parts ("【2分】", "(1分)") against its 分值 (at `maxCell`). */
  criterion_points_mismatch: { title: string; stated: number; max: number; maxCell: string | null };
  total_mismatch: { entered: number; computed: number };
  rule_not_understood: { phrase: string };
  /**
   * `points`: the column headed `column` holds the items' points (分值, "2分"), not entries, and no
   * other is left to score; the finding's cell is its header.
   */
  score_column_missing: { column: string; available: string[]; points?: true };
  /** The chosen score column holds no entry; `to`, which does, was scored instead. */
  score_column_switched: { from: string; to: string };
  check_incomplete: { part: string };
  /** The items have no 分值: the score starts from the base `text` states (at the finding's cell). */
  sheet_base: { points: number; text: string };
  // — statistics sheet —
  /** `minus`: members subtracted (四 = 一 + 二 − 三(七)); `blank`: the whole was left blank and read as 0. */
  stat_sum_mismatch: { label: string; value: number; sum: number; parts: string[]; minus?: string[]; blank?: boolean };
  stat_part_exceeds_whole: { label: string; value: number; whole: string; wholeCell: string; wholeValue: number };
  stat_not_integer: { label: string; value: number; unit: string };
  stat_decimals: { label: string; value: number };
  /** `yesNo`: the cell expects 是/否 rather than a number. */
  stat_blank: { label: string; yesNo?: boolean };
  stat_not_number: { label: string; entered: CellValue };
  stat_not_yes_no: { label: string; entered: CellValue };
  // — summary sheet (汇总表) ↔ the sheets it sums —
  /** The row's 满分 against the maximum of the sheet (`group` null) or category it names. */
  summary_max_mismatch: { label: string; targetSheet: string; group: string | null; declared: number; max: number };
  /** The row's 得分 against the engine's score of it in `column`; `formula`: the cell's saved formula result. */
  summary_score_mismatch: {
    label: string;
    targetSheet: string;
    group: string | null;
    column: string;
    entered: number;
    computed: number;
    formula: boolean;
  };
  /** A 合计 row against the sum of the `rows` rows above it, in `column` (满分 or a score column). */
  summary_total_mismatch: { label: string; column: string; entered: number; sum: number; rows: number };
  /** A row naming no sheet or category of the workbook (`candidates` empty), or several. */
  summary_row_unmatched: { label: string; candidates: Array<{ sheet: string; group: string | null }> };
  // — score sheet ↔ statistics —
  cross_check_failed: {
    check: string;
    claimed: number;
    statLabel: string;
    statSheet: string;
    statCell: string;
    /** The statistic's number, or its text for a 是/否 row. */
    statValue: number | string;
    detail: string;
  };
}

export type FindingCode = keyof FindingFields;

export type Finding = {
  [K in FindingCode]: { code: K; sheet: string; cell: string | null } & FindingFields[K];
}[FindingCode];

export type FindingOf<K extends FindingCode> = Extract<Finding, { code: K }>;

/** A finding as every front end shows it and as the JSON report carries it. */
export interface RenderedFinding {
  severity: Severity;
  code: FindingCode;
  sheet: string;
  cell: string | null;
  message: string;
  expected?: number | string;
  actual?: number | string;
}

interface CodeEntry<K extends FindingCode> {
  severity: Severity;
  message: (f: FindingOf<K>) => string;
  expected?: (f: FindingOf<K>) => number | string;
  actual?: (f: FindingOf<K>) => number | string;
}

/** Formats a number the way a reviewer writes it: no trailing zeros, no float noise. */
export function fmt(n: number): string {
  const r = roundPoints(n);
  return String(Object.is(r, -0) ? 0 : r);
}

/** fmt with a "+" before a positive number: how an adjustment is written ("+2", "-0.5", "0"). */
export const fmtSigned = (n: number): string => (n > 0 ? `+${fmt(n)}` : fmt(n));

/** A rate (0…1) as a percentage to one decimal, without the sign: 0.9234 → "92.3". */
export const fmtPercent = (rate: number): string => fmt(Math.round(rate * 1000) / 10);

/** Where a summary row points: 工作表“政务公开”, or 工作表“政务公开”的类别“公开平台”. */
function targetName(sheet: string, group: string | null): string {
  return group === null ? `工作表“${sheet}”` : `工作表“${sheet}”的类别“${group}”`;
}

function shown(v: CellValue): string {
  if (v === null || v === undefined) return "(空)";
  return `“${String(v).trim()}”`;
}

/** zh-CN: one entry per code. A test checks that every code renders. */
export const FINDING_CATALOG: { [K in FindingCode]: CodeEntry<K> } = {
  score_normalized: {
    severity: "info",
    message: (f) =>
      f.reason === "deduction_as_positive"
        ? `扣分项填写了正数 ${shown(f.entered)},按扣 ${fmt(Math.abs(f.value))} 分计算`
        : f.reason === "full_marks"
          ? `得分填写为 ${shown(f.entered)},按本项分值 ${fmt(f.value)} 分计算`
          : f.reason === "deduction_from_max"
            ? `得分填写为 ${shown(f.entered)},按本项分值减去所扣分数,计 ${fmt(f.value)} 分`
            : `得分 ${shown(f.entered)} 按数字 ${fmt(f.value)} 计算`,
    actual: (f) => fmt(f.value),
  },
  score_missing: {
    severity: "warning",
    message: (f) => `“${f.title}”未填写得分,按 0 分计算`,
  },
  score_not_number: {
    severity: "error",
    message: (f) => `得分 ${shown(f.entered)} 不是数字,按 0 分计算;请填写数字`,
    actual: (f) => String(f.entered ?? ""),
  },
  score_over_max: {
    severity: "error",
    message: (f) => `得分 ${fmt(f.entered)} 超过分值 ${fmt(f.max)},按 ${fmt(f.max)} 分计算`,
    expected: (f) => `≤${fmt(f.max)}`,
    actual: (f) => f.entered,
  },
  score_negative: {
    severity: "error",
    message: (f) => `得分 ${fmt(f.entered)} 为负数,按 0 分计算`,
    expected: () => "≥0",
    actual: (f) => f.entered,
  },
  score_off_step: {
    severity: "warning",
    message: (f) =>
      `得分 ${fmt(f.entered)} 与扣分规则不符:分值 ${fmt(f.max)} 分、每项扣 ${fmt(f.step)} 分,得分应为 ${fmt(f.max)} 减去 ${fmt(f.step)} 的整数倍`,
    actual: (f) => f.entered,
  },
  deduction_over_max: {
    severity: "error",
    message: (f) => `扣分 ${fmt(f.entered)} 超过本项分值 ${fmt(f.max)},按 0 分计算`,
    expected: (f) => `≤${fmt(f.max)}`,
    actual: (f) => f.entered,
  },
  adjust_over_cap: {
    severity: "error",
    message: (f) => `加分 ${fmt(f.entered)} 超过上限 ${fmt(f.cap)} 分,按 ${fmt(f.cap)} 分计算`,
    expected: (f) => `≤${fmt(f.cap)}`,
    actual: (f) => f.entered,
  },
  adjust_under_cap: {
    severity: "error",
    message: (f) => `扣分 ${fmt(Math.abs(f.entered))} 超过最多可扣的 ${fmt(f.cap)} 分,按扣 ${fmt(f.cap)} 分计算`,
    expected: (f) => `≥-${fmt(f.cap)}`,
    actual: (f) => f.entered,
  },
  item_not_applicable: {
    severity: "info",
    message: (f) => `“${f.title}”填写“${f.entered}”,本项不适用于本单位,不计入分值和得分`,
  },
  veto_applied: {
    severity: "warning",
    message: (f) => `一票否决项“${f.title}”已触发,总得分为 0 分`,
  },
  group_bonus_capped: {
    severity: "warning",
    message: (f) => `“${f.group}”加分合计 ${fmt(f.sum)} 分,超过累计上限 ${fmt(f.cap)} 分,按 ${fmt(f.cap)} 分计算`,
    expected: (f) => `≤${fmt(f.cap)}`,
    actual: (f) => f.sum,
  },
  group_deduct_capped: {
    severity: "warning",
    message: (f) => `“${f.group}”扣分合计 ${fmt(f.sum)} 分,超过最多可扣的 ${fmt(f.cap)} 分,按扣 ${fmt(f.cap)} 分计算`,
    expected: (f) => `≤${fmt(f.cap)}`,
    actual: (f) => f.sum,
  },
  max_sum_mismatch: {
    severity: "warning",
    message: (f) =>
      f.origin === "scheme"
        ? `所识别的模板规定全表满分 ${fmt(f.declared)} 分(表内未写明),但表内各项分值合计 ${fmt(f.sum)} 分`
        : `“${f.scope}”标明 ${fmt(f.declared)} 分${f.cell ? `(单元格 ${f.cell} 中的数字)` : ""},但所含各项分值合计 ${fmt(f.sum)} 分`,
    expected: (f) => f.declared,
    actual: (f) => f.sum,
  },
  max_unknown: {
    severity: "warning",
    message: (f) => `“${f.title}”没有可识别的分值,本项不计入满分`,
  },
  criterion_points_mismatch: {
    severity: "warning",
    message: (f) =>
      `“${f.title}”的评分标准中各项分值合计 ${fmt(f.stated)} 分,与本项分值 ${fmt(f.max)} 分${f.maxCell ? `(单元格 ${f.maxCell})` : ""}不符;` +
      `按 ${fmt(f.max)} 分核算,请核对评分标准或分值`,
    expected: (f) => f.max,
    actual: (f) => f.stated,
  },
  total_mismatch: {
    severity: "error",
    message: (f) => `填写的合计 ${fmt(f.entered)} 分与核算结果 ${fmt(f.computed)} 分不一致`,
    expected: (f) => f.computed,
    actual: (f) => f.entered,
  },
  rule_not_understood: {
    severity: "info",
    message: (f) => `未能识别的评分规则:“${f.phrase}”,本句未参与核算`,
  },
  score_column_missing: {
    severity: "warning",
    message: (f) =>
      f.points
        ? `“${f.column}”列填的是各项的分值(如“2分”),已按分值读取;本表没有可填写得分的列,得分未核算。请在表格右侧加一列(如“自评得分”)填写各项得分`
        : `本表没有“${f.column}”列` + (f.available.length ? `(现有:${f.available.join("、")}),改用“${f.available[0]}”` : ""),
  },
  sheet_base: {
    severity: "info",
    message: (f) => `本表各项没有分值,按本单元格“${f.text}”从 ${fmt(f.points)} 分起算,各项加分、扣分在此基础上计算`,
  },
  score_column_switched: {
    severity: "warning",
    message: (f) => `“${f.from}”列没有填写任何得分,已改按已填写的“${f.to}”列核算(如需核算“${f.from}”,请先填写该列)`,
  },
  check_incomplete: {
    severity: "warning",
    message: (f) => `本工作表的${f.part}未能完成核对(程序内部错误),其余工作表不受影响;请把文件发给维护人员`,
  },
  stat_sum_mismatch: {
    severity: "error",
    message: (f) =>
      `“${f.label}”${f.blank ? "未填写" : `填 ${fmt(f.value)}`},但${f.parts.join("、")}之和` +
      (f.minus?.length ? `减去${f.minus.join("、")}` : "") +
      `为 ${fmt(f.sum)}`,
    expected: (f) => f.sum,
    actual: (f) => f.value,
  },
  stat_part_exceeds_whole: {
    severity: "error",
    message: (f) => `“${f.label}”为 ${fmt(f.value)},超过了“${f.whole}”(${f.wholeCell})的 ${fmt(f.wholeValue)}`,
    expected: (f) => `≤${fmt(f.wholeValue)}`,
    actual: (f) => f.value,
  },
  stat_not_integer: {
    severity: "error",
    message: (f) => `“${f.label}”应为不小于 0 的整数(单位:${f.unit}),现为 ${fmt(f.value)}`,
    actual: (f) => f.value,
  },
  stat_decimals: {
    severity: "warning",
    message: (f) => `“${f.label}”金额应四舍五入保留两位小数,现为 ${fmt(f.value)}`,
    actual: (f) => f.value,
  },
  stat_blank: {
    severity: "info",
    message: (f) => (f.yesNo ? `“${f.label}”未填写;请填“是”或“否”` : `“${f.label}”未填写,按 0 计算;没有数据请填“0”`),
  },
  stat_not_number: {
    severity: "error",
    message: (f) => `“${f.label}”应填数字,现为 ${shown(f.entered)}`,
    actual: (f) => String(f.entered ?? ""),
  },
  stat_not_yes_no: {
    severity: "error",
    message: (f) => `“${f.label}”只能填“是”或“否”,现为 ${shown(f.entered)}`,
    actual: (f) => String(f.entered ?? ""),
  },
  summary_max_mismatch: {
    severity: "warning",
    message: (f) => `汇总表中“${f.label}”的满分 ${fmt(f.declared)} 分,与${targetName(f.targetSheet, f.group)}的满分 ${fmt(f.max)} 分不符`,
    expected: (f) => f.max,
    actual: (f) => f.declared,
  },
  summary_score_mismatch: {
    severity: "warning",
    message: (f) =>
      `汇总表中“${f.label}”的得分 ${fmt(f.entered)} 分${f.formula ? "(公式保存的结果)" : ""},与${targetName(f.targetSheet, f.group)}按“${f.column}”列核算的 ${fmt(f.computed)} 分不符` +
      (f.formula ? ";请核对公式引用的单元格,或重新计算后保存" : ""),
    expected: (f) => f.computed,
    actual: (f) => f.entered,
  },
  summary_total_mismatch: {
    severity: "warning",
    message: (f) => `汇总表“${f.label}”行的${f.column} ${fmt(f.entered)},与上面 ${f.rows} 行之和 ${fmt(f.sum)} 不符`,
    expected: (f) => f.sum,
    actual: (f) => f.entered,
  },
  summary_row_unmatched: {
    severity: "info",
    message: (f) =>
      f.candidates.length
        ? `汇总表中“${f.label}”可能对应${f.candidates.map((c) => targetName(c.sheet, c.group)).join("、")},无法确定,本行未核对`
        : `汇总表中“${f.label}”没有找到同名的工作表或类别,本行未核对`,
  },
  cross_check_failed: {
    severity: "warning",
    message: (f) =>
      `${f.check}:评分表填报 ${fmt(f.claimed)},与统计表“${f.statLabel}”(${f.statSheet}!${f.statCell})的 ${typeof f.statValue === "number" ? fmt(f.statValue) : `“${f.statValue}”`} 不符;${f.detail}`,
    actual: (f) => f.claimed,
    expected: (f) => f.statValue,
  },
};

/** Renders one finding into its Chinese message and public fields. */
export function renderFinding(f: Finding): RenderedFinding {
  const entry = FINDING_CATALOG[f.code] as CodeEntry<FindingCode>;
  const out: RenderedFinding = {
    severity: entry.severity,
    code: f.code,
    sheet: f.sheet,
    cell: f.cell,
    message: entry.message(f as never),
  };
  if (entry.expected) out.expected = entry.expected(f as never);
  if (entry.actual) out.actual = entry.actual(f as never);
  return out;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export const SEVERITY_LABEL: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };

/** Errors first, then warnings, then infos; within a severity, the order found. */
export function sortFindings<T extends { severity: Severity }>(list: T[]): T[] {
  return list
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i)
    .map((x) => x.f);
}
