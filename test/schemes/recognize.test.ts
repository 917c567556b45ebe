/**
 * Recognition by content: each template's score sheet is recognised as itself, also after the
 * edits units make (spaces inside words, other punctuation, a reworded or deleted row, rows in
 * another order, the table moved, another year in the title), and unrelated tables are not.
 */
import { describe, expect, it } from "vitest";
import type { CellValue, Grid } from "../../src/core/grid";
import { layoutTemplate } from "../../src/schemes/layout";
import { rankSchemes, recognizeScheme } from "../../src/schemes/recognize";
import { TEMPLATES } from "../../src/schemes/registry";
import { TextIndex, bigrams, dice, normalizeText, similarity } from "../../src/schemes/text";

const WITH_SCHEME = TEMPLATES.filter((t) => t.scheme);

function sheetOf(id: string, n = 0): Grid {
  const t = TEMPLATES.find((x) => x.id === id)!;
  const g = layoutTemplate(t)[n];
  return { name: g.name, cells: g.cells.map((r) => [...r]), merges: [...g.merges] };
}

const recognize = (g: Grid) => recognizeScheme([g], g)?.id ?? null;

/** Applies `f` to every text cell from the header row down. */
function mapTexts(g: Grid, f: (s: string, row: number, col: number) => CellValue, from = 0): Grid {
  return { ...g, cells: g.cells.map((row, r) => row.map((v, c) => (r >= from && typeof v === "string" ? f(v, r, c) : v))) };
}

/** Row index of the header (the first row with more than three texts). */
const headerRow = (g: Grid) => g.cells.findIndex((r) => r.filter((v) => typeof v === "string").length > 3);

/** Data rows reversed (merges dropped: a retyped table has its own). */
function reorder(g: Grid): Grid {
  const h = headerRow(g);
  return { ...g, merges: [], cells: [...g.cells.slice(0, h + 1), ...g.cells.slice(h + 1).reverse()] };
}

function shift(g: Grid, rows: number, cols: number): Grid {
  const pad = (r: CellValue[]) => [...Array<CellValue>(cols).fill(null), ...r];
  return {
    ...g,
    cells: [...Array.from({ length: rows }, () => []), ...g.cells.map(pad)],
    merges: g.merges.map((m) => ({ top: m.top + rows, bottom: m.bottom + rows, left: m.left + cols, right: m.right + cols })),
  };
}

/** Deletes every n-th data row. */
function dropRows(g: Grid, every: number): Grid {
  const h = headerRow(g);
  return { ...g, merges: [], cells: g.cells.filter((_, r) => r <= h || (r - h) % every !== 0) };
}

const spaced = (s: string) => (s.length <= 8 ? s.split("").join(" ") : s);
const punctuated = (s: string) => s.replace(/,/g, ",").replace(/、/g, ",").replace(/;/g, ";").replace(/[()]/g, (p) => (p === "(" ? "(" : ")")).replace(/。/g, "");
/** A small typo in every text: the 3rd character doubled, the last dropped. */
const typo = (s: string) => (s.length > 6 ? s.slice(0, 3) + s[2] + s.slice(3, -1) : s);

describe("normalisation", () => {
  it("ignores white space, punctuation, full-width forms and leading numbering", () => {
    expect(normalizeText("(一) 组 织 保 障,Ａ１")).toBe("组织保障a1");
    expect(normalizeText("13.落实政策解读机制")).toBe("落实政策解读机制");
    expect(similarity("组 织 领 导 (20分)", "组织领导(20分)")).toBe(1);
    expect(similarity("政务公开", "安全生产")).toBe(0);
  });
});

describe("TextIndex", () => {
  it("finds the same best match as comparing every text", () => {
    const texts = ["组织本单位政务公开培训", "落实政策解读机制", "依法依规办理依申请公开事项", "政务公开", "培训"];
    const index = new TextIndex(texts);
    for (const q of ["组织本单位(本系统)政务公开培训", "政策解读", "依申请公开", "安全生产"]) {
      const brute = Math.max(...texts.map((t) => dice(bigrams(normalizeText(t)), bigrams(normalizeText(q)))));
      expect(index.best(bigrams(normalizeText(q)))).toBeCloseTo(brute, 12);
    }
  });
});

describe("each template is recognised as itself", () => {
  it.each(WITH_SCHEME.map((t) => [t.id] as const))("%s", (id) => {
    expect(recognize(sheetOf(id))).toBe(id);
  });

  it("随州 as a Word conversion: header repeated every 6 rows, line breaks inside cells", () => {
    const g = sheetOf("suizhou-2021");
    const h = headerRow(g);
    const header = g.cells[h];
    const cells: CellValue[][] = g.cells.slice(0, h + 1);
    g.cells.slice(h + 1).forEach((row, i) => {
      if (i > 0 && i % 6 === 0) cells.push([...header].map((v) => (typeof v === "string" && v.length === 4 ? `${v.slice(0, 2)}\n${v.slice(2)}` : v)));
      cells.push(row.map((v) => (typeof v === "string" && v.length > 6 ? `${v.slice(0, 4)}\n${v.slice(4)}` : v)));
    });
    expect(recognize({ name: "Table 1", cells, merges: [] })).toBe("suizhou-2021");
  });

  it("the 根河 乡镇 and 部门 sheets are told apart", () => {
    const [first, second] = rankSchemes(sheetOf("genhe-2017-township"));
    expect(first.scheme.id).toBe("genhe-2017-township");
    expect(second.scheme.id).toBe("genhe-2017-department");
    expect(first.score - second.score).toBeGreaterThan(0.02);
    expect(recognize(sheetOf("genhe-2017-department"))).toBe("genhe-2017-department");
  });
});

