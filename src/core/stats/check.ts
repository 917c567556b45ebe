/**
 * Checking a statistics table: each value against its kind, then each declared identity. The
 * identities come with the table (declared per format in format2017.ts / format2021.ts); nothing
 * here knows a row by name.
 *
 * Blanks: a blank value is reported once (stat_blank, info) and counts as 0 in the identities,
 * as the 填报说明 asks units to write 0. A sum is checked once its whole or a member is filled
 * ("parts" sums: once a part is filled); a "part ≤ whole" once the whole is filled. An identity
 * with a member the sheet lacks, or holding text that is not a number, is not checked.
 */
import { parseA1 } from "../grid";
import type { Finding, FindingOf } from "../findings";
import { readValue, type Reading } from "./text";
import type { Identity, PartIdentity, StatKind, StatRow, StatisticsTable, SumIdentity } from "./types";

const EPSILON = 1e-6;

type ValueCheck = (row: StatRow, reading: Reading) => Finding | null;

const base = (row: StatRow, sheet: string) => ({ sheet, cell: row.cell, label: row.name });

function notNumber(row: StatRow, sheet: string): Finding {
  return { code: "stat_not_number", ...base(row, sheet), entered: row.value };
}

/** What each kind of value cell accepts (blanks are handled apart, line by line). */
const VALUE_CHECKS: Record<StatKind, (sheet: string) => ValueCheck> = {
  count: (sheet) => (row, r) => {
    if (r.kind !== "number") return notNumber(row, sheet);
    const whole = Math.abs(r.value - Math.round(r.value)) < EPSILON && r.value >= 0;
    return whole ? null : { code: "stat_not_integer", ...base(row, sheet), value: r.value, unit: row.unit || "件" };
  },
  money: (sheet) => (row, r) => {
    if (r.kind !== "number") return notNumber(row, sheet);
    const cents = r.value * 100;
    return Math.abs(cents - Math.round(cents)) < EPSILON ? null : { code: "stat_decimals", ...base(row, sheet), value: r.value };
  },
  yesno: (sheet) => (row, r) => (r.kind === "yesno" ? null : { code: "stat_not_yes_no", ...base(row, sheet), entered: row.value }),
  text: () => () => null,
  heading: () => () => null,
};

const checked = (row: StatRow) => row.cell !== null && row.kind !== "text" && row.kind !== "heading";

/** Blank cells, one finding per line of a matrix (naming its blank columns), one per row otherwise. */
function blankFindings(rows: StatRow[], sheet: string): Finding[] {
  const out: Finding[] = [];
  let i = 0;
  while (i < rows.length) {
    const row = rows[i];
    let j = i + 1;
    while (row.line !== undefined && j < rows.length && rows[j].line === row.line) j++;
    const line = rows.slice(i, j);
    const blanks = line.filter((r) => checked(r) && readValue(r.value).kind === "blank");
    if (blanks.length) {
      const label =
        row.line === undefined ? blanks[0].name
        : blanks.length === line.length ? row.line
        : `${row.line}·${blanks.map((r) => r.column).join("、")}`;
      out.push({ code: "stat_blank", sheet, cell: blanks[0].cell, label, ...(blanks[0].kind === "yesno" ? { yesNo: true } : {}) });
    }
    i = j;
  }
  return out;
}

type Resolved =
  | { state: "missing" }
  | { state: "unreadable" }
  | { state: "ok"; value: number; filled: boolean; cell: string; name: string; real: boolean };

