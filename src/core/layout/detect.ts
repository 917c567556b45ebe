/**
 * Finds the score table in a sheet, wherever it stands: its header row (by its words), repeated
 * headers, merged category cells, section rows "一、重点工作(20分)", the 合计 row, note rows
 * ("以上加分项累计最高5分"), and the indicator rows with their maxima and rules.
 */
import { MergeIndex, columnCount, compact, textOf, toA1, valueAt, type CellValue, type Grid, type Merge } from "../grid";
import { parseHeading, parseMaxCell, parseRules as parseRulesUncached } from "../rules/parse";
import type { MaxCell, ParseResult, Rule, RuleIssue } from "../rules/types";
import { mapColumns, roleOf, type ColumnMap } from "./columns";

/** Tables repeat their phrases ("根据日常监控评分" on many rows): parse each text once. */
const ruleCache = new Map<string, ParseResult>();
const NO_RULES: ParseResult = { rules: [], issues: [] };
/** Every phrase the parser reads or reports speaks of 分, 扣 or 否决: other text (most titles) has no rules. */
const MAY_HOLD_RULES = /[分扣否]/;
function parseRules(text: string): ParseResult {
  if (!MAY_HOLD_RULES.test(text)) return NO_RULES;
  let hit = ruleCache.get(text);
  if (!hit) {
    if (ruleCache.size > 20000) ruleCache.clear();
    hit = parseRulesUncached(text);
    ruleCache.set(text, hit);
  }
  return hit;
}

export type GroupKind = "normal" | "bonus" | "deduct" | "both";

/** A category, section or shared-title block that items belong to. */
export interface Group {
  key: string;
  name: string;
  level: number;
  declared: number | null;
  /** Where the declared points are written (the heading cell). */
  cell: string;
  kind: GroupKind;
  /** Caps on the sum of the group's bonuses (note rows, bonus headings, scheme data). */
  bonusCaps: Array<{ cap: number; cell: string; text: string }>;
}

export interface Indicator {
  /** 0-based row of the item (the first row when a merged 分值 joins several rows). */
  row: number;
  id: string | null;
  title: string;
  /** Group keys, outermost first; the first is the item's category. */
  groups: string[];
  kind: "scored" | "adjust" | "veto";
  /** 分值 for scored items; null when unknown. */
  max: number | null;
  /** For adjustment items: which way the entry may go. */
  sign: "bonus" | "deduct" | "both" | null;
  /** A number written as the 分值 of an item in a bonus/deduct section: its cap. */
  sectionCap: number | null;
  rules: Rule[];
  issues: RuleIssue[];
  /** The 分值 cell (A1) or the text cell the points came from. */
  maxCell: string | null;
  /** "(N分)" written in the item's own title when the maximum came from elsewhere, and its cell. */
  declared: { points: number; cell: string } | null;
}

export interface ScoreTable {
  sheet: string;
  /** Text above the header (the sheet's title lines), for display and scheme recognition. */
  title: string;
  headerRow: number;
  columns: ColumnMap;
  groups: Map<string, Group>;
  items: Indicator[];
  total: { row: number; declared: number | null; declaredCell: string | null } | null;
  lastRow: number;
}

const TOTAL_WORDS = /^(合计|总计|总分|得分合计|总得分|合计得分|总计得分|累计得分)/;
const BONUS_NAME = /加分/;
/** A heading: numbered ("一、", "(二)", "3.") or ending in its points "(20分)". */
const HEADING = /^([一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)|第[一二三四五六七八九十\d]+[部分章节项类])|[(（](共|满分|分值)?[\d.．０-９]+分[)）]$/;
/** A note about what precedes it ("以上加分项累计最高5分"). */
const NOTE_START = /^(以上|上述|注[:：]|说明[:：]|备注[:：])/;
const DEDUCT_NAME = /扣分|减分|否决/;
/** How far down a header may stand: title blocks are short, but sheets may have a preamble. */
const HEADER_SCAN_ROWS = 60;

function groupKind(name: string): GroupKind {
  const bonus = BONUS_NAME.test(name);
  const deduct = DEDUCT_NAME.test(name);
  if (bonus && deduct) return "both";
  if (bonus) return "bonus";
  if (deduct) return "deduct";
  return "normal";
}