describe("edited copies are still recognised", () => {
  const edits: Array<[string, (g: Grid) => Grid]> = [
    ["spaces inside short texts", (g) => mapTexts(g, spaced)],
    ["other punctuation", (g) => mapTexts(g, punctuated)],
    ["a typo in every text", (g) => mapTexts(g, typo)],
    ["rows in reverse order", reorder],
    ["every 4th row deleted", (g) => dropRows(g, 4)],
    ["table moved to C5", (g) => shift(g, 4, 2)],
    ["another year and unit in the title", (g) => mapTexts(g, (s, r) => (r === 0 ? `某某市${s.replace(/20\d\d/, "2019")}` : s))],
    [
      "one row reworded",
      (g) => {
        const h = headerRow(g);
        return mapTexts(g, (s, r) => (r === h + 2 && s.length > 6 ? "本单位自行增加的考核内容,按实际情况评分" : s));
      },
    ],
    ["all of the above", (g) => shift(reorder(dropRows(mapTexts(mapTexts(g, spaced), punctuated), 5)), 2, 1)],
  ];
  const cases = WITH_SCHEME.flatMap((t) => edits.map(([what, edit]) => [t.id, what, edit] as const));

  it.each(cases)("%s: %s", (id, _what, edit) => {
    expect(recognize(edit(sheetOf(id)))).toBe(id);
  });
});

/** A 政务公开 score sheet of another county: same vocabulary, different indicators. */
const OTHER_COUNTY: CellValue[][] = [
  ["某县2020年度政务公开工作考核细则(乡镇)"],
  ["考核项目", "考核内容", "分值", "评分标准", "自评得分"],
  ["组织领导", "成立政务公开工作领导小组,主要领导任组长", 5, "未成立的扣5分", null],
  [null, "年初制定政务公开工作计划并报县政务公开办备案", 5, "未制定的扣3分,未备案的扣2分", null],
  ["平台建设", "乡镇政府网站信息公开专栏设置规范,栏目无空白", 10, "每发现一个空白栏目扣1分", null],
  [null, "政务新媒体账号备案,无“僵尸”“睡眠”账号", 10, "发现一个扣5分", null],
  ["主动公开", "涉农补贴、低保五保等民生资金信息按季度公开", 15, "未按季度公开的,每次扣3分", null],
  [null, "村务公开栏每季度更新一次,内容真实", 15, "抽查一村未更新扣2分", null],
  ["便民服务", "为民服务中心办事指南完整,一次性告知到位", 20, "群众投诉查实一次扣5分", null],
  [null, "12345热线转办件按时办结率达到100%", 20, "超期一件扣1分", null],
  ["合计", null, 100, null, null],
];

describe("unrelated tables are not recognised", () => {
  it("another county's 政务公开 score sheet", () => {
    expect(recognize({ name: "考核细则", cells: OTHER_COUNTY, merges: [] })).toBeNull();
  });

  it("another county's sheet under the 根河 title", () => {
    const cells = OTHER_COUNTY.map((r) => [...r]);
    cells[0] = ["2017年度政务公开工作考核指标及评价办法(乡镇、办事处)"];
    expect(recognize({ name: "考核细则", cells, merges: [] })).toBeNull();
  });

  it("a statistics sheet and the 2021 annual-report form", () => {
    expect(recognize(sheetOf("genhe-2017-statistics"))).toBeNull();
    expect(recognize(sheetOf("annual-report-2021"))).toBeNull();
  });

  it("a table of another field and an empty sheet", () => {
    const safety: CellValue[][] = [
      ["安全生产目标责任考核评分表"],
      ["序号", "考核内容", "分值", "评分标准", "得分"],
      [1, "建立安全生产责任制,签订责任书", 10, "未签订扣5分", null],
      [2, "开展隐患排查治理,建立台账", 20, "未建立台账扣10分", null],
      [3, "组织应急演练每年不少于两次", 10, "少一次扣5分", null],
    ];
    expect(recognize({ name: "Sheet1", cells: safety, merges: [] })).toBeNull();
    expect(recognize({ name: "Sheet1", cells: [], merges: [] })).toBeNull();
  });

  it("a sheet keeping only a few rows of a template is not claimed", () => {
    const g = sheetOf("genhe-2017-township");
    const h = headerRow(g);
    const cells = [...g.cells.slice(0, h + 1), ...g.cells.slice(h + 1, h + 3), ...OTHER_COUNTY.slice(2)];
    expect(recognize({ name: "x", cells, merges: [] })).toBeNull();
  });
});
