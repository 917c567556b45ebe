/** Grids for statistics tests, built from label / unit / value triples like the sheets are typed. */
import type { CellValue, Grid, Merge } from "../../../src/core/grid";

export type Triple = readonly [label: string, unit: string, value?: CellValue];

export interface Placement {
  name?: string;
  /** 0-based row of the header; the table's rows follow it. */
  top?: number;
  /** 0-based column of the label. */
  left?: number;
  /** How many columns the label spreads over (merged in the header). */
  labelWidth?: number;
  header?: readonly [string, string, string];
  /** Extra columns after the value (备注 …). */
  after?: readonly string[];
  /** Lines written under the table. */
  footer?: readonly string[];
}

/** A 2017-style 统计表: header row, then one row per triple; a title above when there is room. */
export function statsGrid(rows: readonly Triple[], p: Placement = {}): Grid {
  const { name = "统计表", top = 2, left = 0, labelWidth = 1, after = [], footer = [] } = p;
  const [hLabel, hUnit, hValue] = p.header ?? ["统 计 指 标", "单位", "统计数"];
  const cells: CellValue[][] = [];
  const merges: Merge[] = [];
  const put = (r: number, values: CellValue[]) => {
    cells[r] = [...Array<CellValue>(left).fill(null), ...values];
  };
  if (top > 0) put(top - 1, ["某某单位2017年政府信息公开情况统计表"]);
  const pad = Array<CellValue>(labelWidth - 1).fill(null);
  put(top, [hLabel, ...pad, hUnit, hValue, ...after]);
  if (labelWidth > 1) merges.push({ top, left, bottom: top, right: left + labelWidth - 1 });
  rows.forEach(([label, unit, value = null], i) => put(top + 1 + i, [label, ...pad, unit, value, ...after.map(() => null)]));
  footer.forEach((line, i) => put(top + 2 + rows.length + i, [line]));
  for (let r = 0; r < cells.length; r++) cells[r] ??= [];
  return { name, cells, merges };
}

/** The A1 address of the value of the i-th triple (0-based) in a grid built with `p`. */
export function valueCell(i: number, p: Placement = {}): string {
  const { top = 2, left = 0, labelWidth = 1 } = p;
  const col = left + labelWidth + 1;
  return String.fromCharCode(65 + col) + String(top + 2 + i);
}

/**
 * A copy of `rows` with some values changed. Each change names a row by a piece of its label;
 * "行政诉讼›被依法纠错数" means the first such row after the first row naming 行政诉讼.
 */
export function edit(rows: readonly Triple[], changes: Record<string, CellValue>): Triple[] {
  const out = rows.map((t) => [...t] as [string, string, CellValue?]);
  const flat = (s: string) => s.replace(/\s+/g, "");
  for (const [where, value] of Object.entries(changes)) {
    const path = where.split("›");
    let from = 0;
    let at = -1;
    for (const piece of path) {
      at = out.findIndex((t, i) => i >= from && flat(t[0]).includes(piece));
      if (at < 0) throw new Error(`no row “${where}” in the fixture`);
      from = at + 1;
    }
    out[at][2] = value;
  }
  return out;
}

/** The 0-based index of the row a change would reach (see edit). */
export function rowIndex(rows: readonly Triple[], where: string): number {
  const marked = edit(rows, { [where]: "\u0000" });
  return marked.findIndex((t) => t[2] === "\u0000");
}
