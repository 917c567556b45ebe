/**
 * Summary sheets (汇总表) read and checked against the sheets they sum (issue #10): one row per
 * sheet or per category, typed numbers or formulas with their saved results, names that differ
 * from the sheets', rows that name nothing, and the 合计 row.
 */
import { describe, expect, it } from "vitest";
import { checkGrids, type CheckOptions } from "../../src/kaohe";
import { describeGrids } from "../../src/describe";
import type { CellValue, Grid } from "../../src/core/grid";
import { columnFor, readSummary, looseKey, matchLabels } from "../../src/core/summary";
import type { ScoreSheetReport } from "../../src/core/report";
import { sheet } from "../corpus/build";
import { gridOfBook, lawSheet, openSheet, summarySheet, type BookSheet } from "../helpers/summary-book";

const grids = (...sheets: BookSheet[]) => sheets.map(gridOfBook);
const check = (gs: Grid[], options: CheckOptions = {}) => checkGrids(gs, options);
/** The findings on the summary sheet as code@cell. */
const onSummary = (gs: Grid[], name = "考核汇总", options: CheckOptions = {}) =>
  check(gs, options)
    .findings.filter((f) => f.sheet === name)
    .map((f) => `${f.code}@${f.cell}`);

/** One row per category of 政务公开, typed, in a sheet whose name says it sums. */
function categorySummary(rows: CellValue[][], header: CellValue[] = ["类别", "分值", "自查得分", "考核得分"], name = "政务公开汇总"): Grid {
  return sheet(header.length, [header, ...rows], [], name);
}

describe("reading a summary sheet", () => {
  it("one row per sheet: labels, 满分 and both 得分 with their cells, formulas told, the 合计 row", () => {
    const s = readSummary(gridOfBook(summarySheet()))!;
    expect(s.columns).toEqual(["自评得分", "考核得分"]);
    expect(s.maxHeader).toBe("满分");
    expect(s.rows.map((r) => [r.kind, r.label, r.labelCell, r.max?.cell, r.max?.value, ...r.scores.map((c) => `${c.cell}=${c.value}${c.formula ? "ƒ" : ""}`)])).toEqual([
      ["item", "政务公开", "B3", "C3", 60, "D3=56ƒ", "E3=44ƒ"],
      ["item", "依法行政", "B4", "C4", 40, "D4=35ƒ", "E4=null"],
      ["total", "合计", "A5", "C5", 100, "D5=91ƒ", "E5=44ƒ"],
    ]);
  });

  it("one row per category, typed, in a sheet named 汇总", () => {
    const s = readSummary(
      categorySummary([
        ["公开平台", 20, 18, 15],
        ["主动公开", 30, 28, 21],
        ["合计", 50, 46, 36],
      ]),
    )!;
    expect(s.rows.map((r) => [r.kind, r.label, r.max?.value, r.scores.map((c) => c.value)])).toEqual([
      ["item", "公开平台", 20, [18, 15]],
      ["item", "主动公开", 30, [28, 21]],
      ["total", "合计", 50, [46, 36]],
    ]);
  });

  it("score sheets, and a plainly named sheet of typed points (a table of its own), are no summaries", () => {
    expect(readSummary(gridOfBook(openSheet()))).toBeNull();
    expect(readSummary(gridOfBook(lawSheet()))).toBeNull();
    expect(
      readSummary(
        sheet(3, [
          ["类别", "满分", "得分"],
          ["组织领导", 20, 18],
          ["主动公开", 50, 45],
        ]),
      ),
    ).toBeNull();
  });

  it("a 权重 column holds weights, not maxima", () => {
    const s = readSummary(categorySummary([["公开平台", 0.4, 18, 15], ["主动公开", 0.6, 28, 21]], ["类别", "权重", "自查得分", "考核得分"]))!;
    expect(s.weights).toBe(true);
  });
});

