/**
 * The 2021 年报 tables laid out as the official form (国办公开办函〔2021〕30号) is usually pasted
 * into a sheet: merged headers, group labels merged down over their items.
 */
import type { CellValue, Grid, Merge } from "../../../src/core/grid";

export const APPLICANTS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"] as const;

/** One line of section 三: [label column A, label column B, label column C]. */
type LineLabel = readonly [a: string, b: string, c: string];

/** The official lines of section 三, keyed as the engine keys them. */
export const LINES: readonly (readonly [key: string, label: LineLabel])[] = [
  ["new", ["一、本年新收政府信息公开申请数量", "", ""]],
  ["carried", ["二、上年结转政府信息公开申请数量", "", ""]],
  ["granted", ["三、本年度办理结果", "(一)予以公开", ""]],
  ["partly_granted", ["", "(二)部分公开(区分处理的,只计这一情形,不计其他情形)", ""]],
  ["withheld_state_secret", ["", "(三)不予公开", "1.属于国家秘密"]],
  ["withheld_prohibited", ["", "", "2.其他法律行政法规禁止公开"]],
  ["withheld_security", ["", "", "3.危及“三安全一稳定”"]],
  ["withheld_third_party", ["", "", "4.保护第三方合法权益"]],
  ["withheld_internal", ["", "", "5.属于三类内部事务信息"]],
  ["withheld_deliberative", ["", "", "6.属于四类过程性信息"]],
  ["withheld_enforcement_file", ["", "", "7.属于行政执法案卷"]],
  ["withheld_inquiry", ["", "", "8.属于行政查询事项"]],
  ["unable_not_held", ["", "(四)无法提供", "1.本机关不掌握相关政府信息"]],
  ["unable_needs_creation", ["", "", "2.没有现成信息需要另行制作"]],
  ["unable_unclear", ["", "", "3.补正后申请内容仍不明确"]],
  ["not_processed_petition", ["", "(五)不予处理", "1.信访举报投诉类申请"]],
  ["not_processed_repeated", ["", "", "2.重复申请"]],
  ["not_processed_publication", ["", "", "3.要求提供公开出版物"]],
  ["not_processed_massive", ["", "", "4.无正当理由大量反复申请"]],
  ["not_processed_confirmation", ["", "", "5.要求行政机关确认或重新出具已获取信息"]],
  ["other_no_amendment", ["", "(六)其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"]],
  ["other_no_fee", ["", "", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"]],
  ["other_other", ["", "", "3.其他"]],
  ["results_total", ["", "(七)总计", ""]],
  ["carry_forward", ["四、结转下年度继续办理", "", ""]],
];

/** A consistent section 三: 自然人 … 其他, 总计 per line; lines not listed are all 0. */
export const CONSISTENT: Readonly<Record<string, readonly number[]>> = {
  new: [10, 3, 0, 0, 1, 0, 14],
  carried: [2, 0, 0, 0, 0, 0, 2],
  granted: [4, 1, 0, 0, 0, 0, 5],
  partly_granted: [2, 1, 0, 0, 1, 0, 4],
  withheld_state_secret: [1, 0, 0, 0, 0, 0, 1],
  withheld_third_party: [1, 0, 0, 0, 0, 0, 1],
  unable_not_held: [2, 0, 0, 0, 0, 0, 2],
  not_processed_repeated: [1, 0, 0, 0, 0, 0, 1],
  other_other: [0, 1, 0, 0, 0, 0, 1],
  results_total: [11, 3, 0, 0, 1, 0, 15],
  carry_forward: [1, 0, 0, 0, 0, 0, 1],
};

/** 行政复议 (5) | 未经复议直接起诉 (5) | 复议后起诉 (5): 结果维持, 结果纠正, 其他结果, 尚未审结, 总计. */
export const APPEALS_CONSISTENT: readonly number[] = [1, 1, 0, 0, 2, 0, 1, 0, 1, 2, 0, 0, 0, 0, 0];

class Sheet {
  cells: CellValue[][] = [];
  merges: Merge[] = [];
  constructor(private readonly left: number) {}
  set(r: number, c: number, v: CellValue) {
    while (this.cells.length <= r) this.cells.push([]);
    this.cells[r][this.left + c] = v;
  }
  merge(top: number, left: number, bottom: number, right: number, v: CellValue) {
    this.set(top, left, v);
    if (bottom > top || right > left) this.merges.push({ top, left: this.left + left, bottom, right: this.left + right });
  }
  grid(name: string): Grid {
    return { name, cells: this.cells.map((row) => Array.from(row, (v) => v ?? null)), merges: this.merges };
  }
}

export interface Layout2021 {
  name?: string;
  top?: number;
  left?: number;
  /** Section 三's cells by line key (7 values); default CONSISTENT. */
  values?: Record<string, readonly CellValue[]>;
  /** Section 四's 15 values; null leaves the table out. */
  appeals?: readonly CellValue[] | null;
  /** Give 三(三) its own line (a subtotal row above its items) with these values. */
  withheldSubtotal?: readonly CellValue[];
  /** All labels in one column, 三、本年度办理结果 and each group on a line of its own (left blank). */
  flatLabels?: boolean;
  /** Write section 二 (its four small tables) in rows 0-14; section 三 then starts at `top` ≥ 16. */
  proactive?: readonly (readonly CellValue[])[];
  /** How the header words were typed: "商业\n企业", "总 计" as a Word table pasted into a sheet leaves them. */
  headerText?: (word: string) => string;
  /** Pasted without merges: each text stays in the top-left cell of its former merged area. */
  unmerged?: boolean;
  /** The 2019 form (国办公开办函〔2019〕60号): 三(六)其他处理 is one line, without items. */
  format2019?: boolean;
  /** Section 三's labels in two columns: 一、二、四、 over both, no 三、本年度办理结果. Not with section 二. */
  twoLabelColumns?: boolean;
  /** Section 四's title as the unit wrote it. */
  appealsTitle?: string;
}

/** 三(六) as the 2019 form has it: one line, the sum of the 2021 form's three items. */
const OTHER_ITEMS = ["other_no_amendment", "other_no_fee", "other_other"];

/** Section 二 as the form has it: four small tables, each under its own 信息内容 header. */
export const PROACTIVE: readonly (readonly CellValue[])[] = [
  ["二、主动公开政府信息情况"],
  ["第二十条第(一)项"],
  ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
  ["规章", 0, 0, 3],
  ["行政规范性文件", 5, 1, 20],
  ["第二十条第(五)项"],
  ["信息内容", "本年处理决定数量"],
  ["行政许可", 120],
  ["第二十条第(六)项"],
  ["信息内容", "本年处理决定数量"],
  ["行政处罚", 30],
  ["行政强制", 2],
  ["第二十条第(八)项"],
  ["信息内容", "本年收费金额(单位:万元)"],
  ["行政事业性收费", 1.5],
];

/** The lines as a layout writes them, headings included (their keys start with "#"). */
function layoutLines(p: Layout2021): (readonly [string, LineLabel])[] {
  const lines: (readonly [string, LineLabel])[] = p.format2019
    ? LINES.flatMap(([key, label]): (readonly [string, LineLabel])[] =>
        key === OTHER_ITEMS[0] ? [["other_handling", ["", "(六)其他处理", ""]]] : OTHER_ITEMS.includes(key) ? [] : [[key, label]],
      )
    : [...LINES];
  if (p.withheldSubtotal) lines.splice(4, 0, ["withheld", ["", "(三)不予公开", ""]]);
  if (!p.flatLabels) return lines;
  return lines.flatMap(([key, [a, b, c]]): (readonly [string, LineLabel])[] => [
    ...(a && b ? [[`#${a}`, [a, "", ""]] as const] : []),
    ...(b && c ? [[`#${b}`, [b, "", ""]] as const] : []),
    [key, [c || b || a, "", ""]],
  ]);
}

/** The A1 address of a section 三 cell in a grid built with `p` (column 0 = 自然人 … 6 = 总计). */
export function applicationCell(line: string, column: number, p: Layout2021 = {}): string {
  const { top = 1, left = 0 } = p;
  const keys = layoutLines(p).map(([k]) => k);
  const row = top + 4 + keys.indexOf(line);
  return String.fromCharCode(65 + left + (p.twoLabelColumns ? 2 : 3) + column) + String(row + 1);
}

/** Section 三 (and 四 below it) in the official layout: labels in 3 columns, 7 value columns. */
export function annualReportGrid(p: Layout2021 = {}): Grid {
  const { name = "年报", top = 1, left = 0, values = CONSISTENT, appeals = APPEALS_CONSISTENT } = p;
  const s = new Sheet(left);
  const word = p.headerText ?? ((w: string) => w);
  p.proactive?.forEach((cells, r) => cells.forEach((v, c) => s.set(r, c, v)));
  s.merge(top, 0, top, 9, "三、收到和处理政府信息公开申请情况");
  s.merge(top + 1, 0, top + 3, 2, "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)");
  s.merge(top + 1, 3, top + 1, 9, "申请人情况");
  s.merge(top + 2, 3, top + 3, 3, word("自然人"));
  s.merge(top + 2, 4, top + 2, 8, word("法人或其他组织"));
  s.merge(top + 2, 9, top + 3, 9, word("总计"));
  APPLICANTS.slice(1, 6).forEach((h, i) => s.set(top + 3, 4 + i, word(h)));
  const lines = layoutLines(p);
  let r = top + 4;
  const groupStart = new Map<string, number>();
  lines.forEach(([key, [a, b, c]]) => {
    if (a) s.set(r, 0, a);
    if (b) groupStart.set(b, r);
    if (b) s.set(r, 1, b);
    if (c) s.set(r, 2, c);
    if (a && !b) s.merges.push({ top: r, left: left, bottom: r, right: left + 2 });
    if (b && !c) s.merges.push({ top: r, left: left + 1, bottom: r, right: left + 2 });
    const row =
      key.startsWith("#") ? []
      : key === "withheld" ? (p.withheldSubtotal ?? [])
      : key === "other_handling" && !values[key] ? sumOf(OTHER_ITEMS.map((k) => values[k] ?? []))
      : (values[key] ?? Array(7).fill(0));
    row.forEach((v, i) => s.set(r, 3 + i, v));
    r++;
  });
  // 三、本年度办理结果 down to (七)总计; each group label down over its items.
  if (!p.flatLabels) s.merges.push({ top: top + 6, left, bottom: r - 2, right: left });
  for (const [label, start] of groupStart) {
    const end = lines.findIndex(([, l], i) => i > start - top - 4 && (l[1] !== "" || l[0] !== "")) + top + 4 - 1;
    if (label !== "(七)总计" && end > start && /^\((三|四|五|六)\)/.test(label)) s.merges.push({ top: start, left: left + 1, bottom: end, right: left + 1 });
  }
  if (appeals) {
    const a = r + 1;
    s.merge(a, 0, a, 14, p.appealsTitle ?? "四、行政复议、行政诉讼情况");
    s.merge(a + 1, 0, a + 1, 4, word("行政复议"));
    s.merge(a + 1, 5, a + 1, 14, word("行政诉讼"));
    ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"].map(word).forEach((h, i) => {
      s.merge(a + 2, i, a + 3, i, h);
      s.set(a + 3, 5 + i, h);
      s.set(a + 3, 10 + i, h);
    });
    s.merge(a + 2, 5, a + 2, 9, word("未经复议直接起诉"));
    s.merge(a + 2, 10, a + 2, 14, word("复议后起诉"));
    appeals.forEach((v, i) => s.set(a + 4, i, v));
  }
  const grid = s.grid(name);
  const laid = p.twoLabelColumns ? withoutFirstLabelColumn(grid, left, r - 1) : grid;
  return p.unmerged ? { ...laid, merges: [] } : laid;
}

