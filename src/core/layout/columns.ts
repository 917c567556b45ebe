/**
 * Column roles of a score table, recognised by the words of its header cells. The vocabulary is
 * a table: a new wording is one more entry, not a new branch.
 */
import { columnLetters, compact, textOf, type CellValue } from "../grid";

import { HEADER_SHAPES, HEADER_WORDS, LEVEL_WORD, type ColumnRole } from "../words/headers";
export type { ColumnRole };

import { RESULT_HEADER } from "../../footprint";
export { RESULT_HEADER };

const EXACT_INDEX = new Map<string, ColumnRole>();
for (const [role, words] of HEADER_WORDS) for (const w of words) EXACT_INDEX.set(w, role);

/** Whether a cell is one of the exact header words (not a fallback match). */
export function isHeaderWord(v: CellValue): boolean {
  return EXACT_INDEX.has(headerKey(v));
}

/** Header text normalised: no white space, no brackets' unit suffix "(分)", no punctuation. */
export function headerKey(v: CellValue): string {
  return compact(textOf(v))
    .replace(/[(（][^)）]*[)）]$/, "")
    .replace(/[:：、,，.。·]/g, "");
}

/** The role a header cell names, or null when it is no header word. */
export function roleOf(v: CellValue): ColumnRole | null {
  if (typeof v !== "string") return v === null || v === undefined ? null : roleOfText(v);
  // A header word is short even with Word's spaces inside it ("考 核 内 容"); criterion text is not.
  if (v.length > 40) return null;
  return roleOfText(v);
}

/**
 * roleOf with a memory for one detection: a long table asks about the same few texts on every
 * row (the memory lives as long as the caller keeps the function, not the module).
 */
export function roleReader(): (v: CellValue) => ColumnRole | null {
  const seen = new Map<string, ColumnRole | null>();
  return (v) => {
    if (typeof v !== "string" || v.length > 40) return roleOf(v);
    let role = seen.get(v);
    if (role === undefined) {
      // titles are mostly unique: a bounded memory keeps a long sheet from filling it
      if (seen.size > 5000) seen.clear();
      seen.set(v, (role = roleOfText(v)));
    }
    return role;
  };
}

function roleOfText(v: CellValue): ColumnRole | null {
  const key = headerKey(v);
  if (!key || key.length > 12) return null;
  if (key === RESULT_HEADER) return null;
  const exact = EXACT_INDEX.get(key);
  if (exact) return exact;
  for (const [role, re] of HEADER_SHAPES) if (re.test(key)) return role;
  return null;
}

/**
 * What a score column under a blank header cell is called, by detection and by a stored mapping
 * alike: its letter ("F列"), the way the clerk finds it on the sheet.
 */
export function blankColumnName(col: number): string {
  return `${columnLetters(col)}列`;
}

export interface ScoreColumn {
  col: number;
  header: string;
  /** The column holds the points taken off, not the points scored. */
  deduction?: boolean;
}

export interface ColumnMap {
  /** Category columns, outermost first (一级指标, 二级指标 …). */
  category: number[];
  id: number | null;
  title: number | null;
  max: number | null;
  method: number | null;
  /** Score columns in sheet order with their header text; `deduction` for a 扣分 column. */
  scores: ScoreColumn[];
  /** The 核算得分 column an earlier write-back left, if any. */
  result: number | null;
  /**
   * 分值 columns beside a category level ("一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值"):
   * category column → the column of that level's points. The item's own is `max`, the last.
   */
  levelMax: Map<number, number>;
  /**
   * The score word over the 分值 column ("得分"), when the column so headed turned out to hold the
   * items' points ("2分"), not entries, and the header row it stands in (0-based): said when no
   * score column is left to score.
   */
  maxWord?: { header: string; row: number };
  /** Every column that has a role, for the repeated-header test. */
  roleColumns: number[];
  first: number;
  last: number;
}

/**
 * Reads a header row (cells already expanded through merges and, for two-row headers, joined
 * with the row below) into a column map. Returns null when the row is not a score-table header.
 * `fewRoles`: two kinds of column are enough ("考核指标 | 考核内容 | 自评分"); the caller then
 * decides by the columns' content whether it is one (header.ts, pointsInText).
 */
