/**
 * No dead end, engine side: a table the engine cannot find by its header words is scored by the
 * column mapping the clerk chose, stored in the workbook's hidden mapping sheet, read by the CLI.
 */
import ExcelJS from "exceljs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main, type Io } from "../../src/cli/main";
import { NoTableError } from "../../src/core/errors";
import { detectScoreTable } from "../../src/core/layout/detect";
import { tableFromMapping } from "../../src/core/layout/mapping";
import { readMappings, type ColumnMapping } from "../../src/core/mapping";
import type { ScoreSheetReport } from "../../src/core/report";
import { MAPPING_SHEET } from "../../src/footprint";
import { checkGrids, mappingSheet, withMapping } from "../../src/kaohe";
import { planChanges } from "../../src/writeback";
import { countyDepartment } from "../corpus/tables";
import { gridOf } from "../helpers/grid";
import { tempDir } from "../helpers/xlsx";
import { UNKNOWN_MAPPING, mappingGrid, unknownHeaderSheet } from "./cases";
import { workbookOfGrids } from "./workbook";

const scoreSheets = (grids: Parameters<typeof checkGrids>[0], options: Parameters<typeof checkGrids>[1] = {}) =>
  checkGrids(grids, options).sheets.filter((s): s is ScoreSheetReport => s.kind === "score");

describe("a score table from a column mapping", () => {
  it("is the table detection finds when the mapping says what the header words say", () => {
    const grid = countyDepartment();
    const detected = detectScoreTable(grid)!;
    const mapped = tableFromMapping(grid, { sheet: grid.name, headerRow: 4, title: "C", max: "D", method: "E", category: "B", id: "A", scores: ["F", "G"] })!;
    expect(mapped.items).toEqual(detected.items);
    expect([...mapped.groups.values()]).toEqual([...detected.groups.values()]);
    expect(mapped.total).toEqual(detected.total);
    expect(mapped.columns.scores).toEqual(detected.columns.scores);
    expect(mapped.lastRow).toBe(detected.lastRow);
    expect(mapped.title).toBe(detected.title);
  });

  it("scores a sheet whose header words the engine does not know", () => {
    const grid = unknownHeaderSheet([8, 4, "不适用", 5]);
    expect(() => checkGrids([grid])).toThrow(NoTableError);
    const [s] = scoreSheets([grid], { mapping: [UNKNOWN_MAPPING] });
    expect(s.column).toBe("本单位填报");
    expect(s.items.map((i) => [i.row, i.category, i.kind, i.max, i.score])).toEqual([
      [3, "公开", "scored", 10, 8],
      [4, "公开", "scored", 5, 4],
      [5, "解读", "scored", 5, 0],
      [6, "加分", "adjust", null, 3],
    ]);
    expect(s.total).toMatchObject({ max: 15, base: 12, adjustments: 3, final: 15 });
    expect(s.placement).toMatchObject({ headerRow: 1, scoreColumn: 4, totalRow: 6 });
  });

  it("keeps a 扣分 header's meaning: the item scores its 分值 less what is entered", () => {
    const grid = gridOf([["项目", "说明", "满分数", "实扣"], ["年报", "按时发布", 10, 4], ["网站", "栏目更新", 5, null]], [], "表一");
    const mapping: ColumnMapping = { sheet: "表一", headerRow: 1, title: "B", max: "C", method: null, category: "A", id: null, scores: ["D"] };
    expect(scoreSheets([grid], { mapping: [mapping] })[0].items.map((i) => i.score)).toEqual([4, 0]);
    grid.cells[0][3] = "扣分";
    expect(scoreSheets([grid], { mapping: [mapping] })[0].items.map((i) => i.score)).toEqual([6, 5]);
  });

  it("is read from the workbook's mapping sheet when no mapping is given, and that sheet is never scored", () => {
    const grids = [unknownHeaderSheet(), mappingGrid([UNKNOWN_MAPPING])];
    const sheets = checkGrids(grids).sheets;
    expect(sheets.map((s) => s.sheet)).toEqual(["量化表"]);
    expect((sheets[0] as ScoreSheetReport).total.final).toBe(14);
  });

  it("given in the options, replaces the stored one", () => {
    const grids = [unknownHeaderSheet(), mappingGrid([{ ...UNKNOWN_MAPPING, scores: ["D"] }])];
    expect(scoreSheets(grids)[0].column).toBe("计分口径");
    expect(scoreSheets(grids, { mapping: [UNKNOWN_MAPPING] })[0].column).toBe("本单位填报");
  });
});

