/**
 * `kaohe`: the command line. `kaohe check <workbook.xlsx>` reports every score and statistics
 * table in the workbook; exit status 0 without errors, 1 with errors, 2 when the input is unusable.
 */
import { Command, CommanderError } from "commander";
import { KaoheError } from "../core/errors";
import { HostError } from "../hosts/port";
import { checkGrids, describeChanges, planWriteback } from "../kaohe";
import { COLOR, PLAIN, formatReport } from "./format";
import { readWorkbook, saveWorkbook } from "./load";
import { commanderMessage, fsErrorMessage, guardProcess, renderHelp, setHelpExtras, unexpectedMessage } from "./messages";
import { runBatch, type BatchCliOptions } from "./batch";

export interface CheckCliOptions {
  json?: boolean;
  column?: string;
  class?: string;
  out?: string;
  values?: boolean;
}

export interface Io {
  out(s: string): void;
  err(s: string): void;
  isTTY: boolean;
  /** Whether stderr is a terminal (progress bars are drawn only there). */
  errIsTTY?: boolean;
}

/** Runs `kaohe check`; returns the exit status. */
export async function runCheck(file: string, opts: CheckCliOptions, io: Io): Promise<number> {
  const { port, grids } = await readWorkbook(file, Boolean(opts.out));
  const report = checkGrids(grids, { column: opts.column, unitClass: opts.class, file });
  if (opts.class && !report.sheets.some((s) => s.kind === "score" && s.unitClasses.length > 0)) {
    io.err(`kaohe:提示:本工作簿的评分规则不分考核单位类别,--class ${opts.class} 未使用\n`);
  }
  let written: string[] = [];
  if (opts.out) {
    const plan = await planWriteback({ report, grids }, port, { values: opts.values });
    written = describeChanges(plan);
    await port.apply(plan);
    saveWorkbook(port, opts.out, file);
  }
  // Indented for a person at a terminal; compact when a program reads it (5,000 items print ~3× faster).
  if (opts.json) io.out(JSON.stringify(report, null, io.isTTY ? 2 : undefined) + "\n");
  else {
    io.out(formatReport(report, io.isTTY && !process.env.NO_COLOR ? COLOR : PLAIN));
    if (opts.out) io.out(`已写入副本:${opts.out}(原文件未改动)\n${written.map((l) => `  ${l}\n`).join("")}`);
  }
  return report.summary.errors > 0 ? 1 : 0;
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
    .configureHelp({ formatHelp: renderHelp })
    .configureOutput({ writeOut: io.out, writeErr: () => {}, outputError: () => {} });
  setHelpExtras(program, {
    examples: ["kaohe check 自查评分表.xlsx", "kaohe check 自查评分表.xlsx --out 核算副本.xlsx", "kaohe batch 各单位 --out 汇总.xlsx", "kaohe help check"],
  });
  const check = program
    .command("check")
    .description("核算工作簿中的评分表(小计、总分、规则)并核对统计表")
    .argument("<工作簿.xlsx>", "要检查的 .xlsx 工作簿(.xls、.et、.ods、.csv 请先在 WPS 或 Excel 中另存为 .xlsx)")
    .option("--json", "以 JSON 输出检查报告(schemaVersion 1)")
    .option("--column <表头>", "要核算的评分列,如“考核评分”(默认第一个评分列)")
    .option("--class <类别>", "考核单位类别,如“一类”“二类”(默认表中写明的单位类别,否则第一类)")
    .option("--out <副本.xlsx>", "把核算得分、问题标记和“核算结果”表写入副本(原文件不变)")
    .option("--values", "与 --out 一起用:核算得分写成数值,不写公式(默认写公式,改动填报后自动重算)")
    .helpOption("-h, --help", "显示帮助")
    .action(async (file: string, opts: CheckCliOptions) => setExit(await runCheck(file, opts, io)));
  setHelpExtras(check, {
    examples: [
      "kaohe check 自查评分表.xlsx",
      "kaohe check 自查评分表.xlsx --column 考核评分 --class 二类",
      "kaohe check 自查评分表.xlsx --out 核算副本.xlsx",
      "kaohe check 自查评分表.xlsx --json > 报告.json",
    ],
    footer: ["退出码:0 没有错误;1 发现错误级别的问题(报告照常输出);2 文件或选项无法使用(标准错误输出一行说明)"],
  });
  const batch = program
    .command("batch")
    .description("汇总多个单位的工作簿:按类别排名、评定等次、合成各轮次得分,生成通报和反馈单")
    .argument("[文件夹...]", "存放各单位工作簿的文件夹(含子文件夹),或单位的 .xlsx 工作簿")
    .option("--out <汇总.xlsx>", "写入汇总工作簿:排名、通报、自查与考核、各单位反馈单")
    .option("--json", "以 JSON 输出汇总结果(schemaVersion 1)")
    .option("--column <表头>", "要核算的评分列(默认:已填写的“考核评分”,否则第一个评分列)")
    .option("--rounds <轮次.json>", "按轮次合成年度得分,如 {\"rounds\":[{\"name\":\"第一季度\",\"path\":\"Q1\",\"points\":20}]}")
    .option("--grades <等次>", "等次分数线(百分制),默认“优秀:90,良好:80,合格:60”")
    .helpOption("-h, --help", "显示帮助")
    .action(async (paths: string[], opts: BatchCliOptions) => setExit(await runBatch(paths, opts, io)));
  setHelpExtras(batch, {
    examples: ["kaohe batch 各单位 --out 汇总.xlsx", "kaohe batch 一类 二类 --grades 优秀:90,良好:80,合格:60", "kaohe batch --rounds 轮次.json --out 年度汇总.xlsx"],
    footer: ["退出码:0 没有错误;1 某个工作簿有错误级别的问题(汇总照常输出);2 没有可用的工作簿,或选项、轮次文件有误"],
  });
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
    // `kaohe help <命令>` for a command that doesn't exist: commander would print the root help to stderr.
    if (argv[0] === "help" && argv[1] && !program.commands.some((c) => c.name() === argv[1])) argv = argv.slice(1);
    await program.parseAsync(argv, { from: "user" });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") return 0;
      io.err(`kaohe:${commanderMessage(e, program, argv)}\n`);
      return 2;
    }
    // A host that refuses a write (a sheet of the user's in the way) says why in Chinese: exit 2 as for bad input.
    if (e instanceof KaoheError || e instanceof HostError) {
      io.err(`kaohe:${e.message}\n`);
      return 2;
    }
    const errno = e as NodeJS.ErrnoException;
    if (typeof errno?.code === "string" && typeof errno.path === "string") {
      io.err(`kaohe:${fsErrorMessage(e, errno.path, ["write", "rename", "mkdir", "unlink", "copyfile"].includes(errno.syscall ?? ""))}\n`);
      return 2;
    }
    io.err(`kaohe:${unexpectedMessage(e)}\n`);
    return 2;
  }
}

/** The process entry used by bin/kaohe.cjs. */
export function run(): void {
  const streams = guardProcess();
  const io: Io = { ...streams, isTTY: Boolean(process.stdout.isTTY), errIsTTY: Boolean(process.stderr.isTTY) };
  main(process.argv.slice(2), io).then((code) => (process.exitCode = code));
}
