/**
 * What 写回 means, in terms of the port: the 核算得分 column beside each score table, marks
 * (fill + note) on the cells that have errors or warnings, and the 核算结果 sheet. Never writes
 * into a cell the user typed: the column is free or already ours, the sheet is ours, and the
 * marks an earlier run left are found again through the 核算结果 sheet and cleared.
 */
import { compact, textOf, toA1, valueAt, type CellValue, type Grid } from "./core/grid";
import { SEVERITY_LABEL, fmt, sortFindings, type RenderedFinding, type Severity } from "./core/findings";
import { MARK_COLORS, NOTE_PREFIX, RESULT_HEADER, RESULT_SHEET } from "./footprint";
import type { Report, ScoreSheetReport } from "./core/report";
import type { CellRef, Mark, RangeWrite, SheetWrite, WorkbookChanges } from "./hosts/port";
import { describeLive, liveChanges, liveWrite } from "./writeback/live";
import type { ColumnMapping } from "./core/mapping";

export interface PlanOptions {
  /** Plain values in 核算得分 instead of live formulas (default: formulas). */
  values?: boolean;
  /** The column mappings the report was scored with when not (yet) stored in the workbook (CheckOptions.mapping). */
  mapping?: ColumnMapping[];
}

export { MARK_COLORS, NOTE_PREFIX, RESULT_SHEET };

const FINDING_HEADER = ["级别", "工作表", "单元格", "代码", "说明", "已标记"];

function isBlank(v: CellValue): boolean {
  return textOf(v) === "";
}

/** The column for 核算得分: the one an earlier run made, or the first free one right of the table. */
export function resultColumn(grid: Grid, s: ScoreSheetReport): number {
  const p = s.placement;
  for (let r = p.headerRow; r <= Math.min(p.headerRow + 1, p.lastRow); r++) {
    const row = grid.cells[r] ?? [];
    for (let c = 0; c < row.length; c++) if (compact(textOf(row[c])) === RESULT_HEADER) return c;
  }
  const last = p.totalRow === null ? p.lastRow + 1 : p.lastRow;
  for (let c = p.lastColumn + 1; ; c++) {
    let free = true;
    for (let r = p.headerRow; r <= last && free; r++) free = isBlank(valueAt(grid, r, c));
    if (free) return c;
  }
}

function itemValue(item: ScoreSheetReport["items"][number], vetoCells: Set<string>): CellValue {
  if (!item.applicable) return "不适用";
  if (item.kind === "veto") return vetoCells.has(item.cell) ? "已触发" : "未触发";
  return item.score;
}

function scoreColumnWrite(grid: Grid, s: ScoreSheetReport, findings: RenderedFinding[]): RangeWrite {
  const p = s.placement;
  const col = resultColumn(grid, s);
  const last = p.totalRow === null ? p.lastRow + 1 : p.lastRow;
  const vetoCells = new Set(findings.filter((f) => f.sheet === s.sheet && f.code === "veto_applied").map((f) => f.cell ?? ""));
  const byRow = new Map<number, CellValue>(s.items.map((it) => [it.row - 1, itemValue(it, vetoCells)]));
  for (const st of s.subtotals) byRow.set(st.row - 1, st.score);
  const values: CellValue[][] = [];
  for (let r = p.headerRow; r <= last; r++) {
    if (r === p.headerRow) values.push([RESULT_HEADER]);
    // With no 合计 row the final stands alone below the table: label it.
    else if (r === last) values.push([p.totalRow === null ? `最终得分 ${fmt(s.total.final)}` : s.total.final]);
    else values.push([byRow.get(r) ?? ""]);
  }
  return { sheet: s.sheet, address: toA1(p.headerRow, col), values };
}

function marksOf(findings: RenderedFinding[]): Mark[] {
  const byCell = new Map<string, { sheet: string; cell: string; severity: "error" | "warning"; lines: string[] }>();
  for (const f of findings) {
    if (f.severity === "info" || !f.cell) continue;
    const key = `${f.sheet}!${f.cell}`;
    const m = byCell.get(key) ?? { sheet: f.sheet, cell: f.cell, severity: f.severity, lines: [] };
    if (f.severity === "error") m.severity = "error";
    m.lines.push(`${SEVERITY_LABEL[f.severity]}:${f.message}`);
    byCell.set(key, m);
  }
  return [...byCell.values()].map((m) => ({
    sheet: m.sheet,
    cell: m.cell,
    color: MARK_COLORS[m.severity],
    note: `${NOTE_PREFIX}\n${m.lines.join("\n")}`,
  }));
}

