import { describe, expect, it } from "vitest";
import { displayName, kindOfUnit, matchText, readValue } from "../../../src/core/stats/text";

describe("readValue", () => {
  it.each([
    [17, 17],
    ["17", 17],
    [" 17 ", 17],
    ["17条", 17],
    ["3 人次", 3],
    ["１７", 17],
    ["1,234", 1234],
    ["0.5万元", 0.5],
  ])("%j reads as the number %j", (entered, value) => {
    expect(readValue(entered)).toEqual({ kind: "number", value });
  });

  it.each([["若干"], ["无"], ["十七"], ["17条左右"], ["1-2"], [true], ["2."], ["9".repeat(400)]])("%j is text, not a number", (entered) => {
    expect(readValue(entered).kind).toBe("text");
  });

  it.each([[null], [""], ["   "], ["\u3000"]])("%j is blank", (entered) => {
    expect(readValue(entered).kind).toBe("blank");
  });

  it.each([["是"], [" 否 "]])("%j is a yes/no answer", (entered) => {
    expect(readValue(entered).kind).toBe("yesno");
  });
});

describe("labels", () => {
  it.each([
    ["  (一)主动公开政府信息数    (不同渠道和方式公开相同信息计1条)", "主动公开政府信息数"],
    ["其中:主动公开规范性文件数", "主动公开规范性文件数"],
    // full-width brackets, colon and full stop, as most sheets type them
    ["\uff08一\uff09主动公开政府信息数\uff08不同渠道和方式公开相同信息计1条\uff09", "主动公开政府信息数"],
    ["其中\uff1a涉及国家秘密", "涉及国家秘密"],
    ["1\uff0e政府公报公开政府信息数", "政府公报公开政府信息数"],
    ["\uff08三\uff09\u3000其他情形数", "其他情形数"],
    ["其中:涉及国家秘密的", "涉及国家秘密的"],
    ["1.专职人员数(不包括政府公报及政府网站工作人员数)", "专职人员数"],
    ["五、 行政诉讼数量", "行政诉讼数量"],
    ["(七)总计", "总计"],
    ["1、当面申请数", "当面申请数"],
    ["统 计 指 标", "统计指标"],
    ["2017年度统计", "2017年度统计"],
  ])("%j is named %j", (label, name) => {
    expect(displayName(label)).toBe(name);
  });

  it("drops punctuation for matching", () => {
    expect(matchText("不是《条例》所指政府信息")).toBe("不是条例所指政府信息");
  });
});

describe("kindOfUnit", () => {
  it.each([
    ["条", "count"],
    ["人次", "count"],
    [" 件 ", "count"],
    ["万元", "money"],
    ["是/否", "yesno"],
    ["——", "heading"],
    ["—", "heading"],
    ["", null],
    ["公顷", null],
  ])("%j → %j", (unit, kind) => {
    expect(kindOfUnit(unit)).toBe(kind);
  });
});

describe("readValue: dashes", () => {
  it.each([["—"], ["——"], ["-"], ["/"]])("%j, how units leave a cell empty, is blank", (entered) => {
    expect(readValue(entered).kind).toBe("blank");
  });

  it("reads a negative number as a number, not a dash", () => {
    expect(readValue("-1")).toEqual({ kind: "number", value: -1 });
  });
});