describe("写回 of a table read by a mapping not yet stored", () => {
  it("writes live formulas when the plan is given the mapping, the engine's values otherwise", () => {
    const grids = [unknownHeaderSheet()];
    const report = checkGrids(grids, { mapping: [UNKNOWN_MAPPING] });
    const told = planChanges(report, grids, { mapping: [UNKNOWN_MAPPING] });
    const untold = planChanges(report, grids);
    expect(told.values[0].values).toEqual(untold.values[0].values);
    expect(told.values[0].formulas?.flat().filter(Boolean)).toHaveLength(5);
    expect(untold.values[0].formulas).toBeUndefined();
    expect(told.validations?.map((v) => v.range)).toEqual(["E3", "E4", "E5", "E6"]);
  });
});

describe("the mapping sheet the pane writes", () => {
  it("is hidden, ours, and reads back as the mappings written", () => {
    const other: ColumnMapping = { sheet: "附件2", headerRow: 3, title: "C", max: "D", method: null, category: null, id: "A", scores: ["F", "G"] };
    const mappings = withMapping(withMapping([other], { ...UNKNOWN_MAPPING, title: "C" }), UNKNOWN_MAPPING);
    const sw = mappingSheet(mappings);
    expect(sw.name).toBe(MAPPING_SHEET);
    expect(sw.hidden).toBe(true);
    expect(String(sw.rows[0][0])).toMatch(/^核算结果\(考核计分助手生成/);
    expect(readMappings([gridOf(sw.rows, [], sw.name)])).toEqual([other, UNKNOWN_MAPPING]);
  });
});

async function kaohe(...argv: string[]) {
  let out = "";
  let err = "";
  const io: Io = { out: (s) => void (out += s), err: (s) => void (err += s), isTTY: false };
  return { code: await main(argv, io), out: () => out, err: () => err };
}

describe("kaohe check with a stored mapping", () => {
  it("scores the mapped sheet, writes live formulas with --out and plain values with --values", async () => {
    const dir = tempDir();
    const file = join(dir, "量化.xlsx");
    await workbookOfGrids([unknownHeaderSheet(), mappingGrid([UNKNOWN_MAPPING])]).xlsx.writeFile(file);
    const json = await kaohe("check", file, "--json");
    expect(json.err()).toBe("");
    const report = JSON.parse(json.out());
    expect(report.sheets.map((s: { sheet: string; total: { final: number } }) => [s.sheet, s.total.final])).toEqual([["量化表", 14]]);

    const live = join(dir, "写回.xlsx");
    const plain = join(dir, "数值.xlsx");
    expect((await kaohe("check", file, "--out", live)).code).toBe(0);
    expect((await kaohe("check", file, "--out", plain, "--values")).code).toBe(0);
    const column = async (path: string) => {
      const wb = await new ExcelJS.Workbook().xlsx.readFile(path);
      expect(wb.getWorksheet(MAPPING_SHEET)?.state).toBe("hidden");
      return [3, 4, 5, 6, 7].map((r) => wb.getWorksheet("量化表")!.getCell(`F${r}`).value);
    };
    const f = await column(live);
    expect(f.map((v) => (v && typeof v === "object" && "formula" in v ? v.result : "no formula"))).toEqual([8, 4, "不适用", 2, 14]);
    expect(String((f[4] as { formula: string }).formula)).toBe("MAX(0,ROUND(ROUND(SUM(F3:F5),6)+ROUND(SUM(F6),6),6))");
    expect(await column(plain)).toEqual([8, 4, "不适用", 2, 14]);
  });
});
