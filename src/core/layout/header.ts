/**
 * The first step of reading a table: its header row. Found by its words ("序号 | 考核内容 | 分值 |
 * 得分"), joined over two rows where a paste split them, and, where a header word is one nobody
 * wrote down yet, by what its column holds: long criterion texts, small numbers that add up, scores
 * within the 分值 beside them.
 */
import { columnLetters, compact, textOf, type CellValue, type Grid, type Merge } from "../grid";
import { parseHeading, parseMaxCell, parseRules } from "../rules/parse";
import { RESULT_HEADER, blankColumnName, headerKey, isHeaderWord, mapColumns, roleOf, type ColumnMap, type ColumnRole } from "./columns";
import { shownRow } from "./rows";
import { CANONICAL_HEADER } from "../words/headers";
import { TOTAL_WORDS } from "../words/rows";
import { HEADING_NUMBERED, numberingOf } from "../words/numbering";
import { SPEAKS_OF_POINTS } from "../words/rules";

/** (shownRow lives in rows.ts; kept here for the modules that read it from the header step.) */
export { shownRow };

/** How far down a header may stand: title blocks are short, but sheets may have a preamble. */
const HEADER_SCAN_ROWS = 60;

export interface Header {
  row: number;
  /** The header's last row (row + 1 for a two-row header). */
  end: number;
  columns: ColumnMap;
}

export function findHeader(grid: Grid, width: number): { row: number; end: number; columns: ColumnMap } | null {
  const limit = Math.min(grid.cells.length, HEADER_SCAN_ROWS);
  const merges = grid.merges.filter((m) => m.top <= limit);
  for (let r = 0; r < limit; r++) {
    const cells = shownRow(grid, merges, r, width);
    if (cells.filter((v) => (roleOf(v) ?? "other") !== "other").length < 2) continue;
    // A two-row header: "评分" over "自查评分 | 考核评分".
    const below = r + 1 < grid.cells.length ? shownRow(grid, merges, r + 1, width) : [];
    // A header whose words a text paste split over two rows ("一级" over "指标"): join them.
    const split = splitHeader(cells, below);
    if (split) {
      const map = mapColumns(split);
      if (map) return { row: r, end: r + 1, columns: settle(grid, merges, r + 1, split, map) };
    }
    // (a title merged over the whole row is no upper header, even when it ends in 评分标准)
    const upperWords = new Set(cells.filter((v) => roleOf(v)).map((v) => compact(textOf(v))));
    const ownBelow = upperWords.size >= 2 && below.some((v, c) => roleOf(v) && compact(textOf(v)) !== compact(textOf(cells[c])));
    if (ownBelow && !below.some((v) => typeof v === "number")) {
      const words = cells.map((v, c) => (roleOf(below[c]) ? below[c] : v));
      const map = mapColumns(words);
      if (map) return { row: r, end: r + 1, columns: settle(grid, merges, r + 1, words, map) };
    }
    const wide = splitWideTitle(grid, merges, r, cells, width);
    // unknown words beside known ones: the columns say by their content what the words do not
    const named = mapColumns(wide);
    // (a score word over the points: the columns' content settles it, not the header's unknown words)
    const points = named && named.max === null ? pointsUnderScoreWord(grid, merges, r, wide, named) : named;
    const complete = points && !titleByMethodOnly(wide) && points.max !== null && (points.scores.length > 0 || points !== named);
    const map = complete ? named : (byContent(grid, merges, r, wide, width) ?? named ?? pointsInText(grid, merges, r, wide, width));
    if (map) return { row: r, end: r, columns: settle(grid, merges, r, wide, map) };
  }
  return null;
}

/**
 * What the columns under a header (its last row `r`, its words `cells`) hold settles what its words
 * left open: a 序号 or a title column holding categories, a lone category naming the items.
 */
function settle(grid: Grid, merges: Merge[], r: number, cells: CellValue[], map: ColumnMap): ColumnMap {
  const levels = headingsAsCategory(grid, merges, r, cells, idAsCategory(grid, merges, r, map));
  return loneCategoryAsTitle(grid, merges, r, pointsUnderScoreWord(grid, merges, r, cells, levels));
}

