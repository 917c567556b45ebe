/**
 * Writing a write-back through the WPS ET object model. Everything that can be checked is checked
 * before the first write (addresses, colours, sheets, whose sheet a 核算结果 is), so a refused
 * plan changes nothing; screen updating is off while writing and restored in all cases.
 */
import { columnLetters, parseA1, parseRange, rangeA1, toA1, type CellValue, type Merge } from "../../core/grid";
import { LIVE_MARK_COLOR, MAPPING_SHEET, MARK_COLORS, MAX_NOTE_TEXT, SHEET_MARKER, VALIDATION_TITLE } from "../../footprint";
import { HostError, type ConditionalMark, type Mark, type RangeWrite, type SheetWrite, type Validation, type WorkbookChanges } from "../port";
import { capCellText, isOurNote, needsTextFormat, normalizeColor, noteText, TEXT_FORMAT } from "../safe-text";
import { addressOf, attempt, clearFill, fillOf, guard, item, prop, toBgr, XL, type Wx } from "./model";

const OUR_FILLS = new Set(Object.values(MARK_COLORS).map((c) => c.toUpperCase()));
/** The input message and error text limits of a validation (as Excel's). */
const PROMPT_LIMIT = 255;
const TITLE_LIMIT = 32;

const cut = (s: string, n: number) => (s.length <= n ? s : s.slice(0, n - 1) + "…");

/** The comment text of a cell, null when it has none (a build without Comment.Text counts as the user's). */
export function commentOf(range: Wx): string | null {
  const comment = prop(range, "Comment");
  if (comment === null || comment === undefined) return null;
  return attempt(() => String(prop(comment, "Text") ?? "")) ?? "";
}

/** A block written from `address`, padded to a rectangle. */
interface Block {
  top: number;
  left: number;
  values: CellValue[][];
  rows: number;
  cols: number;
}

function blockOf(address: string, values: CellValue[][]): Block | null {
  const at = parseA1(address);
  if (!at) throw new HostError("bad_address", address);
  const cols = values.reduce((n, row) => Math.max(n, row.length), 0);
  if (!values.length || !cols) return null;
  return { top: at.row, left: at.col, rows: values.length, cols, values: values.map((r) => Array.from({ length: cols }, (_, c) => r[c] ?? null)) };
}

const areaA1 = (b: { top: number; left: number; rows: number; cols: number }) =>
  rangeA1({ top: b.top, left: b.left, bottom: b.top + b.rows - 1, right: b.left + b.cols - 1 });

/** What ET takes for one cell: null empties it; long texts are cut. */
const etValue = (v: CellValue) => (v === null ? null : capCellText(v));

/**
 * Writes a block of values (and formulas) so that every string lands as text: cells whose text
 * a host would read as a formula, number, boolean or date get the text format first.
 */
function writeCells(ws: Wx, b: Block, formulas?: Array<Array<string | null>>): void {
  const hasFormula = (r: number, c: number) => {
    const f = formulas?.[r]?.[c];
    return typeof f === "string" && f.startsWith("=");
  };
  for (let r = 0; r < b.rows; r++)
    for (let c = 0; c < b.cols; c++)
      if (!hasFormula(r, c) && needsTextFormat(b.values[r][c])) ws.Range(toA1(b.top + r, b.left + c)).NumberFormat = TEXT_FORMAT;
  const range = ws.Range(areaA1(b));
  const single = b.rows === 1 && b.cols === 1;
  if (formulas && b.values.some((row, r) => row.some((_, c) => hasFormula(r, c)))) {
    const m = b.values.map((row, r) => row.map((v, c) => (hasFormula(r, c) ? formulas[r][c] : v === null ? "" : etValue(v))));
    range.Formula = single ? m[0][0] : m;
  } else {
    const m = b.values.map((row) => row.map(etValue));
    range.Value2 = single ? m[0][0] : m;
  }
}

