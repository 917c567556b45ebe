/**
 * The pane's opening scan (describeWorkbook) names the tables and columns 计算 (checkGrids) scores:
 * the clerk's stored column mappings (指定表格列) first, the add-in's own sheets never, on hand-made
 * layouts and on every template and sample as a clerk has them after 写回 and a stored mapping.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { columnLetters, type Grid } from "../src/core/grid";
import { NoTableError } from "../src/core/errors";
import { detectScoreTable, type ScoreTable } from "../src/core/layout/detect";
import type { ColumnMapping } from "../src/core/mapping";
import type { Report, ScoreSheetReport } from "../src/core/report";
import { describeGrids, describeWorkbook, type WorkbookDescription } from "../src/describe";
import { MAPPING_SHEET, RESULT_SHEET } from "../src/footprint";
import { createXlsxPort } from "../src/hosts/xlsx";
import { checkGrids, checkWorkbook, mappingChanges, planWriteback } from "../src/kaohe";
import { choicesOf, choicesOfDescription } from "../src/taskpane/state";
import { sheet } from "./corpus/build";
import { gridOf } from "./helpers/grid";
import { gridOfBook, lawSheet, openSheet } from "./helpers/summary-book";
import { workbookOf } from "./helpers/xlsx";
import { UNKNOWN_MAPPING, mappingGrid, unknownHeaderSheet } from "./live/cases";
import { SAMPLES_DIR, TEMPLATES_DIR, loadGrids, xlsxFiles } from "./templates/load";

const scoreSheets = (r: Report) => r.sheets.filter((s): s is ScoreSheetReport => s.kind === "score");

/** What the scan and the check both say of each score sheet: its name, score columns and the column scored. */
const scanned = (d: WorkbookDescription) => d.sheets.filter((s) => s.kind === "score").map((s) => ({ sheet: s.name, columns: s.scoreColumns, column: s.column }));
const checked = (r: Report) => scoreSheets(r).map((s) => ({ sheet: s.sheet, columns: s.columns, column: s.column }));

/**
 * Asserts the scan and the check agree on the score sheets, their columns and the column scored,
 * the unit classes, and the pane's choices; and that the pane's first 计算 with the choices the
 * scan offers (it passes them as options) scores what the check scores on its own.
 */
function expectAgreement(d: WorkbookDescription, r: Report, grids?: Grid[]): void {
  expect(scanned(d)).toEqual(checked(r));
  expect(d.sheets.filter((s) => s.kind === "score").map((s) => [s.unitClasses, s.unitClass])).toEqual(scoreSheets(r).map((s) => [s.unitClasses, s.unitClass]));
  const choices = choicesOfDescription(d);
  expect(choices).toEqual(choicesOf(r));
  if (grids) {
    const first = checkGrids(grids, { column: choices.column || undefined, unitClass: choices.unitClass || undefined });
    expect(scoreSheets(first).map((s) => [s.sheet, s.column, s.unitClass, s.total])).toEqual(scoreSheets(r).map((s) => [s.sheet, s.column, s.unitClass, s.total]));
  }
}

/** A sheet with a score column detection knows (自评分) and one it does not (本单位填报), which the clerk mapped. */
function twoColumnSheet(): Grid {
  return gridOf(
    [
      ["某县政务公开工作考核表"],
      ["序号", "考核内容", "分值", "评分标准", "自评分", "本单位填报"],
      [1, "主动公开政策文件", 10, "每缺一件扣1分", 10, 8],
      [2, "公开年度报告", 5, "未按时发布扣5分", 5, 4],
      [3, "政策解读", 5, "每缺一篇扣1分", 5, 2],
      ["合计", null, 20, null, 20, 14],
    ],
    ["A1:F1"],
    "考核表",
  );
}
const TWO_COLUMN_MAPPING: ColumnMapping = { sheet: "考核表", headerRow: 2, title: "B", max: "C", method: "D", category: null, id: "A", scores: ["F"] };

