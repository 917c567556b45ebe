/** The readable Chinese report of `kaohe check` (colours only when writing to a terminal). */
import { SEVERITY_LABEL, fmt, fmtPercent, fmtSigned, sortFindings, type Severity } from "../core/findings";
import { categoryAdjustments, type Report, type ScoreSheetReport, type StatisticsSheetReport } from "../core/report";

export interface Paint {
  red(s: string): string;
  yellow(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

const ansi = (code: number) => (s: string) => `\u001b[${code}m${s}\u001b[0m`;
export const COLOR: Paint = { red: ansi(31), yellow: ansi(33), dim: ansi(90), bold: ansi(1) };
export const PLAIN: Paint = { red: (s) => s, yellow: (s) => s, dim: (s) => s, bold: (s) => s };

/** Display width: CJK characters take two columns in a terminal. */
export function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
const padEnd = (s: string, n: number) => s + " ".repeat(Math.max(0, n - width(s)));
const padStart = (s: string, n: number) => " ".repeat(Math.max(0, n - width(s))) + s;

function scoreSheet(s: ScoreSheetReport, p: Paint): string[] {
  const lines = [p.bold(`【${s.sheet}】评分表`) + `  模板:${s.schemeName ?? "未识别(按通用规则核算)"}  评分列:${s.column || "无"}`];
  if (s.unitClass) lines.push(`  考核单位类别:${s.unitClass}`);
  if (s.categories.length) {
    const nameWidth = Math.min(28, Math.max(8, ...s.categories.map((c) => width(c.name))));
    const adjusts = s.categories.map((c) => categoryAdjustments(s, c));
    const adjustHeader = adjusts.some((a) => a !== 0) ? "其中加减分" : "";
    lines.push(p.dim(`  ${padEnd("类别", nameWidth)}  ${padStart("满分", 6)}  ${padStart("得分", 6)}  ${padStart(adjustHeader, 10)}`.trimEnd()));
    s.categories.forEach((c, i) => {
      const adjust = adjusts[i] ? fmtSigned(adjusts[i]) : "";
      lines.push(`  ${padEnd(c.name, nameWidth)}  ${padStart(fmt(c.max), 6)}  ${padStart(fmt(c.score), 6)}  ${padStart(adjust, 10)}`.trimEnd());
    });
  }
  const t = s.total;
  lines.push(
    `  满分 ${fmt(t.max)} · 基本得分 ${fmt(t.base)} · 加减分 ${fmtSigned(t.adjustments)} · ` +
      p.bold(`最终得分 ${fmt(t.final)}`) +
      ` · 得分率 ${fmtPercent(t.rate)}%` +
      (t.vetoed ? p.red(" · 已触发一票否决") : ""),
  );
  return lines;
}

function statisticsSheet(s: StatisticsSheetReport, p: Paint): string[] {
  const filled = s.rows.filter((r) => r.value !== null && String(r.value).trim() !== "").length;
  return [p.bold(`【${s.sheet}】统计表`) + `  格式:${s.format === "2021" ? "2021 年度报告表" : "2017 统计表"}  已填 ${filled}/${s.rows.length} 项`];
}

/** Infos beyond this many are counted, not listed: errors and warnings must not scroll away. */
const MAX_INFOS = 10;

const TONE: Record<Severity, keyof Paint> = { error: "red", warning: "yellow", info: "dim" };

/** The whole report as terminal text. */
export function formatReport(report: Report, p: Paint): string {
  const lines = [p.bold("考核计分助手 · 检查结果") + (report.file ? `  ${report.file}` : ""), ""];
  for (const s of report.sheets) {
    lines.push(...(s.kind === "score" ? scoreSheet(s, p) : statisticsSheet(s, p)), "");
  }
  const { errors, warnings, infos } = report.summary;
  lines.push(p.bold(`问题:错误 ${errors} 个 · 警告 ${warnings} 个 · 提示 ${infos} 个`));
  const sorted = sortFindings(report.findings);
  const shown = sorted.filter((f, i) => f.severity !== "info" || i < sorted.length - report.summary.infos + MAX_INFOS);
  for (const f of shown) {
    const where = f.cell ? `${f.sheet}!${f.cell}` : f.sheet;
    lines.push(`  ${p[TONE[f.severity]](SEVERITY_LABEL[f.severity])}  ${padEnd(where, 14)}  ${f.message}`);
  }
  if (shown.length < sorted.length) lines.push(p.dim(`  ……另有 ${sorted.length - shown.length} 条提示未列出(用 --json 或 --out 查看全部)`));
  if (!report.findings.length) lines.push("  未发现问题");
  return lines.join("\n") + "\n";
}
