/** Choosing the canonical definition a label stands for. */

export interface Matchable {
  /** Tested against the label reduced by matchText. */
  match: RegExp;
}

/**
 * The definition whose pattern matches `text`: among several, those `preferred` (the current
 * section or group) win, then the longest match. Null when none matches.
 */
export function bestMatch<T extends Matchable>(text: string, defs: readonly T[], preferred: (d: T) => boolean = () => false): T | null {
  let best: T | null = null;
  let bestScore = -1;
  for (const d of defs) {
    const m = d.match.exec(text);
    if (!m) continue;
    const score = (preferred(d) ? 10_000 : 0) + m[0].length;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}
