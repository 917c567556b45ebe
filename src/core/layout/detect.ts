/**
 * Finds the score table in a sheet, wherever it stands: its header row (by its words), repeated
 * headers, merged category cells, section rows "一、重点工作(20分)", the 合计 row, note rows
 * ("以上加分项累计最高5分"), and the indicator rows with their maxima and rules.
 */
import { columnCount, compact, hasFormula, parseA1, textOf, toA1, valueAt, type CellValue, type Grid, type Merge } from "../grid";
import { roundPoints, toHalfWidth } from "../rules/numbers";
import { parseHeading, parseMaxCell, parseRules as parseRulesUncached } from "../rules/parse";
import type { ParseResult, Rule, RuleIssue } from "../rules/types";
import { roleOf as roleOfCell, roleReader, type ColumnMap, type ColumnRole } from "./columns";
import { findHeader, shownRow } from "./header";
import { ADJUST_WORDS, BONUS_NAME, DEDUCT_NAME, NOTE_START, SIGNATURE, SUBTOTAL_WORDS, SUMMARY_WORDS, TABLE_TITLE, TOTAL_WORDS, VETO_NAME } from "../words/rows";
import { HEADING_NUMBER_START, SECTION_NUMBER_START, isSectionNumber, numberingOf } from "../words/numbering";
import { mayHoldRules } from "../words/rules";

/** Reads rule text; one per detection, so that a table's repeated phrases are parsed once. */
type ReadRules = (text: string) => ParseResult;
const NO_RULES: ParseResult = { rules: [], issues: [] };

/**
 * A rule reader for one table: tables repeat their phrases ("根据日常监控评分" on many rows), so
 * each text is parsed once; text without any rule word (most titles) is not parsed at all. The
 * memory lives as long as the detection, not the module.
 */
function ruleReader(): ReadRules {
  const seen = new Map<string, ParseResult>();
  return (text) => {
    if (!mayHoldRules(text)) return NO_RULES;
    let hit = seen.get(text);
    if (!hit) {
      hit = parseRulesUncached(text);
      seen.set(text, hit);
    }
    return hit;
  };
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
  /** Caps on the sum of the group's deductions ("扣分项(最多扣10分)"). */
  deductCaps: Array<{ cap: number; cell: string; text: string }>;
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
  total: TotalRow | null;
  /**
   * 小计 rows (the sum of one group: `group` its key) and a 合计 that closes the base items before
   * 附加分 rows (`group` null: every item above it).
   */
  subtotals: Array<TotalRow & { group: string | null; label: string }>;
  lastRow: number;
}

/** A row that sums the items above it: its 0-based row and the 分值 it declares, if any. */
export interface TotalRow {
  row: number;
  declared: number | null;
  declaredCell: string | null;
}

/** A heading: numbered ("一、", "(二)", "3.") or ending in its points "(20分)". */
const HEADING = new RegExp(`^${HEADING_NUMBER_START}|[(（](共|满分|分值)?[\\d.．０-９]+分[)）]$`);
/** A heading numbered as a section: "一、", "(二)", "第三部分". */
const NUMBERED = new RegExp(`^${SECTION_NUMBER_START}`);

function groupKind(name: string): GroupKind {
  const bonus = BONUS_NAME.test(name);
  const deduct = DEDUCT_NAME.test(name);
  if (bonus && deduct) return "both";
  if (bonus) return "bonus";
  if (deduct) return "deduct";
  return "normal";
}

/**
 * The merged areas of each row, met top to bottom: a sweep over the merges sorted by their top
 * row, cheaper on a long sheet than an index of every covered cell.
 */
class RowMerges {
  private readonly byTop: Merge[];
  private next = 0;
  private active: Merge[] = [];
  constructor(merges: Merge[]) {
    this.byTop = [...merges].sort((a, b) => a.top - b.top);
  }

  /** Fills `areas` with the merge covering each column of `row`; rows must come in increasing order. */
  read(row: number, areas: Array<Merge | undefined>): void {
    while (this.next < this.byTop.length && this.byTop[this.next].top <= row) this.active.push(this.byTop[this.next++]);
    if (this.active.some((m) => m.bottom < row)) this.active = this.active.filter((m) => m.bottom >= row);
    areas.fill(undefined);
    for (const m of this.active) for (let c = m.left; c <= m.right && c < areas.length; c++) areas[c] = m;
  }
}

