/**
 * Files a clerk may hand `kaohe check` instead of an .xlsx, built byte by byte the way their
 * programs write them (a zip's entries, an OLE container's stream names, magic numbers, text),
 * with the format each is and what its refusal must say.
 */
import { zipSync, strToU8 } from "fflate";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { FileFormat } from "../../src/core/filekind";

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** An OLE compound file: signature, header, then directory entries (UTF-16LE names, NUL-ended, 128 bytes each). */
export function ole(...streams: string[]): Uint8Array {
  const entries = ["Root Entry", ...streams].map((name) => {
    const entry = new Uint8Array(128);
    entry.set(new Uint8Array(Buffer.from(`${name}\0`, "utf16le")), 0);
    entry[64] = (name.length + 1) * 2;
    entry[66] = name === "Root Entry" ? 5 : 2;
    return entry;
  });
  const header = new Uint8Array(512);
  header.set(OLE_SIGNATURE);
  return concat(header, ...entries, new Uint8Array(1024).fill(0x20));
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A zip of these entries (text contents), in this order; `mimetype` stored first as OpenDocument requires. */
export function zip(entries: Record<string, string>): Uint8Array {
  const files: Record<string, [Uint8Array, { level: 0 | 6 }]> = {};
  for (const [name, text] of Object.entries(entries)) files[name] = [strToU8(text), { level: name === "mimetype" ? 0 : 6 }];
  return zipSync(files);
}

const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';

export interface RefusedCase {
  /** What the case is, for the test's title. */
  label: string;
  /** The file name the clerk passes. */
  name: string;
  /** Writes the file (or folder) into `dir` and returns its path; a missing file writes nothing. */
  make(dir: string): string;
  /** What sniffFormat must say (null: decided before the bytes are read, by the CLI). */
  format: FileFormat | null;
  /** The Chinese line must name what the file is … */
  what: RegExp;
  /** … and say what to do. */
  advice: RegExp;
}

const SAVE_AS = /请在 WPS 或 Excel 中打开后“另存为”Excel 工作簿\(\.xlsx\)再试$/;
const PICK = /请选择评分表所在的工作簿\(\.xlsx\)/;

const bytes = (name: string, data: Uint8Array | string): ((dir: string) => string) => (dir) => {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
};

const at = (name: string, data: Uint8Array | string, format: FileFormat, what: RegExp, advice: RegExp, label = name): RefusedCase => ({
  label,
  name,
  make: bytes(name, data),
  format,
  what,
  advice,
});

const ODS = zip({
  mimetype: "application/vnd.oasis.opendocument.spreadsheet",
  "content.xml": "<office:document-content/>",
  "META-INF/manifest.xml": "<manifest:manifest/>",
});
const CSV = "类别,序号,考核内容,分值,评分标准,自查评分\n组织保障,1,明确分管领导,6,根据查看文件评分,6\n";

/** Every refused format, with the advice its message must give. */
export const REFUSED: RefusedCase[] = [
  at("评分表.ods", ODS, "ods", /^“评分表\.ods”是 OpenDocument 表格\(\.ods\)/, SAVE_AS, "an OpenDocument spreadsheet (.ods)"),
  at("改名.xlsx", ODS, "ods", /^“改名\.xlsx”只是文件名以 \.xlsx 结尾,内容实际是 OpenDocument 表格/, SAVE_AS, "an .ods renamed .xlsx"),
  at("评分表.csv", CSV, "csv", /^“评分表\.csv”是 CSV 文本文件/, SAVE_AS, "a CSV file"),
  at("评分表.csv", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CSV.replace(/,/g, "\t"), "utf16le")]), "csv", /^“评分表\.csv”是 CSV 文本文件/, SAVE_AS, "a CSV saved as Unicode text (UTF-16)"),
  at("评分表.et", ole("Workbook", "\u0005SummaryInformation"), "et", /^“评分表\.et”是 WPS 表格格式\(\.et\)/, /请在 WPS 中打开后“另存为”Excel 工作簿\(\.xlsx\)再试$/, "a WPS 表格 file (.et)"),
  at("模板.ett", ole("Workbook"), "et", /^“模板\.ett”是 WPS 表格格式\(\.ett 模板\)/, /请在 WPS 中打开后“另存为”/, "a WPS 表格 template (.ett)"),
  at("评分表.xls", ole("Workbook", "\u0005SummaryInformation", "\u0005DocumentSummaryInformation"), "xls", /^“评分表\.xls”是旧版 Excel 工作簿\(\.xls\)/, SAVE_AS, "an Excel 97–2003 workbook (.xls)"),
  at("Excel5.xls", ole("Book"), "xls", /^“Excel5\.xls”是旧版 Excel 工作簿/, SAVE_AS, "an Excel 5 workbook (Book stream)"),
  at("旧表.xlsx", ole("Workbook"), "xls", /^“旧表\.xlsx”只是文件名以 \.xlsx 结尾,内容实际是旧版 Excel 工作簿/, SAVE_AS, "an .xls renamed .xlsx"),
  at("说明.wps", ole("WordDocument", "1Table"), "wps-writer", /^“说明\.wps”是 WPS 文字文档\(\.wps\),不是表格/, PICK, "a WPS 文字 document (.wps)"),
  at("评分表.xlsb", zip({ "[Content_Types].xml": CONTENT_TYPES, "xl/workbook.bin": "\u0083\u0001", "xl/worksheets/sheet1.bin": "" }), "xlsb", /^“评分表\.xlsb”是 Excel 二进制工作簿\(\.xlsb\)/, SAVE_AS, "an Excel binary workbook (.xlsb)"),
  at("评分表.numbers", zip({ "Index/Document.iwa": "\u0000", "Metadata/Properties.plist": "" }), "numbers", /^“评分表\.numbers”是苹果 Numbers 表格/, /导出为 → Excel”存为 \.xlsx 再试$/, "an Apple Numbers file"),
  {
    label: "an Apple Numbers package (a folder)",
    name: "评分表.numbers",
    make: (dir) => {
      const path = join(dir, "苹果", "评分表.numbers");
      mkdirSync(join(path, "Index"), { recursive: true });
      writeFileSync(join(path, "Index", "Document.iwa"), "");
      return path;
    },
    format: null,
    what: /^“评分表\.numbers”是苹果 Numbers 表格/,
    advice: /导出为 → Excel”存为 \.xlsx 再试$/,
  },
  at("说明.docx", zip({ "[Content_Types].xml": CONTENT_TYPES, "word/document.xml": "<w:document/>" }), "docx", /^“说明\.docx”是 Word 文档\(\.docx\),不是表格/, /复制到 WPS 表格或 Excel 中,保存为 \.xlsx 再试$/, "a Word document (.docx) pasted by mistake"),
  at("说明.doc", ole("WordDocument", "1Table", "\u0005SummaryInformation"), "doc", /^“说明\.doc”是 Word 文档,不是表格/, /复制到 WPS 表格或 Excel 中,保存为 \.xlsx 再试$/, "a Word 97–2003 document (.doc)"),
  at("汇报.pptx", zip({ "[Content_Types].xml": CONTENT_TYPES, "ppt/presentation.xml": "<p:presentation/>" }), "pptx", /^“汇报\.pptx”是演示文稿/, PICK, "a presentation (.pptx)"),
  at("评分表.pdf", "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "pdf", /^“评分表\.pdf”是 PDF 文件,只能阅读,不能计算/, /请找到它所由来的表格文件\(\.xlsx\)/, "a PDF"),
  at("通报.ofd", zip({ "OFD.xml": "<ofd:OFD/>", "Doc_0/Document.xml": "<ofd:Document/>" }), "ofd", /^“通报\.ofd”是 OFD 版式文件/, /请找到它所由来的表格文件/, "an OFD document"),
  at("材料.zip", zip({ "自查/评分表.xlsx": "PK", "自查/说明.txt": "说明" }), "zip", /^“材料\.zip”是压缩包,不是工作簿/, /请先解压,再检查其中的 \.xlsx 文件$/, "a zip archive"),
  at("材料.rar", new Uint8Array([0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x01, 0x00, 1, 2, 3]), "rar", /^“材料\.rar”是 RAR 压缩包/, /请先解压/, "a RAR archive"),
  at("截图.png", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), "image", /^“截图\.png”是图片,不是表格/, PICK, "an image"),
  at("导出.xls", "<html xmlns:x=\"urn:schemas-microsoft-com:office:excel\"><body><table><tr><td>序号</td></tr></table></body></html>", "html", /^“导出\.xls”只是文件名以 \.xls 结尾,内容实际是网页\(HTML\)表格/, SAVE_AS, "an HTML table a system exported as .xls"),
  at("报表.xml", '<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="评分表"/></Workbook>', "spreadsheet-xml", /^“报表\.xml”是 Excel 2003 XML 表格/, SAVE_AS, "an Excel 2003 XML spreadsheet"),
  at("加密.xlsx", ole("EncryptionInfo", "EncryptedPackage", "\u0006DataSpaces"), "encrypted", /^“加密\.xlsx”设置了打开密码\(已加密\),无法读取/, /取消打开密码.*并保存后再试$/, "an encrypted .xlsx"),
  at("空.xlsx", "", "empty", /^“空\.xlsx”是空文件\(0 字节\)/, /请重新保存或复制一份工作簿再试$/, "an empty file"),
  at("乱码.xlsx", new Uint8Array(Array.from({ length: 600 }, (_, i) => (i * 131 + 7) % 256)), "unknown", /^“乱码\.xlsx”不是 \.xlsx 工作簿\(文件内容无法识别\)/, /请确认选的是评分表文件/, "a non-workbook named .xlsx"),
  at("说明.txt", "这是评分说明,不是表格。\n请按要求填写。\n", "text", /^“说明\.txt”是纯文本文件,不是工作簿/, SAVE_AS, "a plain text file"),
  {
    label: "a folder",
    name: "自查材料",
    make: (dir) => {
      const path = join(dir, "自查材料");
      mkdirSync(path);
      return path;
    },
    format: null,
    what: /“[^”]*自查材料”是文件夹,不是工作簿/,
    advice: /请指定文件夹中的某个工作簿/,
  },
  {
    label: "a missing file",
    name: "没有这个文件.xlsx",
    make: (dir) => join(dir, "没有这个文件.xlsx"),
    format: null,
    what: /^找不到文件“[^”]*没有这个文件\.xlsx”/,
    advice: /请检查文件名和所在文件夹是否写对/,
  },
];
