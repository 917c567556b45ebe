/**
 * Reading and writing .xlsx files for the CLI: every way a file can be unusable becomes one
 * clear Chinese line (InputError), and writing goes to a temporary file renamed into place.
 */
import { existsSync, mkdirSync, renameSync, statSync, unlinkSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { KaoheError } from "../core/errors";
import { fsErrorMessage, holdTemporary, releaseTemporary, whyUnusable } from "./messages";

/** The input cannot be used at all (exit status 2). */
export class InputError extends KaoheError {}

/** Loads an .xlsx workbook, or throws InputError saying in Chinese why it can't. */
export async function loadWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const name = basename(path);
  const refused = whyUnusable(path);
  if (refused) throw new InputError(refused);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch {
    throw new InputError(`“${name}”已损坏或不完整,无法读取;请在 WPS 或 Excel 中打开它(会提示修复),另存为 .xlsx 后再试`);
  }
  if (wb.worksheets.length === 0) throw new InputError(`“${name}”中没有工作表;请确认选的是填好的评分表工作簿`);
  return wb;
}

/** Writes the workbook to `out` through a temporary file in the same folder, renamed into place. */
export async function saveWorkbook(wb: ExcelJS.Workbook, out: string, input: string): Promise<void> {
  if (resolve(out) === resolve(input)) throw new InputError("--out 不能与输入文件相同:检查结果只写入副本,原文件保持不变");
  if (extname(out).toLowerCase() !== ".xlsx") throw new InputError(`输出文件“${out}”应以 .xlsx 结尾,如 --out 核算副本.xlsx`);
  const dir = dirname(resolve(out));
  if (existsSync(out) && statSync(out).isDirectory()) throw new InputError(`“${out}”是文件夹;请在 --out 后写副本的文件名,如 --out 核算副本.xlsx`);
  try {
    mkdirSync(dir, { recursive: true }); // `--out 结果/核算.xlsx` makes 结果/ as a clerk would expect
  } catch (e) {
    throw new InputError(fsErrorMessage(e, join(dir, basename(out)), true));
  }
  const tmp = holdTemporary(join(dir, `.kaohe-tmp-${process.pid}-${basename(out)}`));
  try {
    await wb.xlsx.writeFile(tmp);
    renameSync(tmp, out);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing was written
    }
    // A file-system failure is the clerk's to fix; anything else is ours (an unexpected error).
    if (typeof (e as NodeJS.ErrnoException)?.code === "string") throw new InputError(fsErrorMessage(e, out, true));
    throw e;
  } finally {
    releaseTemporary(tmp);
  }
}
