/**
 * Unit workbooks as a collecting office receives them: the template samples (src/schemes/samples.ts)
 * laid out again with a unit's own entries, name and class written in, saved as real .xlsx files.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { textOf, type CellValue, type Grid } from "../../src/core/grid";
import { SAMPLES, layoutSample, type SampleDef } from "../../src/schemes/samples";
import { workbookOf } from "../helpers/xlsx";

const sample = (file: string): SampleDef => {
  const s = SAMPLES.find((x) => x.file === file);
  if (!s) throw new Error(`no sample ${file}`);
  return s;
};

/** Writes `text` over the cell whose text is exactly `line` (a preamble label). */
function fillLine(grid: Grid, line: string, text: string): void {
  for (const row of grid.cells)
    for (let c = 0; c < row.length; c++)
      if (textOf(row[c]) === line) {
        row[c] = text;
        return;
      }
  throw new Error(`no line ${line} on ${grid.name}`);
}

/**
 * 修文 40 分 (35 基础分): every item full (35), item 10 (分值 6, "按比例扣分") short by `lost`,
 * item 9 (分值 6, 一类 −0.1 / 二类 −0.2 per missing weekly item) at `item9`, 一票否决 item 1
 * entered `veto`, 二 item 1 (分值 9, "按比例扣分") short by `lostB`. The unit's name after "考核单位:" and its class after "单位类别(一类/二类):".
 */
export function xiuwenGrids(o: { name?: string; unitClass?: string; lost?: number; lostB?: number; item9?: number; veto?: CellValue; review?: boolean } = {}): Grid[] {
  const base = sample("xiuwen-40-sample.xlsx");
  const scores: CellValue[] = [1, 0.5, 2, 3, 0.5, 2, 1, 2, o.item9 ?? 6, 6 - (o.lost ?? 0), 9 - (o.lostB ?? 0), 2, ...Array(8).fill(0), o.veto ?? 0, ...Array(7).fill(0), 0];
  const def: SampleDef = { ...base, sheets: [{ sheet: "目标考核评分表", scores: { 自评得分: scores, ...(o.review ? { 考核得分: scores } : {}) } }] };
  const grids: Grid[] = layoutSample(def);
  if (o.name) fillLine(grids[0], "考核单位:", `考核单位:${o.name}`);
  if (o.unitClass) fillLine(grids[0], "单位类别(一类/二类):", `单位类别(一类/二类):${o.unitClass}`);
  return grids;
}

/**
 * 临淄 (4 季度 × 20 + 年终 20 + 2 加分项): the unit's 自查评分 and, when given, 考核评分 entries
 * (7 each), its name after "考核单位:".
 */
export function linziGrids(o: { name?: string; self: CellValue[]; review?: CellValue[] }): Grid[] {
  const base = sample("linzi-2021-sample.xlsx");
  const scores: { [h: string]: CellValue[] } = { 自查评分: o.self };
  if (o.review) scores.考核评分 = o.review;
  const def: SampleDef = { ...base, sheets: [{ sheet: "考核评分表", scores, ...(o.name ? { unit: { line: "考核单位:", name: o.name } } : {}) }] };
  return layoutSample(def);
}

/** The 根河 乡镇 sample (score sheet + 统计表) for another unit; `stats` overrides 统计表 cells. */
export function genheTownshipGrids(name: string): Grid[] {
  const base = sample("genhe-township-sample.xlsx");
  const def: SampleDef = {
    ...base,
    sheets: base.sheets.map((s) => (s.unit ? { ...s, unit: { ...s.unit, name } } : s)),
  };
  return layoutSample(def);
}

/** Saves grids as an .xlsx at dir/rel (folders made as needed); returns the path. */
export async function saveUnit(dir: string, rel: string, grids: Grid[]): Promise<string> {
  const path = join(dir, rel);
  mkdirSync(dirname(path), { recursive: true });
  await workbookOf(grids).xlsx.writeFile(path);
  return path;
}

/** A file that is not a workbook at all, named .xlsx. */
export function saveJunk(dir: string, rel: string): string {
  const path = join(dir, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, "这不是工作簿");
  return path;
}
