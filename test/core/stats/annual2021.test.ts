import { describe, expect, it } from "vitest";
import type { CellValue, Grid } from "../../../src/core/grid";
import { renderFinding, type Finding } from "../../../src/core/findings";
import { checkStatistics, detectStatistics, STAT_KEYS, statisticsReport, statValue } from "../../../src/core/stats";
import { annualReportGrid, applicationCell as at, APPEALS_CONSISTENT, CONSISTENT, LINES, PROACTIVE, type Layout2021 } from "./build2021";

const NP = 0; // 自然人
const COMMERCIAL = 1;
const TOTAL = 6;

const check = (p: Layout2021 = {}) => checkStatistics(detectStatistics(annualReportGrid(p))!);
const codes = (fs: Finding[]) => fs.map((f) => `${f.code}@${f.cell}`);

/** CONSISTENT with some cells changed: { "results_total": [[NP, 12]] }. */
function changed(changes: Record<string, [number, CellValue][]>): Record<string, CellValue[]> {
  const out: Record<string, CellValue[]> = Object.fromEntries(Object.entries(CONSISTENT).map(([k, v]) => [k, [...v]]));
  for (const [line, cells] of Object.entries(changes)) {
    out[line] ??= Array(7).fill(0);
    for (const [col, v] of cells) out[line][col] = v;
  }
  return out;
}

describe("detectStatistics: the 2021 年报 tables", () => {
  it("recognises the 2021 format by its tables, not by a 统计指标 header", () => {
    const table = detectStatistics(annualReportGrid());
    expect(table?.format).toBe("2021");
    expect(table?.rows).toHaveLength(25 * 7 + 15);
  });

  it("names each cell by its line and column, and finds it wherever the table stands", () => {
    const p = { top: 6, left: 4 };
    const table = detectStatistics(annualReportGrid(p))!;
    const total = table.rows.find((r) => r.key === "results_total.natural_person");
    expect(total).toMatchObject({ label: "三(七)总计·自然人", unit: "件", kind: "count", cell: at("results_total", NP, p), value: 11 });
    expect(table.rows.find((r) => r.key === "other_other.commercial")).toMatchObject({ label: "三(六)3.其他·商业企业", value: 1 });
    expect(table.rows.find((r) => r.key === "litigation_after_review.total")).toMatchObject({ label: "行政诉讼·复议后起诉·总计" });
  });

  it("reads section 二's four small tables", () => {
    const table = detectStatistics(annualReportGrid({ proactive: PROACTIVE, top: 16 }))!;
    const proactive = table.rows.filter((r) => /^(regulations|normative_docs|licensing|penalties|enforcement|fees)\./.test(r.key ?? ""));
    expect(proactive.map((r) => [r.key, r.cell, r.value])).toEqual([
      ["regulations.issued", "B4", 0],
      ["regulations.repealed", "C4", 0],
      ["regulations.in_force", "D4", 3],
      ["normative_docs.issued", "B5", 5],
      ["normative_docs.repealed", "C5", 1],
      ["normative_docs.in_force", "D5", 20],
      ["licensing.decisions", "B8", 120],
      ["penalties.decisions", "B11", 30],
      ["enforcement.decisions", "B12", 2],
      ["fees.amount", "B15", 1.5],
    ]);
    expect(table.rows.find((r) => r.key === "fees.amount")).toMatchObject({ kind: "money", unit: "万元" });
  });

  it("ends section 三 at 四、结转下年度继续办理, whatever is written below", () => {
    const grid = annualReportGrid({ appeals: null });
    grid.cells.push(["填报人:张三", null, null, "联系电话", 5230666]);
    expect(detectStatistics(grid)?.rows).toHaveLength(25 * 7);
  });

  it("checks 收费金额 as money and the 件数 as counts", () => {
    const proactive = PROACTIVE.map((row) => [...row]);
    proactive[14][1] = 1.234;
    proactive[4][1] = 2.5;
    const findings = checkStatistics(detectStatistics(annualReportGrid({ proactive, top: 16 }))!);
    expect(findings).toMatchObject([
      { code: "stat_not_integer", cell: "B5", label: "行政规范性文件·本年制发件数", unit: "件" },
      { code: "stat_decimals", cell: "B15", label: "行政事业性收费·本年收费金额(万元)" },
    ]);
  });

  it("finds 行政复议/行政诉讼 alone", () => {
    const grid = annualReportGrid();
    const appeals: Grid = { ...grid, cells: grid.cells.slice(), merges: grid.merges.filter((m) => m.top > 30) };
    for (let r = 0; r <= 30; r++) appeals.cells[r] = [];
    const table = detectStatistics(appeals)!;
    const results = ["upheld", "corrected", "other", "pending", "total"];
    expect(table.rows.map((r) => r.key)).toEqual(["review", "litigation_direct", "litigation_after_review"].flatMap((g) => results.map((c) => `${g}.${c}`)));
    expect(checkStatistics(table)).toEqual([]);
  });
});