/** Format properties copied from a cell of the user's: read on the whole source block, per cell where they differ. */
const FORMAT_PROPS: Array<[string[], string]> = [
  [[], "NumberFormat"],
  [[], "HorizontalAlignment"],
  [[], "VerticalAlignment"],
  [[], "WrapText"],
  [["Font"], "Name"],
  [["Font"], "Size"],
  [["Font"], "Bold"],
  [["Font"], "Color"],
];
/** xlEdgeLeft, xlEdgeTop, xlEdgeBottom, xlEdgeRight, xlInsideHorizontal. */
const BORDERS = [7, 8, 9, 10, 12];

function owner(range: Wx, path: string[]): Wx {
  return path.reduce((o, p) => prop(o, p), range);
}

/** Copies the look of `src` (one column) onto `dst` (same rows), property by property: the clipboard stays the user's. */
function copyFormat(src: Wx, dst: Wx, srcCell: (r: number) => Wx, dstCell: (r: number) => Wx, rows: number, userFill: (r: number) => string | null): void {
  for (const [path, p] of FORMAT_PROPS) {
    const v = attempt(() => prop(owner(src, path), p));
    if (v === undefined) continue;
    if (v !== null) attempt(() => (owner(dst, path)[p] = v));
    else
      for (let r = 0; r < rows; r++) {
        const one = attempt(() => prop(owner(srcCell(r), path), p));
        if (one !== undefined && one !== null) attempt(() => (owner(dstCell(r), path)[p] = one));
      }
  }
  // Fill: the user's fill of the source cell. A source cell showing one of our mark colours shows
  // the user's fill recorded by the plan (restoreFill), or none: our marks are not the table's look.
  for (let r = 0; r < rows; r++) {
    let fill = attempt(() => fillOf(srcCell(r))) ?? null;
    if (fill && OUR_FILLS.has(fill)) fill = userFill(r);
    if (fill) attempt(() => (prop(dstCell(r), "Interior").Color = toBgr(fill!)));
    else {
      const shown = attempt(() => fillOf(dstCell(r)));
      if (shown && OUR_FILLS.has(shown)) attempt(() => clearFill(dstCell(r)));
    }
  }
  for (const index of BORDERS) {
    const from = attempt(() => item(prop(src, "Borders"), index));
    const to = attempt(() => item(prop(dst, "Borders"), index));
    if (!from || !to) continue;
    for (const p of ["LineStyle", "Weight", "Color"]) {
      const v = attempt(() => prop(from, p));
      if (v !== undefined && v !== null) attempt(() => (to[p] = v));
    }
  }
}

/** The validation of one cell: none, ours (input title VALIDATION_TITLE) or the user's. */
function validationState(cell: Wx): "none" | "ours" | "user" {
  const v = attempt(() => prop(cell, "Validation"));
  if (!v) return "none";
  // Reading Type of a cell without validation throws in ET, as in Excel.
  const type = attempt(() => prop(v, "Type"));
  if (type === undefined || type === null) return "none";
  return attempt(() => prop(v, "InputTitle")) === VALIDATION_TITLE ? "ours" : "user";
}

function cellsOf(range: string): string[] {
  const m = parseRange(range) as Merge;
  const out: string[] = [];
  for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) out.push(toA1(r, c));
  return out;
}

function addValidation(ws: Wx, address: string, val: Validation): void {
  const v = prop(ws.Range(address), "Validation");
  attempt(() => v.Delete());
  if (val.rule.kind === "decimal") v.Add(XL.validateDecimal, XL.alertWarning, XL.between, String(val.rule.min), String(val.rule.max));
  else v.Add(XL.validateList, XL.alertWarning, XL.between, val.rule.items.join(","));
  v.InputTitle = cut(VALIDATION_TITLE, TITLE_LIMIT);
  v.InputMessage = cut(val.prompt, PROMPT_LIMIT);
  v.ErrorTitle = cut(VALIDATION_TITLE, TITLE_LIMIT);
  v.ErrorMessage = cut(val.error, PROMPT_LIMIT);
  attempt(() => (v.ShowInput = true));
  attempt(() => (v.ShowError = true));
}