/** A row of column numbers under the header ("1 2 3 4 5 6"). */
function isNumbering(texts: string[], n: number): boolean {
  if (n < 3) return false;
  for (let k = 0; k < n; k++) if (!/^\d{1,2}$/.test(texts[k]) || Number(texts[k]) !== Number(texts[0]) + k) return false;
  return true;
}

/**
 * Which of the row's texts makes it a group's subtotal, or -1: "小计" anywhere, or "合计" beside
 * a category cell merged down from above (the category's own 合计 row).
 */
function subtotalAt(r: number, texts: string[], cols: number[], n: number, firstAt: number, merges?: (c: number) => Merge | undefined): number {
  // every word of a sum row has 计 in it: most rows are ruled out without compacting their text
  for (let k = 0; k < n; k++) if (texts[k].length <= 16 && texts[k].includes("计") && SUBTOTAL_WORDS.test(compact(texts[k]))) return k;
  if (!merges) return -1;
  const m = merges(cols[firstAt]);
  if (!m || m.top >= r) return -1;
  for (let k = 0; k < n; k++) if (k !== firstAt && texts[k].includes("计") && /^合计/.test(compact(texts[k]))) return k;
  return -1;
}

/** Whether a row shows the same words as `model` wherever it has any (white space aside). */
function sameTexts(cells: CellValue[], model: CellValue[], first: number, last: number): boolean {
  let any = false;
  for (let c = first; c <= last; c++) {
    const t = compact(textOf(cells[c]));
    if (!t) continue;
    if (t !== compact(textOf(model[c]))) return false;
    any = true;
  }
  return any;
}

/** A row repeating the header (tables converted from Word repeat it on every page). */
function isRepeatedHeader(cells: CellValue[], columns: ColumnMap, roleOf: (v: CellValue) => ColumnRole | null): boolean {
  // an item row has a number in its 分值 or score cells; a header never does
  if (columns.max !== null && typeof cells[columns.max] === "number") return false;
  // "十六 | 否决项 | … | 扣分方法 | 扣分": a section that renames columns, not the header again
  if (columns.id !== null && typeof cells[columns.id] === "string" && isSectionNumber(cells[columns.id] as string)) return false;
  for (const s of columns.scores) if (typeof cells[s.col] === "number") return false;
  let hits = 0;
  for (const c of columns.roleColumns) if (typeof cells[c] === "string" && roleOf(cells[c])) hits++;
  return hits >= 2;
}

/** The merged score cell covering a row, when a score column is merged down there. */
function scoreSpanOf(columns: ColumnMap, areas: Array<Merge | undefined>): { top: number; bottom: number } | null {
  for (const s of columns.scores) {
    const m = areas[s.col];
    if (m && m.bottom > m.top) return { top: m.top, bottom: m.bottom };
  }
  return null;
}

function pointsOf(rules: Rule[]): number | null {
  let sum = 0;
  let any = false;
  for (const r of rules) if (r.kind === "points") (sum += r.points), (any = true);
  return any ? roundPoints(sum) : null;
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
  /** A score cell merged down over this row and others: one entry for all of them. */
  scoreSpan: { top: number; bottom: number } | null;
  categories: Array<{ text: string; cell: string }>;
  /** Whether any score column of the row is filled in. */
  scoreFilled: boolean;
}

/**
 * Detects the score table of a sheet, or null when the sheet holds none; with `fixed`, reads the
 * table under that header row and those column roles instead of looking for them.
 * Never throws on odd content: what it cannot place, it leaves out.
 */
