/**
 * Applying a write-back through Office.js: two syncs learn what is there (sheets, fills and notes
 * of the cells to mark or clear, validations and conditional formats of the ranges to touch, print
 * areas, the first cell of sheets to replace), then the writes go in as few syncs as the cell
 * budget allows (one for a score sheet's write-back). Nothing is queued before every check passed,
 * so a refused change writes nothing.
 */
import { type CellValue, parseA1, parseRange, rangeA1, toA1, columnLetters, type Merge } from "../../core/grid";
import { LIVE_MARK_COLOR, MAPPING_SHEET, MARK_COLORS, MAX_CELL_TEXT, SHEET_MARKER, VALIDATION_TITLE } from "../../footprint";
import { HostError, type RangeWrite, type SheetWrite, type WorkbookChanges } from "../port";
import { capCellText, isOurNote, needsTextFormat, normalizeColor, noteText, TEXT_FORMAT } from "../safe-text";
import { chunkRows, pack, rectA1, rectOf, sheetAddress, splitAddress, type Features, type Ox, type Rect } from "./common";

const OUR_FILLS = new Set(Object.values(MARK_COLORS).map((c) => c.toUpperCase()));
/** Excel's limit on a data validation's input message. */
const PROMPT_LIMIT = 255;
/** Column width in points for a width in characters (Excel's default font: ~7 px a character). */
const widthInPoints = (chars: number) => Math.round((chars * 7 + 5) * 0.75 * 100) / 100;

/** One queued write and how many cells it carries, for splitting large write-backs over syncs. */
interface Write {
  cells: number;
  queue(): void;
}

/** Grid values → what Office.js writes: null (leave as is) only where asked, else "" for empty. */
function officeValue(v: CellValue): string | number | boolean {
  return v === null || v === undefined ? "" : (capCellText(v) as string | number | boolean);
}

function cut(s: string, n: number): string {
  return s.length <= n ? s : s.slice(0, n - 1) + "…";
}

/** A data validation as loaded: none, ours, the user's, or mixed over the range. */
type ValidationState = "none" | "ours" | "user" | "mixed";

function validationState(dv: Ox): ValidationState {
  const type = String(dv.type ?? "None");
  if (type === "None") return "none";
  if (type === "Inconsistent" || type === "MixedCriteria") return "mixed";
  return dv.prompt?.title === VALIDATION_TITLE ? "ours" : "user";
}

function rectOfAddress(address: string): Rect {
  const m = parseRange(address);
  if (!m) throw new HostError("bad_address", address);
  return rectOf(m);
}

/** The smallest area holding both. */
function union(a: Merge, b: Merge): Merge {
  return { top: Math.min(a.top, b.top), left: Math.min(a.left, b.left), bottom: Math.max(a.bottom, b.bottom), right: Math.max(a.right, b.right) };
}

