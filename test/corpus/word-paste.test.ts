/**
 * Word tables pasted into Excel (or converted by WPS), read the way a 政务公开办 reviewer reads
 * them: the 随州 第三方评估指标 (seed 001) cell for cell, and small tables with the same grammar —
 * a header repeated on every page with line feeds inside its words, category cells merged, blank
 * or repeated on continuation pages, an unclosed "（60分", a 分值 merged (or left on the first row
 * only) over sub-rows that carry their own "(N分)", empty spacer rows and full-width brackets.
 */
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../src/core/grid";
import { down, read, sheet, type Line } from "./build";
import { suizhouPaste } from "./suizhou-paste";

/** A five-column sheet (一级 | 二级 | … | 分值 | 得分) read by the facade. */
const five = (...lines: Line[]) => read(sheet(5, lines));

const MAXIMA = [2, 2, 8, 1, 1, 2, 2, 1, 1, 2, 2, 6, 7, 2, 2, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3];
const TAIL = [2, 2, 2, 3, 2, 2, 3, 3]; // 政策解读质量 … 目录格式完整
const TITLES_TAIL = ["政策解读质量", "回应关切", "年报格式", "年报质量", "与职权相结合", "明确公开渠道", "明确公开责任", "目录格式完整"];

describe.each([
  ["merged category cells (a Word paste)", false],
  ["blank continuation cells (a WPS / text conversion)", true],
])("随州高新区 第三方评估指标, %s", (_, blanks) => {
  const { grid, rows } = suizhouPaste({ blanks });
  const r = read(grid);

  it("reads every indicator once, with the maxima of its 分值 or its own (N分)", () => {
    expect(r.items.map((i) => i[0])).toEqual(rows);
    expect(r.items.map((i) => i[3])).toEqual([...MAXIMA, 5, 6, ...TAIL]);
    expect(r.items.every((i) => i[2] === "scored")).toBe(true);
  });

  it("names items by their deepest level, without Word's line feeds or the points", () => {
    expect(r.titles.slice(0, 3)).toEqual(["渠道覆盖", "渠道功能", "政策文件"]);
    expect(r.titles).toContain("行政事业性收费");
    expect(r.titles).toContain("财政资金直达基层");
    expect(r.titles).toContain("重大会议信息公开");
    expect(r.titles.slice(28)).toEqual(["政策咨询服务情况", "问答解读", ...TITLES_TAIL]);
  });

  it("keeps one 主动公开 (60分) across six pages, the unclosed '（60分' included", () => {
    expect(r.categories.map(([name, max]) => [name, max])).toEqual([
      ["公开渠道", 4],
      ["主动公开", 60],
      ["依申请公开", 6],
      ["解读回应", 15],
      ["能力保障", 15],
    ]);
    expect(r.total.max).toBe(100);
  });

  it("reads '问答解读（6分）' pushed into the 分值 cell above as the name of the row below", () => {
    const at = (row: number) => r.report.items.find((i) => i.row === row)!;
    const [consult, qa] = [at(rows[28]), at(rows[29])];
    expect([consult.title, consult.max, qa.title, qa.max]).toEqual(["政策咨询服务情况", 5, "问答解读", 6]);
  });

  it("is recognised as the 随州 2021 scheme", () => {
    expect(r.report.scheme).toBe("suizhou-2021");
  });

  it("finds nothing wrong but the missing score column of a bare indicator table", () => {
    expect(r.problems).toEqual(["score_column_missing@A3"]);
  });

  it("reads 年报 5 over 年报格式(2分)+年报质量(3分) and 目录 '10分' over four sub-rows as blocks, no mismatch", () => {
    const at = (row: number) => r.report.items.find((i) => i.row === row)!;
    expect([at(63).max, at(64).max, at(65).max, at(66).max, at(67).max, at(68).max]).toEqual([2, 3, 2, 2, 3, 3]);
    expect(r.problems.filter((p) => /@[A-H]6[3-8]$/.test(p))).toEqual([]);
  });

  it("skips every repeated header and spacer row: no item comes from them", () => {
    const titles = r.titles.join("|");
    expect(titles).not.toMatch(/指标|测评方式|分值/);
  });
});

describe("随州 with a 自评得分 column added after 分值", () => {
  // 38 Word rows; 政策文件 over its 8, 稳岗就业 left blank, the rest full marks
  const score = [2, 2, 9, 1, 1, 2, 2, 1, 1, 2, 2, 6, 7, 2, 2, 3, 2, null, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 5, 6, 2, 2, 2, 3, 2, 2, 3, 3];
  const { grid, rows } = suizhouPaste({ score });
  const r = read(grid);

  it("scores the filled column and points at the cells", () => {
    expect(r.report.column).toBe("自评得分");
    expect(r.problems).toContain(`score_over_max@I${rows[2]}`);
    expect(r.problems).toContain(`score_missing@I${rows[17]}`);
    expect(r.categories.find((c) => c[0] === "主动公开")).toEqual(["主动公开", 60, 58]);
    expect(r.categories.find((c) => c[0] === "能力保障")).toEqual(["能力保障", 15, 15]);
    expect(r.categories.find((c) => c[0] === "解读回应")).toEqual(["解读回应", 15, 15]);
    expect(r.total).toMatchObject({ max: 100, base: 98, final: 98 });
    expect(r.problems).toEqual([`score_over_max@I${rows[2]}`, `score_missing@I${rows[17]}`]);
  });
});