/** The row's shown values (merged areas repeat their value) over the table's columns. */
function shownRow(mi: MergeIndex, row: number, width: number): CellValue[] {
  const out: CellValue[] = new Array(width);
  for (let c = 0; c < width; c++) out[c] = mi.shownValue(row, c);
  return out;
}

/** Like shownRow, into reused buffers: the values, and the merged area (if any) of each cell. */
function shownRowInto(grid: Grid, mi: MergeIndex, merged: Uint8Array, row: number, out: CellValue[], areas: Array<Merge | undefined>): void {
  const src = grid.cells[row] ?? [];
  for (let c = 0; c < out.length; c++) {
    const m = merged[row] ? mi.mergeAt(row, c) : undefined;
    areas[c] = m;
    out[c] = m ? valueAt(grid, m.top, m.left) : (src[c] ?? null);
  }
}

function findHeader(grid: Grid, mi: MergeIndex, width: number): { row: number; end: number; columns: ColumnMap } | null {
  const limit = Math.min(grid.cells.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < limit; r++) {
    const cells = shownRow(mi, r, width);
    if (cells.filter((v) => (roleOf(v) ?? "other") !== "other").length < 2) continue;
    // A two-row header: "评分" over "自查评分 | 考核评分".
    const below = r + 1 < grid.cells.length ? shownRow(mi, r + 1, width) : [];
    const ownBelow = below.some((v, c) => roleOf(v) && compact(textOf(v)) !== compact(textOf(cells[c])));
    if (ownBelow && !below.some((v) => typeof v === "number")) {
      const map = mapColumns(cells.map((v, c) => (roleOf(below[c]) ? below[c] : v)));
      if (map) return { row: r, end: r + 1, columns: map };
    }
    const map = mapColumns(cells);
    if (map) return { row: r, end: r, columns: map };
  }
  return null;
}

/** A row repeating the header (tables converted from Word repeat it on every page). */
function isRepeatedHeader(cells: CellValue[], columns: ColumnMap): boolean {
  let hits = 0;
  for (const c of columns.roleColumns) if (typeof cells[c] === "string" && roleOf(cells[c])) hits++;
  return hits >= 2;
}

function pointsOf(rules: Rule[]): number | null {
  let sum = 0;
  let any = false;
  for (const r of rules) if (r.kind === "points") (sum += r.points), (any = true);
  return any ? Math.round(sum * 1e6) / 1e6 : null;
}

function stripPoints(text: string): string {
  return text.replace(/[(（]\s*(分值)?\s*[\d.．０-９]+\s*分\s*[)）]/g, "").trim();
}

interface RowText {
  row: number;
  id: string | null;
  titleText: string;
  methodText: string;
  titleMerge: string | null;
  maxValue: CellValue;
  maxSpan: { top: number; bottom: number } | null;
  categories: Array<{ text: string; cell: string }>;
}

/**
 * Detects the score table of a sheet, or null when the sheet holds none.
 * Never throws on odd content: what it cannot place, it leaves out.
 */