describe("a stored column mapping", () => {
  it("names the mapped score column in the scan, as 计算 scores it, where detection names another", () => {
    const grid = twoColumnSheet();
    expect(detectScoreTable(grid)!.columns.scores.map((s) => s.header)).toEqual(["自评分"]);
    const grids = [grid, mappingGrid([TWO_COLUMN_MAPPING])];
    const d = describeGrids(grids);
    const r = checkGrids(grids);
    expect(scanned(d)).toEqual([{ sheet: "考核表", columns: ["本单位填报"], column: "本单位填报" }]);
    expectAgreement(d, r);
    expect(scoreSheets(r)[0].total.final).toBe(14);
  });

  it("names the table of a sheet detection cannot read (the scan no longer says 没有找到考核评分表)", () => {
    const grid = unknownHeaderSheet();
    expect(detectScoreTable(grid)).toBeNull();
    expect(() => choicesOfDescription(describeGrids([grid]))).toThrow(NoTableError);
    const grids = [grid, mappingGrid([UNKNOWN_MAPPING])];
    const d = describeGrids(grids);
    expect(d.sheets.map((s) => [s.name, s.kind, s.scoreColumns])).toEqual([["量化表", "score", ["本单位填报"]]]);
    expectAgreement(d, checkGrids(grids));
  });

  it("given in the options, replaces the stored one in the scan as in the check", () => {
    const grids = [unknownHeaderSheet(), mappingGrid([{ ...UNKNOWN_MAPPING, scores: ["D"] }])];
    expect(scanned(describeGrids(grids))).toEqual([{ sheet: "量化表", columns: ["计分口径"], column: "计分口径" }]);
    const d = describeGrids(grids, { mapping: [UNKNOWN_MAPPING] });
    expect(scanned(d)).toEqual([{ sheet: "量化表", columns: ["本单位填报"], column: "本单位填报" }]);
    expectAgreement(d, checkGrids(grids, { mapping: [UNKNOWN_MAPPING] }));
  });

  it("is read through the host from the hidden sheet of a saved workbook", async () => {
    const bytes = new Uint8Array(await workbookOf([twoColumnSheet(), mappingGrid([TWO_COLUMN_MAPPING])]).xlsx.writeBuffer());
    const port = createXlsxPort(bytes);
    const d = await describeWorkbook(port);
    expect(d.sheets.map((s) => s.name)).toEqual(["考核表"]);
    expectAgreement(d, (await checkWorkbook(port)).report);
    expect(choicesOfDescription(d).column).toBe("本单位填报");
  });
});

describe("the add-in's own sheets", () => {
  it("are never described: 核算结果 with its marker and the mapping sheet, even when a mapping names them", async () => {
    const port = createXlsxPort(new Uint8Array(await workbookOf([twoColumnSheet()]).xlsx.writeBuffer()));
    await port.apply(await planWriteback(await checkWorkbook(port), port));
    // a mapping that names the result sheet (a clerk's slip) does not make it a user table
    const resultMapping: ColumnMapping = { sheet: RESULT_SHEET, headerRow: 2, title: "A", max: "B", method: null, category: null, id: null, scores: ["C"] };
    await port.apply(mappingChanges([TWO_COLUMN_MAPPING, resultMapping]));
    const grids = await port.readSheets();
    expect(grids.map((g) => g.name)).toEqual(["考核表", RESULT_SHEET, MAPPING_SHEET]);
    const d = describeGrids(grids);
    expect(d.sheets.map((s) => [s.name, s.kind])).toEqual([["考核表", "score"]]);
    expectAgreement(d, checkGrids(grids));
  });

  it("leave a user's own sheet named 核算结果 (no marker) described as the check scores it", () => {
    const grids = [{ ...twoColumnSheet(), name: RESULT_SHEET }];
    const d = describeGrids(grids);
    expect(scanned(d)).toEqual([{ sheet: RESULT_SHEET, columns: ["自评分"], column: "自评分" }]);
    expectAgreement(d, checkGrids(grids));
  });
});

describe("the choices the scan offers", () => {
  it.each(["单位类别(一类/二类):二类", "单位类别:□一类 ☑二类"])("take the unit class written in the sheet (%s), as 计算 does", async (written) => {
    const grids = await loadGrids(join(SAMPLES_DIR, "xiuwen-40-sample.xlsx"));
    grids[0].cells[3] = [written];
    const d = describeGrids(grids);
    expect([d.unitClasses, d.unitClass]).toEqual([["一类", "二类"], "二类"]);
    expectAgreement(d, checkGrids(grids), grids);
  });

  it("take the score column the clerk filled when the first is empty, as 计算 does", () => {
    const grids = [
      gridOf(
        [
          ["序号", "考核内容", "分值", "评分标准", "自评分", "复核分"],
          [1, "主动公开政策文件", 10, "每缺一件扣1分", null, 8],
          [2, "公开年度报告", 5, "未按时发布扣5分", null, 4],
          ["合计", null, 15, null, null, 12],
        ],
        [],
        "考核表",
      ),
    ];
    const d = describeGrids(grids);
    expect(d.sheets[0].scoreColumns).toEqual(["自评分", "复核分"]);
    expect(d.column).toBe("复核分");
    expectAgreement(d, checkGrids(grids), grids);
  });
});

