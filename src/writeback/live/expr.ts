/**
 * Worksheet formulas as small expressions that know both their text and their value: the text is
 * what 写回 writes into a cell, the value is what a spreadsheet computes from it, evaluated here
 * the way Excel, WPS and LibreOffice do for the few plain functions we use. The write-back caches
 * that value in the cell and compares it with the engine's result before writing any formula.
 */
import { columnLetters, toA1 } from "../../core/grid";
import { roundPoints } from "../../core/rules/numbers";

/** A cell's value as a spreadsheet sees it; null for an empty cell. */
export type Value = number | string | boolean | null;

/** Where an expression's references are read. */
export interface Context {
  cell(row: number, col: number): Value;
}

export interface Expr {
  /** Formula text without the leading "=". */
  text: string;
  value(ctx: Context): Value;
}

/** A value a formula cannot compute the way the engine does (it would show #VALUE!). */
export class FormulaValueError extends Error {
  constructor(what: string) {
    super(`公式无法按数值计算:${what}`);
    this.name = "FormulaValueError";
  }
}

/** Excel's rule for a string literal in a formula: at most 255 characters. */
export const MAX_LITERAL = 255;

function numberText(n: number): string {
  if (!Number.isFinite(n)) throw new FormulaValueError(String(n));
  return String(roundPoints(n));
}

export const num = (n: number): Expr => ({ text: numberText(n), value: () => n });

export const bool = (b: boolean): Expr => ({ text: b ? "TRUE" : "FALSE", value: () => b });

export const str = (s: string): Expr => ({ text: `"${s.replace(/"/g, '""')}"`, value: () => s });

export const ref = (row: number, col: number): Expr => ({ text: toA1(row, col), value: (ctx) => ctx.cell(row, col) });

/** Spreadsheets have no negative zero. */
const z = (n: number) => (n === 0 ? 0 : n);

function toNumber(v: Value): number {
  if (v === null) return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  throw new FormulaValueError(v);
}

function truthy(v: Value): boolean {
  if (typeof v === "string") throw new FormulaValueError(v);
  return toNumber(v) !== 0;
}

/** Excel's "=": blank equals "", 0 and FALSE; texts ignore case; a number never equals a text. */
function equal(a: Value, b: Value): boolean {
  if (a === null && b === null) return true;
  if (a === null) return b === "" || b === 0 || b === false;
  if (b === null) return a === "" || a === 0 || a === false;
  if (typeof a !== typeof b) return false;
  if (typeof a === "string") return a.toLowerCase() === (b as string).toLowerCase();
  return a === b;
}

const call = (name: string, args: Expr[], value: (ctx: Context) => Value): Expr => ({ text: `${name}(${args.map((a) => a.text).join(",")})`, value });

export const IF = (c: Expr, a: Expr, b: Expr): Expr => call("IF", [c, a, b], (ctx) => (truthy(c.value(ctx)) ? a.value(ctx) : b.value(ctx)));
export const ISNUMBER = (a: Expr): Expr => call("ISNUMBER", [a], (ctx) => typeof a.value(ctx) === "number");
// OR and AND evaluate every argument (an error in any is the result), unlike IF, which takes one branch.
export const OR = (...xs: Expr[]): Expr => (xs.length === 1 ? xs[0] : call("OR", xs, (ctx) => xs.map((x) => truthy(x.value(ctx))).some(Boolean)));
export const AND = (...xs: Expr[]): Expr => (xs.length === 1 ? xs[0] : call("AND", xs, (ctx) => xs.map((x) => truthy(x.value(ctx))).every(Boolean)));
export const MIN = (a: Expr, b: Expr): Expr => call("MIN", [a, b], (ctx) => z(Math.min(toNumber(a.value(ctx)), toNumber(b.value(ctx)))));
export const MAX = (a: Expr, b: Expr): Expr => call("MAX", [a, b], (ctx) => z(Math.max(toNumber(a.value(ctx)), toNumber(b.value(ctx)))));
export const ABS = (a: Expr): Expr => call("ABS", [a], (ctx) => Math.abs(toNumber(a.value(ctx))));
export const TRIM = (a: Expr): Expr =>
  call("TRIM", [a], (ctx) => {
    const v = a.value(ctx);
    const t = v === null ? "" : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);
    return t.replace(/ +/g, " ").replace(/^ | $/g, "");
  });
