/**
 * Reading and writing .xlsx files for the CLI: every way a file can be unusable becomes one
 * clear Chinese line (InputError), and writing goes to a temporary file renamed into place.
 * Both go through the package-level .xlsx host (src/hosts/xlsx/).
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import * as zlib from "node:zlib";
import { KaoheError } from "../core/errors";
import { fsErrorMessage, whyUnusable } from "./messages";
import type { Grid } from "../core/grid";
import { XlsxFormatError, XlsxLimitError, createXlsxPort, type XlsxPort } from "../hosts/xlsx";

/** The input cannot be used at all (exit status 2). */
export class InputError extends KaoheError {}

/** Node's zlib for the parts a write-back changes (large sheets at a fast level: Excel reads any). */
const nodeDeflate = (data: Uint8Array) => new Uint8Array(zlib.deflateRawSync(data, { level: data.length > 1 << 20 ? 1 : 6 }));
const nodeCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
/** UTF-8 of a part in pieces with Node's Buffer (its writes cost less per piece than TextEncoder.encodeInto). */
export const nodeEncodePieces = (pieces: string[]) => {
  let chars = 0;
  for (let i = 0; i < pieces.length; i++) chars += pieces[i].length;
  const out = Buffer.allocUnsafe(chars * 3);
  let at = 0;
  for (let i = 0; i < pieces.length; i++) at += out.write(pieces[i], at);
  return new Uint8Array(out.buffer, out.byteOffset, at);
};
/**
 * Node's zlib for reading: it stops as soon as a part would inflate beyond its declared size.
 * One output buffer of that size (up to 64 MB) spares zlib gathering 16 KB pieces and joining them.
 */
const nodeInflate = (raw: Uint8Array, max: number) => zlib.inflateRawSync(raw, { maxOutputLength: max, chunkSize: Math.max(64, Math.min(max + 1, 64 << 20)) });

/** Loads an .xlsx workbook into the package-level port, or throws InputError saying in Chinese why it can't. */
export function loadWorkbook(path: string, forWriting = false): XlsxPort {
  const name = basename(path);
  // Every refused format (folder, .xls/.et, .ods, .csv, encrypted, empty …) with what to do.
  const refused = whyUnusable(path);
  if (refused) throw new InputError(refused);
  return inputErrors(name, () => createXlsxPort(readFileSync(path), { forWriting, deflate: nodeDeflate, crc32: nodeCrc32, inflate: nodeInflate, encodePieces: nodeEncodePieces }));
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
  saveBytes(() => port.save(), out, input);
}

/**
 * Whether two paths name the same file: the same path, or an existing `out` that is the input
 * under another name (another letter case on Windows and macOS, whose file systems ignore it; a
 * link; "..\\" in the path): writing there would replace the clerk's original.
 */
function sameFile(out: string, input: string): boolean {
  if (resolve(out) === resolve(input)) return true;
  try {
    const a = statSync(out);
    const b = statSync(input);
    return a.ino !== 0 && a.ino === b.ino && a.dev === b.dev;
  } catch {
    return false; // `out` does not exist yet
  }
}

/** Writes a workbook's bytes to `out` as saveWorkbook does (made after the checks on `out`). */
export function saveBytes(make: () => Uint8Array, out: string, input: string): void {
  if (sameFile(out, input)) throw new InputError("--out 不能与输入文件相同:检查结果只写入副本,原文件保持不变");
  if (existsSync(out) && statSync(out).isDirectory()) throw new InputError(`“${out}”是文件夹;--out 需要一个 .xlsx 文件名,例如 ${join(out, "结果.xlsx")}`);
  if (extname(out).toLowerCase() !== ".xlsx") throw new InputError(`输出文件“${out}”应以 .xlsx 结尾,如 --out 核算副本.xlsx`);
  const dir = dirname(resolve(out));
  try {
    mkdirSync(dir, { recursive: true }); // `--out 结果/核算.xlsx` makes 结果/ as a clerk would expect
  } catch (e) {
    throw new InputError(fsErrorMessage(e, join(dir, basename(out)), true));
  }
  const bytes = make();
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
