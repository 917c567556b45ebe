/**
 * The writer: a WorkbookChanges applied to the package by editing the parts that must change
 * and nothing else. Scored sheets are patched at the written cells; marks get styles derived
 * from the cell's own; notes go into the sheet's comments and VML parts; validations and
 * conditional marks are added beside the user's (never over them); our sheets are new parts
 * (or replace our own earlier ones); [Content_Types].xml, workbook.xml and its rels gain
 * entries. The host obligations of port.ts are enforced here whatever the plan says.
 */
import { parseA1, parseRange, toA1, type CellValue, type Merge } from "../../core/grid";
import { LIVE_MARK_COLOR, MAPPING_SHEET, MARK_COLORS, NOTE_PREFIX, SHEET_MARKER, VALIDATION_TITLE } from "../../footprint";
import { HostError, type ConditionalMark, type SheetWrite, type Validation, type WorkbookChanges } from "../port";
import { groupConditionals, joinAreas, sqrefChunks } from "./areas";
import { CommentsEditor, EMPTY_COMMENTS, emptyVml } from "./comments";
import { REL, relIs, relativeTarget, relsPathOf, type SheetInfo, type XlsxPackage } from "./package";
import { readSheet, readThreads, readWorkbookParts, type WorkbookParts } from "./read";
import { SHEET_ORDER, SheetEditor } from "./sheet";
import { Styles } from "./styles";
import { append, attr, child, el, elements, escapeAttr, escapeText, insertOrdered, localName, parseXml, prefixOf, remove, rootOf, serialize, setAttrs, type XEl } from "./xml";

const CT = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
};

const WORKBOOK_ORDER = [
  "fileVersion", "fileSharing", "workbookPr", "workbookProtection", "bookViews", "sheets", "functionGroups", "externalReferences",
  "definedNames", "calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing",
  "fileRecoveryPr", "webPublishObjects", "extLst",
];

/** Data validations per sheet at most (Excel removes them all from a sheet with more than about 60,000). */
export const MAX_VALIDATIONS = 50_000;

const OUR_FILLS = new Set<string>(Object.values(MARK_COLORS).map((c) => c.toUpperCase()));

const quoteSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;

/** Cells of an A1 range list ("F3:F9 H2") as 0-based areas. */
function areasOf(sqref: string): Merge[] {
  return sqref
    .split(/\s+/)
    .filter(Boolean)
    .map((r) => parseRange(r))
    .filter((m): m is Merge => m !== null);
}

const overlaps = (a: Merge, b: Merge) => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

/** The cells of `area` outside every area of `taken`, as vertical runs. */
function subtract(area: Merge, taken: Merge[]): Merge[] {
  const hit = taken.filter((t) => overlaps(t, area));
  if (!hit.length) return [area];
  const out: Merge[] = [];
  for (let c = area.left; c <= area.right; c++) {
    let start = -1;
    for (let r = area.top; r <= area.bottom + 1; r++) {
      const free = r <= area.bottom && !hit.some((t) => t.top <= r && r <= t.bottom && t.left <= c && c <= t.right);
      if (free && start < 0) start = r;
      if (!free && start >= 0) {
        out.push({ top: start, left: c, bottom: r - 1, right: c });
        start = -1;
      }
    }
  }
  return out;
}

/** Entries grouped by sheet, in the order of their first appearance (each group in its own order). */
function bySheet<T extends { sheet: string }>(list: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of list) {
    const l = out.get(x.sheet);
    if (l) l.push(x);
    else out.set(x.sheet, [x]);
  }
  return out;
}

export class WorkbookEditor {
  private readonly parts: WorkbookParts;
  private readonly styles: Styles;
  private readonly wbDoc: XEl;
  private readonly wb: XEl;
  private wbChanged = false;
  private ctDoc: XEl | null = null;
  private readonly sheetsEd = new Map<string, SheetEditor>();
  private readonly commentsEd = new Map<string, { ed: CommentsEditor; commentsPath: string; vmlPath: string }>();
  private readonly relsDocs = new Map<string, XEl>();
  private readonly stylesPath: string;

  /** `editors`: sheets already cut up for reading (by part path), unchanged since. */
  constructor(
    private readonly pkg: XlsxPackage,
    editors?: Map<string, SheetEditor>,
  ) {
    if (editors) for (const [path, ed] of editors) this.sheetsEd.set(path, ed);
    this.parts = readWorkbookParts(pkg);
    this.styles = this.parts.styles;
    this.wbDoc = pkg.tree(pkg.workbookPath, new Set(["extLst"]));
    this.wb = rootOf(this.wbDoc);
    const rel = pkg.rels(pkg.workbookPath).find((r) => relIs(r.type, REL.styles));
    this.stylesPath = rel?.path ?? "xl/styles.xml";
  }

