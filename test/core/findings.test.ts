import { describe, expect, it } from "vitest";
import { FINDING_CATALOG, renderFinding, sortFindings, type Finding, type FindingCode, type FindingFields } from "../../src/core/findings";

/** One example per code; the type makes a new code without an example a compile error. */
const EXAMPLES: { [K in FindingCode]: FindingFields[K] } = {
  score_normalized: { entered: "5分", value: 5, reason: "text" },
  score_missing: { title: "舆情回应" },
  score_not_number: { entered: "良好" },
  score_over_max: { max: 6, entered: 8 },
  score_negative: { entered: -1 },
  score_off_step: { max: 16, step: 4, entered: 10 },
  deduction_over_max: { max: 5, entered: 6 },
  adjust_over_cap: { cap: 10, entered: 12 },
  adjust_under_cap: { cap: 10, entered: -12 },
  item_not_applicable: { title: "行政许可信息", entered: "不适用" },
  veto_applied: { title: "失泄密事件" },
  group_bonus_capped: { group: "加分指标", cap: 5, sum: 7 },
  group_deduct_capped: { group: "扣分项", cap: 10, sum: 12 },
  max_sum_mismatch: { scope: "合计", declared: 100, sum: 110 },
  max_unknown: { title: "其他工作" },
  criterion_points_mismatch: { title: "意见征集", stated: 10, max: 8, maxCell: "G4" },
  total_mismatch: { entered: 85, computed: 80 },
  rule_not_understood: { phrase: "单份文件未达标扣1份" },
  score_column_missing: { column: "复核得分", available: ["自查评分", "考核评分"] },
  score_column_switched: { from: "自查评分", to: "考核评分" },
  check_incomplete: { part: "统计表" },
  sheet_base: { points: 6, text: "基础得分为6分" },
  stat_sum_mismatch: { label: "收到申请数", value: 5, sum: 4, parts: ["当面申请数", "网络申请数"] },
  stat_part_exceeds_whole: { label: "主动公开规范性文件数", value: 10, whole: "制发规范性文件总数", wholeCell: "C5", wholeValue: 7 },
  stat_not_integer: { label: "收到申请数", value: 2.5, unit: "件" },
  stat_decimals: { label: "专项经费", value: 0.125 },
  stat_blank: { label: "举报投诉数量" },
  stat_not_number: { label: "网络申请数", entered: "若干" },
  stat_not_yes_no: { label: "是否设立实体办事大厅", entered: "有" },
  summary_max_mismatch: { label: "政务公开", targetSheet: "政务公开", group: null, declared: 20, max: 25 },
  summary_score_mismatch: { label: "附件1 政务公开", targetSheet: "政务公开", group: null, column: "自查评分", entered: 18, computed: 16, formula: true },
  summary_total_mismatch: { label: "合计", column: "考核得分", entered: 90, sum: 88, rows: 3 },
  summary_row_unmatched: { label: "组织领导", candidates: [] },
  cross_check_failed: {
    check: "政策解读加分",
    claimed: 5,
    statLabel: "政策解读稿件发布数",
    statSheet: "统计表",
    statCell: "C20",
    statValue: 2,
    detail: "按每篇 2 分,最多可加 4 分",
  },
};

describe("the zh-CN catalog", () => {
  it.each(Object.keys(FINDING_CATALOG) as FindingCode[])("%s renders a Chinese message with no gaps", (code) => {
    const f = { code, sheet: "评分表", cell: "F5", ...EXAMPLES[code] } as Finding;
    const r = renderFinding(f);
    expect(r).toMatchObject({ code, sheet: "评分表", cell: "F5", severity: FINDING_CATALOG[code].severity });
    expect(r.message).toMatch(/[\u4e00-\u9fff]/);
    expect(r.message).not.toMatch(/undefined|NaN|\[object/);
  });

  it("names numbers the way a reviewer writes them", () => {
    const r = renderFinding({ code: "score_over_max", sheet: "s", cell: "F5", max: 6, entered: 6.1000000001 });
    expect(r.message).toBe("得分 6.1 超过分值 6,按 6 分计算");
    expect(r).toMatchObject({ expected: "≤6", actual: 6.1000000001 });
  });

  it("sorts errors before warnings before infos, keeping order within each", () => {
    const list = [
      { severity: "info" as const, n: 1 },
      { severity: "error" as const, n: 2 },
      { severity: "warning" as const, n: 3 },
      { severity: "error" as const, n: 4 },
    ];
    expect(sortFindings(list).map((x) => x.n)).toEqual([2, 4, 3, 1]);
  });
});
