/**
 * Reading a 2017 统计表: find the header row (统计指标 | 单位 | 统计数, wherever it stands, spaces
 * inside words allowed), then read one row per label until the signatures under the table.
 */
import { MergeIndex, columnCount, textOf, toA1, valueAt, type Grid } from "../grid";
import { bestMatch } from "./match";
import { IDENTITIES_2017, ROWS_2017, type RowDef } from "./format2017";
import { displayName, kindOfUnit, leadingNumber, matchText } from "./text";
import type { StatRow, StatisticsTable } from "./types";

interface Header {
  row: number;
  /** Label cells may spread over several columns (indentation by column, merged labels). */
  labelLeft: number;
  labelRight: number;
  unitCol: number;
  valueLeft: number;
  valueRight: number;
}

const LABEL_HEADER = /^(统计指标|指标名称|指标|统计项目|统计内容)$/;
const UNIT_HEADER = /^(计量)?单位$/;
const VALUE_HEADER = /^(统计数|统计数据|统计数值|统计值|数量|数值|数据|填报数|本年数|合计|全年)$/;
// The lines under the table: signatures, dates, notes.
const FOOTER = /^(单位负责人|负责人|审核人|填报人|制表人|联系电话|联系人|填报日期|填报说明|备注|注[::]|说明[::])/;
const EMPTY_ROWS_ENDING_TABLE = 3;
// A 指标 | 单位 | 数量 table is taken for a 统计表 only when it has rows of one.
const MIN_KNOWN_ROWS = 3;

function findHeader(grid: Grid, merges: MergeIndex): Header | null {
  const width = columnCount(grid);
  for (let r = 0; r < grid.cells.length; r++) {
    let label = -1;
    let unit = -1;
    let value = -1;
    for (let c = 0; c < width; c++) {
      const raw = valueAt(grid, r, c);
      // Header words are short: long texts and numbers are skipped before the costly normalisation.
      if (typeof raw !== "string" || raw.length > 24) continue;
      const t = matchText(textOf(raw));
      if (!t) continue;
      if (label < 0 && LABEL_HEADER.test(t)) label = c;
      else if (label >= 0 && unit < 0 && UNIT_HEADER.test(t)) unit = c;
      else if (unit >= 0 && value < 0 && VALUE_HEADER.test(t)) value = c;
    }
    if (label < 0 || unit < 0) continue;
    const unitRight = merges.mergeAt(r, unit)?.right ?? unit;
    const valueLeft = value >= 0 ? value : unitRight + 1;
    const valueRight = Math.max(valueLeft, merges.mergeAt(r, valueLeft)?.right ?? valueLeft);
    return { row: r, labelLeft: label, labelRight: unit - 1, unitCol: unit, valueLeft, valueRight };
  }
  return null;
}

/** The label of a row: the texts of its label cells, left to right (merged cells count once). */
function labelOf(grid: Grid, r: number, h: Header): string {
  const parts: string[] = [];
  for (let c = h.labelLeft; c <= h.labelRight; c++) {
    const t = textOf(valueAt(grid, r, c));
    if (t) parts.push(t);
  }
  return parts.join(" ");
}

/** The value cell of a row: the first filled cell under the 统计数 header, else its first column. */
function valueColumn(grid: Grid, r: number, h: Header): number {
  for (let c = h.valueLeft; c <= h.valueRight; c++) if (textOf(valueAt(grid, r, c)) !== "") return c;
  return h.valueLeft;
}

/** "被依法纠错数" stands under both 行政复议 and 行政诉讼: a name used twice is prefixed with its section's title. */
function qualifyRepeatedNames(rows: StatRow[], titles: string[]): void {
  const count = new Map<string, number>();
  for (const r of rows) count.set(r.name, (count.get(r.name) ?? 0) + 1);
  rows.forEach((r, i) => {
    if ((count.get(r.name) ?? 0) > 1 && titles[i] && titles[i] !== r.name) r.name = `${titles[i]}·${r.name}`;
  });
}

/** Reads a 2017 统计表; null when the grid has no 统计指标/单位 header. */
export function detect2017(grid: Grid): StatisticsTable | null {
  const merges = new MergeIndex(grid);
  const h = findHeader(grid, merges);
  if (!h) return null;
  const rows: StatRow[] = [];
  let section: string | null = null;
  let empty = 0;
  let title = "";
  const titles: string[] = [];
  const first = (merges.mergeAt(h.row, h.labelLeft)?.bottom ?? h.row) + 1;
  for (let r = first; r < grid.cells.length && empty < EMPTY_ROWS_ENDING_TABLE; r++) {
    const label = labelOf(grid, r, h);
    if (!label) {
      empty++;
      continue;
    }
    empty = 0;
    if (FOOTER.test(displayName(label))) break;
    const def: RowDef | null = bestMatch(matchText(label), ROWS_2017, (d) => d.section === section);
    if (def) section = def.section;
    if (/^[一二三四五六七八九十]+[、.]$/.test(leadingNumber(label))) title = displayName(label);
    titles.push(title);
    const unit = textOf(merges.shownValue(r, h.unitCol));
    const kind = kindOfUnit(unit) ?? def?.kind ?? "text";
    const col = valueColumn(grid, r, h);
    rows.push({
      key: def?.key ?? null,
      label,
      name: displayName(label),
      unit,
      kind,
      cell: kind === "heading" ? null : toA1(r, col),
      value: kind === "heading" ? null : valueAt(grid, r, col),
    });
  }
  if (rows.filter((r) => r.key !== null).length < MIN_KNOWN_ROWS) return null;
  qualifyRepeatedNames(rows, titles);
  return { sheet: grid.name, format: "2017", rows, identities: [...IDENTITIES_2017], derived: [] };
}
