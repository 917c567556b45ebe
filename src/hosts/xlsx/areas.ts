/**
 * Range lists (sqref) for the validations and conditional formats the writer adds. A long table
 * asks for one per entry cell; Excel itself keeps alike ones as one element over many ranges
 * ("F3 F7:F9 F12"), and so do we: the file stays small and quick to open and to write.
 */
import { columnLetters, rangeA1, type Merge } from "../../core/grid";

/** Areas per element at most (a few kilobytes of sqref; Excel and LibreOffice read far longer ones). */
export const MAX_AREAS = 1000;

/** Areas sorted by column then row, vertical neighbours of the same columns joined ("F3 F4:F6" → "F3:F6"). */
export function joinAreas(areas: Merge[]): Merge[] {
  const sorted = [...areas].sort((a, b) => a.left - b.left || a.right - b.right || a.top - b.top);
  const out: Merge[] = [];
  for (const a of sorted) {
    const last = out[out.length - 1];
    if (last && last.left === a.left && last.right === a.right && a.top <= last.bottom + 1) last.bottom = Math.max(last.bottom, a.bottom);
    else out.push({ ...a });
  }
  return out;
}

/** Areas as sqref strings of at most MAX_AREAS areas each. */
export function sqrefChunks(areas: Merge[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < areas.length; i += MAX_AREAS) out.push(areas.slice(i, i + MAX_AREAS).map(rangeA1).join(" "));
  return out;
}

/** A cell reference in a formula (no sheet name, no quotes around it: see UNSAFE); tokenAt finds the same. */
const REF = /(?<![A-Za-z0-9_.$])(\$?)([A-Z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(])/g;

function columnOf(letters: string): number {
  let c = 0;
  for (let i = 0; i < letters.length; i++) c = c * 26 + (letters.charCodeAt(i) - 64);
  return c - 1;
}

/** Formulas this cannot read safely (texts, other sheets, structured references) are never grouped. */
const UNSAFE = /["'!\[\]]/;

/** One token of a formula: a character, or a cell reference as offsets from an anchor (or absolute). */
interface Token {
  end: number;
  ref: boolean;
  code: number;
  row: number;
  col: number;
  absRow: boolean;
  absCol: boolean;
}

const isUpper = (k: number) => k >= 65 && k <= 90;
const isDigit = (k: number) => k >= 48 && k <= 57;
/** A character that, next to a reference, makes it part of a longer name: [A-Za-z0-9_.$]. */
const isNamePart = (k: number) => isUpper(k) || isDigit(k) || (k >= 97 && k <= 122) || k === 95 || k === 46 || k === 36;

/** The token at `i` into `t` (the same references as REF finds; relative ones as offsets from top/left). */
function tokenAt(f: string, i: number, top: number, left: number, t: Token): void {
  t.ref = false;
  t.code = f.charCodeAt(i);
  t.end = i + 1;
  const k = t.code;
  if ((k !== 36 && !isUpper(k)) || (i > 0 && isNamePart(f.charCodeAt(i - 1)))) return;
  const n = f.length;
  let j = i;
  const absCol = k === 36;
  if (absCol) j++;
  let col = 0;
  const l0 = j;
  while (j < n && j - l0 < 3 && isUpper(f.charCodeAt(j))) col = col * 26 + (f.charCodeAt(j++) - 64);
  if (j === l0) return;
  const absRow = f.charCodeAt(j) === 36;
  if (absRow) j++;
  const d0 = j;
  let row = 0;
  while (j < n && isDigit(f.charCodeAt(j))) row = row * 10 + (f.charCodeAt(j++) - 48);
  if (j === d0 || j - d0 > 7) return;
  if (j < n) {
    const after = f.charCodeAt(j);
    if ((isNamePart(after) && after !== 36 && after !== 46) || after === 40) return;
  }
  t.ref = true;
  t.end = j;
  t.absRow = absRow;
  t.absCol = absCol;
  t.row = absRow ? row - 1 : row - 1 - top;
  t.col = absCol ? col - 1 : col - 1 - left;
}

const ta: Token = { end: 0, ref: false, code: 0, row: 0, col: 0, absRow: false, absCol: false };
const tb: Token = { ...ta };

/** A hash of a formula read relative to its anchor (alike formulas on other rows hash alike). */
function relativeHash(f: string, top: number, left: number): number {
  let h = 0x811c9dc5;
  const mix = (x: number) => {
    h = Math.imul(h ^ x, 0x01000193);
  };
  for (let i = 0; i < f.length; i = ta.end) {
    tokenAt(f, i, top, left, ta);
    if (!ta.ref) mix(ta.code);
    else {
      mix(0x10000 | (ta.absRow ? 1 : 0) | (ta.absCol ? 2 : 0));
      mix(ta.row);
      mix(ta.col);
    }
  }
  return h >>> 0;
}

/** Whether two formulas say the same, each read relative to its own anchor (compared token by token). */
export function sameRelative(a: string, aTop: number, aLeft: number, b: string, bTop: number, bLeft: number): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    tokenAt(a, i, aTop, aLeft, ta);
    tokenAt(b, j, bTop, bLeft, tb);
    if (ta.ref !== tb.ref) return false;
    if (ta.ref ? ta.row !== tb.row || ta.col !== tb.col || ta.absRow !== tb.absRow || ta.absCol !== tb.absCol : ta.code !== tb.code) return false;
    i = ta.end;
    j = tb.end;
  }
  return i === a.length && j === b.length;
}

