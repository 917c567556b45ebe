/**
 * Repairs of what a Word or WPS paste loses: a merged 分值 that came apart into a number and
 * blanks, a level's name pushed into the 分值 cell of the row above, a closing bracket dropped at a
 * page break. Each works on the item rows the row walk kept, before groups and indicators.
 */
import { textOf } from "../grid";
import { roundPoints } from "../rules/numbers";
import { parseHeading, parseMaxCell } from "../rules/parse";
import { UNCLOSED_POINTS } from "../words/points";
import type { ItemRow } from "./types";

/** Word conversions drop a closing bracket at a page break ("主动\n公开\n（60分"): close it. */
export function closeBracket(text: string): string {
  return UNCLOSED_POINTS.test(text) ? text + "）" : text;
}

/**
 * A 分值 merged over sub-rows loses its merge in a text or WPS conversion: "5" on the first row,
 * blanks below, each row with its own "(N分)". When those points add up to the 分值 exactly, the
 * rows are read as the merged block they were.
 */
export function spanLostMerges(rows: ItemRow[], ownPoints: (r: ItemRow) => number | null): void {
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.maxSpan) continue;
    const mc = parseMaxCell(r.maxValue);
    const first = mc.kind === "scored" ? ownPoints(r) : null;
    if (mc.kind !== "scored" || first === null || first >= mc.max) continue;
    const parent = r.groups.at(-2);
    let sum = first;
    let j = i + 1;
    for (; j < rows.length && sum < mc.max; j++) {
      const x = rows[j];
      const p = x.maxSpan || textOf(x.maxValue) !== "" || x.groups.at(-2) !== parent ? null : ownPoints(x);
      if (p === null) break;
      sum = roundPoints(sum + p);
    }
    if (sum !== mc.max || j === i + 1) continue;
    const span = { top: r.row, bottom: rows[j - 1].row };
    for (let k = i; k < j; k++) rows[k].maxSpan = span;
    i = j - 1;
  }
}

/**
 * A Word conversion can push a level's name with its points into the 分值 cell of the row above
 * ("区属各部门 | 问答解读（6分）" over a row with no name and 分值 6): the text is no 分值 but the
 * name of the next row, a sibling of the row above's deepest level.
 */
export function displacedNames(rows: ItemRow[]): void {
  for (let i = 0; i + 1 < rows.length; i++) {
    const r = rows[i];
    const next = rows[i + 1];
    if (typeof r.maxValue !== "string" || r.maxSpan || next.titleText || next.maxSpan) continue;
    if (parseMaxCell(r.maxValue).kind !== "unknown") continue;
    const h = parseHeading(closeBracket(r.maxValue));
    const own = parseMaxCell(next.maxValue);
    if (h.points === null || h.name.length < 2 || /\d/.test(h.name) || own.kind !== "scored" || own.max !== h.points) continue;
    next.titleText = r.maxValue.trim();
    r.maxValue = null;
    const mine = r.groups;
    const theirs = next.groups;
    if (mine.length > 1 && theirs.at(-1) === mine.at(-1)) next.groups = theirs.slice(0, -1);
  }
}
