/**
 * Issue #8's property through the fake Excel and the fake WPS, as through the .xlsx host
 * (test/safety/xlsx-host.test.ts): on random office workbooks, every cell whose value or formula
 * changes is one the plan lists, and no cell the plan writes a value into held anything before.
 * And the second run on the fixed workbook gives the user's fill back, in both hosts.
 */
import { describe, expect, it } from "vitest";
import { parseRange, toA1, type CellValue } from "../../src/core/grid";
import { createOfficePort } from "../../src/hosts/office";
import type { WorkbookChanges, WorkbookPort } from "../../src/hosts/port";
import { createWpsPort, type WpsApplication } from "../../src/hosts/wps";
import { checkWorkbook, planWriteback } from "../../src/kaohe";
import { FakeExcel } from "../fakes/office-excel";
import { createFakeEt } from "../fakes/wps-et";
import { heldCells, randomWorkbook } from "../safety/random";
import { isFormula, type WorkbookSpec } from "../safety/spec";

type Cells = Map<string, { value: CellValue; formula: string | null }>;

interface Opened {
  port: WorkbookPort;
  cells(): Cells;
  fill(sheet: string, a1: string): string | null;
  setValue(sheet: string, a1: string, v: CellValue): void;
}

/** The spec's sheets as the fakes take them: values (formula results), formulas, merges, notes, fills. */
function sheetsOf(spec: WorkbookSpec) {
  return spec.sheets.map((s) => {
    const formulas: Record<string, string> = {};
    const cells = s.rows.map((row, r) =>
      row.map((c, col) => {
        if (!isFormula(c)) return c;
        formulas[toA1(r, col)] = c.f;
        return c.v;
      }),
    );
    return { name: s.name, cells, formulas, merges: s.merges ?? [], notes: s.notes ?? {}, fills: s.fills ?? {} };
  });
}

const hosts: Array<{ name: string; open(spec: WorkbookSpec): Opened }> = [
  {
    name: "fake Excel",
    open(spec) {
      const sheets = sheetsOf(spec);
      const excel = new FakeExcel(sheets.map((s) => ({ name: s.name, cells: s.cells, merges: s.merges, formulas: s.formulas, fills: s.fills })));
      for (const s of sheets) for (const [a1, text] of Object.entries(s.notes)) excel.notes.set(`'${s.name}'!${a1}`, text);
      return {
        port: createOfficePort(excel.env()),
        cells() {
          const m: Cells = new Map();
          for (const s of excel.sheets)
            for (const [k, cell] of s.store) {
              const [r, c] = k.split(",").map(Number);
              if (cell.value !== null && cell.value !== "" || cell.formula) m.set(`${s.name}!${toA1(r, c)}`, { value: cell.value, formula: cell.formula ?? null });
            }
          return m;
        },
        fill: (sheet, a1) => excel.sheet(sheet).fills.get(a1) ?? null,
        setValue(sheet, a1, v) {
          const p = parseRange(a1)!;
          excel.sheet(sheet).store.set(`${p.top},${p.left}`, { value: v });
        },
      };
    },
  },
  {
    name: "fake WPS",
    open(spec) {
      const fake = createFakeEt(
        sheetsOf(spec).map((s) => ({ name: s.name, cells: s.cells, formulas: s.formulas, merges: s.merges.map((m) => parseRange(m)!), fills: s.fills, comments: s.notes })),
      );
      return {
        port: createWpsPort(fake.Application as WpsApplication),
        cells() {
          const m: Cells = new Map();
          for (const name of fake.sheetNames())
            for (const [a1, cell] of Object.entries(fake.cells(name))) if ((cell.value !== null && cell.value !== "") || cell.formula) m.set(`${name}!${a1}`, cell);
          return m;
        },
        fill: (sheet, a1) => fake.fill(sheet, a1),
        setValue: (sheet, a1, v) => fake.type(sheet, a1, v),
      };
    },
  },
];

/** Every cell of the plan's value blocks, "sheet!A1" → the value planned (a formula's cached result). */
function valueCells(plan: WorkbookChanges): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  for (const v of plan.values) {
    const at = parseRange(v.address)!;
    v.values.forEach((row, i) => row.forEach((value, j) => out.set(`${v.sheet}!${toA1(at.top + i, at.left + j)}`, value)));
  }
  return out;
}

const SEEDS = Array.from({ length: 40 }, (_, i) => i + 1);

describe.each(hosts)("random office workbooks through the $name", (host) => {
  it("writes values only into cells that held nothing, and changes nothing the plan does not list", async () => {
    let written = 0;
    let restored = 0;
    for (const seed of SEEDS) {
      const spec = randomWorkbook(seed);
      const held = heldCells(spec);
      const wb = host.open(spec);
      const before = wb.cells();
      const result = await checkWorkbook(wb.port);
      const plan = await planWriteback(result, wb.port);
      await wb.port.apply(plan);
      const after = wb.cells();
      const listed = valueCells(plan);
      const ours = new Set(plan.sheets.map((s) => s.name));
      for (const [k, value] of listed) {
        const was = held.get(k);
        if (was === "other") throw new Error(`seed ${seed}: ${k} held a formula, note or merge and was written`);
        // A plain value may only be "written" when it is the very value there (our earlier column).
        if (was === "value") expect(value, `seed ${seed}: ${k}`).toEqual(before.get(k)?.value);
      }
      for (const k of new Set([...before.keys(), ...after.keys()])) {
        const sheet = k.slice(0, k.lastIndexOf("!"));
        if (listed.has(k) || (ours.has(sheet) && !spec.sheets.some((s) => s.name === sheet))) continue;
        expect(after.get(k) ?? null, `seed ${seed}: ${k} changed outside the plan`).toEqual(before.get(k) ?? null);
      }
      written += listed.size;

      // Second run with every marked entry emptied (a blank entry is no error, so the marks go): the user's fills come back.
      const userFills = new Map(plan.marks.map((m) => [`${m.sheet}!${m.cell}`, spec.sheets.find((s) => s.name === m.sheet)?.fills?.[m.cell] ?? null]));
      const fixable = plan.marks.filter((m) => !listed.has(`${m.sheet}!${m.cell}`) && held.get(`${m.sheet}!${m.cell}`) === "value");
      if (!fixable.length) continue;
      for (const m of fixable) wb.setValue(m.sheet, m.cell, null);
      const again = await planWriteback(await checkWorkbook(wb.port), wb.port);
      await wb.port.apply(again);
      const stillMarked = new Set(again.marks.map((m) => `${m.sheet}!${m.cell}`));
      for (const m of fixable) {
        const k = `${m.sheet}!${m.cell}`;
        if (stillMarked.has(k)) continue;
        expect(wb.fill(m.sheet, m.cell)?.toUpperCase() ?? null, `seed ${seed}: ${k} fill restored`).toBe(userFills.get(k)?.toUpperCase() ?? null);
        restored++;
      }
    }
    expect(written).toBeGreaterThan(100);
    expect(restored).toBeGreaterThan(5);
  });
});
