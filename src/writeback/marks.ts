/**
 * Marks: one per cell that has errors or warnings (the worst colour wins), with a note listing
 * its findings. Reversible: each mark carries the fill it covers (the user's), recorded in
 * 核算结果 so the next run restores it. A cell marked again keeps the fill first recorded: the
 * colour it shows now is ours, not the user's.
 */
import { parseA1, type Grid } from "../core/grid";
import { SEVERITY_LABEL, type RenderedFinding } from "../core/findings";
import { MARK_COLORS, NOTE_PREFIX } from "../footprint";
import type { CellRef, ClearMark, Mark } from "../hosts/port";
import { capText } from "./text";
import { MAX_NOTE_TEXT } from "../footprint";

const key = (r: CellRef) => `${r.sheet}!${r.cell}`;
const OURS = new Set<string>(Object.values(MARK_COLORS).map((c) => c.toUpperCase()));

/** The cells the plan will mark, one each, in the order of the findings. */
export function markCells(findings: RenderedFinding[]): CellRef[] {
  const seen = new Map<string, CellRef>();
  for (const f of findings) {
    if (f.severity === "info" || !f.cell) continue;
    const ref = { sheet: f.sheet, cell: f.cell };
    if (!seen.has(key(ref))) seen.set(key(ref), ref);
  }
  return [...seen.values()];
}

/** A planned mark and what the record says of the fill under it. */
export interface PlannedMark extends Mark {
  /** The user's fill under the mark ("#RRGGBB"), null for none, undefined when not known. */
  userFill: string | null | undefined;
  /** Whether an earlier run had marked this cell too. */
  again: boolean;
  /** The cell carries a note of the user's: hosts keep it, so our note is not shown there. */
  userNote: boolean;
}

/**
 * Plans the marks. `fills` maps "sheet!A1" to the fill the host read now (absent: unknown);
 * `previous` are the marks the 核算结果 record holds.
 */
export function planMarks(
  findings: RenderedFinding[],
  grids: Grid[],
  previous: ClearMark[],
  fills: Map<string, string | null>,
): PlannedMark[] {
  const byCell = new Map<string, { sheet: string; cell: string; severity: "error" | "warning"; lines: string[] }>();
  for (const f of findings) {
    if (f.severity === "info" || !f.cell) continue;
    const k = key({ sheet: f.sheet, cell: f.cell });
    const m = byCell.get(k) ?? { sheet: f.sheet, cell: f.cell, severity: f.severity, lines: [] };
    if (f.severity === "error") m.severity = "error";
    m.lines.push(`${SEVERITY_LABEL[f.severity]}:${f.message}`);
    byCell.set(k, m);
  }
  const before = new Map(previous.map((p) => [key(p), p]));
  const notes = new Map(grids.map((g) => [g.name, notesByCell(g)]));
  return [...byCell.values()].map((m) => {
    const k = key(m);
    const prev = before.get(k);
    const now = fills.get(k);
    let userFill: string | null | undefined;
    if (prev && "restoreFill" in prev) userFill = prev.restoreFill;
    else if (now === undefined) userFill = undefined;
    else if (now !== null && OURS.has(now.toUpperCase()) && (prev || noteOn(notes.get(m.sheet), m.cell, (t) => t.startsWith(NOTE_PREFIX)))) {
      // Our colour from an earlier run (recorded without a fill, or its record lost): what the
      // user had underneath is not known any more.
      userFill = undefined;
    } else userFill = now === null ? null : now.toUpperCase();
    return {
      sheet: m.sheet,
      cell: m.cell,
      color: MARK_COLORS[m.severity],
      note: capText(`${NOTE_PREFIX}\n${m.lines.join("\n")}`, MAX_NOTE_TEXT),
      userFill,
      again: prev !== undefined,
      userNote: noteOn(notes.get(m.sheet), m.cell, (t) => !t.startsWith(NOTE_PREFIX)),
    };
  });
}

/** A grid's notes by "row:col" (a note may be keyed "F3" or "$F$3"). */
function notesByCell(g: Grid): Map<string, string> {
  const out = new Map<string, string>();
  for (const [a1, text] of Object.entries(g.notes ?? {})) {
    const p = parseA1(a1);
    if (p) out.set(`${p.row}:${p.col}`, text);
  }
  return out;
}

/** Whether `cell` carries a note for which `which` holds. */
function noteOn(notes: Map<string, string> | undefined, cell: string, which: (text: string) => boolean): boolean {
  const p = parseA1(cell);
  const text = p ? notes?.get(`${p.row}:${p.col}`) : undefined;
  return text !== undefined && which(text);
}
