import type { CellValue, Grid } from "../../src/core/grid";
import { gridOf } from "./grid";

/**
 * The 乌海 2017 自查评分表 layout: 考核项目 | 目标要求 | 具体标准 | 自查评分, points written inside
 * the text, 考核项目 and shared 目标要求 cells merged over their rows, a 总计 row.
 * `scores` overrides the self-check entries by row index (0-based over the items).
 */
export const WUHAI_ITEMS: Array<[string, string, string, CellValue]> = [
  ["组 织 领 导 (20分)", "主要负责人亲自抓 (5分)", "主要领导年内至少听取一次政务公开工作汇报(3分),研究部署推进工作(2分)。", "5分"],
  ["组 织 领 导 (20分)", "分管领导具体抓(5分)", "政务公开列入单位领导工作分工(3分),并在本单位网站公开(2分)。", "5分"],
  ["组 织 领 导 (20分)", "办公室组织协调、指导、监督推进工作 (10分)", "政务公开纳入本部门绩效评估,分值权重不低于4%(3分)。", "3分"],
  ["组 织 领 导 (20分)", "办公室组织协调、指导、监督推进工作 (10分)", "有相关责任处室,有专人经办。(2分)", "2分"],
  ["组 织 领 导 (20分)", "办公室组织协调、指导、监督推进工作 (10分)", "每年至少开展一次政务公开业务培训。(3分)", "3分"],
  ["组 织 领 导 (20分)", "办公室组织协调、指导、监督推进工作 (10分)", "定期对本部门本系统政务公开工作进行指导、监督、检查。(2分)", "2分"],
  ["政 务 服 务 (10分)", "政务服务制度(5分)", "完善政务服务制度和流程(2分),建立政府信息资源共享管理制度(2分),规范权力清单、责任清单、便民利民服务清单等办理事项。(1分)", "5分"],
  ["政 务 服 务 (10分)", "实体服务大厅(3分)", "部门实际进驻区便民服务中心或设立专业分厅(2分),情况管理运行状况良好(1分)", "3分"],
  ["政 务 服 务 (10分)", "网上政务平台(2分)", "部门网站具备网上办事功能,是否与政务服务中心审批系统联网(2分)", null],
];

export function wuhaiGrid(scores: Record<number, CellValue> = {}, totalDeclared: CellValue = "30分"): Grid {
  const rows: CellValue[][] = [["2017年度部门政务公开工作考核自查评分表"], ["考核项目", "目标要求", "具体标准", "自查评分"]];
  const merges = ["A1:D1"];
  const runs = new Map<string, [number, number]>();
  const titleRuns = new Map<string, [number, number]>();
  WUHAI_ITEMS.forEach(([cat, title, text, score], i) => {
    const r = rows.length + 1;
    const firstCat = !runs.has(cat);
    const firstTitle = !titleRuns.has(title);
    runs.set(cat, [runs.get(cat)?.[0] ?? r, r]);
    titleRuns.set(title, [titleRuns.get(title)?.[0] ?? r, r]);
    rows.push([firstCat ? cat : null, firstTitle ? title : null, text, i in scores ? scores[i] : score]);
  });
  for (const [a, b] of runs.values()) if (b > a) merges.push(`A${a}:A${b}`);
  for (const [a, b] of titleRuns.values()) if (b > a) merges.push(`B${a}:B${b}`);
  rows.push(["总计", totalDeclared, null, null]);
  return gridOf(rows, merges, "附件1");
}
