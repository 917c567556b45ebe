/**
 * Column roles of a score table, recognised by the words of its header cells. The vocabulary is
 * a table: a new wording is one more entry, not a new branch.
 */
import { compact, textOf, type CellValue } from "../grid";

export type ColumnRole = "category" | "id" | "title" | "max" | "method" | "score" | "deduction" | "other";

import { RESULT_HEADER } from "../../footprint";
export { RESULT_HEADER };

/** [role, exact header words]; compared after removing white space and punctuation. */
const EXACT: Array<[ColumnRole, string[]]> = [
  ["category", ["类别", "考核项目", "一级指标", "二级指标", "考核类别", "评价项目", "项目", "指标类别", "考核事项", "类型", "工作类别", "考评项目", "评估项目"]],
  ["id", ["序号", "编号", "项次", "序"]],
  ["title", ["目标要求", "考核内容", "指标", "三级指标", "考核指标", "指标内容", "工作内容", "评价内容", "考评内容", "工作任务", "工作目标", "评估内容", "指标名称", "评估指标", "考核要素", "评价指标", "目标任务", "任务要求", "考核要求", "工作要求", "评估点", "考察点", "考核细项", "指标项", "考核重点", "内容", "具体内容", "主要内容", "工作事项"]],
  ["max", ["分值", "分数", "标准分", "满分", "标准分值", "分值分", "权重", "权重分", "基本分", "赋分", "满分值", "指标分值", "分值设置", "基础分", "应得分", "标准分数"]],
  ["method", ["评价办法", "自查办法", "评分标准", "考核办法", "测评要点", "具体标准", "评分办法", "扣分标准", "计分方法", "考核标准", "评分细则", "评价标准", "评分方法", "考评办法", "评估标准", "考核方法", "考评标准", "评分依据", "评分说明", "评价要点", "考核要点", "评分规则", "扣分细则", "考评细则", "计分标准", "评分要求", "考核评分标准", "评估方法", "扣分规则"]],
  ["score", ["自查评分", "自评得分", "自查得分", "考核评分", "考核得分", "得分", "评分", "自评分", "自评", "复核得分", "实得分", "自查分", "考核分", "初评得分", "复评得分", "审核得分", "评估得分", "考评得分", "最终得分", "单位自评", "自评分数", "考核分数", "复核分", "复评分", "考核组评分", "考评组评分", "核定得分", "核定分", "评审得分", "单位自评分", "自评得分数", "得分情况", "实际得分"]],
  // A column of the points taken off (网站普查-style sheets): the item scores its 分值 less them.
  ["deduction", ["扣分", "扣分值", "实扣分", "扣分数", "扣减分", "扣减分值", "自查扣分", "自评扣分", "考核扣分", "复核扣分", "扣分分值", "所扣分值", "扣除分值", "应扣分"]],
  ["other", ["测评方式", "指标依据", "评估数据采集范围", "备注", "责任单位", "佐证材料", "说明", "责任部门", "牵头单位", "完成时限", "扣分原因", "扣分说明", "评估方式", "存在问题", "存在的问题", "采样方式", "佐证资料", "备查资料", "自评说明", "扣分情况说明"]],
];

const EXACT_INDEX = new Map<string, ColumnRole>();
for (const [role, words] of EXACT) for (const w of words) EXACT_INDEX.set(w, role);

/** Whether a cell is one of the exact header words (not a fallback match). */
export function isHeaderWord(v: CellValue): boolean {
  return EXACT_INDEX.has(headerKey(v));
}

/** Fallbacks for headers that are not in the exact list ("2017年自查评分", "考核得分(分)"). */
const CONTAINS: Array<[ColumnRole, RegExp]> = [
  // who scores (自评, 复核, 考核组 …) and the word for the score: "考核组评分", "市级复核分", "2017年自查评分"
  ["score", /(自查|自评|考核|复核|评估|考评|初评|复评|审核|核定|核查|评审|督查|抽查|实)(组|小组)?(得分|评分|分数|打分|分)$|(得分|评分)$/],
  ["deduction", /^(自查|自评|考核|复核|核查|实际?|累计)?扣(分|除分值|减分值?)(数|值|分值)?$/],
  ["max", /^(分值|标准分|满分)|分值$/],
  ["method", /(评价|评分|考核|计分|扣分|考评|评估)(办法|标准|细则|方法|要点|规则)|具体标准|测评要点/],
  ["title", /(目标要求|考核内容|三级指标|指标内容|工作内容)/],
  ["category", /(一级指标|二级指标|考核项目|类别)/],
  ["id", /^序号/],
];

/** Header text normalised: no white space, no brackets' unit suffix "(分)", no punctuation. */
export function headerKey(v: CellValue): string {
  return compact(textOf(v))
    .replace(/[(（][^)）]*[)）]$/, "")
    .replace(/[:：、,，.。·]/g, "");
}

/** Roles by cell text: a long table asks about the same few texts on every row. */
const roleCache = new Map<string, ColumnRole | null>();

/** The role a header cell names, or null when it is no header word. */
export function roleOf(v: CellValue): ColumnRole | null {
  if (typeof v !== "string") return v === null || v === undefined ? null : roleOfText(v);
  // A header word is short even with Word's spaces inside it ("考 核 内 容"); criterion text is not.
  if (v.length > 40) return null;
  let role = roleCache.get(v);
  if (role === undefined) {
    if (roleCache.size > 5000) roleCache.clear();
    role = roleOfText(v);
    roleCache.set(v, role);
  }
  return role;
}

function roleOfText(v: CellValue): ColumnRole | null {
  const key = headerKey(v);
  if (!key || key.length > 12) return null;
  if (key === RESULT_HEADER) return null;
  const exact = EXACT_INDEX.get(key);
  if (exact) return exact;
  for (const [role, re] of CONTAINS) if (re.test(key)) return role;
  return null;
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
  /** Every column that has a role, for the repeated-header test. */
  roleColumns: number[];
  first: number;
  last: number;
}

/**
 * Reads a header row (cells already expanded through merges and, for two-row headers, joined
 * with the row below) into a column map. Returns null when the row is not a score-table header.
 */
export function mapColumns(cells: CellValue[]): ColumnMap | null {
  const roles: Array<{ col: number; role: ColumnRole; text: string }> = [];
  let result: number | null = null;
  for (let c = 0; c < cells.length; c++) {
    if (headerKey(cells[c]) === RESULT_HEADER) {
      result = c;
      continue;
    }
    const role = roleOf(cells[c]);
    if (role) roles.push({ col: c, role, text: compact(textOf(cells[c])) });
  }
  const has = (r: ColumnRole) => roles.some((x) => x.role === r);
  const known = new Set(roles.filter((r) => r.role !== "other").map((r) => r.role));
  if (!(has("max") || has("score") || has("deduction"))) return null;
  if (!(has("title") || has("method") || has("category"))) return null;
  if (known.size < 3) return null;

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
      // A second title word ("具体标准" after "目标要求") is the criterion text.
      if (map.title === null) map.title = col;
      else map.method ??= col;
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
