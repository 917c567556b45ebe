/**
 * Reading every sheet through Office.js in few round trips (each `context.sync()` crosses into
 * Excel, on the web over the network):
 * - sync 1: the sheets (names, visibility) and, where Excel has them, every note and comment;
 * - sync 2: each sheet's used range, merged areas and formula cells (one address list per sheet,
 *   ExcelApi 1.9), and where each note sits;
 * - then the values, read exactly over each used range in chunks of at most `budget` cells per
 *   sync (Excel on the web refuses a response over 5 MB): 1 sync up to `budget` cells in all.
 * A workbook of a few thousand rows is read in 3 syncs; 100,000 rows × 7 columns in 2 + 9.
 * One sheet with more than 512 merged areas makes `getMergedAreasOrNullObject` fail, and with it
 * the whole sync: sync 2 is then repeated without merges, and that sheet's merges are read in row
 * bands small enough to succeed.
 */
import { type CellValue, type Grid, type Merge, toA1 } from "../../core/grid";
import { HostError } from "../port";
import { chunkRows, errorCode, isPayloadError, pack, parseAreas, parseMergedAddress, rectA1, splitAddress, type Features, type Ox, type Rect } from "./common";

/** A used range larger than this is a stray value far away, not a score sheet: refuse, don't hang. */
const MAX_SHEET_CELLS = 2_000_000;
/** Rows of one merged-areas query when a sheet has too many for one (categories merged every few rows: ~250 areas). */
const MERGE_BAND_ROWS = 1024;
const MERGE_BAND_MIN = 16;

/** Values as Excel returns them ("" for an empty cell) → grid values (null for empty). */
function toCellValue(v: unknown): CellValue {
  if (v === "" || v === undefined || v === null) return null;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
  return String(v);
}

interface SheetInfo {
  ws: Ox;
  name: string;
  hidden: boolean;
  used: Rect;
  merges: Merge[];
  /** Formula cells from the special-cells address; null when they must be read with the values. */
  formulaAreas: Merge[] | null;
}

/** sync 2: used ranges, and (when `extras`) merges and formula cells of every sheet at once. */
async function readBounds(context: Ox, f: Features, wss: Ox[], extras: { merges: boolean; formulas: boolean }): Promise<Array<{ used: Rect; merges: Merge[] | null; formulas: Merge[] | null }>> {
  const queued = wss.map((ws) => {
    const used = f.v12 ? ws.getUsedRange(true) : ws.getUsedRange();
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    let merged: Ox = null;
    let special: Ox = null;
    if (extras.merges && f.merges) {
      merged = ws.getRange().getMergedAreasOrNullObject();
      merged.load("address");
    }
    if (extras.formulas && f.v19) {
      special = used.getSpecialCellsOrNullObject("Formulas");
      special.load("address");
    }
    return { used, merged, special };
  });
  await context.sync();
  return queued.map(({ used, merged, special }) => ({
    used: { top: used.rowIndex, left: used.columnIndex, rows: used.rowCount, cols: used.columnCount },
    merges: merged ? (merged.isNullObject ? [] : parseMergedAddress(merged.address)) : null,
    formulas: special ? (special.isNullObject ? [] : parseAreas(special.address)) : null,
  }));
}

/**
 * Merged areas of one sheet whose whole-sheet query failed (over 512 areas): row bands, all in one
 * sync, halved until every band answers. A sheet where even the smallest bands fail is read without
 * merged areas (the engine then carries a category down its blank cells).
 */
async function mergesInBands(context: Ox, ws: Ox, used: Rect): Promise<Merge[]> {
  const width = Math.max(used.left + used.cols, 1);
  for (let size = MERGE_BAND_ROWS; size >= MERGE_BAND_MIN; size = Math.floor(size / 2)) {
    const bands = chunkRows({ top: used.top, left: 0, rows: used.rows, cols: width }, size * width).map((band) => {
      const areas = ws.getRange(rectA1(band)).getMergedAreasOrNullObject();
      areas.load("address");
      return areas;
    });
    try {
      await context.sync();
    } catch (e) {
      if (isPayloadError(e)) throw e;
      continue;
    }
    const seen = new Set<string>();
    const out: Merge[] = [];
    for (const areas of bands) {
      if (areas.isNullObject) continue;
      for (const m of parseMergedAddress(areas.address)) {
        const k = `${m.top},${m.left}`;
        if (!seen.has(k)) out.push(m), seen.add(k);
      }
    }
    return out.sort((a, b) => a.top - b.top || a.left - b.left);
  }
  return [];
}

