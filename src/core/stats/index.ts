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
import { ROWS_2017 } from "./format2017";
import {
  ALIASES_2021,
  APPEAL_GROUPS,
  APPEAL_OUTCOMES,
  APPLICANT_COLUMNS,
  APPLICATION_LINES,
  PROACTIVE_COLUMNS,
  PROACTIVE_LINES,
  type ColumnDef,
  type LineDef,
} from "./format2021";
import type { StatFormat, StatisticsTable } from "./types";

export type { StatisticsTable, StatRow, StatKind, StatFormat, Identity, DerivedKey } from "./types";
export { ROWS_2017, IDENTITIES_2017 } from "./format2017";

/**
 * Every canonical key statValue answers to, per format, with how the form names it: the 2017
 * rows (headings left out), the 2021 cells "<line>.<column>", and the 2017 keys the 2021 format
 * also answers (review_corrected, litigation_corrected …). For schemes to validate their keys.
 */
export const STAT_KEYS: Readonly<Record<StatFormat, readonly { key: string; label: string }[]>> = {
  "2017": ROWS_2017.filter((d) => d.kind !== "heading").map((d) => ({ key: d.key, label: d.label })),
  "2021": [
    ...matrixKeys(PROACTIVE_LINES, PROACTIVE_COLUMNS),
    ...matrixKeys(APPLICATION_LINES, APPLICANT_COLUMNS),
    ...matrixKeys(APPEAL_GROUPS, APPEAL_OUTCOMES),
    ...Object.entries(ALIASES_2021).map(([key, a]) => ({ key, label: a.name })),
  ],
};

function matrixKeys(lines: readonly (Partial<LineDef> & { key: string; name?: string })[], columns: readonly ColumnDef[]) {
  return lines
    .filter((l) => !l.heading)
    .flatMap((l) =>
      columns.filter((c) => !l.columns || l.columns.includes(c.key)).map((c) => ({ key: `${l.key}.${c.key}`, label: `${l.label ?? l.name}·${c.name}` })),
    );
}

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

/**
 * Every problem in the table's values and identities, in sheet order. Never throws: a bug of
 * ours in one table becomes a `check_incomplete` finding, so the rest of the workbook is still
 * checked and the user is told this table was not.
 */
export function checkStatistics(table: StatisticsTable): Finding[] {
  try {
    return checkTable(table);
  } catch {
    return [{ code: "check_incomplete", sheet: table.sheet, cell: null, part: "统计表" }];
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
