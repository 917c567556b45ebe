import type { CellValue } from "../../src/core/grid";

/**
 * Plain arithmetic of numbers as Excel and ET compute a formula written into a cell; anything
 * else is #NAME? (the fakes do not compute worksheet functions: tests compare formulas as text).
 */
export function evaluate(formula: string): CellValue {
  const body = formula.slice(1);
  if (/^[\d\s+\-*/().]+$/.test(body)) {
    try {
      const n = Function(`"use strict";return (${body});`)() as number;
      return Number.isFinite(n) ? n : "#DIV/0!";
    } catch {
      return "#NAME?";
    }
  }
  return "#NAME?";
}