/** The merged area covering (q, c), if any (a header's few sample rows: a scan of the list will do). */
const mergeAt = (merges: Merge[], q: number, c: number) => merges.find((m) => m.top <= q && m.bottom >= q && m.left <= c && m.right >= c);

/** Points as a 分值 cell writes them when they are text: "2分", "0.5 分". */
const POINTS_TEXT = /^\d{1,3}(?:\.\d{1,2})?分$/;

/** What a clerk's cell holds: nothing, a number, "5分", or a word ("不适用", "是"). */
function entryLike(v: CellValue): boolean {
  const t = compact(textOf(v));
  return t === "" || typeof v === "number" || POINTS_TEXT.test(t) || t.length <= 4;
}

/**
 * A score word over the items' points ("得分 | 合计得分" over "2分 | 6分"): with no 分值 column named,
 * a score column whose every item holds its points as text ("2分"), summing over each block of rows to
 * what another column states for the block (a 合计得分 merged over its category) or to the 合计 row, is
 * the 分值. A score column holding those block sums is no entry column either. The clerk's column is
 * then one under a blank header cell inside the table, left empty for entries (or holding them);
 * with none, the table has no score column (and the check says so).
 */
function pointsUnderScoreWord(grid: Grid, merges: Merge[], r: number, cells: CellValue[], map: ColumnMap): ColumnMap {
  if (map.max !== null || map.title === null || map.scores.length === 0) return map;
  const title = map.title;
  const at = (q: number, c: number) => mergeAt(merges, q, c);
  // the item rows: a title cell of their own; and the 合计 row under them, if any
  const items: number[] = [];
  let total: number | null = null;
  for (let q = r + 1; q < Math.min(grid.cells.length, r + 1 + SAMPLE_ROWS * 4); q++) {
    const lead = compact(shownRow(grid, merges, q, cells.length).map(textOf).find((t) => t !== "") ?? "");
    if (TOTAL_WORDS.test(lead)) {
      total = q;
      break;
    }
    const m = at(q, title);
    if ((!m || m.top === q) && textOf(grid.cells[q]?.[title] ?? null) !== "") items.push(q);
  }
  if (items.length < 2) return map;
  const pointsAt = (q: number, c: number): number | null => {
    const v = grid.cells[q]?.[c] ?? null;
    const mc = typeof v === "string" && POINTS_TEXT.test(compact(v)) ? parseMaxCell(v) : null;
    return mc?.kind === "scored" ? mc.max : null;
  };
  for (const s of map.scores) {
    if (s.deduction) continue;
    const points = items.map((q) => (at(q, s.col) ? null : pointsAt(q, s.col)));
    if (points.some((p) => p === null)) continue;
    const sums = blockSums(grid, merges, items, points as number[], cells.length, [s.col, title]);
    const sum = (points as number[]).reduce((a, b) => a + b, 0);
    const stated = total !== null ? parseMaxCell(grid.cells[total]?.[s.col] ?? null) : null;
    const totalSays = stated?.kind === "scored" && Math.abs(stated.max - sum) < 1e-6;
    if (sums === null && !totalSays) continue;
    const scores = map.scores.filter((x) => x !== s && x.col !== sums?.col);
    if (scores.length === 0) {
      // (a blank header cell inside the row as the sheet has it: the table's own width)
      const left = (c: number) => c > s.col && c !== sums?.col && c < (grid.cells[r]?.length ?? 0) && !map.roleColumns.includes(c);
      const blank = cells.findIndex((v, c) => left(c) && textOf(v) === "" && items.every((q) => !at(q, c) && entryLike(grid.cells[q]?.[c] ?? null)));
      if (blank >= 0) scores.push({ col: blank, header: blankColumnName(blank) });
    }
    // the sums are the points of the deepest category level whose cells start where their blocks do
    const levelMax = new Map(map.levelMax);
    const level = sums && map.category.length ? map.category[map.category.length - 1] : null;
    if (sums && level !== null && sameStarts(merges, items, level, sums.starts, grid)) levelMax.set(level, sums.col);
    return { ...map, max: s.col, scores, levelMax, maxWord: { header: s.header, row: r } };
  }
  return map;
}

