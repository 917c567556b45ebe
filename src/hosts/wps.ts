/**
 * WPS 表格 host: the ET object model (`wps.EtApplication()` / `window.Application`), synchronous and
 * VBA-like, behind the WorkbookPort. Defensive about what differs between WPS builds (see
 * wps/model.ts): property-or-method members, callable collections, the shape of Value2, COM error
 * codes, used ranges inflated by formatting, comments with their author's name in front.
 *
 * The workbook is remembered at read (`FullName`): if the user switched to another workbook before
 * 写回, the write is refused rather than made into the wrong file.
 */
import type { CellRef, WorkbookPort } from "./port";
import { HostError } from "./port";
import { parseRange } from "../core/grid";
import { attempt, fillOf, guard, item, prop, type Wx, type WpsApplication } from "./wps/model";
import { readSheet } from "./wps/read";
import { applyChanges } from "./wps/write";

export { prop, toBgr, toMatrix, XL, type WpsApplication } from "./wps/model";
/** Excel/ET's xlNone (also xlColorIndexNone and xlPatternNone). */
export const XL_NONE = -4142;

/** How long after a write-back the change events it caused are not passed on (they are ours). */
const OWN_EVENTS_MS = 1500;

/**
 * Finds the ET application in a page: `window.wps.EtApplication()` (WPS 加载项) or a
 * `window.Application` that has `ActiveWorkbook` (older builds, or the pane opened as a web page
 * inside ET). Null in a browser or in Excel.
 */
export function detectWpsApplication(win: unknown): WpsApplication | null {
  const w = win as { wps?: { EtApplication?: unknown }; Application?: unknown } | null | undefined;
  if (!w || typeof w !== "object") return null;
  try {
    const et = w.wps?.EtApplication;
    if (typeof et === "function") {
      const app = (et as () => unknown).call(w.wps);
      if (app && typeof app === "object") return app as WpsApplication;
    }
  } catch {
    // WPS 文字/演示 have `wps` too but no ET application: fall through.
  }
  const app = w.Application as Record<string, unknown> | null | undefined;
  if (app && (typeof app === "object" || typeof app === "function") && "ActiveWorkbook" in app) return app as unknown as WpsApplication;
  return null;
}

/** Creates the WorkbookPort over a WPS ET application (see detectWpsApplication). */
export function createWpsPort(application: WpsApplication): WorkbookPort {
  const app = application as Wx;
  /** FullName of the workbook read last: writes go there or nowhere. */
  let readFrom: string | null = null;
  let writing = 0;
  let quietUntil = 0;

  const book = (): Wx => {
    const b = guard("连接 WPS 表格", () => prop(app, "ActiveWorkbook"));
    if (!b) throw new HostError("host_unavailable", "WPS 表格中没有打开的工作簿,请先打开要核算的考核表");
    return b;
  };
  const fullName = (b: Wx): string | null => {
    const n = attempt(() => prop(b, "FullName")) ?? attempt(() => prop(b, "Name"));
    return typeof n === "string" && n ? n : null;
  };
  /** The active workbook, refused when it is not the one the grids were read from. */
  const sameBook = (): Wx => {
    const b = book();
    const name = fullName(b);
    if (readFrom !== null && name !== null && name !== readFrom) {
      const short = (s: string) => s.replace(/^.*[\\/]/, "");
      throw new HostError(
        "host_failed",
        `当前活动的工作簿是“${short(name)}”,不是计算时的“${short(readFrom)}”。为免写错文件,本次未写入。请切换回“${short(readFrom)}”后重新计算再写回。`,
      );
    }
    return b;
  };
  const worksheets = (b: Wx): Wx => guard("读取工作表列表", () => prop(b, "Worksheets"));
  const findSheet = (sheets: Wx, name: string): Wx | null => {
    try {
      return item(sheets, name) ?? null;
    } catch {
      return null; // ET throws "下标越界" for a name that is not there
    }
  };
  const checkCell = (cell: string) => {
    if (!parseRange(cell)) throw new HostError("bad_address", cell);
  };

  return {
    host: "wps",

    async readSheets() {
      const b = book();
      readFrom = fullName(b);
      const sheets = worksheets(b);
      const count = guard("读取工作表列表", () => prop(sheets, "Count"));
      const grids = [];
      for (let i = 1; i <= count; i++) grids.push(readSheet(guard(`读取第 ${i} 个工作表`, () => item(sheets, i))));
      return grids;
    },

    async readFills(cells: CellRef[]) {
      for (const c of cells) checkCell(c.cell);
      const sheets = worksheets(sameBook());
      return cells.map((c) =>
        guard(`读取“${c.sheet}”${c.cell} 的底色`, () => {
          const ws = findSheet(sheets, c.sheet);
          if (!ws) throw new HostError("sheet_missing", c.sheet);
          return fillOf(ws.Range(c.cell));
        }),
      );
    },

    async apply(changes) {
      const b = sameBook();
      const sheets = worksheets(b);
      const cache = new Map<string, Wx>();
      const ctx = {
        find: (name: string) => cache.get(name) ?? findSheet(sheets, name),
        sheet: (name: string) => {
          let ws = cache.get(name) ?? findSheet(sheets, name);
          if (!ws) throw new HostError("sheet_missing", name);
          cache.set(name, ws);
          return ws;
        },
        add: (name: string) => {
          const last = item(sheets, prop(sheets, "Count"));
          const ws = sheets.Add(null, last);
          ws.Name = name;
          cache.set(name, ws);
          return ws;
        },
      };
      // Screen updating off while writing many cells and marks; restored whatever happens.
      const before = attempt(() => prop(app, "ScreenUpdating"));
      if (before !== undefined) attempt(() => (app.ScreenUpdating = false));
      writing++;
      try {
        applyChanges(ctx, changes);
      } finally {
        writing--;
        quietUntil = Date.now() + OWN_EVENTS_MS;
        if (before !== undefined) attempt(() => (app.ScreenUpdating = before));
      }
    },

    async selectCell(sheetName: string, cell: string) {
      checkCell(cell);
      const ws = findSheet(worksheets(book()), sheetName);
      if (!ws) throw new HostError("sheet_missing", sheetName);
      guard(`定位到“${sheetName}”${cell}`, () => {
        ws.Activate();
        ws.Range(cell).Select();
      });
    },

    async subscribe(onChange) {
      const events = attempt(() => prop(app, "ApiEvent"));
      if (!events || typeof events.AddApiEventListener !== "function") return () => undefined;
      const listener = (sheet: Wx, target: Wx) => {
        if (writing > 0 || Date.now() < quietUntil) return;
        const name = attempt(() => String(prop(sheet, "Name")));
        const address = attempt(() => (typeof target?.Address === "function" ? target.Address(false, false) : String(prop(target, "Address")).replace(/\$/g, "")));
        if (name) onChange({ sheet: name, address: address ?? "" });
      };
      guard("监听单元格修改", () => events.AddApiEventListener("SheetChange", listener));
      return () => void attempt(() => events.RemoveApiEventListener("SheetChange", listener));
    },
  };
}