describe("the grammar of a Word paste, small", () => {
  it("category text repeated on each page, one page with '（20分' unclosed, spacer rows between", () => {
    const r = five(
      "XX区政务公开第三方评估指标",
      ["一级指标", "二级\n指标", "测评要点", "分值", "得分"],
      ["主动\n公开\n（20分）", "政策\n文件\n（8分）", "评估规范性文件发布情况", 8, 8],
      [null, "规划\n信息（12分）", "评估规划信息发布情况", 12, 10],
      null,
      null,
      ["一级\n指标", "二级\n指标", "测评\n要点", "分值", "得分"],
      ["主动公开\n（20分", "重点\n领域\n（10分）", "评估重点领域信息公开情况", 10, 9],
      ["依申请公开（10分）", "答复规范性（10分）", "评估答复规范", 10, 10],
    );
    expect(r.items).toEqual([
      [3, "主动公开", "scored", 8],
      [4, "主动公开", "scored", 12],
      [8, "主动公开", "scored", 10],
      [9, "依申请公开", "scored", 10],
    ]);
    expect(r.titles).toEqual(["政策文件", "规划信息", "重点领域", "答复规范性"]);
    expect(r.categories).toEqual([
      ["主动公开", 30, 27],
      ["依申请公开", 10, 10],
    ]);
    // 主动公开 declares 20 but holds 30: the reviewer hears it once, at the first cell that says so
    expect(r.problems).toEqual(["max_sum_mismatch@A3"]);
  });

  it("spacer rows of spaces, tabs, line feeds and full-width spaces are no items", () => {
    const r = five(
      ["一级指标", "二级指标", "测评要点", "分值", "得分"],
      ["主动公开（6分）", "政策文件（2分）", "评估文件", 2, 2],
      [" ", "\n", "\u3000", " ", null],
      ["\u3000", "规划（2分）", "评估规划", "2\n", 1],
      [" \t", " ", "评估其他\n", 2, 2],
    );
    expect(r.items.map((i) => [i[0], i[3]])).toEqual([
      [2, 2],
      [4, 2],
      [5, 2],
    ]);
    expect(r.categories).toEqual([["主动公开", 6, 5]]);
    expect(r.problems).toEqual([]);
  });

  it("a repeated header that lost its first cell (shifted one column left) is still skipped", () => {
    const r = five(
      ["一级指标", "二级\n指标", "测评要点", "分值", "得分"],
      ["解读回应（4分）", "政策解读（2分）", "评估政策解读质量", 2, 2],
      ["二级\n指标", "测评要点", "分值", "得分", null],
      ["解读回应（4分）", "回应关切（2分）", "评估回应情况", 2, 1],
    );
    expect(r.items).toEqual([
      [2, "解读回应", "scored", 2],
      [4, "解读回应", "scored", 2],
    ]);
    expect(r.categories).toEqual([["解读回应", 4, 3]]);
    expect(r.problems).toEqual([]);
  });

  it("a 分值 '6分' on the first of three rows whose own (N分) add up to it: one block, not 6+2+1", () => {
    const r = five(
      ["一级指标", "二级指标", "三级指标", "分值", "得分"],
      ["能力保障（6分）", "年报（6分）", "年报格式（3分）", "6分", 3],
      [null, null, "年报质量（2分）", null, 2],
      [null, null, "年报时限（1分）", null, 1],
      ["公开渠道（4分）", "渠道覆盖（4分）", null, 4, 4],
    );
    expect(r.items.map((i) => i[3])).toEqual([3, 2, 1, 4]);
    expect(r.total.max).toBe(10);
    expect(r.total.final).toBe(10);
    expect(r.problems).toEqual([]);
  });

  it("the same '6分' whose rows do not add up stays the first row's maximum", () => {
    const r = five(
      ["一级指标", "二级指标", "三级指标", "分值", "得分"],
      ["能力保障（8分）", "年报（8分）", "年报格式（3分）", 6, 3],
      [null, null, "年报质量（2分）", null, 2],
    );
    expect(r.items.map((i) => i[3])).toEqual([6, 2]);
  });

  it("a 分值 merged over sub-rows in a Word paste", () => {
    const r = read(
      sheet(
        5,
        [
          ["一级指标", "二级指标", "三级指标", "分值", "得分"],
          ["能力保障（10分）", "基本目录（10分）", "与职权相结合（2分）", "10分", 2],
          [null, null, "明确公开渠道（2分）", null, 2],
          [null, null, "明确公开责任（3分）", null, 3],
          [null, null, "目录格式完整（3分）", null, 2],
        ],
        [down("A", 2, 5), down("B", 2, 5), down("D", 2, 5)],
      ),
    );
    expect(r.items.map((i) => i[3])).toEqual([2, 2, 3, 3]);
    expect(r.categories).toEqual([["能力保障", 10, 9]]);
    expect(r.problems).toEqual([]);
  });

  /** 政策咨询 whose 分值 cell holds "问答解读（6分）", over a nameless row of 分值 `below`. */
  const displaced = (below: number) =>
    five(
      ["一级指标", "二级指标", "测评要点", "分值", "得分"],
      ["解读回应（11分）", "政策咨询（5分）", "评估政策咨询服务情况", "问答解读（6分）", 5],
      [null, null, "评估问答解读情况", below, 4],
    );

  it("a level name with its points landed in the 分值 cell above names the row below", () => {
    const r = displaced(6);
    expect(r.titles).toEqual(["政策咨询", "问答解读"]);
    expect(r.items.map((i) => i[3])).toEqual([5, 6]);
    expect(r.categories).toEqual([["解读回应", 11, 9]]);
    expect(r.problems).toEqual([]);
  });

  it("…but not over a row whose 分值 differs from the points in that text", () => {
    expect(displaced(4).titles[1]).not.toBe("问答解读");
  });

  it("a level with its (N分) over one row whose 分值 is blank gives that row its maximum", () => {
    const r = five(
      ["一级指标", "二级指标", "测评要点", "分值", "得分"],
      ["解读回应（7分）", "政策咨询（5分）", "评估政策咨询服务情况", null, 4],
      [null, "回应关切（2分）", "评估回应情况", 2, 2],
    );
    expect(r.items).toEqual([
      [2, "解读回应", "scored", 5],
      [3, "解读回应", "scored", 2],
    ]);
    expect(r.total.max).toBe(7);
    expect(r.problems).toEqual([]);
  });
});

