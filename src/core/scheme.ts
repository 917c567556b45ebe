/**
 * A template definition (scheme): the data a known 考核 template brings that its text does not
 * state: how to recognise it, group caps, unit classes, weights and score ↔ statistics cross-checks.
 * The engine walks these as data; a new template is one more definition, not a code branch.
 */
export interface GroupCap {
  /** The category (or section) whose bonus items share the cap; compared without white space. */
  category: string;
  cap: number;
}

export interface Scheme {
  id: string;
  name: string;
  /** Texts that identify the template in a workbook: its title and its indicator texts. */
  match: { title: string[]; indicators: string[] };
  groupCaps?: GroupCap[];
  /** The template's full marks when no 合计 row states them (根河: 100). */
  declaredMax?: number;
  /** Unit classes the rates depend on (一类, 二类), the first is the default. */
  unitClasses?: string[];
  /** Category points the text leaves implicit (临淄: 日常考核 80 = 4 × 20, 年终考核 20). */
  weights?: CategoryWeight[];
  /** Checks of this sheet's points against the 统计表 in the same workbook. */
  crossChecks?: CrossCheck[];
}

/**
 * A row of a statistics table named for a cross-check: `key` is the canonical key of the
 * statistics module (statValue(table, key)); `label` is the printed wording, used in messages
 * and to find the row when a table's format has no such key.
 */
export interface StatRef {
  key: string;
  label: string;
}

/** The score item a cross-check reads: its 序号 as printed and its title (matched by similarity). */
export interface ItemRef {
  id: string | null;
  title: string;
}

interface CrossCheckBase {
  /** Stable id ("genhe.interpretation"). */
  id: string;
  /** What the reviewer calls the check; the `check` field of the finding ("政策解读加分"). */
  name: string;
  item: ItemRef;
}

/**
 * Score-sheet ↔ statistics-table checks, declared by a scheme and walked by the cross-check
 * runner. Each kind states its own condition; the runner never branches on a scheme.
 */
export type CrossCheck =
  /** The item's positive points buy units at `pointsPerUnit` each; the units claimed must not exceed the statistic. */
  | (CrossCheckBase & { kind: "units_at_most"; pointsPerUnit: number; unit: string; stat: StatRef })
  /** Any positive points need at least one of the statistics above 0. */
  | (CrossCheckBase & { kind: "needs_positive"; stats: StatRef[] })
  /** Any positive points need the 是/否 statistic to say 是. */
  | (CrossCheckBase & { kind: "needs_yes"; stat: StatRef })
  /**
   * Every unit counted by the statistics (summed) must show as a deduction of `pointsPerUnit`:
   * the item may score at most its bonus ceiling minus pointsPerUnit × units. The ceiling is
   * `ceiling`, or less when `ceilingPerUnit` × the `ceilingStat` statistic is lower.
   */
  | (CrossCheckBase & {
      kind: "deduction_per_unit";
      pointsPerUnit: number;
      unit: string;
      stats: StatRef[];
      ceiling: number;
      ceilingPerUnit?: number;
      ceilingStat?: StatRef;
    });

/**
 * Points a template gives a category that its text does not spell out per item, e.g. 临淄's
 * 日常考核 80 = four quarters × 20 and 年终考核 20.
 */
export interface CategoryWeight {
  category: string;
  points: number;
  /** The equal periods the points are split into (第一季度 … 第四季度). */
  periods?: string[];
}
