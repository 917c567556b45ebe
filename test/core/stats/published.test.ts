/**
 * The statistics checks on 年度报告 tables real offices published (published.ts: numbers and
 * words verbatim, sources noted), each pasted into a sheet as an office pastes it. For each:
 * every numbered cell is found under its key, and the findings are the ones worked out by hand
 * from the published numbers (below, per report).
 *
 * What the published numbers say, worked out by hand (only the identities whose members the
 * excerpt holds can be checked: a table cut before 三(七) has no 一+二 = 三(七)+四 to check):
 * - 龙岗 2024: 一 58+7+0+0+1+0 = 66; 二 2 = 2; 三(一) 2+1 = 3; 三(二) 16+1 = 17; 三(三)5 1 = 1;
 *   the other lines 0. Every 总计 holds; nothing to flag.
 * - 徐闻县司法局: 0 under 总计 on every line, 一's 自然人 0, every other applicant cell empty: the
 *   sums hold (empty counts as 0); each line's empty cells are noted once.
 * - 九原区政务服务局 2022: 一 1 = 1, the rest 0: nothing to flag.
 * - 岳阳楼区 街道 2023: 总计 0 and six empty applicant cells on each of nine lines: nine notes.
 * - 审计局 2020 p.9, 文登区信访局 2022 p.8: section 四 all 0; each 总计 0 = 0+0+0+0.
 * - 文登区住建局 2019: the 2019 form's section 二 (716 | −417 | 298 is 上一年项目数量 | 本年增/减 |
 *   处理决定数量, no sum of the form); 一 2 = 2: nothing to flag.
 * - 太平镇 2022: all 0.
 * - 区城乡建设局 2025: 一 1+0+0+0+0+11 = 12: nothing to flag.
 * No published slip in these excerpts: every sum the excerpts let us check holds.
 */
import { describe, expect, it } from "vitest";
import { textOf, valueAt, type Grid } from "../../../src/core/grid";
import { renderFinding } from "../../../src/core/findings";
import { checkStatistics, detectStatistics, type StatisticsTable } from "../../../src/core/stats";
import { checkGrids } from "../../../src/kaohe";
import {
  AUDIT_2020_PAGE9,
  JIUYUAN_SERVICE_2022,
  LONGGANG_2024,
  PUBLISHED,
  TAIPING_TOWN_2022,
  WENDENG_HOUSING_2019,
  WENDENG_PETITION_2022_PAGE8,
  XNCZ_CONSTRUCTION_2025,
  XUWEN_JUSTICE,
  YUELOU_STREET_2023,
  type PublishedReport,
} from "./published";
import { annualReportGrid, APPEALS_CONSISTENT, CONSISTENT, paragraphsAsRows, type Layout2021 } from "./build2021";

const APPLICANT_KEYS = ["natural_person", "commercial", "research", "public_welfare", "legal_service", "other_org", "total"];
const OUTCOME_KEYS = ["upheld", "corrected", "other", "pending", "total"];
const letter = (c: number) => String.fromCharCode(65 + c);
const colOf = (l: string) => l.charCodeAt(0) - 65;

/** A line of section 三: its seven cells from `first` (D: the form's label columns A–C) in `row` (1-based). */
const line = (key: string, row: number, first = "D"): [string, string][] =>
  APPLICANT_KEYS.map((c, i) => [`${key}.${c}`, `${letter(colOf(first) + i)}${row}`]);

/** Section 二 of the 2021 form with its 信息内容 column at `col` and 规章 in `row`. */
function proactive(row: number, col = "B"): [string, string][] {
  const c = (k: number) => letter(colOf(col) + k);
  return [
    ["regulations.issued", `${c(0)}${row}`],
    ["regulations.repealed", `${c(1)}${row}`],
    ["regulations.in_force", `${c(2)}${row}`],
    ["normative_docs.issued", `${c(0)}${row + 1}`],
    ["normative_docs.repealed", `${c(1)}${row + 1}`],
    ["normative_docs.in_force", `${c(2)}${row + 1}`],
    ["licensing.decisions", `${c(0)}${row + 4}`],
    ["penalties.decisions", `${c(0)}${row + 7}`],
    ["enforcement.decisions", `${c(0)}${row + 8}`],
    ["fees.amount", `${c(0)}${row + 11}`],
  ];
}

