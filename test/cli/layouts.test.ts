/**
 * `kaohe check` end to end on workbooks built in the layouts of the seed documents: the 根河
 * 乡镇 and 部门 tables, the 乌海 自查评分表 (points inside the text), and a 修文-style 40-point
 * table with a capped bonus section, deductions and a veto.
 */
import { describe, expect, it } from "vitest";
import { main, type Io } from "../../src/cli/main";
import type { Grid } from "../../src/core/grid";
import type { Report, ScoreSheetReport } from "../../src/core/report";
import { genheDepartment, genheTownship, xiuwenGrid } from "../helpers/seeds";
import { wuhaiGrid } from "../helpers/wuhai";
import { writeXlsx } from "../helpers/xlsx";

async function check(grids: Grid[], ...args: string[]) {
  const file = await writeXlsx(grids);
  let out = "";
  const io: Io = { out: (s) => void (out += s), err: () => {}, isTTY: false };
  const code = await main(["check", file, "--json", ...args], io);
  const report = JSON.parse(out) as Report;
  const score = report.sheets.filter((s): s is ScoreSheetReport => s.kind === "score");
  const found = report.findings.filter((f) => f.severity !== "info").map((f) => `${f.code}@${f.cell}`);
  return { code, report, score, found };
}

const TOWNSHIP_SELF = [6, 12, 8, 5, 5, 5, 5, 8, 18, 7, 4, 5, 6, 4, 5];

describe("根河 2017 乡镇/办事处 (附件1)", () => {
  it("totals 100 points of scored items plus the 加、扣分项 adjustments", async () => {
    const { code, score, found } = await check([genheTownship(TOWNSHIP_SELF)]);
    expect(code).toBe(0);
    expect(found).toEqual([]);
    expect(score[0].total).toEqual({ max: 100, base: 93, adjustments: 10, final: 103, rate: 1.03, vetoed: false });
    expect(score[0].categories).toEqual([
      { name: "组织保障", max: 45, score: 41 },
      { name: "政府信息公开", max: 46, score: 47 },
      { name: "政策解读", max: 0, score: 6 },
      { name: "舆情回应", max: 4, score: 4 },
      { name: "推进政务公开示范点建设", max: 5, score: 5 },
    ]);
  });

  it("scores the 考核评分 column the assessing office fills, and enforces the item caps there", async () => {
    const review = [5, 8, 8, 5, 4, 5, 5, 6, 15, 6, 12, 5, -12, 3, 5];
    const { code, score, found } = await check([genheTownship(TOWNSHIP_SELF, review)], "--column", "考核评分");
    expect(code).toBe(1);
    expect(score[0].column).toBe("考核评分");
    expect(found).toEqual(["adjust_over_cap@G13", "adjust_under_cap@G15"]);
    expect(score[0].total).toMatchObject({ max: 100, base: 80, adjustments: 0, final: 80 });
  });
});

describe("根河 2017 部门 (附件2)", () => {
  it("adds its 分值 up to 110", async () => {
    const { score } = await check([genheDepartment(TOWNSHIP_SELF.map((v, i) => (i === 8 ? 28 : v)))]);
    expect(score[0].total.max).toBe(110);
    expect(score[0].total.base).toBe(103);
  });
});

describe("乌海 2017 自查评分表: points written inside the criterion text", () => {
  it("reads each row's maximum from its text, normalises '5分' entries and warns for blanks", async () => {
    const { code, score, report, found } = await check([wuhaiGrid({}, "30分")]);
    expect(code).toBe(0);
    expect(score[0].total).toMatchObject({ max: 30, base: 28, final: 28 });
    expect(found).toEqual(["score_missing@D11"]);
    expect(report.findings.filter((f) => f.code === "score_normalized")).toHaveLength(8);
  });

  it("flags an entry over the points its text gives", async () => {
    const { found } = await check([wuhaiGrid({ 4: "5分" }, "30分")]);
    expect(found).toEqual(["score_over_max@D7", "score_missing@D11"]);
  });
});

describe("修文-style 40-point table: 35 base, bonus section capped at 5, deductions and veto", () => {
  it("caps the bonus section at 5 and applies the deductions", async () => {
    const { code, score, found } = await check([xiuwenGrid({ "13": 2, "14": 4, "15": 1, "17": 5, "18": "扣0.4" })]);
    expect(code).toBe(0);
    expect(score[0].total).toEqual({ max: 35, base: 35, adjustments: -0.4, final: 34.6, rate: 0.988571, vetoed: false });
    expect(found).toEqual(["group_bonus_capped@A18"]);
    expect(score[0].items.find((i) => i.id === "17")).toMatchObject({ kind: "adjust", score: -5 });
    expect(score[0].items.find((i) => i.id === "13")).toMatchObject({ kind: "adjust", score: 2 });
  });

  it("rejects a bonus over its per-item cap and a deduction over 最多扣40分", async () => {
    const { code, found } = await check([xiuwenGrid({ "13": 4.5, "17": 45 })]);
    expect(code).toBe(1);
    expect(found).toEqual(["adjust_over_cap@E19", "adjust_under_cap@E25"]);
  });

  it("sets the final to 0 when a veto item is triggered", async () => {
    const { score, found } = await check([xiuwenGrid({ "16": "是", "13": 3 })]);
    expect(score[0].total).toMatchObject({ base: 35, adjustments: 3, final: 0, vetoed: true });
    expect(found).toEqual(["veto_applied@E24"]);
  });

  it("checks the rate of the unit class chosen with --class", async () => {
    const first = await check([xiuwenGrid({ "9": 5.9 })]);
    expect(first.score[0].unitClass).toBe("一类");
    expect(first.found).toEqual([]);
    const second = await check([xiuwenGrid({ "9": 5.9 })], "--class", "二类");
    expect(second.score[0].unitClass).toBe("二类");
    expect(second.found).toEqual(["score_off_step@E12"]);
  });

  it("flags a typed total that is not the computed one", async () => {
    const { found } = await check([xiuwenGrid({ total: 40 })]);
    expect(found).toEqual(["total_mismatch@E27"]);
  });
});
