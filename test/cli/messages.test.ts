/**
 * What a clerk reads from `kaohe` outside the report: the help, argument errors and every
 * refused file, each one Chinese line with what to do; no stack trace, even when the reader of
 * the output goes away early or the run is interrupted.
 */
import { Command, Option } from "commander";
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { EventEmitter } from "node:events";
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { guardProcess, holdTemporary, renderHelp, setHelpExtras } from "../../src/cli/messages";
import { REFUSED } from "../helpers/formats";
import { tempDir } from "../helpers/xlsx";
import { kaohe } from "../helpers/cli";
import type { main } from "../../src/cli/main";

const ROOT = join(__dirname, "../..");
const BIN = join(ROOT, "bin/kaohe.cjs");
const WUHAI = join(ROOT, "templates/samples/wuhai-2017-sample.xlsx");
const GENHE = join(ROOT, "templates/samples/genhe-township-sample.xlsx");


/** The installed command, as a clerk runs it. */
const installed = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1", ...env } });

/** English a help text may still hold: option flags, the command names, file endings and product names. */
const ALLOWED_ASCII = new Set(["kaohe", "check", "help", "batch", "json", "schemaVersion", "xlsx", "xls", "et", "ods", "csv", "WPS", "Excel", "JSON"]);

/** ASCII words in `text` other than flags (--json, -h) and the allowed names. */
function englishWords(text: string): string[] {
  return (text.replace(/(^|[\s,(])--?[A-Za-z][\w-]*/g, "$1").match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !ALLOWED_ASCII.has(w));
}

// One build for the whole file: the tests spawn bin/kaohe.cjs or load build/cli.cjs, as a clerk's install runs it.
beforeAll(() => {
  execFileSync("npm", ["run", "-s", "build:cli"], { cwd: ROOT });
});

const ENGLISH_HEADING = /\b(Usage|Options|Commands|Arguments|default|choices|display|help for command|error|unknown|missing|Did you mean)\b/;

describe("help, entirely in Chinese", () => {

  it.each([[["--help"]], [["-h"]], [[]], [["help"]], [["check", "--help"]], [["help", "check"]], [["check", "-h"]]])(
    "kaohe %j prints Chinese help and exits 0",
    (args) => {
      const r = installed(args);
      expect(r.status).toBe(0);
      expect(r.stderr).toBe("");
      expect(r.stdout).toMatch(/^用法:kaohe/);
      expect(r.stdout).not.toMatch(ENGLISH_HEADING);
      expect(englishWords(r.stdout)).toEqual([]);
    },
  );

  it("lists the commands and options with Chinese headings, terms aligned by display width", async () => {
    const root = (await kaohe("--help")).out;
    expect(root).toMatch(/^用法:kaohe <命令>\n/);
    expect(root).toMatch(/\n命令:\n {2}check <工作簿\.xlsx> \[选项\] {2}核算工作簿中的评分表/);
    expect(root).toMatch(/\n示例:\n {2}kaohe check 自查评分表\.xlsx\n/);
    const check = (await kaohe("check", "--help")).out;
    expect(check.split("\n").slice(0, 3)).toEqual(["用法:kaohe check <工作簿.xlsx> [选项]", "", "核算工作簿中的评分表(小计、总分、规则)并核对统计表"]);
    for (const heading of ["参数:", "选项:", "示例:"]) expect(check).toContain(`\n${heading}\n`);
    expect(check).toMatch(/退出码:0 没有错误;1 发现错误级别的问题/);
    // "--column <表头>" is 15 columns wide in a terminal (表头 takes four): every description starts at one column.
    const starts = check
      .split("\n")
      .filter((l) => /^ {2}-/.test(l))
      .map((l) => {
        const term = /^ {2}(-h, --help|\S+(?: <[^>]+>)?)/.exec(l)![1];
        return 2 + [...term].reduce((w, ch) => w + (/[\u4e00-\u9fff]/.test(ch) ? 2 : 1), 0) + (/^ +/.exec(l.slice(2 + term.length))?.[0].length ?? 0);
      });
    expect(new Set(starts).size).toBe(1);
  });

  it("renders any command's defaults, choices and variadic arguments in Chinese (for commands added later)", () => {
    const program = new Command("kaohe").configureHelp({ formatHelp: renderHelp });
    const batch = program
      .command("batch")
      .description("汇总多个工作簿")
      .argument("<文件或文件夹...>", "要汇总的工作簿")
      .option("--grades <等次>", "等次的分数线", "优秀:90,良好:80")
      .option("--quiet", "不显示进度", false)
      .addOption(new Option("--sort <方式>", "排序方式").choices(["得分", "单位"]).default("得分"));
    setHelpExtras(batch, { examples: ["kaohe batch 各单位/"] });
    const text = batch.helpInformation();
    expect(text).toContain("用法:kaohe batch <文件或文件夹…> [选项]");
    expect(text).toContain("等次的分数线(默认:“优秀:90,良好:80”)");
    expect(text).toContain("排序方式(可选:得分、单位;默认:“得分”)");
    expect(text).toMatch(/\n {2}--quiet {10}不显示进度\n/); // a flag that is off unless given says no default
    expect(text).toMatch(/\n {2}-h, --help {7}显示帮助\n/); // commander's own English description, translated
    expect(text).toContain("示例:\n  kaohe batch 各单位/");
    expect(text).not.toMatch(ENGLISH_HEADING);
  });
});

describe("argument errors: one Chinese line, exit 2", () => {
  it.each<[string, string[], RegExp]>([
    ["an unknown option", ["check", "x.xlsx", "--verbose"], /^kaohe:不认识的选项“--verbose”;运行 kaohe check --help 查看说明$/],
    ["a mistyped option", ["check", "x.xlsx", "--colum", "考核评分"], /^kaohe:不认识的选项“--colum”,是不是“--column”\?运行 kaohe check --help 查看说明$/],
    ["an unknown option before any command", ["--verbose"], /^kaohe:不认识的选项“--verbose”;运行 kaohe --help 查看说明$/],
    ["an unknown command", ["sum", "x.xlsx"], /^kaohe:不认识的命令“sum”;可用的命令:check(、\S+)*\(运行 kaohe --help 查看说明\)$/],
    ["a mistyped command", ["chek", "x.xlsx"], /^kaohe:不认识的命令“chek”,是不是“check”\?可用的命令:check/],
    ["a file without the command", ["自查评分表.xlsx"], /^kaohe:请在文件名前写上命令:kaohe check 自查评分表\.xlsx/],
    ["help for an unknown command", ["help", "sum"], /^kaohe:不认识的命令“sum”/],
    ["a missing file argument", ["check"], /^kaohe:缺少参数 <工作簿\.xlsx>;用法:kaohe check <工作簿\.xlsx> \[选项\]$/],
    ["an option without its value", ["check", "x.xlsx", "--column"], /^kaohe:选项“--column”后面要写<表头>;运行 kaohe check --help 查看说明$/],
    ["a file name split at a space", ["check", "2023年", "自查.xlsx"], /^kaohe:参数过多:kaohe check 需要 1 个参数,收到 2 个\(文件名或表头中有空格时,请用引号把它括起来\);用法:kaohe check <工作簿\.xlsx> \[选项\]$/],
  ])("%s", async (_, argv, message) => {
    const r = await kaohe(...argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err.endsWith("\n") && r.err.trim().split("\n").length === 1).toBe(true);
    expect(r.err.trim()).toMatch(message);
    expect(r.err).not.toMatch(ENGLISH_HEADING);
  });
});

describe("every refused format through the installed command (build/cli.cjs)", () => {
  /** The bundle bin/kaohe.cjs runs, loaded once: every format goes through the code clerks install. */
  let bundle: { main: typeof main };
  beforeAll(() => {
    bundle = createRequire(import.meta.url)(join(ROOT, "build/cli.cjs"));
  });
  const dir = tempDir();

  it.each(REFUSED.map((c) => [c.label, c] as const))("%s: one Chinese line saying what it is and what to do, exit 2", async (_, c) => {
    const path = c.make(dir);
    let out = "";
    let err = "";
    const code = await bundle.main(["check", path], { out: (s) => void (out += s), err: (s) => void (err += s), isTTY: false });
    expect(code).toBe(2);
    expect(out).toBe("");
    const lines = err.split("\n");
    expect(lines).toHaveLength(2); // one line and its newline
    expect(lines[0]).toMatch(/^kaohe:/);
    const message = lines[0].slice("kaohe:".length);
    expect(message).toMatch(c.what);
    expect(message).toMatch(c.advice);
    expect(err).not.toMatch(/\n\s+at |Error:|EPIPE|ENOENT|Node\.js/);
  });

  it.each(["an OpenDocument spreadsheet (.ods)", "a folder", "a missing file", "an encrypted .xlsx"])(
    "as a process too: %s gives exit status 2 and the same one line on stderr",
    (label) => {
      const c = REFUSED.find((r) => r.label === label)!;
      const r = installed(["check", c.make(tempDir())]);
      expect([r.status, r.stdout]).toEqual([2, ""]);
      expect(r.stderr).toMatch(/^kaohe:[^\n]+\n$/);
      expect(r.stderr.slice("kaohe:".length, -1)).toMatch(c.what);
      expect(r.stderr).toMatch(c.advice.source.endsWith("$") ? new RegExp(c.advice.source.slice(0, -1) + "\n$") : c.advice);
    },
  );

  it("suggests the file beside a missing one", () => {
    copyFileSync(GENHE, join(dir, "自查评分表.xls"));
    const r = installed(["check", join(dir, "自查评分表.xlsx")]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^kaohe:找不到文件“.*自查评分表\.xlsx”;同一文件夹里有“自查评分表\.xls”,是不是它\?\n$/);
  });

  const soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice", "/opt/libreoffice/program/soffice"].find(existsSync);
  it.skipIf(!soffice)(
    "refuses the .ods and .xls LibreOffice makes from a sample, each with its advice (skipped without LibreOffice)",
    () => {
      const work = tempDir();
      copyFileSync(GENHE, join(work, "根河.xlsx"));
      for (const format of ["ods", "xls"]) {
        execFileSync(soffice!, [`-env:UserInstallation=file://${work}/profile`, "--headless", "--convert-to", format, "--outdir", work, join(work, "根河.xlsx")], {
          stdio: "ignore",
          timeout: 120_000,
        });
      }
      const expected: Record<string, RegExp> = {
        ods: /^kaohe:“根河\.ods”是 OpenDocument 表格\(\.ods\),请在 WPS 或 Excel 中打开后“另存为”Excel 工作簿\(\.xlsx\)再试\n$/,
        xls: /^kaohe:“根河\.xls”是旧版 Excel 工作簿\(\.xls\),请在 WPS 或 Excel 中打开后“另存为”Excel 工作簿\(\.xlsx\)再试\n$/,
      };
      for (const [format, message] of Object.entries(expected)) {
        const r = installed(["check", join(work, `根河.${format}`)]);
        expect([format, r.status, r.stdout]).toEqual([format, 2, ""]);
        expect(r.stderr).toMatch(message);
      }
    },
    400_000,
  );
});

describe("no stack trace a clerk can reach", () => {

  it("ends quietly when the reader of the output goes away (kaohe check … | head -1), keeping the report's exit status", async () => {
    const child = spawn(process.execPath, [BIN, "check", WUHAI], { stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.destroy(); // the pipe's reader is gone before the report is written: EPIPE
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const [code, signal] = await new Promise<[number | null, string | null]>((done) => child.on("close", (c, s) => done([c, s])));
    expect(stderr).toBe("");
    expect(signal).toBeNull();
    expect(code).toBe(1); // the wuhai sample holds deliberate errors
  });

  it("still writes the whole --out copy when the output's reader is gone", async () => {
    const dir = tempDir();
    const out = join(dir, "乌海核算.xlsx");
    const child = spawn(process.execPath, [BIN, "check", WUHAI, "--out", out], { stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const code = await new Promise<number | null>((done) => child.on("close", done));
    expect([code, stderr]).toEqual([1, ""]);
    expect(readdirSync(dir)).toEqual(["乌海核算.xlsx"]);
  });
});

/** A stand-in for `process`: streams that may fail, signals, and an exit that is recorded. */
function fakeProcess() {
  const proc = new EventEmitter() as EventEmitter & { stdout: EventEmitter & { write: (s: string) => boolean }; stderr: EventEmitter & { write: (s: string) => boolean }; exit: (code: number) => void };
  const written = { out: "", err: "" };
  proc.stdout = Object.assign(new EventEmitter(), { write: (s: string) => ((written.out += s), true) });
  proc.stderr = Object.assign(new EventEmitter(), { write: (s: string) => ((written.err += s), true) });
  proc.exit = vi.fn();
  return { proc, written };
}

describe("guardProcess", () => {
  it("stops writing after EPIPE without a word, and leaves the exit status alone", () => {
    const { proc, written } = fakeProcess();
    const io = guardProcess(proc as unknown as NodeJS.Process);
    io.out("第一行\n");
    proc.stdout.emit("error", Object.assign(new Error("write EPIPE"), { code: "EPIPE" }));
    io.out("第二行\n");
    expect(written).toEqual({ out: "第一行\n", err: "" });
    expect(proc.exit).not.toHaveBeenCalled();
  });

  it("answers Ctrl+C with one Chinese line, removes a half-written copy and exits 130", () => {
    const { proc, written } = fakeProcess();
    guardProcess(proc as unknown as NodeJS.Process);
    const tmp = join(tempDir(), ".kaohe-tmp-1-核算.xlsx");
    writeFileSync(tmp, "half");
    holdTemporary(tmp);
    proc.emit("SIGINT");
    expect(written.err).toBe("\nkaohe:已中断(Ctrl+C);原文件未改动,没有写完的副本已删除\n");
    expect(existsSync(tmp)).toBe(false);
    expect(proc.exit).toHaveBeenCalledWith(130);
  });

  it("turns a stray exception into one Chinese line (the stack only with KAOHE_DEBUG=1) and exit 2", () => {
    const before = process.env.KAOHE_DEBUG;
    try {
      delete process.env.KAOHE_DEBUG;
      const quiet = fakeProcess();
      guardProcess(quiet.proc as unknown as NodeJS.Process);
      quiet.proc.emit("uncaughtException", new TypeError("Cannot read properties of null (reading 'theme')"));
      expect(quiet.written.err).toBe("kaohe:发生了意外的程序错误,检查没有完成(原文件未改动);请把工作簿和这行信息发给维护人员(设置环境变量 KAOHE_DEBUG=1 再运行可显示详细信息)\n");
      expect(quiet.proc.exit).toHaveBeenCalledWith(2);

      process.env.KAOHE_DEBUG = "1";
      const loud = fakeProcess();
      guardProcess(loud.proc as unknown as NodeJS.Process);
      loud.proc.emit("unhandledRejection", new TypeError("Cannot read properties of null (reading 'theme')"));
      expect(loud.written.err).toMatch(/^kaohe:发生了意外的程序错误.*\nTypeError: Cannot read properties of null \(reading 'theme'\)\n\s+at /);
    } finally {
      if (before === undefined) delete process.env.KAOHE_DEBUG;
      else process.env.KAOHE_DEBUG = before;
    }
  });
});

describe("the README's Quick start, typed as a new user would", () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const block = /## 快速开始[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)![1];
  const commands = block.split("\n").filter((l) => l.startsWith("npx kaohe "));

  it("runs each kaohe command with the exit status and result the README promises, writing only under out/", () => {
    expect(commands).toHaveLength(2);
    expect(readFileSync(join(ROOT, ".gitignore"), "utf8").split("\n")).toContain("out/");
    const work = tempDir();
    const results = commands.map((line) => {
      // Same arguments; out/ resolved in a temporary folder instead of the checkout.
      const args = line.slice("npx kaohe ".length).split(" ").map((a) => (a.startsWith("templates/") ? join(ROOT, a) : a));
      return spawnSync(process.execPath, [BIN, ...args], { cwd: work, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    });
    expect(results.map((r) => [r.status, r.stderr])).toEqual([
      [0, ""],
      [1, ""], // the 乌海 sample holds deliberate errors: the README says exit 1 is expected
    ]);
    expect(results[0].stdout).toMatch(/满分 100 · .* · 最终得分 102/);
    expect(results[0].stdout).toContain("未发现问题");
    expect(results[1].stdout).toMatch(/问题:错误 2 个 · 警告 3 个/);
    expect(readme).toMatch(/乌海样例故意保留了原文公开的问题\*\*:会报出 2 个错误[\s\S]*?和 3 个警告,所以这一条的\*\*退出码是 1,属于预期结果\*\*/);
    expect(readdirSync(work)).toEqual(["out"]);
    expect(readdirSync(join(work, "out"))).toEqual(["乌海核算.xlsx"]);
  });
});
