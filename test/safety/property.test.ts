/**
 * Random office workbooks: a score table somewhere on the sheet, and around it (right of it and
 * below) cells holding values, formulas with results "", 0 or FALSE, notes, merged ranges (lines
 * of signatures, notes), user fills, a user column headed 核算得分, a user sheet named 核算结果.
 *
 * What "writes" means here: a value or formula the plan puts into a cell (every cell of every
 * RangeWrite, "" included, and every cell of the sheet it creates). Marks are not writes in this
 * sense: a mark is a fill and a note on a cell that has a problem, which is a cell of the user's
 * by nature; it is reversible (the fill is recorded, a user's note is kept).
 *
 * The property: no write lands on a cell that held anything (value, formula, note, merged area),
 * except a plain value identical to what is written (a no-op); the workbook, applied through the
 * reference host, changes nowhere else; and the column goes where an independent oracle says.
 */
import { describe, expect, it } from "vitest";
import { parseA1, toA1 } from "../../src/core/grid";
import { NoTableError } from "../../src/core/errors";
import { checkWorkbook, planWriteback } from "../../src/kaohe";
import type { ScoreSheetReport } from "../../src/core/report";
import { changedCells, specPort } from "./spec-host";
import { heldCells, randomWorkbook } from "./random";
import { cloneSpec } from "./spec";

const SEEDS = Array.from({ length: 400 }, (_, i) => i + 1);

describe("random office workbooks", () => {
  let scored = 0;
  let columns = 0;
  let none = 0;

  it.each(SEEDS)("seed %i: no write lands on a cell that held anything, and nothing else changes", async (seed) => {
    const input = randomWorkbook(seed);
    const spec = cloneSpec(input);
    const port = specPort(spec);
    let result;
    try {
      result = await checkWorkbook(port);
    } catch (e) {
      expect(e).toBeInstanceOf(NoTableError);
      return;
    }
    const plan = await planWriteback(result, port);
    const held = heldCells(input);
    const sheetOf = (name: string) => input.sheets.find((s) => s.name === name)!;
    const written: string[] = [];
    for (const w of plan.values) {
      const at = parseA1(w.address)!;
      w.values.forEach((row, i) =>
        row.forEach((v, j) => {
          const a1 = toA1(at.row + i, at.col + j);
          const k = `${w.sheet}!${a1}`;
          written.push(k);
          const h = held.get(k);
          if (h === undefined) return;
          // Only a no-op is allowed over a held cell: the same plain value.
          expect(h, `${k} held ${JSON.stringify(sheetOf(w.sheet).rows[at.row + i]?.[at.col + j])}`).toBe("value");
          const before = sheetOf(w.sheet).rows[at.row + i][at.col + j];
          expect(typeof before === "string" ? before.trim() : before, k).toBe(v);
        }),
      );
    }
    const userNames = input.sheets.filter((s) => !String(s.rows[0]?.[0] ?? "").startsWith("核算结果(考核计分助手生成")).map((s) => s.name);
    for (const s of plan.sheets) expect(userNames).not.toContain(s.name);

    // The column goes where an independent oracle says.
    const s = result.report.sheets.find((x): x is ScoreSheetReport => x.kind === "score")!;
    scored++;
    const rowsOf = [...s.items.map((i) => i.row - 1), ...s.subtotals.map((t) => t.row - 1), ...(s.placement.totalRow === null ? [] : [s.placement.totalRow])];
    const first = s.placement.headerRow;
    const last = Math.max(first, ...rowsOf);
    const isFree = (r: number, c: number) => !held.has(`评分表!${toA1(r, c)}`);
    const firstFree = (() => {
      for (let c = s.placement.lastColumn + 1; c <= s.placement.lastColumn + 10; c++) {
        let ok = true;
        for (let r = first; r <= last && ok; r++) ok = isFree(r, c);
        if (ok) return c;
      }
      return null;
    })();
    const w = plan.values.find((v) => v.sheet === "评分表");
    const headerOwn = (c: number) => sheetOf("评分表").rows[first]?.[c] === "核算得分";
    if (w) {
      columns++;
      const col = parseA1(w.address)!.col;
      expect(col === firstFree || headerOwn(col), `column ${col}, oracle ${firstFree}`).toBe(true);
      expect(parseA1(w.address)!.row).toBe(first);
      const below = s.placement.totalRow === null ? last + 1 : null;
      const finalWritten = w.values.length === last - first + 2;
      if (below !== null && !headerOwn(col)) expect(finalWritten).toBe(isFree(below, col));
      if (below === null) expect(finalWritten).toBe(false);
    } else {
      none++;
      expect(firstFree).toBeNull();
    }

    // Applied through the reference host: nothing else changes on the user's sheets.
    await port.apply(plan);
    const listed = new Set([...written, ...plan.marks.map((m) => `${m.sheet}!${m.cell}(批注)`), ...plan.clearMarks.map((m) => `${m.sheet}!${m.cell}(批注)`)]);
    const mine = { ...input, sheets: input.sheets.filter((x) => userNames.includes(x.name)) };
    expect(changedCells(mine, spec).filter((c) => !listed.has(c))).toEqual([]);
    for (const x of mine.sheets) for (const [a1, text] of Object.entries(x.notes ?? {})) expect(spec.sheets.find((y) => y.name === x.name)!.notes?.[a1]).toBe(text);
  });

  it("the random workbooks exercise both outcomes", () => {
    expect(scored).toBeGreaterThan(300);
    expect(columns).toBeGreaterThan(100);
    expect(none).toBeGreaterThan(5);
  });
});
