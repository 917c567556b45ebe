/**
 * Everything the `kaohe` command says outside the report, in Chinese: the help (rendered here,
 * not by commander, whose headings are English), argument errors, why a file can't be checked,
 * file-system failures, unexpected errors, and a closed pipe or Ctrl+C without a stack trace.
 */
import { existsSync, readFileSync, readdirSync, statSync, unlinkSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import { CommanderError, type Argument, type Command, type Help, type Option } from "commander";
import { extensionOf, refusalMessage, sniffFormat } from "../core/filekind";
import { width } from "./format";

// ---------------------------------------------------------------------------------------------
// Help

/** What a command's help shows below its options: examples and closing lines. */
export interface HelpExtras {
  examples?: string[];
  footer?: string[];
}

const extras = new WeakMap<Command, HelpExtras>();

/** Adds examples and closing lines to a command's help. */
export function setHelpExtras(cmd: Command, more: HelpExtras): Command {
  extras.set(cmd, more);
  return cmd;
}

/** "kaohe check": the names from the root to this command. */
export function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  return names.join(" ");
}

function argumentTerm(a: Argument): string {
  const name = a.name() + (a.variadic ? "…" : "");
  return a.required ? `<${name}>` : `[${name}]`;
}

const isHelpOrVersion = (o: Option) => o.long === "--help" || o.long === "--version";

/** One usage line: `kaohe check <工作簿.xlsx> [选项]`. */
export function usageOf(cmd: Command, helper: Help = cmd.createHelp()): string {
  const parts = [commandPath(cmd)];
  if (helper.visibleCommands(cmd).length) parts.push("<命令>");
  parts.push(...cmd.registeredArguments.map(argumentTerm));
  if (helper.visibleOptions(cmd).some((o) => !isHelpOrVersion(o))) parts.push("[选项]");
  return parts.join(" ");
}

function quote(value: unknown): string {
  return Array.isArray(value) ? value.map(quote).join("、") : typeof value === "string" ? `“${value}”` : String(value);
}

/** "(默认:…;可选:…)" after a description, for what commander would write in English. */
function detail(o: { defaultValue?: unknown; defaultValueDescription?: string; argChoices?: string[]; envVar?: string }, showDefault: boolean): string {
  const parts: string[] = [];
  if (o.argChoices?.length) parts.push(`可选:${o.argChoices.join("、")}`);
  if (showDefault && o.defaultValue !== undefined) parts.push(`默认:${o.defaultValueDescription ?? (o.defaultValue === true ? "开启" : quote(o.defaultValue))}`);
  if (o.envVar) parts.push(`也可用环境变量 ${o.envVar} 设置`);
  return parts.length ? `(${parts.join(";")})` : "";
}

/** Commander's own descriptions of what it adds (help, version), for commands that keep them. */
const BUILT_IN: Record<string, string> = {
  "display help for command": "显示帮助",
  "output the version number": "显示版本",
};
const described = (text: string, fallback = "") => BUILT_IN[text] ?? (text || fallback);

function optionDescription(o: Option): string {
  // A flag that is off unless given (default false) needs no "默认" note.
  const showDefault = o.required || o.optional || (o.isBoolean() && o.defaultValue === true && !o.negate);
  return described(o.description) + detail(o, showDefault);
}

function commandTerm(c: Command): string {
  const parts = [c.name(), ...c.registeredArguments.map(argumentTerm)];
  if (c.options.some((o) => !o.hidden && !isHelpOrVersion(o))) parts.push("[选项]");
  return parts.join(" ");
}

/** The whole help of a command, in Chinese, terms aligned by display width (CJK counts two). */
export function renderHelp(cmd: Command, helper: Help): string {
  const sections: Array<[string, Array<[string, string]>]> = [
    ["命令", helper.visibleCommands(cmd).map((c) => [commandTerm(c), c.description() === "display help for command" ? "显示命令的帮助" : c.description()])],
    ["参数", helper.visibleArguments(cmd).map((a) => [argumentTerm(a), a.description + detail(a, true)])],
    ["选项", helper.visibleOptions(cmd).map((o) => [o.flags, optionDescription(o)])],
  ];
  const termWidth = Math.min(30, Math.max(0, ...sections.flatMap(([, rows]) => rows.map(([t]) => width(t)))));
  const lines = [`用法:${usageOf(cmd, helper)}`, ""];
  if (cmd.description()) lines.push(cmd.description(), "");
  for (const [title, rows] of sections) {
    if (!rows.length) continue;
    lines.push(`${title}:`);
    for (const [term, text] of rows) {
      const pad = width(term) < termWidth ? " ".repeat(termWidth - width(term)) : "";
      lines.push(`  ${term}${pad}  ${text}`.trimEnd());
    }
    lines.push("");
  }
  const more = extras.get(cmd);
  if (more?.examples?.length) lines.push("示例:", ...more.examples.map((e) => `  ${e}`), "");
  if (more?.footer?.length) lines.push(...more.footer, "");
  return lines.join("\n").replace(/\n+$/, "\n");
}

// ---------------------------------------------------------------------------------------------
// Argument errors