/** Reads every sheet: see the file comment for the syncs. */
export async function readAll(context: Ox, f: Features, budget: number): Promise<Grid[]> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility");
  const annotations: Ox[] = [];
  if (f.notes) {
    const notes = context.workbook.notes;
    notes.load("items/content");
    annotations.push(notes);
  }
  if (f.comments) {
    const comments = context.workbook.comments;
    comments.load("items/content");
    annotations.push(comments);
  }
  await context.sync();

  const wss: Ox[] = sheets.items;
  const located = annotations.flatMap((coll) =>
    coll.items.map((item: Ox) => {
      const where = item.getLocation();
      where.load("address");
      return { item, where };
    }),
  );
  let bounds;
  // One sheet's merged areas (over 512) fail the whole sync: again without merged areas (read per
  // sheet below), and, should that fail too, without formula cells.
  const attempts = [{ merges: true, formulas: true }, { merges: false, formulas: true }, { merges: false, formulas: false }];
  for (let i = 0; ; i++) {
    try {
      bounds = await readBounds(context, f, wss, attempts[i]);
      break;
    } catch (e) {
      if (isPayloadError(e) || i === attempts.length - 1 || (!f.merges && !f.v19)) throw e;
      for (const l of located) l.where.load("address");
    }
  }
  const infos: SheetInfo[] = wss.map((ws, i) => ({
    ws,
    name: ws.name,
    hidden: ws.visibility !== undefined && ws.visibility !== "Visible",
    used: bounds[i].used,
    merges: bounds[i].merges ?? [],
    formulaAreas: f.v19 ? bounds[i].formulas : null,
  }));
  if (f.merges) {
    for (let i = 0; i < infos.length; i++) if (bounds[i].merges === null) infos[i].merges = await mergesInBands(context, wss[i], infos[i].used);
  }
  if (f.v19) {
    for (let i = 0; i < infos.length; i++) {
      if (infos[i].formulaAreas !== null) continue;
      // Formula cells per sheet on their own; where even that fails, they are read with the values.
      const special = wss[i].getRange(rectA1(infos[i].used)).getSpecialCellsOrNullObject("Formulas");
      special.load("address");
      try {
        await context.sync();
        infos[i].formulaAreas = special.isNullObject ? [] : parseAreas(special.address);
      } catch (e) {
        if (isPayloadError(e)) throw e;
        infos[i].formulaAreas = null;
      }
    }
  }

  const grids: Grid[] = infos.map((s) => ({ name: s.name, cells: [], merges: s.merges, formulas: [], notes: {}, hidden: s.hidden }));
  const put = (target: unknown[][], top: number, left: number, values: unknown[][], map: (v: unknown) => unknown) => {
    values.forEach((row, i) => {
      const r = (target[top + i] ??= []);
      row.forEach((v, j) => (r[left + j] = map(v)));
    });
  };
  const parts: { sheet: number; rect: Rect; formulas: boolean }[] = [];
  infos.forEach((s, i) => {
    const u = s.used;
    if (u.rows * u.cols > MAX_SHEET_CELLS) {
      const far = toA1(u.top + u.rows - 1, u.left + u.cols - 1);
      throw new HostError(
        "host_failed",
        `工作表“${s.name}”的已用区域过大(延伸到 ${far},约 ${Math.round((u.rows * u.cols) / 10000)} 万个单元格)。请删除远处多余的内容后重试。`,
      );
    }
    const withFormulas = s.formulaAreas === null;
    for (const rect of chunkRows(u, withFormulas ? Math.max(1, Math.floor(budget / 2)) : budget)) parts.push({ sheet: i, rect, formulas: withFormulas });
  });
  for (const group of pack(parts, (p) => p.rect.rows * p.rect.cols * (p.formulas ? 2 : 1), budget)) {
    const ranges = group.map((p) => {
      const range = infos[p.sheet].ws.getRange(rectA1(p.rect));
      range.load(p.formulas ? "values,formulas" : "values");
      return { ...p, range };
    });
    await context.sync();
    for (const p of ranges) {
      const g = grids[p.sheet];
      put(g.cells, p.rect.top, p.rect.left, p.range.values, toCellValue);
      if (p.formulas) put(g.formulas as unknown[][], p.rect.top, p.rect.left, p.range.formulas, (v) => typeof v === "string" && v.startsWith("=") ? true : undefined);
    }
  }
  infos.forEach((s, i) => {
    const g = grids[i];
    // Cells not covered (left of and above the used range) are holes in sparse arrays: make them null.
    for (let r = 0; r < g.cells.length; r++) g.cells[r] = Array.from(g.cells[r] ?? [], (v) => v ?? null);
    const formulas = g.formulas as boolean[][];
    for (const a of s.formulaAreas ?? []) {
      for (let r = a.top; r <= a.bottom; r++) {
        const row = (formulas[r] ??= []);
        for (let c = a.left; c <= a.right; c++) row[c] = true;
      }
    }
    for (let r = 0; r < formulas.length; r++) formulas[r] = Array.from(formulas[r] ?? [], (v) => v === true);
  });
  const byName = new Map(grids.map((g) => [g.name, g]));
  for (const { item, where } of located) {
    let address: string;
    try {
      address = where.address;
    } catch (e) {
      if (errorCode(e)) throw e;
      continue;
    }
    const [sheet, cell] = splitAddress(address);
    const g = byName.get(sheet);
    if (g && g.notes && !(cell in g.notes)) g.notes[cell] = String(item.content ?? "");
  }
  return grids;
}
