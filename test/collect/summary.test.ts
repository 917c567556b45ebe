import { describe, expect, it } from "vitest";
import { buildSummaryWorkbook, collect, isSummaryWorkbook, type WorkbookEntry } from "../../src/collect";
import { exceljsGrid as gridOf } from "../xlsx/exceljs-grid";

const entry = (file: string, unitName: string, final: number): WorkbookEntry => ({
  file,
  folders: [],
  round: null,
  unitName,
  unitClass: null,
  failure: null,
  scored: true,
  column: "自查评分",
  max: 100,
  final,
  vetoed: false,
  findings: [],
  lost: [],
  compare: [],
  compareColumns: null,
  statistics: null,
});

describe("汇总.xlsx: sheet names Excel accepts", () => {
  it("gives each unit's 反馈单 a name of at most 31 characters, without : \\ / ? * [ ], unique", () => {
    const long = "内蒙古自治区呼伦贝尔市根河市好里堡办事处政务公开工作领导小组办公室";
    const batch = collect([entry("a.xlsx", `${long}甲`, 90), entry("b.xlsx", `${long}乙`, 80), entry("c.xlsx", "县局[信息/公开]:办", 70)]);
    const names = buildSummaryWorkbook(batch).worksheets.map((w) => w.name);
    expect(names.slice(0, 2)).toEqual(["排名", "通报"]);
    const feedback = names.slice(2);
    expect(feedback).toHaveLength(3);
    expect(new Set(feedback).size).toBe(3);
    for (const n of feedback) {
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[:\\/?*[\]]/);
      expect(n.startsWith("反馈单-")).toBe(true);
    }
    expect(feedback[2]).toBe("反馈单-县局_信息_公开__办");
  });

  it("knows its own workbook again, and no unit's", () => {
    const batch = collect([entry("a.xlsx", "甲局", 90)]);
    const grids = buildSummaryWorkbook(batch).worksheets.map(gridOf);
    expect(isSummaryWorkbook(grids)).toBe(true);
    expect(isSummaryWorkbook([{ name: "排名", cells: [["2024年排名表"]], merges: [] }, { name: "通报", cells: [], merges: [] }])).toBe(false);
  });
});
