/**
 * The vocabulary moved into core/words from the layout, the statistics readers and the rule
 * parser: numbering, headings, points in brackets, header levels, unit classes, statistics
 * headers. Each table says what a word or shape matches and what it must not.
 */
import { describe, expect, it } from "vitest";
import { roleOf } from "../../../src/core/layout/columns";
import { CANONICAL_HEADER, LEVEL_WORD } from "../../../src/core/words/headers";
import {
  CHINESE_COMMA_NUMBERED,
  COLUMN_LETTER,
  HEADING_NUMBERED,
  INNER_NUMBER,
  SECTION_NUMBERED,
  numberStyleOf,
} from "../../../src/core/words/numbering";
import { ENDS_IN_POINTS, POINTS_IN_BRACKETS, UNCLOSED_POINTS } from "../../../src/core/words/points";
import { CATEGORY_TOTAL, HEADING, SUBTOTAL_WORDS, SUM_MARK, SUM_WORDS } from "../../../src/core/words/rows";
import { PREAMBLE } from "../../../src/core/words/titles";
import { ADJUST_CELL, CAP_WORD, CONDITION_AFTER, CONDITION_BEFORE, EACH_BEFORE, MINIMUM_BEFORE, SAYS_BONUS, SAYS_DEDUCT, SPEAKS_OF_POINTS, UNIT_CLASS, VETO_CELL } from "../../../src/core/words/rules";
import {
  ANNUAL_ANCHORS,
  ANNUAL_NEXT_TABLE,
  SCORE_SHEET_HEADER,
  STAT_FOOTER,
  STAT_LABEL_HEADER,
  STAT_UNIT_HEADER,
  STAT_UNIT_HEADER_RAW,
  STAT_UNIT_MARK,
  VALUE_HEADER_COUNT,
  VALUE_HEADER_NOT_THIS_YEAR,
  VALUE_HEADER_THIS_YEAR,
  VALUE_HEADER_YEAR,
} from "../../../src/core/words/stats";

describe("numbering", () => {
  it.each([
    ["一、组织领导", true, true],
    ["十二、附加分", true, true],
    ["(二)政策解读", true, true],
    ["（三）依申请公开", true, true],
    ["第三部分 考核办法", true, true],
    ["第二章 总则", true, false],
    ["3.平台建设", true, false],
    ["2、信息发布", true, false],
    ["2.5分", false, false],
    ["组织领导", false, false],
    ["一票否决", false, false],
  ])("%s: a heading's number %s, a section's %s", (text, heading, section) => {
    expect(HEADING_NUMBERED.test(text)).toBe(heading);
    expect(SECTION_NUMBERED.test(text)).toBe(section);
  });

  it.each([
    ["一、工作要求", true],
    ["十二、附则", true],
    ["(一)工作要求", false],
    ["1、工作要求", false],
    ["一是要加强领导", false],
  ])("a note sheet's section paragraph: %s → %s", (text, expected) => {
    expect(CHINESE_COMMA_NUMBERED.test(text)).toBe(expected);
  });

  it.each([
    ["(三)不予公开 1.属于国家秘密", ["(三)不予公开", "1.属于国家秘密"]],
    ["(三)不予公开1、属于国家秘密", ["(三)不予公开", "1、属于国家秘密"]],
    ["三、收到和处理政府信息公开申请情况(一)予以公开", ["三、收到和处理政府信息公开申请情况", "(一)予以公开"]],
    ["1.属于国家秘密", ["1.属于国家秘密"]],
    ["本年新收政府信息公开申请数量", ["本年新收政府信息公开申请数量"]],
    // a decimal is no number of a label
    ["收费金额2.5万元", ["收费金额2.5万元"]],
    // after a number or an opening bracket: the same label
    ["(1)属于国家秘密", ["(1)属于国家秘密"]],
  ])("a second label inside one cell: %s", (text, parts) => {
    expect(text.split(INNER_NUMBER).filter((p) => p.trim() !== "")).toEqual(parts);
  });

  it.each([
    ["1.", "9."],
    ["12、", "9."],
    ["(1)", "(9)"],
    ["(一)", "(七)"],
    ["二十一、", "七."],
    ["③", "①"],
  ])("the style of %s is %s", (number, style) => {
    expect(numberStyleOf(number)).toBe(style);
  });

  it("tells (1) from (一) and 1. from ①", () => {
    expect(numberStyleOf("(1)")).not.toBe(numberStyleOf("(一)"));
    expect(numberStyleOf("1.")).not.toBe(numberStyleOf("①"));
  });

  it.each([
    ["甲", true],
    ["丁", true],
    ["戊", false],
    ["甲乙", false],
    ["1", false],
  ])("a statistical form's column letter: %s → %s", (text, expected) => {
    expect(COLUMN_LETTER.test(text)).toBe(expected);
  });
});