describe("matching rows to what they sum", () => {
  it.each([
    ["政务公开", "政务公开"],
    ["附件1 政务公开", "政务公开"],
    ["附件2:依法行政考核", "依法行政"],
    ["政务公开(60分)", "政务公开"],
    ["一、政务公开工作", "政务公开"],
    ["政务公开考核评分表", "政务公开"],
    ["政务公开", "附件1 政务公开"],
    ["政务公开", "2023年政务公开"],
    ["2023年度政务公开工作", "政务公开"],
    ["政务公开工作考核评分表", "政务公开"],
  ])("%s names sheet %s", (label, name) => {
    expect(matchLabels([label], [name, "党风廉政建设"], [])).toEqual([{ kind: "matched", target: { sheet: name, group: null } }]);
  });

  it.each(["党风廉政建设", "公开", "行政"])("%s names no sheet", (label) => {
    expect(matchLabels([label], ["政务公开", "依法行政"], [])).toEqual([{ kind: "none" }]);
  });

  it("a name that fits two sheets equally is left unmatched, with both named; the exact name wins", () => {
    expect(matchLabels(["政务公开"], ["政务公开自查", "政务公开考核"], [])).toEqual([
      { kind: "ambiguous", candidates: [{ sheet: "政务公开自查", group: null }, { sheet: "政务公开考核", group: null }] },
    ]);
    expect(matchLabels(["政务公开考核"], ["政务公开自查", "政务公开考核"], [])).toEqual([{ kind: "matched", target: { sheet: "政务公开考核", group: null } }]);
  });

  it("a category two sheets have is the one of the sheet the other rows sum", () => {
    const categories = [
      { sheet: "甲", group: "组织领导" },
      { sheet: "乙", group: "组织领导" },
      { sheet: "乙", group: "主动公开" },
      { sheet: "乙", group: "依申请公开" },
    ];
    expect(matchLabels(["组织领导", "主动公开", "依申请公开"], ["甲", "乙"], categories).map((m) => (m.kind === "matched" ? m.target : m.kind))).toEqual([
      { sheet: "乙", group: "组织领导" },
      { sheet: "乙", group: "主动公开" },
      { sheet: "乙", group: "依申请公开" },
    ]);
  });

  it("keys drop attachment numbers, points, numbering and generic endings", () => {
    expect(["附件1 政务公开", "附表二:政务公开(100分)", "(一)政务公开工作考核", "政务公开评分表"].map(looseKey)).toEqual(["政务公开", "政务公开", "政务公开", "政务公开"]);
  });
});

describe("which score column of a sheet a summary column stands for", () => {
  const sheetWith = (columns: string[], column = columns[0]) => ({ columns, column }) as ScoreSheetReport;
  it.each<[string, string[], string | null, boolean]>([
    ["自查评分", ["自查评分", "考核评分"], "自查评分", false],
    ["考核得分", ["自查评分", "考核评分"], "考核评分", false],
    ["自评得分", ["自查评分", "考核评分"], "自查评分", false],
    ["单位自评分", ["自评得分", "复核得分"], "自评得分", false],
    ["考核组评分", ["自评得分", "复核得分"], "复核得分", false],
    ["考核得分", ["自评得分", "复核得分", "考评得分"], null, false],
    ["得分", ["自查评分", "考核评分"], "自查评分", false],
    ["实得分", ["自查评分", "考核评分"], "自查评分", false],
    ["折算得分", ["自查评分", "考核评分"], null, false],
    ["自评得分", ["得分"], null, false],
    ["自评得分", ["得分"], "得分", true],
  ])("%s over %j → %s (the row's only score: %s)", (header, columns, expected, only) => {
    expect(columnFor(header, sheetWith(columns), only)).toBe(expected);
  });

  it("a plain 得分 follows the column the sheet was scored in", () => {
    expect(columnFor("得分", sheetWith(["自查评分", "考核评分"], "考核评分"))).toBe("考核评分");
  });
});

