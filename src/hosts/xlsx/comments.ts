/**
 * Notes: a sheet's comments part (authors kept, ours added as the author 考核计分助手) and the
 * legacy VML drawing that makes Excel show them. Existing parts are extended; a user's note is
 * never replaced or removed. The VML Excel writes is not well-formed XML (bare <br>), so it is
 * edited as text: our shapes are appended before </xml> and found again by row and column.
 */
import { parseA1 } from "../../core/grid";
import { NOTE_PREFIX } from "../../footprint";
import { append, attr, child, el, elements, insertOrdered, parseXml, prefixOf, remove, rootOf, serialize, setAttrs, textContent, escapeText, unescapeExcel, type XEl } from "./xml";

export const NOTE_AUTHOR = "考核计分助手";

export const EMPTY_COMMENTS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors></authors><commentList></commentList></comments>';

export function emptyVml(idmap: number): string {
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">\n' +
    ` <o:shapelayout v:ext="edit">\n  <o:idmap v:ext="edit" data="${idmap}"/>\n </o:shapelayout>` +
    SHAPETYPE +
    "\n</xml>"
  );
}

const SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">\n  <v:stroke joinstyle="miter"/>\n  <v:path gradientshapeok="t" o:connecttype="rect"/>\n </v:shapetype>';

function shape(id: number, row: number, col: number): string {
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:180pt;height:80pt;z-index:${id % 1024};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col + 1}, 15, ${row}, 2, ${col + 4}, 15, ${row + 5}, 16</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
  );
}

const SHAPE_RE = /<v:shape\b[\s\S]*?<\/v:shape>/g;

export class CommentsEditor {
  private readonly doc: XEl;
  private readonly root: XEl;
  private readonly pfx: string;
  commentsChanged = false;
  vmlChanged = false;

  private readonly byRef = new Map<string, XEl>();
  /** Shapes we add, appended before </xml> when the VML is written. */
  private readonly added: Array<{ row: number; col: number; text: string }> = [];
  private nextId: number | null = null;
  /** The original VML cut into shapes (found by row and column) and the text between them. */
  private readonly pieces: Array<string | { text: string; note: boolean; row: number; col: number; removed?: boolean }> = [];

  constructor(
    xml: string,
    private readonly original: string,
  ) {
    this.doc = parseXml(xml);
    this.root = rootOf(this.doc);
    this.pfx = prefixOf(this.root.name);
    const l = child(this.root, "commentList");
    for (const c of l ? elements(l, "comment") : []) this.byRef.set((attr(c, "ref") ?? "").toUpperCase(), c);
    let last = 0;
    for (const m of original.matchAll(SHAPE_RE)) {
      if (m.index! > last) this.pieces.push(original.slice(last, m.index));
      const row = /<x:Row>\s*(\d+)\s*<\/x:Row>/.exec(m[0]);
      const col = /<x:Column>\s*(\d+)\s*<\/x:Column>/.exec(m[0]);
      this.pieces.push({ text: m[0], note: /ObjectType="Note"/.test(m[0]), row: row ? Number(row[1]) : -1, col: col ? Number(col[1]) : -1 });
      last = m.index! + m[0].length;
    }
    if (last < original.length) this.pieces.push(original.slice(last));
  }

