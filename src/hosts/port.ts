/**
 * WorkbookPort: the one interface every host (Excel, WPS, the .xlsx package) implements. The
 * engine never sees a host; front ends receive a port and hand its grids to the engine.
 *
 * Host obligations, whatever the plan says (the plan is careful too; hosts are the last guard):
 * - a string value lands as TEXT, even when it starts with = + - @ (never a live formula);
 *   only `RangeWrite.formulas` become formulas;
 * - a user's note (not starting with NOTE_PREFIX) is never replaced or removed;
 * - a fill is cleared/restored only where the cell still shows one of our mark colours;
 * - a data validation is written only where the cell has none or one of ours (input title
 *   VALIDATION_TITLE), and only ours are removed; conditional formats the same (ours are the ones
 *   whose fill is LIVE_MARK_COLOR and whose range the plan lists);
 * - a SheetWrite replaces a sheet only when its A1 starts with SHEET_MARKER (or the sheet is
 *   MAPPING_SHEET); otherwise the host refuses with HostError("host_failed").
 */
import type { CellValue, Grid } from "../core/grid";

export type HostKind = "excel" | "wps" | "xlsx";

/** Format of written cells, copied from a cell of the user's on the same sheet. */
export interface FormatSource {
  /**
   * For each written row, the cell in this column (letters, "F") on the same row gives the
   * format: borders, font, fill, alignment, number format. The host copies formats, never values.
   */
  column: string;
}

/** A block of values written from `address` (its top-left cell, A1) right and down. */
export interface RangeWrite {
  sheet: string;
  address: string;
  /** Values; strings are written as text. With `formulas`, the value is the formula's cached result. */
  values: CellValue[][];
  /** Same shape as `values`: a formula ("=SUM(G3:G9)") for the cell, or null to write the value. */
  formulas?: Array<Array<string | null>>;
  /** Copy the look of the user's table onto the written cells. */
  formatFrom?: FormatSource;
  /** Column width in characters for the written column(s). */
  columnWidth?: number;
  /** When the sheet has a print area, extend it to take in the written cells (print titles unchanged). */
  extendPrintArea?: boolean;
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

/** A mark of an earlier run to clear: our note removed, the fill restored to what the user had. */
export interface ClearMark extends CellRef {
  /**
   * The user's fill before we marked the cell ("#RRGGBB"), null for no fill; absent when the
   * earlier run recorded nothing (a 核算结果 sheet of an older version): then our fill is cleared.
   */
  restoreFill?: string | null;
}

/** A data validation on entry cells (warning style: the clerk may still type). */
export interface Validation {
  sheet: string;
  /** A1 range ("F3" or "F3:F9"). */
  range: string;
  rule: { kind: "decimal"; min: number; max: number } | { kind: "list"; items: string[] };
  /** Input message shown when the cell is selected; the host cuts it to its limit (Excel: 255). */
  prompt: string;
  /** Message of the warning when a value is out of bounds. */
  error: string;
}

/** A conditional format: cells of `range` where `formula` (relative to the top-left cell) is true get `color`. */
export interface ConditionalMark {
  sheet: string;
  range: string;
  /** An Excel formula without "=" relative to the range's top-left cell, e.g. `AND(ISNUMBER(F3),OR(F3<0,F3>6))`. */
  formula: string;
  /** "#RRGGBB" fill. */
  color: string;
}

/** A whole sheet the add-in owns (核算结果, the mapping sheet): created, or emptied and refilled. */
export interface SheetWrite {
  name: string;
  rows: CellValue[][];
  /** Column widths in characters, optional. */
  widths?: number[];
  /** Number formats, same shape as rows ("0.0%", "0.##"); null or absent keeps General. */
  formats?: Array<Array<string | null>>;
  /** Rows (0-based) shown bold: titles and table headers. */
  boldRows?: number[];
  /** Wrap text in every cell. */
  wrap?: boolean;
  /** Rows (0-based) that are one line of text (a title, a note): not wrapped even with `wrap`, they run over the empty cells to their right. */
  lineRows?: number[];
  /** Printing: landscape A4, fitted to one page wide; rows (0-based, inclusive) repeated on every page. */
  print?: { landscape: boolean; fitToWidth: boolean; titleRows?: [number, number] };
  /** Hidden from the user (the mapping sheet). */
  hidden?: boolean;
}

/** Everything one write-back changes, applied by a host in one batch. */
export interface WorkbookChanges {
  /** Marks left by an earlier run, to clear (our note removed, the user's fill restored). */
  clearMarks: ClearMark[];
  values: RangeWrite[];
  marks: Mark[];
  sheets: SheetWrite[];
  /** Validations of an earlier run to remove (only ours are removed). */
  clearValidations?: Array<{ sheet: string; range: string }>;
  validations?: Validation[];
  /** Conditional formats of an earlier run to remove (only ours are removed). */
  clearConditional?: Array<{ sheet: string; range: string }>;
  conditional?: ConditionalMark[];
}

export interface WorkbookPort {
  readonly host: HostKind;
  /** Reads every worksheet as a grid (values, formulas' presence, merged areas, notes), in workbook order. */
  readSheets(): Promise<Grid[]>;
  /** The solid fill of each cell ("#RRGGBB", null for none), so a mark can record what it covers. */
  readFills?(cells: CellRef[]): Promise<Array<string | null>>;
  /** Applies a write-back in as few host round trips as the host allows. */
  apply(changes: WorkbookChanges): Promise<void>;
  /** Activates the sheet and selects the cell, so the user sees what a finding points at. */
  selectCell(sheet: string, cell: string): Promise<void>;
  /**
   * Calls `onChange` when the user changes cells (Excel `worksheet.onChanged`, WPS `SheetChange`,
   * the preview's editing). Returns the function that stops listening. Absent where the host has
   * no change events (the CLI).
   */
  subscribe?(onChange: (change: { sheet: string; address: string }) => void): Promise<() => void>;
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
