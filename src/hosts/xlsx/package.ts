/**
 * The .xlsx package held in memory: its zip entries (compressed, as in the file), the parts
 * changed by the writer (as text), relationships, the workbook's sheet list and a streaming
 * SAX read of any part. Everything the reader and the writer know about the package's
 * structure is here.
 */
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { DEFAULT_LIMITS, XlsxFormatError, formatMessage, type XlsxLimits } from "./limits";
import { type Budget, type Deflate, type InflateRaw, type ZipEntry, entryOf, inflateAll, inflateEntry, readZip, writeZip } from "./zip";
import { attr, attrs, elements, child, parseXml, rootOf, serialize, type XEl } from "./xml";

export const REL = {
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  sharedStrings: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  theme: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme",
  comments: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
  vmlDrawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing",
  calcChain: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain",
  /** Excel 365's threaded comments of a sheet, and the people who wrote them (from the workbook). */
  threadedComment: "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment",
  person: "http://schemas.microsoft.com/office/2017/10/relationships/person",
} as const;

/** Strict OOXML spells the relationship types differently; both end the same way. */
export const relIs = (type: string, wanted: string) => type === wanted || type.endsWith(wanted.slice(wanted.lastIndexOf("/")));

export interface Rel {
  id: string;
  type: string;
  target: string;
  /** The part the target names (resolved against the source part), or null for an external target. */
  path: string | null;
}

export interface SheetInfo {
  name: string;
  /** Position in workbook order (the localSheetId of sheet-local names). */
  index: number;
  rId: string;
  path: string;
  hidden: boolean;
  /** A chart sheet or a dialog sheet: listed in the workbook, not a worksheet. */
  worksheet: boolean;
}

/** "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels". */
export function relsPathOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** A relationship target resolved against the folder of its source part. */
export function resolveTarget(source: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = source.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

/** The path of `target` relative to the folder of `source` ("xl/worksheets/sheet1.xml", "xl/comments1.xml" → "../comments1.xml"). */
export function relativeTarget(source: string, target: string): string {
  const from = source.split("/").slice(0, -1);
  const to = target.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...Array(from.length - i).fill(".."), ...to.slice(i)].join("/");
}

/** UTF-8 of text in pieces, without joining them into one string first. */
/** A part's text in pieces as UTF-8 (a long sheet has some 300,000 pieces). */
export type EncodePieces = (pieces: string[]) => Uint8Array;

/** The portable encoder: one buffer for the worst case, each piece encoded into it. */
export function encodePieces(pieces: string[]): Uint8Array {
  const encoder = new TextEncoder();
  let chars = 0;
  for (let i = 0; i < pieces.length; i++) chars += pieces[i].length;
  const out = new Uint8Array(chars * 3);
  let at = 0;
  for (let i = 0; i < pieces.length; i++) at += encoder.encodeInto(pieces[i], out.subarray(at)).written;
  return out.subarray(0, at);
}

export class XlsxPackage {
  readonly limits: XlsxLimits;
  private readonly entries = new Map<string, ZipEntry>();
  private readonly order: string[] = [];
  /** Parts written by the writer, as text (or bytes), and parts it removed. */
  /** Changed parts: text, or text in pieces (a large sheet, joined only if it is read again). */
  private readonly changed = new Map<string, string | string[]>();
  private readonly removed = new Set<string>();
  private readonly budget: Budget;
  private readonly textCache = new Map<string, string>();
  /** Parts already counted against the budget (a part read again costs nothing more). */
  private readonly counted = new Set<string>();
  readonly workbookPath: string;