export function detectScoreTable(grid: Grid, fixed?: { row: number; columns: ColumnMap }): ScoreTable | null {
  const parseRules = ruleReader();
  const roleOf = roleReader();
  const width = Math.max(columnCount(grid), ...grid.merges.map((m) => m.right + 1), 0);
  if (width === 0) return null;
  // A header the clerk pointed at (a column mapping) replaces the search by header words.
  const header = fixed ? { row: fixed.row, end: fixed.row, columns: fixed.columns } : findHeader(grid, width);
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
    subtotals: [],
    lastRow: header.end,
  };

  const rows: RowText[] = [];
  let section: Group | null = null;
  const carried: Array<string | null> = columns.category.map(() => null);
  const carriedCells: string[] = columns.category.map(() => "");
  const carriedAt: number[] = columns.category.map(() => -1);
  const rowGroups = new Map<number, string[]>();

  const seen = new Map<string, Group>();
  const addGroup = (name: string, level: number, cell: string, parent: string | null, declared: { points: number; cell: string } | null = null): Group => {
    const memo = `${parent ?? ""}\u0000${name}`;
    const known = seen.get(memo);
    if (known) return known;
    const g = ensureGroup(table, parent, name, level, cell, declared);
    seen.set(memo, g);
    return g;
  };

  /** The points in a level's own 分值 column, on the row where the level's cell starts. */
  const levelPoints = (categoryCol: number, cell: string): { points: number; cell: string } | null => {
    const col = columns.levelMax.get(categoryCol);
    const at = col === undefined ? null : parseA1(cell);
    if (col === undefined || !at) return null;
    const mc = parseMaxCell(valueAt(grid, at.row, col));
    return mc.kind === "scored" ? { points: mc.max, cell: toA1(at.row, col) } : null;
  };
  /**
   * The row's category cells (carried down from merged or blank cells) and their group keys.
   * Rows of one merged category repeat the previous row's answer: shared, not rebuilt.
   */
  let previous: { categories: RowText["categories"]; keys: string[]; section: Group | null } | null = null;
  const rowCategories = (r: number) => {
    let changed = previous === null || previous.section !== section;
    columns.category.forEach((c, i) => {
      const t = textOf(cells[c]);
      if (!t) return;
      const m = areas[c];
      const top = m ? m.top : r;
      const left = m ? m.left : c;
      if (t === carried[i] && carriedAt[i] === top * 65536 + left) return;
      carried[i] = t;
      carriedAt[i] = top * 65536 + left;
      carriedCells[i] = toA1(top, left);
      changed = true;
    });
    if (!changed) return previous!;
    const categories: RowText["categories"] = [];
    columns.category.forEach((_, i) => carried[i] && categories.push({ text: carried[i]!, cell: carriedCells[i] }));
    let parent: string | null = section ? section.key : null;
    const keys: string[] = section ? [section.key] : [];
    categories.forEach((cat, level) => {
      const g = addGroup(cat.text, level + (section ? 1 : 0), cat.cell, parent, levelPoints(columns.category[level], cat.cell));
      keys.push(g.key);
      parent = g.key;
    });
    previous = { categories, keys, section };
    return previous;
  };
  /** A 合计/小计 row's declared 分值: in the 分值 column, or a number beside its label. */
  const totalOf = (r: number, labelAt: number, n: number): TotalRow => {
    const own = columns.max !== null ? parseMaxCell(valueAt(grid, r, columns.max)) : null;
    if (own?.kind === "scored") return { row: r, declared: own.max, declaredCell: toA1(r, columns.max!) };
    for (let k = 0; k < n; k++) {
      if (k === labelAt || cols[k] <= cols[labelAt] || columns.scores.some((s) => s.col === cols[k])) continue;
      const mc = parseMaxCell(texts[k]);
      if (mc.kind === "scored") return { row: r, declared: mc.max, declaredCell: toA1(r, cols[k]) };
    }
    return { row: r, declared: null, declaredCell: null };
  };
  /** After a 合计: do 附加分 / 扣分 rows follow (then the table goes on), or notes and the end? */
  const adjustmentsFollow = (r: number): boolean => {
    for (let q = r + 1; q < Math.min(grid.cells.length, r + 4); q++) {
      const text = compact(shownRow(grid, grid.merges, q, width).slice(tableFirst, tableLast + 1).map(textOf).filter(Boolean)[0] ?? "");
      if (!text) continue;
      return text.length <= 30 && ADJUST_WORDS.test(text) && !NOTE_START.test(text) && !SIGNATURE.test(text);
    }
    return false;
  };
  let lastContent = header.end;
  let repeatedAt = -1;
  const lowerHeader = header.end > header.row ? shownRow(grid, grid.merges, header.end, width) : null;
  let totalLabel = "";

  const tableFirst = columns.first;
  const tableLast = Math.max(columns.last, columns.scores.at(-1)?.col ?? 0);
  // The row's distinct shown texts over the table's columns (a merged area once, at its left
  // column), in buffers reused from row to row: long sheets should not allocate per cell.
  const texts: string[] = [];
  const cols: number[] = [];
  const spans: number[] = [];
  const cells: CellValue[] = new Array(width);
  const areas: Array<Merge | undefined> = new Array(width);
  const rowMerges = new RowMerges(grid.merges);
  for (let r = header.end + 1; r < grid.cells.length; r++) {
    rowMerges.read(r, areas);
    const src = grid.cells[r] ?? [];
    for (let c = 0; c < width; c++) {
      const m = areas[c];
      cells[c] = m ? valueAt(grid, m.top, m.left) : (src[c] ?? null);
    }
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
    const blankBefore = r > lastContent + 1;
    lastContent = r;
    if (isRepeatedHeader(cells, columns, roleOf)) {
      repeatedAt = r;
      continue;
    }
    // the lower half of a two-row header repeated on a new page
    if (repeatedAt === r - 1 && lowerHeader && sameTexts(cells, lowerHeader, tableFirst, tableLast)) continue;

    const first = { text: texts[firstAt], col: cols[firstAt], span: spans[firstAt] };
    const lead = compact(first.text);
    // The table ends at its signatures, or at the title of another table below it (a 统计表).
    if (SIGNATURE.test(lead)) break;
    if (blankBefore && n === 1 && TABLE_TITLE.test(lead) && !HEADING.test(lead)) break;
    if (isNumbering(texts, n)) continue;

    const sub = subtotalAt(r, texts, cols, n, firstAt, (c) => (columns.category.includes(c) ? areas[c] : undefined));
    if (sub >= 0) {
      const keys = rowCategories(r).keys;
      table.subtotals.push({ ...totalOf(r, sub, n), group: keys.at(-1) ?? null, label: compact(texts[sub]) });
      table.lastRow = r;
      continue;
    }
    if (TOTAL_WORDS.test(lead)) {
      // A 合计 closing the base items, with 附加分 rows after it: it sums what is above it.
      if (table.total) table.subtotals.push({ ...table.total, group: null, label: totalLabel });
      table.total = totalOf(r, firstAt, n);
      totalLabel = lead;
      table.lastRow = r;
      if (!adjustmentsFollow(r)) break;
      section = null;
      carried.fill(null);
      continue;
    }

    const scoreFilled = columns.scores.some((s) => textOf(valueAt(grid, r, s.col)) !== "");
    const split = splitSection(texts, cols, n, firstAt, columns);
    if (split) {
      const declared = split.points !== null && columns.max !== null ? { points: split.points, cell: toA1(r, columns.max) } : null;
      section = addGroup(split.name, 0, toA1(r, split.nameCol), null, declared);
      carried.fill(null);
      table.lastRow = r;
      continue;
    }
    // "一、组织领导 | | 20 | |": a numbered section with its points in the 分值 column
    if (n === 2 && !scoreFilled && columns.max !== null && NUMBERED.test(lead)) {
      const k = 1 - firstAt;
      const mc = cols[k] === columns.max ? parseMaxCell(texts[k]) : null;
      // a weight ("权重20%") is no points, but the row is a section all the same
      if (mc?.kind === "scored" || mc?.kind === "unknown") {
        section = addGroup(first.text, 0, toA1(r, first.col), null, mc.kind === "scored" ? { points: mc.max, cell: toA1(r, columns.max) } : null);
        carried.fill(null);
        table.lastRow = r;
        continue;
      }
    }
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
      if (NOTE_START.test(lead)) continue;
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

    const { categories, keys } = rowCategories(r);
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
      scoreSpan: scoreSpanOf(columns, areas),
      categories,
      scoreFilled,
    });
    rowGroups.set(r, keys);
    table.lastRow = r;
  }

  buildIndicators(table, rows, rowGroups, parseRules);
  levelMaxima(table);
  if (isSummary(grid, table)) return null;
  return table.items.length > 0 || table.total ? table : null;
}

