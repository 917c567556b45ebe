/**
 * What a file's bytes are, before an .xlsx reader tries them: the CLI and the preview both say
 * in Chinese why a file can't be opened, and what to do instead, from the same reading.
 */
export type FileKind = "xlsx" | "old" | "encrypted" | "empty" | "unknown";

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const ZIP_MAGIC = [0x50, 0x4b];
const utf16 = (s: string) => [...s].flatMap((ch) => [ch.charCodeAt(0), 0]);
/** Streams only an encrypted (password-protected) .xlsx keeps in its OLE container, as UTF-16LE. */
const ENCRYPTION_STREAMS = ["EncryptionInfo", "EncryptedPackage"].map(utf16);

const startsWith = (bytes: Uint8Array, magic: number[], at = 0) => magic.every((b, i) => bytes[at + i] === b);

function contains(bytes: Uint8Array, needle: number[]): boolean {
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * An .xlsx is a zip; an old .xls/.et and an encrypted .xlsx are both OLE containers, told apart
 * by the encryption streams. Pass the whole file when it may be an OLE container.
 * (The coarse answer the preview uses; `sniffFormat` tells every refused format apart.)
 */
export function fileKind(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return "empty";
  if (startsWith(bytes, OLE_MAGIC)) return ENCRYPTION_STREAMS.some((s) => contains(bytes, s)) ? "encrypted" : "old";
  return startsWith(bytes, ZIP_MAGIC) ? "xlsx" : "unknown";
}

/** File name endings of the old binary formats, which must be saved as .xlsx first. */
export const OLD_FORMAT_NAME = /\.(xls|et|ett|wps|xlt)$/i;

/**
 * Every format a clerk may hand us instead of an .xlsx, told from the content first and the
 * name's ending second (the name only refines what the bytes already say, or names a text file).
 */
export type FileFormat =
  | "xlsx" // an Office Open XML workbook (.xlsx, .xlsm, .xltx): readable
  | "zip-unreadable" // starts like a zip but its directory can't be read: let the reader say it is damaged
  | "empty"
  | "encrypted" // an .xlsx with an opening password (an OLE container holding EncryptedPackage)
  | "xls" // Excel 97–2003 (OLE with a Workbook/Book stream)
  | "et" // WPS 表格's own format (.et/.ett: the same OLE layout as .xls)
  | "doc" // Word 97–2003 (OLE with a WordDocument stream)
  | "wps-writer" // WPS 文字 (.wps)
  | "ppt"
  | "ole-other"
  | "xlsb" // Excel binary workbook (a zip with xl/workbook.bin)
  | "ods" // OpenDocument spreadsheet (a zip whose mimetype entry says so)
  | "odf-other" // OpenDocument text or presentation
  | "docx"
  | "pptx"
  | "numbers" // Apple Numbers (a zip with Index/*.iwa, or a folder bundle)
  | "ofd" // 版式文档 OFD (GB/T 33190)
  | "zip" // an archive holding other files
  | "rar"
  | "7z"
  | "pdf"
  | "image"
  | "html" // a web page, often a system's "导出 Excel" that is really an HTML table named .xls
  | "spreadsheet-xml" // Excel 2003 XML spreadsheet
  | "csv" // comma/tab separated text
  | "text"
  | "unknown";

/** The names of a zip's entries, from its central directory; null when it can't be read. */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  let count = u16(eocd + 10);
  let offset = u32(eocd + 16);
  if ((offset === 0xffffffff || count === 0xffff) && eocd >= 20 && u32(eocd - 20) === 0x07064b50) {
    const z64 = Number(view.getBigUint64(eocd - 20 + 8, true));
    if (z64 + 56 > bytes.length || u32(z64) !== 0x06064b50) return null;
    count = Number(view.getBigUint64(z64 + 32, true));
    offset = Number(view.getBigUint64(z64 + 48, true));
  }
  const names: string[] = [];
  const decoder = new TextDecoder();
  for (let i = 0, at = offset; i < count; i++) {
    if (at + 46 > bytes.length || u32(at) !== 0x02014b50) return null;
    const nameLength = u16(at + 28);
    if (at + 46 + nameLength > bytes.length) return null;
    names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + u16(at + 30) + u16(at + 32);
  }
  return names;
}

