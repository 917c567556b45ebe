/**
 * styles.xml: what the reader needs (which styles show dates, the solid fill of a style) and
 * what the writer adds (a style derived from a cell's own with a mark's fill, a dxf for
 * conditional marks, bold/wrap/number formats for our sheets). Every existing index stays
 * what it was: new fills, fonts, formats and styles are appended, and reused when an
 * identical one is already there.
 */
import { XlsxFormatError, formatMessage } from "./limits";
import { append, attr, attrs, child, el, elements, insertOrdered, localName, parseXml, prefixOf, rootOf, serialize, setAttrs, type XEl } from "./xml";

/** The 64 colours of the legacy indexed palette (index 64/65: system foreground/background). */
const INDEXED = (
  "000000 FFFFFF FF0000 00FF00 0000FF FFFF00 FF00FF 00FFFF 000000 FFFFFF FF0000 00FF00 0000FF FFFF00 FF00FF 00FFFF " +
  "800000 008000 000080 808000 800080 008080 C0C0C0 808080 9999FF 993366 FFFFCC CCFFFF 660066 FF8080 0066CC CCCCFF " +
  "000080 FF00FF FFFF00 00FFFF 800080 800000 008080 0000FF 00CCFF CCFFFF CCFFCC FFFF99 99CCFF FF99CC CC99FF FFCC99 " +
  "3366FF 33CCCC 99CC00 FFCC00 FF9900 FF6600 666699 969696 003366 339966 003300 333300 993300 993366 333399 333333"
).split(" ");

/** Built-in number formats exceljs knows by code (the reader tells dates the way exceljs did). */
const BUILTIN_FORMATS: Record<number, string> = {
  0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
  14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss",
  22: 'm/d/yy "h":mm', 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00 ;(#,##0.00)", 40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
};

export function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** Schema order of the children of <styleSheet>. */
const STYLE_ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];
/** Schema order of the children of <xf>. */
const XF_ORDER = ["alignment", "protection", "extLst"];

/** An xf's text without its fill (fillId, applyFill), attributes in a fixed order: styles alike but for the fill compare equal. */
function sansFill(xf: XEl): string {
  const kept = attrs(xf)
    .filter(([k]) => k !== "fillId" && k !== "applyFill")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join(" ");
  return kept + serialize({ ...xf, open: "<x>", close: "</x>" });
}

const hex = (n: number) => Math.round(Math.max(0, Math.min(255, n))).toString(16).padStart(2, "0").toUpperCase();

/** A theme colour lightened or darkened by a tint (ECMA-376 18.8.19: in HSL space). */
function applyTint(rgb: string, tint: number): string {
  if (!tint) return rgb;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(rgb.slice(i, i + 2), 16) / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  let h = 0;
  let s = 0;
  let l = (max + min) / 2;
  if (max !== min) {
    const d = max - min;
    s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
    h = max === r ? (g - b) / d + (g < b ? 6 : 0) : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
    h /= 6;
  }
  l = tint < 0 ? l * (1 + tint) : l * (1 - tint) + tint;
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const f = (t: number) => {
    t = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
    return t < 1 / 6 ? p + (q - p) * 6 * t : t < 1 / 2 ? q : t < 2 / 3 ? p + (q - p) * (2 / 3 - t) * 6 : p;
  };
  return s === 0 ? hex(l * 255).repeat(3) : hex(f(h + 1 / 3) * 255) + hex(f(h) * 255) + hex(f(h - 1 / 3) * 255);
}

/** The theme's colours in the order <color theme="n"> counts them (lt1 and dk1 come first). */
export function themeColors(themeXml: string | null): string[] {
  if (!themeXml) return [];
  const scheme = /<(?:\w+:)?clrScheme\b[\s\S]*?<\/(?:\w+:)?clrScheme>/.exec(themeXml)?.[0] ?? "";
  const get = (name: string) => {
    const m = new RegExp(`<(?:\\w+:)?${name}>([\\s\\S]*?)</(?:\\w+:)?${name}>`).exec(scheme)?.[1] ?? "";
    return (/lastClr="([0-9A-Fa-f]{6})"/.exec(m) ?? /val="([0-9A-Fa-f]{6})"/.exec(m))?.[1]?.toUpperCase() ?? "";
  };
  return ["lt1", "dk1", "lt2", "dk2", "accent1", "accent2", "accent3", "accent4", "accent5", "accent6", "hlink", "folHlink"].map(get);
}

export class Styles {
  private readonly doc: XEl;
  private readonly root: XEl;
  private readonly pfx: string;
  private dirty = false;
  private formats = new Map<number, string>();

  constructor(
    xml: string | null,
    private readonly theme: string[],
  ) {
    this.doc = parseXml(
      xml ??
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>',
    );
    this.root = rootOf(this.doc);
    if (localName(this.root.name) !== "styleSheet") throw new XlsxFormatError(formatMessage.broken);
    this.pfx = prefixOf(this.root.name);
    if (xml === null) this.dirty = true;
    const numFmts = child(this.root, "numFmts");
    for (const f of numFmts ? elements(numFmts, "numFmt") : []) this.formats.set(Number(attr(f, "numFmtId")), attr(f, "formatCode") ?? "");
  }

