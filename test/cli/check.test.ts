import ExcelJS from "exceljs";
import { createHash } from "node:crypto";
import { lstatSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../src/core/grid";
import type { Report } from "../../src/core/report";
import { genheGrid, gridOf } from "../helpers/grid";
import { tempDir, workbookOf, writeXlsx } from "../helpers/xlsx";
import { kaohe } from "../helpers/cli";


const GENHE_ITEMS: CellValue[][] = [
  ["组织保障", 1, "明确分管领导、工作机构和人员负责政务公开工作", 6, "根据查看文件、资料评分", 6, 5],
  ["组织保障", 2, "分解落实工作任务", 16, "一项未达标扣4分,未作任务分解本项不得分", 12, 12],
  ["政府信息公开", 11, "依法依规办理依申请公开事项", "加、扣分项", "办理资料复印件报送主管部门1件2分,满分10分;办理1件未达标扣2分", 4, 2],
  ["政策解读", 13, "落实政策解读机制", "加、扣分项", "发布单份政策解读材料加2分,累计不超过10分;应发布未发布,每件扣2分,累计不超过10分", 6, 6],
  ["舆情回应", 14, "落实舆情回应机制", 4, "提供可供查询的舆情回应信息网络网址", 4, 3],
];

/** A cell as it shows: a live formula's cached result (exceljs reads a cached 0 back as no result). */
const shown = (v: ExcelJS.CellValue) => (v && typeof v === "object" && "formula" in v ? ((v as ExcelJS.CellFormulaValue).result ?? 0) : v);

const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

describe("kaohe check: reading and reporting", () => {
  it("prints a Chinese report and exits 0 when there is no error", async () => {
    const file = await writeXlsx([genheGrid(GENHE_ITEMS)]);
    const r = await kaohe("check", file);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    expect(r.out).toContain("最终得分 32");
    expect(r.out).toMatch(/组织保障\s+22\s+18\n/);
    expect(r.out).toMatch(/政府信息公开\s+0\s+4\s+\+4\n/);
  });

  it("writes only the JSON report on stdout with --json, and scores the column asked for", async () => {
    const file = await writeXlsx([genheGrid(GENHE_ITEMS)]);
    const r = await kaohe("check", file, "--json", "--column", "考核评分");
    expect(r.out.endsWith("}\n") && r.out.indexOf("\n") === r.out.length - 1).toBe(true); // compact for a program
    const report = JSON.parse(r.out) as Report;
    expect(report).toMatchObject({ schemaVersion: 1, file, column: "考核评分", summary: { errors: 0, warnings: 0 } });
    const sheet = report.sheets[0];
    expect(sheet.kind).toBe("score");
    if (sheet.kind !== "score") return;
    expect(sheet.total).toEqual({ max: 26, base: 20, adjustments: 8, final: 28, rate: 1.076923, vetoed: false });
    expect(sheet.items[2]).toMatchObject({ row: 5, id: "11", kind: "adjust", max: null, cell: "G5", entered: 2, score: 2 });
  });

  it("exits 1 when a finding is an error and names its cell", async () => {
    const items = GENHE_ITEMS.map((r) => [...r]);
    items[0][5] = 8;
    const file = await writeXlsx([genheGrid(items)]);
    const r = await kaohe("check", file, "--json");
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as Report;
    expect(report.findings.map((f) => [f.severity, f.code, f.sheet, f.cell])).toEqual([["error", "score_over_max", "评分表", "F3"]]);
    expect(report.findings[0].message).toBe("得分 8 超过分值 6,按 6 分计算");
  });

  it.each<[string, (dir: string) => string, RegExp]>([
    ["a missing file", (d) => join(d, "没有.xlsx"), /找不到文件/],
    ["an old .xls", (d) => file(d, "旧表.xls", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])), /另存为/],
    ["an encrypted .xlsx", (d) => file(d, "加密.xlsx", ole("EncryptionInfo", "EncryptedPackage")), /设置了打开密码/],
    ["an old .xls renamed .xlsx", (d) => file(d, "改名.xlsx", ole("Workbook", "SummaryInformation")), /旧版.*另存为/],
    ["a text file named .xlsx", (d) => file(d, "假.xlsx", Buffer.from("类别,序号\n组织,1\n")), /只是文件名以 \.xlsx 结尾,内容实际是 CSV 文本文件.*另存为/],
    ["a corrupt zip", (d) => file(d, "坏.xlsx", Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(200, 7)])), /已损坏/],
    ["an empty file", (d) => file(d, "空.xlsx", Buffer.alloc(0)), /空文件/],
    ["a folder", (d) => d, /文件夹/],
  ])("exits 2 with one Chinese line for %s", async (_, make, message) => {
    const r = await kaohe("check", make(tempDir()));
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(message);
    expect(r.err.trim().split("\n")).toHaveLength(1);
  });

  it("exits 2 when the workbook holds no score or statistics table", async () => {
    const r = await kaohe("check", await writeXlsx([gridOf([["姓名", "电话"], ["张三", "5230666"]], [], "通讯录")]));
    expect(r).toMatchObject({ code: 2, out: "" });
    expect(r.err).toMatch(/没有找到考核评分表/);
  });

  it("exits 2 for an unknown option or unit class, in Chinese", async () => {
    const file = await writeXlsx([genheGrid(GENHE_ITEMS)]);
    const unknown = await kaohe("check", file, "--colour");
    expect(unknown).toMatchObject({ code: 2, out: "" });
    expect(unknown.err).toMatch(/不认识的选项“--colour”/);
    const r = await kaohe("check", file, "--class", "三类");
    expect(r.code).toBe(0);
    expect(r.err).toBe("kaohe:提示:本工作簿的评分规则不分考核单位类别,--class 三类 未使用\n");
    const rates = await writeXlsx([gridOf([["序号", "考核内容", "分值", "评分标准", "得分"], [1, "动态", 6, "一类考核单位每周缺少1条信息扣0.1分,二类考核单位每周缺少1条信息扣0.2分", 5.8]])]);
    const bad = await kaohe("check", rates, "--class", "三类");
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/可选:一类、二类/);
  });
});

