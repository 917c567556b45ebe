/**
 * A column mapping the clerk chose in the pane when the engine found no table, or found it wrong
 * ("the header is row 3; titles are C, 分值 D, 评分标准 E, scores F and G"). It is stored in the
 * workbook itself, in the hidden sheet MAPPING_SHEET, so it travels with the file and every host and
 * the CLI read it. One row per mapped sheet under a fixed header.
 */
import { MAPPING_SHEET, SHEET_MARKER } from "../footprint";
import { parseA1, textOf, type CellValue, type Grid } from "./grid";

export interface ColumnMapping {
  /** The sheet the mapping is for. */
  sheet: string;
  /** 1-based row of the header (the first indicator row is the next one). */
  headerRow: number;
  /** Column letters ("C") by role; `scores` in the order the clerk listed them. */
  title: string;
  max: string | null;
  method: string | null;
  category: string | null;
  id: string | null;
  scores: string[];
}

/** The header of the mapping rows; its words are what a clerk would see if the sheet were shown. */
export const MAPPING_HEADER = ["工作表", "表头行", "指标列", "分值列", "评分标准列", "类别列", "序号列", "评分列"] as const;

const letters = (s: string) => (/^[A-Z]{1,3}$/.test(s) && parseA1(s + "1") ? s : null);

/** The mappings stored in the workbook (none when there is no mapping sheet or it is unreadable). */
export function readMappings(grids: Grid[]): ColumnMapping[] {
  const sheet = grids.find((g) => g.name === MAPPING_SHEET);
  if (!sheet) return [];
  const out: ColumnMapping[] = [];
  let inTable = false;
  for (const row of sheet.cells) {
    const t = (row ?? []).map((v) => textOf(v));
    if (!inTable) {
      inTable = MAPPING_HEADER.every((h, i) => t[i] === h);
      continue;
    }
    const headerRow = Number(t[1]);
    const title = letters(t[2]?.toUpperCase() ?? "");
    if (!t[0] || !Number.isInteger(headerRow) || headerRow < 1 || !title) continue;
    const opt = (s: string | undefined) => letters((s ?? "").toUpperCase());
    out.push({
      sheet: t[0],
      headerRow,
      title,
      max: opt(t[3]),
      method: opt(t[4]),
      category: opt(t[5]),
      id: opt(t[6]),
      scores: (t[7] ?? "").split(/[,,、\s]+/).map((s) => opt(s)).filter((s): s is string => s !== null),
    });
  }
  return out;
}

/** The rows of the mapping sheet for these mappings (written as a hidden SheetWrite named MAPPING_SHEET). */
export function mappingRows(mappings: ColumnMapping[]): CellValue[][] {
  return [
    [`${SHEET_MARKER}的列设置;请勿修改或删除本表)`],
    [...MAPPING_HEADER],
    ...mappings.map((m) => [m.sheet, m.headerRow, m.title, m.max ?? "", m.method ?? "", m.category ?? "", m.id ?? "", m.scores.join(",")]),
  ];
}