/** Section 四's fifteen cells in `row`, from column A. */
const appeals = (row: number): [string, string][] =>
  ["review", "litigation_direct", "litigation_after_review"].flatMap((g, i) => OUTCOME_KEYS.map((o, j): [string, string] => [`${g}.${o}`, `${letter(i * 5 + j)}${row}`]));

const SECTION_3_LINES = ["new", "carried", "granted", "partly_granted", "withheld_state_secret", "withheld_prohibited", "withheld_security", "withheld_third_party", "withheld_internal", "withheld_deliberative"];

/** Section 三's lines from 一 on, `count` of them, the first in `row`. */
const lines = (row: number, count: number, first = "D") => SECTION_3_LINES.slice(0, count).flatMap((k, i) => line(k, row + i, first));

interface Expected {
  report: PublishedReport;
  /** Every numbered cell the table has: canonical key → cell. */
  cells: [string, string][];
  /** The findings, as code@cell. */
  findings: string[];
}

const ALL_APPLICANTS = "自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他";
const LINE_NAMES = ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "三(一)予以公开", "三(二)部分公开", "三(三)1.属于国家秘密", "三(三)2.其他法律行政法规禁止公开", "三(三)3.危及“三安全一稳定”", "三(三)4.保护第三方合法权益", "三(三)5.属于三类内部事务信息"];

const EXPECTED: Expected[] = [
  { report: LONGGANG_2024, cells: [...proactive(6), ...lines(22, 10)], findings: [] },
  {
    report: XUWEN_JUSTICE,
    cells: [...proactive(7), ...lines(24, 9)],
    findings: ["stat_blank@E24", ...[25, 26, 27, 28, 29, 30, 31, 32].map((r) => `stat_blank@D${r}`)],
  },
  { report: JIUYUAN_SERVICE_2022, cells: [...proactive(8, "C"), ...lines(24, 7, "E")], findings: [] },
  { report: YUELOU_STREET_2023, cells: [...proactive(6), ...lines(22, 9)], findings: [22, 23, 24, 25, 26, 27, 28, 29, 30].map((r) => `stat_blank@D${r}`) },
  { report: AUDIT_2020_PAGE9, cells: appeals(7), findings: [] },
  { report: WENDENG_PETITION_2022_PAGE8, cells: appeals(7), findings: [] },
  {
    report: WENDENG_HOUSING_2019,
    cells: [["licensing.decisions", "D10"], ["penalties.decisions", "D14"], ["enforcement.decisions", "D15"], ...line("new", 26)],
    findings: [],
  },
  { report: TAIPING_TOWN_2022, cells: [...proactive(8), ...lines(24, 7)], findings: [] },
  { report: XNCZ_CONSTRUCTION_2025, cells: [...proactive(6), ...lines(22, 4)], findings: [] },
];

const codes = (fs: readonly { code: string; cell: string | null }[]) => fs.map((f) => `${f.code}@${f.cell}`);
const detect = (r: PublishedReport) => detectStatistics(r.grid) as StatisticsTable;