/** An OLE compound file's signature followed by directory entry names (UTF-16LE), as the real ones hold. */
function ole(...streams: string[]): Buffer {
  return Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), ...streams.map((n) => Buffer.from(n, "utf16le"))]);
}

function file(dir: string, name: string, bytes: Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

async function load(path: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

describe("kaohe check --out", () => {
  it("writes the 核算得分 column, marks and 核算结果 into a copy and leaves the input as it was", async () => {
    const items = GENHE_ITEMS.map((r) => [...r]);
    items[0][5] = 8; // over max → error mark
    items[4][5] = null; // missing → warning mark
    const grid = genheGrid(items);
    grid.cells[0][8] = "备注"; // a user cell right of the table, above it: the column stays free below
    const wb = workbookOf([grid]);
    wb.getWorksheet("评分表")!.getCell("J3").value = { formula: "F3*2", result: 16 };
    const dir = tempDir();
    const input = join(dir, "自查.xlsx");
    await wb.xlsx.writeFile(input);
    const before = sha(input);

    const out = join(dir, "核算.xlsx");
    const r = await kaohe("check", input, "--out", out);
    expect(r.code).toBe(1);
    expect(sha(input)).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(["核算.xlsx", "自查.xlsx"]);

    const copy = await load(out);
    const ws = copy.getWorksheet("评分表")!;
    const col = (row: number) => shown(ws.getCell(row, 8).value);
    expect([2, 3, 4, 5, 6, 7, 8].map(col)).toEqual(["核算得分", 6, 12, 4, 6, 0, "最终得分 28"]);
    expect(ws.getCell("J3").value).toEqual({ formula: "F3*2", result: 16 });
    expect(ws.getCell("F3").value).toBe(8);
    expect(ws.getCell("F3").note).toMatch(/^【考核计分助手】\n错误:得分 8 超过分值 6/);
    expect((ws.getCell("F3").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFC7CE");
    expect((ws.getCell("F7").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFEB9C");
    const result = copy.getWorksheet("核算结果")!;
    const texts = result.getSheetValues().flat().map(String);
    expect(texts).toContain("score_over_max");
    expect(texts).toContain("评分表");
  });

  it("reuses its column and sheet when run again on the copy, and clears marks that no longer apply", async () => {
    const items = GENHE_ITEMS.map((r) => [...r]);
    items[0][5] = 8;
    const dir = tempDir();
    const input = await writeXlsx([genheGrid(items)], "自查.xlsx", dir);
    const first = join(dir, "第一次.xlsx");
    await kaohe("check", input, "--out", first);

    const fixed = await load(first);
    fixed.getWorksheet("评分表")!.getCell("F3").value = 6;
    const fixedPath = join(dir, "改正.xlsx");
    await fixed.xlsx.writeFile(fixedPath);
    const second = join(dir, "第二次.xlsx");
    expect((await kaohe("check", fixedPath, "--out", second)).code).toBe(0);

    const wb = await load(second);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["评分表", "核算结果"]);
    const ws = wb.getWorksheet("评分表")!;
    expect(ws.getCell("H2").value).toBe("核算得分");
    expect(ws.getCell("I2").value).toBeNull();
    expect(shown(ws.getCell("H3").value)).toBe(6);
    expect(ws.getCell("H3").formula).toMatch(/^IF\(/);
    expect(ws.getCell("F3").note).toBeUndefined();
    expect((ws.getCell("F3").fill as ExcelJS.FillPattern | undefined)?.fgColor).toBeUndefined();
  });

  it("makes the output folder a clerk names (--out 结果/核算.xlsx), leaving nothing else behind", async () => {
    const dir = tempDir();
    const input = await writeXlsx([genheGrid(GENHE_ITEMS)], "自查.xlsx", dir);
    const r = await kaohe("check", input, "--out", join(dir, "结果", "核算.xlsx"));
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(readdirSync(join(dir, "结果"))).toEqual(["核算.xlsx"]);
    expect((await load(join(dir, "结果", "核算.xlsx"))).worksheets.map((w) => w.name)).toEqual(["评分表", "核算结果"]);
  });

  it("refuses to overwrite the input file", async () => {
    const input = await writeXlsx([genheGrid(GENHE_ITEMS)]);
    const before = sha(input);
    const r = await kaohe("check", input, "--out", input);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/不能与输入文件相同/);
    expect(sha(input)).toBe(before);
  });

  it("refuses an --out that is the input under another name (a link, another spelling of the path)", async () => {
    const dir = tempDir();
    const input = await writeXlsx([genheGrid(GENHE_ITEMS)], "自查.xlsx", dir);
    const before = sha(input);
    // as on Windows, where 自查.XLSX is the same file: here a link and a path through ".." name it
    symlinkSync(input, join(dir, "自查-链接.xlsx"));
    for (const out of [join(dir, "自查-链接.xlsx"), join(dir, "结果", "..", "自查.xlsx")]) {
      mkdirSync(join(dir, "结果"), { recursive: true });
      const r = await kaohe("check", input, "--out", out);
      expect([r.code, r.err]).toEqual([2, "kaohe:--out 不能与输入文件相同:检查结果只写入副本,原文件保持不变\n"]);
    }
    expect(sha(input)).toBe(before);
    expect(lstatSync(join(dir, "自查-链接.xlsx")).isSymbolicLink()).toBe(true);
  });
});