  private sheetInfo(name: string): SheetInfo {
    const s = this.parts.sheets.find((x) => x.name === name && x.worksheet);
    if (!s) throw new HostError("sheet_missing", name);
    return s;
  }

  private sheet(name: string): SheetEditor {
    const info = this.sheetInfo(name);
    let ed = this.sheetsEd.get(info.path);
    if (!ed) this.sheetsEd.set(info.path, (ed = new SheetEditor(this.pkg.text(info.path))));
    return ed;
  }

  private contentTypes(): XEl {
    if (!this.ctDoc) this.ctDoc = this.pkg.tree("[Content_Types].xml");
    return rootOf(this.ctDoc);
  }

  private ensureOverride(path: string, type: string): void {
    const root = this.contentTypes();
    const name = "/" + path;
    if (elements(root, "Override").some((o) => attr(o, "PartName") === name)) return;
    append(root, el(prefixOf(root.name) + "Override", { PartName: name, ContentType: type }));
  }

  private ensureDefault(ext: string, type: string): void {
    const root = this.contentTypes();
    if (elements(root, "Default").some((o) => (attr(o, "Extension") ?? "").toLowerCase() === ext)) return;
    const d = el(prefixOf(root.name) + "Default", { Extension: ext, ContentType: type });
    const first = root.children.findIndex((c) => typeof c !== "string");
    root.children.splice(first < 0 ? root.children.length : first, 0, d);
  }

  private relsDoc(part: string): XEl {
    const path = relsPathOf(part);
    let d = this.relsDocs.get(path);
    if (!d) {
      d = this.pkg.has(path)
        ? this.pkg.tree(path)
        : parseXml('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>');
      this.relsDocs.set(path, d);
    }
    return d;
  }

  /** Adds a relationship from `part` to `target`; returns its id. */
  private addRel(part: string, type: string, target: string): string {
    const root = rootOf(this.relsDoc(part));
    const ids = new Set(elements(root, "Relationship").map((r) => attr(r, "Id")));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    append(root, el(prefixOf(root.name) + "Relationship", { Id: `rId${n}`, Type: type, Target: relativeTarget(part, target) }));
    return `rId${n}`;
  }

  /** A part name not yet in the package: "xl/comments3.xml". */
  private freePath(prefix: string, ext: string): string {
    for (let n = 1; ; n++) {
      const p = `${prefix}${n}${ext}`;
      if (!this.pkg.has(p) && !this.sheetsEd.has(p)) return p;
    }
  }

  private readonly threadsOf = new Map<string, Record<string, string>>();
  private threads(sheetName: string): Record<string, string> {
    let t = this.threadsOf.get(sheetName);
    if (!t) this.threadsOf.set(sheetName, (t = readThreads(this.pkg, this.sheetInfo(sheetName), () => this.parts.persons)));
    return t;
  }

