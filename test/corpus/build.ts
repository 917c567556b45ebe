/**
 * Small builders for score tables in layouts the seeds do not show, and a runner that reads a
 * table the way a 政务公开办 reviewer looks at it: items, categories, total, findings at cells.
 */
import type { CellValue, Grid } from "../../src/core/grid";
import { checkGrids, type CheckOptions } from "../../src/kaohe";
import type { ScoreSheetReport } from "../../src/core/report";
import { gridOf } from "../helpers/grid";

/** A row given as one text spans the table (titles, section rows, notes); `null` is a blank row. */
export type Line = CellValue[] | string | null;

/**
 * A sheet `width` columns wide: single-text lines are merged over the width (as Word conversions
 * and hand-made templates do), other rows are taken as they are. `merges` adds merges (A1 ranges).
 */
export function sheet(width: number, lines: Line[], merges: string[] = [], name = "评分表"): Grid {
  const last = String.fromCharCode(64 + width);
  const all = [...merges];
  const rows = lines.map((l, i) => {
    if (typeof l === "string") {
      all.push(`A${i + 1}:${last}${i + 1}`);
      return [l, ...Array<CellValue>(width - 1).fill(null)];
    }
    return l ?? [];
  });
  return gridOf(rows, all, name);
}

/** `${col}${from}:${col}${to}`: a cell merged down a column. */
export const down = (col: string, from: number, to: number) => `${col}${from}:${col}${to}`;

export interface Reading {
  items: Array<[row: number, category: string | null, kind: string, max: number | null]>;
  titles: string[];
  categories: Array<[name: string, max: number, score: number]>;
  total: ScoreSheetReport["total"];
  /** Warnings and errors as code@cell, in report order. */
  problems: string[];
  /** Every finding as code@cell, infos included. */
  findings: string[];
  report: ScoreSheetReport;
}

/** Runs the facade on one sheet and returns its score report in a reviewer's terms. */
export function read(grid: Grid | Grid[], options: CheckOptions = {}): Reading {
  const report = checkGrids(Array.isArray(grid) ? grid : [grid], options);
  const score = report.sheets.find((s): s is ScoreSheetReport => s.kind === "score");
  if (!score) throw new Error("no score table found");
  const mine = report.findings.filter((f) => f.sheet === score.sheet);
  return {
    items: score.items.map((i) => [i.row, i.category, i.kind, i.max]),
    titles: score.items.map((i) => i.title),
    categories: score.categories.map((c) => [c.name, c.max, c.score]),
    total: score.total,
    problems: mine.filter((f) => f.severity !== "info").map((f) => `${f.code}@${f.cell}`),
    findings: mine.map((f) => `${f.code}@${f.cell}`),
    report: score,
  };
}