/** ROUND(x, 6): the engine keeps points to six decimals (roundPoints). */
export const ROUND6 = (a: Expr): Expr => ({ text: `ROUND(${a.text},6)`, value: (ctx) => z(roundPoints(toNumber(a.value(ctx)))) });

export const eq = (a: Expr, b: Expr): Expr => ({ text: `${a.text}=${b.text}`, value: (ctx) => equal(a.value(ctx), b.value(ctx)) });
export const gt = (a: Expr, b: Expr): Expr => ({ text: `${a.text}>${b.text}`, value: (ctx) => toNumber(a.value(ctx)) > toNumber(b.value(ctx)) });

/** Whether a formula has an operator outside brackets and quotes (then it needs brackets as an operand). */
function hasTopLevelOperator(text: string): boolean {
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (depth === 0 && "+-*/&=<>".includes(ch)) return true;
  }
  return false;
}

/** An operand of + or −, in brackets when it is itself a sum, a difference or a negation. */
const operand = (e: Expr) => (hasTopLevelOperator(e.text) ? `(${e.text})` : e.text);

export const add = (a: Expr, b: Expr): Expr => ({ text: `${a.text}+${operand(b)}`, value: (ctx) => z(toNumber(a.value(ctx)) + toNumber(b.value(ctx))) });
export const sub = (a: Expr, b: Expr): Expr => ({ text: `${a.text}-${operand(b)}`, value: (ctx) => z(toNumber(a.value(ctx)) - toNumber(b.value(ctx))) });
export const neg = (a: Expr): Expr => ({ text: `-${operand(a)}`, value: (ctx) => z(-toNumber(a.value(ctx))) });
/** Text & number: the number as a spreadsheet shows it in General format (short, no trailing zeros). */
export const concat = (a: Expr, b: Expr): Expr => ({
  text: `${a.text}&${b.text}`,
  value: (ctx) => {
    const t = (v: Value) => (v === null ? "" : typeof v === "number" ? String(roundPoints(v)) : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : v);
    return t(a.value(ctx)) + t(b.value(ctx));
  },
});

/** A set of cells of one column, written as ranges of consecutive rows ("H3:H9", "H12"). */
export interface Cells {
  col: number;
  rows: number[];
}

function runs(c: Cells): string[] {
  const rows = [...new Set(c.rows)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
    const letters = columnLetters(c.col);
    out.push(j === i ? `${letters}${rows[i] + 1}` : `${letters}${rows[i] + 1}:${letters}${rows[j] + 1}`);
    i = j + 1;
  }
  return out;
}

/** Arguments per function call: Excel allows 255; a few dozen keeps formulas readable. */
const ARGS_PER_CALL = 30;

function chunks<T>(xs: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += ARGS_PER_CALL) out.push(xs.slice(i, i + ARGS_PER_CALL));
  return out;
}

/** SUM over cells: numbers only (texts such as 不适用 and empty cells count nothing). 0 for no cells. */
export function SUM(c: Cells): Expr {
  const parts = runs(c);
  if (!parts.length) return num(0);
  return {
    text: chunks(parts)
      .map((p) => `SUM(${p.join(",")})`)
      .join("+"),
    value: (ctx) => c.rows.reduce((n, r) => n + (typeof ctx.cell(r, c.col) === "number" ? (ctx.cell(r, c.col) as number) : 0), 0),
  };
}

/** SUMIF over cells with a criterion ">0" or "<0": the positive (or negative) numbers only. */
export function SUMIF(c: Cells, criterion: ">0" | "<0"): Expr {
  const parts = runs(c);
  if (!parts.length) return num(0);
  const keep = (v: Value) => typeof v === "number" && (criterion === ">0" ? v > 0 : v < 0);
  const text = parts.map((p) => `SUMIF(${p},"${criterion}")`).join("+");
  return {
    text: parts.length > 1 ? `(${text})` : text,
    value: (ctx) => c.rows.reduce((n, r) => n + (keep(ctx.cell(r, c.col)) ? (ctx.cell(r, c.col) as number) : 0), 0),
  };
}