describe("年度报告 tables as offices published them", () => {
  it("covers every report of published.ts", () => {
    expect(EXPECTED.map((e) => e.report)).toEqual(PUBLISHED);
  });

  describe.each(EXPECTED.map((e) => [e.report.office, e] as const))("%s", (_, e) => {
    it("finds every numbered cell under its key, and nothing else", () => {
      const table = detect(e.report);
      expect(table.format).toBe("2021");
      expect(table.rows.map((r) => [r.key, r.cell])).toEqual(e.cells);
      // each cell holds what the report published there
      for (const r of table.rows) expect(r.value).toBe(valueAt(e.report.grid, Number(r.cell!.slice(1)) - 1, colOf(r.cell!)));
    });

    it("flags exactly the cells worked out by hand", () => {
      expect(codes(checkStatistics(detect(e.report)))).toEqual(e.findings);
    });

    it("is a statistics sheet to the whole check, never a score table", () => {
      const report = checkGrids([e.report.grid]);
      expect(report.sheets.map((s) => s.kind)).toEqual(["statistics"]);
      expect(codes(report.findings)).toEqual(e.findings);
    });
  });

  it("names a line's empty applicant cells in one note, at the first of them (徐闻县司法局)", () => {
    const findings = checkStatistics(detect(XUWEN_JUSTICE));
    expect(findings.map((f) => renderFinding(f).message)).toEqual([
      "“一、本年新收政府信息公开申请数量·商业企业、科研机构、社会公益组织、法律服务机构、其他”未填写,按 0 计算;没有数据请填“0”",
      ...LINE_NAMES.slice(1).map((l) => `“${l}·${ALL_APPLICANTS}”未填写,按 0 计算;没有数据请填“0”`),
    ]);
  });

  it("reads 商业企业 and 科研机构 whose words stand over two rows (徐闻县司法局)", () => {
    const table = detect(XUWEN_JUSTICE);
    expect(table.rows.filter((r) => r.key?.startsWith("new.")).map((r) => `${r.column}@${r.cell}`)).toEqual([
      "自然人@D24",
      "商业企业@E24",
      "科研机构@F24",
      "社会公益组织@G24",
      "法律服务机构@H24",
      "其他@I24",
      "总计@J24",
    ]);
  });

  it("takes the 2019 form's 处理决定数量, not 上一年项目数量 or 本年增/减 (文登区住建局 2019)", () => {
    const table = detect(WENDENG_HOUSING_2019);
    expect(table.rows.filter((r) => r.key?.endsWith(".decisions")).map((r) => r.value)).toEqual([298, 9, 0]);
  });

  it("leaves the last line of a table whose header is on the page before unclaimed (审计局 p.9)", () => {
    const table = detect(AUDIT_2020_PAGE9);
    expect(table.rows.filter((r) => /^[A-Z]+1$/.test(r.cell ?? ""))).toEqual([]);
  });

  it("reads a slip in the published layout: one cell changed is flagged at that cell and its sums (龙岗 2024)", () => {
    // 一's 自然人 typed 85 for 58: the line's 总计 66 no longer holds
    const grid: Grid = { ...LONGGANG_2024.grid, cells: LONGGANG_2024.grid.cells.map((r) => [...r]) };
    grid.cells[21][3] = 85;
    const findings = checkStatistics(detectStatistics(grid)!);
    expect(findings.map((f) => [f.cell, renderFinding(f).message])).toEqual([
      ["J22", "“一、本年新收政府信息公开申请数量·总计”填 66,但自然人、法人或其他组织之和为 93"],
    ]);
  });
});

describe("section 二's headers as offices typed them", () => {
  it("reads 本年发件 | 本年废止件数 | 现行有效件 (宁强县自然资源局 2021, http://www.nq.gov.cn/nqzd/nqzwgk/xxgknb/2021/zfbm/202201/f4b55af8dcab43bd84a4457dc79b1b7f.shtml)", () => {
    const grid: Grid = { ...LONGGANG_2024.grid, cells: LONGGANG_2024.grid.cells.map((r) => [...r]) };
    grid.cells[4] = ["信息内容", "本年发件", "本年废止件数", "现行有效件"];
    const table = detectStatistics(grid)!;
    expect(table.rows.filter((r) => r.key?.startsWith("normative_docs.")).map((r) => [r.key, r.cell, r.value])).toEqual([
      ["normative_docs.issued", "B7", 5],
      ["normative_docs.repealed", "C7", 1],
      ["normative_docs.in_force", "D7", 25],
    ]);
  });
});

// — header words broken over rows: a Word cell of two paragraphs is pasted by Excel as two rows —

/** Words of four characters or more broken in two, as narrow Word cells hold them ("商业\n企业"); 总计 too. The anchors stay whole. */
const paragraphs = (w: string) =>
  w === "总计" ? "总\n计"
  : w.length >= 4 && !["自然人", "行政复议", "行政诉讼"].includes(w) ? `${w.slice(0, w.length >> 1)}\n${w.slice(w.length >> 1)}`
  : w;

