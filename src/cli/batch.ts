/**
 * `kaohe batch <文件或文件夹…>`: the collecting office. Reads every workbook (folders
 * recursively, one at a time so memory stays flat), scores each with the engine of `kaohe check`,
 * ranks the units per class, grades them, composes rounds, and writes 汇总.xlsx atomically.
 * Exit status 0 without errors, 1 with errors in some workbook, 2 when nothing is usable.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, extname, join, relative, resolve, sep } from "node:path";
import { KaoheError } from "../core/errors";
import { SEVERITY_LABEL, fmt, fmtPercent, type Severity } from "../core/findings";
// Not from "../collect": its index loads 汇总.xlsx's builder (exceljs) at start-up.
import { DEFAULT_GRADES, collect, parseGrades, parseRounds, shortTitle } from "../collect/collect";
import { entryOf, failedEntry } from "../collect/read";
import { isSummaryWorkbook } from "../collect/summary-names";
import type { Batch, RoundDef, WorkbookEntry } from "../collect/types";
import { COLOR, PLAIN, type Paint } from "./format";
import { InputError, readWorkbook, saveBytes } from "./load";

export interface BatchCliOptions {
  out?: string;
  json?: boolean;
  column?: string;
  rounds?: string;
  grades?: string;
}

export interface BatchIo {
  out(s: string): void;
  err(s: string): void;
  isTTY: boolean;
  /** Whether stderr is a terminal (the progress bar is drawn only there). */
  errIsTTY?: boolean;
}

/** Files a folder may hold for the batch: .xlsx, and the old formats so they are named, not missed. */
const WORKBOOK = /\.(xlsx|xlsm|xls|et)$/i;

interface Job {
  path: string;
  /** As shown in findings: the path as given, joined with the file's place under it. */
  shown: string;
  folders: string[];
  round: string | null;
}

/** Every workbook under `root` (a file or a folder), in a stable order; lock and hidden files skipped. */
function listWorkbooks(root: string, shownRoot: string, round: string | null, skip: Set<string>): Job[] {
  if (!existsSync(root)) throw new InputError(`找不到文件或文件夹“${shownRoot}”`);
  const jobs: Job[] = [];
  const abs = resolve(root);
  if (!statSync(abs).isDirectory()) {
    return skip.has(abs) ? [] : [{ path: abs, shown: shownRoot, folders: [basename(dirname(abs))], round }];
  }
  const walk = (dir: string) => {
    const names = readdirSync(dir).sort((a, b) => a.localeCompare(b, "zh-CN"));
    for (const name of names) {
      if (name.startsWith(".") || name.startsWith("~$")) continue;
      const p = join(dir, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (WORKBOOK.test(name) && !skip.has(p)) {
        const rel = relative(abs, p);
        jobs.push({ path: p, shown: join(shownRoot, rel), folders: [basename(abs), ...dirname(rel).split(sep).filter((s) => s && s !== ".")], round });
      }
    }
  };
  walk(abs);
  return jobs;
}

function readRounds(file: string): RoundDef[] {
  if (!existsSync(file)) throw new InputError(`找不到轮次文件“${file}”`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
  } catch {
    throw new InputError(`轮次文件“${file}”不是有效的 JSON`);
  }
  return parseRounds(json);
}

/**
 * Reads one workbook into an entry; an unusable file becomes a failed entry with the check's
 * message; an earlier 汇总.xlsx among the inputs is skipped (null).
 */
async function readJob(job: Job, column: string | undefined): Promise<WorkbookEntry | null> {
  const options = { file: job.shown, folders: job.folders, round: job.round, column };
  try {
    const { grids } = await readWorkbook(job.path);
    if (isSummaryWorkbook(grids)) return null;
    return entryOf(grids, options);
  } catch (e) {
    if (e instanceof KaoheError) return failedEntry(options, e.message);
    throw e;
  }
}

/** A one-line progress bar on stderr: [██████░░░░] 12/40 文件名. */
function progress(io: BatchIo, done: number, total: number, name: string): void {
  const w = 24;
  const full = Math.round((done / Math.max(total, 1)) * w);
  const label = name.length > 30 ? "…" + name.slice(-29) : name;
  io.err(`\r\u001b[2K[${"█".repeat(full)}${"░".repeat(w - full)}] ${done}/${total} ${label}`);
}

const TONE: Record<Severity, keyof Paint> = { error: "red", warning: "yellow", info: "dim" };

/** The batch as terminal text: each class's ranking, the 通报 figures, then the problems. */
export function formatBatch(batch: Batch, p: Paint): string {
  const { units, findings } = batch.result;
  const { rounds, classes } = batch.detail;
  const lines = [p.bold("考核计分助手 · 汇总结果") + `  ${units.length} 个单位` + (rounds.length ? `,${rounds.length} 个轮次(${rounds.map((r) => `${r.name} ${fmt(r.points)} 分`).join("、")})` : ""), ""];
  for (const cls of classes) {
    lines.push(p.bold(`【${cls.unitClass ?? "未分类"}】`) + `  ${cls.units} 个单位,合格率 ${fmtPercent(cls.passRate)}%`);
    units.forEach((u, i) => {
      if (u.unitClass !== cls.unitClass || u.rank === null) return;
      const d = batch.detail.units[i];
      const rank = `${d.tied ? "并列" : ""}第 ${u.rank} 名`;
      const score = rounds.length ? `综合得分 ${fmt(u.total)}` : `${fmt(u.final)}/${fmt(u.max)}`;
      const flags = [u.vetoed ? p.red("一票否决") : "", u.errors ? p.red(`${u.errors} 个错误`) : "", u.warnings ? p.yellow(`${u.warnings} 个警告`) : ""].filter(Boolean);
      lines.push(`  ${rank}  ${u.unit}  ${score}  得分率 ${fmtPercent(u.rate)}%  ${u.grade}${flags.length ? "  " + flags.join(" ") : ""}`);
    });
    if (cls.losses.length) lines.push(p.dim(`  失分较多:${cls.losses.slice(0, 3).map((l) => `${shortTitle(l.title)}(${l.units} 个单位,共 ${fmt(l.lost)} 分)`).join(";")}`));
    lines.push("");
  }
  const unranked = units.filter((u) => u.rank === null);
  if (unranked.length) lines.push(p.dim(`未排名(没有评分表):${unranked.map((u) => u.unit).join("、")}`), "");
  const shown = findings.filter((f) => f.severity !== "info");
  const errors = shown.filter((f) => f.severity === "error").length;
  lines.push(p.bold(`问题:错误 ${errors} 个,警告 ${shown.length - errors} 个`));
  for (const f of shown.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1))) {
    const where = [f.file, f.sheet, f.cell].filter(Boolean).join(" ");
    lines.push(`  ${p[TONE[f.severity]](SEVERITY_LABEL[f.severity])}  ${where ? where + "  " : ""}${f.message}`);
  }
  return lines.join("\n") + "\n";
}

