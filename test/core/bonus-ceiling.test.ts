import { readFileSync } from "node:fs";
/**
 * What the pane needs to say the truth at a glance, from the engine: the most the 加分 items may add
 * (so 35 + 5 reads "满分 35,加分上限 5(共 40)") and where a declared total came from.
 */
import { describe, expect, it } from "vitest";
import { createXlsxPort } from "../../src/hosts/xlsx";
import { checkGrids, checkWorkbook } from "../../src/kaohe";
import type { ScoreSheetReport } from "../../src/core/report";
import type { Grid } from "../../src/core/grid";

async function sample(name: string) {
  const { report } = await checkWorkbook(createXlsxPort(new Uint8Array(readFileSync(`templates/samples/${name}`))));
  return { report, sheet: report.sheets.find((s): s is ScoreSheetReport => s.kind === "score")! };
}

const table = (rows: unknown[][]): Grid => ({
  name: "考核",
  cells: [["序号", "考核内容", "分值", "评分标准", "自查得分"], ...rows] as Grid["cells"],
  merges: [],
});

describe("bonusMax", () => {
  it("修文 40: the 加分指标 capped at 5 by the scheme; the open 加、扣分项 said apart", async () => {
    const { sheet } = await sample("xiuwen-40-sample.xlsx");
    expect(sheet.total.max).toBe(35);
    expect(sheet.bonusMax).toBe(5);
    expect(sheet.bonusOpen).toBe(true);
  });

  it("sums the items' own caps where no group caps them", () => {
    const s = checkGrids([
      table([
        [1, "公开年度报告", 10, "未公开扣10分", 10],
        [2, "政策解读", "加分项", "每篇加1分,最多加3分", 2],
        [3, "获得表彰", "加分项", "获省级表彰加2分,最高不超过2分", 0],
        [4, "错敏字", "扣分项", "每个扣1分,最多扣5分", 1],
      ]),
    ]).sheets[0] as ScoreSheetReport;
    expect(s.total.max).toBe(10);
    expect(s.bonusMax).toBe(5);
    expect(s.bonusOpen).toBeUndefined();
  });

  it("is 0 without bonus items, null when a bonus has no bound", () => {
    const plain = checkGrids([table([[1, "公开年度报告", 10, "未公开扣10分", 10]])]).sheets[0] as ScoreSheetReport;
    expect(plain.bonusMax).toBe(0);
    const open = checkGrids([table([[1, "公开年度报告", 10, "未公开扣10分", 10], [2, "政策解读", "加分项", "每篇加1分", 2]])]).sheets[0] as ScoreSheetReport;
    expect(open.bonusMax).toBeNull();
  });
});

describe("max_sum_mismatch says where the declared total came from", () => {
  it("from the template (根河 部门: 100 declared by the scheme, 110 in the table)", async () => {
    const { report } = await sample("genhe-department-sample.xlsx");
    const f = report.findings.find((x) => x.code === "max_sum_mismatch")!;
    expect(f.message).toBe("所识别的模板规定全表满分 100 分(表内未写明),但表内各项分值合计 110 分");
    expect([f.expected, f.actual]).toEqual([100, 110]);
  });

  it("from a cell of the table: the message names it", () => {
    const r = checkGrids([table([[1, "甲", 60, "", 50], [2, "乙", 50, "", 30], ["合计", null, 100, null, null]])]);
    const f = r.findings.find((x) => x.code === "max_sum_mismatch")!;
    expect(f.cell).toBe("C4");
    expect(f.message).toBe("“合计”标明 100 分(单元格 C4 中的数字),但所含各项分值合计 110 分");
  });
});
