/**
 * XML for the package: a guard against DTDs, text escaping, and a lossless tree for the parts
 * the writer edits. The tree keeps every tag and every piece of text as it was in the source,
 * so serializing an element nobody touched gives back its bytes exactly; an edited element
 * rebuilds only its own start tag. Large content (a sheet's <sheetData>) stays one string
 * until it is edited. Streaming reads go through saxes (read.ts); this is for editing.
 */
import { XlsxFormatError, formatMessage } from "./limits";

export interface XEl {
  name: string;
  /** The start tag as written ("<c r=\"A1\" s=\"3\">" or "<c r=\"A1\"/>"). */
  open: string;
  /** The end tag ("</c>"), "" for a self-closed element. */
  close: string;
  children: XNode[];
}
export type XNode = XEl | string;

const TOKEN = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!(?:DOCTYPE|ENTITY)|<(\/?)([^\s/>!?]+)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;

/** Refuses a part carrying a DTD (entity expansion, external entities). */
export function guardXml(text: string): void {
  if (text.includes("<!DOCTYPE") || text.includes("<!ENTITY")) throw new XlsxFormatError(formatMessage.dtd);
}

/**
 * Parses a part into a pseudo-root (name "") whose children are the prolog text and the root
 * element. Elements named in `opaque` keep their content as one string.
 */
export function parseXml(text: string, opaque: ReadonlySet<string> = new Set()): XEl {
  guardXml(text);
  const doc: XEl = { name: "", open: "", close: "", children: [] };
  const stack: XEl[] = [doc];
  let last = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const top = stack[stack.length - 1];
    if (m.index > last) top.children.push(text.slice(last, m.index));
    last = TOKEN.lastIndex;
    if (m[2] === undefined) {
      if (m[0].startsWith("<!") && !m[0].startsWith("<!--") && !m[0].startsWith("<![")) throw new XlsxFormatError(formatMessage.dtd);
      top.children.push(m[0]);
      continue;
    }
    if (m[1]) {
      if (top.name !== m[2] || stack.length === 1) throw new XlsxFormatError(formatMessage.broken);
      top.close = m[0];
      stack.pop();
      continue;
    }
    const el: XEl = { name: m[2], open: m[0], close: "", children: [] };
    top.children.push(el);
    if (m[4]) continue;
    if (opaque.has(localName(m[2]))) {
      const end = `</${m[2]}>`;
      const at = text.indexOf(end, last);
      if (at < 0) throw new XlsxFormatError(formatMessage.broken);
      if (at > last) el.children.push(text.slice(last, at));
      el.close = end;
      last = TOKEN.lastIndex = at + end.length;
      continue;
    }
    stack.push(el);
  }
  if (stack.length !== 1) throw new XlsxFormatError(formatMessage.broken);
  if (last < text.length) doc.children.push(text.slice(last));
  return doc;
}

export function serialize(node: XNode): string {
  if (typeof node === "string") return node;
  if (node.children.length === 0 && node.close === "") return node.open;
  let s = node.open;
  for (const c of node.children) s += typeof c === "string" ? c : serialize(c);
  return s + node.close;
}

export function localName(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
}

export function prefixOf(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? "" : name.slice(0, i + 1);
}

/** The root element of a parsed part. */
export function rootOf(doc: XEl): XEl {
  const r = doc.children.find((c): c is XEl => typeof c !== "string");
  if (!r) throw new XlsxFormatError(formatMessage.broken);
  return r;
}

export function elements(el: XEl, local?: string): XEl[] {
  return el.children.filter((c): c is XEl => typeof c !== "string" && (local === undefined || localName(c.name) === local));
}

export function child(el: XEl, local: string): XEl | undefined {
  for (const c of el.children) if (typeof c !== "string" && localName(c.name) === local) return c;
  return undefined;
}