describe("checkStatistics: a consistent 2021 report", () => {
  it.each([
    ["as the form lays it out", {}],
    ["at an offset", { top: 9, left: 5 }],
    ["with a subtotal line for 三(三)", { withheldSubtotal: [2, 0, 0, 0, 0, 0, 2] }],
    ["with section 二 above", { proactive: PROACTIVE, top: 16 }],
    ["with all labels in one column, groups on lines of their own", { flatLabels: true }],
  ])("is quiet %s", (_, p) => {
    expect(check(p)).toEqual([]);
  });
});

describe("checkStatistics: the identities of section 三, in every column", () => {
  it("总计 = 自然人 + 法人或其他组织 (its five columns)", () => {
    const findings = check({ values: changed({ new: [[COMMERCIAL, 4]] }) });
    const f = findings.find((x) => x.cell === at("new", TOTAL));
    expect(f).toEqual({
      code: "stat_sum_mismatch",
      sheet: "年报",
      cell: at("new", TOTAL),
      label: "一、本年新收政府信息公开申请数量·总计",
      value: 14,
      sum: 15,
      parts: ["自然人", "法人或其他组织"],
    });
  });

  it("三(七)总计 = (一) + (二) + (三) + (四) + (五) + (六), the groups adding up their items", () => {
    const findings = check({ values: changed({ results_total: [[NP, 12]] }) });
    const f = findings.find((x) => x.cell === at("results_total", NP))!;
    expect(renderFinding(f).message).toBe(
      "“三(七)总计·自然人”填 12,但三(一)予以公开、三(二)部分公开、三(三)不予公开、三(四)无法提供、三(五)不予处理、三(六)其他处理之和为 11",
    );
  });

  it("一 + 二 = 三(七) + 四, reported at 四", () => {
    const findings = check({ values: changed({ carry_forward: [[NP, 0]] }) });
    const f = findings.find((x) => x.cell === at("carry_forward", NP))!;
    expect(f).toMatchObject({ value: 0, sum: 1, minus: ["三(七)总计"] });
    expect(renderFinding(f).message).toBe(
      "“四、结转下年度继续办理·自然人”填 0,但一、本年新收政府信息公开申请数量、二、上年结转政府信息公开申请数量之和减去三(七)总计为 1",
    );
  });

  it("a group with a line of its own equals its items", () => {
    const findings = check({ withheldSubtotal: [3, 0, 0, 0, 0, 0, 3] });
    const subtotal = { withheldSubtotal: [3] };
    expect(codes(findings)).toEqual([
      `stat_sum_mismatch@${at("withheld", NP, subtotal)}`,
      `stat_sum_mismatch@${at("withheld", TOTAL, subtotal)}`,
      `stat_sum_mismatch@${at("results_total", NP, subtotal)}`,
      `stat_sum_mismatch@${at("results_total", TOTAL, subtotal)}`,
    ]);
    expect(findings[0]).toMatchObject({ label: "三(三)不予公开·自然人", value: 3, sum: 2 });
  });

  it.each([
    ["an item of 三(三)", "withheld_inquiry"],
    ["an item of 三(四)", "unable_unclear"],
    ["an item of 三(五)", "not_processed_petition"],
    ["an item of 三(六)", "other_no_fee"],
    ["三(一)", "granted"],
    ["三(二)", "partly_granted"],
  ])("one more in %s breaks 三(七) in its column and 总计 in its line", (_, line) => {
    const findings = check({ values: changed({ [line]: [[COMMERCIAL, (CONSISTENT[line]?.[COMMERCIAL] ?? 0) + 1]] }) });
    expect(codes(findings)).toEqual([`stat_sum_mismatch@${at(line, TOTAL)}`, `stat_sum_mismatch@${at("results_total", COMMERCIAL)}`]);
  });

  it("knows an item by the group line above it when labels stand in one column", () => {
    const p = { flatLabels: true, values: changed({ other_other: [[NP, 1]] }) };
    const table = detectStatistics(annualReportGrid(p))!;
    expect(table.rows.find((r) => r.cell === at("other_other", NP, p))).toMatchObject({ key: "other_other.natural_person", label: "三(六)3.其他·自然人" });
    expect(codes(checkStatistics(table))).toEqual([`stat_sum_mismatch@${at("other_other", TOTAL, p)}`, `stat_sum_mismatch@${at("results_total", NP, p)}`]);
  });

  it("does not take a unit's own item for another group's (8.其他 under 三(三) is not 三(六)3.其他)", () => {
    const p = { flatLabels: true };
    const grid = annualReportGrid(p);
    const cell = at("withheld_inquiry", NP, p);
    const row = Number(cell.slice(1)) - 1;
    grid.cells[row][0] = "8.其他";
    const table = detectStatistics(grid)!;
    expect(table.rows.find((r) => r.cell === cell)?.key).toBeNull();
    expect(table.rows.filter((r) => r.key === "other_other.natural_person").map((r) => r.cell)).toEqual([at("other_other", NP, p)]);
    expect(checkStatistics(table)).toEqual([]);
  });

  it("leaves a fully blank report quiet but for one note per line", () => {
    const blank = Object.fromEntries(LINES.map(([k]) => [k, Array(7).fill(null)]));
    const findings = check({ values: blank, appeals: Array(15).fill(null) });
    expect(findings.every((f) => f.code === "stat_blank")).toBe(true);
    expect(findings).toHaveLength(LINES.length + 3);
    expect(findings[0]).toEqual({ code: "stat_blank", sheet: "年报", cell: at("new", NP), label: "一、本年新收政府信息公开申请数量" });
    expect(findings.at(-1)).toMatchObject({ label: "行政诉讼·复议后起诉" });
  });

  it("names the blank columns of a line in one note", () => {
    const findings = check({ values: changed({ carried: [[2, null], [3, null]] }) });
    expect(findings).toEqual([{ code: "stat_blank", sheet: "年报", cell: at("carried", 2), label: "二、上年结转政府信息公开申请数量·科研机构、社会公益组织" }]);
  });

  it.each([
    [1.5, "stat_not_integer"],
    [-1, "stat_not_integer"],
    ["若干", "stat_not_number"],
  ])("checks each cell's value: %j → %s", (value, code) => {
    const findings = check({ values: changed({ granted: [[NP, value]] }) });
    expect(findings.filter((f) => !f.code.startsWith("stat_sum")).map((f) => `${f.code}@${f.cell}`)).toEqual([`${code}@${at("granted", NP)}`]);
  });

  it("does not add up a column holding text", () => {
    expect(codes(check({ values: changed({ granted: [[NP, "若干"]] }) }))).toEqual([`stat_not_number@${at("granted", NP)}`]);
  });
});

