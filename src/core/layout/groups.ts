/**
 * Groups of a table: categories (merged or carried-down category cells), sections (heading rows),
 * blocks under a shared title, and rows numbered as parents of the rows below them.
 */
import { compact, parseA1, toA1, valueAt, textOf, type Grid } from "../grid";
import { parseHeading, parseMaxCell } from "../rules/parse";
import { BONUS_NAME, DEDUCT_NAME } from "../words/rows";
import { numberingOf } from "../words/numbering";
import type { ColumnMap } from "./columns";
import { closeBracket } from "./repairs";
import type { ShownRow } from "./rows";
import type { Group, GroupKind, ItemRow, ScoreTable } from "./types";

export function groupKind(name: string): GroupKind {
  const bonus = BONUS_NAME.test(name);
  const deduct = DEDUCT_NAME.test(name);
  if (bonus && deduct) return "both";
  if (bonus) return "bonus";
  if (deduct) return "deduct";
  return "normal";
}

/**
 * The group a heading names under `parent`, made on first sight. A bonus heading's points are a
 * cap on its bonuses ("三、加分项(5分)"), not a maximum to check.
 */
export function ensureGroup(
  table: ScoreTable,
  parent: string | null,
  text: string,
  level: number,
  cell: string,
  declared: { points: number; cell: string } | null = null,
  marker = "",
): Group {
  const h = parseHeading(closeBracket(text));
  const key = (parent ? parent + "/" : "") + marker + compact(h.name);
  let g = table.groups.get(key);
  if (!g) {
    const kind = groupKind(h.name);
    const points = declared?.points ?? h.points;
    const at = declared?.cell ?? cell;
    // A bonus or deduction heading's points cap its adjustments; they are no maximum to check.
    const adjusting = kind === "bonus" || kind === "deduct";
    g = { key, name: h.name, level, declared: adjusting ? null : points, cell: at, kind, bonusCaps: [], deductCaps: [] };
    const cap = adjusting ? (h.cap ?? points) : null;
    if (cap !== null) (kind === "bonus" ? g.bonusCaps : g.deductCaps).push({ cap, cell, text });
    table.groups.set(key, g);
  }
  return g;
}

/** Groups met while walking the rows: each name under each parent is read once. */
export class GroupMaker {
  private readonly seen = new Map<string, Group>();
  constructor(private readonly table: ScoreTable) {}

  add(name: string, level: number, cell: string, parent: string | null, declared: { points: number; cell: string } | null = null): Group {
    const memo = `${parent ?? ""}\u0000${name}`;
    const known = this.seen.get(memo);
    if (known) return known;
    const g = ensureGroup(this.table, parent, name, level, cell, declared);
    this.seen.set(memo, g);
    return g;
  }
}

export interface RowCategories {
  categories: ItemRow["categories"];
  /** Group keys, outermost first (the section's, then each category level's). */
  keys: string[];
}

/**
 * The category cells of each row, carried down from merged or blank cells, and their groups.
 * Rows of one merged category repeat the previous row's answer: shared, not rebuilt.
 */
export class Categories {
  private readonly carried: Array<string | null>;
  private readonly carriedCells: string[];
  private readonly carriedAt: number[];
  private previous: (RowCategories & { section: Group | null }) | null = null;

  constructor(
    private readonly grid: Grid,
    private readonly columns: ColumnMap,
    private readonly groups: GroupMaker,
  ) {
    this.carried = columns.category.map(() => null);
    this.carriedCells = columns.category.map(() => "");
    this.carriedAt = columns.category.map(() => -1);
  }

  /** A new section or a 合计 starts: no category is carried over it. */
  reset(): void {
    this.carried.fill(null);
  }

  /** The categories of `row` under `section`. */
  of(row: ShownRow, section: Group | null): RowCategories {
    const { carried, carriedAt, carriedCells, columns } = this;
    let changed = this.previous === null || this.previous.section !== section;
    columns.category.forEach((c, i) => {
      const t = textOf(row.cells[c]);
      if (!t) return;
      const m = row.areas[c];
      const top = m ? m.top : row.r;
      const left = m ? m.left : c;
      if (t === carried[i] && carriedAt[i] === top * 65536 + left) return;
      carried[i] = t;
      carriedAt[i] = top * 65536 + left;
      carriedCells[i] = toA1(top, left);
      changed = true;
    });
    if (!changed) return this.previous!;
    const categories: RowCategories["categories"] = [];
    columns.category.forEach((_, i) => carried[i] && categories.push({ text: carried[i]!, cell: carriedCells[i] }));
    let parent: string | null = section ? section.key : null;
    const keys: string[] = section ? [section.key] : [];
    categories.forEach((cat, level) => {
      const g = this.groups.add(cat.text, level + (section ? 1 : 0), cat.cell, parent, this.levelPoints(columns.category[level], cat.cell));
      keys.push(g.key);
      parent = g.key;
    });
    this.previous = { categories, keys, section };
    return this.previous;
  }

  /** The points in a level's own 分值 column, on the row where the level's cell starts. */
  private levelPoints(categoryCol: number, cell: string): { points: number; cell: string } | null {
    const col = this.columns.levelMax.get(categoryCol);
    const at = col === undefined ? null : parseA1(cell);
    if (col === undefined || !at) return null;
    const mc = parseMaxCell(valueAt(this.grid, at.row, col));
    return mc.kind === "scored" ? { points: mc.max, cell: toA1(at.row, col) } : null;
  }
}

/**
 * Rows numbered as parents of the rows below them ("1 组织保障 20" over "1.1", "1.2"; "一、…"
 * with no criterion and no score over "1", "2"): each is a group with its declared points, not
 * an item. Its rows are those below it until a number as shallow as its own. Returns the rows
 * taken as headings.
 */
export function numberedHeadings(table: ScoreTable, rows: ItemRow[]): Set<number> {
  const consumed = new Set<number>();
  const { columns } = table;
  const depths = rows.map((r) => (r.id ? numberingOf(r.id) : null));
  for (let i = 0; i + 1 < rows.length; i++) {
    const r = rows[i];
    const a = depths[i];
    const b = depths[i + 1];
    if (!a || !b || b.depth <= a.depth) continue;
    const parentOf = b.path.startsWith(a.path + ".");
    if (!parentOf && (r.methodText || r.scoreFilled)) continue;
    consumed.add(r.row);
    const groups = r.groups;
    const mc = parseMaxCell(r.maxValue);
    const declared = mc.kind === "scored" && columns.max !== null ? { points: mc.max, cell: toA1(r.row, columns.max) } : null;
    const cell = toA1(r.row, columns.title ?? columns.first);
    const g = ensureGroup(table, groups.at(-1) ?? null, r.titleText || r.id!, groups.length, cell, declared, "§");
    for (let j = i + 1; j < rows.length; j++) {
      const d = depths[j];
      if (d && d.depth <= a.depth) break;
      rows[j].groups = [...rows[j].groups, g.key];
    }
  }
  return consumed;
}
