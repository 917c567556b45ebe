/**
 * Template definitions: the official forms as readable data (one file per template under
 * `defs/`), laid out into sheets by `layout.ts` and written as .xlsx by `npm run templates`.
 */
import type { CellValue } from "../core/grid";
import type { Scheme } from "./types";

/** One column of a score table as printed. */
export interface TemplateColumn {
  /** The field of an item row that fills this column. */
  key: string;
  header: string;
  /** Width in characters. */
  width: number;
  /**
   * Category columns: a value stays merged down over the following rows that leave this column
   * (and every outer merged column) unset, as the official forms merge 类别 cells.
   */
  mergeDown?: boolean;
  /** Score columns the unit or the reviewer fills in (left blank in the template). */
  input?: boolean;
  align?: "left" | "center";
}

/** An item row: column key → printed value (undefined continues a merged category). */
export type ItemRow = { [key: string]: CellValue | undefined };

/** A row spanning the whole table: a section ("一、政务公开重点任务(24分)") or a note. */
export interface SpanRow {
  span: string;
  kind: "section" | "note";
}

/** The 合计/总计 row: its label, and optionally what it prints in other columns. */
export interface TotalRow {
  total: string;
  cells?: { [key: string]: CellValue };
}

export type ScoreRow = ItemRow | SpanRow | TotalRow;

export function isSpanRow(r: ScoreRow): r is SpanRow {
  return typeof (r as SpanRow).span === "string";
}

export function isTotalRow(r: ScoreRow): r is TotalRow {
  return typeof (r as TotalRow).total === "string";
}

export function isItemRow(r: ScoreRow): r is ItemRow {
  return !isSpanRow(r) && !isTotalRow(r);
}

export interface ScoreSheetDef {
  kind: "score";
  name: string;
  title: string;
  /** Lines between the title and the table ("单位(签字盖章):"). */
  preamble?: string[];
  columns: TemplateColumn[];
  rows: ScoreRow[];
  footer?: string[];
}

/** A row of a 统计表: label as printed, its unit ("——" for a heading), indentation level. */
export interface StatRowDef {
  label: string;
  unit: string;
  indent: number;
}

export interface StatisticsSheetDef {
  kind: "statistics";
  name: string;
  title: string;
  preamble?: string[];
  header: [string, string, string];
  rows: StatRowDef[];
  footer?: string[];
}

/** A sheet of text: the 填报说明 and similar notes, one paragraph per row. */
export interface NoteSheetDef {
  kind: "note";
  name: string;
  title: string;
  paragraphs: string[];
}

/** How a cell of a free-form sheet looks. */
export type CellStyle = "title" | "preamble" | "header" | "label" | "text" | "number" | "input" | "section" | "note";

/** A cell of a free-form sheet; `to` makes it the top-left of a merged area. */
export interface FormCell {
  at: string;
  value: CellValue;
  to?: string;
  style: CellStyle;
}

/** A sheet whose layout is not a plain table (the 2021 national annual-report form). */
export interface FormSheetDef {
  kind: "form";
  name: string;
  widths: number[];
  cells: FormCell[];
}

export type SheetDef = ScoreSheetDef | StatisticsSheetDef | NoteSheetDef | FormSheetDef;

export interface TemplateDef {
  /** File name stem: templates/<id>.xlsx. */
  id: string;
  name: string;
  /** Where the form comes from (the seed document and its 附件 number). */
  source: string;
  sheets: SheetDef[];
  /** The scheme of its score sheet, when the template has one. */
  scheme?: Scheme;
}
