/**
 * Reading and writing .xlsx files for the CLI: every way a file can be unusable becomes one
 * clear Chinese line (InputError), and writing goes to a temporary file renamed into place.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync, renameSync, statSync, unlinkSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { KaoheError } from "../core/errors";
import { OLD_FORMAT_NAME, fileKind, type FileKind } from "../core/filekind";

/** The input cannot be used at all (exit status 2). */
export class InputError extends KaoheError {}

/** The first bytes say zip or OLE; an OLE file is read whole to tell an old .xls from an encrypted .xlsx. */
function kindOf(path: string): FileKind {
  const fd = openSync(path, "r");
  let first: Buffer;
  try {
    const buf = Buffer.alloc(8);
    first = buf.subarray(0, readSync(fd, buf, 0, 8, 0));
  } finally {
    closeSync(fd);
  }
  const kind = fileKind(first);
  return kind === "old" ? fileKind(readFileSync(path)) : kind;
}

/** Loads an .xlsx workbook, or throws InputError saying in Chinese why it can't. */
export async function loadWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const name = basename(path);
  if (!existsSync(path)) throw new InputError(`找不到文件“${path}”`);
  if (statSync(path).isDirectory()) throw new InputError(`“${path}”是文件夹,请指定一个 .xlsx 文件`);
  const ext = extname(path).toLowerCase();
  const saveAs = "请在 Excel 或 WPS 中“另存为”Excel 工作簿(.xlsx)后再检查";
  switch (kindOf(path)) {
    case "empty":
      throw new InputError(`“${name}”是空文件`);
    case "encrypted":
      throw new InputError(`“${name}”设置了打开密码(已加密),请在 Excel 或 WPS 中取消密码后再检查`);
    case "old":
      throw new InputError(`“${name}”是旧版 Excel/WPS 格式(.xls/.et),${saveAs}`);
    case "unknown":
      throw new InputError(OLD_FORMAT_NAME.test(name) ? `“${name}”是旧版格式(${ext}),${saveAs}` : `“${name}”不是 .xlsx 工作簿(文件内容无法识别)`);
    case "xlsx":
      break;
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch {
    throw new InputError(`“${name}”已损坏或不是有效的 .xlsx 工作簿,无法读取`);
  }
  if (wb.worksheets.length === 0) throw new InputError(`“${name}”中没有工作表`);
  return wb;
}

/** Writes the workbook to `out` through a temporary file in the same folder, renamed into place. */
export async function saveWorkbook(wb: ExcelJS.Workbook, out: string, input: string): Promise<void> {
  if (resolve(out) === resolve(input)) throw new InputError("--out 不能与输入文件相同:检查结果只写入副本,原文件保持不变");
  if (extname(out).toLowerCase() !== ".xlsx") throw new InputError(`输出文件“${out}”应以 .xlsx 结尾`);
  const dir = dirname(resolve(out));
  if (!existsSync(dir)) throw new InputError(`输出文件夹“${dir}”不存在`);
  const tmp = join(dir, `.kaohe-tmp-${process.pid}-${basename(out)}`);
  try {
    await wb.xlsx.writeFile(tmp);
    renameSync(tmp, out);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing was written
    }
    throw new InputError(`无法写入“${out}”:${(e as NodeJS.ErrnoException).code === "EACCES" ? "没有写入权限" : "文件可能正被其他程序打开"}`);
  }
}