  /**
   * `inflate`: a native raw inflate (Node's zlib in the CLI), several times faster than fflate's,
   * which the browser keeps.
   */
  constructor(
    bytes: Uint8Array,
    limits: Partial<XlsxLimits> = {},
    private readonly inflate?: InflateRaw,
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
    this.budget = { used: 0, limit: this.limits.totalBytes };
    for (const e of readZip(bytes, this.limits.totalBytes)) {
      const name = e.name.replace(/^\//, "");
      if (!this.entries.has(name)) this.order.push(name);
      this.entries.set(name, e);
    }
    if (!this.has("[Content_Types].xml")) throw new XlsxFormatError(formatMessage.missing("[Content_Types].xml"));
    const main = this.rels("").find((r) => relIs(r.type, REL.officeDocument));
    this.workbookPath = main?.path ?? "xl/workbook.xml";
    if (!this.has(this.workbookPath)) throw new XlsxFormatError(formatMessage.missing(this.workbookPath));
  }

  has(path: string): boolean {
    return !this.removed.has(path) && (this.changed.has(path) || this.entries.has(path));
  }

  /** Part names as they will be written, in order. */
  paths(): string[] {
    return [...this.order.filter((p) => !this.removed.has(p)), ...[...this.changed.keys()].filter((p) => !this.entries.has(p))];
  }

  /** A part as text; parts are inflated once and checked for DTDs. */
  text(path: string): string {
    const c = this.changed.get(path);
    if (c !== undefined) {
      if (typeof c === "string") return c;
      const joined = c.join("");
      this.changed.set(path, joined);
      return joined;
    }
    let t = this.textCache.get(path);
    if (t === undefined) {
      const e = this.entries.get(path);
      if (!e || this.removed.has(path)) throw new XlsxFormatError(formatMessage.missing(path));
      t = new TextDecoder().decode(inflateAll(e, this.budgetFor(path), this.inflate));
      if (t.includes("<!DOCTYPE") || t.includes("<!ENTITY")) throw new XlsxFormatError(formatMessage.dtd);
      this.textCache.set(path, t);
    }
    return t;
  }

  private budgetFor(path: string): Budget {
    if (this.counted.has(path)) return { used: 0, limit: Infinity };
    this.counted.add(path);
    return this.budget;
  }

  /** Reads a part with a SAX parser as it is inflated (for the parts that can be large). */
  sax(path: string, handlers: { open?: (tag: SaxesTagPlain) => void; close?: (name: string) => void; text?: (t: string) => void }, keep = false): void {
    const parser = new SaxesParser({ xmlns: false, position: false });
    parser.on("doctype", () => {
      throw new XlsxFormatError(formatMessage.dtd);
    });
    parser.on("error", () => {
      throw new XlsxFormatError(formatMessage.broken);
    });
    if (handlers.open) parser.on("opentag", handlers.open as (t: unknown) => void);
    if (handlers.close) parser.on("closetag", (t) => handlers.close!(t.name));
    if (handlers.text) {
      parser.on("text", handlers.text);
      parser.on("cdata", handlers.text);
    }
    if (this.changed.has(path) || this.textCache.has(path)) {
      parser.write(this.text(path)).close();
      return;
    }
    const e = this.entries.get(path);
    if (!e || this.removed.has(path)) throw new XlsxFormatError(formatMessage.missing(path));
    // Inflated bytes are gathered into blocks of about 1 MB and decoded at a character boundary:
    // one native decode per block is much cheaper than a streaming decode per small chunk.
    const decoder = new TextDecoder();
    // The text of a part the writer will edit is kept, so it is not inflated twice.
    const kept: string[] | null = keep ? [] : null;
    const block = new Uint8Array(1 << 20);
    let fill = 0;
    const flush = (final: boolean) => {
      let cut = fill;
      if (!final) {
        // Back up over an incomplete UTF-8 sequence at the end of the block.
        let i = fill - 1;
        while (i >= 0 && i > fill - 4 && (block[i] & 0xc0) === 0x80) i--;
        if (i >= 0) {
          const lead = block[i];
          const len = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
          if (i + len > fill) cut = i;
        }
      }
      if (cut > 0) {
        const text = decoder.decode(block.subarray(0, cut));
        if (kept) kept.push(text);
        parser.write(text);
      }
      block.copyWithin(0, cut, fill);
      fill -= cut;
    };
    inflateEntry(
      e,
      this.budgetFor(path),
      (chunk) => {
        let at = 0;
        while (at < chunk.length) {
          const n = Math.min(chunk.length - at, block.length - fill);
          block.set(chunk.subarray(at, at + n), fill);
          fill += n;
          at += n;
          if (fill === block.length) flush(false);
        }
      },
      this.inflate,
    );
    flush(true);
    parser.close();
    if (kept) this.textCache.set(path, kept.join(""));
  }

  /** A part parsed into the lossless tree (see xml.ts). */
  tree(path: string, opaque?: ReadonlySet<string>): XEl {
    return parseXml(this.text(path), opaque);
  }

  /** Replaces (or adds) a part. */
  write(path: string, text: string | string[]): void {
    this.removed.delete(path);
    this.changed.set(path, text);
    this.textCache.delete(path);
  }

  delete(path: string): void {
    this.changed.delete(path);
    this.textCache.delete(path);
    this.removed.add(path);
  }

  /** The relationships of a part ("" for the package's own). */
  rels(part: string): Rel[] {
    const path = part === "" ? "_rels/.rels" : relsPathOf(part);
    if (!this.has(path)) return [];
    const root = rootOf(this.tree(path));
    return elements(root, "Relationship").map((r) => {
      const target = attr(r, "Target") ?? "";
      const external = attr(r, "TargetMode") === "External";
      return { id: attr(r, "Id") ?? "", type: attr(r, "Type") ?? "", target, path: external ? null : resolveTarget(part || "x", target) };
    });
  }

  /** The worksheets (and other sheets) in workbook order, with their parts and state. */
  sheets(): SheetInfo[] {
    const rels = new Map(this.rels(this.workbookPath).map((r) => [r.id, r]));
    const root = rootOf(this.tree(this.workbookPath, new Set(["extLst"])));
    const list = child(root, "sheets");
    if (!list) return [];
    return elements(list, "sheet").map((s, index) => {
      const a = new Map(attrs(s));
      const rId = [...a.entries()].find(([k]) => k === "r:id" || k.endsWith(":id"))?.[1] ?? "";
      const rel = rels.get(rId);
      const state = a.get("state");
      return {
        name: a.get("name") ?? `Sheet${index + 1}`,
        index,
        rId,
        path: rel?.path ?? "",
        hidden: state === "hidden" || state === "veryHidden",
        worksheet: !!rel && relIs(rel.type, REL.worksheet) && this.has(rel.path ?? ""),
      };
    });
  }

  /** The zip bytes: unchanged parts keep their compressed bytes, changed parts are deflated anew. */
  /** `encode`: a faster encoder of text in pieces (Node's Buffer in the CLI). */
  save(deflate?: Deflate, crc?: (data: Uint8Array) => number, encode: EncodePieces = encodePieces): Uint8Array {
    const encoder = new TextEncoder();
    const out: ZipEntry[] = [];
    for (const path of this.paths()) {
      const text = this.changed.get(path);
      const original = this.entries.get(path);
      if (text !== undefined) out.push(entryOf(path, typeof text === "string" ? encoder.encode(text) : encode(text), original, deflate, crc));
      else if (original) out.push({ ...original, name: path });
    }
    return writeZip(out);
  }

  /** The edits so far, to return to when a batch fails halfway. */
  snapshot(): () => void {
    const changed = new Map(this.changed);
    const removed = new Set(this.removed);
    return () => {
      this.changed.clear();
      for (const [k, v] of changed) this.changed.set(k, v);
      this.removed.clear();
      for (const k of removed) this.removed.add(k);
      this.textCache.clear();
    };
  }

  /** Whether a part was changed by the writer (for tests and the message of --out). */
  isChanged(path: string): boolean {
    return this.changed.has(path) || this.removed.has(path);
  }

  /** Serialized tree written back as a part. */
  writeTree(path: string, doc: XEl): void {
    this.write(path, serialize(doc));
  }
}