export function detectScoreTable(grid: Grid): ScoreTable | null {
  const width = Math.max(columnCount(grid), ...grid.merges.map((m) => m.right + 1), 0);
  if (width === 0) return null;
  const mi = new MergeIndex(grid);
  const header = findHeader(grid, mi, width);
  if (!header) return null;
  const { columns } = header;

  const titleLines: string[] = [];
  for (let r = 0; r < header.row; r++) {
    const t = (grid.cells[r] ?? []).map(textOf).filter(Boolean).join(" ");
    if (t) titleLines.push(t);
  }

  const table: ScoreTable = {
    sheet: grid.name,
    title: titleLines.join("\n"),
    headerRow: header.row,
    columns,
    groups: new Map(),
    items: [],
    total: null,
    lastRow: header.end,
  };

  const rows: RowText[] = [];
  let section: Group | null = null;
  const carried: Array<string | null> = columns.category.map(() => null);
  const carriedCells: string[] = columns.category.map(() => "");
  const rowGroups = new Map<number, string[]>();

  const seen = new Map<string, Group>();
  const addGroup = (name: string, level: number, cell: string, parent: string | null): Group => {
    const memo = `${parent ?? ""}\u0000${name}`;
    const known = seen.get(memo);
    if (known) return known;
    const h = parseHeading(name);
    const key = (parent ? parent + "/" : "") + compact(h.name);
    let g = table.groups.get(key);
    if (!g) {
      const kind = groupKind(h.name);
      g = { key, name: h.name, level, declared: kind === "bonus" ? null : h.points, cell, kind, bonusCaps: [] };
      if (kind === "bonus" && h.points !== null) g.bonusCaps.push({ cap: h.points, cell, text: name });
      table.groups.set(key, g);
    }
    seen.set(memo, g);
    return g;
  };

  const tableFirst = columns.first;
  const tableLast = Math.max(columns.last, columns.scores.at(-1)?.col ?? 0);
  // The row's distinct shown texts over the table's columns (a merged area once, at its left
  // column), in buffers reused from row to row: long sheets should not allocate per cell.
  const texts: string[] = [];
  const cols: number[] = [];
  const spans: number[] = [];
  const cells: CellValue[] = new Array(width);
  const areas: Array<Merge | undefined> = new Array(width);
  // Rows no merged area touches (most rows of a long sheet) need no merge look-ups.
  const merged = new Uint8Array(grid.cells.length);
  for (const m of grid.merges) merged.fill(1, m.top, Math.min(m.bottom + 1, merged.length));
  for (let r = header.end + 1; r < grid.cells.length; r++) {
    shownRowInto(grid, mi, merged, r, cells, areas);
    let n = 0;
    let firstAt = -1;
    for (let c = tableFirst; c <= tableLast; c++) {
      const v = cells[c];
      if (v === null || v === undefined) continue;
      const t = textOf(v);
      if (!t) continue;
      const m = areas[c];
      if (m && c > Math.max(m.left, tableFirst)) continue;
      texts[n] = t;
      cols[n] = m ? m.left : c;
      spans[n] = m ? m.right - m.left + 1 : 1;
      if (firstAt < 0 || cols[n] < cols[firstAt]) firstAt = n;
      n++;
    }
    if (n === 0) continue;
    if (isRepeatedHeader(cells, columns)) continue;

    const first = { text: texts[firstAt], col: cols[firstAt], span: spans[firstAt] };
    if (TOTAL_WORDS.test(compact(first.text))) {
      let declaredCol: { text: string; col: number } | undefined;
      for (let k = 0; k < n && !declaredCol; k++) {
        if (k !== firstAt && !columns.scores.some((s) => s.col === cols[k]) && parseMaxCell(texts[k]).kind === "scored") declaredCol = { text: texts[k], col: cols[k] };
      }
      const maxCell = columns.max !== null ? parseMaxCell(valueAt(grid, r, columns.max)) : null;
      const declared =
        maxCell?.kind === "scored" ? maxCell.max : declaredCol ? (parseMaxCell(declaredCol.text) as { max: number }).max : null;
      const declaredCell =
        maxCell?.kind === "scored" && columns.max !== null ? toA1(r, columns.max) : declaredCol ? toA1(r, declaredCol.col) : null;
      table.total = { row: r, declared, declaredCell };
      table.lastRow = r;
      break;
    }

    const scoreFilled = columns.scores.some((s) => textOf(valueAt(grid, r, s.col)) !== "");
    if (n === 1 && !scoreFilled && first.col !== columns.max) {
      const m = areas[first.col];
      // An empty item row inside a merged category cell: nothing to read.
      if (m && m.bottom > m.top && m.right === m.left) continue;
      const cell = toA1(r, first.col);
      const heading = HEADING.test(compact(first.text)) && !NOTE_START.test(compact(first.text));
      const groupCap = heading ? undefined : parseRules(first.text).rules.find((x) => x.kind === "group_bonus_cap");
      table.lastRow = r;
      if (groupCap && groupCap.kind === "group_bonus_cap") {
        const keys = rows.length ? (rowGroups.get(rows[rows.length - 1].row) ?? []) : [];
        const target =
          [...keys].reverse().map((k) => table.groups.get(k)!).find((g) => g.kind === "bonus") ??
          (keys.length ? table.groups.get(keys[0]) : undefined);
        target?.bonusCaps.push({ cap: groupCap.cap, cell, text: first.text });
        continue;
      }
      const spansTable = first.span >= 2 || columns.category.includes(first.col) || first.col === columns.first;
      if (spansTable) {
        section = addGroup(first.text, 0, cell, null);
        carried.fill(null);
        continue;
      }
    }

    const id = columns.id !== null ? textOf(valueAt(grid, r, columns.id)) || null : null;
    const titleText = columns.title !== null ? textOf(cells[columns.title]) : "";
    const methodText = columns.method !== null ? textOf(cells[columns.method]) : "";
    const maxValue = columns.max !== null ? cells[columns.max] : null;
    if (!titleText && !methodText && textOf(maxValue) === "") continue;

    const categories: RowText["categories"] = [];
    columns.category.forEach((c, i) => {
      const t = textOf(cells[c]);
      if (t) {
        carried[i] = t;
        const m = areas[c];
        carriedCells[i] = toA1(m ? m.top : r, m ? m.left : c);
      }
      if (carried[i]) categories.push({ text: carried[i]!, cell: carriedCells[i] });
    });
    const tm = columns.title !== null ? areas[columns.title] : undefined;
    const mm = columns.max !== null ? areas[columns.max] : undefined;
    rows.push({
      row: r,
      id,
      titleText,
      methodText,
      titleMerge: tm && tm.bottom > tm.top ? `${tm.top},${tm.left}` : null,
      maxValue,
      maxSpan: mm && mm.bottom > mm.top ? { top: mm.top, bottom: mm.bottom } : null,
      categories,
    });
    let parent: string | null = section ? section.key : null;
    const keys: string[] = section ? [section.key] : [];
    categories.forEach((cat, level) => {
      const g = addGroup(cat.text, level + (section ? 1 : 0), cat.cell, parent);
      keys.push(g.key);
      parent = g.key;
    });
    rowGroups.set(r, keys);
    table.lastRow = r;
  }

  buildIndicators(table, rows, rowGroups);
  return table.items.length > 0 || table.total ? table : null;
}