/** Whether the cells of column `c` start on the item rows `starts` and on no other. */
function sameStarts(merges: Merge[], items: number[], c: number, starts: number[], grid: Grid): boolean {
  const own = items.filter((q) => {
    const m = mergeAt(merges, q, c);
    return m ? m.top === q : textOf(grid.cells[q]?.[c] ?? null) !== "";
  });
  return own.length === starts.length && own.every((q, i) => q === starts[i]);
}

/**
 * The column (other than `skip`) whose cells, each on the first row of a block of item rows and
 * merged down over it or alone there, state the sum of `points` over their block ("6分" over three
 * items of 2): every item row in a block, half the blocks at least (one of several rows) stating
 * their sum right; with the rows the blocks start on. Null when no column does.
 */
function blockSums(grid: Grid, merges: Merge[], items: number[], points: number[], width: number, skip: number[]): { col: number; starts: number[] } | null {
  for (let c = 0; c < width; c++) {
    if (skip.includes(c)) continue;
    let ok = true;
    let blocks = 0;
    let matching = 0;
    let spanning = false;
    let open: { stated: number; sum: number; rows: number } | null = null;
    const starts: number[] = [];
    const close = () => {
      if (!open) return;
      blocks++;
      if (Math.abs(open.stated - open.sum) > 1e-6) return;
      matching++;
      spanning ||= open.rows > 1;
    };
    for (let i = 0; i < items.length && ok; i++) {
      const q = items[i];
      const m = mergeAt(merges, q, c);
      const v = m ? (m.top === q ? (grid.cells[m.top]?.[m.left] ?? null) : null) : (grid.cells[q]?.[c] ?? null);
      if (textOf(v) !== "") {
        close();
        const mc = parseMaxCell(v);
        const stated = mc.kind === "scored" ? mc.max : parseHeading(textOf(v)).points;
        if (stated === null) ok = false;
        else {
          open = { stated, sum: 0, rows: 0 };
          starts.push(q);
        }
      } else if (!open) ok = false;
      if (open) {
        open.sum += points[i];
        open.rows++;
      }
    }
    close();
    // (most blocks agree: the ones that do not are the table's own mistakes, checked later)
    if (ok && spanning && matching * 2 >= blocks) return { col: c, starts };
  }
  return null;
}

/** Points an item's text states: "(5分)", "5分" closing a clause, "【5分】", "分值5分". */
const statesPoints = (text: string): boolean => text.includes("分") && parseRules(text).rules.some((x) => x.kind === "points");

/**
 * A header of text columns and score columns only ("考核指标 | 考核内容 | 自评分", "指标 | 内容 | 得分"):
 * no 分值 and no criterion named, the items' points written in their text ("成立领导小组(5分)",
 * "…印发,5分", "【10分】…"). A score table when two rows at least, and two in three of the rows
 * under it, state points in their text and hold entries in the score column; a list or roster whose
 * text states no points is none.
 */
function pointsInText(grid: Grid, merges: Merge[], r: number, cells: CellValue[], width: number): ColumnMap | null {
  const map = mapColumns(cells, true);
  if (!map || map.max !== null || map.scores.length === 0) return null;
  const texts = [...map.category, map.title, map.method].filter((c): c is number => c !== null);
  let rows = 0;
  let stating = 0;
  for (let q = r + 1; q < Math.min(grid.cells.length, r + 1 + SAMPLE_ROWS * 2) && rows < SAMPLE_ROWS; q++) {
    const row = shownRow(grid, merges, q, width);
    const lead = compact(row.map(textOf).find((t) => t !== "") ?? "");
    if (!lead) continue;
    if (TOTAL_WORDS.test(lead)) break;
    rows++;
    const own = texts.map((c) => (mergeAt(merges, q, c)?.top ?? q) === q ? textOf(row[c]) : "").join(";");
    if (statesPoints(own) && map.scores.every((s) => entryLike(row[s.col]))) stating++;
  }
  return stating >= 2 && stating * 3 >= rows * 2 ? map : null;
}

/** Whether a header names no title and no category: its criterion column would have to stand in. */
function titleByMethodOnly(cells: CellValue[]): boolean {
  const roles = cells.map((v) => roleOf(v));
  return !roles.includes("title") && !roles.includes("category");
}

/** The words a column is read as when its content, not its header, says what it is. */
const CANONICAL: Partial<Record<ColumnRole, string>> = CANONICAL_HEADER;
/** How many rows below a header are looked at to tell what a column holds. */
const SAMPLE_ROWS = 12;

