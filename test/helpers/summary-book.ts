/**
 * Workbooks with a summary sheet (汇总表) as clerks make them: two score sheets and a summary whose
 * 满分/得分 are typed or formulas referencing the sheets (='政务公开'!F8) with their saved results.
 * Written once as cells, turned into engine grids, an exceljs workbook (the file Excel saves) or
 * raw OOXML sheets (test/xlsx/ooxml.ts).
 */
import ExcelJS from "exceljs";
import { parseRange, type CellValue, type Grid, type Merge } from "../../src/core/grid";
import type { Cell, SheetSpec } from "../xlsx/ooxml";
import { workbookOf } from "./xlsx";

/** A sheet: rows of values or formulas (`f` without "=", `v` its saved result), merges as A1 ranges. */
export interface BookSheet {
  name: string;
  rows: Cell[][];
  merges?: string[];
}

/**
 * 政务公开: two score columns (自查评分, 考核评分), three categories, a 合计 row of SUM formulas.
 * Self: 公开平台 18/20, 主动公开 28/30, 依申请公开 10/10 → 56/60; review: 15, 21, 8 → 44.
 * `self` overrides the 自查评分 entries of the five items, `savedTotal` the saved result of F8's SUM
 * (a file saved without recalculating keeps the old one).
 */
export function openSheet(name = "政务公开", self: number[] = [8, 10, 18, 10, 10], savedTotal?: number): BookSheet {
  const review = [6, 9, 16, 5, 8];
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return {
    name,
    rows: [
      ["2023年度政务公开工作考核评分表"],
      ["类别", "序号", "考核内容", "分值", "评分标准", "自查评分", "考核评分"],
      ["公开平台", 1, "政府网站信息发布及时", 10, "未及时更新的扣2分", self[0], review[0]],
      [null, 2, "政务新媒体运维规范", 10, "发现一处问题扣1分", self[1], review[1]],
      ["主动公开", 3, "重点领域信息公开", 20, "缺一项扣2分", self[2], review[2]],
      [null, 4, "政策解读", 10, "未解读的扣5分", self[3], review[3]],
      ["依申请公开", 5, "依申请公开办理规范", 10, "逾期答复一件扣2分", self[4], review[4]],
      ["合计", null, null, { f: "SUM(D3:D7)", v: 60 }, null, { f: "SUM(F3:F7)", v: savedTotal ?? sum(self) }, { f: "SUM(G3:G7)", v: sum(review) }],
    ],
    merges: ["A1:G1", "A3:A4", "A5:A6"],
  };
}

/** 依法行政: one 自查评分 column; 35 of 40. */
export function lawSheet(name = "依法行政"): BookSheet {
  return {
    name,
    rows: [
      ["序号", "考核内容", "分值", "评分标准", "自查评分"],
      [1, "重大行政决策程序规范", 15, "缺少一个法定程序扣3分", 12],
      [2, "行政规范性文件合法性审核", 15, "未经审核的扣5分", 15],
      [3, "行政执法公示", 10, "未公示的扣2分", 8],
      ["合计", null, 40, null, 35],
    ],
  };
}

const q = (sheet: string) => `'${sheet}'`;

/**
 * The summary of both sheets, one row per sheet, every number a formula into the sheets with
 * its saved result. `labels` as the rows name the sheets; `saved` overrides the saved results
 * of the 自评得分 cells (a stale result: the sheet changed, the summary was not recalculated).
 */
export function summarySheet(opts: { name?: string; labels?: [string, string]; sheets?: [string, string]; selfSaved?: [number, number] } = {}): BookSheet {
  const [open, law] = opts.sheets ?? ["政务公开", "依法行政"];
  const [l1, l2] = opts.labels ?? [open, law];
  const [s1, s2] = opts.selfSaved ?? [56, 35];
  return {
    name: opts.name ?? "考核汇总",
    rows: [
      ["2023年度考核得分汇总表"],
      ["序号", "考核项目", "满分", "自评得分", "考核得分"],
      [1, l1, { f: `${q(open)}!D8`, v: 60 }, { f: `${q(open)}!F8`, v: s1 }, { f: `${q(open)}!G8`, v: 44 }],
      [2, l2, { f: `${q(law)}!C5`, v: 40 }, { f: `${q(law)}!E5`, v: s2 }, null],
      ["合计", null, { f: "SUM(C3:C4)", v: 100 }, { f: "SUM(D3:D4)", v: s1 + s2 }, { f: "SUM(E3:E4)", v: 44 }],
    ],
    merges: ["A1:E1"],
  };
}

/** The engine's grid of a sheet: saved results as values, which cells hold formulas, merges. */
export function gridOfBook(s: BookSheet): Grid {
  const cells: CellValue[][] = [];
  const formulas: boolean[][] = [];
  s.rows.forEach((row, r) => {
    cells[r] = row.map((c) => (c !== null && typeof c === "object" ? (c.v ?? null) : c));
    row.forEach((c, col) => {
      if (c !== null && typeof c === "object") (formulas[r] ??= [])[col] = true;
    });
  });
  const merges = (s.merges ?? []).map((m) => parseRange(m)).filter((m): m is Merge => m !== null);
  return { name: s.name, cells, merges, formulas };
}

/** An exceljs workbook of the sheets (formulas with their results, as Excel saves them). */
export function excelBook(sheets: BookSheet[]): ExcelJS.Workbook {
  const wb = workbookOf(sheets.map(gridOfBook));
  for (const s of sheets) {
    const ws = wb.getWorksheet(s.name)!;
    s.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && typeof v === "object") ws.getCell(r + 1, c + 1).value = { formula: v.f, result: v.v ?? undefined };
      }),
    );
  }
  return wb;
}

/** The sheets as raw OOXML sheet specs (test/xlsx/ooxml.ts). */
export function ooxmlSheets(sheets: BookSheet[]): SheetSpec[] {
  return sheets.map((s) => ({ name: s.name, rows: s.rows, merges: s.merges }));
}