describe("checking a summary of sheets", () => {
  it("formulas whose saved results agree with the sheets: nothing to say, and the summary is never scored", () => {
    const gs = grids(openSheet(), lawSheet(), summarySheet());
    const report = check(gs);
    expect(report.sheets.map((s) => s.sheet)).toEqual(["政务公开", "依法行政"]);
    expect(report.findings.filter((f) => f.sheet === "考核汇总")).toEqual([]);
  });

  it("a stale saved result (the sheet changed, nothing recalculated) is a warning at the summary's cell, naming the sheet, the column and both numbers", () => {
    // 重点领域信息公开 lowered from 18 to 16: F8 and the summary still show the old 56
    const gs = grids(openSheet("政务公开", [8, 10, 16, 10, 10], 56), lawSheet(), summarySheet());
    const report = check(gs);
    expect(report.findings.filter((f) => f.code !== "summary_score_mismatch").map((f) => `${f.sheet}!${f.code}@${f.cell}`)).toEqual(["政务公开!total_mismatch@F8"]);
    const f = report.findings.find((x) => x.code === "summary_score_mismatch")!;
    expect(f).toMatchObject({ severity: "warning", sheet: "考核汇总", cell: "D3", expected: 54, actual: 56 });
    expect(f.message).toBe("汇总表中“政务公开”的得分 56 分(公式保存的结果),与工作表“政务公开”按“自查评分”列核算的 54 分不符;请核对公式引用的单元格,或重新计算后保存");
  });

  it("the 合计 row against the sum of the rows above it, 满分 and each 得分", () => {
    const s = summarySheet();
    s.rows[4] = ["合计", null, 110, 95, 44];
    expect(onSummary(grids(openSheet(), lawSheet(), s))).toEqual(["summary_total_mismatch@C5", "summary_total_mismatch@D5"]);
    const f = check(grids(openSheet(), lawSheet(), s)).findings.find((x) => x.cell === "D5")!;
    expect(f.message).toBe("汇总表“合计”行的自评得分 95,与上面 2 行之和 91 不符");
  });

  it("a 满分 that is not the sheet's", () => {
    const s = summarySheet();
    s.rows[3][2] = 50;
    s.rows[4][2] = 110;
    const f = check(grids(openSheet(), lawSheet(), s)).findings.filter((x) => x.sheet === "考核汇总");
    expect(f.map((x) => [x.code, x.cell, x.message])).toEqual([["summary_max_mismatch", "C4", "汇总表中“依法行政”的满分 50 分,与工作表“依法行政”的满分 40 分不符"]]);
  });

  it("rows that name the sheets differently are matched all the same (and still checked)", () => {
    const s = summarySheet({ labels: ["附件1 政务公开工作", "附件2:依法行政考核"], selfSaved: [56, 30] });
    s.rows[4][3] = { f: "SUM(D3:D4)", v: 86 };
    expect(onSummary(grids(openSheet(), lawSheet(), s))).toEqual(["summary_score_mismatch@D4"]);
  });

  it("sheets named with their attachment number, a summary naming them plainly", () => {
    const gs = grids(openSheet("附件1 政务公开", [8, 10, 16, 10, 10]), lawSheet("附件2 依法行政"), summarySheet({ sheets: ["附件1 政务公开", "附件2 依法行政"], labels: ["政务公开", "依法行政"] }));
    expect(onSummary(gs)).toEqual(["summary_score_mismatch@D3"]);
  });

  it("a row naming no sheet of the workbook is told, not guessed; the 合计 still adds it in", () => {
    const s = summarySheet();
    s.rows.splice(4, 0, [3, "党风廉政建设", 20, 18, null]);
    s.rows[5] = ["合计", null, 120, 109, 44];
    const report = check(grids(openSheet(), lawSheet(), s));
    const mine = report.findings.filter((f) => f.sheet === "考核汇总");
    expect(mine.map((f) => [f.severity, f.code, f.cell])).toEqual([["info", "summary_row_unmatched", "B5"]]);
    expect(mine[0].message).toBe("汇总表中“党风廉政建设”没有找到同名的工作表或类别,本行未核对");
  });

  it("the score column the summary names is the one compared, whatever column the sheets were scored in", () => {
    const s = summarySheet();
    s.rows[2][4] = { f: "'政务公开'!G8", v: 45 }; // 考核得分 off by one
    s.rows[4][4] = { f: "SUM(E3:E4)", v: 45 };
    for (const column of [undefined, "考核评分", "自查评分"]) {
      const report = check(grids(openSheet(), lawSheet(), s), { column });
      const f = report.findings.filter((x) => x.sheet === "考核汇总");
      expect(f.map((x) => `${x.code}@${x.cell}:${x.expected}`)).toEqual(["summary_score_mismatch@E3:44"]);
      expect(f[0].message).toContain("按“考核评分”列核算的 44 分");
    }
  });

  it("a plain 得分 column stands for the column the sheets were scored in", () => {
    const s: BookSheet = {
      name: "汇总",
      rows: [
        ["项目", "满分", "得分"],
        ["政务公开", 60, 44],
        ["依法行政", 40, 35],
      ],
    };
    expect(onSummary(grids(openSheet(), lawSheet(), s), "汇总")).toEqual(["summary_score_mismatch@C2"]);
    expect(onSummary(grids(openSheet(), lawSheet(), s), "汇总", { column: "考核评分" })).toEqual([]);
  });
});