/**
 * Conditional formats grouped where one element can stand for several: the same formula
 * relative to each one's top-left (sameRelative), the same colour, and, per element, a first
 * area whose top-left is the top-left of all its areas (the anchor of its relative references).
 * Each group keeps the formula of its first member, moved to that anchor.
 */
export function groupConditionals<T extends { area: Merge; formula: string; color: string }>(list: T[]): Array<{ formula: string; color: string; sqref: string }> {
  const buckets = new Map<number, T[][]>();
  const out: Array<{ formula: string; color: string; sqref: string }> = [];
  const order: Array<T | T[]> = [];
  for (const x of list) {
    if (UNSAFE.test(x.formula)) {
      order.push(x);
      continue;
    }
    const h = relativeHash(x.formula, x.area.top, x.area.left);
    let bucket = buckets.get(h);
    if (!bucket) buckets.set(h, (bucket = []));
    const g = bucket.find((m) => m[0].color === x.color && sameRelative(m[0].formula, m[0].area.top, m[0].area.left, x.formula, x.area.top, x.area.left));
    if (g) g.push(x);
    else {
      const fresh = [x];
      bucket.push(fresh);
      order.push(fresh);
    }
  }
  for (const o of order) {
    if (!Array.isArray(o)) {
      out.push({ formula: o.formula, color: o.color, sqref: rangeA1(o.area) });
      continue;
    }
    const members = o;
    // By column then row: within one column the first area is the top-left of the chunk.
    const areas = joinAreas(members.map((m) => m.area));
    for (let i = 0; i < areas.length; i += MAX_AREAS) {
      const chunk = areas.slice(i, i + MAX_AREAS);
      let top = chunk[0].top;
      let left = chunk[0].left;
      for (const a of chunk) {
        top = Math.min(top, a.top);
        left = Math.min(left, a.left);
      }
      const first = chunk[0];
      if (first.top !== top || first.left !== left) {
        // areas in several columns whose first does not hold the anchor: one element each
        for (const a of chunk) out.push({ formula: shiftFormula(members[0], a), color: members[0].color, sqref: rangeA1(a) });
        continue;
      }
      out.push({ formula: shiftFormula(members[0], first), color: members[0].color, sqref: chunk.map(rangeA1).join(" ") });
    }
  }
  return out;
}

/** A member's formula moved to another anchor (its relative references shifted alike). */
function shiftFormula(m: { area: Merge; formula: string }, to: Merge): string {
  const dr = to.top - m.area.top;
  const dc = to.left - m.area.left;
  if (!dr && !dc) return m.formula;
  return m.formula.replace(REF, (_, colAbs: string, letters: string, rowAbs: string, digits: string) => {
    const col = colAbs ? columnOf(letters) : columnOf(letters) + dc;
    const row = rowAbs ? Number(digits) - 1 : Number(digits) - 1 + dr;
    return `${colAbs}${columnLetters(col)}${rowAbs}${row + 1}`;
  });
}