/** The content of a zip's first entry when it is a stored `mimetype` (how OpenDocument files begin). */
function odfMimetype(bytes: Uint8Array): string | null {
  if (bytes.length < 30 || !startsWith(bytes, [0x50, 0x4b, 3, 4])) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const nameLength = view.getUint16(26, true);
  const extraLength = view.getUint16(28, true);
  const size = view.getUint32(18, true);
  const name = new TextDecoder().decode(bytes.subarray(30, 30 + nameLength));
  if (name !== "mimetype" || view.getUint16(8, true) !== 0 || size > 200) return null;
  const start = 30 + nameLength + extraLength;
  return new TextDecoder().decode(bytes.subarray(start, start + size));
}

/** A stream name in an OLE directory: UTF-16LE, ended by a NUL character. */
const oleStream = (bytes: Uint8Array, name: string) => contains(bytes, [...utf16(name), 0, 0]);

function oleFormat(bytes: Uint8Array, ext: string): FileFormat {
  if (ENCRYPTION_STREAMS.some((s) => contains(bytes, s))) return "encrypted";
  if (oleStream(bytes, "Workbook") || oleStream(bytes, "Book")) return ext === "et" || ext === "ett" ? "et" : "xls";
  if (oleStream(bytes, "WordDocument")) return ext === "wps" ? "wps-writer" : "doc";
  if (oleStream(bytes, "PowerPoint Document")) return "ppt";
  if (ext === "et" || ext === "ett") return "et";
  if (ext === "wps") return "wps-writer";
  return ext === "xls" || ext === "xlt" ? "xls" : "ole-other";
}

