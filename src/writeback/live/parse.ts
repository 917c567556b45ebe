/**
 * Formula text back into an expression that computes itself (expr.ts), for the formulas 写回
 * writes and simple ones a clerk writes (=SUM(F3:F9), =F3+F4): the preview recalculates them
 * after an edit, as a spreadsheet would. Only what expr.ts can compute the way Excel, WPS and
 * LibreOffice do is read; anything else gives null and the cell keeps its saved value.
 */
import { parseA1, valueAt, type Grid } from "../../core/grid";
import { ABS, AND, IF, ISNUMBER, MAX, MIN, OR, ROUND6, SUM, SUMIF, TRIM, add, bool, concat, eq, gt, neg, num, ref, str, sub, FormulaValueError, type Cells, type Context, type Expr, type Value } from "./expr";

type Token = { kind: "num"; value: number } | { kind: "str"; value: string } | { kind: "name"; value: string } | { kind: "op"; value: string };

function tokens(text: string): Token[] | null {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === " ") {
      i++;
      continue;
    }
    if (ch === '"') {
      let s = "";
      i++;
      for (;;) {
        if (i >= text.length) return null;
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            s += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        s += text[i++];
      }
      out.push({ kind: "str", value: s });
      continue;
    }
    const number = match(NUMBER, text, i);
    if (number) {
      out.push({ kind: "num", value: Number(number) });
      i += number.length;
      continue;
    }
    const name = match(NAME, text, i);
    if (name) {
      out.push({ kind: "name", value: name.replace(/\$/g, "").toUpperCase() });
      i += name.length;
      continue;
    }
    const op = match(OP, text, i);
    if (!op) return null;
    out.push({ kind: "op", value: op });
    i += op.length;
  }
  return out;
}

// Sticky patterns matched where the scan stands (a sheet after 写回 has a formula per item).
const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?/y;
const NAME = /\$?[A-Za-z_][A-Za-z0-9_.]*\$?\d*(?::\$?[A-Za-z]+\$?\d+)?/y;
const OP = /<>|<=|>=|[-+*/&=<>(),]/y;

function match(re: RegExp, text: string, at: number): string | null {
  re.lastIndex = at;
  return re.exec(text)?.[0] ?? null;
}

/** A range of one column ("F3:F9", "F3") as the cells SUM and SUMIF take; null for anything wider. */
function cellsOf(name: string): Cells | null {
  const [a, b = a] = name.split(":");
  const p = parseA1(a);
  const q = parseA1(b);
  if (!p || !q || p.col !== q.col) return null;
  const rows: number[] = [];
  for (let r = Math.min(p.row, q.row); r <= Math.max(p.row, q.row); r++) rows.push(r);
  return { col: p.col, rows };
}

class Unreadable extends Error {}

