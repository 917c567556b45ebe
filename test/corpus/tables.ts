/**
 * Whole tables reused by several tests (the grid tests and the CLI end to end).
 */
import type { CellValue, Grid } from "../../src/core/grid";
import { down, sheet } from "./build";

/**
 * A 县直部门 table: two title lines, a 填报单位 line, the header on row 4 (序号 | 考核项目 |
 * 考核内容 | 标准分 | 评分标准 | 自评分 | 复核分 | 备注), 合  计 with typed totals, signatures
 * and a note below. `self` overrides 自评分 entries by sheet row (1-based).
 */
export function countyDepartment(self: Record<number, CellValue> = {}): Grid {
  const grid = sheet(
    8,
    [
      "XX县2023年度政务公开工作考核评分表",
      "(县直部门)",
      ["填报单位(盖章):", null, null, null, null, "填报日期:", null, null],
      ["序号", "考核项目", "考核内容", "标准分", "评分标准", "自评分", "复核分", "备注"],
      ["一", "组织领导", "成立政务公开领导小组,明确分管领导和工作机构", 5, "未成立领导小组扣3分;未明确分管领导扣2分", 5, 5, "提供文件"],
      [null, null, "制定年度政务公开工作要点并按时报送", 5, "未制定扣5分,未按时报送扣2分", 5, 3, null],
      [null, null, "开展政务公开业务培训", 10, "每年至少1次,未开展扣10分", 10, 10, null],
      ["二", "主动公开", "及时公开规范性文件", 20, "每发现一件未公开扣2分,扣完为止", 18, 16, "佐证材料见附件2"],
      [null, null, "公开财政预决算信息", 20, "未公开不得分;公开不完整的每项扣5分", 20, 15, null],
      [null, null, "更新政府信息公开指南", 10, "未更新扣5分", "１０", 10, null],
      ["三", "依申请公开", "依法依规答复依申请公开", 20, "超期答复每件扣5分;被纠错的本项不得分", "20分", 15, null],
      ["四", "监督保障", "按时发布政府信息公开工作年度报告", 10, "未按时发布扣5分,内容不全扣2分", 10, 8, null],
      ["合  计", null, null, 100, null, 100, 85, null],
      null,
      ["填表人:", "张三", null, "审核人:", "李四", "联系电话:", "0000-1234567", null],
      "注:1.本表由各单位自评后报县政务公开办;2.复核分由考核组填写。",
    ],
    [down("A", 5, 7), down("B", 5, 7), down("A", 8, 10), down("B", 8, 10), "A13:C13"],
  );
  for (const [row, v] of Object.entries(self)) grid.cells[Number(row) - 1][5] = v;
  return grid;
}