/** Section 三 with labels in two columns: 一、二、四、 over both, 三、本年度办理结果 left out. */
function withoutFirstLabelColumn(grid: Grid, left: number, last: number): Grid {
  const cells = grid.cells.map((row, i) => {
    if (i > last) return row;
    const out = [...row];
    if (out[left] !== null && out[left] !== undefined && (out[left + 1] ?? null) === null && /^[一二四]、/.test(String(out[left]))) out[left + 1] = out[left];
    out.splice(left, 1);
    return out;
  });
  const merges = grid.merges
    .filter((m) => m.top > last || !(m.left === left && m.right === left))
    .map((m) => (m.top > last ? m : { ...m, left: m.left > left ? m.left - 1 : m.left, right: m.right - 1 }));
  return { ...grid, cells, merges };
}

function sumOf(lines: readonly (readonly CellValue[])[]): number[] {
  return Array.from({ length: 7 }, (_, i) => lines.reduce((t, l) => t + (Number(l[i]) || 0), 0));
}

/** The grid with `rows` inserted before row `at` (0-based); merges below move down, merges across it are lost. */
export function insertRows(grid: Grid, at: number, rows: readonly (readonly CellValue[])[]): Grid {
  const n = rows.length;
  return {
    ...grid,
    cells: [...grid.cells.slice(0, at), ...rows.map((r) => [...r]), ...grid.cells.slice(at)],
    merges: grid.merges.flatMap((m) => (m.bottom < at ? [m] : m.top >= at ? [{ ...m, top: m.top + n, bottom: m.bottom + n }] : [])),
  };
}