/** The first '…' of commander's English message. */
function quotedIn(message: string, index = 0): string {
  return [...message.matchAll(/'([^']*)'/g)][index]?.[1] ?? "";
}

function suggestionIn(message: string): string | null {
  const m = /Did you mean (?:one of )?([^?]+)\?/.exec(message);
  return m ? m[1].split(/,\s*/).map((s) => `“${s.trim()}”`).join("或") : null;
}

const hasChinese = (s: string) => /[\u4e00-\u9fff]/.test(s);

/** Looks like a file a clerk meant to check, typed without `check` in front. */
const looksLikeFile = (arg: string) => /\.(xlsx|xlsm|xls|et|ett|ods|csv|wps|xlsb|numbers)$/i.test(arg) || existsSync(arg);

/**
 * One Chinese line for a commander parse error (unknown option or command, missing or excess
 * arguments …), pointing at the usage of the command the clerk typed.
 */
export function commanderMessage(e: CommanderError, program: Command, argv: string[]): string {
  const cmd = program.commands.find((c) => c.name() === argv[0] || c.aliases().includes(argv[0])) ?? program;
  const path = commandPath(cmd);
  const usage = `用法:${usageOf(cmd)}`;
  const more = `运行 ${path} --help 查看说明`;
  const q = quotedIn(e.message);
  const guess = suggestionIn(e.message);
  switch (e.code) {
    case "commander.unknownOption":
      return `不认识的选项“${q}”${guess ? `,是不是${guess}?` : ";"}${more}`;
    case "commander.unknownCommand": {
      const names = program.commands.map((c) => c.name()).join("、");
      if (looksLikeFile(q)) return `请在文件名前写上命令:kaohe check ${/\s/.test(q) ? `"${q}"` : q}(${more})`;
      return `不认识的命令“${q}”${guess ? `,是不是${guess}?` : ";"}可用的命令:${names}(${more})`;
    }
    case "commander.missingArgument":
      return `缺少参数 <${q}>;${usage}`;
    case "commander.optionMissingArgument": {
      const [flag, value] = q.split(/\s+/, 2);
      return `选项“${flag}”后面要写${value ?? "一个值"};${more}`;
    }
    case "commander.excessArguments": {
      const m = /Expected (\d+) arguments? but got (\d+)/.exec(e.message);
      const counts = m ? `${path} 需要 ${m[1]} 个参数,收到 ${m[2]} 个` : `${path} 的参数过多`;
      return `参数过多:${counts}(文件名或表头中有空格时,请用引号把它括起来);${usage}`;
    }
    case "commander.invalidArgument": {
      const value = /argument '([^']*)' is invalid/.exec(e.message)?.[1] ?? /value '([^']*)' is invalid/.exec(e.message)?.[1] ?? "";
      const choices = /Allowed choices are (.+)\.$/m.exec(e.message)?.[1];
      const reason = e.message.split(/is invalid\.\s*/)[1]?.trim();
      const why = choices ? `可选:${choices.split(/,\s*/).join("、")}` : reason && hasChinese(reason) ? reason : more;
      return `“${value}”不是有效的值;${why}`;
    }
    case "commander.missingMandatoryOptionValue":
      return `缺少必需的选项“${q}”;${usage}`;
    case "commander.conflictingOption":
      return `选项“${q}”和“${quotedIn(e.message, 1)}”不能同时使用;${more}`;
    default:
      return hasChinese(e.message) ? e.message.replace(/^error:\s*/, "") : `参数有误;${more}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Files

/** A same-named file beside a missing one (自查.xls for 自查.xlsx), as a hint. */
function nearby(path: string): string | null {
  const dir = dirname(path);
  const stem = basename(path, extname(path));
  if (!extname(path) && existsSync(`${path}.xlsx`)) return `${path}.xlsx`;
  try {
    const found = readdirSync(dir).find((f) => f !== basename(path) && basename(f, extname(f)) === stem);
    return found ? join(dir, found) : null;
  } catch {
    return null;
  }
}

/** One Chinese line for a file-system error on `path` (reading unless `writing`). */
export function fsErrorMessage(e: unknown, path: string, writing = false): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  const act = writing ? "写入" : "读取";
  switch (code) {
    case "ENOENT": {
      if (writing || !existsSync(dirname(path))) return `找不到文件夹“${dirname(path)}”;请检查路径是否写对`;
      const near = nearby(path);
      return `找不到文件“${path}”;${near ? `同一文件夹里有“${basename(near)}”,是不是它?` : "请检查文件名和所在文件夹是否写对(文件名中有空格时请用引号括起来)"}`;
    }
    case "EACCES":
    case "EPERM":
      return `没有权限${act}“${path}”;请${writing ? "换一个有写入权限的文件夹" : "把文件复制到自己的文件夹后再试"},或请管理员开放权限`;
    case "EBUSY":
    case "ETXTBSY":
      return `“${path}”正被其他程序占用(可能在 WPS 或 Excel 中打开着),请关闭后再试`;
    case "EISDIR":
      return folderMessage(path);
    case "ENAMETOOLONG":
      return `路径太长,无法${act}“${path}”;请把文件移到较短的路径下再试`;
    case "ENOSPC":
      return `磁盘空间不足,无法写入“${path}”;请清理磁盘或换一个位置`;
    case "EROFS":
      return `“${dirname(path)}”所在的磁盘只读,无法写入;请换一个位置`;
    case "ERR_FS_FILE_TOO_LARGE":
      return `“${path}”太大,不像是评分表工作簿;请确认选的是评分表文件`;
    default:
      return `无法${act}“${path}”${code ? `(${code})` : ""};请确认文件没有被其他程序占用,再试一次`;
  }
}

/** A folder given where a workbook was expected (an Apple Numbers document is a folder too). */
export function folderMessage(path: string): string {
  const name = path.replace(/[/\\]+$/, "");
  if (extensionOf(name) === "numbers") return refusalMessage("numbers", basename(name))!;
  return `“${name}”是文件夹,不是工作簿;kaohe check 一次检查一个 .xlsx 文件,请指定文件夹中的某个工作簿(要一次检查整个文件夹,请用 kaohe batch)`;
}

/** Larger than any score workbook: not read whole to be sniffed. */
const MAX_BYTES = 512 * 1024 * 1024;

/**
 * Why the file at `path` can't be checked, as one Chinese line with what to do; null when it
 * is an .xlsx package (or a damaged one, which the reader reports). Never throws.
 */
export function whyUnusable(path: string): string | null {
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return folderMessage(path);
    if (!stat.isFile()) return `“${path}”不是普通文件;请指定一个 .xlsx 工作簿`;
    if (stat.size > MAX_BYTES) return `“${basename(path)}”有 ${Math.round(stat.size / 1024 / 1024)} MB,太大,不像是评分表工作簿;请确认选的是评分表文件`;
    return refusalMessage(sniffFormat(readFileSync(path), basename(path)), basename(path));
  } catch (e) {
    return fsErrorMessage(e, path);
  }
}

// ---------------------------------------------------------------------------------------------
// Unexpected errors, closed pipes, Ctrl+C

/** Set KAOHE_DEBUG=1 to see the stack of an unexpected error. */
export const debugging = () => Boolean(process.env.KAOHE_DEBUG && process.env.KAOHE_DEBUG !== "0");

/** One line for an error nobody anticipated (a bug): what happened to the files, whom to tell. */
export function unexpectedMessage(e: unknown): string {
  const line =
    "发生了意外的程序错误,检查没有完成(原文件未改动);请把工作簿和这行信息发给维护人员" +
    (debugging() ? "" : "(设置环境变量 KAOHE_DEBUG=1 再运行可显示详细信息)");
  if (!debugging()) return line;
  return `${line}\n${e instanceof Error ? (e.stack ?? `${e.name}: ${e.message}`) : String(e)}`;
}

/** Temporary files being written: removed when the run is interrupted. */
const temporary = new Set<string>();

/** Marks `path` as a temporary file to remove if the run is interrupted (returns the path). */
export function holdTemporary(path: string): string {
  temporary.add(path);
  return path;
}

/** The temporary file was renamed or removed: nothing to clean up any more. */
export function releaseTemporary(path: string): void {
  temporary.delete(path);
}

function removeTemporaries(): void {
  for (const path of temporary) {
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
  }
  temporary.clear();
}

/** The streams `run()` writes to; the out/err functions stay silent once their reader is gone. */
export interface GuardedStreams {
  out(s: string): void;
  err(s: string): void;
}

/**
 * Writes to stdout/stderr that survive a reader closing early (`kaohe check x.xlsx | head -1`:
 * EPIPE ends the output silently, the exit status stays the report's), and a process that answers
 * Ctrl+C and any stray exception with one Chinese line instead of a stack trace.
 */
export function guardProcess(proc: NodeJS.Process = process): GuardedStreams {
  let outOpen = true;
  let errOpen = true;
  const closed = (e: NodeJS.ErrnoException) => e.code === "EPIPE" || e.code === "ERR_STREAM_DESTROYED" || e.code === "EOF";
  proc.stdout.on("error", (e: NodeJS.ErrnoException) => {
    outOpen = false;
    if (!closed(e)) fail(e);
  });
  proc.stderr.on("error", () => {
    errOpen = false;
  });
  const streams: GuardedStreams = {
    out: (s) => void (outOpen && proc.stdout.write(s)),
    err: (s) => void (errOpen && proc.stderr.write(s)),
  };
  function fail(e: unknown): void {
    removeTemporaries();
    streams.err(`kaohe:${unexpectedMessage(e)}\n`);
    proc.exit(2);
  }
  proc.on("uncaughtException", fail);
  proc.on("unhandledRejection", fail);
  proc.on("SIGINT", () => {
    const unfinished = temporary.size > 0;
    removeTemporaries();
    streams.err(`\nkaohe:已中断(Ctrl+C);原文件未改动${unfinished ? ",没有写完的副本已删除" : ""}\n`);
    proc.exit(130);
  });
  return streams;
}
