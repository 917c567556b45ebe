// The score sheet the benchmarks generate (scripts/bench.mjs, scripts/bench-preview.mjs): a 2017-style
// table of `rows` items, categories merged down column A, four kinds of rule text, a bonus/deduction
// item every 50 rows, a score over its maximum every 97, and a 合计 row.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const ExcelJS = require("exceljs");

const METHODS = [
  "根据查看文件、资料评分",
  "一项未达标扣4分,未作任务分解本项不得分",
  "每周缺少1条信息扣0.5分",
  "年度报告按时发布、要素齐全,4分;及时更新政府信息,按通报结果赋分(排名),0-4分",
];
const CATEGORIES = ["组织保障", "政府信息公开", "政策解读", "舆情回应", "平台建设"];

/** The workbook (ExcelJS) of one score sheet of `rows` items (a multiple of 5). */
export function scoreSheetWorkbook(rows) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("评分表");
  ws.addRow(["2017年度政务公开工作考核指标及评价办法"]);
  ws.mergeCells("A1:G1");
  ws.addRow(["类别", "序号", "目标要求", "分值", "评价办法", "自查评分", "考核评分"]);
  const block = rows / CATEGORIES.length;
  for (let i = 0; i < rows; i++) {
    const max = [4, 8, 6, 16][i % 4];
    const method = i % 50 === 7 ? "发布单份政策解读材料加2分,累计不超过10分;每件扣2分,累计不超过10分" : METHODS[i % METHODS.length];
    const maxCell = i % 50 === 7 ? "加、扣分项" : max;
    const score = i % 50 === 7 ? 2 : i % 97 === 0 ? max + 1 : max - (i % 3 === 0 ? 4 : 0) < 0 ? 0 : max - (i % 3 === 0 ? 4 : 0);
    ws.addRow([i % block === 0 ? CATEGORIES[Math.floor(i / block)] : null, i + 1, `第${i + 1}项考核指标的目标要求`, maxCell, method, score, null]);
    if (i % block === block - 1) ws.mergeCells(`A${i + 3 - block + 1}:A${i + 3}`);
  }
  ws.addRow(["合计", null, null, null, null, null, null]);
  return wb;
}
