/**
 * What a summary row sums, by its name: a score sheet of the workbook or a category of one. Names
 * are compared exactly first, then with their decorations removed ("附件1 政务公开", "政务公开(20分)",
 * "政务公开考核评分表" all name sheet "政务公开"), then one containing the other. A name that
 * fits none, or several equally, is left unmatched: no guessing.
 */
import { compact } from "../grid";
import type { ScoreTable } from "../layout/detect";
import { normalizeText } from "../text";
import { ATTACHMENT_PREFIX, NAME_SUFFIX_WORDS, POINTS_SUFFIX, YEAR_PREFIX } from "../words/summary";

/** A sheet (`group` null) or one category of a sheet. */
export interface Target {
  sheet: string;
  group: string | null;
}

/** The name exactly as a user would type it again: full-width forms folded, no white space. */
const exactKey = (s: string) => compact(s.normalize("NFKC"));

/** The name without attachment number, year, points, numbering, punctuation and generic trailing words. */
export function looseKey(s: string): string {
  let k = normalizeText(s.replace(ATTACHMENT_PREFIX, "").replace(YEAR_PREFIX, "").replace(POINTS_SUFFIX, ""));
  for (let again = true; again; ) {
    again = false;
    for (const w of NAME_SUFFIX_WORDS) {
      if (k.length - w.length >= 2 && k.endsWith(w)) {
        k = k.slice(0, -w.length);
        again = true;
        break;
      }
    }
  }
  return k;
}

/** One name containing the other, the shorter long enough to mean something on its own. */
function contains(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 3 && long.includes(short) && short.length * 2 >= long.length;
}

const TIERS: Array<(label: string, name: string) => boolean> = [
  (a, b) => exactKey(a) === exactKey(b),
  (a, b) => {
    const k = looseKey(a);
    return k.length > 0 && k === looseKey(b);
  },
  (a, b) => contains(looseKey(a), looseKey(b)),
];

export type Match = { kind: "matched"; target: Target } | { kind: "none" } | { kind: "ambiguous"; candidates: Target[] };

/**
 * Matches each label to a target. Sheets come before categories at each step; among categories
 * of several sheets, the sheet most of the other rows sum decides (a summary of one sheet's
 * categories names categories that other sheets may also have).
 */
export function matchLabels(labels: string[], sheets: string[], categories: Target[]): Match[] {
  const first = labels.map((l) => matchOne(l, sheets, categories));
  const votes = new Map<string, number>();
  for (const m of first) if (m.kind === "matched" && m.target.group !== null) votes.set(m.target.sheet, (votes.get(m.target.sheet) ?? 0) + 1);
  const home = [...votes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  return first.map((m) => {
    if (m.kind !== "ambiguous" || home === undefined) return m;
    const mine = m.candidates.filter((c) => c.sheet === home && c.group !== null);
    return mine.length === 1 ? { kind: "matched", target: mine[0] } : m;
  });
}

function matchOne(label: string, sheets: string[], categories: Target[]): Match {
  for (const fits of TIERS) {
    const bySheet = sheets.filter((s) => fits(label, s));
    if (bySheet.length === 1) return { kind: "matched", target: { sheet: bySheet[0], group: null } };
    if (bySheet.length > 1) return { kind: "ambiguous", candidates: bySheet.map((sheet) => ({ sheet, group: null })) };
    const byGroup = categories.filter((c) => fits(label, c.group!));
    if (byGroup.length === 1) return { kind: "matched", target: byGroup[0] };
    if (byGroup.length > 1) return { kind: "ambiguous", candidates: byGroup };
  }
  return { kind: "none" };
}

/** A table the layout read whose rows could be a summary's: short names, plain points, no rule anywhere. */
function plainRows(t: ScoreTable): boolean {
  return (
    t.columns.method === null &&
    t.items.length >= 2 &&
    t.items.every((it) => it.kind === "scored" && it.rules.length === 0 && it.issues.length === 0 && it.title.length <= 30)
  );
}

/**
 * The sheets the layout read as score tables that are summaries by what they name: rules-less
 * rows ("政务公开 | 60 | 56") most of which (two at least) name another score sheet of the workbook
 * or a category of one. A summary typed by hand and named plainly ("Sheet3") is found so.
 */
export function summedByName(tables: ScoreTable[]): Set<string> {
  const out = new Set<string>();
  for (const t of tables) {
    if (!plainRows(t)) continue;
    const others = tables.filter((o) => o !== t && !plainRows(o));
    if (others.length === 0) continue;
    // (an item's first group is its category, as the report's categories are)
    const categoryNames = (o: ScoreTable) => new Set(o.items.flatMap((it) => (it.groups.length ? [o.groups.get(it.groups[0])!.name] : [])));
    const categories = others.flatMap((o) => [...categoryNames(o)].map((group) => ({ sheet: o.sheet, group })));
    const matches = matchLabels(
      t.items.map((it) => it.title),
      others.map((o) => o.sheet),
      categories,
    );
    const named = matches.filter((m) => m.kind === "matched").length;
    if (named >= 2 && named * 2 >= t.items.length) out.add(t.sheet);
  }
  return out;
}