describe("header words a text paste split over two rows", () => {
  /** Two pages, each under the header halves `upper` over `lower`. */
  const twoPages = (upper: CellValue[], lower: CellValue[], first: Line[], second: Line[]) =>
    read(sheet(5, [upper, lower, ...first, upper, lower, ...second]));

  it("'一级|二级|测评' over '指标|指标|要点', repeated on the next page", () => {
    const r = twoPages(
      ["一级", "二级", "测评", "分值", "得分"],
      ["指标", "指标", "要点", null, null],
      [
        ["主动公开（10分）", "政策文件（6分）", "评估规范性文件", 6, 6],
        [null, "规划信息（4分）", "评估规划", 4, 4],
      ],
      [["依申请公开（2分）", "答复（2分）", "评估答复", 2, 1]],
    );
    expect(r.items).toEqual([
      [3, "主动公开", "scored", 6],
      [4, "主动公开", "scored", 4],
      [7, "依申请公开", "scored", 2],
    ]);
    expect(r.titles).toEqual(["政策文件", "规划信息", "答复"]);
    expect(r.categories).toEqual([
      ["主动公开", 10, 10],
      ["依申请公开", 2, 1],
    ]);
    expect(r.problems).toEqual([]);
  });

  it("'考核|考核|评分' over '项目|内容|标准': 评分 is half of 评分标准, no score column", () => {
    const r = twoPages(
      ["考核", "考核", "评分", "分值", "得分"],
      ["项目", "内容", "标准", null, null],
      [["主动公开（10分）", "政策文件", "未公开扣2分", 6, 6], [null, "规划信息", "未公开扣1分", 4, 4], null],
      [["依申请公开（2分）", "答复", "超期扣1分", 2, 1]],
    );
    expect(r.report.column).toBe("得分");
    expect(r.items).toEqual([
      [3, "主动公开", "scored", 6],
      [4, "主动公开", "scored", 4],
      [8, "依申请公开", "scored", 2],
    ]);
    expect(r.total).toMatchObject({ max: 12, final: 11 });
    expect(r.problems).toEqual([]);
  });

  it("full-width spaces inside header words and points, full-width digits in 分值", () => {
    const r = five(
      ["一级　指标", "二级 指标", "测评　要点", "分　值", "得　分"],
      ["主动公开　（１２分）", "政策文件　（ 6 分 ）", "评估规范性文件", "６", 6],
      [null, "规划信息（4分）\n", "评估规划", "4分", 4],
      [],
      ["一级　指标", "二级 指标", "测评　要点", "分　值", "得　分"],
      ["主动公开（12分）", "重点领域（ 2 分）", "评估重点领域", 2, 2],
    );
    expect(r.items.map((i) => i[3])).toEqual([6, 4, 2]);
    expect(r.titles).toEqual(["政策文件", "规划信息", "重点领域"]);
    expect(r.categories).toEqual([["主动公开", 12, 12]]);
    expect(r.problems).toEqual([]);
  });
});
