import { describe, expect, it } from "vitest";
import { chineseNumeral, parseNumber, toHalfWidth } from "../../../src/core/rules/numbers";

describe("parseNumber", () => {
  it.each([
    ["5", 5],
    ["10.5", 10.5],
    ["0.25", 0.25],
    [".5", 0.5],
    ["10.0", 10],
    ["-2", -2],
    ["+3", 3],
    ["  7  ", 7],
    ["\u30008\u3000", 8],
    ["５", 5],
    ["１０．５", 10.5],
    ["－１", -1],
    ["1,200", 1200],
    ["一", 1],
    ["两", 2],
    ["十", 10],
    ["十五", 15],
    ["二十", 20],
    ["二十五", 25],
    ["一百", 100],
    ["一百零五", 105],
    ["一百五", 150],
    ["三千五", 3500],
    ["一千零五十", 1050],
    ["一万二千", 12000],
    ["零", 0],
    ["零点五", 0.5],
    ["两点五", 2.5],
    ["一点二五", 1.25],
    ["二〇二四", 2024],
    ["叁拾", 30],
    ["负三", -3],
    ["-五", -5],
  ])("%j → %d", (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it.each([
    [""],
    ["   "],
    ["5分"],
    ["分"],
    ["abc"],
    ["1.2.3"],
    ["1,20"],
    ["--1"],
    ["十十"],
    ["百"],
    ["一二三十"],
    ["二十十"],
    ["点五"],
    ["两两"],
    ["一点"],
    ["五点两"],
    ["一万万"],
    ["Infinity"],
    ["NaN"],
    ["1e5"],
    ["0x10"],
    ["1".repeat(400)],
    ["一".repeat(400)],
  ])("%j is not a number", (text) => {
    expect(parseNumber(text)).toBeNull();
  });
});

describe("chineseNumeral", () => {
  it("reads the numerals rule text uses", () => {
    expect(["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"].map(chineseNumeral)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
  it("does not read Arabic digits (parseNumber does)", () => {
    expect(chineseNumeral("5")).toBeNull();
  });
});

describe("toHalfWidth", () => {
  it("maps full-width digits and punctuation one to one", () => {
    expect(toHalfWidth("（３分），每件扣１．５分；")).toBe("(3分),每件扣1.5分;");
    expect(toHalfWidth("a\u3000b")).toBe("a b");
  });
  it("keeps the length, so positions map back to the original", () => {
    const s = "扣２分，最多扣１０分😀";
    expect(toHalfWidth(s)).toHaveLength(s.length);
  });
});