/**
 * A summary of other sheets ("类别 | 满分 | 得分" totals, "考核结果汇总表"): no criterion column and
 * no rule anywhere, and either its name or title says it sums, or its points are formulas (they
 * add up cells of the sheets it sums). It is no score table: it has no rules to score by.
 */
export function isSummary(grid: Grid, table: ScoreTable): boolean {
  const { columns } = table;
  if (columns.method !== null || table.items.length === 0) return false;
  if (table.items.some((it) => it.rules.length > 0 || it.issues.length > 0 || it.kind !== "scored")) return false;
  if (table.items.some((it) => it.title.length > 30)) return false;
  const said = SUMMARY_WORDS.test(grid.name) || SUMMARY_WORDS.test(table.title);
  if (said) return true;
  const cols = [columns.max, ...columns.scores.map((s) => s.col)].filter((c): c is number => c !== null);
  let formulas = 0;
  let cells = 0;
  for (const it of table.items)
    for (const c of cols) {
      if (textOf(valueAt(grid, it.row, c)) === "") continue;
      cells++;
      if (hasFormula(grid, it.row, c)) formulas++;
    }
  return cells > 0 && formulas * 2 >= cells;
}

const idDepth = numberingOf;

/**
 * Rows numbered as parents of the rows below them ("1 组织保障 20" over "1.1", "1.2"; "一、…"
 * with no criterion and no score over "1", "2"): each is a group with its declared points, not
 * an item. Its rows are those below it until a number as shallow as its own.
 */