export async function applyAll(context: Ox, f: Features, changes: WorkbookChanges, budget: number): Promise<void> {
  // Checks that need no host: addresses and colours.
  const blocks = changes.values.map((w) => {
    const at = parseA1(w.address);
    if (!at) throw new HostError("bad_address", w.address);
    const cols = Math.max(0, ...w.values.map((r) => r.length));
    return { w, rect: { top: at.row, left: at.col, rows: w.values.length, cols } as Rect };
  });
  for (const c of [...changes.clearMarks, ...changes.marks]) if (!parseRange(c.cell)) throw new HostError("bad_address", c.cell);
  for (const m of changes.marks) if (!normalizeColor(m.color)) throw new HostError("host_failed", `标记颜色“${m.color}”无法识别,应为 #RRGGBB 形式`);
  for (const v of [...(changes.validations ?? []), ...(changes.clearValidations ?? []), ...(changes.conditional ?? []), ...(changes.clearConditional ?? [])])
    rectOfAddress(v.range);

  const wb = context.workbook;
  const sheets = wb.worksheets;
  sheets.load("items/name");
  const ws = (name: string) => sheets.getItem(name);
  const key = (sheet: string, cell: string) => sheetAddress(sheet, cell);

  // ——— sync A: what is there ———
  const clearFills = changes.clearMarks.map((c) => {
    const range = ws(c.sheet).getRange(c.cell);
    if (f.v19) return { props: range.getCellProperties({ format: { fill: { color: true, pattern: true } } }), fill: null as Ox };
    const fill = range.format.fill;
    fill.load("color");
    return { props: null as Ox, fill };
  });
  const annotated = [...changes.clearMarks, ...changes.marks];
  const notes = new Map<string, Ox>();
  if (f.notes) {
    for (const c of annotated) {
      const k = key(c.sheet, c.cell);
      if (notes.has(k)) continue;
      const note = wb.notes.getItemOrNullObject(k);
      note.load("content");
      notes.set(k, note);
    }
  }
  const comments = f.comments && annotated.length ? wb.comments : null;
  comments?.load("items/content");
  const validationRanges = f.validation ? [...(changes.clearValidations ?? []), ...(changes.validations ?? [])] : [];
  const validations = validationRanges.map((v) => {
    const dv = ws(v.sheet).getRange(v.range).dataValidation;
    dv.load("type,prompt");
    return { v, dv, cells: null as Ox[] | null };
  });
  const conditionals = f.conditional
    ? (changes.clearConditional ?? []).map((c) => {
        const cfs = ws(c.sheet).getRange(c.range).conditionalFormats;
        cfs.load("items/type");
        return { c, cfs, found: [] as Array<{ cf: Ox; fill: Ox; range: Ox }> };
      })
    : [];
  const printAreas = new Map<string, Ox>();
  if (f.v19) {
    for (const b of blocks) {
      if (!b.w.extendPrintArea || printAreas.has(b.w.sheet)) continue;
      const area = ws(b.w.sheet).pageLayout.getPrintAreaOrNullObject();
      area.load("address");
      printAreas.set(b.w.sheet, area);
    }
  }
  // Without copyFrom (before ExcelApi 1.9) the look is copied property by property, as loaded here.
  const sourceFormats = new Map<RangeWrite, Ox>();
  if (!f.v19) {
    for (const b of blocks) {
      if (!b.w.formatFrom || !b.rect.rows) continue;
      const src = ws(b.w.sheet).getRange(`${b.w.formatFrom.column}${b.rect.top + 1}:${b.w.formatFrom.column}${b.rect.top + b.rect.rows}`);
      src.load("numberFormat");
      src.format.load("horizontalAlignment,verticalAlignment,wrapText");
      src.format.font.load("name,size,bold,color,italic");
      src.format.fill.load("color");
      sourceFormats.set(b.w, src);
    }
  }
  await context.sync();

  const existing = new Set<string>(sheets.items.map((s: Ox) => s.name));
  const created = new Set(changes.sheets.map((s) => s.name));
  const refs = [...changes.clearMarks, ...changes.values, ...changes.marks, ...validationRanges, ...(changes.conditional ?? []), ...(changes.clearConditional ?? [])];
  for (const c of refs) if (!existing.has(c.sheet) && !created.has(c.sheet)) throw new HostError("sheet_missing", c.sheet);

  // ——— sync B: where comments sit, which conditional formats are ours, whose sheet it is ———
  const located = comments
    ? comments.items.map((comment: Ox) => {
        const where = comment.getLocation();
        where.load("address");
        return { comment, where };
      })
    : [];
  for (const c of conditionals) {
    for (const cf of c.cfs.items) {
      if (cf.type !== "Custom") continue;
      const fill = cf.custom.format.fill;
      fill.load("color");
      const range = cf.getRange();
      range.load("address");
      c.found.push({ cf, fill, range });
    }
  }
  for (const v of validations) {
    if (validationState(v.dv) !== "mixed") continue;
    const r = rectOfAddress(v.v.range);
    v.cells = [];
    for (let i = 0; i < r.rows; i++)
      for (let j = 0; j < r.cols; j++) {
        const dv = ws(v.v.sheet).getRange(toA1(r.top + i, r.left + j)).dataValidation;
        dv.load("type,prompt");
        v.cells.push(dv);
      }
  }
  const firstCells = new Map<string, Ox>();
  for (const s of changes.sheets) {
    if (!existing.has(s.name)) continue;
    const a1 = ws(s.name).getRange("A1");
    a1.load("values");
    firstCells.set(s.name, a1);
  }
  // The last guard of forms: never a value into a merged area (a signature line, a merged note).
    const targetMerges = f.merges
    ? blocks
        .filter((b) => b.rect.rows && b.rect.cols && !created.has(b.w.sheet))
        .map((b) => {
          const areas = ws(b.w.sheet).getRange(rectA1(b.rect)).getMergedAreasOrNullObject();
          areas.load("address");
          return { b, areas };
        })
    : [];
  if (located.length || conditionals.length || firstCells.size || targetMerges.length || validations.some((v) => v.cells)) await context.sync();

  for (const { b, areas } of targetMerges)
    if (!areas.isNullObject && String(areas.address ?? "") !== "")
      throw new HostError("host_failed", `工作表“${b.w.sheet}”的 ${rectA1(b.rect)} 中有合并单元格(如签字栏),考核计分助手不会写入其中。本次未做任何修改。`);

  for (const [name, a1] of firstCells) {
    const text = String(a1.values?.[0]?.[0] ?? "");
    if (name !== MAPPING_SHEET && !text.startsWith(SHEET_MARKER))
      throw new HostError("host_failed", `工作簿中已有名为“${name}”的工作表,但不是考核计分助手生成的,不会覆盖它。请改名后重试。`);
  }
  const commentAt = new Map<string, Ox>();
  for (const { comment, where } of located) {
    const [sheet, cell] = splitAddress(where.address);
    commentAt.set(key(sheet, cell), comment);
  }

  // ——— the writes ———
  const writes: Write[] = [];
  const marked = new Set(changes.marks.map((m) => key(m.sheet, m.cell)));

  changes.clearMarks.forEach((c, i) => {
    const k = key(c.sheet, c.cell);
    const state = clearFills[i];
    let shown: string | null;
    if (state.props) {
      const fill = state.props.value?.[0]?.[0]?.format?.fill;
      shown = fill && fill.pattern !== "None" ? normalizeColor(fill.color) : null;
    } else shown = normalizeColor(state.fill.color);
    writes.push({
      cells: 1,
      queue: () => {
        // Only where the cell still shows one of our colours (a fill the user set since stays),
        // and not where a mark of this run colours it again.
        if (!marked.has(k) && shown && OUR_FILLS.has(shown)) {
          const fill = ws(c.sheet).getRange(c.cell).format.fill;
          const restore = c.restoreFill ? normalizeColor(c.restoreFill) : null;
          if (restore) fill.color = restore;
          else fill.clear();
        }
        if (marked.has(k)) return;
        const note = notes.get(k);
        if (note && !note.isNullObject && isOurNote(note.content)) note.delete();
        const comment = commentAt.get(k);
        if (comment && isOurNote(comment.content)) comment.delete();
      },
    });
  });

  const userFills = new Map(changes.clearMarks.map((c) => [key(c.sheet, c.cell), c.restoreFill ? normalizeColor(c.restoreFill) : null]));
  const markedOrCleared = new Set([...changes.clearMarks.map((c) => key(c.sheet, c.cell)), ...marked]);
  for (const b of blocks) queueBlock(b.w, b.rect);
  function queueBlock(w: RangeWrite, rect: Rect) {
    if (!rect.rows || !rect.cols) return;
    const sheet = w.sheet;
    const risky: Array<{ cell: string; value: CellValue }> = [];
    const rows = Array.from({ length: rect.rows }, (_, i) =>
      Array.from({ length: rect.cols }, (_, j) => {
        const formula = w.formulas?.[i]?.[j];
        if (typeof formula === "string" && formula.startsWith("=")) return formula;
        const v = w.values[i]?.[j] ?? null;
        if (needsTextFormat(v)) {
          risky.push({ cell: toA1(rect.top + i, rect.left + j), value: v });
          return null; // left as is here, written below as text
        }
        return officeValue(v);
      }),
    );
    const withFormulas = !!w.formulas?.some((r) => r?.some((x) => typeof x === "string" && x.startsWith("=")));
    for (const part of chunkRows(rect, budget)) {
      writes.push({
        cells: part.rows * part.cols,
        queue: () => {
          const range = ws(sheet).getRange(rectA1(part));
          if (w.formatFrom) {
            const src = `${w.formatFrom.column}${part.top + 1}:${w.formatFrom.column}${part.top + part.rows}`;
            if (f.v19) {
              const source = ws(sheet).getRange(src);
              // One column of formats copied onto each written column.
              for (let j = 0; j < part.cols; j++)
                ws(sheet).getRange(rectA1({ ...part, left: part.left + j, cols: 1 })).copyFrom(source, "Formats");
            } else copyLoadedFormat(range, sourceFormats.get(w), part, rect);
            // A source cell under one of our marks lends the user's fill (as recorded), not our colour.
            for (let i = 0; i < part.rows; i++) {
              const k = key(sheet, `${w.formatFrom.column}${part.top + i + 1}`);
              if (!markedOrCleared.has(k)) continue;
              const restore = userFills.get(k) ?? null;
              for (let j = 0; j < part.cols; j++) {
                const fill = ws(sheet).getRange(toA1(part.top + i, part.left + j)).format.fill;
                if (restore) fill.color = restore;
                else fill.clear();
              }
            }
          }
          const slice = rows.slice(part.top - rect.top, part.top - rect.top + part.rows);
          if (withFormulas) range.formulas = slice;
          else range.values = slice;
        },
      });
    }
    for (const r of risky) {
      writes.push({
        cells: 1,
        queue: () => {
          const cell = ws(sheet).getRange(r.cell);
          cell.numberFormat = [[TEXT_FORMAT]];
          cell.values = [[officeValue(r.value)]];
        },
      });
    }
    if (w.columnWidth && f.v12) {
      writes.push({
        cells: 1,
        queue: () => {
          for (let j = 0; j < rect.cols; j++)
            ws(sheet).getRange(`${columnLetters(rect.left + j)}:${columnLetters(rect.left + j)}`).format.columnWidth = widthInPoints(w.columnWidth!);
        },
      });
    }
    const area = printAreas.get(sheet);
    if (w.extendPrintArea && area && !area.isNullObject) {
      const areas = String(area.address).split(",").map((a) => parseRange(a.trim()));
      const written: Merge = { top: rect.top, left: rect.left, bottom: rect.top + rect.rows - 1, right: rect.left + rect.cols - 1 };
      // The area beside the written cells grows to take them in (the first, when none overlaps their rows).
      const index = Math.max(0, areas.findIndex((a) => a && a.top <= written.bottom && a.bottom >= written.top));
      const target = areas[index];
      if (target) {
        const grown = union(target, written);
        areas[index] = grown;
        writes.push({
          cells: 1,
          queue: () => ws(sheet).pageLayout.setPrintArea(areas.map((a) => (a ? rangeA1(a) : "")).filter(Boolean).join(",")),
        });
      }
    }
  }

  function copyLoadedFormat(range: Ox, src: Ox, part: Rect, rect: Rect) {
    if (!src) return;
    const fmt = range.format;
    const s = src.format;
    // Range-level reads give a value when every cell agrees and null when they differ: copy what agrees.
    if (s.horizontalAlignment) fmt.horizontalAlignment = s.horizontalAlignment;
    if (s.verticalAlignment) fmt.verticalAlignment = s.verticalAlignment;
    if (typeof s.wrapText === "boolean") fmt.wrapText = s.wrapText;
    for (const p of ["name", "size", "bold", "color", "italic"]) if (s.font[p] !== null && s.font[p] !== undefined) fmt.font[p] = s.font[p];
    const fill = normalizeColor(s.fill.color);
    if (fill && fill !== "#FFFFFF" && !OUR_FILLS.has(fill)) fmt.fill.color = fill;
    const nf: unknown[][] = src.numberFormat;
    if (Array.isArray(nf)) {
      const slice = nf.slice(part.top - rect.top, part.top - rect.top + part.rows);
      range.numberFormat = slice.map((r) => Array.from({ length: part.cols }, () => r[0]));
    }
  }

  for (const m of changes.marks) {
    writes.push({
      cells: 1 + Math.ceil(m.note.length / 20),
      queue: () => {
        const range = ws(m.sheet).getRange(m.cell);
        range.format.fill.color = normalizeColor(m.color);
        const k = key(m.sheet, m.cell);
        const note = notes.get(k);
        const comment = commentAt.get(k);
        if (f.notes) {
          if (note && !note.isNullObject) {
            if (isOurNote(note.content)) note.content = noteText(m.note, MAX_CELL_TEXT);
            return; // a note the user wrote is left as it is
          }
          // A cell with a (threaded) comment cannot take a note: the fill marks it; ours is updated.
          if (comment) {
            if (isOurNote(comment.content)) comment.content = noteText(m.note, MAX_CELL_TEXT);
            return;
          }
          wb.notes.add(range, noteText(m.note, MAX_CELL_TEXT));
        } else if (f.comments) {
          if (comment) {
            if (isOurNote(comment.content)) comment.content = noteText(m.note, MAX_CELL_TEXT);
            return;
          }
          wb.comments.add(range, noteText(m.note, MAX_CELL_TEXT));
        }
      },
    });
  }

  const validationOf = new Map(validations.map((v) => [v.v, v]));
  for (const c of changes.clearValidations ?? []) {
    const v = validationOf.get(c);
    if (!v) continue;
    writes.push({ cells: 1, queue: () => clearOurValidation(v.v.sheet, v.v.range, v.dv, v.cells) });
  }
  function clearOurValidation(sheet: string, range: string, dv: Ox, cells: Ox[] | null) {
    const state = validationState(dv);
    if (state === "ours") ws(sheet).getRange(range).dataValidation.clear();
    else if (state === "mixed" && cells) {
      const r = rectOfAddress(range);
      cells.forEach((cell, i) => {
        if (validationState(cell) === "ours") ws(sheet).getRange(toA1(r.top + Math.floor(i / r.cols), r.left + (i % r.cols))).dataValidation.clear();
      });
    }
  }
  for (const val of changes.validations ?? []) {
    const v = validationOf.get(val);
    if (!v) continue;
    writes.push({
      cells: 1,
      queue: () => {
        const r = rectOfAddress(val.range);
        const state = validationState(v.dv);
        // Cells holding a validation of the user's keep it; the others get ours.
        let targets: string[];
        if (state === "user") targets = [];
        else if (state === "mixed") {
          targets = (v.cells ?? [])
            .map((cell, i) => ({ state: validationState(cell), a1: toA1(r.top + Math.floor(i / r.cols), r.left + (i % r.cols)) }))
            .filter((x) => x.state !== "user")
            .map((x) => x.a1);
        } else targets = [val.range];
        for (const t of targets) {
          const dv = ws(val.sheet).getRange(t).dataValidation;
          dv.clear();
          dv.rule =
            val.rule.kind === "decimal"
              ? { decimal: { formula1: val.rule.min, formula2: val.rule.max, operator: "Between" } }
              : { list: { inCellDropDown: true, source: val.rule.items.join(",") } };
          dv.errorAlert = { showAlert: true, style: "Warning", title: VALIDATION_TITLE, message: cut(val.error, PROMPT_LIMIT) };
          dv.prompt = { showPrompt: true, title: VALIDATION_TITLE, message: cut(val.prompt, PROMPT_LIMIT) };
        }
      },
    });
  }
  const liveFill = LIVE_MARK_COLOR.toUpperCase();
  for (const c of conditionals) {
    const want = rectOfAddress(c.c.range);
    writes.push({
      cells: 1,
      queue: () => {
        for (const x of c.found) {
          const [, a1] = [null, String(x.range.address).replace(/^.*!/, "").replace(/\$/g, "")];
          const got = parseRange(a1);
          const same = got && got.top === want.top && got.left === want.left && got.bottom === want.top + want.rows - 1 && got.right === want.left + want.cols - 1;
          if (same && normalizeColor(x.fill.color) === liveFill) x.cf.delete();
        }
      },
    });
  }
  if (f.conditional) {
    for (const c of changes.conditional ?? []) {
      writes.push({
        cells: 1,
        queue: () => {
          const cf = ws(c.sheet).getRange(c.range).conditionalFormats.add("Custom");
          cf.custom.rule.formula = c.formula.startsWith("=") ? c.formula : `=${c.formula}`;
          cf.custom.format.fill.color = normalizeColor(c.color);
        },
      });
    }
  }

  for (const s of changes.sheets) queueSheet(s);
  function queueSheet(s: SheetWrite) {
    const width = Math.max(1, ...s.rows.map((r) => r.length));
    const height = Math.max(1, s.rows.length);
    const full: Rect = { top: 0, left: 0, rows: height, cols: width };
    writes.push({
      cells: 1,
      queue: () => {
        if (existing.has(s.name)) ws(s.name).getRange().clear();
        else {
          sheets.add(s.name);
          existing.add(s.name);
        }
        const sheet = ws(s.name);
        if (s.hidden) sheet.visibility = "Hidden";
        // Text format first where a text would be read as something else ("=…", "12", "50%").
        const formats = Array.from({ length: height }, (_, i) =>
          Array.from({ length: width }, (_, j) => (needsTextFormat(s.rows[i]?.[j] ?? null) ? TEXT_FORMAT : (s.formats?.[i]?.[j] ?? "General"))),
        );
        if (s.formats || formats.some((r) => r.some((x) => x !== "General"))) sheet.getRange(rectA1(full)).numberFormat = formats;
      },
    });
    const values = Array.from({ length: height }, (_, i) => Array.from({ length: width }, (_, j) => officeValue(s.rows[i]?.[j] ?? null)));
    for (const part of chunkRows(full, budget)) {
      writes.push({
        cells: part.rows * part.cols,
        queue: () => {
          ws(s.name).getRange(rectA1(part)).values = values.slice(part.top, part.top + part.rows);
        },
      });
    }
    writes.push({
      cells: 1,
      queue: () => {
        const sheet = ws(s.name);
        for (const r of s.boldRows ?? [0]) sheet.getRange(rectA1({ top: r, left: 0, rows: 1, cols: width })).format.font.bold = true;
        if (s.wrap) {
          sheet.getRange(rectA1(full)).format.wrapText = true;
          // A line of text (a title, a note) runs over the empty cells to its right, unwrapped.
          for (const r of s.lineRows ?? []) if (r < height) sheet.getRange(rectA1({ top: r, left: 0, rows: 1, cols: width })).format.wrapText = false;
        }
        if (f.v12) {
          s.widths?.forEach((w, i) => {
            sheet.getRange(`${columnLetters(i)}:${columnLetters(i)}`).format.columnWidth = widthInPoints(w);
          });
          // Rows grow to their wrapped lines (a row written by an add-in keeps its height otherwise).
          if (s.wrap) sheet.getRange(rectA1(full)).format.autofitRows();
        }
        if (s.print && f.v19) {
          const layout = sheet.pageLayout;
          layout.orientation = s.print.landscape ? "Landscape" : "Portrait";
          layout.paperSize = "A4";
          if (s.print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
          if (s.print.titleRows) layout.setPrintTitleRows(`$${s.print.titleRows[0] + 1}:$${s.print.titleRows[1] + 1}`);
        }
      },
    });
  }

  for (const group of pack(writes, (w) => w.cells, budget)) {
    for (const w of group) w.queue();
    await context.sync();
  }
}