function joinDistinct(texts: string[], sep: string): string {
  return texts.filter((t, i, a) => t && a.indexOf(t) === i).join(sep);
}

function buildIndicators(table: ScoreTable, rows: RowText[], rowGroups: Map<number, string[]>): void {
  const { columns } = table;
  // Rows sharing a merged title cell form a block: the title is the block's heading.
  const titleBlocks = new Map<string, RowText[]>();
  for (const r of rows) if (r.titleMerge) titleBlocks.set(r.titleMerge, [...(titleBlocks.get(r.titleMerge) ?? []), r]);

  const consumed = new Set<number>();
  for (const r of rows) {
    if (consumed.has(r.row)) continue;
    // Shared by the rows of a block until a row adds a level of its own: copy on write.
    let groups = rowGroups.get(r.row) ?? [];
    const block = r.titleMerge ? titleBlocks.get(r.titleMerge)! : null;
    const sharedTitle = block !== null && block.length > 1;
    if (sharedTitle) {
      const parent = groups.at(-1) ?? null;
      const h = parseHeading(r.titleText);
      const key = (parent ? parent + "/" : "") + "§" + compact(h.name);
      if (!table.groups.has(key)) {
        const first = block![0];
        table.groups.set(key, {
          key,
          name: h.name,
          level: groups.length,
          declared: h.points,
          cell: toA1(first.row, columns.title!),
          kind: "normal",
          bonusCaps: [],
        });
      }
      groups = [...groups, key];
    }

    // A 分值 merged over several rows: either each row carries its own "(N分)" (then the merged
    // value is the block's declared total), or the rows are one indicator.
    let members = [r];
    let maxValue = r.maxValue;
    let maxCellRow = r.row;
    if (r.maxSpan && r.maxSpan.top === r.row) {
      const span = rows.filter((x) => x.row >= r.maxSpan!.top && x.row <= r.maxSpan!.bottom);
      const ownPoints = span.every((x) => pointsOf(parseRules(x.titleText).rules.concat(parseRules(x.methodText).rules)) !== null);
      if (span.length > 1 && ownPoints) {
        const mc = parseMaxCell(r.maxValue);
        const key = (groups.at(-1) ? groups.at(-1) + "/" : "") + `#${r.row}`;
        table.groups.set(key, {
          key,
          name: stripPoints(r.titleText) || `第${r.row + 1}行起`,
          level: groups.length,
          declared: mc.kind === "scored" ? mc.max : null,
          cell: toA1(r.row, columns.max!),
          kind: "normal",
          bonusCaps: [],
        });
        for (const x of span) {
          rowGroups.set(x.row, [...(rowGroups.get(x.row) ?? []), key]);
          x.maxValue = null;
        }
        groups = [...groups, key];
        maxValue = null;
      } else if (span.length > 1) {
        members = span;
        for (const x of span) consumed.add(x.row);
      }
    } else if (r.maxSpan && r.maxSpan.top !== r.row && r.maxValue !== null) {
      // A continuation row of a merged 分值 we did not start from: its own text decides.
      maxValue = null;
      maxCellRow = -1;
    }

    const titleText = members.length === 1 ? r.titleText : joinDistinct(members.map((m) => m.titleText), " ");
    const methodText = members.length === 1 ? r.methodText : joinDistinct(members.map((m) => m.methodText), ";");
    table.items.push(
      describeIndicator(table, {
        row: r.row,
        id: r.id,
        titleText: sharedTitle ? "" : titleText,
        blockTitle: sharedTitle ? r.titleText : "",
        methodText,
        maxValue,
        maxCell: maxCellRow >= 0 && columns.max !== null ? toA1(maxCellRow, columns.max) : null,
        groups,
      }),
    );
  }
}