/** Our conditional formats on exactly `range`: expression type, our fill. */
function removeOurConditional(ws: Wx, range: string): void {
  const want = rangeA1(parseRange(range) as Merge);
  const fcs = prop(ws.Range(range), "FormatConditions");
  const live = toBgr(LIVE_MARK_COLOR);
  for (let i = Number(prop(fcs, "Count")); i >= 1; i--) {
    const fc = item(fcs, i);
    if (attempt(() => prop(fc, "Type")) !== XL.expression) continue;
    if (attempt(() => prop(prop(fc, "Interior"), "Color")) !== live) continue;
    const applies = attempt(() => addressOf(prop(fc, "AppliesTo")));
    if (applies !== undefined && rangeA1(parseRange(applies) ?? { top: -1, left: -1, bottom: -1, right: -1 }) !== want) continue;
    fc.Delete();
  }
}

function addConditional(ws: Wx, c: ConditionalMark): void {
  const fcs = prop(ws.Range(c.range), "FormatConditions");
  const fc = fcs.Add(XL.expression, undefined, c.formula.startsWith("=") ? c.formula : `=${c.formula}`);
  prop(fc, "Interior").Color = toBgr(c.color);
}

export interface WriteContext {
  /** The sheet by name (throws sheet_missing). */
  sheet(name: string): Wx;
  /** The sheet by name, or null. */
  find(name: string): Wx | null;
  /** Adds a sheet after the last one. */
  add(name: string): Wx;
}

