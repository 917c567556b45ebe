/**
 * The .xlsx host: a WorkbookPort over a package held in memory, the same code in the CLI
 * (Node) and the preview (browser). Reading streams the parts into grids; apply() edits the
 * package (see write.ts); save() gives the bytes of the edited workbook.
 */
import { parseA1, type CellValue, type Grid } from "../../core/grid";
import { HostError, type CellRef, type WorkbookChanges, type WorkbookPort } from "../port";
import type { XlsxLimits } from "./limits";
import type { Deflate, InflateRaw } from "./zip";
import { XlsxPackage, type EncodePieces } from "./package";
import { readGrids, readWorkbookParts } from "./read";
import { SheetEditor } from "./sheet";
import { WorkbookEditor } from "./write";

export interface XlsxPortOptions {
  /** Called by selectCell (the preview scrolls its rendering to the cell). */
  onSelect?: (sheet: string, cell: string) => void;
  /** Raw deflate for the parts that changed (Node's zlib in the CLI); fflate's by default. */
  deflate?: Deflate;
  /** Raw inflate capped at a size (Node's zlib in the CLI); fflate's streaming inflate by default. */
  inflate?: InflateRaw;
  /** UTF-8 of a changed part's text in pieces (Node's Buffer in the CLI); TextEncoder by default. */
  encodePieces?: EncodePieces;
  /** CRC-32 of the parts that changed (Node's zlib.crc32 in the CLI); ours by default. */
  crc32?: (data: Uint8Array) => number;
  /** Keep the text of the sheets read, for a write-back to come (saves inflating them again). */
  forWriting?: boolean;
  /** Tighter (or looser) limits than DEFAULT_LIMITS. */
  limits?: Partial<XlsxLimits>;
}

export interface XlsxPort extends WorkbookPort {
  readonly host: "xlsx";
  readFills(cells: CellRef[]): Promise<Array<string | null>>;
  /**
   * Sets one cell's value (the preview's editing); text stays text, "" or null empties it. With
   * `results`, the saved results of formula cells recalculated for it are set in the same edit.
   */
  setCellValue(sheet: string, a1: string, value: CellValue, results?: Array<{ a1: string; value: CellValue }>): void;
  /** The workbook's bytes as they are now (unchanged parts byte for byte as in the file). */
  save(): Uint8Array;
  /** The formulas of a sheet as written, by "row,col" (0-based); shared and array formulas are left out. */
  formulasOf(sheet: string): Map<string, string>;
  /** The fills cells of a sheet show, by A1 (cells without a solid fill are left out). */
  fillsOf(sheet: string): Map<string, string>;
  /** The package (for tests and tools that compare parts). */
  readonly package: XlsxPackage;
}

/**
 * Opens .xlsx bytes; throws XlsxFormatError (not a workbook, unsafe XML) or XlsxLimitError
 * (beyond a limit), both KaoheErrors with a Chinese message.
 */
export function createXlsxPort(bytes: Uint8Array, options: XlsxPortOptions = {}): XlsxPort {
  const pkg = new XlsxPackage(bytes, options.limits, options.inflate);
  // The workbook, styles and shared strings are readable, or this throws now; kept until an edit.
  let cached: ReturnType<typeof readWorkbookParts> | null = readWorkbookParts(pkg);
  const parts = () => (cached ??= readWorkbookParts(pkg));

  /**
   * Sheets cut into rows while reading fills, handed to the next edit (a long sheet is cut up
   * once per write-back, not twice); dropped by every edit.
   */
  let editors = new Map<string, SheetEditor>();

  const edit = (fn: (ed: WorkbookEditor) => void) => {
    const restore = pkg.snapshot();
    const ready = editors;
    editors = new Map();
    try {
      const ed = new WorkbookEditor(pkg, ready);
      fn(ed);
      ed.commit();
      cached = null;
    } catch (e) {
      restore();
      cached = null;
      throw e;
    }
  };

  const fillAt = (cache: Map<string, SheetEditor>, parts: ReturnType<typeof readWorkbookParts>, ref: CellRef): string | null => {
    const info = parts.sheets.find((s) => s.name === ref.sheet && s.worksheet);
    if (!info) throw new HostError("sheet_missing", ref.sheet);
    const p = parseA1(ref.cell);
    if (!p) throw new HostError("bad_address", ref.cell);
    let ed = cache.get(info.path);
    if (!ed) cache.set(info.path, (ed = new SheetEditor(pkg.text(info.path))));
    const c = ed.cell(p.row, p.col, false);
    return parts.styles.fillOf(c ? ed.styleOf(c) : ed.defaultStyle(p.row, p.col));
  };

  return {
    host: "xlsx",
    package: pkg,
    async readSheets(): Promise<Grid[]> {
      return readGrids(pkg, parts(), options.forWriting);
    },
    async readFills(cells: CellRef[]) {
      return cells.map((ref) => fillAt(editors, parts(), ref));
    },
    fillsOf(sheet: string) {
      const styles = parts().styles;
      const info = parts().sheets.find((s) => s.name === sheet && s.worksheet);
      const out = new Map<string, string>();
      if (!info) return out;
      const fills = new Map<number, string | null>();
      pkg.sax(info.path, {
        open(tag) {
          if (tag.name !== "c" && !tag.name.endsWith(":c")) return;
          const s = Number(tag.attributes.s ?? 0) || 0;
          if (!s) return;
          let f = fills.get(s);
          if (f === undefined) fills.set(s, (f = styles.fillOf(s)));
          if (f && tag.attributes.r) out.set(tag.attributes.r, f);
        },
      });
      return out;
    },
    formulasOf(sheet: string) {
      const info = parts().sheets.find((s) => s.name === sheet && s.worksheet);
      const out = new Map<string, string>();
      if (!info) return out;
      let cell: { row: number; col: number } | null = null;
      let text: string | null = null;
      pkg.sax(info.path, {
        open(tag) {
          const local = tag.name.slice(tag.name.indexOf(":") + 1);
          if (local === "c") cell = tag.attributes.r ? parseA1(tag.attributes.r) : null;
          else if (local === "f" && cell && (!tag.attributes.t || tag.attributes.t === "normal")) text = "";
          else if (local === "f") text = null;
        },
        text(t) {
          if (text !== null) text += t;
        },
        close(name) {
          const local = name.slice(name.indexOf(":") + 1);
          if (local === "f" && cell && text) out.set(`${cell.row},${cell.col}`, text);
          if (local === "f") text = null;
          if (local === "c") cell = null;
        },
      });
      return out;
    },
    async apply(changes: WorkbookChanges) {
      edit((ed) => ed.apply(changes));
    },
    async selectCell(sheet: string, cell: string) {
      edit((ed) => ed.select(sheet, cell));
      options.onSelect?.(sheet, cell);
    },
    setCellValue(sheet: string, a1: string, value: CellValue, results: Array<{ a1: string; value: CellValue }> = []) {
      edit((ed) => {
        ed.setValue(sheet, a1, value);
        for (const r of results) ed.setResult(sheet, r.a1, r.value);
      });
    },
    save() {
      return pkg.save(options.deflate, options.crc32, options.encodePieces);
    },
  };
}
