/**
 * Data validation and conditional marks on the entry cells: bounds from the rules, the rule text
 * as the input message, 是/否 for vetoes, runs of equal bounds in one conditional format, and
 * clear lists that take in everything an earlier run wrote.
 */
import { describe, expect, it } from "vitest";
import { parseRange, type CellValue } from "../../src/core/grid";
import type { ScoreSheetReport } from "../../src/core/report";
import { LIVE_MARK_COLOR } from "../../src/footprint";
import { checkGrids } from "../../src/kaohe";
import { planChanges } from "../../src/writeback";
import { liveValidation } from "../../src/writeback/live";
import { gridOf } from "../helpers/grid";
import { edited } from "./cases";

const HEADER: CellValue[] = ["序号", "考核内容", "分值", "评分标准", "自评得分", "考核得分"];
const LONG = "按照“谁制定、谁解读”的原则,".repeat(20) + "每缺一篇扣1分";

const grid = () =>
  gridOf([
    HEADER,
    [1, "主动公开", 6, "每缺一项扣2分", 6],
    [2, "年报", 6, "未发布扣6分", 4],
    [3, "政策解读", 4, LONG, 4],
    [4, "经验推广", "加分项", "每次加1分,最高不超过3分", 2],
    [5, "通报批评", "扣分项", "每次扣2分,最多扣6分", null],
    [6, "意见征集", "加、扣分项", "每次加1分,最多加2分;未征集扣1分,最多扣2分", null],
    [7, "创新", "加分项", "每项加2分", null],
    [8, "失泄密", "一票否决", "发生失泄密事件的,实行一票否决", "否"],
    ["合计", null, 16, null, null],
  ]);

function validationOf(g = grid()) {
  const report = checkGrids([g]).sheets[0] as ScoreSheetReport;
  return liveValidation(report, g, { grids: [g] });
}

describe("validation of entry cells", () => {
  it("bounds each entry by its rules: 0..分值, 0..bonus cap, ±deduction cap, −cap..+cap, 是/否; none where a side is open", () => {
    const v = validationOf();
    expect(v.validations.map((x) => [x.range, x.rule])).toEqual([
      ["E2", { kind: "decimal", min: 0, max: 6 }],
      ["E3", { kind: "decimal", min: 0, max: 6 }],
      ["E4", { kind: "decimal", min: 0, max: 4 }],
      ["E5", { kind: "decimal", min: 0, max: 3 }],
      ["E6", { kind: "decimal", min: -6, max: 6 }],
      ["E7", { kind: "decimal", min: -2, max: 2 }],
      ["E9", { kind: "list", items: ["是", "否"] }],
    ]);
  });

  it("quotes the rule text in the input message, cut to 255 characters, and says what a warning means", () => {
    const v = validationOf();
    // the 分值 and the rule; not the title, which stands in the row (alike items then share one validation)
    expect(v.validations[0].prompt).toBe("分值 6 分:每缺一项扣2分");
    expect(v.validations[2].prompt).toHaveLength(255);
    expect(v.validations[2].prompt.endsWith("…")).toBe(true);
    expect(v.validations[2].prompt.startsWith("分值 4 分:按照“谁制定、谁解读”的原则")).toBe(true);
    expect(v.validations[0].error).toBe("得分应在 0 到 6 之间;不适用的项目可填“不适用”。仍要保留请点“是”,核算时会标出。");
    expect(v.validations[4].error.startsWith("扣分最多 6 分")).toBe(true);
    expect(v.validations[6].prompt.startsWith("一票否决项:填“是”即触发")).toBe(true);
    for (const x of v.validations) expect(x.error.length).toBeLessThanOrEqual(225);
  });

  it("marks out-of-bounds entries with a conditional format, one per run of equal bounds", () => {
    expect(validationOf().conditional).toEqual([
      { sheet: "评分表", range: "E2:E3", formula: "AND(ISNUMBER(E2),OR(E2<0,E2>6))", color: LIVE_MARK_COLOR },
      { sheet: "评分表", range: "E4", formula: "AND(ISNUMBER(E4),OR(E4<0,E4>4))", color: LIVE_MARK_COLOR },
      { sheet: "评分表", range: "E5", formula: "AND(ISNUMBER(E5),OR(E5<0,E5>3))", color: LIVE_MARK_COLOR },
      { sheet: "评分表", range: "E6", formula: "AND(ISNUMBER(E6),OR(E6<-6,E6>6))", color: LIVE_MARK_COLOR },
      { sheet: "评分表", range: "E7", formula: "AND(ISNUMBER(E7),OR(E7<-2,E7>2))", color: LIVE_MARK_COLOR },
    ]);
  });

  it("leaves an entry cell that holds a formula alone", () => {
    const g = grid();
    g.formulas = [];
    g.formulas[2] = [];
    g.formulas[2][4] = true;
    const v = validationOf(g);
    expect(v.validations.map((x) => x.range)).not.toContain("E3");
    expect(v.conditional.map((x) => x.range)).toEqual(["E2", "E4", "E5", "E6", "E7"]);
  });

  it("validates the column that is scored (--column 考核得分)", () => {
    // 考核得分 filled (an empty chosen column beside a filled one would be switched away from)
    const g = edited([grid()], [1, 2, 3].map((row) => ({ sheet: "评分表", row, col: 5, value: 3 })))[0];
    const report = checkGrids([g], { column: "考核得分" }).sheets[0] as ScoreSheetReport;
    expect(liveValidation(report, g, { grids: [g] }).validations[0].range).toBe("F2");
  });
});

describe("idempotence", () => {
  it("clears, on every run, every score column of the table below its header: what any earlier run wrote lies inside", () => {
    const g = grid();
    const report = checkGrids([g]);
    const first = planChanges(report, [g]);
    expect(first.clearValidations).toEqual([
      { sheet: "评分表", range: "E2:E10" },
      { sheet: "评分表", range: "F2:F10" },
    ]);
    expect(first.clearConditional).toEqual(first.clearValidations);
    // the clerk changes entries and runs again, with the other column
    const again = edited([g], [{ sheet: "评分表", row: 1, col: 4, value: 9 }]);
    const second = planChanges(checkGrids(again, { column: "考核得分" }), again);
    const inside = (range: string, areas: Array<{ range: string }>) => {
      const r = parseRange(range)!;
      return areas.some((a) => {
        const c = parseRange(a.range)!;
        return c.top <= r.top && c.bottom >= r.bottom && c.left <= r.left && c.right >= r.right;
      });
    };
    for (const x of first.validations!) expect(inside(x.range, second.clearValidations!)).toBe(true);
    for (const x of first.conditional!) expect(inside(x.range, second.clearConditional!)).toBe(true);
    // the same entries give the same validations: a second run replaces, not adds
    expect(planChanges(report, [g]).validations).toEqual(first.validations);
  });
});
