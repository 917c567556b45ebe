/**
 * Many workbooks → units, rankings per class, 等次, composed rounds and the 通报 (pure: fed the
 * entries read by the CLI or the preview).
 */
import { compact } from "../core/grid";
import { OptionError } from "../core/errors";
import { fmt } from "../core/findings";
import { roundPoints } from "../core/rules/numbers";
import { PREAMBLE } from "../core/words/titles";
import { classFromFolders, compareClasses, normalizeClass } from "./classes";
import type {
  Batch,
  BatchFinding,
  BatchUnit,
  ClassBulletin,
  GradeBand,
  IdenticalStatistics,
  LossSummary,
  RoundDef,
  RoundResult,
  UnitDetail,
  WorkbookEntry,
} from "./types";

/** 优秀 ≥90, 良好 ≥80, 合格 ≥60, 不合格 below. */
export const DEFAULT_GRADES: GradeBand[] = [
  { name: "优秀", min: 90 },
  { name: "良好", min: 80 },
  { name: "合格", min: 60 },
];
export const FAIL_GRADE = "不合格";

/** How many indicators the 通报 lists as losing the most points. */
export const TOP_LOSSES = 10;

/**
 * "优秀:90,良好:80,合格:60" → bands, highest first. A band at 0 is the lowest; otherwise the lowest
 * is 不合格. Throws OptionError with the reason in Chinese.
 */
export function parseGrades(text: string, label = "--grades"): GradeBand[] {
  label = /[\x21-\x7e]$/.test(label) ? `${label} ` : label; // "--grades 中的…", "等次分数线中的…"
  const parts = text.split(/[,,;;、]/).map((p) => p.trim()).filter(Boolean);
  if (!parts.length) throw new OptionError(`${label}为空;格式如“优秀:90,良好:80,合格:60”`);
  const bands = parts.map((p) => {
    const m = /^(.+?)\s*[::=]\s*(\d+(?:\.\d+)?)$/.exec(p);
    if (!m) throw new OptionError(`${label}中的“${p}”看不懂;格式如“优秀:90,良好:80,合格:60”`);
    const min = Number(m[2]);
    if (min > 100) throw new OptionError(`${label}中“${m[1]}”的分数线 ${m[2]} 超过 100(按百分制)`);
    return { name: m[1].trim(), min };
  });
  const names = new Set(bands.map((b) => b.name));
  if (names.size !== bands.length) throw new OptionError(`${label}中有重复的等次名称`);
  const mins = new Set(bands.map((b) => b.min));
  if (mins.size !== bands.length) throw new OptionError(`${label}中有两个等次的分数线相同`);
  return bands.sort((a, b) => b.min - a.min);
}

/** The lowest band: a band at 0 when given, else 不合格. */
export function lowestGrade(grades: GradeBand[]): string {
  const zero = grades.find((g) => g.min <= 0);
  return zero ? zero.name : FAIL_GRADE;
}

export function gradeOf(score100: number, vetoed: boolean, grades: GradeBand[]): string {
  const low = lowestGrade(grades);
  if (vetoed) return low;
  return grades.find((g) => score100 + 1e-9 >= g.min)?.name ?? low;
}

/**
 * Ranks by score: equal to two decimals → the same rank, the next skips (1, 2, 2, 4); vetoed
 * units after all others (ranked among themselves the same way). Returns the ranks in input order.
 */
export function rankScores(units: Array<{ score100: number; vetoed: boolean }>): number[] {
  const key = (s: number) => Math.round(s * 100);
  const clear = units.filter((u) => !u.vetoed);
  const vetoed = units.filter((u) => u.vetoed);
  return units.map((u) => {
    const pool = u.vetoed ? vetoed : clear;
    const above = pool.filter((o) => key(o.score100) > key(u.score100)).length;
    return (u.vetoed ? clear.length : 0) + above + 1;
  });
}