describe("a statistics table", () => {
  it("below the score table on the same sheet is there for the scan as for 计算", async () => {
    const [score, stats] = await loadGrids(join(SAMPLES_DIR, "genhe-department-sample.xlsx"));
    const shift = score.cells.length + 2;
    const one: Grid = {
      ...score,
      cells: [...score.cells, [], [], ...stats.cells],
      merges: [...score.merges, ...stats.merges.map((m) => ({ ...m, top: m.top + shift, bottom: m.bottom + shift }))],
    };
    const r = checkGrids([one]);
    expect(r.sheets.map((s) => [s.sheet, s.kind])).toEqual([
      ["考核评分表", "score"],
      ["考核评分表", "statistics"],
    ]);
    const d = describeGrids([one]);
    expect(d.sheets.map((s) => [s.name, s.kind])).toEqual([["考核评分表", "score"]]);
    expect(d.statistics).toBe(true);
    expectAgreement(d, r, [one]);
  });
});

describe("a summary of the other sheets (汇总表)", () => {
  // typed by hand, named plainly: known as a summary only by its rows naming the other score sheets
  const book = () => [
    ...[openSheet(), lawSheet()].map(gridOfBook),
    sheet(4, [["考核项目", "满分", "自评得分", "考核得分"], ["政务公开", 60, 56, 44], ["依法行政", 40, 35, null], ["合计", 100, 91, 44]], [], "Sheet3"),
  ];

  it("is no score table for the scan as for 计算, until a stored mapping names it", () => {
    const plain = book();
    const d = describeGrids(plain);
    expect(d.sheets.map((s) => [s.name, s.kind])).toEqual([
      ["政务公开", "score"],
      ["依法行政", "score"],
      ["Sheet3", "other"],
    ]);
    expectAgreement(d, checkGrids(plain), plain);
    const mapping: ColumnMapping = { sheet: "Sheet3", headerRow: 1, title: "A", max: "B", method: null, category: null, id: null, scores: ["C", "D"] };
    const mapped = [...book(), mappingGrid([mapping])];
    const m = describeGrids(mapped);
    expect(m.sheets.map((s) => [s.name, s.kind])).toEqual([
      ["政务公开", "score"],
      ["依法行政", "score"],
      ["Sheet3", "score"],
    ]);
    expectAgreement(m, checkGrids(mapped), mapped);
  });
});

/** A mapping of a detected table, its score columns in the reverse order (the clerk's first is detection's last). */
function reversedMapping(table: ScoreTable): ColumnMapping | null {
  const c = table.columns;
  const letters = (col: number | null | undefined) => (col === null || col === undefined ? null : columnLetters(col));
  if (c.title === null) return null;
  return {
    sheet: table.sheet,
    headerRow: table.headerRow + 1,
    title: letters(c.title)!,
    max: letters(c.max),
    method: letters(c.method),
    category: letters(c.category[0]),
    id: letters(c.id),
    scores: c.scores.map((s) => letters(s.col)!).reverse(),
  };
}

const FILES = [...xlsxFiles(TEMPLATES_DIR).map((f) => join(TEMPLATES_DIR, f)), ...xlsxFiles(SAMPLES_DIR).map((f) => join(SAMPLES_DIR, f))];

describe("every template and sample", () => {
  it.each(FILES.map((f) => [f.slice(TEMPLATES_DIR.length + 1), f] as const))(
    "%s: the scan and 计算 agree as opened, after 写回, and with a stored mapping of each score sheet",
    async (_name, path) => {
      const port = createXlsxPort(readFileSync(path));
      // as opened
      const opened = await checkWorkbook(port);
      expectAgreement(await describeWorkbook(port), opened.report, opened.grids);
      // after 写回 (核算得分 column, 核算结果 sheet)
      await port.apply(await planWriteback(opened, port));
      const written = await port.readSheets();
      expect(written.some((g) => g.name === RESULT_SHEET)).toBe(true);
      expectAgreement(describeGrids(written), checkGrids(written), written);
      // with a stored mapping per score sheet whose score columns run the other way round
      const detected = written.flatMap((g) => {
        const t = g.name === RESULT_SHEET ? null : detectScoreTable(g);
        return t ? [t] : [];
      });
      const mappings = detected.map(reversedMapping).filter((m): m is ColumnMapping => m !== null);
      expect(mappings.length).toBe(scoreSheets(opened.report).length);
      await port.apply(mappingChanges(mappings));
      const d = await describeWorkbook(port);
      const mapped = await port.readSheets();
      const r = checkGrids(mapped);
      expectAgreement(d, r, mapped);
      // the scan follows the mapping: the score columns in the clerk's order
      expect(d.sheets.filter((s) => s.kind === "score").map((s) => [s.name, s.scoreColumns])).toEqual(
        detected.map((t) => [t.sheet, t.columns.scores.map((s) => s.header).reverse()]),
      );
      expect(d.sheets.map((s) => s.name)).not.toContain(MAPPING_SHEET);
      expect(d.sheets.map((s) => s.name)).not.toContain(RESULT_SHEET);
    },
  );
});