/** Looks keys up in a table: a row of its own, else a derived key summing others. */
export function resolver(table: StatisticsTable): (key: string) => Resolved {
  const rows = new Map<string, StatRow>();
  for (const r of table.rows) if (r.key !== null && r.cell !== null && !rows.has(r.key)) rows.set(r.key, r);
  // A row the form does not know, counted in a sum by its cell (see withSiblings in detect2017.ts).
  for (const r of table.rows) if (r.key === null && r.cell !== null) rows.set(`@${r.cell}`, r);
  const derived = new Map(table.derived.map((d) => [d.key, d]));
  const resolve = (key: string, depth: number): Resolved => {
    const row = rows.get(key);
    if (row?.cell) {
      const r = readValue(row.value);
      if (r.kind === "number") return { state: "ok", value: r.value, filled: true, cell: row.cell, name: row.name, real: true };
      if (r.kind === "blank") return { state: "ok", value: 0, filled: false, cell: row.cell, name: row.name, real: true };
      return { state: "unreadable" };
    }
    const d = derived.get(key);
    if (!d || depth > 4) return { state: "missing" };
    const parts = d.sumOf.map((k) => resolve(k, depth + 1));
    let value = 0;
    let filled = false;
    let cell: string | null = null;
    for (const p of parts) {
      if (p.state !== "ok") return p;
      value += p.value;
      filled ||= p.filled;
      cell ??= p.cell;
    }
    return cell === null ? { state: "missing" } : { state: "ok", value, filled, cell, name: d.name, real: false };
  };
  return (key) => resolve(key, 0);
}

type Ok = Extract<Resolved, { state: "ok" }>;

function allOk(list: Resolved[]): list is Ok[] {
  return list.every((r) => r.state === "ok");
}

function checkSum(id: SumIdentity, resolve: (k: string) => Resolved, sheet: string): FindingOf<"stat_sum_mismatch"> | null {
  const whole = resolve(id.whole);
  const parts = id.parts.map(resolve);
  const minus = (id.minus ?? []).map(resolve);
  if (whole.state !== "ok" || !whole.real || !allOk(parts) || !allOk(minus)) return null;
  const active = id.when === "parts" ? parts.some((p) => p.filled) : [whole, ...parts, ...minus].some((p) => p.filled);
  const total = parts.reduce((s, p) => s + p.value, 0) - minus.reduce((s, p) => s + p.value, 0);
  if (!active || Math.abs(total - whole.value) < EPSILON) return null;
  return {
    code: "stat_sum_mismatch",
    sheet,
    cell: whole.cell,
    label: whole.name,
    value: whole.value,
    sum: total,
    parts: id.names ?? parts.map((p) => p.name),
    ...(minus.length ? { minus: id.minusNames ?? minus.map((p) => p.name) } : {}),
    ...(whole.filled ? {} : { blank: true }),
  };
}

function checkPart(id: PartIdentity, resolve: (k: string) => Resolved, sheet: string): FindingOf<"stat_part_exceeds_whole"> | null {
  const part = resolve(id.part);
  const whole = resolve(id.whole);
  if (part.state !== "ok" || whole.state !== "ok" || !whole.filled || part.value <= whole.value + EPSILON) return null;
  return { code: "stat_part_exceeds_whole", sheet, cell: part.cell, label: part.name, value: part.value, whole: whole.name, wholeCell: whole.cell, wholeValue: whole.value };
}

const IDENTITY_CHECKS: { [K in Identity["kind"]]: (id: Extract<Identity, { kind: K }>, resolve: (k: string) => Resolved, sheet: string) => Finding | null } = {
  sum: checkSum,
  part: checkPart,
};

/** Sheet order: by row, then column; findings without a cell last. */
function position(f: Finding): number {
  const p = f.cell ? parseA1(f.cell) : null;
  return p ? p.row * 16384 + p.col : Number.MAX_SAFE_INTEGER;
}

export function checkTable(table: StatisticsTable): Finding[] {
  const sheet = table.sheet;
  const values = table.rows.flatMap((row) => {
    const reading = readValue(row.value);
    if (!checked(row) || reading.kind === "blank") return [];
    return [VALUE_CHECKS[row.kind](sheet)(row, reading)].filter((f): f is Finding => f !== null);
  });
  const resolve = resolver(table);
  const identities = table.identities
    .map((id) => (IDENTITY_CHECKS[id.kind] as (id: Identity, r: typeof resolve, s: string) => Finding | null)(id, resolve, sheet))
    .filter((f): f is Finding => f !== null);
  return [...values, ...blankFindings(table.rows, sheet), ...identities]
    .map((f, i) => ({ f, i }))
    .sort((a, b) => position(a.f) - position(b.f) || a.i - b.i)
    .map((x) => x.f);
}
