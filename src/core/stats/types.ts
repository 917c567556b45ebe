/**
 * The statistics sheet as the engine reads it: one row per value cell, each with the canonical
 * key that says what it counts. Both formats (the 2017 统计表 and the 2021 年报 tables) are read
 * into this same shape, so one checker and one lookup serve both.
 */
import type { CellValue } from "../grid";

export type StatFormat = "2017" | "2021";

/**
 * What a value cell may hold: a count (条/件/次/篇/个/人/人次: a whole number ≥ 0), an amount in
 * 万元 (at most two decimals), 是/否, free text (not checked), or nothing (a heading, unit "——").
 */
export type StatKind = "count" | "money" | "yesno" | "text" | "heading";

export interface StatRow {
  /** Canonical key (see KEYS in format2017.ts / format2021.ts); null when the label is not recognised. */
  key: string | null;
  /** The label as written, trimmed (2021: the row and column names, "三(七)总计·自然人"). */
  label: string;
  /** The label as a message names it: numbering, "其中:", notes in brackets and spaces removed. */
  name: string;
  /** The unit as written ("件", "万元", "是/否", "——"); 2021: the unit the form implies. */
  unit: string;
  kind: StatKind;
  /** The value cell (A1); null for headings. */
  cell: string | null;
  /** The value as entered. */
  value: CellValue;
  /** 2021 matrices: the line (row of the form) and column the cell stands in. */
  line?: string;
  column?: string;
}

/** "whole = Σ parts (− Σ minus)": checked in every column for the 2021 matrix, once for 2017. */
export interface SumIdentity {
  kind: "sum";
  whole: string;
  parts: string[];
  /** Subtracted members, for balances such as 四 = 一 + 二 − 三(七). */
  minus?: string[];
  /** How messages name the parts and the subtracted members; each row's `name` when absent. */
  names?: string[];
  minusNames?: string[];
  /**
   * "any": checked when the whole or any member is filled; "parts": only when a part is filled
   * (a "其中" breakdown that a unit may leave blank while filling its whole).
   */
  when: "any" | "parts";
}

/** "part ≤ whole": a "其中" row, a channel of a total. */
export interface PartIdentity {
  kind: "part";
  part: string;
  whole: string;
}

export type Identity = SumIdentity | PartIdentity;

/** A key that stands for the sum of other keys (a 2021 group without a row of its own, an alias). */
export interface DerivedKey {
  key: string;
  /** How a message names it. */
  name: string;
  sumOf: string[];
}

export interface StatisticsTable {
  sheet: string;
  format: StatFormat;
  rows: StatRow[];
  /** The identities that hold between this table's keys (declared per format, expanded per column). */
  identities: Identity[];
  derived: DerivedKey[];
}