function zipFormat(bytes: Uint8Array, ext: string): FileFormat {
  const mimetype = odfMimetype(bytes);
  if (mimetype?.startsWith("application/vnd.oasis.opendocument.spreadsheet")) return "ods";
  if (mimetype?.startsWith("application/vnd.oasis.opendocument.")) return "odf-other";
  const names = zipEntryNames(bytes);
  if (!names) return ext === "ods" ? "ods" : ext === "numbers" ? "numbers" : "zip-unreadable";
  const has = (test: (n: string) => boolean) => names.some(test);
  if (has((n) => /^xl\/workbook\.xml$/i.test(n))) return "xlsx";
  if (has((n) => /^xl\/workbook\.bin$/i.test(n))) return "xlsb";
  if (has((n) => n === "mimetype") && ext === "ods") return "ods";
  if (has((n) => /^word\//.test(n))) return "docx";
  if (has((n) => /^ppt\//.test(n))) return "pptx";
  if (has((n) => /^Index\/.*\.iwa$|^Index\.zip$/.test(n))) return "numbers";
  if (has((n) => /^OFD\.xml$/i.test(n))) return "ofd";
  // An .xlsx whose workbook part is missing is damaged, not an archive the clerk made.
  if (has((n) => n === "[Content_Types].xml")) return "zip-unreadable";
  return "zip";
}

/** Text, not binary: no NUL and almost no control characters in the first bytes. */
function isText(head: Uint8Array): boolean {
  let control = 0;
  for (const b of head) {
    if (b === 0) return false;
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 0x1b) control++;
  }
  return control <= head.length / 100;
}

function textFormat(bytes: Uint8Array, ext: string): FileFormat {
  const head = bytes.subarray(0, 8192);
  // UTF-16 text (with a byte order mark) holds NULs: a CSV saved as "Unicode 文本" by Excel.
  const utf16Text = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (!utf16Text && !isText(head)) return "unknown";
  const start = new TextDecoder(utf16Text ? (head[0] === 0xff ? "utf-16le" : "utf-16be") : "utf-8")
    .decode(head.subarray(0, 2048))
    .replace(/^\uFEFF/, "")
    .trimStart()
    .toLowerCase();
  if (start.startsWith("<?xml") && start.includes("urn:schemas-microsoft-com:office:spreadsheet")) return "spreadsheet-xml";
  if (/^(<!doctype html|<html|<table|<meta|<head|<body)/.test(start) || (start.startsWith("<?xml") && start.includes("<html"))) return "html";
  if (start.startsWith("{\\rtf")) return "doc";
  if (ext === "csv" || ext === "tsv") return "csv";
  const firstLine = start.split(/\r?\n/)[0];
  if (ext !== "txt" && /[,\t]/.test(firstLine)) return "csv";
  return "text";
}

/** The ending of a file name in lower case, without the dot ("" when there is none). */
export function extensionOf(name: string): string {
  const m = /\.([^./\\]+)$/.exec(name);
  return m ? m[1].toLowerCase() : "";
}

/**
 * What the bytes of a file named `name` are. Pass the whole file: a zip is read from its
 * directory at the end, an OLE container's stream names may lie anywhere.
 */
export function sniffFormat(bytes: Uint8Array, name: string): FileFormat {
  const ext = extensionOf(name);
  if (bytes.length === 0) return "empty";
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return oleFormat(bytes, ext);
  if (startsWith(bytes, [0x50, 0x4b, 3, 4]) || startsWith(bytes, [0x50, 0x4b, 5, 6])) return zipFormat(bytes, ext);
  if (startsWith(bytes, [0x50, 0x4b])) return "zip-unreadable";
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "pdf"; // %PDF-
  if (startsWith(bytes, [0x52, 0x61, 0x72, 0x21])) return "rar"; // Rar!
  if (startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return "7z";
  if (
    startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || // PNG
    startsWith(bytes, [0xff, 0xd8, 0xff]) || // JPEG
    startsWith(bytes, [0x47, 0x49, 0x46, 0x38]) || // GIF8
    (startsWith(bytes, [0x42, 0x4d]) && ext === "bmp") ||
    (startsWith(bytes, [0x49, 0x49, 0x2a, 0]) || startsWith(bytes, [0x4d, 0x4d, 0, 0x2a])) // TIFF
  )
    return "image";
  return textFormat(bytes, ext);
}

const SAVE_AS = "请在 WPS 或 Excel 中打开后“另存为”Excel 工作簿(.xlsx)再试";
const PICK = "请选择评分表所在的工作簿(.xlsx)";
const FROM_DOCUMENT = `${PICK}。如果评分表在这份文档里,请把表格复制到 WPS 表格或 Excel 中,保存为 .xlsx 再试`;
const UNPACK = "请先解压,再检查其中的 .xlsx 文件";

/** What each refused format is called for a clerk (`what`), what to do (`advice`), and its own name endings. */
const REFUSAL: Record<Exclude<FileFormat, "xlsx" | "zip-unreadable">, { what: (ext: string) => string; advice: string; exts: string[] }> = {
  empty: { what: () => "是空文件(0 字节),可能没有保存完整或复制时出了错", advice: "请重新保存或复制一份工作簿再试", exts: [] },
  encrypted: {
    what: () => "设置了打开密码(已加密),无法读取",
    advice: "请在 WPS 或 Excel 中打开,取消打开密码(WPS:“文件 → 文档加密”;Excel:“文件 → 信息 → 保护工作簿”)并保存后再试",
    exts: [],
  },
  xls: { what: () => "是旧版 Excel 工作簿(.xls)", advice: SAVE_AS, exts: ["xls", "xlt"] },
  et: {
    what: (ext) => `是 WPS 表格格式(.${ext === "ett" ? "ett 模板" : "et"})`,
    advice: "请在 WPS 中打开后“另存为”Excel 工作簿(.xlsx)再试",
    exts: ["et", "ett"],
  },
  doc: { what: () => "是 Word 文档,不是表格", advice: FROM_DOCUMENT, exts: ["doc", "dot", "rtf", "docx"] },
  "wps-writer": { what: () => "是 WPS 文字文档(.wps),不是表格", advice: FROM_DOCUMENT, exts: ["wps", "wpt"] },
  ppt: { what: () => "是演示文稿(PowerPoint 或 WPS 演示),不是表格", advice: PICK, exts: ["ppt", "pps", "dps"] },
  "ole-other": { what: () => "是旧版 Office 文件,不是 .xlsx 工作簿", advice: `如果它是表格,${SAVE_AS}`, exts: [] },
  xlsb: { what: () => "是 Excel 二进制工作簿(.xlsb)", advice: SAVE_AS, exts: ["xlsb"] },
  ods: { what: () => "是 OpenDocument 表格(.ods)", advice: SAVE_AS, exts: ["ods", "ots", "fods"] },
  "odf-other": { what: () => "是 OpenDocument 文字或演示文档,不是表格", advice: PICK, exts: ["odt", "odp", "ott", "otp"] },
  docx: { what: () => "是 Word 文档(.docx),不是表格", advice: FROM_DOCUMENT, exts: ["docx", "docm", "dotx"] },
  pptx: { what: () => "是演示文稿(.pptx),不是表格", advice: PICK, exts: ["pptx", "ppsx", "dpsx"] },
  numbers: { what: () => "是苹果 Numbers 表格(.numbers)", advice: "请在 Numbers 中用“文件 → 导出为 → Excel”存为 .xlsx 再试", exts: ["numbers"] },
  ofd: { what: () => "是 OFD 版式文件,只能阅读,不能计算", advice: "请找到它所由来的表格文件(.xlsx)再试", exts: ["ofd"] },
  zip: { what: () => "是压缩包,不是工作簿", advice: UNPACK, exts: ["zip"] },
  rar: { what: () => "是 RAR 压缩包,不是工作簿", advice: UNPACK, exts: ["rar"] },
  "7z": { what: () => "是 7z 压缩包,不是工作簿", advice: UNPACK, exts: ["7z"] },
  pdf: {
    what: () => "是 PDF 文件,只能阅读,不能计算",
    advice: "请找到它所由来的表格文件(.xlsx),或在 WPS 中把 PDF 转为表格并保存为 .xlsx 再试",
    exts: ["pdf"],
  },
  image: { what: () => "是图片,不是表格", advice: PICK, exts: ["png", "jpg", "jpeg", "gif", "bmp", "tif", "tiff"] },
  html: { what: () => "是网页(HTML)表格,常见于从业务系统“导出 Excel”得到的文件", advice: SAVE_AS, exts: ["htm", "html", "mht", "mhtml"] },
  "spreadsheet-xml": { what: () => "是 Excel 2003 XML 表格", advice: SAVE_AS, exts: ["xml"] },
  csv: {
    what: (ext) => `是 ${ext === "tsv" ? "TSV" : "CSV"} 文本文件(只有文字,没有表格的合并单元格和格式)`,
    advice: SAVE_AS,
    exts: ["csv", "tsv", "txt"],
  },
  text: { what: () => "是纯文本文件,不是工作簿", advice: `如果它是导出的表格数据,${SAVE_AS}`, exts: ["txt", "text", "log"] },
  unknown: {
    what: (ext) => `不是 .xlsx 工作簿(文件内容无法识别${ext && ext !== "xlsx" ? `,扩展名 .${ext}` : ""})`,
    advice: "请确认选的是评分表文件;能在 WPS 或 Excel 中打开的话,请另存为 .xlsx 再试",
    exts: [],
  },
};

/** Endings that claim a workbook: a file with one of these holding something else is "实际是 …". */
const WORKBOOK_NAME = ["xlsx", "xlsm", "xltx", "xltm", "xls", "et", "ett"];

/**
 * Why a file of this format can't be checked, as "“name”是 …,请 …" (one line, no end
 * punctuation); null when the format is one an .xlsx reader should try.
 */
export function refusalMessage(format: FileFormat, name: string): string | null {
  if (format === "xlsx" || format === "zip-unreadable") return null;
  const ext = extensionOf(name);
  const r = REFUSAL[format];
  const what = r.what(ext);
  const disguised = WORKBOOK_NAME.includes(ext) && r.exts.length > 0 && !r.exts.includes(ext);
  return `“${name}”${disguised ? `只是文件名以 .${ext} 结尾,内容实际${what}` : what}${what.endsWith(")") ? "," : ";"}${r.advice}`;
}
