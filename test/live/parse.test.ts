/**
 * Formula text read back (src/writeback/live/parse.ts): every formula 写回 writes on the proof's
 * workbooks, parsed from its text alone and evaluated on the workbook after each of the clerk's
 * edits, shows what the engine computes there (the preview recalculates with it); texts it cannot
 * compute the way a spreadsheet does give null.
 */
import { describe, expect, it } from "vitest";
import { parseA1, type Grid } from "../../src/core/grid";
import { formulaContext, parseFormula } from "../../src/writeback/live/parse";
import type { Context } from "../../src/writeback/live/expr";
import { layoutCases } from "./cases";
import { sampleCases, statesOf } from "./proof";

/** A sheet as a spreadsheet sees it: the cells in `formulas` computed from their text (each must parse). */
function contextOf(grid: Grid, formulas: Map<string, string>): Context {
  const parsed = new Map([...formulas].map(([key, f]) => [key, parseFormula(f)]));
  for (const [key, e] of parsed) if (!e) throw new Error(`unreadable at ${key}: ${formulas.get(key)}`);
  return formulaContext(grid, parsed);
}

describe("formulas read back from their text", async () => {
  const all = [...(await sampleCases()), ...layoutCases()];
  it.each(all.map((c) => [c.name, c] as const))("%s: each written formula, parsed, shows the engine's value in every state", (_, c) => {
    const { changes, states } = statesOf(c);
    let checked = 0;
    for (const block of changes.values) {
      const at = parseA1(block.address)!;
      const formulas = new Map<string, string>();
      block.formulas?.forEach((row, i) => row.forEach((f, j) => f && formulas.set(`${at.row + i},${at.col + j}`, f)));
      for (const st of states) {
        const grid = st.grids.find((g) => g.name === block.sheet)!;
        const ctx = contextOf(grid, formulas);
        const exp = st.expected.find((e) => e.sheet === block.sheet)!;
        for (const [row, want] of exp.rows) {
          if (!formulas.has(`${row},${at.col}`)) continue;
          expect({ state: st.name, row: row + 1, value: ctx.cell(row, at.col) }).toEqual({ state: st.name, row: row + 1, value: want });
          checked++;
        }
      }
    }
    if (changes.values.some((b) => b.formulas?.flat().some(Boolean))) expect(checked).toBeGreaterThan(0);
  });

  it("reads the writer's forms and a clerk's simple ones; refuses what it cannot compute", () => {
    const grid: Grid = { name: "表", cells: [[1, 2, "不适用", null, -3]], merges: [] };
    const v = (f: string) => parseFormula(f)?.value(contextOf(grid, new Map()));
    expect(v("=SUM(A1:A1)+B1")).toBe(3);
    expect(v('=IF(OR(C1="不适用",C1="/"),"不适用",ROUND(MIN(4,MAX(0,IF(ISNUMBER(C1),C1,0))),6))')).toBe("不适用");
    expect(v("=MAX(0,ROUND(SUM(A1:A1)+(SUMIF(E1,\"<0\")),6))")).toBe(0);
    expect(v('="最终得分 "&A1')).toBe("最终得分 1");
    expect(v("=-(A1-B1)")).toBe(1);
    expect(v("=A1>B1")).toBe(false);
    expect(v("=$A$1+1")).toBe(2);
    for (const f of ["=A1*2", "=A1/2", "=A1<2", "=VLOOKUP(A1,B1:C9,2,0)", "=SUM(A1:B2)", "=ROUND(A1,2)", "=Sheet2!A1", '="unclosed', "=IF(A1,1)", "=(A1", "=A1 B1"]) expect(parseFormula(f), f).toBeNull();
  });
});