/** The marks recorded in an earlier 核算结果 sheet (rows whose 已标记 is 是). */
export function previousMarks(grids: Grid[]): CellRef[] {
  const sheet = grids.find((g) => g.name === RESULT_SHEET);
  if (!sheet) return [];
  const out: CellRef[] = [];
  let cols: number[] | null = null;
  for (const row of sheet.cells) {
    const texts = (row ?? []).map((v) => textOf(v));
    if (!cols) {
      const start = texts.indexOf(FINDING_HEADER[0]);
      if (start >= 0 && FINDING_HEADER.every((h, i) => texts[start + i] === h)) cols = FINDING_HEADER.map((_, i) => start + i);
      continue;
    }
    if (texts[cols[5]] === "是" && texts[cols[1]] && texts[cols[2]]) out.push({ sheet: texts[cols[1]], cell: texts[cols[2]] });
  }
  return out;
}

function resultSheet(report: Report, marked: Set<string>): SheetWrite {
  const rows: CellValue[][] = [];
  rows.push(["核算结果(考核计分助手生成;重新计算时本表整体更新,请勿在此填写)"]);
  rows.push(["文件", report.file ?? "当前工作簿", "评分列", report.column ?? ""]);
  rows.push([]);
  rows.push(["工作表", "模板", "评分列", "满分", "基本得分", "加减分", "最终得分", "得分率", "一票否决"]);
  const scores = report.sheets.filter((s): s is ScoreSheetReport => s.kind === "score");
  for (const s of scores) {
    const t = s.total;
    rows.push([s.sheet, s.schemeName ?? "未识别", s.column, t.max, t.base, t.adjustments, t.final, `${fmt(t.rate * 100)}%`, t.vetoed ? "是" : "否"]);
  }
  rows.push([]);
  rows.push(["工作表", "类别", "满分", "得分"]);
  for (const s of scores) for (const c of s.categories) rows.push([s.sheet, c.name, c.max, c.score]);
  rows.push([]);
  const { errors, warnings, infos } = report.summary;
  rows.push([`问题:错误 ${errors} 个,警告 ${warnings} 个,提示 ${infos} 个`]);
  rows.push([...FINDING_HEADER]);
  for (const f of sortFindings(report.findings)) {
    const isMarked = f.cell !== null && f.severity !== "info" && marked.has(`${f.sheet}!${f.cell}`);
    rows.push([SEVERITY_LABEL[f.severity], f.sheet, f.cell ?? "", f.code, f.message, isMarked ? "是" : ""]);
  }
  return { name: RESULT_SHEET, rows, widths: [10, 16, 10, 22, 70, 8, 10, 10, 10] };
}

/** The whole write-back for a report, host-neutral. */
export function planChanges(report: Report, grids: Grid[], options: PlanOptions = {}): WorkbookChanges {
  const values: RangeWrite[] = [];
  for (const s of report.sheets) {
    if (s.kind !== "score") continue;
    const grid = grids.find((g) => g.name === s.sheet);
    if (grid && s.placement.scoreColumn >= 0) values.push(liveWrite(scoreColumnWrite(grid, s, report.findings), s, grid, { grids, values: options.values, mappings: options.mapping }));
  }
  const marks = marksOf(report.findings);
  const marked = new Set(marks.map((m) => `${m.sheet}!${m.cell}`));
  return {
    ...liveChanges(report, grids, { mappings: options.mapping }),
    clearMarks: previousMarks(grids),
    values,
    marks,
    sheets: [resultSheet(report, marked)],
  };
}

/** Chinese lines telling the user what a write-back will change, before it does. */
export function describeChanges(changes: WorkbookChanges): string[] {
  const lines: string[] = [];
  for (const v of changes.values) {
    const col = v.address.replace(/\d+$/, "");
    lines.push(`在工作表“${v.sheet}”的 ${col} 列(表头“${RESULT_HEADER}”)写入 ${v.values.length - 1} 行核算得分`);
  }
  if (changes.clearMarks.length) lines.push(`清除上次计算留下的 ${changes.clearMarks.length} 处标记(底色和批注)`);
  if (changes.marks.length) lines.push(`在 ${changes.marks.length} 个有问题的单元格上标底色并加批注`);
  for (const s of changes.sheets) lines.push(`新建或更新工作表“${s.name}”(共 ${s.rows.length} 行)`);
  lines.push(...describeLive(changes));
  lines.push("您填写的内容、公式和格式不会被修改");
  return lines;
}
