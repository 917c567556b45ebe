/**
 * 年度报告 tables as county governments publish them (the national form of 国办公开办函〔2021〕30号
 * and its 2019 predecessor), most often a Word table pasted into a sheet: header words broken over
 * lines, merges lost, the report's own text above and below the tables.
 */
import { describe, expect, it } from "vitest";
import type { CellValue, Grid } from "../../../src/core/grid";
import { renderFinding, type Finding } from "../../../src/core/findings";
import { checkStatistics, detectStatistics } from "../../../src/core/stats";
import { checkGrids } from "../../../src/kaohe";
import { annualReportGrid, applicationCell as at, APPEALS_CONSISTENT, CONSISTENT, insertRows, LINES, PROACTIVE, type Layout2021 } from "./build2021";

const NP = 0; // 自然人
const LEGAL_SERVICE = 4; // 法律服务机构
const TOTAL = 6;

const codes = (fs: Finding[]) => fs.map((f) => `${f.code}@${f.cell}`);
const check = (p: Layout2021) => checkStatistics(detectStatistics(annualReportGrid(p))!);

// Word puts a line break inside narrow header cells: "商业\n企业", "总\n计"; some units type spaces.
const broken = (w: string) => (w.length > 2 ? `${w.slice(0, 2)}\n${w.slice(2)}` : `${w[0]}\n${w.slice(1)}`);
const spaced = (w: string) => [...w].join(" ");

const LAYOUTS: [string, Layout2021][] = [
  ["header words broken over two lines", { headerText: broken }],
  ["header words typed with spaces", { headerText: spaced }],
  ["pasted without its merged cells", { unmerged: true }],
  ["pasted without merges, all labels in one column", { unmerged: true, flatLabels: true }],
  ["with labels in two columns", { twoLabelColumns: true }],
  ["section 四 under the title of the 2019 form", { appealsTitle: "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况" }],
  ["section 二 above, header words broken", { proactive: PROACTIVE, top: 16, headerText: broken }],
];

describe("real 年度报告 tables: every cell found, consistent numbers quiet", () => {
  it.each(LAYOUTS)("%s", (_, p) => {
    const table = detectStatistics(annualReportGrid(p))!;
    expect(table.format).toBe("2021");
    const keyed = table.rows.filter((r) => r.key !== null);
    expect(keyed).toHaveLength(25 * 7 + 15 + (p.proactive ? 10 : 0));
    expect(keyed.find((r) => r.key === "results_total.legal_service")).toMatchObject({ cell: at("results_total", LEGAL_SERVICE, p) });
    expect(table.rows.find((r) => r.key === "litigation_after_review.total")?.value).toBe(0);
    expect(checkStatistics(table)).toEqual([]);
  });

  it.each(LAYOUTS)("%s: a broken 三(七) is flagged at its cell", (_, p) => {
    const values = { ...CONSISTENT, results_total: [11, 3, 0, 0, 2, 0, 16] };
    const findings = check({ ...p, values });
    expect(codes(findings)).toEqual([`stat_sum_mismatch@${at("results_total", LEGAL_SERVICE, p)}`, `stat_sum_mismatch@${at("results_total", TOTAL, p)}`, `stat_sum_mismatch@${at("carry_forward", LEGAL_SERVICE, p)}`, `stat_sum_mismatch@${at("carry_forward", TOTAL, p)}`]);
    expect(renderFinding(findings[0]).message).toBe(
      "“三(七)总计·法律服务机构”填 2,但三(一)予以公开、三(二)部分公开、三(三)不予公开、三(四)无法提供、三(五)不予处理、三(六)其他处理之和为 1",
    );
  });

  it.each(LAYOUTS)("%s: a broken 行政诉讼 总计 is flagged at its cell", (_, p) => {
    const appeals = [...APPEALS_CONSISTENT];
    appeals[9] = 3;
    expect(check({ ...p, appeals })).toMatchObject([
      { code: "stat_sum_mismatch", label: "行政诉讼·未经复议直接起诉·总计", value: 3, sum: 2, parts: ["结果维持", "结果纠正", "其他结果", "尚未审结"] },
    ]);
  });
});

describe("real 年度报告 tables are statistics sheets, never score tables", () => {
  it.each(LAYOUTS)("%s", (_, p) => {
    expect(checkGrids([annualReportGrid(p)]).sheets.map((s) => s.kind)).toEqual(["statistics"]);
  });
});