function numberedHeadings(table: ScoreTable, rows: RowText[], rowGroups: Map<number, string[]>, consumed: Set<number>): void {
  const { columns } = table;
  const depths = rows.map((r) => (r.id ? idDepth(r.id) : null));
  for (let i = 0; i + 1 < rows.length; i++) {
    const r = rows[i];
    const a = depths[i];
    const b = depths[i + 1];
    if (!a || !b || b.depth <= a.depth) continue;
    const parentOf = b.path.startsWith(a.path + ".");
    if (!parentOf && (r.methodText || r.scoreFilled)) continue;
    consumed.add(r.row);
    const groups = rowGroups.get(r.row) ?? [];
    const mc = parseMaxCell(r.maxValue);
    const declared = mc.kind === "scored" && columns.max !== null ? { points: mc.max, cell: toA1(r.row, columns.max) } : null;
    const cell = toA1(r.row, columns.title ?? columns.first);
    const g = ensureGroup(table, groups.at(-1) ?? null, r.titleText || r.id!, groups.length, cell, declared, "§");
    for (let j = i + 1; j < rows.length; j++) {
      const d = depths[j];
      if (d && d.depth <= a.depth) break;
      rowGroups.set(rows[j].row, [...(rowGroups.get(rows[j].row) ?? []), g.key]);
    }
  }
}