describe("a title's preamble (where the duty comes from)", () => {
  it.each([
    ["按照政府信息公开条例的有关要求", true],
    ["根据《政府信息公开条例》规定", true],
    ["严格按照市政府办公室的工作部署", true],
    ["依据《条例》", true],
    ["根据实际情况", false],
    ["按照要求开展培训", false],
    ["及时维护网站各类栏目", false],
  ])("%s is a preamble: %s", (text, expected) => {
    expect(PREAMBLE.test(text)).toBe(expected);
  });
});

describe("headings and points beside a name", () => {
  it.each([
    ["一、重点工作", true],
    ["重点工作(20分)", true],
    ["重点工作（共20分）", true],
    ["重点工作(满分10分)", true],
    ["重点工作(分值５分)", true],
    ["重点工作(20分)说明", false],
    ["2023年政府信息公开情况统计表", false],
    ["以上加分项累计最高5分", false],
  ])("%s is a heading: %s", (text, expected) => {
    expect(HEADING.test(text)).toBe(expected);
  });

  it.each([
    ["重点工作(20分)", true],
    ["重点工作（１０分）", true],
    ["重点工作(20分", false],
    ["扣2分", false],
  ])("%s ends in its points: %s", (text, expected) => {
    expect(ENDS_IN_POINTS.test(text)).toBe(expected);
  });

  it.each([
    ["政策解读(5分)", "政策解读"],
    ["政策解读（ 分值 5 分 ）及时", "政策解读及时"],
    ["政策解读(5分)、回应关切(3分)", "政策解读、回应关切"],
    ["政策解读(每件2分)", "政策解读(每件2分)"],
  ])("points in brackets taken out of %s → %s", (text, name) => {
    expect(text.replace(POINTS_IN_BRACKETS, "")).toBe(name);
  });

  it.each([
    ["主动\n公开\n（60分", true],
    ["主动公开(60 分 ", true],
    ["主动公开(60分)", false],
    ["主动公开60分", false],
  ])("a bracket a page break left open: %j → %s", (text, expected) => {
    expect(UNCLOSED_POINTS.test(text)).toBe(expected);
  });

  it.each([
    ["合计", true],
    ["合计得分", true],
    ["小计", false],
    ["总计", false],
  ])("beside a merged category, %s sums it: %s", (text, expected) => {
    expect(CATEGORY_TOTAL.test(text)).toBe(expected);
  });
});

describe("sum rows", () => {
  it.each([
    ["小计", true],
    ["本项小计", true],
    ["小计得分", true],
    ["加分合计", true],
    ["附加分合计得分", true],
    ["本类合计", true],
    ["合计", false],
    ["总计", false],
    ["小计说明", false],
  ])("%s is a group's own sum: %s", (text, expected) => {
    expect(SUBTOTAL_WORDS.test(text)).toBe(expected);
  });

  it("every sum word has the mark rows are sifted by, so no sum row is passed over unread", () => {
    for (const w of SUM_WORDS) expect(w).toContain(SUM_MARK);
    for (const w of ["小计", "本项小计", "加分合计", "扣分项小计得分"]) if (SUBTOTAL_WORDS.test(w)) expect(w).toContain(SUM_MARK);
    expect(CATEGORY_TOTAL.source).toContain(SUM_MARK);
  });
});

describe("header words", () => {
  it.each([
    ["一级指标", true],
    ["五级指标", true],
    ["九级指标", true],
    ["十级指标", false],
    ["指标", false],
    ["一级指标分值", false],
  ])("%s is an indicator level: %s", (text, expected) => {
    expect(LEVEL_WORD.test(text)).toBe(expected);
  });

  it("each canonical header word names its own role", () => {
    for (const [role, word] of Object.entries(CANONICAL_HEADER)) expect(roleOf(word)).toBe(role);
  });

  it.each([
    ["每缺一项扣2分", true],
    ["按时完成得3分", true],
    ["未完成不得分", true],
    ["根据日常监控评分", true],
    ["成立领导小组", false],
    ["及时更新政府信息", false],
  ])("%s speaks of points: %s", (text, expected) => {
    expect(SPEAKS_OF_POINTS.test(text)).toBe(expected);
  });
});

describe("unit classes in rule text", () => {
  const classes = (text: string) => [...text.matchAll(UNIT_CLASS)].map((m) => m[1]);
  it.each([
    ["一类考核单位每周缺少1条信息扣0.1分", ["一"]],
    ["一类单位扣0.1分,二类单位扣0.2分", ["一", "二"]],
    ["A类地区每项2分", ["A"]],
    ["甲类:每项2分", ["甲"]],
    ["适用于三类", ["三"]],
    ["12类部门", ["12"]],
    ["同一类问题重复出现的不重复扣分", []],
    ["每类单位各报一份", []],
    ["三类人员", []],
  ])("%s → %j", (text, expected) => {
    expect(classes(text)).toEqual(expected);
  });
});