describe("a table that ran onto a new page, its header repeated", () => {
  it("reads on past the repeated header", () => {
    const row = Number(at("unable_not_held", NP).slice(1)) - 1;
    const header = (...words: (string | null)[]) => [null, null, null, ...words];
    const grid = insertRows(annualReportGrid(), row, [
      header("申请人情况"),
      header("自然人", "法人或其他组织", null, null, null, null, "总计"),
      header(null, "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"),
    ]);
    const table = detectStatistics(grid)!;
    expect(table.rows.filter((r) => r.key?.startsWith("carry_forward."))).toHaveLength(7);
    expect(checkStatistics(table)).toEqual([]);
  });
});

describe("a long label wrapped onto a second row", () => {
  it("reads the line from its first row and passes over the rest of its words", () => {
    const p = { flatLabels: true };
    const row = Number(at("other_no_amendment", NP, p).slice(1)) - 1;
    const base = annualReportGrid(p);
    base.cells[row][0] = "1.申请人无正当理由逾期不补正、行政";
    const grid = insertRows(base, row + 1, [["机关不再处理其政府信息公开申请"]]);
    const table = detectStatistics(grid)!;
    expect(table.rows.find((r) => r.key === "other_no_amendment.natural_person")?.cell).toBe(at("other_no_amendment", NP, p));
    expect(table.rows.filter((r) => r.key === null)).toEqual([]);
    expect(checkStatistics(table)).toEqual([]);
  });
});

describe("the 2019 form: 三(六)其他处理 on one line, without items", () => {
  const p: Layout2021 = { format2019: true };

  it("reads 三(六) as a line of its own and is quiet when the numbers agree", () => {
    const table = detectStatistics(annualReportGrid(p))!;
    expect(table.rows.filter((r) => r.key?.startsWith("other_handling.")).map((r) => r.value)).toEqual([0, 1, 0, 0, 0, 0, 1]);
    expect(table.rows.some((r) => r.key?.startsWith("other_other."))).toBe(false);
    expect(checkStatistics(table)).toEqual([]);
  });

  it("counts 三(六) in 三(七)", () => {
    const findings = check({ ...p, values: { ...CONSISTENT, other_handling: [2, 1, 0, 0, 0, 0, 3] } });
    expect(codes(findings)).toEqual([`stat_sum_mismatch@${at("results_total", NP, p)}`, `stat_sum_mismatch@${at("results_total", TOTAL, p)}`]);
  });
});

describe("the whole report pasted into one sheet", () => {
  /** The report's text around the tables, as a unit's sheet has it. */
  function wholeReport(p: Layout2021 = {}): Grid {
    const tables = annualReportGrid({ ...p, proactive: PROACTIVE, top: 16 });
    const intro: CellValue[][] = [
      ["某某县人民政府2023年政府信息公开工作年度报告"],
      ["本报告根据《中华人民共和国政府信息公开条例》要求编制。本报告所列数据的统计期限为2023年1月1日至2023年12月31日。"],
      ["一、总体情况"],
      ["2023年,我县深入贯彻落实《条例》,全年主动公开政府信息3215条,收到政府信息公开申请14件,自然人申请10件,法人或其他组织申请4件。"],
    ];
    const after: CellValue[][] = [[], ["五、政府信息公开工作存在的主要问题及改进情况"], ["一是公开内容不够全面;二是解读形式较为单一。"], ["六、其他需要报告的事项"], ["本年度未收取信息处理费。"]];
    const shift = intro.length;
    return {
      name: "年报",
      cells: [...intro, ...tables.cells, ...after],
      merges: tables.merges.map((m) => ({ ...m, top: m.top + shift, bottom: m.bottom + shift })),
    };
  }
  const moved = (cell: string) => cell.replace(/\d+/, (n) => String(Number(n) + 4));

  it("finds the three tables and nothing from the text", () => {
    const table = detectStatistics(wholeReport())!;
    expect(table.rows.filter((r) => r.key === null)).toEqual([]);
    expect(table.rows).toHaveLength(10 + 25 * 7 + 15);
    expect(checkStatistics(table)).toEqual([]);
  });

  it("is a statistics sheet to checkGrids, never a score table", () => {
    const report = checkGrids([wholeReport()]);
    expect(report.sheets.map((s) => s.kind)).toEqual(["statistics"]);
    expect(report.findings).toEqual([]);
  });

  it("flags a broken 一 + 二 = 三(七) + 四 at 四", () => {
    const grid = wholeReport({ values: { ...CONSISTENT, carry_forward: [1, 0, 0, 0, 0, 0, 2] } });
    const findings = checkStatistics(detectStatistics(grid)!);
    const cell = moved(at("carry_forward", TOTAL, { top: 16 }));
    expect(findings.map((f) => [f.cell, renderFinding(f).message])).toEqual([
      [cell, "“四、结转下年度继续办理·总计”填 2,但一、本年新收政府信息公开申请数量、二、上年结转政府信息公开申请数量之和减去三(七)总计为 1"],
      [cell, "“四、结转下年度继续办理·总计”填 2,但自然人、法人或其他组织之和为 1"],
    ]);
  });
});

