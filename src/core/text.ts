/**
 * Text similarity for matching a user's workbook to a template: texts are compared after
 * normalisation (full-width forms, white space, punctuation, numbering removed) as sets of
 * character bigrams (Dice coefficient), which tolerates small edits and inserted words.
 */
import { TEXT_NUMBER } from "./words/numbering";

/** NFKC, lower case, only CJK ideographs, letters and digits; leading numbering dropped. */
export function normalizeText(s: string): string {
  return s
    .normalize("NFKC")
    .toLowerCase()
    .replace(TEXT_NUMBER, "")
    .replace(NOT_HAN_OR_ALNUM, "");
}

/**
 * Everything but Han ideographs, a-z and 0-9. Written as ranges, not \p{Script=Han}: the pane
 * also runs on EdgeHTML 18 (Excel 2016/2019) and old WPS Chromium, which cannot parse property
 * escapes. The BMP ranges are exactly Unicode's Han script; the astral ones take the CJK
 * extension planes whole.
 */
export const NOT_HAN_OR_ALNUM =
  /[^\u2E80-\u2E99\u2E9B-\u2EF3\u2F00-\u2FD5\u3005\u3007\u3021-\u3029\u3038-\u303B\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFA6D\uFA70-\uFAD9a-z0-9\u{20000}-\u{323AF}]+/gu;

export function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  if (s.length === 1) out.add(s);
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}

/** Dice coefficient of two bigram sets, 0…1. */
export function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const g of small) if (large.has(g)) common++;
  return (2 * common) / (a.size + b.size);
}

/** Similarity of two raw texts, 0…1. */
export function similarity(a: string, b: string): number {
  return dice(bigrams(normalizeText(a)), bigrams(normalizeText(b)));
}

/**
 * Many texts indexed by bigram, so that the best match of a query among thousands of cells costs
 * only the cells that share a bigram with it.
 */
export class TextIndex {
  private readonly sets: Array<Set<string>> = [];
  private readonly byGram = new Map<string, number[]>();
  readonly grams = new Set<string>();

  constructor(texts: Iterable<string>) {
    const seen = new Set<string>();
    for (const raw of texts) {
      const t = normalizeText(raw);
      if (t.length < 2 || seen.has(t)) continue;
      seen.add(t);
      const set = bigrams(t);
      const id = this.sets.length;
      this.sets.push(set);
      for (const g of set) {
        this.grams.add(g);
        let list = this.byGram.get(g);
        if (!list) this.byGram.set(g, (list = []));
        list.push(id);
      }
    }
  }

  /** The best Dice score of `query` against the indexed texts (0 when nothing shares a bigram). */
  best(query: Set<string>): number {
    const counts = new Map<number, number>();
    for (const g of query) for (const id of this.byGram.get(g) ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
    let best = 0;
    for (const [id, common] of counts) {
      const d = (2 * common) / (query.size + this.sets[id].size);
      if (d > best) best = d;
    }
    return best;
  }
}
