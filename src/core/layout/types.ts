/**
 * What reading a score table's layout gives: the table with its column roles, groups (categories,
 * sections, shared-title blocks), indicators, total and subtotals. The shape every step of the
 * layout pipeline (detect.ts) fills in and the scorer reads.
 */
import type { CellValue } from "../grid";
import type { Rule, RuleIssue } from "../rules/types";
import type { ColumnMap } from "./columns";

export type GroupKind = "normal" | "bonus" | "deduct" | "both";

/** A category, section or shared-title block that items belong to. */
export interface Group {
  key: string;
  name: string;
  level: number;
  declared: number | null;
  /** Where the declared points are written (the heading cell). */
  cell: string;
  kind: GroupKind;
  /** Caps on the sum of the group's bonuses (note rows, bonus headings, scheme data). */
  bonusCaps: Array<{ cap: number; cell: string; text: string }>;
  /** Caps on the sum of the group's deductions ("扣分项(最多扣10分)"). */
  deductCaps: Array<{ cap: number; cell: string; text: string }>;
}

export interface Indicator {
  /** 0-based row of the item (the first row when a merged 分值 joins several rows). */
  row: number;
  id: string | null;
  title: string;
  /** Group keys, outermost first; the first is the item's category. */
  groups: string[];
  kind: "scored" | "adjust" | "veto";
  /** 分值 for scored items; null when unknown. */
  max: number | null;
  /** For adjustment items: which way the entry may go. */
  sign: "bonus" | "deduct" | "both" | null;
  /** A number written as the 分值 of an item in a bonus/deduct section: its cap. */
  sectionCap: number | null;
  rules: Rule[];
  issues: RuleIssue[];
  /** The 分值 cell (A1) or the text cell the points came from. */
  maxCell: string | null;
  /** "(N分)" written in the item's own title when the maximum came from elsewhere, and its cell. */
  declared: { points: number; cell: string } | null;
  /**
   * The points its criterion text states in parts ("决策草案【2分】; 决策依据【2分】…"), summed, and
   * the criterion's cell; null or absent when it states none.
   */
  parts?: { points: number; cell: string } | null;
}

export interface ScoreTable {
  sheet: string;
  /** Text above the header (the sheet's title lines), for display and scheme recognition. */
  title: string;
  headerRow: number;
  columns: ColumnMap;
  groups: Map<string, Group>;
  items: Indicator[];
  total: TotalRow | null;
  /**
   * 小计 rows (the sum of one group: `group` its key) and a 合计 that closes the base items before
   * 附加分 rows (`group` null: every item above it).
   */
  subtotals: Array<TotalRow & { group: string | null; label: string }>;
  lastRow: number;
  /**
   * The score every unit starts from, stated in a note under the table or a line above its header
   * ("注:各科室基础得分为6分,扣完为止,加分无上限") when the items have no 分值 of their own (they only add
   * to it or take from it); absent otherwise. `text`: the words that state it ("基础得分为6分"), `cell` theirs.
   */
  base?: { points: number; cell: string; text: string };
}

/** A row that sums the items above it: its 0-based row and the 分值 it declares, if any. */
export interface TotalRow {
  row: number;
  declared: number | null;
  declaredCell: string | null;
}

/**
 * An item row as the row walk keeps it for the later steps (repairs, groups, indicators): its
 * texts, its 分值 as written, and the merged areas it lies in.
 */
export interface ItemRow {
  row: number;
  id: string | null;
  titleText: string;
  methodText: string;
  /** The merged title cell over this row and others ("top,left"), if any. */
  titleMerge: string | null;
  maxValue: CellValue;
  maxSpan: { top: number; bottom: number } | null;
  /** A score cell merged down over this row and others: one entry for all of them. */
  scoreSpan: { top: number; bottom: number } | null;
  categories: Array<{ text: string; cell: string }>;
  /** Whether any score column of the row is filled in. */
  scoreFilled: boolean;
  /**
   * Group keys, outermost first. Rows of one category share one array: a step that changes a
   * row's groups gives it a new array, never changes the shared one.
   */
  groups: string[];
}
