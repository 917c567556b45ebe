/**
 * Range lists and the grouping of alike conditional formats (src/hosts/xlsx/areas.ts), the
 * hand-scanned A1 parsing the writer relies on, and the Node encoder of a part in pieces: each
 * checked against a plain reference implementation on many generated inputs.
 */
import { describe, expect, it } from "vitest";
import { parseA1, parseRange, type Merge } from "../../src/core/grid";
import { MAX_AREAS, groupConditionals, joinAreas, sameRelative } from "../../src/hosts/xlsx/areas";
import { encodePieces } from "../../src/hosts/xlsx/package";
import { nodeEncodePieces } from "../../src/cli/load";

/** A small deterministic generator (the same inputs on every run). */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** The regular-expression parseA1 the hand scan replaced. */
function referenceA1(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (row < 1) return null;
  return { row: row - 1, col: col - 1 };
}

function referenceRange(range: string): Merge | null {
  const [a, b = a] = range.replace(/^.*!/, "").split(":");
  const p = referenceA1(a);
  const q = referenceA1(b);
  if (!p || !q) return null;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

describe("A1 addresses scanned by hand", () => {
  const pieces = ["", "$", "A", "z", "F", "XFD", "ABCD", "1", "0", "12", "007", "1048576", " ", "\u3000", ":", "!", "Sheet1", "'表'", "-", "a", "é", "\t"];
  it("parseA1 and parseRange read every generated text as the regular expressions did", () => {
    const next = random(7);
    for (let i = 0; i < 20000; i++) {
      let s = "";
      const n = 1 + Math.floor(next() * 6);
      for (let k = 0; k < n; k++) s += pieces[Math.floor(next() * pieces.length)];
      expect(parseA1(s), JSON.stringify(s)).toEqual(referenceA1(s));
      expect(parseRange(s), JSON.stringify(s)).toEqual(referenceRange(s));
    }
  });

  it("the usual forms", () => {
    expect(parseA1("F11")).toEqual({ row: 10, col: 5 });
    expect(parseA1(" $xfd$1048576 ")).toEqual({ row: 1048575, col: 16383 });
    expect(parseA1("F0")).toBeNull();
    expect(parseA1("ABCD1")).toBeNull();
    expect(parseRange("'评分表'!B2:A1")).toEqual({ top: 0, left: 0, bottom: 1, right: 1 });
    expect(parseRange("A1:B2:C3")).toEqual({ top: 0, left: 0, bottom: 1, right: 1 });
  });
});

/** The relative reading of a formula by the regular expression the scanner follows. */
function referenceKey(formula: string, top: number, left: number): string {
  const col = (l: string) => [...l].reduce((c, ch) => c * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return formula.replace(/(?<![A-Za-z0-9_.$])(\$?)([A-Z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(])/g, (_, ca: string, l: string, ra: string, d: string) => {
    const r = Number(d) - 1;
    return (ra ? `R${r}` : `R[${r - top}]`) + (ca ? `C${col(l)}` : `C[${col(l) - left}]`);
  });
}

describe("formulas alike relative to their cells", () => {
  const tokens = ["F3", "F4", "$F3", "F$3", "$F$3", "D3", "AB12", "LOG10(", "SUM(", "A1B", "_F3", "F3_", ".F3", "F3.", "x", "+", ",", "(", ")", "<", ">", "0", "4", "XFD1", "ABCD1", "F12345678", "$", "é"];
  it("sameRelative agrees with comparing the regular expression's relative readings", () => {
    const next = random(11);
    const formula = () => {
      let s = "";
      const n = 1 + Math.floor(next() * 7);
      for (let k = 0; k < n; k++) s += tokens[Math.floor(next() * tokens.length)];
      return s;
    };
    let alike = 0;
    for (let i = 0; i < 20000; i++) {
      const a = formula();
      // half the time the same formula moved down a few rows: a pair that must be found alike
      const shift = Math.floor(next() * 3);
      const b = next() < 0.5 ? a.replace(/(?<![A-Za-z0-9_.$])(\$?[A-Z]{1,3})(\d{1,7})(?![A-Za-z0-9_(])/g, (_, c: string, d: string) => `${c}${Number(d) + shift}`) : formula();
      const [at, bt] = [2, 2 + shift];
      const want = referenceKey(a, at, 5) === referenceKey(b, bt, 5);
      expect(sameRelative(a, at, 5, b, bt, 5), `${a} | ${b}`).toBe(want);
      if (want) alike++;
    }
    expect(alike).toBeGreaterThan(5000);
  });

  const mark = (range: string, formula: string, color = "#FFC7CE") => ({ area: parseRange(range)!, formula, color });

  it("groups one column's alike formats under the topmost, keeps other colours, other bounds and unsafe formulas apart", () => {
    const out = groupConditionals([
      mark("F5", "AND(ISNUMBER(F5),F5>4)"),
      mark("F3", "AND(ISNUMBER(F3),F3>4)"),
      mark("F4", "AND(ISNUMBER(F4),F4>8)"),
      mark("F7:F8", "AND(ISNUMBER(F7),F7>4)"),
      mark("F9", "AND(ISNUMBER(F9),F9>4)", "#FFFF00"),
      mark("F10", 'F10="否"'),
      mark("F11", 'F11="否"'),
    ]);
    expect(out).toEqual([
      { formula: "AND(ISNUMBER(F3),F3>4)", color: "#FFC7CE", sqref: "F3 F5 F7:F8" },
      { formula: "AND(ISNUMBER(F4),F4>8)", color: "#FFC7CE", sqref: "F4" },
      { formula: "AND(ISNUMBER(F9),F9>4)", color: "#FFFF00", sqref: "F9" },
      { formula: 'F10="否"', color: "#FFC7CE", sqref: "F10" },
      { formula: 'F11="否"', color: "#FFC7CE", sqref: "F11" },
    ]);
  });

  it("absolute references stay; a group whose first area does not hold the anchor is written one by one", () => {
    expect(groupConditionals([mark("F3", "F3>$D$1"), mark("F4", "F4>$D$1")])).toEqual([{ formula: "F3>$D$1", color: "#FFC7CE", sqref: "F3:F4" }]);
    // G2 is above F3: sorted by column F3 comes first, but the anchor of the pair would be F2
    expect(groupConditionals([mark("F3", "F3>0"), mark("G2", "G2>0")])).toEqual([
      { formula: "F3>0", color: "#FFC7CE", sqref: "F3" },
      { formula: "G2>0", color: "#FFC7CE", sqref: "G2" },
    ]);
  });

  it("a long column is cut into elements of at most MAX_AREAS areas, each anchored at its own first", () => {
    const rows = Array.from({ length: MAX_AREAS * 2 + 5 }, (_, i) => 3 + 2 * i);
    const out = groupConditionals(rows.map((r) => mark(`F${r}`, `F${r}>4`)));
    expect(out.map((o) => o.sqref.split(" ").length)).toEqual([MAX_AREAS, MAX_AREAS, 5]);
    expect(out.map((o) => o.formula)).toEqual([`F${rows[0]}>4`, `F${rows[MAX_AREAS]}>4`, `F${rows[2 * MAX_AREAS]}>4`]);
    expect(out[1].sqref.startsWith(`F${rows[MAX_AREAS]} `)).toBe(true);
  });

  it("joinAreas joins vertical neighbours of the same columns only", () => {
    const a = (r: string) => parseRange(r)!;
    expect(joinAreas([a("F5"), a("F3:F4"), a("G3"), a("F7"), a("F3:G3")])).toEqual([a("F3:F5"), a("F7"), a("F3:G3"), a("G3")]);
  });
});

describe("a part's text in pieces to UTF-8", () => {
  it("Node's Buffer writes the same bytes as TextEncoder (Han, astral, lone surrogates, empty pieces)", () => {
    const next = random(3);
    const alphabet = ["<c r=\"F3\">", "考核", "😀", "\ud83d", "\ude00", "", "&amp;", "é", "\u0000", "x".repeat(300)];
    for (let i = 0; i < 200; i++) {
      const pieces = Array.from({ length: Math.floor(next() * 40) }, () => alphabet[Math.floor(next() * alphabet.length)]);
      expect(Buffer.from(nodeEncodePieces(pieces)).equals(Buffer.from(encodePieces(pieces)))).toBe(true);
    }
  });
});
