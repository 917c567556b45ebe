/**
 * Office.js (Excel) behind the WorkbookPort.
 *
 * Round trips are the cost that matters (each `context.sync()` crosses into Excel, on the web over
 * the network). Counted on the fake Excel of the tests (test/hosts/office-syncs.test.ts):
 * - readSheets: 3 syncs for any workbook up to `cellBudget` (80,000) used cells in all (sync 1 the
 *   sheets and notes, sync 2 the used ranges, merged areas and formula cells, sync 3 the values
 *   over the used ranges); beyond that one more sync per 80,000 cells. A sheet with more than 512
 *   merged areas adds 2 (the failed sync 2 repeated without merged areas, then the merged areas in
 *   row bands): 100,000 rows × 7 columns with 25,000 merged areas take 14 syncs.
 * - apply: 2 syncs learn what is there (sheets, notes, fills, validations, merged areas where we
 *   write, whose sheet 核算结果 is), then the writes in syncs of at most `cellBudget` cells: 3 in all
 *   for a score sheet's write-back, 4 for a 100,000-row 核算得分 column.
 * - readFills, selectCell: 1 sync each.
 *
 * Reading and writing need ExcelApi 1.1 only (Excel 2016). Newer sets are checked at run time and
 * used where present: column widths 1.2, conditional formats 1.6, change events 1.7, validation 1.8,
 * copyFrom / cell properties / page layout / formula cells 1.9, comments 1.10, merged areas 1.13,
 * notes 1.18. Without notes or comments a mark is its fill colour only.
 */
import { parseRange } from "../core/grid";
import { HostError, type CellRef, type WorkbookPort } from "./port";
import { normalizeColor } from "./safe-text";
import { DEFAULT_CELL_BUDGET, features, toHostError, withBudget, type OfficeEnvironment, type Ox } from "./office/common";
import { readAll } from "./office/read";
import { applyAll } from "./office/write";

export type { OfficeEnvironment } from "./office/common";
export { parseMergedAddress, splitAddress, toHostError } from "./office/common";

export interface OfficePortOptions {
  /** Most cells one sync reads or writes; halved and retried when Excel reports a payload limit. */
  cellBudget?: number;
}

/** How long after a write-back the change events it caused are not passed on (they are ours). */
const OWN_EVENTS_MS = 1500;

/** The Office.js globals, when office.js has loaded. */
export function officeEnvironment(): OfficeEnvironment {
  const g = globalThis as { Excel?: typeof Excel; Office?: typeof Office };
  if (!g.Excel || !g.Office) throw new HostError("host_unavailable", "未加载 Office 脚本(office.js),请在 Excel 中打开本加载项");
  const excel = g.Excel;
  const office = g.Office;
  return {
    run: (batch) => excel.run(batch),
    isSetSupported: (name, version) => office.context.requirements.isSetSupported(name, version),
  };
}

/** The WorkbookPort of the workbook open in Excel. */
export function createOfficePort(env: OfficeEnvironment = officeEnvironment(), options: OfficePortOptions = {}): WorkbookPort {
  const budget = options.cellBudget ?? DEFAULT_CELL_BUDGET;
  let quietUntil = 0;
  let writing = 0;
  return {
    host: "excel",
    async readSheets() {
      try {
        return await withBudget(budget, (b) => env.run((context) => readAll(context, features(env), b)));
      } catch (e) {
        throw toHostError(e);
      }
    },
    async readFills(cells: CellRef[]) {
      for (const c of cells) if (!parseRange(c.cell)) throw new HostError("bad_address", c.cell);
      if (!cells.length) return [];
      const f = features(env);
      try {
        return await env.run(async (context: Ox) => {
          const sheets = context.workbook.worksheets;
          const loaded = cells.map((c) => {
            const range = sheets.getItem(c.sheet).getRange(c.cell);
            if (f.v19) return { props: range.getCellProperties({ format: { fill: { color: true, pattern: true } } }), fill: null as Ox };
            const fill = range.format.fill;
            fill.load("color");
            return { props: null as Ox, fill };
          });
          await context.sync();
          return loaded.map(({ props, fill }) => {
            if (props) {
              const p = props.value?.[0]?.[0]?.format?.fill;
              return p && p.pattern !== "None" ? normalizeColor(p.color) : null;
            }
            // Before ExcelApi 1.9 an unfilled cell reads as white: white counts as no fill.
            const c = normalizeColor(fill.color);
            return c && c !== "#FFFFFF" ? c : null;
          });
        });
      } catch (e) {
        throw toHostError(e, cells.length === 1 ? cells[0] : {});
      }
    },
    async apply(changes) {
      writing++;
      try {
        return await withBudget(budget, (b) => env.run((context) => applyAll(context, features(env), changes, b)));
      } catch (e) {
        throw toHostError(e);
      } finally {
        writing--;
        quietUntil = Date.now() + OWN_EVENTS_MS;
      }
    },
    async selectCell(sheet, cell) {
      if (!parseRange(cell)) throw new HostError("bad_address", cell);
      try {
        return await env.run(async (context) => {
          const ws = context.workbook.worksheets.getItem(sheet);
          ws.activate();
          ws.getRange(cell).select();
          await context.sync();
        });
      } catch (e) {
        throw toHostError(e, { sheet, cell });
      }
    },
    async subscribe(onChange) {
      const f = features(env);
      if (!f.events) return () => undefined;
      try {
        const handlers: Ox[] = await env.run(async (context: Ox) => {
          const sheets = context.workbook.worksheets;
          sheets.load("items/id,items/name");
          await context.sync();
          const names = new Map<string, string>(sheets.items.map((s: Ox) => [s.id, s.name]));
          const handler = async (args: Ox) => {
            if (writing > 0 || Date.now() < quietUntil) return;
            const name = names.get(args.worksheetId);
            if (name) onChange({ sheet: name, address: String(args.address ?? "") });
          };
          // ExcelApi 1.9 has one event for every sheet (new sheets included); 1.7 one per sheet.
          const out = f.v19 ? [sheets.onChanged.add(handler)] : sheets.items.map((s: Ox) => s.onChanged.add(handler));
          await context.sync();
          return out;
        });
        return () => {
          void env
            .run(async (context: Ox) => {
              for (const h of handlers) h.remove();
              await (handlers[0]?.context ?? context).sync();
            })
            .catch(() => undefined);
        };
      } catch (e) {
        throw toHostError(e);
      }
    },
  };
}
