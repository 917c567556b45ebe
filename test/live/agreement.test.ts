/**
 * Fast half of the proof (no spreadsheet program): the formulas' own evaluation, on the written
 * workbook and after each edit, equals what the engine computes on the same grids. The LibreOffice
 * test (recalc.test.ts) shows that a real spreadsheet computes what this evaluation says.
 */
import { describe, expect, it } from "vitest";
import { parseA1 } from "../../src/core/grid";
import { checkGrids } from "../../src/kaohe";
import { planChanges } from "../../src/writeback";
import type { ScoreSheetReport } from "../../src/core/report";
import { liveColumn } from "../../src/writeback/live";
import { layoutCases } from "./cases";
import { sampleCases, statesOf } from "./proof";

const cases = async () => [...(await sampleCases()), ...layoutCases()];

describe("the live column's formulas agree with the engine", async () => {
  const all = await cases();
  it.each(all.map((c) => [c.name, c] as const))("%s: every written formula, before and after the clerk's edits", (_, c) => {
    const { changes, states } = statesOf(c);
    const report = checkGrids(c.grids);
    let formulas = 0;
    for (const block of changes.values) {
      const s = report.sheets.find((x): x is ScoreSheetReport => x.kind === "score" && x.sheet === block.sheet)!;
      const grid = c.grids.find((g) => g.name === block.sheet)!;
      const live = liveColumn(s, grid, parseA1(block.address)!.col, { grids: c.grids });
      expect(live.reason).toBeNull();
      formulas += block.formulas?.flat().filter(Boolean).length ?? 0;
      for (const st of states) {
        const exp = st.expected.find((e) => e.sheet === block.sheet)!;
        const got = live.recompute(st.grids.find((g) => g.name === block.sheet)!);
        for (const [row, want] of exp.rows) {
          const value = got.cells.get(row) ?? (typeof want === "string" && want.startsWith("最终得分") ? `最终得分 ${got.final}` : undefined);
          expect({ state: st.name, row: row + 1, value }).toEqual({ state: st.name, row: row + 1, value: want });
        }
      }
    }
    if (changes.values.length) expect(formulas).toBeGreaterThan(0);
  });
});

describe("a second 写回 on the written workbook", async () => {
  const all = await cases();
  it.each(all.map((c) => [c.name, c] as const))("%s: finds its column again and writes the same formulas and values", (_, c) => {
    const first = planChanges(checkGrids(c.grids), c.grids);
    // the workbook as a host reads it after the first 写回: our column holds formulas and their results,
    const written = c.grids.map((g) => {
      const blocks = first.values.filter((v) => v.sheet === g.name);
      if (!blocks.length) return g;
      const cells = g.cells.map((r) => [...r]);
      const formulas: boolean[][] = [];
      for (const b of blocks) {
        const at = parseA1(b.address)!;
        b.values.forEach((row, i) => {
          const r = at.row + i;
          while (cells.length <= r) cells.push([]);
          while (cells[r].length <= at.col) cells[r].push(null);
          cells[r][at.col] = row[0] === "" ? null : row[0];
          if (b.formulas?.[i]?.[0]) (formulas[r] ??= [])[at.col] = true;
        });
      }
      return { ...g, cells, formulas };
    });
    // …and our 核算结果 sheet, the record through which the next run knows the column is ours
    for (const s of first.sheets) written.push({ name: s.name, cells: s.rows.map((r) => [...r]), merges: [] });
    const second = planChanges(checkGrids(written), written);
    expect(second.values).toEqual(first.values);
    expect(second.validations).toEqual(first.validations);
    expect(second.conditional).toEqual(first.conditional);
  });
});
