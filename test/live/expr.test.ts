/**
 * The expression model behind the live formulas: the text a spreadsheet reads and the value it
 * computes, for the few functions used, with the spreadsheet's own rules (blank equals "" and 0,
 * texts compare without case, OR and AND evaluate every argument, IF only the branch taken).
 */
import { describe, expect, it } from "vitest";
import { AND, IF, ISNUMBER, MIN, OR, ROUND6, SUM, SUMIF, ABS, add, concat, eq, FormulaValueError, gt, neg, num, ref, str, sub, type Value } from "../../src/writeback/live/expr";

const sheet = (cells: Record<string, Value>) => ({
  cell: (row: number, col: number) => cells[`${String.fromCharCode(65 + col)}${row + 1}`] ?? null,
});

describe("formula text", () => {
  it.each([
    [sub(num(10), add(ref(1, 5), ref(2, 5))), "10-(F2+F3)"],
    [sub(num(10), neg(ref(1, 5))), "10-(-F2)"],
    [add(num(1), MIN(num(2), ref(0, 0))), "1+MIN(2,A1)"],
    [sub(num(0), num(-3)), "0-(-3)"],
    [eq(ref(0, 4), str('说"明')), 'E1="说""明"'],
    [SUM({ col: 7, rows: [2, 3, 4, 6, 9, 10] }), "SUM(H3:H5,H7,H10:H11)"],
    [SUMIF({ col: 7, rows: [2, 4] }, ">0"), '(SUMIF(H3,">0")+SUMIF(H5,">0"))'],
    [ROUND6(num(0.1)), "ROUND(0.1,6)"],
  ])("%#: %s", (e, text) => expect(e.text).toBe(text));

  it("splits a sum of very many scattered cells over several SUM calls", () => {
    const rows = Array.from({ length: 70 }, (_, i) => i * 2);
    expect(SUM({ col: 0, rows }).text.match(/SUM\(/g)).toHaveLength(3);
    expect(SUM({ col: 0, rows }).value(sheet({ A1: 1, A3: 2, A141: 100 }))).toBe(3);
  });
});

describe("values as a spreadsheet computes them", () => {
  const s = sheet({ A1: "不适用", A2: 5, A3: "", A4: "YES", A5: true });
  it("compares a blank with '' and 0 as equal, texts without case, a number never with a text", () => {
    expect(eq(ref(9, 0), str("")).value(s)).toBe(true);
    expect(eq(ref(9, 0), num(0)).value(s)).toBe(true);
    expect(eq(ref(3, 0), str("yes")).value(s)).toBe(true);
    expect(eq(ref(1, 0), str("5")).value(s)).toBe(false);
    expect(eq(ref(2, 0), str("")).value(s)).toBe(true);
  });

  it("takes only numbers as numbers (TRUE is no score), and fails where a spreadsheet shows #VALUE!", () => {
    expect(ISNUMBER(ref(4, 0)).value(s)).toBe(false);
    expect(ISNUMBER(ref(1, 0)).value(s)).toBe(true);
    expect(() => ABS(ref(0, 0)).value(s)).toThrow(FormulaValueError);
    // OR and AND evaluate every argument: an error in one is the result, as in Excel
    expect(() => OR(ISNUMBER(ref(0, 0)), gt(ABS(ref(0, 0)), num(0))).value(s)).toThrow(FormulaValueError);
    expect(() => AND(ISNUMBER(ref(0, 0)), gt(ABS(ref(0, 0)), num(0))).value(s)).toThrow(FormulaValueError);
    // IF takes one branch only
    expect(IF(ISNUMBER(ref(0, 0)), ABS(ref(0, 0)), num(0)).value(s)).toBe(0);
  });

  it("has no negative zero, rounds to six decimals, and writes a number in a text as General does", () => {
    expect(Object.is(neg(num(0)).value(s), 0)).toBe(true);
    expect(ROUND6(add(num(0.1), num(0.2))).value(s)).toBe(0.3);
    expect(concat(str("最终得分 "), ROUND6(num(92.5))).value(s)).toBe("最终得分 92.5");
  });
});