/** The expression of a formula's text (with or without "="), or null when it cannot be computed here. */
export function parseFormula(formula: string): Expr | null {
  const list = tokens(formula.replace(/^=/, ""));
  if (!list || !list.length) return null;
  let at = 0;
  const peek = () => list[at];
  const isOp = (v: string) => peek()?.kind === "op" && peek().value === v;
  const expect = (v: string) => {
    if (!isOp(v)) throw new Unreadable();
    at++;
  };

  const comparison = (): Expr => {
    let e = concatenation();
    while (isOp("=") || isOp(">")) {
      const op = list[at++].value;
      const r = concatenation();
      e = op === "=" ? eq(e, r) : gt(e, r);
    }
    const t = peek();
    if (t?.kind === "op" && ["<", "<>", "<=", ">="].includes(t.value)) throw new Unreadable();
    return e;
  };
  const concatenation = (): Expr => {
    let e = additive();
    while (isOp("&")) {
      at++;
      e = concat(e, additive());
    }
    return e;
  };
  const additive = (): Expr => {
    let e = unary();
    while (isOp("+") || isOp("-")) {
      const op = list[at++].value;
      const r = unary();
      e = op === "+" ? add(e, r) : sub(e, r);
    }
    if (isOp("*") || isOp("/")) throw new Unreadable();
    return e;
  };
  const unary = (): Expr => {
    if (isOp("-")) {
      at++;
      return neg(unary());
    }
    return primary();
  };
  const args = (): Array<Expr | Cells> => {
    expect("(");
    const out: Array<Expr | Cells> = [];
    if (isOp(")")) {
      at++;
      return out;
    }
    for (;;) {
      const t = peek();
      const next = list[at + 1];
      // a range argument (SUM, SUMIF): a name with a colon, or a lone cell where a range fits
      if (t?.kind === "name" && t.value.includes(":") && (next === undefined || (next.kind === "op" && (next.value === "," || next.value === ")")))) {
        const c = cellsOf(t.value);
        if (!c) throw new Unreadable();
        out.push(c);
        at++;
      } else out.push(comparison());
      if (isOp(",")) {
        at++;
        continue;
      }
      expect(")");
      return out;
    }
  };
  const exprOf = (x: Expr | Cells): Expr => {
    if ("rows" in x) {
      if (x.rows.length !== 1) throw new Unreadable();
      return ref(x.rows[0], x.col);
    }
    return x;
  };
  const cellsArg = (x: Expr | Cells): Cells => {
    if ("rows" in x) return x;
    const p = parseA1(x.text);
    if (!p) throw new Unreadable();
    return { col: p.col, rows: [p.row] };
  };
  const primary = (): Expr => {
    const t = list[at++];
    if (!t) throw new Unreadable();
    if (t.kind === "num") return num(t.value);
    if (t.kind === "str") return str(t.value);
    if (t.kind === "op") {
      if (t.value !== "(") throw new Unreadable();
      const e = comparison();
      expect(")");
      return e;
    }
    const name = t.value;
    if (!isOp("(")) {
      if (name === "TRUE" || name === "FALSE") return bool(name === "TRUE");
      const p = parseA1(name);
      if (!p || name.includes(":")) throw new Unreadable();
      return ref(p.row, p.col);
    }
    const a = args();
    const scalars = () => a.map(exprOf);
    switch (name) {
      case "IF": {
        const [c, x, y] = scalars();
        if (a.length !== 3) throw new Unreadable();
        return IF(c, x, y);
      }
      case "OR":
      case "AND":
        if (!a.length) throw new Unreadable();
        return name === "OR" ? OR(...scalars()) : AND(...scalars());
      case "ISNUMBER":
      case "ABS":
      case "TRIM":
        if (a.length !== 1) throw new Unreadable();
        return name === "ISNUMBER" ? ISNUMBER(scalars()[0]) : name === "ABS" ? ABS(scalars()[0]) : TRIM(scalars()[0]);
      case "MIN":
      case "MAX": {
        const xs = scalars();
        if (xs.length < 2) throw new Unreadable();
        return xs.slice(1).reduce((e, x) => (name === "MIN" ? MIN(e, x) : MAX(e, x)), xs[0]);
      }
      case "ROUND": {
        const [x, d] = scalars();
        if (a.length !== 2 || d.text !== "6") throw new Unreadable();
        return ROUND6(x);
      }
      case "SUM": {
        if (!a.length) throw new Unreadable();
        const parts = a.map(cellsArg);
        return parts.slice(1).reduce((e, c) => add(e, SUM(c)), SUM(parts[0]));
      }
      case "SUMIF": {
        const [range, criterion] = a;
        if (a.length !== 2 || "rows" in criterion || (criterion.text !== '">0"' && criterion.text !== '"<0"')) throw new Unreadable();
        return SUMIF(cellsArg(range), criterion.text === '">0"' ? ">0" : "<0");
      }
      default:
        throw new Unreadable();
    }
  };

  try {
    const e = comparison();
    return at === list.length ? e : null;
  } catch (e) {
    if (e instanceof Unreadable) return null;
    throw e;
  }
}

/**
 * A sheet as a spreadsheet sees it: the cells of `formulas` ("row,col" → parsed formula) computed,
 * each once, reading the others as computed; every other cell as the grid holds it (a formula that
 * could not be parsed, null, shows the result it holds).
 */
export function formulaContext(grid: Grid, formulas: Map<string, Expr | null>): Context {
  const memo = new Map<string, Value>();
  const visiting = new Set<string>();
  const ctx: Context = {
    cell(row, col) {
      const key = `${row},${col}`;
      const e = formulas.get(key);
      if (!e) return valueAt(grid, row, col);
      if (!memo.has(key)) {
        if (visiting.has(key)) throw new FormulaValueError("循环引用");
        visiting.add(key);
        try {
          memo.set(key, e.value(ctx));
        } finally {
          visiting.delete(key);
        }
      }
      return memo.get(key)!;
    },
  };
  return ctx;
}