  /**
   * The id of the next shape we add: after the highest id the drawing keeps (shapes removed by
   * this run do not count, so a run on its own output numbers its shapes as before).
   */
  private newId(): number {
    if (this.nextId === null) {
      let max = 0;
      for (const p of this.pieces) {
        if (typeof p !== "string" && p.removed) continue;
        for (const m of (typeof p === "string" ? p : p.text).matchAll(/_x0000_s(\d+)/g)) max = Math.max(max, Number(m[1]));
      }
      const idmap = Number(/<o:idmap\b[^>]*data="(\d+)/.exec(this.original)?.[1] ?? 1);
      this.nextId = max ? max + 1 : idmap * 1024 + 1;
    }
    return this.nextId++;
  }

  /**
   * The VML drawing with our shapes. Each of ours goes on a line of its own after the drawing's
   * last element, and a shape removed takes its line break with it: a run on its own output
   * gives the same bytes (no blank lines piling up run after run).
   */
  get vml(): string {
    if (!this.vmlChanged) return this.original;
    const kept: string[] = [];
    for (let i = 0; i < this.pieces.length; i++) {
      const p = this.pieces[i];
      if (typeof p !== "string") {
        if (!p.removed) kept.push(p.text);
        continue;
      }
      const next = this.pieces[i + 1];
      kept.push(next !== undefined && typeof next !== "string" && next.removed ? p.replace(/\s+$/, "") : p);
    }
    let base = kept.join("");
    if (!base.includes('id="_x0000_t202"')) base = base.replace(/<\/xml>\s*$/, `${SHAPETYPE}\n</xml>`);
    const shapes = this.added.map((a) => "\n" + a.text).join("");
    const at = base.lastIndexOf("</xml>");
    if (at < 0) return base + shapes;
    let end = at;
    while (end > 0 && /\s/.test(base[end - 1])) end--;
    return base.slice(0, end) + shapes + base.slice(end);
  }

  private list(): XEl {
    let l = child(this.root, "commentList");
    if (!l) {
      l = el(this.pfx + "commentList");
      insertOrdered(this.root, l, ["authors", "commentList", "extLst"]);
    }
    return l;
  }

  private find(ref: string): XEl | undefined {
    return this.byRef.get(ref);
  }

  /** The text of the note on `ref`, or null. */
  text(ref: string): string | null {
    const c = this.find(ref);
    const t = c && child(c, "text");
    return t ? unescapeExcel(textContent(t, new Set(["rPh"]))) : null;
  }

  private authorId(): number {
    let authors = child(this.root, "authors");
    if (!authors) {
      authors = el(this.pfx + "authors");
      insertOrdered(this.root, authors, ["authors", "commentList", "extLst"]);
    }
    const list = elements(authors, "author");
    const i = list.findIndex((a) => textContent(a) === NOTE_AUTHOR);
    if (i >= 0) return i;
    append(authors, el(this.pfx + "author", {}, [escapeText(NOTE_AUTHOR)]));
    return list.length;
  }

  /** Writes our note on `ref`; a user's note stays as it is. Returns whether the note was written. */
  set(ref: string, text: string): boolean {
    const old = this.text(ref);
    if (old !== null && !old.startsWith(NOTE_PREFIX)) return false;
    const p = this.pfx;
    const body = el(p + "text", {}, [el(p + "r", {}, [el(p + "t", { "xml:space": "preserve" }, [escapeText(text)])])]);
    const existing = this.find(ref);
    if (existing) {
      existing.children = [body];
      if (existing.close === "") {
        existing.open = existing.open.replace(/\s*\/>$/, ">");
        existing.close = `</${existing.name}>`;
      }
      setAttrs(existing, { authorId: String(this.authorId()) });
    } else {
      const c = el(p + "comment", { ref, authorId: this.authorId() }, [body]);
      append(this.list(), c);
      this.byRef.set(ref, c);
      this.addShape(ref);
    }
    this.commentsChanged = true;
    return true;
  }

  /** Removes our note on `ref` (a user's stays). */
  clear(ref: string): void {
    const old = this.text(ref);
    if (old === null || !old.startsWith(NOTE_PREFIX)) return;
    const c = this.find(ref)!;
    remove(this.list(), c);
    this.byRef.delete(ref);
    this.commentsChanged = true;
    const p = parseA1(ref);
    if (!p) return;
    const i = this.added.findIndex((a) => a.row === p.row && a.col === p.col);
    if (i >= 0) {
      this.added.splice(i, 1);
      return;
    }
    for (const piece of this.pieces) {
      if (typeof piece === "string" || piece.removed || !piece.note || piece.row !== p.row || piece.col !== p.col) continue;
      piece.removed = true;
      this.vmlChanged = true;
    }
  }

  private addShape(ref: string): void {
    const p = parseA1(ref);
    if (!p) return;
    this.added.push({ row: p.row, col: p.col, text: shape(this.newId(), p.row, p.col) });
    this.vmlChanged = true;
  }

  serialize(): string {
    return serialize(this.doc);
  }

  /** Whether the part holds no note any more. */
  get empty(): boolean {
    const l = child(this.root, "commentList");
    return !l || elements(l, "comment").length === 0;
  }
}
