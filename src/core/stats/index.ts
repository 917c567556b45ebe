/**
 * Statistics sheets (政府信息公开情况统计表 2017, 政府信息公开工作年度报告 2021): recognise,
 * check the identities, report, and look up values for the cross-checks.
 *
 * Canonical keys: the 2017 rows are listed in format2017.ts (proactive_items, normative_docs_issued,
 * policy_interpretations, applications_closed, review_corrected, litigation_corrected, trainings,
 * trainees …); the 2021 cells are "<line>.<column>" as listed in format2021.ts
 * (results_total.natural_person, review.corrected …), and the 2017 keys of the cross-checks that
 * have a 2021 counterpart (review_corrected, litigation_corrected …) are available on both.
 */
import type { Grid } from "../grid";
import type { Finding } from "../findings";
import type { StatisticsSheetReport } from "../report";
import { checkTable, resolver } from "./check";
import { detect2017 } from "./detect2017";
import { detect2021 } from "./detect2021";
import type { StatisticsTable } from "./types";

export type { StatisticsTable, StatRow, StatKind, StatFormat, Identity, DerivedKey } from "./types";
export { ROWS_2017, IDENTITIES_2017 } from "./format2017";

/**
 * Recognises a statistics sheet anywhere on the grid: the 2017 统计表 by its 统计指标 / 单位 /
 * 统计数 header, the 2021 年报 by its 自然人…总计 and 行政复议 / 行政诉讼 tables. Null when the grid
 * holds neither. Never throws.
 */
export function detectStatistics(grid: Grid): StatisticsTable | null {
  try {
    return detect2017(grid) ?? detect2021(grid);
  } catch {
    return null;
  }
}

/** Every problem in the table's values and identities, in sheet order. Never throws. */
export function checkStatistics(table: StatisticsTable): Finding[] {
  try {
    return checkTable(table);
  } catch {
    return [];
  }
}

/** The table as the report carries it: every value cell (headings left out). */
export function statisticsReport(table: StatisticsTable): StatisticsSheetReport {
  return {
    kind: "statistics",
    sheet: table.sheet,
    format: table.format,
    rows: table.rows.flatMap((r) => (r.cell === null ? [] : [{ label: r.label, unit: r.unit, cell: r.cell, value: r.value }])),
  };
}

/**
 * The number under a canonical key, for the cross-checks: `value` null when the cell is blank or
 * not a number; the whole result null when the table has no such row. A derived key (a 2021 group
 * without a line of its own, litigation_corrected) sums its cells and points at the first.
 */
export function statValue(table: StatisticsTable, key: string): { value: number | null; cell: string; label: string } | null {
  const row = table.rows.find((r) => r.key === key && r.cell !== null);
  if (row?.cell) {
    const r = resolver(table)(key);
    return { value: r.state === "ok" && r.filled ? r.value : null, cell: row.cell, label: row.name };
  }
  const r = resolver(table)(key);
  return r.state === "ok" ? { value: r.filled ? r.value : null, cell: r.cell, label: r.name } : null;
}