describe("checkStatistics: section 四, 行政复议 and 行政诉讼", () => {
  it.each([
    [4, "行政复议·总计", 3, 2],
    [9, "行政诉讼·未经复议直接起诉·总计", 3, 2],
    [14, "行政诉讼·复议后起诉·总计", 1, 0],
  ])("each 总计 equals the four cells before it (column %i)", (i, label, value, sum) => {
    const appeals = [...APPEALS_CONSISTENT];
    appeals[i] = value;
    const findings = check({ appeals });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: "stat_sum_mismatch", label, value, sum, parts: ["结果维持", "结果纠正", "其他结果", "尚未审结"] });
  });

  it("flags 尚未审结 written as a fraction", () => {
    const appeals = [...APPEALS_CONSISTENT];
    appeals[3] = 0.5;
    expect(check({ appeals }).map((f) => f.code)).toEqual(["stat_not_integer", "stat_sum_mismatch"]);
  });
});

describe("a report that keeps 法人或其他组织 in one column", () => {
  const grid = (total: number): Grid => ({
    name: "年报",
    cells: [
      [null, "申请人情况", null, null],
      [null, "自然人", "法人或其他组织", "总计"],
      ["一、本年新收政府信息公开申请数量", 3, 2, total],
      ["二、上年结转政府信息公开申请数量", 0, 0, 0],
      ["(七)总计", 3, 2, 5],
      ["四、结转下年度继续办理", 0, 0, 0],
    ],
    merges: [{ top: 0, left: 1, bottom: 0, right: 3 }],
  });

  it("adds 自然人 and 法人或其他组织", () => {
    expect(checkStatistics(detectStatistics(grid(5))!)).toEqual([]);
    expect(codes(checkStatistics(detectStatistics(grid(6))!))).toEqual(["stat_sum_mismatch@D3", "stat_sum_mismatch@D6"]);
  });
});

// Section 四 lies under section 三: its values on row 36, 行政复议 from column A, 未经复议直接起诉 from F.
describe("statValue on a 2021 report", () => {
  const table = detectStatistics(annualReportGrid())!;

  it.each([
    ["results_total.natural_person", 11, at("results_total", NP), "三(七)总计·自然人"],
    ["new.total", 14, at("new", TOTAL), "一、本年新收政府信息公开申请数量·总计"],
    ["withheld.natural_person", 2, at("withheld_state_secret", NP), "三(三)不予公开·自然人"],
    ["review_corrected", 1, "B36", "行政复议·结果纠正"],
    ["litigation_corrected", 1, "G36", "行政诉讼·结果纠正(未经复议直接起诉与复议后起诉之和)"],
    ["applications_received", 14, at("new", TOTAL), "本年新收政府信息公开申请数量·总计"],
  ])("%s is %j at %s", (key, value, cell, label) => {
    expect(statValue(table, key)).toEqual({ value, cell, label });
  });

  it("answers every key STAT_KEYS lists for 2021, and reads no other", () => {
    const full = detectStatistics(annualReportGrid({ proactive: PROACTIVE, top: 16 }))!;
    const listed = STAT_KEYS["2021"].map((k) => k.key);
    expect(listed.filter((k) => statValue(full, k) === null)).toEqual([]);
    expect(full.rows.map((r) => r.key).filter((k) => !listed.includes(k ?? ""))).toEqual([]);
  });

  it("reports every cell read", () => {
    const report = statisticsReport(table);
    expect(report.format).toBe("2021");
    expect(report.rows).toHaveLength(25 * 7 + 15);
    expect(report.rows[0]).toEqual({ label: "一、本年新收政府信息公开申请数量·自然人", unit: "件", cell: at("new", NP), value: 10 });
  });
});