/** Runs `kaohe batch`; returns the exit status. Options and input errors throw KaoheError (exit 2). */
export async function runBatch(paths: string[], opts: BatchCliOptions, io: BatchIo): Promise<number> {
  const grades = opts.grades ? parseGrades(opts.grades) : DEFAULT_GRADES;
  if (opts.out && extname(opts.out).toLowerCase() !== ".xlsx") throw new InputError(`输出文件“${opts.out}”应以 .xlsx 结尾`);
  // Said before the reading, not after minutes of it.
  if (opts.out && !existsSync(dirname(resolve(opts.out)))) throw new InputError(`输出文件夹“${dirname(resolve(opts.out))}”不存在`);
  const skip = new Set(opts.out ? [resolve(opts.out)] : []);
  let rounds: RoundDef[] = [];
  let jobs: Job[] = [];
  if (opts.rounds) {
    if (paths.length) throw new InputError("使用 --rounds 时,文件由轮次文件中的 path 指定,不要再列出文件或文件夹");
    rounds = readRounds(opts.rounds);
    const base = dirname(opts.rounds);
    for (const r of rounds) {
      const folder = join(base, r.path);
      if (!existsSync(folder)) throw new InputError(`轮次“${r.name}”的文件夹“${folder}”不存在`);
      jobs.push(...listWorkbooks(folder, folder, r.name, skip));
    }
  } else {
    if (!paths.length) throw new InputError("缺少要汇总的文件或文件夹;用法:kaohe batch <文件或文件夹…> [--out 汇总.xlsx]");
    for (const p of paths) jobs.push(...listWorkbooks(p, p, null, skip));
    // The same file named twice (a folder and a file in it) is read once.
    const seen = new Set<string>();
    jobs = jobs.filter((j) => !seen.has(j.path) && Boolean(seen.add(j.path)));
  }
  if (!jobs.length) throw new InputError("没有找到 .xlsx 工作簿");

  const bar = Boolean(io.errIsTTY) && !opts.json;
  const entries: WorkbookEntry[] = [];
  for (let i = 0; i < jobs.length; i++) {
    if (bar) progress(io, i, jobs.length, jobs[i].shown);
    const entry = await readJob(jobs[i], opts.column);
    if (entry) entries.push(entry);
  }
  if (bar) {
    progress(io, jobs.length, jobs.length, "");
    io.err("\n");
  }
  const batch = collect(entries, { grades, rounds });
  const usable = entries.some((e) => !e.failure);

  if (opts.out && usable) {
    // exceljs is loaded only here: requiring it costs every other run of the CLI a third of a second.
    const { buildSummaryWorkbook } = await import("../collect/summary");
    const bytes = new Uint8Array(await buildSummaryWorkbook(batch).xlsx.writeBuffer());
    saveBytes(() => bytes, opts.out, "");
  }
  if (opts.json) io.out(JSON.stringify(batch.result, null, io.isTTY ? 2 : undefined) + "\n");
  else {
    io.out(formatBatch(batch, io.isTTY && !process.env.NO_COLOR ? COLOR : PLAIN));
    if (opts.out && usable) io.out(`已写入汇总:${opts.out}\n`);
  }
  if (!usable) {
    if (!opts.json) io.err("kaohe:没有一个工作簿可以使用,未生成汇总\n");
    return 2;
  }
  return batch.result.findings.some((f) => f.severity === "error") ? 1 : 0;
}
