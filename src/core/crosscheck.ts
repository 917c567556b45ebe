/**
 * Score sheet ↔ statistics table (same workbook): walks the cross-checks a scheme declares as
 * data. Each kind states its own condition in CHECKS; nothing here knows a particular template.
 * A check whose item or statistics row cannot be found (a unit deleted the row, a 2021 年报 has
 * no such line, the cell is blank) is skipped: it only speaks when both sides are there.
 */
import { fmt, type FindingOf } from "./findings";
import { compact } from "./grid";
import type { ItemReport, ScoreSheetReport } from "./report";
import { statValue, type StatisticsTable } from "./stats";
import type { CrossCheck, ItemRef, StatRef } from "./scheme";
import { similarity } from "./text";
import { chineseNumeral, toHalfWidth } from "./rules/numbers";

type CrossFinding = FindingOf<"cross_check_failed">;

interface StatHit {
  ref: StatRef;
  sheet: string;
  cell: string;
  label: string;
  /** The number, or null when blank / not a number. */
  value: number | null;
  /** The cell as entered (for 是/否 rows). */
  raw: unknown;
}

/** "13", "13.", "(十三)" → 13; null when the 序号 is no number. */
function idNumber(id: string): number | null {
  const t = toHalfWidth(id).replace(/[\s()()、.．]/g, "");
  return /^\d+$/.test(t) ? Number(t) : chineseNumeral(t);
}

/** An item matches by title similarity; the printed 序号 breaks ties and helps short titles. */
const TITLE_MATCH = 0.55;

/** The score item a cross-check reads, by title similarity and 序号; null when none is close. */
export function findItem(items: ItemReport[], ref: ItemRef): ItemReport | null {
  let best: ItemReport | null = null;
  let bestScore = 0;
  for (const it of items) {
    const sim = similarity(it.title, ref.title);
    const contains = compact(it.title).includes(compact(ref.title)) ? 0.3 : 0;
    const idBonus = ref.id !== null && it.id !== null && idNumber(it.id) === Number(ref.id) ? 0.15 : 0;
    const score = Math.max(sim, contains + sim) + idBonus;
    if (score > bestScore) {
      bestScore = score;
      best = it;
    }
  }
  return bestScore >= TITLE_MATCH ? best : null;
}

/** The first statistics table (in sheet order) that has the row. */
function findStat(stats: Array<{ sheet: string; table: StatisticsTable }>, ref: StatRef): StatHit | null {
  for (const { sheet, table } of stats) {
    const hit = statValue(table, ref.key);
    if (!hit) continue;
    const row = table.rows.find((r) => r.key === ref.key && r.cell === hit.cell);
    return { ref, sheet, cell: hit.cell, label: hit.label || ref.label, value: hit.value, raw: row?.value ?? null };
  }
  return null;
}

/** "“举办各类培训班数”(C67)为 0" — the statistic's cell and value, for a detail line. */
function describe(h: StatHit): string {
  return `“${h.label}”(${h.cell})为 ${h.value === null ? "空" : fmt(h.value)}`;
}

interface Ctx {
  item: ItemReport;
  sheet: string;
  find: (ref: StatRef) => StatHit | null;
}

function failure(check: CrossCheck, ctx: Ctx, stat: StatHit, statValue: number | string, detail: string): CrossFinding {
  return {
    code: "cross_check_failed",
    sheet: ctx.sheet,
    cell: ctx.item.cell,
    check: check.name,
    claimed: ctx.item.score,
    statLabel: stat.label,
    statSheet: stat.sheet,
    statCell: stat.cell,
    statValue,
    detail,
  };
}

/** "评分表 F16 的 8 分": the claim, naming the score cell. */
function claim(ctx: Ctx): string {
  return `评分表 ${ctx.item.cell} 的 ${fmt(ctx.item.score)} 分`;
}

/** The statistics found for `refs` that hold a number (blank rows say nothing). */
function filled(ctx: Ctx, refs: StatRef[]): StatHit[] {
  return refs.map((r) => ctx.find(r)).filter((h): h is StatHit => h !== null && h.value !== null);
}

type Runner<K extends CrossCheck["kind"]> = (check: Extract<CrossCheck, { kind: K }>, ctx: Ctx) => CrossFinding | null;

const CHECKS: { [K in CrossCheck["kind"]]: Runner<K> } = {
  units_at_most(check, ctx) {
    const points = ctx.item.score;
    const [stat] = filled(ctx, [check.stat]);
    if (points <= 0 || !stat) return null;
    const units = Math.ceil(points / check.pointsPerUnit - 1e-9);
    if (units <= stat.value!) return null;
    const u = check.unit;
    return failure(check, ctx, stat, stat.value!, `${claim(ctx)}按每${u} ${fmt(check.pointsPerUnit)} 分计须有 ${units} ${u},统计表只有 ${fmt(stat.value!)} ${u}`);
  },

  needs_positive(check, ctx) {
    const hits = filled(ctx, check.stats);
    if (ctx.item.score <= 0 || hits.length === 0 || hits.some((h) => h.value! > 0)) return null;
    return failure(check, ctx, hits[0], hits[0].value!, `${claim(ctx)}缺少依据:统计表中${hits.map(describe).join("、")}`);
  },

  needs_yes(check, ctx) {
    const stat = ctx.find(check.stat);
    const said = typeof stat?.raw === "string" ? compact(stat.raw) : "";
    if (ctx.item.score <= 0 || !stat || said !== "否") return null;
    return failure(check, ctx, stat, said, `${claim(ctx)}缺少依据:统计表填“否”,本项不应得分`);
  },

  deduction_per_unit(check, ctx) {
    const hits = filled(ctx, check.stats);
    const units = hits.reduce((n, h) => n + h.value!, 0);
    if (units <= 0) return null;
    const [base] = check.ceilingStat ? filled(ctx, [check.ceilingStat]) : [];
    const ceiling = base && check.ceilingPerUnit ? Math.min(check.ceiling, base.value! * check.ceilingPerUnit) : check.ceiling;
    const allowed = ceiling - units * check.pointsPerUnit;
    if (ctx.item.score <= allowed + 1e-9) return null;
    const first = hits.find((h) => h.value! > 0)!;
    const u = check.unit;
    return failure(
      check,
      ctx,
      first,
      units,
      `统计表中${hits.map(describe).join("、")},共 ${fmt(units)} ${u},每${u}应扣 ${fmt(check.pointsPerUnit)} 分,评分表 ${ctx.item.cell} 最多 ${fmt(allowed)} 分`,
    );
  },
};

/**
 * Runs the scheme's cross-checks of one scored sheet against the statistics tables of the same
 * workbook; each failure is a `cross_check_failed` warning at the item's score cell.
 */
export function runCrossChecks(
  scheme: { crossChecks?: CrossCheck[] },
  score: ScoreSheetReport,
  stats: Array<{ sheet: string; table: StatisticsTable }>,
): CrossFinding[] {
  if (!scheme.crossChecks?.length || stats.length === 0) return [];
  const out: CrossFinding[] = [];
  const cache = new Map<string, StatHit | null>();
  const find = (ref: StatRef) => {
    if (!cache.has(ref.key)) cache.set(ref.key, findStat(stats, ref));
    return cache.get(ref.key)!;
  };
  for (const check of scheme.crossChecks) {
    const item = findItem(score.items, check.item);
    if (!item || !item.applicable) continue;
    const run = CHECKS[check.kind] as Runner<CrossCheck["kind"]>;
    const f = run(check as never, { item, sheet: score.sheet, find });
    if (f) out.push(f);
  }
  return out;
}
