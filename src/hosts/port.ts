/**
 * WorkbookPort: the one interface every host (Excel, WPS, exceljs) implements. The engine never
 * sees a host; front ends receive a port and hand its grids to the engine.
 */
import type { CellValue, Grid } from "../core/grid";

export type HostKind = "excel" | "wps" | "xlsx";

/** A block of values written from `address` (its top-left cell, A1) right and down. */
export interface RangeWrite {
  sheet: string;
  address: string;
  values: CellValue[][];
}

/** A cell marked by the add-in: fill colour and a note (or comment) holding the message. */
export interface Mark {
  sheet: string;
  cell: string;
  /** "#RRGGBB". */
  color: string;
  note: string;
}

export interface CellRef {
  sheet: string;
  cell: string;
}

/** A whole sheet the add-in owns (核算结果): created, or emptied and refilled when it exists. */
export interface SheetWrite {
  name: string;
  rows: CellValue[][];
  /** Column widths in characters, optional. */
  widths?: number[];
}

/** Everything one write-back changes, applied by a host in one batch. */
export interface WorkbookChanges {
  /** Marks left by an earlier run, to clear (fill removed, the add-in's note removed). */
  clearMarks: CellRef[];
  values: RangeWrite[];
  marks: Mark[];
  sheets: SheetWrite[];
}

export interface WorkbookPort {
  readonly host: HostKind;
  /** Reads every worksheet as a grid (values and merged areas), in workbook order. */
  readSheets(): Promise<Grid[]>;
  /** Applies a write-back in as few host round trips as the host allows. */
  apply(changes: WorkbookChanges): Promise<void>;
  /** Activates the sheet and selects the cell, so the user sees what a finding points at. */
  selectCell(sheet: string, cell: string): Promise<void>;
}

/** Misuse of a port (a sheet that is not there, a bad address): a named error, not a finding. */
export class HostError extends Error {
  constructor(
    readonly reason: "sheet_missing" | "bad_address" | "host_unavailable" | "host_failed",
    detail: string,
  ) {
    super(
      {
        sheet_missing: `找不到工作表“${detail}”`,
        bad_address: `无法识别的单元格地址“${detail}”`,
        host_unavailable: `无法连接表格程序:${detail}`,
        host_failed: `表格程序报告错误:${detail}`,
      }[reason],
    );
    this.name = "HostError";
  }
}