export function mapColumns(cells: CellValue[], fewRoles = false): ColumnMap | null {
  const roles: Array<{ col: number; role: ColumnRole; text: string }> = [];
  let result: number | null = null;
  for (let c = 0; c < cells.length; c++) {
    if (headerKey(cells[c]) === RESULT_HEADER) {
      result = c;
      continue;
    }
    const role = roleOf(cells[c]) ?? (LEVEL_WORD.test(headerKey(cells[c])) ? "category" : null);
    if (role) roles.push({ col: c, role, text: compact(textOf(cells[c])) });
  }
  // "三级指标 | 四级指标 | 五级指标": levels of one indicator tree, the deepest names the item
  // (levels deeper than the words list: 一/二 级 are categories and 三级 the title already)
  const levels = roles.filter((x) => LEVEL_WORD.test(x.text));
  const deeper = levels.some((x) => roleOf(x.text) === null);
  if (levels.length >= 2 && deeper) for (const x of levels) x.role = "category";
  const has = (r: ColumnRole) => roles.some((x) => x.role === r);
  const known = new Set(roles.filter((r) => r.role !== "other").map((r) => r.role));
  if (!(has("max") || has("score") || has("deduction"))) return null;
  if (!(has("title") || has("method") || has("category"))) return null;
  if (known.size < 3 && !fewRoles && !(levels.length >= 2 && deeper && known.size === 2)) return null;

  const map: ColumnMap = {
    category: [],
    id: null,
    title: null,
    max: null,
    method: null,
    scores: [],
    result,
    levelMax: new Map(),
    roleColumns: roles.filter((r) => r.role !== "other").map((r) => r.col),
    first: Infinity,
    last: -1,
  };
  const categoryWords: Array<{ col: number; text: string }> = [];
  for (const { col, role, text } of roles) {
    map.first = Math.min(map.first, col);
    map.last = Math.max(map.last, col);
    if (role === "category") categoryWords.push({ col, text });
    else if (role === "id") map.id ??= col;
    else if (role === "score") map.scores.push({ col, header: text });
    else if (role === "deduction") map.scores.push({ col, header: text, deduction: true });
    else if (role === "title") {
      // A second title word ("具体标准" after "目标要求") is the criterion text, unless a
      // criterion word names another column ("三级指标 | 考评内容 | 评分细则").
      if (map.title === null) map.title = col;
      else if (!roles.some((r) => r.role === "method")) map.method ??= col;
    } else if (role === "method") {
      map.method ??= col;
    } else if (role === "max") map.max ??= col;
  }
  // Several 分值 columns, each but the last right after a category level: those are the levels'
  // points, the last is the item's.
  const maxCols = roles.filter((r) => r.role === "max").map((r) => r.col);
  const levelOf = (col: number) => roles.find((r) => r.col === col - 1 && r.role === "category")?.col;
  if (maxCols.length > 1 && maxCols.slice(0, -1).every((c) => levelOf(c) !== undefined)) {
    for (const c of maxCols.slice(0, -1)) map.levelMax.set(levelOf(c)!, c);
    map.max = maxCols[maxCols.length - 1];
  }
  // Two criterion words and no title ("考核项目 | 考核内容及计分标准 | 标准分 | 扣分标准"): the
  // first holds the items, the second their criteria.
  const methodCols = roles.filter((r) => r.role === "method").map((r) => r.col);
  if (map.title === null && methodCols.length >= 2 && map.method === methodCols[0]) {
    map.title = methodCols[0];
    map.method = methodCols[1];
  }
  // Several 指标 levels and no title column: the deepest level names the item.
  categoryWords.sort((a, b) => a.col - b.col);
  if (map.title === null && categoryWords.length > 1) map.title = categoryWords.pop()!.col;
  if (map.title === null && map.method !== null && categoryWords.length === 0) {
    map.title = map.method;
    map.method = null;
  }
  map.category = categoryWords.map((c) => c.col);
  return map;
}
