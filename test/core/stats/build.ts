/** Grids for statistics tests, built from label / unit / value triples like the sheets are typed. */
import { toA1, type CellValue, type Grid, type Merge } from "../../../src/core/grid";

export type Triple = readonly [label: string, unit: string, value?: CellValue];

export interface Placement {
  name?: string;
  /** 0-based row of the header; the table's rows follow it. */
  top?: number;
  /** 0-based column of the label. */
  left?: number;
  /** How many columns the label spreads over (merged in the header). */
  labelWidth?: number;
  header?: readonly [string, string, string];
  /** Extra columns after the value (备注 …). */
  after?: readonly string[];
  /** Lines written under the table. */
  footer?: readonly string[];
}

/** A 2017-style 统计表: header row, then one row per triple; a title above when there is room. */
export function statsGrid(rows: readonly Triple[], p: Placement = {}): Grid {
  const { name = "统计表", top = 2, left = 0, labelWidth = 1, after = [], footer = [] } = p;
  const [hLabel, hUnit, hValue] = p.header ?? ["统 计 指 标", "单位", "统计数"];
  const cells: CellValue[][] = [];
  const merges: Merge[] = [];
  const put = (r: number, values: CellValue[]) => {
    cells[r] = [...Array<CellValue>(left).fill(null), ...values];
  };
  if (top > 0) put(top - 1, ["某某单位2017年政府信息公开情况统计表"]);
  const pad = Array<CellValue>(labelWidth - 1).fill(null);
  put(top, [hLabel, ...pad, hUnit, hValue, ...after]);
  if (labelWidth > 1) merges.push({ top, left, bottom: top, right: left + labelWidth - 1 });
  rows.forEach(([label, unit, value = null], i) => put(top + 1 + i, [label, ...pad, unit, value, ...after.map(() => null)]));
  footer.forEach((line, i) => put(top + 2 + rows.length + i, [line]));
  for (let r = 0; r < cells.length; r++) cells[r] ??= [];
  return { name, cells, merges };
}

/** The A1 address of the value of the i-th triple (0-based) in a grid built with `p`. */
export function valueCell(i: number, p: Placement = {}): string {
  const { top = 2, left = 0, labelWidth = 1 } = p;
  const col = left + labelWidth + 1;
  return String.fromCharCode(65 + col) + String(top + 2 + i);
}

/**
 * A copy of `rows` with some values changed. Each change names a row by a piece of its label;
 * "行政诉讼›被依法纠错数" means the first such row after the first row naming 行政诉讼.
 */
export function edit(rows: readonly Triple[], changes: Record<string, CellValue>): Triple[] {
  const out = rows.map((t) => [...t] as [string, string, CellValue?]);
  const flat = (s: string) => s.replace(/\s+/g, "");
  for (const [where, value] of Object.entries(changes)) {
    const path = where.split("›");
    let from = 0;
    let at = -1;
    for (const piece of path) {
      at = out.findIndex((t, i) => i >= from && flat(t[0]).includes(piece));
      if (at < 0) throw new Error(`no row “${where}” in the fixture`);
      from = at + 1;
    }
    out[at][2] = value;
  }
  return out;
}

/** The 0-based index of the row a change would reach (see edit). */
export function rowIndex(rows: readonly Triple[], where: string): number {
  const marked = edit(rows, { [where]: "\u0000" });
  return marked.findIndex((t) => t[2] === "\u0000");
}

/**
 * How other units lay the same 统计表 out: a 序号 column, numbering in a column of its own,
 * last year's numbers beside this year's, a 代码 column and the 甲 | 乙 | 丙 row of statistical
 * forms, blank rows between sections, lines above and signatures below.
 */
export interface UnitLayout {
  name?: string;
  /** Lines above the header (title, 填报单位). */
  above?: readonly string[];
  /** A 序号 column numbering the rows, left of the label. */
  index?: boolean;
  /** The numbering ("(一)", "1.") in a column of its own, the words in the next. */
  splitNumbering?: boolean;
  /** Header words for the label and unit columns. */
  header?: readonly [string, string];
  /** 单位 after the value columns (统计指标 | 统计数 | 单位). Not with `codes`. */
  unitLast?: boolean;
  /** A 代码 column after 单位, and the 甲 | 乙 | 丙 | 1 | 2 row under the header. */
  codes?: boolean;
  /**
   * The value columns: their header words and which one holds the triple's value; the others
   * hold `other(value)`. A `group` header stands merged over them, the words on a row below.
   */
  values?: { headers: readonly string[]; current: number; other?: (v: CellValue) => CellValue; group?: string };
  /**
   * Titles in columns of their own, merged down beside their rows: 1 for the section titles
   * (一、主动公开情况 …), 2 for the headings of groups too ((二)通过不同渠道和方式…的情况). A title
   * without a value of its own shares the first of its rows.
   */
  titleColumns?: 1 | 2;
  /** Blank rows before each section title (一、二、…). */
  blankBeforeSections?: number;
  /** Lines under the table. */
  footer?: readonly string[];
}

