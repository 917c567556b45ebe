/**
 * The wordings met in the published corpus (test/corpus/published.ts) and in issue #10, as
 * phrase → rules tables: caps in both signs where the grammar allows, digits and Chinese
 * numerals; veto wordings. Then the UNREAD net, walked over the vocabulary it is built from.
 */
import { describe, expect, it } from "vitest";
import { parseRules } from "../../../src/core/rules/parse";
import type { Rule } from "../../../src/core/rules/types";
import { CAP_PHRASES, LACK_WORDS, POINTS_VERBS, THRESHOLD_WORDS, VERBS, VERB_OBJECTS, fillPhrase, type Sign } from "../../../src/core/words/rules";
import { bonus, deduct, expectQuoted, floor, points, veto } from "./helpers";

/** A per-unit rule of either sign, capped. */
const capped = (sign: "bonus" | "deduct", step: number, unit: string | null, cap: number): Rule =>
  sign === "bonus" ? bonus(step, unit, { cap }) : deduct(step, unit, { cap });

/** [wording with {v} for the verb, both signs read alike]: "每次加一分,加满五分为止" and its twin. */
const capWordings: Array<[string, number, string | null, number]> = [
  ["每次{v}一分,{v}满五分为止", 1, "次", 5],
  ["每次{v}1分,{v}满5分为止", 1, "次", 5],
  ["每篇{v}0.5分,{v}满3分止", 0.5, "篇", 3],
  ["每发现一处{v}二分,{v}满十分为止", 2, "处", 10],
  ["每件{v}2分,{v}满10分即止", 2, "件", 10],
  ["每条{v}一分,最多{v}满五分", 1, "条", 5],
  ["每项{v}1分,以{v}5分为限", 1, "项", 5],
  ["每次{v}1分,最多{v}五分", 1, "次", 5],
  ["每次{v}1分,{v}分上限为十分", 1, "次", 10],
  ["每次{v}1分,累计{v}分不超过两分", 1, "次", 2],
];

describe("caps worded other ways, in both signs, digits and Chinese numerals", () => {
  for (const sign of ["bonus", "deduct"] as const) {
    const verb = sign === "bonus" ? "加" : "扣";
    it.each(capWordings)(`%s (${verb})`, (wording, step, unit, cap) => {
      const text = wording.replaceAll("{v}", verb);
      const result = parseRules(text);
      expect(result).toEqual({ rules: [capped(sign, step, unit, cap)], issues: [] });
      expectQuoted(text, result.rules);
    });
  }

  it("扣完…为止 is read for deductions only (no 加完 in the grammar)", () => {
    expect(parseRules("每次扣1分,扣完5分为止").rules).toEqual([deduct(1, "次", { cap: 5 })]);
    expect(CAP_PHRASES.find((p) => p.phrase.includes("完"))?.signs).toEqual(["deduct"]);
  });
});

describe("veto wordings met in published tables", () => {
  it.each([
    ["发生严重泄密案件,依法移送司法机关处理的。直接评定为不符合要求。", [veto]],
    ["发生严重失泄密事件“一票否决”,列为不达标单位。", [veto]],
    ["凡发生重大群体性事件的,实行一票否决制,本年度考核结果列最后1位。", [veto]],
    ["出现单项否决指标中的任意一种情形,即判定为不合格", [veto]],
    ["发生安全责任事故的,直接评定为不合格。", [veto]],
    ["未按时报送的,一律评定为不合格等次", [veto]],
    ["此项为否决项", [veto]],
    ["本条实行一票否决", [veto]],
    // the whole assessment's score, not the item's
    ["凡当月导致重伤及以上事故的,当月考核分为零。", [veto]],
    ["发生一起重伤以上及一二级非伤亡事故,安全管理考核分清零", [veto]],
    ["发生泄密事件的,考核总分归零", [veto]],
    ["发生重大责任事故的,年度考核分计为0分", [veto]],
  ] as Array<[string, Rule[]]>)("%s", (text, rules) => {
    const result = parseRules(text);
    expect(result.rules).toEqual(rules);
    expect(result.issues).toEqual([]);
    expectQuoted(text, result.rules);
  });
});

describe("an item's score of zero is a floor, a range of scores no veto", () => {
  it.each([
    ["本项得分为零", [floor]],
    ["未开展的,本项考核分为0分", [floor]],
    ["考核分为0-100分", [points(100)]],
  ] as Array<[string, Rule[]]>)("%s", (text, rules) => {
    expect(parseRules(text).rules).toEqual(rules);
  });
});

describe("published wordings of steps and floors", () => {
  it.each([
    ["数量低于规定标准,出现一个月扣5分,扣完为止。", [deduct(5, "月"), floor]],
    ["违反此项规定,发现 1 起扣 4 分。", [deduct(4, "起")]],
    ["发现一起扣 6 分。", [deduct(6, "起")]],
    ["未达到要求的,每次扣3分", [deduct(3, "次")]],
    ["每缺一项扣0.2分。", [deduct(0.2, "项")]],
    ["对监测抽查反馈问题未及时整改反馈的,此项不得分", [floor]],
    ["进京非访扣15分/批次", [deduct(15, "批次")]],
  ] as Array<[string, Rule[]]>)("%s", (text, rules) => {
    const result = parseRules(text);
    expect(result).toEqual({ rules, issues: [] });
  });
});

