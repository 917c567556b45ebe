/**
 * The 核算结果 sheet is the add-in's record of what it wrote: where each 核算得分 column stands
 * and which cells it marked with which fill underneath. The next run reads that record back
 * from OUR sheet only: the one named 核算结果 (or 核算结果(2) …) whose A1 starts with SHEET_MARKER.
 */
import { parseRange, textOf, type Grid, type Merge } from "../core/grid";
import { MAPPING_SHEET, RESULT_SHEET, SHEET_MARKER } from "../footprint";
import type { ClearMark } from "../hosts/port";

/** Headers of the record's tables (the 核算结果 sheet writes them, the next run finds them). */
export const H = {
  sheet: "工作表",
  cell: "单元格",
  level: "级别",
  message: "说明",
  code: "代码",
  marked: "已标记",
  fill: "原底色",
  place: "核算得分位置",
} as const;

/** What the 原底色 column says when the host could not tell the fill (then the mark is just cleared). */
export const FILL_UNKNOWN = "未知";

const OUR_NAME = new RegExp(`^${RESULT_SHEET}(\\((\\d+)\\))?$`);

/** Whether the add-in wrote this sheet (its A1 starts with SHEET_MARKER): the engine skips it. */
export function isOurSheet(grid: Grid): boolean {
  return textOf(grid.cells[0]?.[0] ?? null).startsWith(SHEET_MARKER);
}

/** Our 核算结果 sheet of an earlier run, if any. */
export function ourResultSheet(grids: Grid[]): Grid | null {
  return grids.find((g) => g.name !== MAPPING_SHEET && OUR_NAME.test(g.name) && isOurSheet(g)) ?? null;
}

/** Where this run's 核算结果 goes: our earlier sheet, else 核算结果, else 核算结果(2), (3) … */
export function resultSheetName(grids: Grid[]): { name: string; existing: boolean; userSheets: string[] } {
  const ours = ourResultSheet(grids);
  const userSheets = grids.filter((g) => OUR_NAME.test(g.name) && g !== ours).map((g) => g.name);
  if (ours) return { name: ours.name, existing: true, userSheets };
  const taken = new Set(grids.map((g) => g.name));
  let name = RESULT_SHEET;
  for (let n = 2; taken.has(name); n++) name = `${RESULT_SHEET}(${n})`;
  return { name, existing: false, userSheets };
}

/** Finds the header row of a record table holding all of `needed`; column indices by header. */
function tableOf(sheet: Grid, needed: string[]): { row: number; col: Map<string, number> } | null {
  for (let r = 0; r < sheet.cells.length; r++) {
    const texts = (sheet.cells[r] ?? []).map((v) => textOf(v));
    if (needed.every((h) => texts.includes(h))) {
      const col = new Map<string, number>();
      texts.forEach((t, i) => t && !col.has(t) && col.set(t, i));
      return { row: r, col };
    }
  }
  return null;
}

/** The rows under a record table's header, up to the first blank row. */
function* bodyOf(sheet: Grid, row: number): Generator<string[]> {
  for (let r = row + 1; r < sheet.cells.length; r++) {
    const texts = (sheet.cells[r] ?? []).map((v) => textOf(v));
    if (!texts.some(Boolean)) return;
    yield texts;
  }
}

function readFill(text: string | undefined): string | null | undefined {
  if (text === undefined || text === FILL_UNKNOWN) return undefined;
  if (text === "") return null;
  return /^#[0-9A-F]{6}$/i.test(text) ? text.toUpperCase() : undefined;
}

/**
 * The marks an earlier run recorded (rows whose 已标记 is 是), one per cell, each with the user's
 * fill when the record has a 原底色 column (older sheets have none: then restoreFill is absent).
 */
export function previousMarks(grids: Grid[]): ClearMark[] {
  const sheet = ourResultSheet(grids);
  if (!sheet) return [];
  const table = tableOf(sheet, [H.sheet, H.cell, H.marked]);
  if (!table) return [];
  const at = (name: string) => table.col.get(name);
  const [cs, cc, cm, cf] = [at(H.sheet)!, at(H.cell)!, at(H.marked)!, at(H.fill)];
  const out = new Map<string, ClearMark>();
  for (const texts of bodyOf(sheet, table.row)) {
    if (texts[cm] !== "是" || !texts[cs] || !texts[cc]) continue;
    const key = `${texts[cs]}!${texts[cc]}`;
    if (out.has(key)) continue;
    const mark: ClearMark = { sheet: texts[cs], cell: texts[cc] };
    const fill = cf === undefined ? undefined : readFill(texts[cf] ?? "");
    if (fill !== undefined) mark.restoreFill = fill;
    out.set(key, mark);
  }
  return [...out.values()];
}

/**
 * Where an earlier run wrote each sheet's 核算得分 column (from the 核算得分位置 column of the
 * summary table), or null when the record has no such column (an older version's sheet).
 */
export function previousColumns(grids: Grid[]): Map<string, Merge> | null {
  const sheet = ourResultSheet(grids);
  if (!sheet) return null;
  const table = tableOf(sheet, [H.sheet, H.place]);
  if (!table) return null;
  const cs = table.col.get(H.sheet)!;
  const cp = table.col.get(H.place)!;
  const out = new Map<string, Merge>();
  for (const texts of bodyOf(sheet, table.row)) {
    const range = /^[A-Z]{1,3}\d+(:[A-Z]{1,3}\d+)?$/.test(texts[cp] ?? "") ? parseRange(texts[cp]) : null;
    if (range && range.left === range.right && texts[cs] && !out.has(texts[cs])) out.set(texts[cs], range);
  }
  return out;
}
