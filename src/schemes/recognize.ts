/**
 * Scheme recognition: which known template a score sheet was made from, by its content (the
 * title and the indicator texts), never by file or sheet name. Units retype titles, add spaces,
 * change punctuation, reword or reorder a few rows: a template is recognised when most of its
 * indicator texts are found (each by similarity) and the best-scoring template wins.
 */
import { textOf, type Grid } from "../core/grid";
import { SCHEMES } from "./registry";
import { bigrams, normalizeText, TextIndex } from "./text";
import type { Scheme } from "./types";

/** An indicator counts as found at this similarity. */
const FOUND = 0.6;
/** Share of a scheme's indicators that must be found. */
const COVERAGE = 0.5;
/** Minimum combined score (indicators 80 %, title 20 %). */
const SCORE = 0.55;

export interface SchemeMatch {
  scheme: Scheme;
  /** Share of indicator texts found (similarity ≥ 0.6). */
  coverage: number;
  /** Mean best similarity of the indicator texts. */
  indicators: number;
  /** Best similarity of the title. */
  title: number;
  score: number;
}

/**
 * Rows read: the longest known template has under 100 rows (a Word conversion repeating its
 * header on every page fewer than 200), so a long filled sheet costs no more than a short one.
 */
const MAX_ROWS = 400;

function sheetTexts(sheet: Grid): string[] {
  const out: string[] = [];
  for (const row of sheet.cells.slice(0, MAX_ROWS)) for (const v of row) if (typeof v === "string" && v.trim().length >= 2) out.push(textOf(v));
  return out;
}

/** The bigrams of a scheme's indicator texts: derived from constant data once, not per sheet (a batch reads hundreds). */
const SCHEME_GRAMS = new WeakMap<Scheme, Array<Set<string>>>();

function schemeGrams(scheme: Scheme): Array<Set<string>> {
  let sets = SCHEME_GRAMS.get(scheme);
  if (!sets) {
    sets = scheme.match.indicators.map((t) => bigrams(normalizeText(t))).filter((s) => s.size >= 3);
    SCHEME_GRAMS.set(scheme, sets);
  }
  return sets;
}

/** Every known scheme scored against the sheet, best first (for diagnostics and tests). */
export function rankSchemes(sheet: Grid, schemes: readonly Scheme[] = SCHEMES): SchemeMatch[] {
  const index = new TextIndex(sheetTexts(sheet));
  const out: SchemeMatch[] = [];
  for (const scheme of schemes) {
    const sets = schemeGrams(scheme);
    if (sets.length === 0) continue;
    // Cheap filter: most of the scheme's vocabulary must occur somewhere in the sheet.
    let present = 0;
    let all = 0;
    for (const s of sets) for (const g of s) {
      all++;
      if (index.grams.has(g)) present++;
    }
    if (present / all < COVERAGE) continue;
    let found = 0;
    let sum = 0;
    for (const s of sets) {
      const b = index.best(s);
      sum += b;
      if (b >= FOUND) found++;
    }
    const title = Math.max(0, ...scheme.match.title.map((t) => index.best(bigrams(normalizeText(t)))));
    const indicators = sum / sets.length;
    out.push({ scheme, coverage: found / sets.length, indicators, title, score: 0.8 * indicators + 0.2 * title });
  }
  return out.sort((a, b) => b.score - a.score);
}

/**
 * The template `sheet` was made from, or null when it is none of the known ones. `grids` is the
 * whole workbook (reserved for workbook-level hints; the sheet's own content decides today).
 */
export function recognizeScheme(grids: Grid[], sheet: Grid): Scheme | null {
  void grids;
  const best = rankSchemes(sheet).find((m) => m.coverage >= COVERAGE && m.score >= SCORE);
  return best?.scheme ?? null;
}
