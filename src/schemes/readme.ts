/**
 * templates/samples/README.md: one line per sample with what the check should conclude. The
 * end-to-end test reads the lines back with parseSampleLine and compares the engine's report.
 */
import type { SampleDef } from "./samples";
import type { TemplateDef } from "./template";

export interface SampleLine {
  file: string;
  column: string | null;
  max: number | null;
  final: number | null;
  errors: number;
  warnings: number;
  codes: Record<string, number>;
}

function codesText(codes: Record<string, number>): string {
  const list = Object.entries(codes).map(([c, n]) => `${c}×${n}`);
  return list.length ? `(${list.join(", ")})` : "";
}

export function sampleLine(s: SampleDef): string {
  const e = s.expect;
  const total = e.column ? `“${e.column}” 满分 ${e.max},得分 ${e.final}` : "无评分表";
  return `- \`${s.file}\`: ${s.name}。${total};错误 ${e.errors},警告 ${e.warnings}${codesText(e.codes)}。${e.summary}`;
}

const LINE = /^- `([^`]+)`: .*?。(?:“([^”]+)” 满分 ([\d.]+),得分 ([\d.]+)|无评分表);错误 (\d+),警告 (\d+)(?:\(([^)]*)\))?。/;

/** Reads a README line back; null for any other line. */
export function parseSampleLine(line: string): SampleLine | null {
  const m = LINE.exec(line);
  if (!m) return null;
  const codes: Record<string, number> = {};
  for (const part of (m[7] ?? "").split(",").map((x) => x.trim()).filter(Boolean)) {
    const [code, n] = part.split("×");
    codes[code] = Number(n);
  }
  return {
    file: m[1],
    column: m[2] ?? null,
    max: m[3] === undefined ? null : Number(m[3]),
    final: m[4] === undefined ? null : Number(m[4]),
    errors: Number(m[5]),
    warnings: Number(m[6]),
    codes,
  };
}

export function samplesReadme(samples: SampleDef[]): string {
  return [
    "# 样例工作簿",
    "",
    "每个模板的填写样例,由 `npm run templates` 从 `src/schemes/samples.ts` 生成。每行写明 `kaohe check` 应得的总分(满分、得分,按默认评分列)和错误、警告数(提示不计)。测试 `test/templates/engine.test.ts` 逐行核对。",
    "",
    ...samples.map(sampleLine),
    "",
  ].join("\n");
}

/** templates/README.md: what each blank template is and where it comes from. */
export function templatesReadme(templates: readonly TemplateDef[]): string {
  return [
    "# 官方模板",
    "",
    "空白模板,由 `npm run templates` 从 `src/schemes/defs/` 中的定义生成(请修改定义后重新生成,不要直接编辑 .xlsx)。打开模板填写后,用 `kaohe check 文件.xlsx` 检查;填写样例见 `samples/`。",
    "",
    ...templates.map(
      (t) => `- \`${t.id}.xlsx\`: ${t.name}(工作表:${t.sheets.map((s) => s.name).join("、")})。来源:${t.source}${t.scheme ? `。识别为模板“${t.scheme.name}”` : ""}`,
    ),
    "",
  ].join("\n");
}
