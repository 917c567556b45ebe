/**
 * The 核算结果 sheet: the result on paper (A4 landscape, fitted to the width, the findings'
 * header repeated on every page, text wrapped, numbers as numbers) and the add-in's record of
 * what it wrote (where each 核算得分 column stands, which cells it marked, over which fill).
 */
import type { CellValue } from "../core/grid";
import { SEVERITY_LABEL, fmt, sortFindings } from "../core/findings";
import type { Report, ScoreSheetReport } from "../core/report";
import { MAX_CELL_TEXT, SHEET_MARKER } from "../footprint";
import type { SheetWrite } from "../hosts/port";
import { FILL_UNKNOWN, H } from "./record";
import type { PlannedMark } from "./marks";
import { capText } from "./text";

/** What the plan did with one score sheet, for the record and for describeChanges. */
export interface SheetPlacement {
  sheet: string;
  /** The A1 range of the 核算得分 column written (header to the last row written), null when none. */
  range: string | null;
  /** Why no column was written. */
  skip?: "no_free_column" | "own_column_blocked" | "no_score_column";
  /** The cell of the labelled final below a table without 合计, null when there is none. */
  finalCell: string | null;
  /** Why the final of a table without 合计 is not in the sheet. */
  finalSkip?: "below_not_free";
  /** What each row (0-based) of the column holds (items, subtotals, the total). */
  values: Map<number, CellValue>;
}

/** The workbook's file name, never a folder of the clerk's machine. */
export function fileName(file: string | null): string {
  if (!file) return "当前工作簿";
  return file.split(/[\\/]/).filter(Boolean).pop() ?? file;
}

const SKIP_TEXT = {
  no_free_column: "未写入(表格右侧没有整列空白的位置)",
  own_column_blocked: "未写入(原“核算得分”列中有其他内容)",
  no_score_column: "未写入(没有可核算的评分列)",
} as const;

const RATE = "0.0%";
/** Widths (characters) for A4 landscape: 说明 (D) takes the room, the rest stay narrow. */
const WIDTHS = [11, 14, 8, 68, 24, 7, 8, 9, 9, 12];

export function resultSheet(
  report: Report,
  name: string,
  placements: SheetPlacement[],
  marks: PlannedMark[],
): SheetWrite {
  const rows: CellValue[][] = [];
  const formats: Array<Array<string | null>> = [];
  const bold: number[] = [];
  const lines: number[] = [];
  const push = (row: CellValue[], fmts: Array<string | null> = [], isBold = false) => {
    if (isBold) bold.push(rows.length);
    rows.push(row.map((v) => (typeof v === "string" ? capText(v, MAX_CELL_TEXT) : v)));
    formats.push(row.map((_, i) => fmts[i] ?? null));
  };

  /** A line of text across the sheet (a title, a note): printed whole, not wrapped in column A. */
  const line = (text: string, isBold = false) => {
    lines.push(rows.length);
    push([text], [], isBold);
  };

  line(`${SHEET_MARKER};重新计算时本表整体更新,请勿在此填写)`, true);
  push(["文件", fileName(report.file), "评分列", report.column ?? ""]);
  push([]);
  const scores = report.sheets.filter((s): s is ScoreSheetReport => s.kind === "score");
  const placeOf = new Map(placements.map((p) => [p.sheet, p]));
  // Texts in column D (the wide 说明 column of the findings below), numbers in the narrow ones
  // beside their headers.
  push([H.sheet, "评分列", "满分", "模板", "基本得分", "加减分", "最终得分", "得分率", "一票否决", H.place], [], true);
  for (const s of scores) {
    const t = s.total;
    const p = placeOf.get(s.sheet);
    const place = p?.range ?? (p?.skip ? SKIP_TEXT[p.skip] : "");
    push(
      [s.sheet, s.column, t.max, s.schemeName ?? "未识别", t.base, t.adjustments, t.final, t.rate, t.vetoed ? "是" : "否", place],
      [null, null, null, null, null, null, null, RATE, null, null],
    );
  }
  push([]);
  const notes: string[] = [];
  for (const p of placements) {
    const s = scores.find((x) => x.sheet === p.sheet);
    if (!s) continue;
    if (p.skip === "no_score_column") continue;
    if (p.range === null) notes.push(`工作表“${p.sheet}”的各项得分没有写入原表,见下方“各项得分”。`);
    else if (p.finalSkip) notes.push(`工作表“${p.sheet}”没有合计行,表格下方不是空白单元格(如签字栏),最终得分 ${fmt(s.total.final)} 只列在本表。`);
  }
  for (const n of notes) line(n);
  if (notes.length) push([]);

  push([H.sheet, "满分", "得分", "类别"], [], true);
  for (const s of scores) for (const c of s.categories) push([s.sheet, c.max, c.score, c.name]);
  push([]);

  const unwritten = placements.filter((p) => p.range === null && p.skip !== "no_score_column");
  if (unwritten.length) {
    line("各项得分", true);
    push([H.sheet, "得分单元格", "分值", "项目", "核算得分"], [], true);
    for (const p of unwritten) {
      const s = scores.find((x) => x.sheet === p.sheet);
      if (!s) continue;
      for (const it of s.items) push([s.sheet, it.cell, it.max, it.title, p.values.get(it.row - 1) ?? ""]);
      push([s.sheet, "", s.total.max, "最终得分", s.total.final]);
    }
    push([]);
  }

  const { errors, warnings, infos } = report.summary;
  line(`问题:错误 ${errors} 个,警告 ${warnings} 个,提示 ${infos} 个;已在 ${marks.length} 个单元格上标记`, true);
  const header = rows.length;
  push([H.level, H.sheet, H.cell, H.message, H.code, H.marked, H.fill], [], true);
  const byCell = new Map(marks.map((m) => [`${m.sheet}!${m.cell}`, m]));
  for (const f of sortFindings(report.findings)) {
    const m = f.cell !== null && f.severity !== "info" ? byCell.get(`${f.sheet}!${f.cell}`) : undefined;
    const fill = m ? (m.userFill === undefined ? FILL_UNKNOWN : (m.userFill ?? "")) : "";
    push([SEVERITY_LABEL[f.severity], f.sheet, f.cell ?? "", f.message, f.code, m ? "是" : "", fill]);
  }
  return {
    name,
    rows,
    widths: WIDTHS,
    formats,
    boldRows: bold,
    wrap: true,
    lineRows: lines,
    print: { landscape: true, fitToWidth: true, titleRows: [header, header] },
  };
}
