/** The preview's file opening: every way a file is no readable .xlsx gets its own Chinese reason. */
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { openWorkbook } from "../../src/preview/workbook";

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const utf16 = (s: string) => [...s].flatMap((ch) => [ch.charCodeAt(0), 0]);
const bytes = (...parts: number[][]) => new Uint8Array(parts.flat()).buffer;
const failure = (buffer: ArrayBuffer, name: string) => openWorkbook(buffer, name).then(() => "opened", (e: Error) => e.message);

describe("openWorkbook (preview)", () => {
  it("says that an old .xls saved under a .xlsx name is the old format, not a password", async () => {
    const message = await failure(bytes(OLE, new Array(600).fill(0), utf16("Workbook")), "评分表.xlsx");
    expect(message).toContain("旧版 Excel/WPS 格式");
    expect(message).toContain("另存为");
    expect(message).not.toContain("密码");
  });

  it("says that a password-protected .xlsx needs its password removed", async () => {
    const message = await failure(bytes(OLE, new Array(600).fill(0), utf16("EncryptionInfo"), utf16("EncryptedPackage")), "评分表.xlsx");
    expect(message).toContain("打开密码");
  });

  it("names an empty file and a file that is no workbook at all", async () => {
    expect(await failure(bytes(), "空.xlsx")).toContain("空文件");
    expect(await failure(new TextEncoder().encode("姓名,电话\n张三,123").buffer as ArrayBuffer, "名单.xlsx")).toContain("不是可读取的 .xlsx 文件");
  });

  it("opens a real workbook", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("评分表").addRow(["序号", "分值", "自查评分"]);
    const opened = await openWorkbook((await wb.xlsx.writeBuffer()) as ArrayBuffer, "评分表.xlsx");
    expect((await opened.readSheets()).map((g) => g.name)).toEqual(["评分表"]);
  });
});
