import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { fileKind, refusalMessage, sniffFormat, zipEntryNames, type FileKind } from "../../src/core/filekind";
import { REFUSED, zip } from "../helpers/formats";
import { genheGrid } from "../helpers/grid";
import { tempDir, writeXlsx } from "../helpers/xlsx";

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const bytes = (...parts: Array<number[] | string>) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...p].flatMap((ch) => [ch.charCodeAt(0), 0]) : p)));

describe("what a file's bytes are", () => {
  it.each<[string, Uint8Array, FileKind]>([
    ["an .xlsx (a zip)", bytes([0x50, 0x4b, 3, 4, 20, 0]), "xlsx"],
    ["nothing", bytes(), "empty"],
    ["an old .xls (OLE without encryption streams)", bytes(OLE, new Array(504).fill(0), "Workbook", "SummaryInformation"), "old"],
    ["an encrypted .xlsx (EncryptionInfo)", bytes(OLE, new Array(504).fill(0), "EncryptionInfo"), "encrypted"],
    ["an encrypted .xlsx (EncryptedPackage)", bytes(OLE, new Array(504).fill(0), "EncryptedPackage"), "encrypted"],
    ["text", new TextEncoder().encode("类别,序号\n"), "unknown"],
  ])("%s", (_, b, kind) => expect(fileKind(b)).toBe(kind));
});

describe("sniffFormat: every format a clerk may hand us, from its bytes and name", () => {
  const dir = tempDir();
  it.each(REFUSED.filter((c) => c.format !== null).map((c) => [c.label, c] as const))("%s", (_, c) => {
    const path = c.make(dir);
    expect(sniffFormat(readFileSync(path), c.name)).toBe(c.format);
  });

  it("lets a real .xlsx through, whatever its name says, and a damaged zip on to the reader", async () => {
    const xlsx = readFileSync(await writeXlsx([genheGrid([["组织保障", 1, "明确分管领导", 6, "根据查看文件评分", 6, 6]])]));
    expect(sniffFormat(xlsx, "评分表.xlsx")).toBe("xlsx");
    expect(sniffFormat(xlsx, "评分表.xlsm")).toBe("xlsx");
    expect(sniffFormat(xlsx, "评分表")).toBe("xlsx");
    expect(sniffFormat(xlsx.subarray(0, xlsx.length - 40), "截断.xlsx")).toBe("zip-unreadable");
    expect(sniffFormat(new Uint8Array([0x50, 0x4b, 3, 4, ...new Array(200).fill(7)]), "坏.xlsx")).toBe("zip-unreadable");
  });

  it("reads a zip's entry names from its central directory", () => {
    expect(zipEntryNames(zip({ "[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>", "评分/表.txt": "" }))).toEqual([
      "[Content_Types].xml",
      "xl/workbook.xml",
      "评分/表.txt",
    ]);
    expect(zipEntryNames(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]))).toBeNull();
  });

  it("names the refused format with what to do, and says nothing for a workbook", () => {
    expect(refusalMessage("ods", "x.ods")).toBe("“x.ods”是 OpenDocument 表格(.ods),请在 WPS 或 Excel 中打开后“另存为”Excel 工作簿(.xlsx)再试");
    expect(refusalMessage("xlsx", "x.xlsx")).toBeNull();
    expect(refusalMessage("zip-unreadable", "x.xlsx")).toBeNull();
  });
});
