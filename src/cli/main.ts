/**
 * `kaohe`: the command line. `kaohe check <workbook.xlsx>` reports every score and statistics
 * table in the workbook; exit status 0 without errors, 1 with errors, 2 when the input is unusable.
 */
import { Command, CommanderError } from "commander";
import { KaoheError } from "../core/errors";
import { HostError } from "../hosts/port";
import { checkGrids, planWriteback } from "../kaohe";
import { COLOR, PLAIN, formatReport } from "./format";
import { readWorkbook, saveWorkbook } from "./load";

export interface CheckCliOptions {
  json?: boolean;
  column?: string;
  class?: string;
  out?: string;
}

export interface Io {
  out(s: string): void;
  err(s: string): void;
  isTTY: boolean;
}

/** Runs `kaohe check`; returns the exit status. */
export async function runCheck(file: string, opts: CheckCliOptions, io: Io): Promise<number> {
  const { port, grids } = await readWorkbook(file, Boolean(opts.out));
  const report = checkGrids(grids, { column: opts.column, unitClass: opts.class, file });
  if (opts.class && !report.sheets.some((s) => s.kind === "score" && s.unitClasses.length > 0)) {
    io.err(`kaohe:提示:本工作簿的评分规则不分考核单位类别,--class ${opts.class} 未使用\n`);
  }
  if (opts.out) {
    await port.apply(planWriteback({ report, grids }));
    saveWorkbook(port, opts.out, file);
  }
  // Indented for a person at a terminal; compact when a program reads it (5,000 items print ~3× faster).
  if (opts.json) io.out(JSON.stringify(report, null, io.isTTY ? 2 : undefined) + "\n");
  else {
    io.out(formatReport(report, io.isTTY && !process.env.NO_COLOR ? COLOR : PLAIN));
    if (opts.out) io.out(`已写入副本:${opts.out}(原文件未改动)\n`);
  }
  return report.summary.errors > 0 ? 1 : 0;
}

const COMMANDER_ZH: Record<string, (e: CommanderError) => string> = {
  "commander.unknownOption": (e) => `不认识的选项${quoted(e.message)};请运行 kaohe --help 查看用法`,
  "commander.unknownCommand": (e) => `不认识的命令${quoted(e.message)};可用命令:check`,
  "commander.missingArgument": () => "缺少要检查的文件;用法:kaohe check <工作簿.xlsx>",
  "commander.optionMissingArgument": (e) => `选项${quoted(e.message)}需要一个值`,
  "commander.excessArguments": () => "参数过多;一次检查一个文件:kaohe check <工作簿.xlsx>",
};

function quoted(message: string): string {
  const m = /'([^']+)'/.exec(message);
  return m ? `“${m[1]}”` : "";
}

/** Builds the program; exported for tests. */
export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command();
  program
    .name("kaohe")
    .description("考核计分助手:检查政务公开考核评分表和政府信息公开情况统计表")
    .helpOption("-h, --help", "显示帮助")
    .helpCommand("help [命令]", "显示命令的帮助")
    .version("0.1.0", "-v, --version", "显示版本")
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: () => {}, outputError: () => {} });
  program
    .command("check")
    .description("核算工作簿中的评分表(小计、总分、规则)并核对统计表")
    .argument("<workbook.xlsx>", "要检查的 .xlsx 工作簿")
    .option("--json", "以 JSON 输出检查报告(schemaVersion 1)")
    .option("--column <表头>", "要核算的评分列,如“考核评分”(默认第一个评分列)")
    .option("--class <类别>", "考核单位类别,如“一类”“二类”(默认第一类)")
    .option("--out <副本.xlsx>", "把核算得分、问题标记和“核算结果”表写入副本(原文件不变)")
    .helpOption("-h, --help", "显示帮助")
    .action(async (file: string, opts: CheckCliOptions) => setExit(await runCheck(file, opts, io)));
  return program;
}

/** Runs the CLI with argv (without node and script); returns the exit status, never throws. */
export async function main(argv: string[], io: Io): Promise<number> {
  let code = 0;
  const program = buildProgram(io, (c) => (code = c));
  try {
    if (argv.length === 0) {
      io.out(program.helpInformation());
      return 0;
    }
    await program.parseAsync(argv, { from: "user" });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") return 0;
      io.err(`kaohe:${(COMMANDER_ZH[e.code] ?? (() => "参数有误;请运行 kaohe --help 查看用法"))(e)}\n`);
      return 2;
    }
    // A host that refuses a write (a sheet of the user's in the way) says why in Chinese: exit 2 as for bad input.
    if (e instanceof KaoheError || e instanceof HostError) {
      io.err(`kaohe:${e.message}\n`);
      return 2;
    }
    io.err(`kaohe:处理时发生意外错误(${e instanceof Error ? e.message : String(e)});请把文件和这行信息发给维护人员\n`);
    return 2;
  }
}

/** The process entry used by bin/kaohe.cjs. */
export function run(): void {
  const io: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s), isTTY: Boolean(process.stdout.isTTY) };
  main(process.argv.slice(2), io).then((code) => (process.exitCode = code));
}
