/**
 * What a cell holds beyond its value: the plan writes only into cells that hold nothing at all.
 * A cell is free only if it holds no value (not even a space), no formula (whatever its result:
 * "", 0 and FALSE included), lies in no merged range and carries no note.
 */
import { MergeIndex, hasFormula, parseA1, type Grid } from "../core/grid";

/** Why a cell is not free, in the order checked. */
export type Occupant = "merge" | "formula" | "note" | "value";

export class Occupancy {
  private readonly merges: MergeIndex;
  private readonly noted = new Set<string>();

  constructor(readonly grid: Grid) {
    this.merges = new MergeIndex(grid);
    for (const a1 of Object.keys(grid.notes ?? {})) {
      const p = parseA1(a1);
      if (p) this.noted.add(`${p.row}:${p.col}`);
    }
  }

  /** What makes (row, col) occupied, or null when it is free. */
  occupant(row: number, col: number): Occupant | null {
    if (this.merges.mergeAt(row, col)) return "merge";
    if (hasFormula(this.grid, row, col)) return "formula";
    if (this.noted.has(`${row}:${col}`)) return "note";
    const v = this.grid.cells[row]?.[col];
    if (v !== null && v !== undefined && v !== "") return "value";
    return null;
  }

  isFree(row: number, col: number): boolean {
    return this.occupant(row, col) === null;
  }
}