const ATTR = /([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

/** Attributes of a start tag, in order, values decoded. */
export function attrs(el: XEl): Array<[string, string]> {
  const body = el.open.slice(1 + el.name.length);
  const out: Array<[string, string]> = [];
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(body); m; m = ATTR.exec(body)) out.push([m[1], decodeXml(m[3] ?? m[4] ?? "")]);
  return out;
}

export function attr(el: XEl, name: string): string | undefined {
  for (const [k, v] of attrs(el)) if (k === name) return v;
  return undefined;
}

function writeOpen(el: XEl, list: Array<[string, string]>): void {
  const selfClosed = el.close === "" && el.children.length === 0 && /\/>$/.test(el.open);
  el.open = `<${el.name}${list.map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join("")}${selfClosed ? "/>" : ">"}`;
}

/** Sets (or with undefined removes) attributes; the start tag is rebuilt only when something changes. */
export function setAttrs(el: XEl, values: Record<string, string | undefined>): void {
  const list = attrs(el);
  let changed = false;
  for (const [k, v] of Object.entries(values)) {
    const i = list.findIndex(([n]) => n === k);
    if (v === undefined) {
      if (i >= 0) {
        list.splice(i, 1);
        changed = true;
      }
    } else if (i < 0) {
      list.push([k, v]);
      changed = true;
    } else if (list[i][1] !== v) {
      list[i] = [k, v];
      changed = true;
    }
  }
  if (changed) writeOpen(el, list);
}

/** A new element from a name, attributes and children. */
export function el(name: string, attributes: Record<string, string | number | undefined> = {}, children: XNode[] = []): XEl {
  const a = Object.entries(attributes)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeAttr(String(v))}"`)
    .join("");
  return children.length ? { name, open: `<${name}${a}>`, close: `</${name}>`, children } : { name, open: `<${name}${a}/>`, close: "", children: [] };
}

/** Makes a self-closed element able to hold children. */
function opened(e: XEl): void {
  if (e.close === "") {
    e.open = e.open.replace(/\s*\/>$/, ">");
    e.close = `</${e.name}>`;
  }
}

export function append(parent: XEl, node: XNode): void {
  opened(parent);
  parent.children.push(node);
}

export function insertAt(parent: XEl, index: number, node: XNode): void {
  opened(parent);
  parent.children.splice(index, 0, node);
}

export function remove(parent: XEl, node: XNode): void {
  const i = parent.children.indexOf(node);
  if (i >= 0) parent.children.splice(i, 1);
}

/**
 * Inserts `node` among `parent`'s children in schema order: after the last child whose local
 * name comes at or before the node's in `order` (children not in `order` are kept in place).
 */
export function insertOrdered(parent: XEl, node: XEl, order: readonly string[]): void {
  const rank = order.indexOf(localName(node.name));
  let at = -1;
  parent.children.forEach((c, i) => {
    if (typeof c === "string") return;
    const r = order.indexOf(localName(c.name));
    if (r >= 0 && r <= rank) at = i;
  });
  if (at < 0) {
    // Before the first child that comes later in the schema.
    const later = parent.children.findIndex((c) => typeof c !== "string" && order.indexOf(localName(c.name)) > rank);
    insertAt(parent, later < 0 ? parent.children.length : later, node);
  } else insertAt(parent, at + 1, node);
}

/** The text content of an element (decoded), descending into children. */
export function textContent(e: XEl, skip: ReadonlySet<string> = new Set()): string {
  let s = "";
  for (const c of e.children) {
    if (typeof c === "string") {
      if (c.startsWith("<![CDATA[")) s += c.slice(9, -3);
      else if (!c.startsWith("<!--") && !c.startsWith("<?")) s += decodeXml(c);
    } else if (!skip.has(localName(c.name))) s += textContent(c, skip);
  }
  return s;
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function decodeXml(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (all, e: string) => {
    if (e[0] === "#") {
      const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      if (!Number.isFinite(code) || code > 0x10ffff) return all;
      // A reference to a character XML 1.0 cannot hold (ESC, BEL …) is no text a host would show.
      return (code < 0x20 && code !== 9 && code !== 10 && code !== 13) || code === 0xfffe || code === 0xffff ? "\ufffd" : String.fromCodePoint(code);
    }
    return ENTITIES[e] ?? all;
  });
}

/** Characters XML 1.0 cannot hold are written as Excel writes them (_x001B_). */
function excelEscapes(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, "_x005F_").replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}

/** Attribute values and texts that need no escaping at all (the common case) pass untouched. */
// eslint-disable-next-line no-control-regex
const PLAIN = /[&<>"\n\r\t\x00-\x1f\ufffe\uffff]|_x/;

/** Texts need less: quotes, tabs and line breaks stand as they are (formulas are full of quotes). */
// eslint-disable-next-line no-control-regex
const PLAIN_TEXT = /[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|_x/;

export function escapeText(s: string): string {
  if (!PLAIN_TEXT.test(s)) return s;
  return excelEscapes(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function escapeAttr(s: string): string {
  if (!PLAIN.test(s)) return s;
  return excelEscapes(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;");
}

/** Excel's escapes in text (_x000D_ …) back to characters. */
export function unescapeExcel(s: string): string {
  return s.includes("_x") ? s.replace(/_x([0-9A-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : s;
}