function describeIndicator(
  table: ScoreTable,
  r: { row: number; id: string | null; titleText: string; blockTitle: string; methodText: string; maxValue: CellValue; maxCell: string | null; groups: string[] },
): Indicator {
  const method = parseRules(r.methodText);
  const title = parseRules(r.titleText);
  const rules: Rule[] = [...title.rules.filter((x) => x.kind !== "points"), ...method.rules];
  const issues = [...title.issues, ...method.issues];
  const mc: MaxCell = parseMaxCell(r.maxValue);
  let section: Group | undefined;
  for (let i = r.groups.length - 1; i >= 0 && !section; i--) {
    const g = table.groups.get(r.groups[i])!;
    if (g.kind !== "normal") section = g;
  }
  const textPoints = pointsOf(method.rules) ?? pointsOf(title.rules);
  const hasVeto = rules.some((x) => x.kind === "veto");
  const bonus = rules.some((x) => x.kind === "bonus" || x.kind === "bonus_cap");
  const deduct = rules.some((x) => x.kind === "deduct" || x.kind === "deduct_cap");
  // Without a title of its own, an item under two or more indicator levels is named by the deepest.
  const deepest = table.columns.category.length >= 2 && r.groups.length >= 2 ? table.groups.get(r.groups.at(-1)!)?.name : undefined;
  const displayTitle =
    stripPoints(r.titleText) || deepest || stripPoints(r.methodText).slice(0, 60) || stripPoints(r.blockTitle) || `第${r.row + 1}行`;

  const titlePoints = pointsOf(title.rules);
  const declared =
    titlePoints !== null && (mc.kind === "scored" || pointsOf(method.rules) !== null) && table.columns.title !== null
      ? { points: titlePoints, cell: toA1(r.row, table.columns.title) }
      : null;
  const ruleSign = bonus && deduct ? "both" : bonus ? "bonus" : deduct ? "deduct" : null;

  let kind: Indicator["kind"] = "scored";
  let max: number | null = null;
  let sign: Indicator["sign"] = null;
  let sectionCap: number | null = null;
  let maxCell = r.maxCell;
  if (mc.kind === "veto" || (hasVeto && mc.kind !== "scored" && textPoints === null)) kind = "veto";
  else if (mc.kind === "adjust") (kind = "adjust"), (sign = mc.sign);
  else if (section) {
    kind = "adjust";
    sign = section.kind === "normal" ? ruleSign : section.kind === "both" ? "both" : section.kind === "bonus" ? "bonus" : (ruleSign ?? "deduct");
    sectionCap = mc.kind === "scored" ? mc.max : null;
  } else if (mc.kind === "scored") max = mc.max;
  else if (textPoints !== null) {
    max = textPoints;
    maxCell = toA1(r.row, (r.methodText ? table.columns.method : table.columns.title) ?? 0);
  } else if (ruleSign) (kind = "adjust"), (sign = ruleSign);
  // One literal of one shape: spreading a shared base object was the hot spot on long sheets.
  return { row: r.row, id: r.id, title: displayTitle, groups: r.groups, kind, max, sign, sectionCap, rules, issues, maxCell, declared };
}