interface ColumnContent {
  /** Cells with something in them. */
  filled: number;
  /** Texts of 8 characters or more (criteria, titles). */
  long: number;
  ruleText: number;
  /** Numbers, or "5分", as a 分值 is written. */
  numbers: number[];
}

function contentOf(sample: CellValue[][], c: number): ColumnContent {
  const out: ColumnContent = { filled: 0, long: 0, ruleText: 0, numbers: [] };
  for (const row of sample) {
    const v = row[c];
    const t = compact(textOf(v));
    if (!t) continue;
    out.filled++;
    const mc = parseMaxCell(v);
    if (mc.kind === "scored" && mc.note === undefined && mc.max >= 0) out.numbers.push(mc.max);
    else if (t.length >= 8) out.long++;
    if (typeof v === "string" && SPEAKS_OF_POINTS.test(t)) out.ruleText++;
  }
  return out;
}

/**
 * A header some of whose words are unknown: the columns the words did not name are read by what
 * they hold. The leftmost column of long texts is the title, a later one with rule words the
 * criterion; a column of small numbers is the 分值 (when two could be, the one whose sum a 合计 row
 * states); a column of numbers each within the 分值 beside it is a score column. Null when even
 * so the row is no score-table header.
 */
function byContent(grid: Grid, merges: Merge[], r: number, cells: CellValue[], width: number): ColumnMap | null {
  const roles = cells.map((v) => roleOf(v));
  const have = new Set(roles.filter((x): x is ColumnRole => x !== null && x !== "other"));
  // two header words at least, in cells of their own (a title merged over the row repeats one)
  const words0 = new Set(cells.filter((v, c) => roles[c] && roles[c] !== "other").map((v) => compact(textOf(v))));
  if (have.size < 2 || words0.size < 2) return null;
  const sample: CellValue[][] = [];
  let totalRow: CellValue[] | null = null;
  for (let q = r + 1; q < Math.min(grid.cells.length, r + 1 + SAMPLE_ROWS * 2) && sample.length < SAMPLE_ROWS; q++) {
    const row = shownRow(grid, merges, q, width);
    const lead = compact(row.map(textOf).find((t) => t !== "") ?? "");
    if (!lead) continue;
    if (TOTAL_WORDS.test(lead)) {
      totalRow = row;
      break;
    }
    sample.push(row);
  }
  if (sample.length < 2) return null;
  const words = [...cells];
  const open: number[] = [];
  // (the 核算得分 column an earlier write-back left is ours: it says nothing of the table)
  for (let c = 0; c < width; c++) if ((roles[c] === null || roles[c] === undefined) && headerKey(cells[c]) !== RESULT_HEADER) open.push(c);
  const content = new Map(open.map((c) => [c, contentOf(sample, c)]));
  const texty = open.filter((c) => {
    const k = content.get(c)!;
    return textOf(cells[c]) !== "" && k.filled >= 2 && k.long * 2 >= k.filled;
  });
  const numeric = open.filter((c) => {
    const k = content.get(c)!;
    return k.filled >= 2 && k.numbers.length === k.filled && k.numbers.every((n) => n <= 100);
  });
  const assign = (c: number, role: ColumnRole) => {
    words[c] = CANONICAL[role]!;
    have.add(role);
  };
  if (!have.has("title") && !have.has("category") && texty.length) assign(texty[0], "title");
  // criteria stand right of what they judge: the title and the category levels
  const named = words.map((w, c) => (w !== cells[c] ? "title" : roles[c])).flatMap((x, c) => (x === "title" || x === "category" ? [c] : []));
  const rightOf = named.length ? Math.max(...named) : -1;
  const methodCol = texty.find((c) => c > rightOf && words[c] === cells[c] && content.get(c)!.ruleText * 2 >= content.get(c)!.filled);
  if (!have.has("method") && methodCol !== undefined) assign(methodCol, "method");
  const maxCol = roles.indexOf("max");
  if (!have.has("max") && numeric.length) {
    const sum = (c: number) => content.get(c)!.numbers.reduce((a, b) => a + b, 0);
    const declared = (c: number) => (totalRow ? parseMaxCell(totalRow[c]) : null);
    const stated = numeric.find((c) => {
      const d = declared(c);
      return d?.kind === "scored" && Math.abs(d.max - sum(c)) < 1e-6;
    });
    const pick = stated ?? (numeric.length === 1 || textOf(cells[numeric[0]]) !== "" ? numeric[0] : undefined);
    if (pick !== undefined) assign(pick, "max");
  }
  // entries each within the 分值 of their row: a score column
  const maxAt = maxCol >= 0 ? maxCol : words.indexOf(CANONICAL.max!);
  if (!have.has("score") && maxAt >= 0) {
    for (const c of numeric) {
      if (c <= maxAt || words[c] !== cells[c] || textOf(cells[c]) === "") continue;
      const within = sample.every((row) => {
        const e = parseMaxCell(row[c]);
        const m = parseMaxCell(row[maxAt]);
        return e.kind === "blank" || (e.kind === "scored" && m.kind === "scored" && e.max <= m.max + 1e-6);
      });
      if (within) {
        assign(c, "score");
        break;
      }
    }
  }
  if (words.every((w, c) => w === cells[c])) return null;
  const map = mapColumns(words);
  if (!map) return null;
  // a score column keeps the header the clerk knows it by
  for (const s of map.scores) if (words[s.col] !== cells[s.col]) s.header = compact(textOf(cells[s.col]));
  return map;
}