const SPLIT_NUMBER = /^\s*((?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d+\.|其中:)+)\s*(.*)$/;

/** A 统计表 laid out as `p` says; `cell(i)` is the value cell of the i-th triple. */
export function unitSheet(rows: readonly Triple[], p: UnitLayout = {}): { grid: Grid; cell: (i: number) => string } {
  const { name = "统计表", above = [], values = { headers: ["统计数"], current: 0 } } = p;
  const [hLabel, hUnit] = p.header ?? ["统计指标", "单位"];
  const cells: CellValue[][] = above.map((line) => [line]);
  const merges: Merge[] = [];
  const lead = p.index ? 1 : 0;
  const titleCols = p.titleColumns ?? 0;
  const labelCols = p.splitNumbering ? 2 : 1 + titleCols;
  const firstValue = lead + labelCols + (p.unitLast ? 0 : 1 + (p.codes ? 1 : 0));
  // Puts the unit where the layout has it: after the labels, or after the values.
  const withUnit = (labels: CellValue[], unit: CellValue, rest: CellValue[]) => (p.unitLast ? [...labels, ...rest, unit] : [...labels, unit, ...rest]);
  const top = cells.length;
  const labelHeader: CellValue[] = [...(p.index ? ["序号"] : []), hLabel, ...Array<null>(labelCols - 1).fill(null)];
  const header: CellValue[] = p.unitLast ? labelHeader : [...labelHeader, hUnit, ...(p.codes ? ["代码"] : [])];
  const headerRows = values.group ? 2 : 1;
  header.forEach((h, c) => {
    const right = labelCols > 1 && c === lead ? c + labelCols - 1 : c;
    if (h !== null && (right > c || headerRows > 1)) merges.push({ top, left: c, bottom: top + headerRows - 1, right });
  });
  const unitHeader = p.unitLast ? [hUnit] : [];
  if (values.group) {
    cells.push([...header, values.group, ...Array<null>(values.headers.length - 1).fill(null), ...unitHeader], [...header.map(() => null), ...values.headers]);
    merges.push({ top, left: firstValue, bottom: top, right: firstValue + values.headers.length - 1 });
  } else cells.push([...header, ...values.headers, ...unitHeader]);
  if (p.codes) cells.push([...(p.index ? [null] : []), "甲", ...Array<null>(labelCols - 1).fill(null), "乙", "丙", ...values.headers.map((_, i) => String(i + 1))]);
  const at: string[] = [];
  // Titles waiting for the first of their rows, and the merges beside the rows they head.
  const pending: (string | null)[] = [null, null];
  const open: (Merge | null)[] = [null, null];
  const last = lead + labelCols - 1;
  rows.forEach(([label, unit, value = null], i) => {
    const isTitle = /^\s*[一二三四五六七八九十]+、/.test(label);
    const isGroup = /^\s*\([一二三四五六七八九十]+\)/.test(label);
    if (i > 0 && p.blankBeforeSections && isTitle) for (let k = 0; k < p.blankBeforeSections; k++) cells.push([]);
    const level = isTitle ? 0 : isGroup ? 1 : 2;
    if (level < titleCols) {
      open.fill(null, level);
      pending.fill(null, level);
      if (/^[—-]+$/.test(unit)) {
        pending[level] = label;
        at.push("");
        return;
      }
    }
    const r = cells.length;
    const m = SPLIT_NUMBER.exec(label);
    let labelCells: CellValue[] = [label];
    if (p.splitNumbering) labelCells = m ? [m[1], m[2]] : [null, label.trim()];
    else if (titleCols > 0) {
      labelCells = Array<CellValue>(labelCols).fill(null);
      pending.forEach((title, k) => {
        if (title === null) return;
        labelCells[k] = title;
        open[k] = { top: r, left: lead + k, bottom: r, right: lead + k };
        merges.push(open[k]);
      });
      pending.fill(null);
      for (const o of open) if (o) o.bottom = r;
      const col = Math.min(level, open.filter(Boolean).length);
      labelCells[col] = label;
      if (lead + col < last) merges.push({ top: r, left: lead + col, bottom: r, right: last });
    }
    const other = values.other ?? (() => null);
    const valueCells = values.headers.map((_, k) => (k === values.current ? value : other(value)));
    cells.push(withUnit([...(p.index ? [i + 1] : []), ...labelCells], unit, [...(p.codes ? [String(i + 1).padStart(2, "0")] : []), ...valueCells]));
    at.push(toA1(cells.length - 1, firstValue + values.current));
  });
  if (p.footer?.length) cells.push([], ...p.footer.map((line) => [line]));
  return { grid: { name, cells, merges }, cell: (i) => at[i] };
}
