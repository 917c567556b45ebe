import { expect } from "vitest";
import type { Rule } from "../../../src/core/rules/types";

/** Shorthands for expected rules in the phrase → rules tables; `text` is any string unless given. */
const any = expect.any(String);
type Extra = { cap?: number | null; unitClass?: string | null; text?: string; per?: number; stepMax?: number };
export const deduct = (step: number, unit: string | null = null, extra: Extra = {}): Rule =>
  ({ kind: "deduct", step, unit, cap: null, unitClass: null, text: any, ...extra }) as Rule;
export const bonus = (step: number, unit: string | null = null, extra: Extra = {}): Rule =>
  ({ kind: "bonus", step, unit, cap: null, unitClass: null, text: any, ...extra }) as Rule;
export const points = (n: number, text: string = any): Rule => ({ kind: "points", points: n, text });
export const deductCap = (cap: number): Rule => ({ kind: "deduct_cap", cap, text: any });
export const bonusCap = (cap: number): Rule => ({ kind: "bonus_cap", cap, text: any });
export const groupCap = (cap: number): Rule => ({ kind: "group_bonus_cap", cap, text: any });
export const floor: Rule = { kind: "floor", text: any };
export const veto: Rule = { kind: "veto", text: any };

/** The shorthands leave `text` open; each rule must still quote its own words, in reading order. */
export function expectQuoted(text: string, rules: Rule[]) {
  let from = 0;
  for (const rule of rules) {
    expect(rule.text.trim()).not.toBe("");
    const at = text.indexOf(rule.text, from);
    expect(at, `"${rule.text}" quoted from "${text}" after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at;
  }
}