/**
 * A 序号 column that holds no numbers but names merged down over several items ("制度建设" over
 * four rows, "基础保障" over the next three): the offices that number nothing put the category
 * there. Such a column is the outermost category level; a 序号 with any number stays a 序号.
 */
function idAsCategory(grid: Grid, merges: Merge[], r: number, map: ColumnMap): ColumnMap {
  const c = map.id;
  if (c === null) return map;
  let spanning = 0;
  for (let q = r + 1; q < Math.min(grid.cells.length, r + 1 + SAMPLE_ROWS * 4); q++) {
    const v = grid.cells[q]?.[c] ?? null;
    const t = compact(textOf(v));
    if (!t) continue;
    if (TOTAL_WORDS.test(t)) break;
    if (typeof v === "number" || numberingOf(t)) return map;
    const m = merges.find((x) => x.top === q && x.left <= c && x.right >= c);
    if (!m || m.bottom === m.top) return map;
    spanning++;
  }
  return spanning >= 1 ? { ...map, id: null, category: [c, ...map.category].sort((a, b) => a - b) } : map;
}

/**
 * Two title words ("考核指标 | 考核内容 | 评分标准"), the first column holding numbered headings with
 * their points merged down over several rows of the second ("一、组织领导(5分)" over "1、健全机制(2分)"
 * and "2、工作部署(3分)"): the first is a category level and the second names the items.
 */
function headingsAsCategory(grid: Grid, merges: Merge[], r: number, cells: CellValue[], map: ColumnMap): ColumnMap {
  const c = map.title;
  if (c === null) return map;
  const finer = cells.findIndex((v, k) => k > c && roleOf(v) === "title" && !map.category.includes(k));
  if (finer < 0 || !holdsHeadings(grid, merges, r, c, finer)) return map;
  return {
    ...map,
    category: [...map.category, c].sort((a, b) => a - b),
    title: finer,
    method: map.method === finer ? null : map.method,
  };
}

/**
 * Whether column `c` under row `r` holds only headings with their points ("一、组织领导(5分)"), each
 * numbered or merged down, one at least over several rows, and fewer of them than column `finer` has
 * cells: the level above `finer`.
 */
function holdsHeadings(grid: Grid, merges: Merge[], r: number, c: number, finer: number): boolean {
  let headings = 0;
  let spanning = 0;
  let cellsBelow = 0;
  for (let q = r + 1; q < Math.min(grid.cells.length, r + 1 + SAMPLE_ROWS * 4); q++) {
    const own = mergeAt(merges, q, c);
    const t = own && own.top < q ? "" : compact(textOf(grid.cells[q]?.[c] ?? null));
    const f = mergeAt(merges, q, finer);
    if ((!f || f.top === q) && textOf(grid.cells[q]?.[finer] ?? null) !== "") cellsBelow++;
    if (!t) continue;
    if (TOTAL_WORDS.test(t)) break;
    const merged = own !== undefined && own.bottom > own.top;
    if (parseHeading(t).points === null || !(merged || HEADING_NUMBERED.test(t))) return false;
    headings++;
    if (merged) spanning++;
  }
  return spanning >= 1 && cellsBelow > headings;
}

