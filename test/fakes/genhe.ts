/**
 * A score sheet in the 根河 layout (类别|序号|目标要求|分值|评价办法|自查评分|考核评分, category cells
 * merged down column A, a merged title and a merged 合计 label), as plain data for the fake ET.
 * 自查评分 (F) is filled in; item 5 (F7) gives 12 for a 10-point item, so the computed total is 90
 * while the 合计 the user typed says 92.
 */
import type { CellValue } from "../../src/core/grid";
import type { FakeSheetInit } from "./wps-et";

export const GENHE_SHEET = "考核评分表";

export const genheScoreSheet: FakeSheetInit = {
  name: GENHE_SHEET,
  cells: [
    ["2023年度政务公开工作考核评分表"],
    ["类别", "序号", "目标要求", "分值", "评价办法", "自查评分", "考核评分"],
    ["组织领导(10分)", 1, "明确政务公开分管领导和工作机构", 5, "未明确的扣5分", 5, null],
    [null, 2, "制定并发布年度政务公开工作要点", 5, "未制定的不得分;未按时发布的扣2分", 4, null],
    ["主动公开(40分)", 3, "规范性文件及时公开", 20, "每缺少一项扣2分", 18, null],
    [null, 4, "财政预决算信息公开", 20, "未公开的不得分", 20, null],
    ["政策解读(20分)", 5, "解读材料与政策文件同步发布", 10, "未同步发布的每件扣1分", 12, null],
    [null, 6, "回应社会关切", 10, "回应不及时的每次扣2分", 8, null],
    ["依申请公开(30分)", 7, "依申请公开答复规范", 15, "答复不规范的每件扣3分", 15, null],
    [null, 8, "按时发布政府信息公开工作年度报告", 15, "未按时发布的扣5分", 10, null],
    ["合计", null, null, 100, null, 92, null],
  ],
  merges: [
    { top: 0, left: 0, bottom: 0, right: 6 },
    { top: 2, left: 0, bottom: 3, right: 0 },
    { top: 4, left: 0, bottom: 5, right: 0 },
    { top: 6, left: 0, bottom: 7, right: 0 },
    { top: 8, left: 0, bottom: 9, right: 0 },
    { top: 10, left: 0, bottom: 10, right: 2 },
  ],
};

export const GENHE_TOTAL = 90;
/** The cell holding the over-maximum score. */
export const GENHE_OVER_MAX_CELL = "F7";

/** Columns A:G of each row (what the user typed), padded with null, to compare before and after 写回. */
export function typedColumns(rows: CellValue[][]): CellValue[][] {
  return rows.map((r) => Array.from({ length: 7 }, (_, c) => r[c] ?? null));
}