describe("checking a summary of one sheet's categories", () => {
  const rows = (): CellValue[][] => [
    ["公开平台", 20, 18, 15],
    ["主动公开", 30, 28, 21],
    ["依申请公开", 10, 10, 8],
    ["合计", 60, 56, 44],
  ];

  it("typed numbers that agree in both columns", () => {
    expect(onSummary([...grids(openSheet(), lawSheet()), categorySummary(rows())], "政务公开汇总")).toEqual([]);
  });

  it("a category's 考核得分 that disagrees names the sheet, the category and the column", () => {
    const r = rows();
    r[1][3] = 24;
    r[3][3] = 47;
    const report = check([...grids(openSheet(), lawSheet()), categorySummary(r)]);
    const f = report.findings.filter((x) => x.sheet === "政务公开汇总");
    expect(f.map((x) => [x.code, x.cell, x.message])).toEqual([
      ["summary_score_mismatch", "D3", "汇总表中“主动公开”的得分 24 分,与工作表“政务公开”的类别“主动公开”按“考核评分”列核算的 21 分不符"],
    ]);
  });

  it("a category's 分值 that is not the sum of its items", () => {
    const r = rows();
    r[0][1] = 25;
    r[3][1] = 65;
    expect(onSummary([...grids(openSheet(), lawSheet()), categorySummary(r)], "政务公开汇总")).toEqual(["summary_max_mismatch@B2"]);
  });

  it("weights are not compared with the categories' maxima", () => {
    const r = rows().slice(0, 3).map((x) => [x[0], 0.3, x[2], x[3]]);
    expect(onSummary([...grids(openSheet(), lawSheet()), categorySummary(r, ["类别", "权重", "自查得分", "考核得分"])], "政务公开汇总")).toEqual([]);
  });
});

describe("a summary typed by hand and named plainly", () => {
  const typed = (self: number): Grid =>
    sheet(4, [["考核项目", "满分", "自评得分", "考核得分"], ["政务公开", 60, self, 44], ["依法行政", 40, 35, null], ["合计", 100, self + 35, 44]], [], "Sheet3");

  it("is known by its rows naming the other score sheets: not scored, checked as a summary", () => {
    const report = check([...grids(openSheet(), lawSheet()), typed(58)]);
    expect(report.sheets.map((s) => s.sheet)).toEqual(["政务公开", "依法行政"]);
    expect(report.findings.map((f) => `${f.sheet}!${f.code}@${f.cell}`)).toEqual(["Sheet3!summary_score_mismatch@C2"]);
  });

  it("the pane's opening scan describes it as no score sheet, as the check reads it", () => {
    const d = describeGrids([...grids(openSheet(), lawSheet()), typed(56)]);
    expect(d.sheets.map((x) => `${x.name}:${x.kind}`)).toEqual(["政务公开:score", "依法行政:score", "Sheet3:other"]);
    expect(d.scoreColumns).toEqual(["自查评分", "考核评分"]);
  });

  it("alone, or beside sheets it does not name, it stays a table of its own", () => {
    expect(check([typed(56)]).sheets.map((s) => s.sheet)).toEqual(["Sheet3"]);
    const other = typed(56);
    other.cells[1][0] = "组织领导";
    other.cells[2][0] = "监督保障";
    expect(check([...grids(openSheet(), lawSheet()), other]).sheets.map((s) => s.sheet)).toEqual(["政务公开", "依法行政", "Sheet3"]);
  });

  it("a column mapping the clerk chose for it wins: it is scored", () => {
    const mapping = [{ sheet: "Sheet3", headerRow: 1, title: "A", max: "B", method: null, category: null, id: null, scores: ["C"] }];
    expect(check([...grids(openSheet(), lawSheet()), typed(56)], { mapping }).sheets.map((s) => s.sheet)).toEqual(["政务公开", "依法行政", "Sheet3"]);
  });
});
