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
