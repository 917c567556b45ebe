/**
 * What an .xlsx may cost us, and the named errors when a file is beyond it or is no workbook.
 * The limits are checked while the package is inflated and parsed, never after: a file that
 * inflates to gigabytes or holds millions of cells stops at the limit with one Chinese line.
 */
import { KaoheError } from "../../core/errors";

export interface XlsxLimits {
  /** Uncompressed bytes of all parts read together (declared sizes and bytes actually inflated). */
  totalBytes: number;
  /** Cells (elements <c>) of one worksheet. */
  cellsPerSheet: number;
  /** Characters of one text (a shared string, an inline string, a note). */
  textLength: number;
  /** Merged ranges of one worksheet. */
  mergesPerSheet: number;
}

export const DEFAULT_LIMITS: XlsxLimits = {
  totalBytes: 300 * 1024 * 1024,
  cellsPerSheet: 3_000_000,
  // Excel and WPS keep at most 32,767 characters in a cell; a longer text was made by a program.
  textLength: 32_767,
  mergesPerSheet: 100_000,
};

/**
 * The grid is clipped to where content is: a value after more than this many empty rows (or
 * columns) is not part of any table the engine could read, and would cost it minutes.
 */
export const ROW_GAP = 10_000;
export const COLUMN_GAP = 256;

/** The file is beyond a limit (exit status 2 in the CLI). */
export class XlsxLimitError extends KaoheError {}

/** The bytes are not a readable .xlsx package (a broken zip, a missing part, unsafe XML). */
export class XlsxFormatError extends KaoheError {}

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

export const limitMessage = {
  total: (limit: number) =>
    `工作簿解压后超过 ${mb(limit)},超出本工具可处理的大小(文件可能是恶意构造的压缩包);请删除不需要的工作表或内容后再试`,
  cells: (sheet: string, limit: number) =>
    `工作表“${sheet}”的单元格超过 ${limit.toLocaleString("en-US")} 个,超出本工具可处理的范围;请把评分表单独复制到一个新工作簿后再检查`,
  text: (where: string, length: number, limit: number) =>
    `${where}的文字长达 ${length.toLocaleString("en-US")} 个字符,超过 Excel 允许的 ${limit.toLocaleString("en-US")} 个字符;文件可能已损坏或由其他程序生成,请在 Excel 或 WPS 中打开并另存后再试`,
  merges: (sheet: string, limit: number) =>
    `工作表“${sheet}”的合并单元格超过 ${limit.toLocaleString("en-US")} 处,超出本工具可处理的范围;请取消不需要的合并后再试`,
};

export const formatMessage = {
  broken: "文件已损坏或不是有效的 .xlsx 工作簿",
  dtd: "文件中含有文档类型声明(DOCTYPE/ENTITY),Excel 和 WPS 不会生成这样的工作簿;为安全起见不予读取",
  missing: (part: string) => `文件缺少必要的部分(${part}),不是完整的 .xlsx 工作簿`,
  encrypted: "压缩包中的文件已加密,无法读取",
  method: "压缩包使用了不支持的压缩方式",
};