  private comments(sheetName: string): CommentsEditor {
    const info = this.sheetInfo(sheetName);
    const known = this.commentsEd.get(info.path);
    if (known) return known.ed;
    const rels = this.pkg.rels(info.path);
    const crel = rels.find((r) => relIs(r.type, REL.comments));
    const vrel = rels.find((r) => relIs(r.type, REL.vmlDrawing));
    const sheet = this.sheet(sheetName);
    let commentsPath = crel?.path ?? "";
    let vmlPath = vrel?.path ?? "";
    if (!commentsPath || !this.pkg.has(commentsPath)) {
      commentsPath = this.freePath("xl/comments", ".xml");
      this.addRel(info.path, REL.comments, commentsPath);
      this.ensureOverride(commentsPath, CT.comments);
      this.pkg.write(commentsPath, EMPTY_COMMENTS);
    }
    let vml: string;
    if (!vmlPath || !this.pkg.has(vmlPath)) {
      vmlPath = this.freePath("xl/drawings/vmlDrawing", ".vml");
      const id = this.addRel(info.path, REL.vmlDrawing, vmlPath);
      this.ensureDefault("vml", CT.vml);
      let idmap = 1;
      for (const p of this.pkg.paths()) if (p.endsWith(".vml")) idmap = Math.max(idmap, Number(/data="(\d+)/.exec(this.pkg.text(p))?.[1] ?? 0) + 1);
      vml = emptyVml(idmap);
      this.pkg.write(vmlPath, vml);
      const rAttr = this.rNamespace(sheet.root);
      const legacy = el(sheet.pfx + "legacyDrawing", { [`${rAttr}:id`]: id });
      const old = sheet.part("legacyDrawing");
      if (old) sheet.removeChild(old);
      insertOrdered(sheet.root, legacy, SHEET_ORDER);
      sheet.touch();
    } else vml = this.pkg.text(vmlPath);
    const ed = new CommentsEditor(this.pkg.text(commentsPath), vml);
    this.commentsEd.set(info.path, { ed, commentsPath, vmlPath });
    return ed;
  }

  /** The prefix bound to the relationships namespace on a root (declared when missing). */
  private rNamespace(root: XEl): string {
    const ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const m = new RegExp(`xmlns:(\\w+)="${ns.replace(/[./]/g, "\\$&")}"`).exec(root.open);
    if (m) return m[1];
    setAttrs(root, { "xmlns:r": ns });
    return "r";
  }

  /** Applies the whole change set. */
  apply(changes: WorkbookChanges): void {
    for (const ref of changes.clearMarks) {
      if (!this.parts.sheets.some((s) => s.name === ref.sheet && s.worksheet) || !parseA1(ref.cell)) continue;
      this.clearMark(ref.sheet, ref.cell, ref.restoreFill);
    }
    for (const [name, list] of bySheet(changes.clearValidations ?? [])) this.clearValidations(name, list);
    for (const [name, list] of bySheet(changes.clearConditional ?? [])) this.clearConditional(name, list);
    for (const block of changes.values) this.writeRange(block);
    for (const m of changes.marks) {
      const p = parseA1(m.cell);
      if (!p) throw new HostError("bad_address", m.cell);
      const sheet = this.sheet(m.sheet);
      const c = sheet.cell(p.row, p.col, true)!;
      sheet.setStyle(c, this.styles.withFill(sheet.styleOf(c), m.color));
      // A threaded comment (Excel 365) stays alone on its cell: no legacy note is added beside it.
      if (!(toA1(p.row, p.col) in this.threads(m.sheet))) this.comments(m.sheet).set(toA1(p.row, p.col), m.note);
    }
    for (const [name, list] of bySheet(changes.validations ?? [])) this.addValidations(name, list);
    for (const [name, list] of bySheet(changes.conditional ?? [])) this.addConditionals(name, list);
    for (const s of changes.sheets) this.writeSheet(s);
  }

  private clearMark(sheetName: string, cell: string, restoreFill: string | null | undefined): void {
    const p = parseA1(cell)!;
    const sheet = this.sheet(sheetName);
    const c = sheet.cell(p.row, p.col, false);
    if (c) {
      const s = sheet.styleOf(c);
      const shown = this.styles.fillOf(s);
      if (shown && OUR_FILLS.has(shown.toUpperCase())) sheet.setStyle(c, this.styles.restoreFill(s, restoreFill ?? null));
    }
    const rel = this.pkg.rels(this.sheetInfo(sheetName).path).find((r) => relIs(r.type, REL.comments));
    if (rel?.path && this.pkg.has(rel.path)) {
      const ed = this.comments(sheetName);
      ed.clear(toA1(p.row, p.col));
    }
  }

  private writeRange(block: WorkbookChanges["values"][number]): void {
    const at = parseA1(block.address);
    if (!at) throw new HostError("bad_address", block.address);
    const sheet = this.sheet(block.sheet);
    const from = block.formatFrom ? parseA1(block.formatFrom.column + "1")?.col : undefined;
    if (block.formatFrom && from === undefined) throw new HostError("bad_address", block.formatFrom.column);
    let right = at.col;
    block.values.forEach((row, i) =>
      row.forEach((v, j) => {
        const r = at.row + i;
        const col = at.col + j;
        right = Math.max(right, col);
        const formula = block.formulas?.[i]?.[j] ?? null;
        const style = from !== undefined ? sheet.styleAt(r, from) : null;
        const body = content(v, formula, sheet.pfx);
        const empty = (v === null || v === "") && formula === null;
        if (!(empty && style === null) && sheet.appendCell(r, col, style, body.type, body.inner.length ? body.inner[0] : "")) return;
        if (empty && style === null && !sheet.cell(r, col, false)) return;
        const c = sheet.cell(r, col, true)!;
        sheet.setCell(c, body, style);
      }),
    );
    if (block.columnWidth) for (let c = at.col; c <= right; c++) sheet.setWidth(c, block.columnWidth);
    if (block.extendPrintArea) {
      const rows = block.values.length;
      this.extendPrintArea(block.sheet, { top: at.row, left: at.col, bottom: at.row + Math.max(rows, 1) - 1, right });
    }
  }

  private definedNames(create: boolean): XEl | undefined {
    let d = child(this.wb, "definedNames");
    if (!d && create) {
      d = el(prefixOf(this.wb.name) + "definedNames");
      insertOrdered(this.wb, d, WORKBOOK_ORDER);
    }
    return d;
  }

  private extendPrintArea(sheetName: string, area: Merge): void {
    const info = this.sheetInfo(sheetName);
    const names = this.definedNames(false);
    const dn = names && elements(names, "definedName").find((d) => attr(d, "name") === "_xlnm.Print_Area" && attr(d, "localSheetId") === String(info.index));
    if (!dn) return;
    const text = serialize(dn).replace(/^<[^>]*>|<\/[^>]*>$/g, "");
    const value = text.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'");
    const parts = value.split(",");
    const re = /^(.*!)?\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/;
    let done = false;
    const out = parts.map((p) => {
      const m = re.exec(p.trim());
      if (!m || done) return p;
      const a = parseRange(`${m[2]}${m[3]}:${m[4] ?? m[2]}${m[5] ?? m[3]}`);
      if (!a) return p;
      done = true;
      const u = { top: Math.min(a.top, area.top), left: Math.min(a.left, area.left), bottom: Math.max(a.bottom, area.bottom), right: Math.max(a.right, area.right) };
      const abs = (r: number, c: number) => toA1(r, c).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
      return `${m[1] ?? ""}${abs(u.top, u.left)}:${abs(u.bottom, u.right)}`;
    });
    if (!done) return;
    dn.children = [escapeText(out.join(","))];
    this.wbChanged = true;
  }

  /** Validations the user made on a sheet (ours carry VALIDATION_TITLE), including x14 ones. */
  private userValidationAreas(sheet: SheetEditor): Merge[] {
    const out: Merge[] = [];
    const dv = sheet.part("dataValidations");
    for (const v of dv ? elements(dv, "dataValidation") : []) if (attr(v, "promptTitle") !== VALIDATION_TITLE) out.push(...areasOf(attr(v, "sqref") ?? ""));
    const ext = sheet.part("extLst");
    const raw = ext ? serialize(ext) : "";
    for (const m of raw.matchAll(/<(?:\w+:)?dataValidation\b([^>]*)>[\s\S]*?<\/(?:\w+:)?dataValidation>/g)) {
      if (/promptTitle="([^"]*)"/.exec(m[1])?.[1] === VALIDATION_TITLE) continue;
      const sq = /<(?:\w+:)?sqref>([^<]*)</.exec(m[0])?.[1];
      if (sq) out.push(...areasOf(sq));
    }
    return out;
  }

  /**
   * Adds a sheet's validations (one per entry cell: thousands on a long table) in one pass; alike
   * ones (same rule, messages) become one element over their cells, as Excel keeps them.
   */
  private addValidations(sheetName: string, list: Validation[]): void {
    const sheet = this.sheet(sheetName);
    // The user's areas are read once: ours never count among them, so adding ours leaves them as they are.
    const taken = this.userValidationAreas(sheet);
    const p = sheet.pfx;
    const cut = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + "…" : s);
    const titleAttr = escapeAttr(VALIDATION_TITLE);
    const name = p + "dataValidation";
    const located: Array<{ v: Validation; free: Merge[] }> = [];
    for (const v of list) {
      const area = parseRange(v.range);
      if (!area) throw new HostError("bad_address", v.range);
      const free = subtract(area, taken);
      if (free.length) located.push({ v, free });
    }
    if (!located.length) return;
    const ruleKeys = new WeakMap<Validation["rule"], string>();
    /** Alike validations as one element each (several where their areas are many): grouped by texts and rule. */
    const group = (promptOf: (v: Validation) => string) => {
      // Plans share texts and rules between alike items, so these lookups are cheap.
      const groups = new Map<string, Map<string, Map<string, { head: string; formulas: string; areas: Merge[] }>>>();
      const made: Array<{ head: string; formulas: string; areas: Merge[] }> = [];
      for (const { v, free } of located) {
        let ruleKey = ruleKeys.get(v.rule);
        if (ruleKey === undefined) ruleKeys.set(v.rule, (ruleKey = v.rule.kind === "decimal" ? `decimal ${v.rule.min}:${v.rule.max}` : `list ${v.rule.items.join("\u0000")}`));
        const prompt = promptOf(v);
        let byError = groups.get(prompt);
        if (!byError) groups.set(prompt, (byError = new Map()));
        let byRule = byError.get(v.error);
        if (!byRule) byError.set(v.error, (byRule = new Map()));
        const g = byRule.get(ruleKey);
        if (g) {
          for (const a of free) g.areas.push(a);
          continue;
        }
        // Built as text (a long table has one per entry cell); the same element el() would give.
        const formulas =
          v.rule.kind === "decimal"
            ? `<${p}formula1>${v.rule.min}</${p}formula1><${p}formula2>${v.rule.max}</${p}formula2>`
            : `<${p}formula1>${escapeText(`"${v.rule.items.map((i) => i.replace(/"/g, '""')).join(",")}"`)}</${p}formula1>`;
        const head =
          `<${name} type="${v.rule.kind}" errorStyle="warning"${v.rule.kind === "decimal" ? ' operator="between"' : ""} allowBlank="1" showInputMessage="1" showErrorMessage="1"` +
          ` errorTitle="${titleAttr}" error="${escapeAttr(cut(v.error, 225))}" promptTitle="${titleAttr}" prompt="${escapeAttr(cut(prompt, 255))}"`;
        const fresh = { head, formulas, areas: [...free] };
        byRule.set(ruleKey, fresh);
        made.push(fresh);
      }
      return made.map((g) => ({ ...g, sqrefs: sqrefChunks(joinAreas(g.areas)) }));
    };
    const dv = sheet.part("dataValidations", true)!;
    let count = elements(dv, "dataValidation").length;
    let made = group((v) => v.prompt);
    // Excel drops every validation of a sheet that has more than about 60,000 of them (it "repairs"
    // the file on opening): beyond MAX_VALIDATIONS, alike ones share one element whatever their
    // input message, which then says what the error message says.
    if (count + made.reduce((n, g) => n + g.sqrefs.length, 0) > MAX_VALIDATIONS) made = group((v) => v.error);
    for (const g of made) {
      for (const sqref of g.sqrefs) {
        append(dv, { name, open: `${g.head} sqref="${sqref}">`, close: `</${name}>`, children: [g.formulas] });
        count++;
      }
    }
    setAttrs(dv, { count: String(count) });
    sheet.touch();
  }

  /** Removes our validations overlapping any of `ranges` (the user's stay), in one pass. */
  private clearValidations(sheetName: string, ranges: Array<{ range: string }>): void {
    if (!this.parts.sheets.some((s) => s.name === sheetName && s.worksheet)) return;
    const areas = ranges.map((r) => parseRange(r.range)).filter((a): a is Merge => a !== null);
    const sheet = this.sheet(sheetName);
    const dv = sheet.part("dataValidations");
    if (!dv || !areas.length) return;
    const ours = (v: XEl) => attr(v, "promptTitle") === VALIDATION_TITLE && areasOf(attr(v, "sqref") ?? "").some((a) => areas.some((b) => overlaps(a, b)));
    dv.children = dv.children.filter((c) => typeof c === "string" || localName(c.name) !== "dataValidation" || !ours(c));
    const left = elements(dv, "dataValidation").length;
    if (left === 0) sheet.removeChild(dv);
    else setAttrs(dv, { count: String(left) });
    sheet.touch();
  }

  /** Adds a sheet's conditional formats after the user's, in one pass, each with a priority of its own. */
  private addConditionals(sheetName: string, list: ConditionalMark[]): void {
    const sheet = this.sheet(sheetName);
    let priority = 0;
    for (const cf of elements(sheet.root, "conditionalFormatting")) for (const r of elements(cf, "cfRule")) priority = Math.max(priority, Number(attr(r, "priority") ?? 0));
    const ext = sheet.part("extLst");
    if (ext) for (const m of serialize(ext).matchAll(/priority="(\d+)"/g)) priority = Math.max(priority, Number(m[1]));
    const dxfs = new Map<string, number>();
    const p = sheet.pfx;
    const nodes: XEl[] = [];
    const located = list.map((c) => {
      const area = parseRange(c.range);
      if (!area) throw new HostError("bad_address", c.range);
      return { area, formula: c.formula, color: c.color };
    });
    // Alike formats (the same formula relative to their cells, the same colour) share one element.
    for (const c of groupConditionals(located)) {
      let dxf = dxfs.get(c.color);
      if (dxf === undefined) dxfs.set(c.color, (dxf = this.styles.dxfWithFill(c.color)));
      // Built as text; the same elements el() would give.
      const rule = { name: p + "cfRule", open: `<${p}cfRule type="expression" dxfId="${dxf}" priority="${++priority}">`, close: `</${p}cfRule>`, children: [`<${p}formula>${escapeText(c.formula)}</${p}formula>`] };
      nodes.push({ name: p + "conditionalFormatting", open: `<${p}conditionalFormatting sqref="${c.sqref}">`, close: `</${p}conditionalFormatting>`, children: [rule] });
    }
    if (!nodes.length) return;
    // The first goes in schema order; the others follow it (where inserting each in order would put them).
    insertOrdered(sheet.root, nodes[0], SHEET_ORDER);
    const at = sheet.root.children.indexOf(nodes[0]) + 1;
    sheet.root.children = sheet.root.children.slice(0, at).concat(nodes.slice(1), sheet.root.children.slice(at));
    sheet.touch();
  }

  /** Removes our conditional formats (every rule of LIVE_MARK_COLOR) overlapping any of `ranges`, in one pass. */
  private clearConditional(sheetName: string, ranges: Array<{ range: string }>): void {
    if (!this.parts.sheets.some((s) => s.name === sheetName && s.worksheet)) return;
    const areas = ranges.map((r) => parseRange(r.range)).filter((a): a is Merge => a !== null);
    if (!areas.length) return;
    const sheet = this.sheet(sheetName);
    const live = LIVE_MARK_COLOR.toUpperCase();
    const fills = new Map<string, boolean>();
    const isLive = (dxfId: string) => {
      let f = fills.get(dxfId);
      if (f === undefined) fills.set(dxfId, (f = this.styles.dxfFill(Number(dxfId))?.toUpperCase() === live));
      return f;
    };
    const ours = (cf: XEl) => {
      if (!areasOf(attr(cf, "sqref") ?? "").some((a) => areas.some((b) => overlaps(a, b)))) return false;
      const rules = elements(cf, "cfRule");
      return rules.length > 0 && rules.every((r) => attr(r, "type") === "expression" && isLive(attr(r, "dxfId") ?? "-1"));
    };
    const before = sheet.root.children.length;
    sheet.root.children = sheet.root.children.filter((c) => typeof c === "string" || localName(c.name) !== "conditionalFormatting" || !ours(c));
    if (sheet.root.children.length !== before) sheet.touch();
  }

  private writeSheet(s: SheetWrite): void {
    const existing = this.parts.sheets.find((x) => x.name === s.name);
    let info: SheetInfo;
    if (existing) {
      if (!existing.worksheet) throw new HostError("host_failed", `工作表“${s.name}”不是普通工作表,不能改写`);
      const a1 = readSheet(this.pkg, this.parts, existing).cells[0]?.[0];
      if (s.name !== MAPPING_SHEET && !(typeof a1 === "string" && a1.startsWith(SHEET_MARKER))) throw new HostError("host_failed", `工作表“${s.name}”不是考核计分助手生成的,不能改写`);
      info = existing;
      this.sheetsEd.delete(info.path);
    } else {
      const path = this.freePath("xl/worksheets/sheet", ".xml");
      const rId = this.addRel(this.pkg.workbookPath, REL.worksheet, path);
      this.ensureOverride(path, CT.worksheet);
      const sheets = child(this.wb, "sheets")!;
      const ids = elements(sheets, "sheet").map((x) => Number(attr(x, "sheetId") ?? 0));
      const rAttr = this.rNamespace(this.wb);
      append(sheets, el(prefixOf(this.wb.name) + "sheet", { name: s.name, sheetId: Math.max(0, ...ids) + 1, [`${rAttr}:id`]: rId }));
      this.wbChanged = true;
      info = { name: s.name, index: this.parts.sheets.length, rId, path, hidden: false, worksheet: true };
      this.parts.sheets.push(info);
    }
    const sheetEl = elements(child(this.wb, "sheets")!, "sheet")[info.index];
    if (sheetEl && (attr(sheetEl, "state") === "hidden") !== Boolean(s.hidden)) {
      setAttrs(sheetEl, { state: s.hidden ? "hidden" : undefined });
      this.wbChanged = true;
    }
    info.hidden = Boolean(s.hidden);
    this.pkg.write(info.path, this.sheetXml(s));
    const names = this.definedNames(Boolean(s.print?.titleRows));
    const old = names && elements(names, "definedName").find((d) => attr(d, "name") === "_xlnm.Print_Titles" && attr(d, "localSheetId") === String(info.index));
    if (old) {
      remove(names!, old);
      this.wbChanged = true;
    }
    if (s.print?.titleRows && names) {
      const [a, b] = s.print.titleRows;
      append(names, el(prefixOf(this.wb.name) + "definedName", { name: "_xlnm.Print_Titles", localSheetId: info.index }, [escapeText(`${quoteSheet(s.name)}!$${a + 1}:$${b + 1}`)]));
      this.wbChanged = true;
    }
    if (names && elements(names, "definedName").length === 0) remove(this.wb, names);
  }

  private sheetXml(s: SheetWrite): string {
    const rowsXml: string[] = [];
    let right = 0;
    s.rows.forEach((row, r) => {
      const cells: string[] = [];
      // A line of text (a title, a note) is not wrapped: it runs over the empty cells to its right.
      const wrap = Boolean(s.wrap) && !s.lineRows?.includes(r);
      let lines = 1;
      row.forEach((v, c) => {
        const format = s.formats?.[r]?.[c] ?? null;
        const style = this.styles.cellStyle({ bold: s.boldRows?.includes(r), wrap, format });
        if ((v === null || v === "") && !style) return;
        right = Math.max(right, c);
        if (wrap && typeof v === "string") lines = Math.max(lines, wrappedLines(v, s.widths?.[c] ?? DEFAULT_WIDTH));
        const { type, inner } = content(v, null, "");
        cells.push(serialize(el("c", { r: toA1(r, c), s: style || undefined, t: type }, inner)));
      });
      if (cells.length === 0 && !s.boldRows?.includes(r)) return;
      // Office programs do not grow a row for wrapped text on opening a file (LibreOffice keeps the
      // default height, and prints the text cut): the height of the wrapped lines is written.
      const ht = lines > 1 ? ` ht="${lines * LINE_HEIGHT}" customHeight="1"` : "";
      rowsXml.push(`<row r="${r + 1}"${ht}>${cells.join("")}</row>`);
    });
    const dim = `A1:${toA1(Math.max(0, s.rows.length - 1), right)}`;
    const cols = s.widths?.length ? `<cols>${s.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>` : "";
    const fit = s.print?.fitToWidth;
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      (fit ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : "") +
      `<dimension ref="${dim}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
      cols +
      `<sheetData>${rowsXml.join("")}</sheetData>` +
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
      (s.print ? `<pageSetup paperSize="9" orientation="${s.print.landscape ? "landscape" : "portrait"}"${fit ? ' fitToWidth="1" fitToHeight="0"' : ""}/>` : "") +
      "</worksheet>"
    );
  }

  /** Activates a sheet and selects a cell (workbook view and sheet views). */
  select(sheetName: string, cell: string): void {
    const info = this.sheetInfo(sheetName);
    if (!parseA1(cell)) throw new HostError("bad_address", cell);
    let views = child(this.wb, "bookViews");
    if (!views) {
      views = el(prefixOf(this.wb.name) + "bookViews");
      insertOrdered(this.wb, views, WORKBOOK_ORDER);
    }
    let view = elements(views, "workbookView")[0];
    if (!view) append(views, (view = el(prefixOf(this.wb.name) + "workbookView")));
    setAttrs(view, { activeTab: info.index ? String(info.index) : undefined });
    // The first visible tab must not lie after the active one.
    if (Number(attr(view, "firstSheet") ?? 0) > info.index) setAttrs(view, { firstSheet: undefined });
    this.wbChanged = true;
    for (const s of this.parts.sheets) {
      if (!s.worksheet) continue;
      if (s.name === sheetName) this.sheet(s.name).select(cell.toUpperCase().replace(/\$/g, ""), true);
      else if (/tabSelected="(1|true)"/.test(this.pkg.text(s.path))) this.sheet(s.name).select(null, false);
    }
  }

  /** Writes every edited part back into the package. */
  commit(): void {
    let calcChainGone = false;
    for (const [path, ed] of this.sheetsEd) {
      if (ed.changed) this.pkg.write(path, ed.serialize());
      if (ed.formulaReplaced) calcChainGone = true;
    }
    for (const { ed, commentsPath, vmlPath } of this.commentsEd.values()) {
      if (ed.commentsChanged) this.pkg.write(commentsPath, ed.serialize());
      if (ed.vmlChanged) this.pkg.write(vmlPath, ed.vml);
    }
    if (this.styles.changed) {
      if (!this.pkg.has(this.stylesPath)) {
        this.addRel(this.pkg.workbookPath, REL.styles, this.stylesPath);
        this.ensureOverride(this.stylesPath, CT.styles);
      }
      this.pkg.write(this.stylesPath, this.styles.serialize());
    }
    if (calcChainGone) this.dropCalcChain();
    for (const [path, doc] of this.relsDocs) {
      const text = serialize(doc);
      if (!this.pkg.has(path) || this.pkg.text(path) !== text) this.pkg.write(path, text);
    }
    if (this.ctDoc) {
      const text = serialize(this.ctDoc);
      if (this.pkg.text("[Content_Types].xml") !== text) this.pkg.write("[Content_Types].xml", text);
    }
    if (this.wbChanged) this.pkg.write(this.pkg.workbookPath, serialize(this.wbDoc));
  }

  /** A formula cell was overwritten: the calculation chain would name it; Excel rebuilds the chain. */
  private dropCalcChain(): void {
    const root = rootOf(this.relsDoc(this.pkg.workbookPath));
    for (const r of elements(root, "Relationship")) {
      if (!relIs(attr(r, "Type") ?? "", REL.calcChain)) continue;
      const path = this.pkg.rels(this.pkg.workbookPath).find((x) => x.id === attr(r, "Id"))?.path;
      remove(root, r);
      if (path) {
        this.pkg.delete(path);
        const ct = this.contentTypes();
        for (const o of elements(ct, "Override")) if (attr(o, "PartName") === "/" + path) remove(ct, o);
      }
    }
  }

  /** Sets one cell's value (the preview's editing): text as text, "" or null empties the cell. */
  setValue(sheetName: string, a1: string, value: CellValue): void {
    const p = parseA1(a1);
    if (!p) throw new HostError("bad_address", a1);
    const sheet = this.sheet(sheetName);
    const existing = sheet.cell(p.row, p.col, false);
    if (!existing && (value === null || value === "")) return;
    sheet.setCell(existing ?? sheet.cell(p.row, p.col, true)!, content(value, null, sheet.pfx), null);
    this.calculateOnLoad();
  }

  /**
   * Sets the saved result of a formula cell (the preview recalculated it after an edit): the
   * formula stays as it is; a cell without a formula is left alone.
   */
  setResult(sheetName: string, a1: string, value: CellValue): void {
    const p = parseA1(a1);
    if (!p) throw new HostError("bad_address", a1);
    const sheet = this.sheet(sheetName);
    const c = sheet.cell(p.row, p.col, false);
    const f = c && child(c, "f");
    if (!c || !f) return;
    const v = (t: string) => `<${sheet.pfx}v>${t}</${sheet.pfx}v>`;
    let type: string | undefined;
    let inner = "";
    if (typeof value === "number") inner = Number.isFinite(value) ? v(String(value)) : "";
    else if (typeof value === "boolean") [type, inner] = ["b", v(value ? "1" : "0")];
    else if (value !== null) [type, inner] = ["str", v(escapeText(value))];
    c.children = inner ? [f, inner] : [f];
    setAttrs(c, { t: type });
    sheet.touch();
  }

  /**
   * A value changed under the workbook's formulas, whose saved results are now stale: the file
   * asks to be calculated in full when opened (Excel and WPS honour it; the user's other
   * calculation settings stay).
   */
  private calculateOnLoad(): void {
    let calc = child(this.wb, "calcPr");
    if (!calc) {
      calc = el(prefixOf(this.wb.name) + "calcPr");
      insertOrdered(this.wb, calc, WORKBOOK_ORDER);
    }
    if (/^(1|true)$/.test(attr(calc, "fullCalcOnLoad") ?? "")) return;
    setAttrs(calc, { fullCalcOnLoad: "1" });
    this.wbChanged = true;
  }
}

/**
 * A cell's type and children for a value, or a formula with its cached value. Text is always
 * text. The children are one piece of text (a long table writes one per row: no element trees).
 */
function content(v: CellValue, formula: string | null, pfx: string): { type?: string; inner: string[] } {
  const f = formula !== null ? `<${pfx}f>${escapeText(formula.charCodeAt(0) === 61 ? formula.slice(1) : formula)}</${pfx}f>` : "";
  const value = (t: string) => `<${pfx}v>${t}</${pfx}v>`;
  const done = (type: string | undefined, xml: string) => ({ type, inner: xml ? [xml] : [] });
  if (v === null || v === "") return done(undefined, f);
  if (typeof v === "number") return done(undefined, Number.isFinite(v) ? f + value(String(v)) : f);
  if (typeof v === "boolean") return done("b", f + value(v ? "1" : "0"));
  if (formula !== null) return done("str", f + value(escapeText(v)));
  const space = /^\s|\s$|\n/.test(v) ? ' xml:space="preserve"' : "";
  return done("inlineStr", `<${pfx}is><${pfx}t${space}>${escapeText(v)}</${pfx}t></${pfx}is>`);
}

export { localName };

/** Column width (characters) where a sheet write sets none. */
const DEFAULT_WIDTH = 8.43;
/** Points per wrapped line for fonts up to 12 pt (宋体 12 needs 15.6; Calibri 11 needs 15). */
const LINE_HEIGHT = 16;

/**
 * How many lines a text takes wrapped in a column `width` characters wide (the width of "0"):
 * a Han character or a full-width sign takes two (Excel and WPS with the usual fonts; LibreOffice
 * without Calibri draws them narrower, and the row only has room to spare), anything else one.
 */
export function wrappedLines(text: string, width: number): number {
  const room = Math.max(1, width - 1);
  let lines = 0;
  for (const part of text.split(/\r?\n/)) {
    let w = 0;
    for (const ch of part) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u3000-\u303f\u201c\u201d\u2018\u2019\u2014\u2026\u00b7]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
    lines += Math.max(1, Math.ceil(w / room));
  }
  return Math.max(1, lines);
}
