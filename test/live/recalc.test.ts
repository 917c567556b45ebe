/**
 * The proof of live forms with a real spreadsheet engine: every template sample, the corpus
 * tables and the seed layouts are written back (formulas with cached values), then changed as a
 * clerk would (a score over its 分值, 不适用, bonuses overflowing their group cap, deductions beyond
 * their cap, a veto triggered, every entry cleared); LibreOffice headless recalculates every file
 * (one run for all) and the 核算得分 column must equal, cell for cell, what the engine computes on
 * the same grids: item scores, 小计, the final. The conditional formats' formulas, computed by
 * LibreOffice too, mark exactly the typed numbers the engine flags as out of bounds.
 *
 * Needs LibreOffice (`soffice`; Debian: libreoffice-calc-nogui); skipped with that reason without it.
 */
import ExcelJS from "exceljs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { columnCount, parseRange, toA1, valueAt, type Grid } from "../../src/core/grid";
import type { WorkbookChanges } from "../../src/hosts/port";
import { checkGrids } from "../../src/kaohe";
import { tempDir, workbookOf } from "../helpers/xlsx";
import { layoutCases, type Case } from "./cases";
import { sampleCases, statesOf, type ColumnExpectation } from "./proof";
import { recalculate, savedValues, setCells, soffice, workbookOfGrids, writeColumn } from "./workbook";

const bin = soffice();
if (!bin) console.warn("test/live/recalc.test.ts 已跳过:没有安装 LibreOffice(soffice),无法用真实表格程序重新计算写回后的工作簿");

/** The engine's findings that say a typed number is out of its bounds (what the conditional format marks). */
const OUT_OF_BOUNDS = new Set(["score_over_max", "score_negative", "deduction_over_max", "adjust_over_cap", "adjust_under_cap"]);

/**
 * Each cell of each conditional format, its formula moved to the cell (the formula refers to its
 * range's top-left cell only) and written in a helper column, so LibreOffice computes it; it must
 * be TRUE exactly where the engine flags the typed number as out of bounds.
 */
function conditionalProbes(wb: ExcelJS.Workbook, changes: WorkbookChanges, grids: Grid[]): Job["probes"] {
  const probes: Job["probes"] = [];
  const report = checkGrids(grids);
  for (const mark of changes.conditional ?? []) {
    const grid = grids.find((g) => g.name === mark.sheet)!;
    const area = parseRange(mark.range)!;
    const helper = columnCount(grid) + 4;
    const topLeft = toA1(area.top, area.left);
    for (let r = area.top; r <= area.bottom; r++) {
      const cell = toA1(r, area.left);
      const formula = mark.formula.replace(new RegExp(`(?<![A-Z0-9])${topLeft}(?![0-9])`, "g"), cell);
      const probe = toA1(r, helper);
      wb.getWorksheet(mark.sheet)!.getCell(probe).value = { formula, result: "未计算" } as ExcelJS.CellValue;
      const typed = valueAt(grid, r, area.left);
      const flagged = report.findings.some((f) => f.sheet === mark.sheet && f.cell === cell && OUT_OF_BOUNDS.has(f.code));
      probes.push({ sheet: mark.sheet, cell: probe, want: typeof typed === "number" && flagged, at: cell });
    }
  }
  return probes;
}

interface Job {
  /** Conditional-format formulas computed in helper cells, and whether each must be TRUE. */
  probes: Array<{ sheet: string; cell: string; want: boolean; at: string }>;
  file: string;
  label: string;
  expected: ColumnExpectation[];
  /** Cells whose cached value (what 写回 stored) differs from what the edited state must show. */
  stale: number;
}

describe.skipIf(!bin)("the written workbook recalculated by LibreOffice (skipped without soffice)", () => {
  it("shows exactly the engine's item scores, 小计 and final, before and after a clerk's edits, on every sample, corpus and seed layout", async () => {
    const dir = tempDir();
    const cases: Array<Case & { file?: string }> = [...(await sampleCases()), ...layoutCases()];
    const jobs: Job[] = [];
    let formulas = 0;
    for (const c of cases) {
      const { changes, states } = statesOf(c);
      if (!changes.values.length) continue;
      formulas += changes.values.reduce((n, v) => n + (v.formulas?.flat().filter(Boolean).length ?? 0), 0);
      for (const st of states) {
        // each state from the original file (or grids), so the package is the user's own
        const wb = c.file ? await new ExcelJS.Workbook().xlsx.readFile(c.file) : c.grids.some((g) => g.hidden) ? workbookOfGrids(c.grids) : workbookOf(c.grids);
        writeColumn(wb, changes);
        setCells(wb, st.edits);
        const probes = conditionalProbes(wb, changes, st.grids);
        const file = join(dir, `${c.name}--${st.name}.xlsx`);
        await wb.xlsx.writeFile(file);
        let stale = 0;
        for (const exp of st.expected) {
          const block = changes.values.find((v) => v.sheet === exp.sheet)!;
          const top = Number(block.address.replace(/^[A-Z]+/, "")) - 1;
          for (const [row, want] of exp.rows) if (block.values[row - top]?.[0] !== want) stale++;
        }
        jobs.push({ file, label: `${c.name}/${st.name}`, expected: st.expected, stale, probes });
      }
    }
    expect(formulas).toBeGreaterThan(250);

    const copies = recalculate(jobs.map((j) => j.file));
    const mismatches: string[] = [];
    let compared = 0;
    for (let i = 0; i < jobs.length; i++) {
      const saved = savedValues(copies[i]);
      for (const exp of jobs[i].expected) {
        const sheet = saved.get(exp.sheet)!;
        for (const [row, want] of exp.rows) {
          const got = sheet.get(toA1(row, exp.col)) ?? null;
          compared++;
          if (got !== want) mismatches.push(`${jobs[i].label} ${exp.sheet}!R${row + 1}: LibreOffice ${JSON.stringify(got)}, engine ${JSON.stringify(want)}`);
        }
      }
    }
    let marked = 0;
    for (let i = 0; i < jobs.length; i++) {
      const saved = savedValues(copies[i]);
      for (const p of jobs[i].probes) {
        const got = saved.get(p.sheet)!.get(p.cell);
        if (got === true) marked++;
        if (got !== p.want) mismatches.push(`${jobs[i].label} ${p.sheet}!${p.at} conditional format: LibreOffice ${JSON.stringify(got)}, engine ${p.want ? "out of bounds" : "within bounds"}`);
      }
    }
    expect(mismatches).toEqual([]);
    // the edits put numbers out of bounds: the marks show them
    expect(marked).toBeGreaterThan(20);
    expect(compared).toBeGreaterThan(500);
    // the edits change results: LibreOffice really recalculated rather than kept the cached values
    expect(jobs.filter((j) => !j.label.endsWith("/original")).reduce((n, j) => n + j.stale, 0)).toBeGreaterThan(100);
    expect(jobs.filter((j) => j.label.endsWith("/original")).every((j) => j.stale === 0)).toBe(true);
  }, 300_000);
});