/** Word conversions drop a closing bracket at a page break ("主动\n公开\n（60分"): close it. */
function closeBracket(text: string): string {
  return /[(（]\s*[\d.．０-９]+\s*分\s*$/.test(text) ? text + "）" : text;
}

/** A line feed inside a word (Word wraps "财政资金\n直达基层" in narrow cells) is no break. */
function unwrap(text: string): string {
  return text.includes("\n") ? text.replace(/([\u4e00-\u9fff])[ \t\u3000]*\r?\n\s*(?=[\u4e00-\u9fff])/g, "$1") : text;
}

function joinDistinct(texts: string[], sep: string): string {
  return texts.filter((t, i, a) => t && a.indexOf(t) === i).join(sep);
}

/**
 * The group a heading names under `parent`, made on first sight. A bonus heading's points are a
 * cap on its bonuses ("三、加分项(5分)"), not a maximum to check.
 */
function ensureGroup(table: ScoreTable, parent: string | null, text: string, level: number, cell: string, declared: { points: number; cell: string } | null = null, marker = ""): Group {
  const h = parseHeading(closeBracket(text));
  const key = (parent ? parent + "/" : "") + marker + compact(h.name);
  let g = table.groups.get(key);
  if (!g) {
    const kind = groupKind(h.name);
    const points = declared?.points ?? h.points;
    const at = declared?.cell ?? cell;
    // A bonus or deduction heading's points cap its adjustments; they are no maximum to check.
    const adjusting = kind === "bonus" || kind === "deduct";
    g = { key, name: h.name, level, declared: adjusting ? null : points, cell: at, kind, bonusCaps: [], deductCaps: [] };
    const cap = adjusting ? (h.cap ?? points) : null;
    if (cap !== null) (kind === "bonus" ? g.bonusCaps : g.deductCaps).push({ cap, cell, text });
    table.groups.set(key, g);
  }
  return g;
}

function buildIndicators(table: ScoreTable, rows: RowText[], rowGroups: Map<number, string[]>, parseRules: ReadRules): void {
  const ownPoints = (r: RowText) => pointsOf(parseRules(r.titleText).rules.concat(parseRules(r.methodText).rules));
  const { columns } = table;
  // Rows sharing a merged title cell form a block: the title is the block's heading.
  const titleBlocks = new Map<string, RowText[]>();
  for (const r of rows) if (r.titleMerge) titleBlocks.set(r.titleMerge, [...(titleBlocks.get(r.titleMerge) ?? []), r]);

  spanLostMerges(rows, rowGroups, ownPoints);
  displacedNames(rows, rowGroups);
  const consumed = new Set<number>();
  numberedHeadings(table, rows, rowGroups, consumed);
  for (const r of rows) {
    if (consumed.has(r.row)) continue;
    // Shared by the rows of a block until a row adds a level of its own: copy on write.
    let groups = rowGroups.get(r.row) ?? [];
    const block = r.titleMerge ? titleBlocks.get(r.titleMerge)! : null;
    // a title merged over exactly the rows of one entry (分值 and score merged alike) is the item's own
    const oneItem =
      block !== null && r.maxSpan !== null && r.scoreSpan !== null && r.scoreSpan.top === r.maxSpan.top && r.scoreSpan.bottom === r.maxSpan.bottom &&
      block.every((x) => x.row >= r.maxSpan!.top && x.row <= r.maxSpan!.bottom);
    const sharedTitle = block !== null && block.length > 1 && !oneItem;
    if (sharedTitle) {
      const g = ensureGroup(table, groups.at(-1) ?? null, r.titleText, groups.length, toA1(block![0].row, columns.title!), null, "§");
      groups = [...groups, g.key];
    }

    // A 分值 merged over several rows: either each row carries its own "(N分)" (then the merged
    // value is the block's declared total), or the rows are one indicator.
    let members = [r];
    let maxValue = r.maxValue;
    let maxCellRow = r.row;
    if (r.maxSpan && r.maxSpan.top === r.row) {
      const span = rows.filter((x) => x.row >= r.maxSpan!.top && x.row <= r.maxSpan!.bottom);
      // one score cell merged over the same rows: one item, whatever points each line states
      const oneEntry = r.scoreSpan !== null && r.scoreSpan.top === r.maxSpan.top && r.scoreSpan.bottom === r.maxSpan.bottom;
      const eachOwn = !oneEntry && span.every((x) => ownPoints(x) !== null);
      if (span.length > 1 && eachOwn) {
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
          deductCaps: [],
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
      describeIndicator(table, parseRules, {
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

/**
 * A section row whose number and name sit in separate cells ("十六 | 否决项", "一 | 工作领导责任制
 * 落实情况 | 14分"), the rest of the row empty, its points in the 分值 column, or header words
 * renaming the columns below it ("扣分方法 | 扣分"). Null when the row is no such section.
 */
function splitSection(texts: string[], cols: number[], n: number, firstAt: number, columns: ColumnMap): { name: string; nameCol: number; points: number | null } | null {
  if (n < 2 || !isSectionNumber(texts[firstAt])) return null;
  let name: { text: string; col: number } | null = null;
  let points: number | null = null;
  for (let k = 0; k < n; k++) {
    if (k === firstAt) continue;
    const mc = cols[k] === columns.max ? parseMaxCell(texts[k]) : null;
    if (mc?.kind === "scored" && mc.note === undefined) points = mc.max;
    else if (name === null && cols[k] > cols[firstAt] && !roleOfCell(texts[k]) && !/\d/.test(texts[k])) name = { text: texts[k], col: cols[k] };
    else if (!roleOfCell(texts[k])) return null;
  }
  return name && name.text.length <= 40 ? { name: name.text, nameCol: name.col, points } : null;
}



/**
 * A 分值 merged over sub-rows loses its merge in a text or WPS conversion: "5" on the first row,
 * blanks below, each row with its own "(N分)". When those points add up to the 分值 exactly, the
 * rows are read as the merged block they were.
 */
function spanLostMerges(rows: RowText[], rowGroups: Map<number, string[]>, ownPoints: (r: RowText) => number | null): void {
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.maxSpan) continue;
    const mc = parseMaxCell(r.maxValue);
    const first = mc.kind === "scored" ? ownPoints(r) : null;
    if (mc.kind !== "scored" || first === null || first >= mc.max) continue;
    const parent = rowGroups.get(r.row)?.at(-2);
    let sum = first;
    let j = i + 1;
    for (; j < rows.length && sum < mc.max; j++) {
      const x = rows[j];
      const p = x.maxSpan || textOf(x.maxValue) !== "" || rowGroups.get(x.row)?.at(-2) !== parent ? null : ownPoints(x);
      if (p === null) break;
      sum = roundPoints(sum + p);
    }
    if (sum !== mc.max || j === i + 1) continue;
    const span = { top: r.row, bottom: rows[j - 1].row };
    for (let k = i; k < j; k++) rows[k].maxSpan = span;
    i = j - 1;
  }
}

/**
 * A Word conversion can push a level's name with its points into the 分值 cell of the row above
 * ("区属各部门 | 问答解读（6分）" over a row with no name and 分值 6): the text is no 分值 but the
 * name of the next row, a sibling of the row above's deepest level.
 */
function displacedNames(rows: RowText[], rowGroups: Map<number, string[]>): void {
  for (let i = 0; i + 1 < rows.length; i++) {
    const r = rows[i];
    const next = rows[i + 1];
    if (typeof r.maxValue !== "string" || r.maxSpan || next.titleText || next.maxSpan) continue;
    if (parseMaxCell(r.maxValue).kind !== "unknown") continue;
    const h = parseHeading(closeBracket(r.maxValue));
    const own = parseMaxCell(next.maxValue);
    if (h.points === null || h.name.length < 2 || /\d/.test(h.name) || own.kind !== "scored" || own.max !== h.points) continue;
    next.titleText = r.maxValue.trim();
    r.maxValue = null;
    const mine = rowGroups.get(r.row) ?? [];
    const theirs = rowGroups.get(next.row) ?? [];
    if (mine.length > 1 && theirs.at(-1) === mine.at(-1)) rowGroups.set(next.row, theirs.slice(0, -1));
  }
}

/**
 * An item with no 分值 of its own, alone under a level that declares its points ("政策咨询服务情况
 * (5分)" over one row whose 分值 cell is blank or holds text): the level's points are its maximum.
 */
function levelMaxima(table: ScoreTable): void {
  const count = new Map<string, number>();
  for (const it of table.items) for (const g of it.groups) count.set(g, (count.get(g) ?? 0) + 1);
  for (const it of table.items) {
    if (it.kind !== "scored" || it.max !== null || it.groups.length < 2) continue;
    const g = table.groups.get(it.groups.at(-1)!);
    if (!g || g.declared === null || count.get(g.key) !== 1) continue;
    it.max = g.declared;
    it.maxCell = g.cell;
  }
}


function describeIndicator(
  table: ScoreTable,
  parseRules: ReadRules,
  r: { row: number; id: string | null; titleText: string; blockTitle: string; methodText: string; maxValue: CellValue; maxCell: string | null; groups: string[] },
): Indicator {
  // "10分,每缺一项扣2分", "加分项(每项加2分)": the 分值 cell's own words are rule text too
  const mc = parseMaxCell(r.maxValue);
  const note = mc.kind === "scored" || mc.kind === "adjust" ? mc.note : undefined;
  const method = parseRules(note ? [r.methodText, note].filter(Boolean).join(";") : r.methodText);
  const title = parseRules(r.titleText);
  const rules: Rule[] = [...title.rules.filter((x) => x.kind !== "points"), ...method.rules];
  const issues = [...title.issues, ...method.issues];
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
  const displayTitle = unwrap(
    stripPoints(r.titleText) || deepest || stripPoints(r.methodText).slice(0, 60) || stripPoints(r.blockTitle) || `第${r.row + 1}行`,
  );

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
  // In a 一票否决 / 单项否决 section, an item without points or per-unit rules is a veto.
  const vetoSection = section !== undefined && VETO_NAME.test(section.name) && !bonus && !deduct;
  if (mc.kind === "veto" || ((hasVeto || vetoSection) && mc.kind !== "scored" && textPoints === null)) kind = "veto";
  else if (mc.kind === "adjust") {
    kind = "adjust";
    sign = mc.sign;
    // "加分项(5分)", "扣分项(最多10分)": the bracket caps the item
    sectionCap = mc.cap ?? null;
  }
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
