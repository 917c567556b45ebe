/**
 * Structured rules read from the Chinese rule text of an indicator (its 分值 cell and its
 * 评价办法 / 具体标准 text). Every rule keeps the phrase it came from in `text`: the user's own
 * words, a substring of the text given to `parseRules` (its condition clauses included).
 * Per-unit rules: `unit` null means the step applies once ("未及时报送扣1分"); `unitClass` is the
 * class of unit the rate is for ("一类", "A类", "甲类"), null when it is for everyone.
 */
export type Rule =
  /** "一项未达标扣4分", "每周缺少1条信息扣0.1分": `step` points off per unit; `cap` = "累计不超过N分"/"最多扣N分". */
  | ({ kind: "deduct"; step: number; unit: string | null; cap: number | null; unitClass: string | null; text: string } & PerUnitExtras)
  /** "1件2分", "每次加1.5分": `step` points per unit; `cap` = "满分N分"/"累计不超过N分"/"最高不超过N分". */
  | ({ kind: "bonus"; step: number; unit: string | null; cap: number | null; unitClass: string | null; text: string } & PerUnitExtras)
  /** A cap on the item's whole deduction that stands on its own ("最多扣40分" with no per-unit phrase before it). */
  | { kind: "deduct_cap"; cap: number; text: string }
  /** A cap on the item's whole bonus that stands on its own ("加分最高不超过3分"). */
  | { kind: "bonus_cap"; cap: number; text: string }
  /** "扣完为止", "本项不得分", "得0分": the item floors at 0 (it may be scored 0). */
  | { kind: "floor"; text: string }
  /** "一票否决", "执行一票否决", "分值扣为0分": triggering it sets the whole sheet's final to 0. */
  | { kind: "veto"; text: string }
  /** "以上加分项累计最高5分", a bonus section "加分项(5分)": caps the sum of that section's bonuses. */
  | { kind: "group_bonus_cap"; cap: number; text: string }
  /** "(3分)" inside a criterion, "分值6分": points that make up the item's maximum. */
  | { kind: "points"; points: number; text: string };

/**
 * Optional refinements of a per-unit rule, present only when the text says them.
 * - `per`: the rate is for every `per` units, not every one ("每3处扣1分" → step 1, unit 处, per 3;
 *   "每超过20%加1分" → unit "%", per 20). Absent means 1. `step` stays the points of one step.
 * - `stepMax`: the text gives a range and the assessor picks within it ("扣1-3分", "每次扣0.5分至1分"):
 *   `step` is the least points of one step, `stepMax` the most.
 */
export interface PerUnitExtras {
  per?: number;
  stepMax?: number;
}

export type RuleKind = Rule["kind"];

/**
 * The 分值 cell read on its own. `note`: the words the cell goes on with after its points or its
 * kind ("10分,每项扣2分" → "每项扣2分"), rule text to read with the item's 评价办法.
 */
export type MaxCell =
  | { kind: "scored"; max: number; note?: string }
  /**
   * "加分项" / "扣分项" / "加、扣分项": an adjustment item; `sign` says which way it may go.
   * `cap`: the most the entry may move that way ("加分项(5分)", "加分项(最高5分)", "最多扣10分").
   */
  | { kind: "adjust"; sign: "bonus" | "deduct" | "both"; cap?: number; note?: string }
  | { kind: "veto" }
  | { kind: "blank" }
  | { kind: "unknown"; text: string };

/** Something in the rule text the parser met and could not use. Never thrown. */
export interface RuleIssue {
  code: "rule_not_understood";
  /** The phrase (clause) that was not understood. */
  text: string;
}

export interface ParseResult {
  rules: Rule[];
  issues: RuleIssue[];
}

/**
 * A category or section heading read: "三、加分项(最多加5分)" → name 加分项, cap 5;
 * "组 织 领 导 (20分)", "主动公开(12)", "政府信息公开12分" → name and points. A weight
 * ("(权重20%)") is neither.
 */
export interface Heading {
  name: string;
  points: number | null;
  /** A cap written in the heading's brackets ("最多加5分", "不超过5分"): for bonus/deduction sections. */
  cap: number | null;
}