/** The row (1-based) whose label cells (A–C) read `label`. */
function rowOf(grid: Grid, label: string): number {
  const r = grid.cells.findIndex((row) => row.slice(0, 3).some((v) => textOf(v) === label));
  if (r < 0) throw new Error(`no row ${label}`);
  return r + 1;
}

describe.each([
  ["merges kept", false],
  ["merges lost", true],
])("header words over two rows, %s", (_, unmerged) => {
  const build = (p: Layout2021 = {}) => paragraphsAsRows(annualReportGrid({ ...p, headerText: paragraphs }), unmerged);

  it("finds every cell, 商业企业 under its own header, and is quiet on consistent numbers", () => {
    const grid = build();
    const table = detectStatistics(grid)!;
    expect(table.rows.filter((r) => r.key !== null)).toHaveLength(25 * 7 + 15);
    expect(table.rows.filter((r) => r.key === null)).toEqual([]);
    expect(table.rows.find((r) => r.key === "new.commercial")?.cell).toBe(`E${rowOf(grid, "一、本年新收政府信息公开申请数量")}`);
    expect(table.rows.filter((r) => r.key?.startsWith("review.")).map((r) => r.value)).toEqual(APPEALS_CONSISTENT.slice(0, 5));
    expect(checkStatistics(table)).toEqual([]);
  });

  it("flags a broken 三(七) at its cells", () => {
    const grid = build({ values: { ...CONSISTENT, results_total: [11, 3, 0, 0, 2, 0, 16] } });
    const total = rowOf(grid, "(七)总计");
    const carry = rowOf(grid, "四、结转下年度继续办理");
    expect(codes(checkStatistics(detectStatistics(grid)!))).toEqual([`stat_sum_mismatch@H${total}`, `stat_sum_mismatch@J${total}`, `stat_sum_mismatch@H${carry}`, `stat_sum_mismatch@J${carry}`]);
  });

  it("reads the lines under a group label of two paragraphs ((三) over 不予公开, as 太平镇 2022 has it)", () => {
    const base = annualReportGrid({ headerText: paragraphs });
    const grid = paragraphsAsRows({ ...base, cells: base.cells.map((r) => r.map((v) => (v === "(三)不予公开" ? "(三)\n不予公开" : v))) }, unmerged);
    const table = detectStatistics(grid)!;
    expect(table.rows.filter((r) => r.key !== null)).toHaveLength(25 * 7 + 15);
    expect(table.rows.find((r) => r.key === "withheld_prohibited.natural_person")?.cell).toBe(`D${rowOf(grid, "2.其他法律行政法规禁止公开")}`);
    expect(checkStatistics(table)).toEqual([]);
  });

  it("passes over a header cell holding only spaces, as Word pastes leave them", () => {
    const grid = build();
    // the row of 行政诉讼's outcome headers, under 行政复议's own
    const header = grid.cells.findIndex((row) => typeof row[5] === "string" && row[5].startsWith("结果"));
    grid.cells[header][0] = "  ";
    const table = detectStatistics(grid)!;
    expect(table.rows.filter((r) => /^(review|litigation_direct)\./.test(r.key ?? "")).map((r) => r.value)).toEqual(APPEALS_CONSISTENT.slice(0, 10));
  });

  it("takes a row of dashes under the header for section 四's values, not a later row", () => {
    const grid = build({ appeals: Array(15).fill("—") });
    grid.cells.push(["五、存在的主要问题及改进情况"], [1, 2, 3, 4, 5]);
    const table = detectStatistics(grid)!;
    expect(table.rows.filter((r) => r.key?.startsWith("review.")).map((r) => r.cell)).toEqual(["A", "B", "C", "D", "E"].map((c) => `${c}${grid.cells.length - 2}`));
  });

  it("flags a broken 行政诉讼 总计 at its cell, named by its outcome", () => {
    const values = [...APPEALS_CONSISTENT];
    values[9] = 3;
    const grid = build({ appeals: values });
    const findings = checkStatistics(detectStatistics(grid)!);
    expect(findings).toMatchObject([{ code: "stat_sum_mismatch", label: "行政诉讼·未经复议直接起诉·总计", value: 3, sum: 2 }]);
    expect(findings[0].cell).toBe(`J${grid.cells.length}`);
  });
});
