import { describe, expect, it } from "vitest";
import type { CellValue } from "../../src/core/grid";
import { readUnit } from "../../src/core/unit";
import { checkGrids } from "../../src/kaohe";
import type { ScoreSheetReport } from "../../src/core/report";
import { xiuwenGrids } from "../collect/units";

const gridOf = (rows: CellValue[][]) => [{ name: "表1", cells: rows, merges: [] }];

describe("readUnit: the unit's name and class as the form writes them", () => {
  it.each<[string, CellValue[][], string | null, string | null]>([
    ["单位(签字盖章), full-width colon", [["单位(签字盖章):根河市好里堡办事处"]], "根河市好里堡办事处", null],
    ["单位名称, half-width colon", [["单位名称: 县教育局"]], "县教育局", null],
    ["填报单位(盖章) with a second field on the line", [["填报单位(盖章):县财政局                    统计年度:2021"]], "县财政局", null],
    ["填报单位 left blank before the second field", [["填报单位(盖章):                    统计年度:"]], null, null],
    ["被考核单位 with the name in the next cell", [["被考核单位:", null, "县卫健委"]], "县卫健委", null],
    ["spaced-out label", [["单 位:县民政局"]], "县民政局", null],
    ["a blank line of underscores", [["单位名称:__________"]], null, null],
    ["单位负责人 is a person, not the unit", [["单位负责人:张三"]], null, null],
    ["负责单位 is not the unit either", [["负责单位:县政府办"]], null, null],
    ["单位:万元 is a unit of measure", [["单位:万元、件"], ["填报单位:县财政局"]], "县财政局", null],
    ["(单位:万元) inside a label neither", [["本年收费金额(单位:万元)"]], null, null],
    ["单位类别", [["单位类别:二类"]], null, "二类"],
    ["单位类别 with its options printed and nothing chosen", [["单位类别(一类/二类):"]], null, null],
    ["options left as printed", [["单位类别:一类/二类"]], null, null],
    ["the chosen option ticked", [["考核类别:□一类 ☑二类"]], null, "二类"],
    ["name and class on one line", [["考核单位:区统计局  单位类别:A类"]], "区统计局", "A类"],
    ["the first sheet that says it wins", [["考核单位:区统计局"], ["填报单位:别的局"]], "区统计局", null],
  ])("%s", (_, rows, name, unitClass) => {
    const u = readUnit(gridOf(rows));
    expect(u.name).toBe(name);
    expect(u.unitClass).toBe(unitClass);
  });

  it("says where it read them", () => {
    const u = readUnit(gridOf([["标题"], ["被考核单位:", "县卫健委"], ["单位类别:乡镇"]]));
    expect(u.nameAt).toEqual({ sheet: "表1", cell: "B2" });
    expect(u.classAt).toEqual({ sheet: "表1", cell: "A3" });
  });
});

describe("checkGrids: the class written in the sheet (#10)", () => {
  // 修文 item 9 (分值 6): 一类 −0.1 per missing weekly item, 二类 −0.2. 5.9 is a whole number of
  // 一类 steps but not of 二类 steps.
  const sheetOf = (r: ReturnType<typeof checkGrids>) => r.sheets[0] as ScoreSheetReport;

  it("scores by the class the sheet names when the rules know it", () => {
    const r = checkGrids(xiuwenGrids({ unitClass: "二类", item9: 5.9 }));
    expect(sheetOf(r).unitClass).toBe("二类");
    expect(r.findings.map((f) => `${f.code} ${f.cell}`)).toEqual(["score_off_step E15"]);
  });

  it("an explicit class still wins", () => {
    const r = checkGrids(xiuwenGrids({ unitClass: "二类", item9: 5.9 }), { unitClass: "一类" });
    expect(sheetOf(r).unitClass).toBe("一类");
    expect(r.findings).toEqual([]);
  });

  it("without a class in the sheet, the first class of the rules applies as before", () => {
    const r = checkGrids(xiuwenGrids({ item9: 5.9 }));
    expect(sheetOf(r).unitClass).toBe("一类");
    expect(r.findings).toEqual([]);
  });

  it("a class the rules do not name is not an error: the default applies", () => {
    const r = checkGrids(xiuwenGrids({ unitClass: "乡镇", item9: 5.9 }));
    expect(sheetOf(r).unitClass).toBe("一类");
  });
});
