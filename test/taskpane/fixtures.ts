/** A fake engine and port for the pane's component tests, and a report in the 根河 layout. */
import { vi } from "vitest";
import type { RenderedFinding } from "../../src/core/findings";
import type { Report, ScoreSheetReport } from "../../src/core/report";
import type { WorkbookChanges, WorkbookPort } from "../../src/hosts/port";
import type { CheckOptions, CheckResult, PaneEngine } from "../../src/taskpane/engine";

export function finding(f: Partial<RenderedFinding> & Pick<RenderedFinding, "code" | "message">): RenderedFinding {
  return { severity: "error", sheet: "考核", cell: null, ...f };
}

export function scoreSheet(overrides: Partial<ScoreSheetReport> = {}): ScoreSheetReport {
  return {
    kind: "score",
    sheet: "考核",
    scheme: "genhe",
    schemeName: "根河市政务公开考核指标",
    column: "自查评分",
    columns: ["自查评分", "考核评分"],
    unitClasses: [],
    unitClass: null,
    items: [],
    categories: [
      { name: "组织领导", max: 10, score: 9 },
      { name: "主动公开", max: 20, score: 17.5 },
      { name: "政策解读", max: 0, score: 2 },
    ],
    total: { max: 30, base: 26.5, adjustments: -1, final: 25.5, rate: 0.85, vetoed: false },
    subtotals: [],
    placement: { headerRow: 1, firstColumn: 0, lastColumn: 6, lastRow: 6, scoreColumn: 5, totalRow: 6 },
    ...overrides,
  };
}

export function report(findings: RenderedFinding[] = [], sheet = scoreSheet()): Report {
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  return {
    schemaVersion: 1,
    file: null,
    column: sheet.column,
    sheets: [sheet],
    findings,
    summary: { errors: count("error"), warnings: count("warning"), infos: count("info") },
  };
}

export const FINDINGS: RenderedFinding[] = [
  finding({ severity: "warning", code: "score_missing", cell: "F6", message: "“政策解读”未填写得分,按 0 分计算" }),
  finding({ severity: "error", code: "score_over_max", cell: "F4", message: "得分 6 超过分值 5,按 5 分计算" }),
  finding({ severity: "info", code: "rule_not_understood", cell: null, message: "未能识别的评分规则:“酌情扣分”,本句未参与核算" }),
];

export const CHANGES: WorkbookChanges = {
  clearMarks: [],
  values: [{ sheet: "考核", address: "H2", values: [["核算得分"], [5]] }],
  marks: [{ sheet: "考核", cell: "F4", color: "#FFC7CE", note: "超过分值" }],
  sheets: [{ name: "核算结果", rows: [["合计", 25.5]] }],
};

/** An engine whose checkWorkbook answers with `make(options)`; every call is recorded. */
export function fakeEngine(make: (options?: CheckOptions) => Report | Promise<Report> = () => report(FINDINGS)) {
  const engine = {
    checkWorkbook: vi.fn(async (_port: WorkbookPort, options?: CheckOptions): Promise<CheckResult> => ({ report: await make(options), grids: [] })),
    planWriteback: vi.fn(async (_r: CheckResult, _p: WorkbookPort) => CHANGES),
    describeChanges: vi.fn((_c: WorkbookChanges) => ["在“考核”的 H 列写入核算得分(2 个单元格)", "标记 1 个单元格", "新建工作表“核算结果”"]),
    applyWriteback: vi.fn(async (_p: WorkbookPort, _c: WorkbookChanges) => {}),
  };
  return engine satisfies PaneEngine;
}

export function fakePort(host: WorkbookPort["host"] = "excel"): WorkbookPort & { selectCell: ReturnType<typeof vi.fn> } {
  return {
    host,
    readSheets: vi.fn(async () => []),
    apply: vi.fn(async () => {}),
    selectCell: vi.fn(async () => {}),
  };
}