describe("statistics-sheet words", () => {
  it.each([
    ["统计指标", true],
    ["统计指标名称", true],
    ["指标项目", true],
    ["统计内容", true],
    ["项目名称", true],
    ["考核项目", false],
    ["指标值", false],
  ])("%s heads the labels: %s", (text, expected) => {
    expect(STAT_LABEL_HEADER.test(text)).toBe(expected);
  });

  it.each([
    ["单位", true, true],
    ["计量单位", true, true],
    ["计 量\n单 位", false, true],
    ["单位名称", false, false],
    ["填报单位", false, false],
  ])("%j heads the units: %s (raw text: %s)", (text, clean, raw) => {
    expect(STAT_UNIT_HEADER.test(text)).toBe(clean);
    expect(STAT_UNIT_HEADER_RAW.test(text)).toBe(raw);
  });

  it.each([
    ["分值", true],
    ["自评得分", true],
    ["考核内容", true],
    ["统计数", false],
    ["单位", false],
  ])("%s belongs to a score sheet: %s", (text, expected) => {
    expect(SCORE_SHEET_HEADER.test(text)).toBe(expected);
  });

  it.each([
    ["单位负责人:张三", true],
    ["填报日期:2024年1月", true],
    ["注:本表数据截至12月31日", true],
    ["说明:", true],
    ["注册登记数", false],
    ["说明书发放数", false],
  ])("%s is under the table: %s", (text, expected) => {
    expect(STAT_FOOTER.test(text)).toBe(expected);
  });

  it.each([
    ["上年数", "not this year"],
    ["代码", "not this year"],
    ["本年数", "this year"],
    ["全年", "this year"],
    ["统计数", "count"],
    ["数量", "count"],
    ["2023年", "year"],
    ["2023年度数", "year"],
    ["指标", "none"],
  ])("the value column %s: %s", (text, expected) => {
    const rank = VALUE_HEADER_NOT_THIS_YEAR.test(text)
      ? "not this year"
      : VALUE_HEADER_THIS_YEAR.test(text)
        ? "this year"
        : VALUE_HEADER_COUNT.test(text)
          ? "count"
          : VALUE_HEADER_YEAR.test(text)
            ? "year"
            : "none";
    expect(rank).toBe(expected);
  });

  it("every unit header has the mark rows are sifted by", () => {
    for (const w of ["单位", "计量单位", "计 量 单 位"]) {
      expect(STAT_UNIT_HEADER_RAW.test(w)).toBe(true);
      expect(w).toContain(STAT_UNIT_MARK);
    }
  });

  it("the 年报's tables are found by four distinct header words", () => {
    const words = Object.values(ANNUAL_ANCHORS);
    expect(new Set(words).size).toBe(4);
    expect(words).toContain("行政复议");
    expect(words.filter((w) => ANNUAL_NEXT_TABLE.test(w))).toEqual(["行政复议", "行政诉讼"]);
  });

  it.each([
    ["四、政府信息公开行政复议、行政诉讼情况", true],
    ["五、存在的主要问题及改进情况", true],
    ["(七)总计", false],
  ])("%s starts the 年报's next table: %s", (text, expected) => {
    expect(ANNUAL_NEXT_TABLE.test(text)).toBe(expected);
  });
});

describe("the rule reader's words around counts and cells", () => {
  it.each([
    [EACH_BEFORE, "每超过", true],
    [EACH_BEFORE, "每发现", true],
    [EACH_BEFORE, "每周缺少", false],
    [CONDITION_BEFORE, "年度内至少", true],
    [CONDITION_BEFORE, "排名第", true],
    [CONDITION_BEFORE, "每项扣", false],
    [MINIMUM_BEFORE, "不少于", true],
    [MINIMUM_BEFORE, "超过", false],
    [CONDITION_AFTER, "内完成", true],
    [CONDITION_AFTER, "日前", false],
    [CONDITION_AFTER, "31日前", true],
    [CONDITION_AFTER, "次,扣1分", false],
    [SAYS_BONUS, "附加分:", true],
    [SAYS_DEDUCT, "减分项", true],
    [SAYS_BONUS, "扣分项", false],
    [VETO_CELL, "一票否决项", true],
    [VETO_CELL, "否决项", true],
    [VETO_CELL, "单项否决指标(出现即否决)", true],
    [VETO_CELL, "一票否决情形的说明", false],
    [ADJUST_CELL, "加、扣分项", true],
    [ADJUST_CELL, "附加分项", true],
    [ADJUST_CELL, "加强领导", false],
    [CAP_WORD, "最多加5分", true],
    [CAP_WORD, "加分不得超过5分", true],
    [CAP_WORD, "累计5分", false],
  ] as Array<[RegExp, string, boolean]>)("%s on %s: %s", (re, text, hit) => {
    expect(re.test(text)).toBe(hit);
  });
});
