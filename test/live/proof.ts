/**
 * The proof's common part: for a workbook, what 写回 writes, the edits a clerk makes afterwards,
 * and what the 核算得分 column must show in each state (the engine's result on that state).
 */
import ExcelJS from "exceljs";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fmt } from "../../src/core/findings";
import type { CellValue, Grid } from "../../src/core/grid";
import { parseA1 } from "../../src/core/grid";
import { readMappings } from "../../src/core/mapping";
import { scoreTableOf } from "../../src/core/layout/mapping";
import type { ScoreSheetReport } from "../../src/core/report";
import type { WorkbookChanges } from "../../src/hosts/port";
import { checkGrids } from "../../src/kaohe";
import { planChanges } from "../../src/writeback";
import { FINAL_LABEL, itemShown } from "../../src/writeback/live";
import { editsFor, edited, type Case, type Edit } from "./cases";
import { gridsOf } from "./workbook";

export const SAMPLES = join(__dirname, "../../templates/samples");

/** Every template sample as a case (its grids as the engine reads the file). */
export async function sampleCases(): Promise<Array<Case & { file: string }>> {
  const out: Array<Case & { file: string }> = [];
  for (const f of readdirSync(SAMPLES).filter((n) => n.endsWith(".xlsx")).sort()) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(SAMPLES, f));
    out.push({ name: `sample-${f.replace(/\.xlsx$/, "")}`, grids: gridsOf(wb), file: join(SAMPLES, f) });
  }
  return out;
}

/** What the 核算得分 column of one sheet must show: 0-based row → value. */
export interface ColumnExpectation {
  sheet: string;
  col: number;
  rows: Map<number, CellValue>;
}

/** The column a plan writes on a sheet, and the row of a labelled final (no 合计 row), if any. */
function writtenAt(changes: WorkbookChanges, sheet: string): { col: number; top: number; labelRow: number | null } | null {
  const block = changes.values.find((v) => v.sheet === sheet);
  if (!block) return null;
  const at = parseA1(block.address)!;
  const i = block.values.findIndex((r) => typeof r[0] === "string" && r[0].startsWith(FINAL_LABEL));
  return { col: at.col, top: at.row, labelRow: i >= 0 ? at.row + i : null };
}

/** What the engine says the column must show for each scored sheet of `report`, where `changes` wrote it. */
export function expectations(grids: Grid[], changes: WorkbookChanges): ColumnExpectation[] {
  const report = checkGrids(grids);
  const out: ColumnExpectation[] = [];
  for (const s of report.sheets) {
    if (s.kind !== "score") continue;
    const w = writtenAt(changes, s.sheet);
    if (!w) continue;
    const rows = new Map<number, CellValue>();
    for (const item of s.items) rows.set(item.row - 1, itemShown(item));
    for (const st of s.subtotals) rows.set(st.row - 1, st.score);
    if (s.placement.totalRow !== null) rows.set(s.placement.totalRow, s.total.final);
    else if (w.labelRow !== null) rows.set(w.labelRow, `${FINAL_LABEL}${fmt(s.total.final)}`);
    out.push({ sheet: s.sheet, col: w.col, rows });
  }
  return out;
}

export interface State {
  /** "original" or the edit's name. */
  name: string;
  edits: Edit[];
  grids: Grid[];
  expected: ColumnExpectation[];
}

/** 写回 on a case, then each edit a clerk makes: the plan and the states with what they must show. */
export function statesOf(c: Case): { changes: WorkbookChanges; states: State[] } {
  const report = checkGrids(c.grids);
  const changes = planChanges(report, c.grids);
  const states: State[] = [{ name: "original", edits: [], grids: c.grids, expected: expectations(c.grids, changes) }];
  const mappings = readMappings(c.grids);
  const byName = new Map<string, Edit[]>();
  for (const s of report.sheets) {
    if (s.kind !== "score" || s.placement.scoreColumn < 0) continue;
    const table = scoreTableOf(c.grids.find((g) => g.name === s.sheet)!, mappings)!;
    const edits = editsFor(s as ScoreSheetReport, table);
    for (const [name, list] of Object.entries(edits)) byName.set(name, [...(byName.get(name) ?? []), ...list]);
  }
  for (const [name, edits] of byName) {
    if (!edits.length) continue;
    const grids = edited(c.grids, edits);
    const before = report.sheets.filter((s): s is ScoreSheetReport => s.kind === "score").map((s) => s.items.map((i) => i.row).join());
    const after = checkGrids(grids).sheets.filter((s): s is ScoreSheetReport => s.kind === "score").map((s) => s.items.map((i) => i.row).join());
    // the edits change entries only: the engine must still read the same table
    if (before.join("|") !== after.join("|")) throw new Error(`${c.name}/${name}: the edited workbook reads as another table`);
    states.push({ name, edits, grids, expected: expectations(grids, changes) });
  }
  return { changes, states };
}
