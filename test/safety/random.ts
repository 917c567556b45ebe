/**
 * The random office workbooks of the property tests (property.test.ts through the reference
 * host, xlsx-host.test.ts through the .xlsx host): a score table somewhere on the sheet and,
 * around it, cells holding values, formulas with results "", 0 or FALSE, notes, merged ranges,
 * user fills, a user column headed 核算得分, a user sheet named 核算结果. A seed replays one.
 */
import { parseA1, toA1, type CellValue } from "../../src/core/grid";
import { isFormula, occupiedCells, type SheetSpec, type SpecCell, type WorkbookSpec } from "./spec";
import { rng } from "../helpers/rng";


const RULES = ["未完成扣2分", "每发现一处扣1分,扣完为止", "未公开不得分", "未按时报送扣5分"];
const TITLES = ["组织领导", "主动公开", "依申请公开", "平台建设", "监督保障", "解读回应"];
const WORDS = ["备注", "已核实", "佐证材料见附件", "王", "待补充", "√", "说明"];
const SIGN = ["填表人:          审核人:          日期:", "注:本表由各单位自查填写,加分项需附佐证材料。", "单位(盖章):"];

export function randomWorkbook(seed: number): WorkbookSpec {
  const next = rng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)];
  const rows: SpecCell[][] = [];
  const merges: string[] = [];
  const notes: Record<string, string> = {};
  const fills: Record<string, string> = {};
  const taken = new Set<string>(); // cells inside merges
  const set = (r: number, c: number, v: SpecCell) => {
    while (rows.length <= r) rows.push([]);
    const row = rows[r];
    while (row.length <= c) row.push(null);
    row[c] = v;
  };
  const free = (r: number, c: number) => !taken.has(`${r}:${c}`) && (rows[r]?.[c] ?? null) === null && !notes[toA1(r, c)];
  const merge = (top: number, left: number, bottom: number, right: number, text: CellValue) => {
    for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) if (!free(r, c)) return false;
    for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) taken.add(`${r}:${c}`);
    set(top, left, text);
    merges.push(`${toA1(top, left)}:${toA1(bottom, right)}`);
    return true;
  };

  const top = int(0, 3);
  const left = int(0, 2);
  const withCategory = next() < 0.4;
  const header = [...(withCategory ? ["类别"] : []), "序号", "考核内容", "分值", "评分标准", "得分"];
  const width = header.length;
  if (top > 0) merge(0, left, 0, left + width - 1, "2023年度政务公开工作考核评分表");
  header.forEach((h, i) => set(top, left + i, h));
  const n = int(2, 8);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const r = top + 1 + i;
    const max = pick([2, 4, 5, 10]);
    const roll = next();
    const score: SpecCell =
      roll < 0.55 ? int(0, max) : roll < 0.65 ? max + int(1, 3) : roll < 0.75 ? null : roll < 0.85 ? { f: `=MAX(0,${toA1(r, left + width - 3)}-${max})`, v: 0 } : "不适用";
    if (typeof score === "number") sum += score;
    const cells: SpecCell[] = [...(withCategory ? [i === 0 ? "一、基础工作" : null] : []), i + 1, pick(TITLES), max, pick(RULES), score];
    cells.forEach((v, j) => set(r, left + j, v));
  }
  let last = top + n;
  if (next() < 0.6) {
    last++;
    const typed: SpecCell = next() < 0.5 ? sum : next() < 0.5 ? null : sum + 1;
    [...(withCategory ? ["合计", null] : ["合计"]), ...Array(width - (withCategory ? 4 : 3)).fill(null), typed].forEach((v, j) => set(last, left + j, v));
  }
  const right = left + width - 1;

  // Below the table: a signature line or a note, merged over a random width, sometimes.
  if (next() < 0.6) {
    const r = last + 1 + (next() < 0.7 ? 0 : 1);
    merge(r, left, r + (next() < 0.2 ? 1 : 0), right + int(-2, 4), pick(SIGN));
  }
  // A user's column headed 核算得分 with their own numbers.
  if (next() < 0.15) {
    const c = right + int(1, 3);
    if (free(top, c)) set(top, c, "核算得分");
    for (let r = top + 1; r <= last; r++) if (next() < 0.5 && free(r, c)) set(r, c, int(0, 10));
  }
  // Around the table: occupants of every kind, at a density of its own per workbook.
  const density = next() * 0.5;
  for (let r = Math.max(0, top - 1); r <= last + 3; r++) {
    for (let c = right + 1; c <= right + 12; c++) {
      if (!free(r, c) || next() >= density) continue;
      const kind = next();
      if (kind < 0.25) set(r, c, { f: `=IF(${toA1(r, right)}="","","")`, v: "" });
      else if (kind < 0.4) set(r, c, { f: `=${toA1(r, right)}*0`, v: 0 });
      else if (kind < 0.5) set(r, c, { f: `=${toA1(r, right)}>100`, v: false });
      else if (kind < 0.65) set(r, c, pick(WORDS));
      else if (kind < 0.75) set(r, c, next() < 0.5 ? " " : int(0, 99));
      else if (kind < 0.9) notes[toA1(r, c)] = `用户批注${r}-${c}`;
      else merge(r, c, r + int(0, 2), c + int(0, 2), next() < 0.5 ? pick(WORDS) : null);
    }
  }
  // The user's fills on some entry cells.
  for (let r = top + 1; r <= last; r++) if (next() < 0.3) fills[toA1(r, right)] = pick(["#FFFF00", "#DDEBF7", "#FFC7CE", "#E2EFDA"]);

  const sheets: SheetSpec[] = [{ name: "评分表", rows, merges, notes, fills }];
  if (next() < 0.2) sheets.push({ name: "核算结果", rows: [["本单位自己的核算结果"], ["级别", "工作表", "单元格", "代码", "说明", "已标记"], ["错误", "评分表", "E3", "x", "y", "是"]] });
  return { name: `random-${seed}`, guards: "random", sheets };
}


/** Every cell of a spec that held anything: "value" for a plain value (a write of the same value is a no-op), "other" for a formula, note or merged area. */
export function heldCells(spec: WorkbookSpec) {
  const held = new Map<string, "value" | "other">();
  for (const s of spec.sheets) {
    for (const a1 of occupiedCells(s)) held.set(`${s.name}!${a1}`, "other");
    s.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        const k = `${s.name}!${toA1(r, c)}`;
        if (!isFormula(v) && v !== null && v !== "" && held.get(k) === "other" && !(s.notes ?? {})[toA1(r, c)]) held.set(k, "value");
      }),
    );
    // a value inside a merged area is held by the merge: not a plain value
    for (const m of s.merges ?? []) {
      const [a, b] = m.split(":").map((x) => parseA1(x)!);
      for (let r = a.row; r <= b.row; r++) for (let c = a.col; c <= b.col; c++) held.set(`${s.name}!${toA1(r, c)}`, "other");
    }
  }
  return held;
}