describe("whom the points are taken from or given to: '扣责任部门1分'", () => {
  const amounts: Array<[string, number]> = [["1", 1], ["一", 1], ["0.5", 0.5], ["两", 2]];
  for (const sign of ["bonus", "deduct"] as const) {
    const verb = sign === "bonus" ? "加" : "扣";
    it.each(VERB_OBJECTS.flatMap((o) => amounts.map(([n, v]): [string, string, number] => [o, n, v])))(`${verb}%s%s分 (${sign})`, (object, n, v) => {
      const text = `未按要求落实的,${verb}${object}${n}分`;
      const result = parseRules(text);
      expect(result).toEqual({ rules: [sign === "bonus" ? bonus(v) : deduct(v)], issues: [] });
      expectQuoted(text, result.rules);
    });
  }

  it.each([
    ["扣责任单位1-3分", deduct(1, null, { stepMax: 3 })],
    ["加相关单位一至三分", bonus(1, null, { stepMax: 3 })],
    ["不参加培训的,每次扣责任部门0.5分", deduct(0.5, "次")],
  ] as Array<[string, Rule]>)("%s", (text, rule) => {
    expect(parseRules(text)).toEqual({ rules: [rule], issues: [] });
  });
});

describe("a threshold is the condition of the rule after it, not points", () => {
  const amounts = ["60", "六十"];
  it.each(THRESHOLD_WORDS.flatMap((w) => amounts.map((n): [string, string] => [w, n])))("考核得分%s%s分的,扣5分", (word, n) => {
    const text = `考核得分${word}${n}分的,扣5分`;
    const result = parseRules(text);
    expect(result).toEqual({ rules: [deduct(5)], issues: [] });
    // the condition is quoted with its rule
    expect(result.rules[0].text).toBe(text);
  });

  it.each(THRESHOLD_WORDS.flatMap((w) => amounts.map((n): [string, string] => [w, n])))("考核得分%s%s分的 alone is reported", (word, n) => {
    const text = `考核得分${word}${n}分的`;
    expect(parseRules(text)).toEqual({ rules: [], issues: [{ code: "rule_not_understood", text }] });
  });

  it.each([
    ["学习积分未达41分(一般干部30分),每人扣1分,扣满8分为止", [deduct(1, "人", { cap: 8 })]],
    ["学习积分未达四十一分(一般干部三十分),每人加一分,加满八分为止", [bonus(1, "人", { cap: 8 })]],
    ["得分低于60分(含60分)的,本项不得分", [floor]],
    ["扣分超过十分的,本项不得分", [floor]],
    ["达到90分以上的得5分", [points(5)]],
  ] as Array<[string, Rule[]]>)("%s", (text, rules) => {
    expect(parseRules(text)).toEqual({ rules, issues: [] });
  });
});

describe("a count of one after 缺/少/漏 counts by its unit: '缺一个,扣1分'", () => {
  const units = ["个", "篇", "次", "项"];
  for (const sign of ["bonus", "deduct"] as const) {
    const verb = sign === "bonus" ? "加" : "扣";
    it.each(LACK_WORDS.flatMap((w) => units.flatMap((u) => ["一", "1"].map((n): [string, string, string] => [w, n, u]))))(`%s%s%s,${verb}1分`, (word, n, unit) => {
      const result = parseRules(`${word}${n}${unit},${verb}1分`);
      expect(result).toEqual({ rules: [sign === "bonus" ? bonus(1, unit) : deduct(1, unit)], issues: [] });
    });
  }

  it.each([
    // a minimum, or more than one, is a condition: the rule applies once
    ["年度内至少1次,扣1分", deduct(1)],
    ["少3篇,扣1分", deduct(1)],
    ["每少3篇,扣1分", deduct(1, "篇", { per: 3 })],
  ] as Array<[string, Rule]>)("%s", (text, rule) => {
    expect(parseRules(text)).toEqual({ rules: [rule], issues: [] });
  });
});

/**
 * The UNREAD net: a sentence with a rule verb and an amount is either read into a rule or
 * reported. Walked over every verb of the vocabulary, every cap phrase and both ways of writing
 * the amount, in wordings the recognizers do not know.
 */
describe("the UNREAD net is built from the vocabulary", () => {
  const verbs = [...VERBS.deduct, ...VERBS.bonus, ...POINTS_VERBS];
  const amounts = ["3", "三", "0.5", "十五", "两"];
  const frames = [
    (v: string, n: string) => `情况不符的${v}${n}分`,
    (v: string, n: string) => `情况不符的${v}上${n}分`,
    (v: string, n: string) => `视完成质量${v}至${n}分左右`,
    (v: string, n: string) => `按季度${v}${n}分计`,
  ];

  it.each(verbs.flatMap((v) => amounts.flatMap((n) => frames.map((f) => f(v, n)))))("%s is read or reported", (text) => {
    const { rules, issues } = parseRules(text);
    expect(rules.length + issues.length).toBeGreaterThan(0);
  });

  it.each(CAP_PHRASES.flatMap((p) => (["bonus", "deduct"] as const).filter((s) => !p.signs || p.signs.includes(s)).flatMap((s) => ["3", "三"].map((n): [string, Sign, string] => [p.phrase, s, n]))))(
    "cap phrase %s (%s, %s) with no rule before it is read or reported",
    (phrase, sign, n) => {
      // the phrase alone, its slots filled by hand: a cap with nothing to cap is still no silence
      const verb = sign === "bonus" ? "加" : "扣";
      const text = phrase.replace(/\{verb\}/g, verb).replace(/\{n\}/g, n).replace(/\(\?:为\|是\)\?/g, "").replace(/\?/g, "");
      const { rules, issues } = parseRules(`本项${text}`);
      expect(rules.length + issues.length, text).toBeGreaterThan(0);
      expect(new RegExp(fillPhrase(phrase, sign)).test(text)).toBe(true);
    },
  );

  it("does not take 十分 (very) or 百分点 for amounts", () => {
    expect(parseRules("工作做得十分扎实").issues).toEqual([]);
    expect(parseRules("每增加1个百分点加0.1分").issues).toEqual([]);
  });
});