/**
 * A lone category column with no title column ("考评项目 | 分值 | 评分标准", "类别 | 分值 | 考核标准")
 * whose every row names its own item (no cell merged down, no name repeated on the next row, no
 * row left blank) is the items' title, not their category.
 */
function loneCategoryAsTitle(grid: Grid, merges: Merge[], r: number, map: ColumnMap): ColumnMap {
  map = emptyTitleLevel(grid, r, map);
  if (map.title !== null || map.category.length !== 1) return map;
  const c = map.category[0];
  if (merges.some((m) => m.left <= c && m.right >= c && m.top > r && m.bottom > m.top)) return map;
  let previous: string | null = null;
  let named = 0;
  for (let q = r + 1; q < Math.min(grid.cells.length, r + 1 + SAMPLE_ROWS * 2); q++) {
    const row = grid.cells[q] ?? [];
    const t = compact(textOf(row[c] ?? null));
    const others = row.some((v, k) => k !== c && textOf(v) !== "");
    if (!t) {
      if (others && named > 0) return map; // a blank under a name: the name is carried down
      continue;
    }
    if (t === previous || TOTAL_WORDS.test(t)) {
      if (t === previous) return map;
      break;
    }
    previous = t;
    named++;
  }
  if (named < 1) return map;
  return { ...map, title: c, category: [] };
}

/**
 * A title column empty on every row below ("三级指标 | 四级指标 | 五级指标" where this table never
 * goes down to 五级): the deepest level that is filled names the items.
 */
function emptyTitleLevel(grid: Grid, r: number, map: ColumnMap): ColumnMap {
  if (map.title === null || map.category.length === 0) return map;
  const title = map.title;
  for (let q = r + 1; q < Math.min(grid.cells.length, r + 1 + SAMPLE_ROWS * 2); q++) if (textOf(grid.cells[q]?.[title] ?? null) !== "") return map;
  const category = [...map.category];
  return { ...map, title: category.pop()!, category };
}

/**
 * The header read from two rows whose cells are halves of words ("一级|测评" over "指标|要点"),
 * or null when the joined words are header words less often than the lower halves alone (then
 * the lower row is a header of its own under a wider one: "评分" over "自查评分|考核评分").
 */
function splitHeader(cells: CellValue[], below: CellValue[]): CellValue[] | null {
  if (below.some((v) => typeof v === "number")) return null;
  let joinedWords = 0;
  let lowerWords = 0;
  const joined = cells.map((v, c) => {
    const a = textOf(v);
    const b = textOf(below[c]);
    if (!a || !b || a === b || typeof v !== "string" || typeof below[c] !== "string" || a.length > 8 || b.length > 8) return v;
    if (isHeaderWord(a + b)) joinedWords++;
    if (isHeaderWord(b)) lowerWords++;
    return a + b;
  });
  return joinedWords > lowerWords ? joined : null;
}

/**
 * A title header merged over several columns whose rows fill them separately ("考核内容" over
 * "组织领导 | 成立领导小组"): the columns left of the last are category levels, the last the title.
 */
function splitWideTitle(grid: Grid, merges: Merge[], r: number, cells: CellValue[], width: number): CellValue[] {
  let out = cells;
  for (const m of merges) {
    const role = roleOf(cells[m.left]);
    if (m.top > r || m.bottom < r || m.right === m.left || (role !== "title" && role !== "category")) continue;
    let separate = false;
    for (let q = m.bottom + 1; q < Math.min(grid.cells.length, m.bottom + 11) && !separate; q++) {
      const row = shownRow(grid, merges, q, width);
      const joined = merges.some((x) => x.top <= q && x.bottom >= q && x.left <= m.left && x.right >= m.right);
      separate = !joined && textOf(row[m.left]) !== "" && textOf(row[m.right]) !== "";
    }
    if (!separate) continue;
    if (out === cells) out = [...cells];
    for (let c = m.left; c < m.right; c++) out[c] = CANONICAL_HEADER.category;
  }
  return out;
}

