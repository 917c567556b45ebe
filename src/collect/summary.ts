/**
 * 汇总.xlsx: a new workbook built from a batch (exceljs creates it; it runs in Node and in the
 * browser alike). Sheets 排名, 通报, 自查与考核 (when any unit filled both columns) and one
 * 反馈单 per unit; every sheet prints on A4, fitted to the width, its header rows repeated.
 */
import ExcelJS from "exceljs";
import { fmt } from "../core/findings";
import type { Batch, BatchUnit, UnitDetail } from "./types";

import { FEEDBACK_PREFIX, SUMMARY_SHEETS } from "./summary-names";
export { FEEDBACK_PREFIX, isSummaryWorkbook, SUMMARY_SHEETS } from "./summary-names";

const THIN = { style: "thin" as const, color: { argb: "FF000000" } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FONT = "宋体";

type Row = Array<string | number | null>;

const classLabel = (c: string | null) => c ?? "未分类";
const pct = (rate: number) => Math.round(rate * 10000) / 10000;
const r2 = (n: number) => Math.round(n * 100) / 100;

interface SheetBuilder {
  ws: ExcelJS.Worksheet;
  title(text: string, width: number): void;
  /** A heading line (a class, a section) across the table. */
  heading(text: string, width: number): void;
  header(cells: string[]): void;
  row(cells: Row, formats?: Array<string | undefined>): void;
  blank(): void;
}

function sheet(wb: ExcelJS.Workbook, name: string, widths: number[], landscape: boolean): SheetBuilder {
  const ws = wb.addWorksheet(name, {
    pageSetup: { paperSize: 9, orientation: landscape ? "landscape" : "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true },
  });
  ws.columns = widths.map((width) => ({ width }));
  let headerRow = 0;
  const b: SheetBuilder = {
    ws,
    title(text, width) {
      const r = ws.addRow([text]);
      r.height = 28;
      r.getCell(1).font = { name: FONT, size: 16, bold: true };
      r.getCell(1).alignment = { horizontal: "center", vertical: "middle" };
      ws.mergeCells(r.number, 1, r.number, width);
    },
    heading(text, width) {
      const r = ws.addRow([text]);
      r.getCell(1).font = { name: FONT, size: 12, bold: true };
      ws.mergeCells(r.number, 1, r.number, width);
    },
    header(cells) {
      const r = ws.addRow(cells);
      r.eachCell((c) => {
        c.font = { name: FONT, size: 11, bold: true };
        c.border = BORDER;
        c.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      });
      // The first table header is the one repeated on every printed page (with the title above it).
      if (!headerRow) {
        headerRow = r.number;
        ws.pageSetup.printTitlesRow = `1:${headerRow}`;
      }
    },
    row(cells, formats = []) {
      const r = ws.addRow(cells);
      for (let c = 1; c <= cells.length; c++) {
        const cell = r.getCell(c);
        cell.font = { name: FONT, size: 11 };
        cell.border = BORDER;
        cell.alignment = { vertical: "middle", wrapText: true };
        if (formats[c - 1]) cell.numFmt = formats[c - 1]!;
      }
    },
    blank() {
      ws.addRow([]);
    },
  };
  return b;
}

function rankingSheet(wb: ExcelJS.Workbook, batch: Batch): void {
  const { units } = batch.result;
  const { rounds } = batch.detail;
  const headers = ["名次", "单位", "满分", "得分", "得分率", "等次", "错误数", "备注", ...rounds.map((r) => `${r.name}(${fmt(r.points)}分)`)];
  const s = sheet(wb, SUMMARY_SHEETS.ranking, [8, 30, 9, 9, 10, 9, 8, 14, ...rounds.map(() => 12)], headers.length > 8);
  s.title(rounds.length ? "考核排名(综合得分)" : "考核排名", headers.length);
  for (const cls of batch.detail.classes) {
    s.heading(`${classLabel(cls.unitClass)}(${cls.units} 个单位)`, headers.length);
    s.header(headers);
    units.forEach((u, i) => {
      if (u.unitClass !== cls.unitClass || u.rank === null) return;
      const d = batch.detail.units[i];
      const note = [u.vetoed ? "一票否决" : "", d.tied ? "并列" : ""].filter(Boolean).join(";");
      const [max, score] = rounds.length ? [batch.detail.rounds.reduce((n, r) => n + r.points, 0), u.total] : [u.max, u.final];
      s.row([u.rank, u.unit, max, score, pct(u.rate), u.grade, u.errors, note || null, ...u.rounds.map((r) => r.contribution)], [undefined, undefined, undefined, undefined, "0.00%"]);
    });
    s.blank();
  }
  const unranked = units.filter((u) => u.rank === null);
  if (unranked.length) {
    s.heading("未排名(没有评分表的工作簿)", headers.length);
    for (const u of unranked) s.row([null, u.unit, null, null, null, null, u.errors, u.files.join("、")]);
  }
}

function bulletinSheet(wb: ExcelJS.Workbook, batch: Batch): void {
  const s = sheet(wb, SUMMARY_SHEETS.bulletin, [8, 34, 14, 14, 30], false);
  s.title("考核结果通报", 5);
  for (const cls of batch.detail.classes) {
    s.heading(`${classLabel(cls.unitClass)}`, 5);
    s.header(["类别", "项目", "单位数", "合格数", "合格率"]);
    s.row([classLabel(cls.unitClass), "参加考核", cls.units, cls.passed, pct(cls.passRate)], [undefined, undefined, undefined, undefined, "0.00%"]);
    s.heading(`${batch.detail.lowest}单位(${cls.failed.length} 个)`, 5);
    s.header(["序号", "单位", "得分", "折合百分制", "原因"]);
    if (!cls.failed.length) s.row([null, "无", null, null, null]);
    cls.failed.forEach((f, k) => s.row([k + 1, f.unit, f.total, r2(f.score100), f.reason]));
    s.heading("失分较多的指标", 5);
    s.header(["序号", "指标", "失分单位数", "累计失分", "类别"]);
    if (!cls.losses.length) s.row([null, "无", null, null, null]);
    cls.losses.forEach((l, k) => s.row([k + 1, l.title, l.units, l.lost, l.category]));
    s.blank();
  }
  if (batch.detail.identical.length) {
    s.heading("统计表数字雷同", 5);
    s.header(["序号", "单位", "文件", "轮次", ""]);
    batch.detail.identical.forEach((g, k) => s.row([k + 1, g.units.join("、"), g.files.join("、"), g.round, null]));
  }
}

function compareSheet(wb: ExcelJS.Workbook, batch: Batch): void {
  const rows = batch.result.units.map((u, i) => ({ u, d: batch.detail.units[i] })).filter((x) => x.d.compare.length > 0);
  if (!rows.length) return;
  const s = sheet(wb, SUMMARY_SHEETS.compare, [24, 8, 40, 8, 10, 10, 10, 50], true);
  s.title("自查与考核得分对照", 8);
  s.header(["单位", "序号", "指标", "分值", "自查得分", "考核得分", "差值", "评分标准"]);
  for (const { u, d } of rows) {
    for (const c of d.compare) s.row([u.unit, c.id, c.title, c.max, c.self, c.review, c.diff, c.rule || null]);
  }
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ], unique. */
function sheetName(unit: string, used: Set<string>): string {
  const base = (FEEDBACK_PREFIX + unit.replace(/[:\\/?*[\]]/g, "_")).slice(0, 31);
  let name = base;
  for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base.slice(0, 31 - String(k).length - 1)}~${k}`;
  used.add(name.toLowerCase());
  return name;
}

function feedbackSheet(wb: ExcelJS.Workbook, u: BatchUnit, d: UnitDetail, name: string): void {
  const s = sheet(wb, name, [8, 14, 36, 8, 8, 8, 36, 36, 24], true);
  s.title(`${u.unit} 考核反馈单`, 9);
  const parts = [`得分 ${fmt(u.total)}`, u.rounds.length ? `满分 ${fmt(u.rounds.reduce((n, r) => n + r.points, 0))}` : `满分 ${fmt(u.max)}`];
  if (u.grade) parts.push(`等次 ${u.grade}`);
  if (u.rank !== null) parts.push(`${u.unitClass ?? ""}第 ${u.rank} 名${d.tied ? "(并列)" : ""}`);
  if (u.vetoed) parts.push("一票否决");
  s.heading(parts.join(",") + (d.column ? `(按“${d.column}”)` : ""), 9);
  s.header(["序号", "类别", "指标", "分值", "得分", "失分", "评分标准", "问题", "整改情况"]);
  if (!d.lost.length) s.row([null, null, "无失分", null, null, null, null, null, null]);
  for (const l of d.lost) {
    s.row([l.id, l.category, l.title, l.max, l.score, l.vetoed ? "一票否决" : l.lost, l.rule || null, l.findings.join("\n") || null, null]);
  }
}


/** Builds the summary workbook of a batch (汇总.xlsx). */
export function buildSummaryWorkbook(batch: Batch): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "考核计分助手";
  rankingSheet(wb, batch);
  bulletinSheet(wb, batch);
  compareSheet(wb, batch);
  const used = new Set(Object.values(SUMMARY_SHEETS).map((n) => n.toLowerCase()));
  batch.result.units.forEach((u, i) => {
    if (u.rank !== null) feedbackSheet(wb, u, batch.detail.units[i], sheetName(u.unit, used));
  });
  return wb;
}

/** The summary workbook as .xlsx bytes. */
export async function summaryBytes(batch: Batch): Promise<Uint8Array> {
  return new Uint8Array(await buildSummaryWorkbook(batch).xlsx.writeBuffer());
}