/** Validates the rounds of a composed year (the parsed JSON); throws OptionError in Chinese. */
export function parseRounds(json: unknown): RoundDef[] {
  const rounds = (json as { rounds?: unknown })?.rounds;
  if (!Array.isArray(rounds) || rounds.length === 0) throw new OptionError("轮次文件应为 {\"rounds\":[{\"name\":\"第一季度\",\"path\":\"Q1\",\"points\":20}, …]}");
  const out = rounds.map((r, i): RoundDef => {
    const { name, path, points } = (r ?? {}) as Record<string, unknown>;
    if (typeof name !== "string" || !name.trim()) throw new OptionError(`轮次文件第 ${i + 1} 个轮次缺少名称(name)`);
    if (typeof path !== "string" || !path.trim()) throw new OptionError(`轮次“${name}”缺少文件夹(path)`);
    if (typeof points !== "number" || !(points > 0)) throw new OptionError(`轮次“${name}”的分值(points)应为正数`);
    return { name: name.trim(), path, points };
  });
  if (new Set(out.map((r) => r.name)).size !== out.length) throw new OptionError("轮次文件中有重复的轮次名称");
  return out;
}

/** The unit a file is for: the name in the sheet, else the file name without its extension. */
export function unitNameOf(entry: WorkbookEntry): string {
  if (entry.unitName) return entry.unitName;
  const base = entry.file.split(/[\\/]/).pop() ?? entry.file;
  return base.replace(/\.[^.]+$/, "");
}

interface Gathered {
  name: string;
  unitClass: string | null;
  entries: WorkbookEntry[];
}

