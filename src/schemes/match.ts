/**
 * The recognition texts of a scheme, taken from its template's score sheet so that the
 * definition stays the one source of truth: the title and every item's title and criterion text.
 */
import { textOf } from "../core/grid";
import { isItemRow, type ScoreSheetDef } from "./template";

/** Columns whose texts identify the template (what a unit rarely edits). */
const TEXT_KEYS = ["level2", "title", "method"];

export function matchFromSheet(sheet: ScoreSheetDef): { title: string[]; indicators: string[] } {
  const seen = new Set<string>();
  const indicators: string[] = [];
  for (const row of sheet.rows) {
    if (!isItemRow(row)) continue;
    for (const key of TEXT_KEYS) {
      const text = textOf(row[key] ?? null);
      if (text.length < 4 || seen.has(text)) continue;
      seen.add(text);
      indicators.push(text);
    }
  }
  return { title: [sheet.title], indicators };
}