/** Applies a write-back; `ctx` resolves sheets of the workbook the grids were read from. */
export function applyChanges(ctx: WriteContext, changes: WorkbookChanges): void {
  // Checks first: nothing is written when any fails.
  for (const r of [...changes.clearMarks, ...changes.marks]) if (!parseRange(r.cell)) throw new HostError("bad_address", r.cell);
  for (const m of changes.marks) toBgr(m.color);
  for (const r of [...(changes.validations ?? []), ...(changes.clearValidations ?? []), ...(changes.conditional ?? []), ...(changes.clearConditional ?? [])])
    if (!parseRange(r.range)) throw new HostError("bad_address", r.range);
  const blocks = changes.values.map((w) => ({ w, b: blockOf(w.address, w.values) }));
  const created = new Set(changes.sheets.map((s) => s.name));
  const refs = [...changes.clearMarks, ...changes.values, ...changes.marks, ...(changes.validations ?? []), ...(changes.clearValidations ?? []), ...(changes.conditional ?? []), ...(changes.clearConditional ?? [])];
  for (const r of refs) if (!created.has(r.sheet)) guard(`打开工作表“${r.sheet}”`, () => ctx.sheet(r.sheet));
  // The last guard of forms: never a value into a merged area (a signature line, a merged note).
  for (const { w, b } of blocks) {
    if (!b || created.has(w.sheet)) continue;
    const merged = guard(`读取“${w.sheet}”${areaA1(b)}`, () => prop(ctx.sheet(w.sheet).Range(areaA1(b)), "MergeCells"));
    if (merged !== false) throw new HostError("host_failed", `工作表“${w.sheet}”的 ${areaA1(b)} 中有合并单元格(如签字栏),考核计分助手不会写入其中。本次未做任何修改。`);
  }
  for (const s of changes.sheets) {
    const ws = guard(`打开工作表“${s.name}”`, () => ctx.find(s.name));
    if (!ws) continue;
    const a1 = String(guard(`读取工作表“${s.name}”`, () => prop(ws.Range("A1"), "Value2")) ?? "");
    if (s.name !== MAPPING_SHEET && !a1.startsWith(SHEET_MARKER))
      throw new HostError("host_failed", `工作簿中已有名为“${s.name}”的工作表,但不是考核计分助手生成的,不会覆盖它。请改名后重试。`);
  }

  const marked = new Set(changes.marks.map((m) => `${m.sheet}!${m.cell}`));
  for (const c of changes.clearMarks)
    guard(`清除“${c.sheet}”${c.cell} 的标记`, () => {
      const range = ctx.sheet(c.sheet).Range(c.cell);
      if (marked.has(`${c.sheet}!${c.cell}`)) return;
      const shown = fillOf(range);
      if (shown && OUR_FILLS.has(shown)) {
        const restore = c.restoreFill ? normalizeColor(c.restoreFill) : null;
        if (restore) prop(range, "Interior").Color = toBgr(restore);
        else clearFill(range);
      }
      if (isOurNote(commentOf(range))) range.ClearComments();
    });
  // The fill the user had under each of our marks, as the plan recorded it.
  const userFills = new Map(changes.clearMarks.map((c) => [`${c.sheet}!${c.cell}`, c.restoreFill ? normalizeColor(c.restoreFill) : null]));
  for (const { w, b } of blocks) if (b) guard(`写入“${w.sheet}”${areaA1(b)}`, () => writeBlock(ctx.sheet(w.sheet), w, b, userFills));
  for (const m of changes.marks) guard(`标记“${m.sheet}”${m.cell}`, () => putMark(ctx.sheet(m.sheet), m));
  for (const c of changes.clearValidations ?? [])
    guard(`清除“${c.sheet}”${c.range} 的数据有效性`, () => {
      const ws = ctx.sheet(c.sheet);
      for (const a1 of cellsOf(c.range)) if (validationState(ws.Range(a1)) === "ours") prop(ws.Range(a1), "Validation").Delete();
    });
  for (const v of changes.validations ?? [])
    guard(`设置“${v.sheet}”${v.range} 的数据有效性`, () => {
      const ws = ctx.sheet(v.sheet);
      const cells = cellsOf(v.range);
      const states = cells.map((a1) => validationState(ws.Range(a1)));
      if (states.every((s) => s !== "user")) addValidation(ws, v.range, v);
      else cells.forEach((a1, i) => states[i] !== "user" && addValidation(ws, a1, v));
    });
  for (const c of changes.clearConditional ?? []) guard(`清除“${c.sheet}”${c.range} 的条件格式`, () => removeOurConditional(ctx.sheet(c.sheet), c.range));
  for (const c of changes.conditional ?? []) guard(`设置“${c.sheet}”${c.range} 的条件格式`, () => addConditional(ctx.sheet(c.sheet), c));
  for (const s of changes.sheets) guard(`写入工作表“${s.name}”`, () => writeSheet(ctx, s));
}

