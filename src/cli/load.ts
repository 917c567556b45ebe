/**
 * Reading and writing .xlsx files for the CLI: every way a file can be unusable becomes one
 * clear Chinese line (InputError), and writing goes to a temporary file renamed into place.
 * Both go through the package-level .xlsx host (src/hosts/xlsx/).
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, readSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import * as zlib from "node:zlib";
import { KaoheError } from "../core/errors";
import { OLD_FORMAT_NAME, fileKind, type FileKind } from "../core/filekind";
import type { Grid } from "../core/grid";
import { XlsxFormatError, XlsxLimitError, createXlsxPort, type XlsxPort } from "../hosts/xlsx";

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

/** Node's zlib for the parts a write-back changes (large sheets at a fast level: Excel reads any). */
const nodeDeflate = (data: Uint8Array) => new Uint8Array(zlib.deflateRawSync(data, { level: data.length > 1 << 20 ? 1 : 6 }));
const nodeCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

/** Loads an .xlsx workbook into the package-level port, or throws InputError saying in Chinese why it can't. */
export function loadWorkbook(path: string, forWriting = false): XlsxPort {
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
  return inputErrors(name, () => createXlsxPort(readFileSync(path), { forWriting, deflate: nodeDeflate, crc32: nodeCrc32 }));
}

/** Reads every sheet of a loaded workbook; a limit or a broken part becomes an InputError naming the file. */
export async function readWorkbook(path: string, forWriting = false): Promise<{ port: XlsxPort; grids: Grid[] }> {
  const port = loadWorkbook(path, forWriting);
  const grids = await inputErrorsAsync(basename(path), () => port.readSheets());
  if (grids.length === 0) throw new InputError(`“${basename(path)}”中没有工作表`);
  return { port, grids };
}

function reword(name: string, e: unknown): never {
  if (e instanceof XlsxLimitError) throw new InputError(`“${name}”无法检查:${e.message}`);
  if (e instanceof XlsxFormatError) throw new InputError(`“${name}”无法读取:${e.message}`);
  if (e instanceof KaoheError) throw e;
  // A stack overflow or an exception deep in a part we could not foresee: still one clear line.
  throw new InputError(`“${name}”已损坏或不是有效的 .xlsx 工作簿,无法读取`);
}

function inputErrors<T>(name: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    reword(name, e);
  }
}

async function inputErrorsAsync<T>(name: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    reword(name, e);
  }
}

const WRITE_FAILURE: Record<string, string> = {
  EACCES: "没有写入权限",
  EPERM: "没有写入权限,或文件正被其他程序(如 Excel、WPS)打开",
  EROFS: "所在磁盘是只读的",
  ENOSPC: "磁盘空间不足",
  EDQUOT: "磁盘空间不足",
  EBUSY: "文件正被其他程序打开,请先关闭它",
  ETXTBSY: "文件正被其他程序打开,请先关闭它",
  ENAMETOOLONG: "文件名过长",
};

/**
 * Writes the workbook to `out`: a temporary file in the same folder, flushed to disk, renamed
 * into place. The temporary file is removed on any failure and never outlives the process.
 */
export function saveWorkbook(port: XlsxPort, out: string, input: string): void {
  if (resolve(out) === resolve(input)) throw new InputError("--out 不能与输入文件相同:检查结果只写入副本,原文件保持不变");
  if (existsSync(out) && statSync(out).isDirectory()) throw new InputError(`“${out}”是文件夹;--out 需要一个 .xlsx 文件名,例如 ${join(out, "结果.xlsx")}`);
  if (extname(out).toLowerCase() !== ".xlsx") throw new InputError(`输出文件“${out}”应以 .xlsx 结尾`);
  const dir = dirname(resolve(out));
  if (!existsSync(dir)) throw new InputError(`输出文件夹“${dir}”不存在`);
  const bytes = port.save();
  const tmp = join(dir, `.kaohe-tmp-${process.pid}-${Date.now().toString(36)}-${basename(out)}`);
  // A signal while writing is handled after the (synchronous) write: the file is renamed or removed by then.
  const cleanup = () => {
    try {
      unlinkSync(tmp);
    } catch {
      // already renamed or never created
    }
  };
  const onSignal = () => {
    cleanup();
    process.exit(130);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  process.once("exit", cleanup);
  let fd: number | null = null;
  try {
    fd = openSync(tmp, "wx");
    writeSync(fd, bytes);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(tmp, out);
  } catch (e) {
    if (fd !== null) {
      try {
        closeSync(fd);
      } catch {
        // closing a broken descriptor
      }
    }
    cleanup();
    const code = (e as NodeJS.ErrnoException).code ?? "";
    if (code === "EISDIR") throw new InputError(`“${out}”是文件夹;--out 需要一个 .xlsx 文件名`);
    throw new InputError(`无法写入“${out}”:${WRITE_FAILURE[code] ?? `写入失败(${code || (e as Error).message})`}`);
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    process.off("exit", cleanup);
  }
}