/**
 * The grid as Excel pastes a Word table whose cells hold several paragraphs: each paragraph of a
 * cell goes to a row of its own ("商业\n企业" → "商业" over "企业"), and the row's other cells are
 * merged down over the new rows (with `unmerged`, every merge is lost instead). A merged cell
 * keeps its paragraphs in one cell.
 */
export function paragraphsAsRows(grid: Grid, unmerged = false): Grid {
  const merged = (r: number, c: number) => grid.merges.some((m) => m.top === r && m.left === c);
  const split = (v: CellValue, r: number, c: number) => (typeof v === "string" && v.includes("\n") && !merged(r, c) ? v.split("\n") : [v]);
  const height = grid.cells.map((row, r) => Math.max(1, ...row.map((v, c) => split(v, r, c).length)));
  const start: number[] = [];
  height.reduce((at, h, r) => ((start[r] = at), at + h), 0);
  const cells: CellValue[][] = [];
  const merges: Merge[] = [];
  grid.cells.forEach((row, r) => {
    for (let k = 0; k < height[r]; k++) cells.push(row.map((v, c) => split(v, r, c)[k] ?? null));
  });
  const covered = (r: number, c: number) => grid.merges.some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);
  for (const m of grid.merges) merges.push({ ...m, top: start[m.top], bottom: start[m.bottom] + height[m.bottom] - 1 });
  grid.cells.forEach((row, r) =>
    row.forEach((v, c) => {
      if (height[r] > 1 && split(v, r, c).length === 1 && !covered(r, c)) merges.push({ top: start[r], left: c, bottom: start[r] + height[r] - 1, right: c });
    }),
  );
  return { ...grid, cells, merges: unmerged ? [] : merges };
}