  get changed(): boolean {
    return this.dirty;
  }

  serialize(): string {
    return serialize(this.doc);
  }

  private list(name: string, item: string): XEl[] {
    const l = child(this.root, name);
    return l ? elements(l, item) : [];
  }

  /** The container (created in schema order when missing). */
  private container(name: string): XEl {
    let l = child(this.root, name);
    if (!l) {
      l = el(this.pfx + name, { count: 0 });
      insertOrdered(this.root, l, STYLE_ORDER);
    }
    return l;
  }

  /** Appends `item` to a list and returns its index; an identical item already there is reused. */
  private add(listName: string, itemName: string, item: XEl): number {
    const items = this.list(listName, itemName);
    const text = serialize(item);
    const same = items.findIndex((x) => serialize(x) === text);
    if (same >= 0) return same;
    const l = this.container(listName);
    append(l, item);
    setAttrs(l, { count: String(items.length + 1) });
    this.dirty = true;
    return items.length;
  }

  xf(index: number): XEl | undefined {
    return this.list("cellXfs", "xf")[index];
  }

  /** Whether cells of style `s` show numbers as dates (the number format's code, as exceljs reads it). */
  isDate(s: number): boolean {
    // Asked for every number a sheet holds: answered once per style (an existing style never changes).
    let d = this.dates.get(s);
    if (d === undefined) {
      const xf = this.xf(s);
      const id = Number(xf ? attr(xf, "numFmtId") ?? 0 : 0);
      d = id ? isDateFormat(this.formats.get(id) ?? BUILTIN_FORMATS[id]) : false;
      if (xf) this.dates.set(s, d);
    }
    return d;
  }

  private readonly dates = new Map<number, boolean>();

  /** A <color> element as "#RRGGBB" (theme and indexed colours resolved), null when unreadable. */
  color(c: XEl | undefined): string | null {
    if (!c) return null;
    const rgb = attr(c, "rgb");
    if (rgb && /^[0-9A-Fa-f]{6,8}$/.test(rgb)) return `#${rgb.slice(-6).toUpperCase()}`;
    const tint = Number(attr(c, "tint") ?? 0) || 0;
    const theme = attr(c, "theme");
    if (theme !== undefined) {
      const base = this.theme[Number(theme)];
      return base ? `#${applyTint(base, tint)}` : null;
    }
    const indexed = attr(c, "indexed");
    if (indexed !== undefined) {
      const custom = child(this.root, "colors");
      const mru = custom && child(custom, "indexedColors");
      const own = mru ? elements(mru, "rgbColor")[Number(indexed)] : undefined;
      const v = own ? attr(own, "rgb")?.slice(-6) : INDEXED[Number(indexed)];
      return v ? `#${applyTint(v.toUpperCase(), tint)}` : null;
    }
    return null;
  }

  /** The solid fill of a fill element, "#RRGGBB"; null for none (patterns other than solid count as none). */
  private fillColor(fill: XEl | undefined): string | null {
    const p = fill && child(fill, "patternFill");
    if (!p || attr(p, "patternType") !== "solid") return null;
    return this.color(child(p, "fgColor")) ?? this.color(child(p, "bgColor"));
  }

  /** The solid fill cells of style `s` show (asked for every cell a plan may mark: once per style). */
  fillOf(s: number): string | null {
    const known = this.fills.get(s);
    if (known !== undefined) return known;
    const xf = this.xf(s);
    if (!xf) return null;
    const fill = this.fillColor(this.list("fills", "fill")[Number(attr(xf, "fillId") ?? 0)]);
    // an existing style never changes (new looks are added as new styles)
    this.fills.set(s, fill);
    return fill;
  }

  private readonly fills = new Map<number, string | null>();

  private solidFill(color: string): XEl {
    const p = this.pfx;
    return el(p + "fill", {}, [el(p + "patternFill", { patternType: "solid" }, [el(p + "fgColor", { rgb: "FF" + color.slice(1).toUpperCase() }), el(p + "bgColor", { indexed: 64 })])]);
  }

  /** A copy of xf `s` with attributes changed (and children replaced), appended or reused. */
  private deriveXf(s: number, values: Record<string, string | undefined>, alignment?: Record<string, string>): number {
    const base = this.xf(s) ?? this.xf(0);
    const copy: XEl = base ? (parseXml(serialize(base)).children.find((c) => typeof c !== "string") as XEl) : el(this.pfx + "xf", { numFmtId: 0, fontId: 0, fillId: 0, borderId: 0, xfId: 0 });
    setAttrs(copy, values);
    if (alignment) {
      let a = child(copy, "alignment");
      if (!a) {
        a = el(this.pfx + "alignment");
        insertOrdered(copy, a, XF_ORDER);
        setAttrs(copy, { applyAlignment: "1" });
      }
      setAttrs(a, alignment);
    }
    // Reuse an identical style only when it is the same start tag and content.
    return this.add("cellXfs", "xf", copy);
  }

