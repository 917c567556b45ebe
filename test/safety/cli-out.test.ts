/**
 * `kaohe check --out` says what it wrote, in the words of the confirm dialog: cell ranges, the
 * marks counted per cell, and a final placed only where the cell below the table was free.
 */
import ExcelJS from "exceljs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main, type Io } from "../../src/cli/main";
import { gridOf } from "../helpers/grid";
import { tempDir, writeXlsx } from "../helpers/xlsx";

async function kaohe(...argv: string[]) {
  let out = "";
  const io: Io = { out: (s) => void (out += s), err: () => {}, isTTY: false };
  const code = await main(argv, io);
  return { code, out };
}

describe("kaohe check --out", () => {
  it("lists the ranges written, the marks per cell, and keeps a merged signature line", async () => {
    const dir = tempDir();
    const grid = gridOf(
      [
        ["序号", "考核内容", "分值", "评分标准", "得分"],
        [1, "组织领导", 10, "一项未达标扣5分", 12],
        [2, "主动公开", 10, "每发现一件未公开扣2分", null],
        ["填表人:张三        审核人:李四        日期:"],
      ],
      ["A4:H4"],
    );
    const input = await writeXlsx([grid], "自查.xlsx", dir);
    const r = await kaohe("check", input, "--out", join(dir, "核算.xlsx"));
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(join(dir, "核算.xlsx"));
    const resultRows = copy.getWorksheet("核算结果")!.rowCount;
    expect(copy.getWorksheet("评分表")!.getCell("A4").value).toBe("填表人:张三        审核人:李四        日期:");
    expect(copy.getWorksheet("评分表")!.getCell("F4").master.address).toBe("A4"); // still merged, text intact
    const lines = r.out.slice(r.out.indexOf("已写入副本")).trim().split("\n").map((l) => l.trim());
    expect(lines).toEqual([
      `已写入副本:${join(dir, "核算.xlsx")}(原文件未改动)`,
      "在工作表“评分表”的 F1:F3 写入核算得分(表头“核算得分”,边框、字体和对齐沿用表格)",
      "工作表“评分表”没有合计行,表格下方的单元格不是空白(如签字栏),最终得分不写入该表,只写入“核算结果”",
      "如工作表设有打印区域,将扩大到包含核算得分列",
      "在 2 个有问题的单元格上标底色并加批注",
      `新建工作表“核算结果”(共 ${resultRows} 行)`,
      "工作表“评分表”的核算得分中 2 格为公式(保存核算结果;改动填报后表格自动重算)",
      "给 2 个填报单元格加数据验证(输入提示为分值和评分标准;超出范围时提醒,仍可填写)",
      "给 2 个填报单元格加条件格式(填写超出范围时显示浅红底色)",
      "如有上次写回加的数据验证和条件格式,先移除(您自己设置的不动)",
      "除标记的底色、本助手的批注和填报单元格上的数据验证与条件格式外,您填写的内容、公式、批注和格式不会被修改;标记的底色在问题解决后重新计算时恢复原样",
    ]);
  });
});
