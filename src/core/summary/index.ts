/** Summary sheets (汇总表): read, matched to the sheets and categories they sum, and checked. */
export { readSummary, type SummaryCell, type SummaryRow, type SummarySheet } from "./read";
export { checkSummary, columnFor, type SummaryTarget } from "./check";
export { looseKey, matchLabels, summedByName, type Match, type Target } from "./match";

import type { Grid } from "../grid";
import type { Finding } from "../findings";
import { readSummary } from "./read";
import { checkSummary, type SummaryTarget } from "./check";

/**
 * Reads each of `grids` that is a summary sheet and checks it against the scored sheets; `named`
 * are sheets known to be summaries by what their rows name (summedByName). Never throws: a bug
 * of ours on one summary becomes a `check_incomplete` finding for that sheet.
 */
export function checkSummaries(grids: Grid[], targets: SummaryTarget[], named: Set<string> = new Set()): Finding[] {
  const out: Finding[] = [];
  if (targets.length === 0) return out;
  for (const grid of grids) {
    try {
      const summary = readSummary(grid, named.has(grid.name));
      if (summary) out.push(...checkSummary(summary, targets));
    } catch {
      out.push({ code: "check_incomplete", sheet: grid.name, cell: null, part: "汇总表" });
    }
  }
  return out;
}
