import { parseRange, type CellValue, type Grid, type Merge } from "../../src/core/grid";

/** A grid from rows of values and merged ranges written as "A2:A7". */
export function gridOf(rows: CellValue[][], merges: string[] = [], name = "评分表"): Grid {
  return {
    name,
    cells: rows.map((r) => r.map((v) => (v === undefined ? null : v))),
    merges: merges.map((m) => parseRange(m)).filter((m): m is Merge => m !== null),
  };
}

/** The 根河 2017 header. */
export const GENHE_HEADER: CellValue[] = ["类别", "序号", "目标要求", "分值", "自查办法", "自查评分", "考核评分"];

/**
 * A score table in the 根河 layout: a title row, the header, then items
 * [category, id, title, max, method, self, review]; category cells merged over their runs.
 */
export function genheGrid(items: CellValue[][], opts: { name?: string; title?: string } = {}): Grid {
  const rows: CellValue[][] = [[opts.title ?? "2017年度政务公开工作考核指标及评价办法(乡镇、办事处)"], [...GENHE_HEADER]];
  const merges: string[] = ["A1:G1"];
  let runStart = -1;
  items.forEach((it, i) => {
    const r = i + 2;
    const cat = it[0];
    const prev = i > 0 ? items[i - 1][0] : undefined;
    if (cat !== null && cat !== undefined && cat !== prev) {
      if (runStart >= 0 && r - 1 > runStart) merges.push(`A${runStart + 1}:A${r}`);
      runStart = r;
      rows.push([...it]);
    } else {
      rows.push([null, ...it.slice(1)]);
    }
  });
  if (runStart >= 0 && items.length + 1 > runStart) merges.push(`A${runStart + 1}:A${items.length + 2}`);
  return gridOf(rows, merges.filter((m) => !/^A(\d+):A\1$/.test(m)), opts.name);
}
