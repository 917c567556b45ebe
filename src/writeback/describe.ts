/**
 * What a write-back will change, in Chinese, before it does (the confirm dialog, the notice
 * after it, the CLI's --out message). Lists exactly what is written, with cell ranges, counts
 * marks per cell as 核算结果 does, and claims nothing that is not true.
 */
import type { WorkbookChanges } from "../hosts/port";
import { SEARCH_COLUMNS } from "./column";
import type { PlanSummary } from "./plan";

/** Chinese lines telling the user what a write-back will change. */
export function describeChanges(changes: WorkbookChanges & { summary?: PlanSummary }): string[] {
  const lines: string[] = [];
  const summary = changes.summary;
  const placements = summary?.placements ?? [];
  for (const v of changes.values) {
    const p = placements.find((x) => x.sheet === v.sheet && x.range?.split(":")[0] === v.address);
    const range = p?.range ?? v.address;
    let line = `在工作表“${v.sheet}”的 ${range} 写入核算得分(表头“核算得分”,边框、字体和对齐沿用表格)`;
    if (p?.finalCell) line += `,最终得分写在 ${p.finalCell}`;
    lines.push(line);
  }
  for (const p of placements) {
    if (p.skip === "no_free_column") {
      lines.push(`工作表“${p.sheet}”表格右侧 ${SEARCH_COLUMNS} 列内没有整列空白的位置,各项得分不写入该表,只写入“${summary!.resultSheet.name}”`);
    } else if (p.skip === "own_column_blocked") {
      lines.push(`工作表“${p.sheet}”原有的“核算得分”列中有其他内容,本次不改动该列,各项得分只写入“${summary!.resultSheet.name}”`);
    } else if (p.finalSkip === "below_not_free") {
      lines.push(`工作表“${p.sheet}”没有合计行,表格下方的单元格不是空白(如签字栏),最终得分不写入该表,只写入“${summary!.resultSheet.name}”`);
    }
  }
  if (changes.values.some((v) => v.extendPrintArea)) lines.push("如工作表设有打印区域,将扩大到包含核算得分列");

  const resolved = summary ? summary.resolved : changes.clearMarks.length;
  if (resolved) lines.push(`清除上次计算留下的 ${resolved} 个单元格上的标记(问题已不存在),恢复原来的底色`);
  if (changes.marks.length) {
    const again = summary ? summary.marks.filter((m) => m.again).length : 0;
    const kept = summary ? summary.marks.filter((m) => m.userNote).length : 0;
    const parts = [again ? `其中 ${again} 个上次已标记,更新批注` : "", kept ? `${kept} 个已有您的批注,保留您的批注,问题说明见“${summary!.resultSheet.name}”` : ""].filter(Boolean);
    lines.push(`在 ${changes.marks.length} 个有问题的单元格上标底色并加批注${parts.length ? `(${parts.join(";")})` : ""}`);
  }
  for (const s of changes.sheets) {
    const existing = summary && summary.resultSheet.name === s.name ? summary.resultSheet.existing : false;
    lines.push(`${existing ? "更新" : "新建"}工作表“${s.name}”(共 ${s.rows.length} 行)`);
  }
  for (const name of summary?.resultSheet.userSheets ?? []) {
    lines.push(`工作簿中已有您自己的工作表“${name}”,不会改动`);
  }
  lines.push(
    changes.marks.length || changes.clearMarks.length
      ? "除标记的底色和本助手的批注外,您填写的内容、公式、批注和格式不会被修改;标记的底色在问题解决后重新计算时恢复原样"
      : "您填写的内容、公式、批注和格式不会被修改",
  );
  return lines;
}