describe("cells units leave empty", () => {
  it("takes a dash for an empty cell: noted, counted as 0, not an error", () => {
    const values = { ...CONSISTENT, carried: ["—", "—", "—", "—", "—", "—", "—"], new: [12, 3, 0, 0, 1, 0, 16] };
    const findings = check({ values });
    expect(findings).toEqual([{ code: "stat_blank", sheet: "年报", cell: at("carried", NP), label: "二、上年结转政府信息公开申请数量" }]);
  });

  it("reads numbers typed as text", () => {
    const values = Object.fromEntries(LINES.map(([k]) => [k, (CONSISTENT[k] ?? Array(7).fill(0)).map(String)]));
    expect(check({ values })).toEqual([]);
  });
});

describe("the wordings units write", () => {
  /** The grid with label texts replaced, wherever they stand. */
  function relabel(grid: Grid, changes: Record<string, string>): Grid {
    return { ...grid, cells: grid.cells.map((row) => row.map((v) => (typeof v === "string" && v in changes ? changes[v] : v))) };
  }

  it.each([
    ["1.属于国家秘密", "(1)属于国家秘密", "withheld_state_secret"],
    ["2.其他法律行政法规禁止公开", "2、其他法律、行政法规禁止公开", "withheld_prohibited"],
    ["3.危及“三安全一稳定”", '3.危及"三安全一稳定"', "withheld_security"],
    ["(二)部分公开(区分处理的,只计这一情形,不计其他情形)", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "partly_granted"],
    ["2.没有现成信息需要另行制作", "②没有现成信息需要另行制作的", "unable_needs_creation"],
    ["1.信访举报投诉类申请", "1.信访、举报、投诉类申请", "not_processed_petition"],
    ["5.要求行政机关确认或重新出具已获取信息", "5.要求行政机关确认或者重新出具已获取信息", "not_processed_confirmation"],
    ["2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "2.申请人逾期未按收费通知要求缴纳费用,行政机关不再处理其政府信息公开申请的", "other_no_fee"],
    ["一、本年新收政府信息公开申请数量", "一、本年新收政府信息公开申请数量(件)", "new"],
    ["四、结转下年度继续办理", "四、结转下一年度继续办理", "carry_forward"],
  ])("%j written %j is %s", (from, to, key) => {
    const grid = relabel(annualReportGrid(), { [from]: to });
    const table = detectStatistics(grid)!;
    expect(table.rows.find((r) => r.key === `${key}.natural_person`)?.label).toMatch(/·自然人$/);
    expect(table.rows.filter((r) => r.key === null)).toEqual([]);
    expect(checkStatistics(table)).toEqual([]);
  });
});

describe("a group and its first item typed in one cell", () => {
  it.each([
    ["(三)不予公开 1.属于国家秘密", "withheld_state_secret"],
    ["(四)无法提供1.本机关不掌握相关政府信息", "unable_not_held"],
    ["三、本年度办理结果(一)予以公开", "granted"],
  ])("%j is %s", (cell, key) => {
    const p = { flatLabels: true };
    const grid = annualReportGrid(p);
    const row = Number(at(key, NP, p).slice(1)) - 1;
    grid.cells[row][0] = cell;
    grid.cells[row - 1] = []; // the group's own heading line, now in the item's cell
    const table = detectStatistics(grid)!;
    expect(table.rows.find((r) => r.cell === at(key, NP, p))?.key).toBe(`${key}.natural_person`);
    expect(checkStatistics(table)).toEqual([]);
  });

  it("leaves a note in brackets with its line: (二)部分公开(区分处理的…)", () => {
    const table = detectStatistics(annualReportGrid())!;
    expect(table.rows.find((r) => r.cell === at("partly_granted", NP))?.key).toBe("partly_granted.natural_person");
  });
});