  /** Style `s` with a solid fill of `color` ("#RRGGBB"), or without any fill (null). */
  withFill(s: number, color: string | null): number {
    if (color === null) return this.deriveXf(s, { fillId: "0", applyFill: undefined });
    const fillId = this.add("fills", "fill", this.solidFill(color));
    return this.deriveXf(s, { fillId: String(fillId), applyFill: "1" });
  }

  /**
   * Style `s` with the fill `color` given back (a mark cleared): the existing style that differs
   * from `s` only in its fill and shows `color` (the cell's own style before it was marked, so a
   * theme colour stays a theme colour with its tint), else `s` with a solid fill of `color`.
   */
  restoreFill(s: number, color: string | null): number {
    const xf = this.xf(s);
    if (xf) {
      const xfs = this.list("cellXfs", "xf");
      // xfs by their text without the fill, indexed once (styles are only appended: new ones are added to it)
      const index = this.byLook;
      for (let i = index.size; i < xfs.length; i++) {
        const key = sansFill(xfs[i]);
        const list = index.looks.get(key);
        if (list) list.push(i);
        else index.looks.set(key, [i]);
        index.size = i + 1;
      }
      for (const i of index.looks.get(sansFill(xf)) ?? []) if (i !== s && this.fillOf(i) === color) return i;
    }
    return this.withFill(s, color);
  }

  private readonly byLook = { size: 0, looks: new Map<string, number[]>() };

  /** A differential format (for conditional marks) with a solid fill; reused when identical. */
  dxfWithFill(color: string): number {
    const p = this.pfx;
    return this.add("dxfs", "dxf", el(p + "dxf", {}, [el(p + "fill", {}, [el(p + "patternFill", {}, [el(p + "bgColor", { rgb: "FF" + color.slice(1).toUpperCase() })])])]));
  }

  /** The solid fill colour of dxf `i` ("#RRGGBB"), null when it has none. */
  dxfFill(i: number): string | null {
    const d = this.list("dxfs", "dxf")[i];
    const p = d && child(d, "fill");
    const pf = p && child(p, "patternFill");
    if (!pf) return null;
    return this.color(child(pf, "bgColor")) ?? this.color(child(pf, "fgColor"));
  }

  /** A custom number format's id (an existing one with the same code is reused). */
  numFmt(code: string): number {
    for (const [id, c] of Object.entries(BUILTIN_FORMATS)) if (c === code) return Number(id);
    for (const [id, c] of this.formats) if (c === code) return id;
    const id = Math.max(163, ...this.formats.keys()) + 1;
    this.formats.set(id, code);
    const l = this.container("numFmts");
    append(l, el(this.pfx + "numFmt", { numFmtId: id, formatCode: code }));
    setAttrs(l, { count: String(elements(l, "numFmt").length) });
    this.dirty = true;
    return id;
  }

  /** A bold copy of font 0 (the workbook's default font, 宋体 stays 宋体). */
  private boldFont(): number {
    const fonts = this.list("fonts", "font");
    const base = fonts[0];
    const copy: XEl = base ? (parseXml(serialize(base)).children.find((c) => typeof c !== "string") as XEl) : el(this.pfx + "font", {}, [el(this.pfx + "sz", { val: 11 })]);
    if (!child(copy, "b")) {
      const b = el(this.pfx + "b");
      copy.children.unshift(b);
      if (copy.close === "") {
        copy.open = copy.open.replace(/\s*\/>$/, ">");
        copy.close = `</${copy.name}>`;
      }
    }
    return this.add("fonts", "font", copy);
  }

  /** The style of a cell of our own sheets: bold, wrapped, with a number format. */
  cellStyle(look: { bold?: boolean; wrap?: boolean; format?: string | null }): number {
    if (!look.bold && !look.wrap && !look.format) return 0;
    // The same look is the same style (styles are only ever appended): derived once per look.
    const key = `${look.bold ? 1 : 0}${look.wrap ? 1 : 0}${look.format ?? ""}`;
    let s = this.looks.get(key);
    if (s === undefined) this.looks.set(key, (s = this.deriveLook(look)));
    return s;
  }

  private readonly looks = new Map<string, number>();

  private deriveLook(look: { bold?: boolean; wrap?: boolean; format?: string | null }): number {
    const values: Record<string, string | undefined> = {};
    if (look.bold) Object.assign(values, { fontId: String(this.boldFont()), applyFont: "1" });
    if (look.format) Object.assign(values, { numFmtId: String(this.numFmt(look.format)), applyNumberFormat: "1" });
    return this.deriveXf(0, values, look.wrap ? { wrapText: "1", vertical: "top" } : undefined);
  }

  /** Attributes of xf `s` (for tests). */
  xfAttrs(s: number): Array<[string, string]> {
    const xf = this.xf(s);
    return xf ? attrs(xf) : [];
  }
}