function writeBlock(ws: Wx, w: RangeWrite, b: Block, userFills: Map<string, string | null>): void {
  if (w.formatFrom) {
    const col = w.formatFrom.column;
    const src = ws.Range(`${col}${b.top + 1}:${col}${b.top + b.rows}`);
    for (let c = 0; c < b.cols; c++) {
      const letter = columnLetters(b.left + c);
      copyFormat(
        src,
        ws.Range(`${letter}${b.top + 1}:${letter}${b.top + b.rows}`),
        (r) => ws.Range(`${col}${b.top + 1 + r}`),
        (r) => ws.Range(`${letter}${b.top + 1 + r}`),
        b.rows,
        (r) => userFills.get(`${w.sheet}!${col}${b.top + 1 + r}`) ?? null,
      );
    }
  }
  writeCells(ws, b, w.formulas);
  if (w.columnWidth) {
    for (let c = 0; c < b.cols; c++) {
      const letter = columnLetters(b.left + c);
      attempt(() => (ws.Range(`${letter}:${letter}`).ColumnWidth = w.columnWidth));
    }
  }
  if (w.extendPrintArea) {
    const setup = attempt(() => prop(ws, "PageSetup"));
    const current = setup ? String(attempt(() => prop(setup, "PrintArea")) ?? "") : "";
    if (setup && current) {
      const areas = current.split(",").map((a) => parseRange(a.replace(/\$/g, "").trim()));
      const written: Merge = { top: b.top, left: b.left, bottom: b.top + b.rows - 1, right: b.left + b.cols - 1 };
      const i = Math.max(0, areas.findIndex((a) => a && a.top <= written.bottom && a.bottom >= written.top));
      const a = areas[i];
      if (a) {
        areas[i] = { top: Math.min(a.top, written.top), left: Math.min(a.left, written.left), bottom: Math.max(a.bottom, written.bottom), right: Math.max(a.right, written.right) };
        setup.PrintArea = areas
          .filter((x): x is Merge => !!x)
          .map((x) => rangeA1(x).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2"))
          .join(",");
      }
    }
  }
}

function putMark(ws: Wx, m: Mark): void {
  const area = parseRange(m.cell) as Merge;
  const range = ws.Range(m.cell);
  prop(range, "Interior").Color = toBgr(m.color);
  const target = area.bottom > area.top || area.right > area.left ? ws.Range(toA1(area.top, area.left)) : range;
  const existing = commentOf(target);
  // A comment the user wrote stays as it is (the fill still marks the cell); ours is replaced,
  // since AddComment fails on a cell that already has one.
  if (existing !== null && !isOurNote(existing)) return;
  if (existing !== null) target.ClearComments();
  target.AddComment(noteText(m.note, MAX_NOTE_TEXT));
}

function writeSheet(ctx: WriteContext, s: SheetWrite): void {
  let ws = ctx.find(s.name);
  if (ws) {
    const used = prop(ws, "UsedRange");
    try {
      used.Clear(); // values, formats and comments: the sheet is ours
    } catch {
      used.Value2 = null; // a single value fills (here: empties) every cell of the range
    }
  } else ws = ctx.add(s.name);
  if (s.hidden) attempt(() => (ws.Visible = XL.sheetHidden));
  const b = blockOf("A1", s.rows.length ? s.rows : [[null]]);
  if (!b) return;
  // Number formats first (a format set after a text was written would not turn it back into text).
  if (s.formats)
    s.formats.forEach((row, r) =>
      row?.forEach((f, c) => {
        if (f && !needsTextFormat(b.values[r]?.[c] ?? null)) ws.Range(toA1(r, c)).NumberFormat = f;
      }),
    );
  writeCells(ws, b);
  for (const r of s.boldRows ?? [0]) attempt(() => (prop(ws.Range(areaA1({ top: r, left: 0, rows: 1, cols: b.cols })), "Font").Bold = true));
  if (s.wrap) {
    attempt(() => (ws.Range(areaA1(b)).WrapText = true));
    // A line of text (a title, a note) runs over the empty cells to its right, unwrapped.
    for (const r of s.lineRows ?? []) if (r < b.rows) attempt(() => (ws.Range(areaA1({ top: r, left: 0, rows: 1, cols: b.cols })).WrapText = false));
  }
  s.widths?.forEach((w, i) => attempt(() => (ws.Range(`${columnLetters(i)}:${columnLetters(i)}`).ColumnWidth = w)));
  // Rows grow to their wrapped lines, once the widths are set.
  if (s.wrap) attempt(() => prop(ws.Range(areaA1(b)), "Rows").AutoFit());
  if (s.print) {
    const setup = attempt(() => prop(ws, "PageSetup"));
    if (setup) {
      attempt(() => (setup.Orientation = s.print!.landscape ? XL.landscape : XL.portrait));
      attempt(() => (setup.PaperSize = XL.paperA4));
      if (s.print.fitToWidth) {
        attempt(() => (setup.Zoom = false));
        attempt(() => (setup.FitToPagesWide = 1));
        attempt(() => (setup.FitToPagesTall = false));
      }
      if (s.print.titleRows) attempt(() => (setup.PrintTitleRows = `$${s.print!.titleRows![0] + 1}:$${s.print!.titleRows![1] + 1}`));
    }
  }
}