export interface CollectOptions {
  grades?: GradeBand[];
  rounds?: RoundDef[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Collects the entries of one batch into units, ranks, 等次, rounds and the 通报. */
export function collect(entries: WorkbookEntry[], options: CollectOptions = {}): Batch {
  const grades = options.grades ?? DEFAULT_GRADES;
  const rounds = options.rounds ?? [];
  const lowest = lowestGrade(grades);
  const findings: BatchFinding[] = [];

  // Units by name (as written, spaces aside); files that cannot be read join a unit of their file name.
  const byKey = new Map<string, Gathered>();
  for (const e of entries.filter((x) => !x.failure)) {
    const name = unitNameOf(e);
    const key = compact(name);
    const g = byKey.get(key) ?? { name, unitClass: null, entries: [] };
    g.entries.push(e);
    byKey.set(key, g);
  }
  for (const e of entries.filter((x) => x.failure)) {
    byKey.get(compact(unitNameOf(e)))?.entries.push(e);
    findings.push({ severity: "error", code: "file_unusable", file: e.file, unit: byKey.has(compact(unitNameOf(e))) ? byKey.get(compact(unitNameOf(e)))!.name : null, sheet: null, cell: null, message: e.failure! });
  }
  for (const g of byKey.values()) {
    const written = g.entries.find((e) => e.unitClass)?.unitClass;
    const folder = g.entries.map((e) => classFromFolders(e.folders)).find((c) => c !== null);
    g.unitClass = written ? normalizeClass(written) : (folder ?? null);
  }

  const units: BatchUnit[] = [];
  const details: UnitDetail[] = [];
  const totalPoints = rounds.reduce((n, r) => n + r.points, 0);
  for (const g of byKey.values()) {
    const usable = g.entries.filter((e) => !e.failure);
    const unitFindings: BatchFinding[] = [];
    for (const e of usable) for (const f of e.findings) unitFindings.push({ ...f, file: e.file, unit: g.name });
    for (const e of g.entries) if (e.failure) unitFindings.push(findings.find((f) => f.file === e.file && f.code === "file_unusable")!);

    const scoredIn = (list: WorkbookEntry[], roundName: string | null) => {
      const scored = list.filter((e) => e.scored);
      if (scored.length > 1) {
        unitFindings.push({
          severity: "warning",
          code: "unit_duplicate",
          file: null,
          unit: g.name,
          sheet: null,
          cell: null,
          message: `单位“${g.name}”${roundName ? `在“${roundName}”` : ""}有 ${scored.length} 个评分工作簿(${scored.map((e) => e.file).join("、")}),得分已合并计算;请确认是否重复报送`,
        });
      }
      const max = roundPoints(scored.reduce((n, e) => n + e.max, 0));
      const final = roundPoints(scored.reduce((n, e) => n + e.final, 0));
      return { scored: scored.length > 0, max, final, vetoed: scored.some((e) => e.vetoed) };
    };

    let max: number, final: number, rate: number, total: number, vetoed: boolean, scored: boolean;
    const roundResults: RoundResult[] = [];
    if (rounds.length) {
      max = 0;
      final = 0;
      total = 0;
      vetoed = false;
      scored = false;
      for (const r of rounds) {
        const s = scoredIn(usable.filter((e) => e.round === r.name), r.name);
        if (!s.scored) {
          unitFindings.push({
            severity: "warning",
            code: "round_missing",
            file: null,
            unit: g.name,
            sheet: null,
            cell: null,
            message: `单位“${g.name}”缺少“${r.name}”的评分工作簿,该轮按 0 分计算`,
          });
        }
        const rr = s.max > 0 ? roundPoints(s.final / s.max) : 0;
        const contribution = s.vetoed ? 0 : roundPoints(rr * r.points);
        roundResults.push({ name: r.name, max: s.max, final: s.final, rate: rr, points: r.points, contribution });
        max += s.max;
        final += s.final;
        total += contribution;
        vetoed ||= s.vetoed;
        scored ||= s.scored;
      }
      max = roundPoints(max);
      final = roundPoints(final);
      total = vetoed ? 0 : roundPoints(total);
      rate = totalPoints > 0 ? roundPoints(total / totalPoints) : 0;
    } else {
      const s = scoredIn(usable, null);
      ({ max, final, vetoed, scored } = s);
      rate = max > 0 ? roundPoints(final / max) : 0;
      total = final;
    }
    const score100 = roundPoints(rate * 100);
    const lost = usable.flatMap((e) => e.lost);
    const compareEntry = usable.find((e) => e.compare.length > 0);
    units.push({
      unit: g.name,
      unitClass: g.unitClass,
      files: g.entries.map((e) => e.file),
      max,
      final,
      rate,
      total,
      vetoed,
      grade: scored ? gradeOf(score100, vetoed, grades) : null,
      rank: scored ? 0 : null,
      errors: unitFindings.filter((f) => f.severity === "error").length,
      warnings: unitFindings.filter((f) => f.severity === "warning").length,
      rounds: roundResults,
    });
    details.push({
      score100,
      tied: false,
      lost,
      compare: usable.flatMap((e) => e.compare),
      compareColumns: compareEntry?.compareColumns ?? null,
      column: usable.find((e) => e.column)?.column ?? null,
    });
    findings.push(...unitFindings.filter((f) => f.code !== "file_unusable"));
  }

  // Ranks within each class.
  const classNames = [...new Set(units.map((u) => u.unitClass))].sort(compareClasses);
  for (const cls of classNames) {
    const idx = units.map((u, i) => i).filter((i) => units[i].unitClass === cls && units[i].rank !== null);
    const ranks = rankScores(idx.map((i) => ({ score100: details[i].score100, vetoed: units[i].vetoed })));
    idx.forEach((i, k) => (units[i].rank = ranks[k]));
    idx.forEach((i) => (details[i].tied = idx.some((j) => j !== i && units[j].rank === units[i].rank)));
  }

  const identical = identicalStatistics(entries);
  for (const same of identical) {
    same.units.forEach((u, k) => {
      const others = same.units.filter((_, j) => j !== k);
      const f: BatchFinding = {
        severity: "warning",
        code: "stats_identical",
        file: same.files[k],
        unit: u,
        sheet: entries.find((e) => e.file === same.files[k])?.statistics?.sheet ?? null,
        cell: null,
        message: `统计表的数字与${others.slice(0, 3).map((o) => `“${o}”`).join("、")}${others.length > 3 ? `等 ${others.length} 个单位` : ""}完全相同(年报雷同),请核实`,
      };
      findings.push(f);
      const unit = units.find((x) => x.unit === u);
      if (unit) unit.warnings++;
    });
  }

  // Output order: class by class, rank, then name.
  const order = units.map((_, i) => i).sort((a, b) => {
    const c = compareClasses(units[a].unitClass, units[b].unitClass);
    if (c) return c;
    const ra = units[a].rank ?? Infinity;
    const rb = units[b].rank ?? Infinity;
    return ra !== rb ? ra - rb : units[a].unit.localeCompare(units[b].unit, "zh-CN");
  });
  const sortedUnits = order.map((i) => units[i]);
  const sortedDetails = order.map((i) => details[i]);
  const classes = classNames.map((cls) => bulletinOf(cls, sortedUnits, sortedDetails, lowest, grades));

  return {
    result: { schemaVersion: 1, kind: "batch", units: sortedUnits, findings },
    detail: { grades, lowest, rounds, units: sortedDetails, classes, identical },
  };
}

function bulletinOf(cls: string | null, units: BatchUnit[], details: UnitDetail[], lowest: string, grades: GradeBand[]): ClassBulletin {
  const idx = units.map((_, i) => i).filter((i) => units[i].unitClass === cls && units[i].rank !== null);
  const failed = idx.filter((i) => units[i].grade === lowest);
  const passLine = grades.filter((g) => g.name !== lowest).reduce((m, g) => Math.min(m, g.min), Infinity);
  const losses = new Map<string, LossSummary>();
  for (const i of idx) {
    const seen = new Set<string>();
    for (const l of details[i].lost) {
      if (l.lost <= 0) continue;
      const key = `${compact(l.category ?? "")}|${compact(l.title)}`;
      const s = losses.get(key) ?? { title: l.title, category: l.category, max: l.max, units: 0, lost: 0 };
      s.lost = roundPoints(s.lost + l.lost);
      if (!seen.has(key)) s.units++;
      seen.add(key);
      losses.set(key, s);
    }
  }
  return {
    unitClass: cls,
    units: idx.length,
    passed: idx.length - failed.length,
    passRate: idx.length ? roundPoints((idx.length - failed.length) / idx.length) : 0,
    failed: failed.map((i) => ({
      unit: units[i].unit,
      total: units[i].total,
      score100: details[i].score100,
      reason: units[i].vetoed ? "一票否决" : `折合百分制 ${fmt(round2(details[i].score100))} 分,低于 ${fmt(passLine)} 分`,
    })),
    losses: [...losses.values()].sort((a, b) => b.lost - a.lost || b.units - a.units || a.title.localeCompare(b.title, "zh-CN")).slice(0, TOP_LOSSES),
  };
}

/** Units of the same round whose 统计表 numbers are identical. */
function identicalStatistics(entries: WorkbookEntry[]): IdenticalStatistics[] {
  const groups = new Map<string, WorkbookEntry[]>();
  for (const e of entries) {
    if (!e.statistics) continue;
    const key = `${e.round ?? ""}\u0000${e.statistics.values}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  const out: IdenticalStatistics[] = [];
  for (const list of groups.values()) {
    const byUnit = new Map<string, WorkbookEntry>();
    for (const e of list) if (!byUnit.has(compact(unitNameOf(e)))) byUnit.set(compact(unitNameOf(e)), e);
    if (byUnit.size < 2) continue;
    const es = [...byUnit.values()];
    out.push({ round: es[0].round, units: es.map(unitNameOf), files: es.map((e) => e.file) });
  }
  return out;
}

/**
 * An indicator's title for one line of a 通报 (the terminal's, the preview's): up to its first
 * clause ("加大政府信息数据开放力度" of "加大政府信息数据开放力度(1)根据《政府信息公开条例》…", "第三季度日常考核"
 * of "第三季度日常考核:1.…"), past a preamble that only cites the duty's source ("按照…的有关要求,"),
 * and never cut inside a word without "…" saying so.
 */
export function shortTitle(title: string, max = 20): string {
  let t = title.replace(/\s+/g, " ").trim();
  const clause = () => /[,,。;;::(([【\n]/.exec(t);
  let first = clause();
  if (first && /[,,]/.test(first[0]) && PREAMBLE.test(t.slice(0, first.index)) && first.index + 1 < t.length) {
    t = t.slice(first.index + 1).trim();
    first = clause();
  }
  if (first && first.index >= 4 && first.index <= max) return t.slice(0, first.index);
  return t.length <= max ? t : t.slice(0, max - 1) + "…";
}
