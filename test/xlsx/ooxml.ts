/**
 * A raw OOXML builder for the fidelity corpus: workbooks written part by part as Excel, WPS and
 * LibreOffice write them (hand-written XML zipped by fflate), holding what exceljs cannot write
 * or keep (charts, pivot caches, x14 validations, sheet-local names …). Each fixture carries a
 * score table the real engine scores, so a real write-back plan touches it.
 */
import { zipSync } from "fflate";

export type Cell = string | number | boolean | null | { f: string; v?: number | string | null; t?: "str" | "b" | "e" };

/** Children of <worksheet> besides sheetData, by their schema name (placed in schema order). */
export type SheetExtras = Partial<Record<(typeof ORDER)[number], string>>;

export interface SheetSpec {
  name: string;
  rows: Cell[][];
  merges?: string[];
  extras?: SheetExtras;
  /** Relationships of the sheet part: [id, type (last segment), target, external]. */
  rels?: Array<[string, string, string, boolean?]>;
  state?: "hidden";
  /** Style index per "A1" (an index of cellXfs). */
  styles?: Record<string, number>;
  /** Root element attributes added to <worksheet> (namespaces of WPS, LibreOffice …). */
  rootAttrs?: string;
}

export interface BookSpec {
  sheets: SheetSpec[];
  /** Extra parts: path → content. */
  parts?: Record<string, string | Uint8Array>;
  /** [partName (without leading /), contentType]. */
  overrides?: Array<[string, string]>;
  defaults?: Array<[string, string]>;
  /** Children of <workbook> by schema name. */
  workbook?: Partial<Record<"fileVersion" | "workbookPr" | "workbookProtection" | "bookViews" | "definedNames" | "calcPr" | "pivotCaches" | "extLst", string>>;
  workbookRootAttrs?: string;
  /** Extra workbook relationships: [id, type, target]. */
  workbookRels?: Array<[string, string, string]>;
  /** Extra package relationships (docProps/custom.xml …). */
  rootRels?: Array<[string, string, string]>;
  styles?: string;
  app?: string;
  /** Strings as inline strings (as some generators write them) instead of shared strings. */
  inlineStrings?: boolean;
  /** LibreOffice writes booleans as "true"/"false" in some attributes and t="b" cells as 1/0. */
}

const ORDER = [
  "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetProtection", "autoFilter", "mergeCells",
  "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks",
  "colBreaks", "drawing", "legacyDrawing", "tableParts", "extLst",
] as const;

export const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  pkgRel: "http://schemas.openxmlformats.org/package/2006/relationships",
  rel: (t: string) => `http://schemas.openxmlformats.org/officeDocument/2006/relationships/${t}`,
};

const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

export const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function colName(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Styles with 宋体 as the default font, a bold font, a user's yellow fill and a date format. */
export const STYLES_SONGTI =
  DECL +
  `<styleSheet xmlns="${NS.main}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">` +
  '<numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>' +
  '<fonts count="2" x14ac:knownFonts="1"><font><sz val="11"/><color theme="1"/><name val="宋体"/><family val="2"/><charset val="134"/><scheme val="minor"/></font>' +
  '<font><b/><sz val="11"/><color theme="1"/><name val="宋体"/><family val="3"/><charset val="134"/></font></fonts>' +
  '<fills count="4"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFFFFF00"/><bgColor indexed="64"/></patternFill></fill>' +
  '<fill><patternFill patternType="solid"><fgColor theme="4" tint="0.79998168889431442"/><bgColor indexed="64"/></patternFill></fill></fills>' +
  '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"><color indexed="64"/></left><right style="thin"><color indexed="64"/></right><top style="thin"><color indexed="64"/></top><bottom style="thin"><color indexed="64"/></bottom><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"><alignment vertical="center"/></xf></cellStyleXfs>' +
  '<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"><alignment vertical="center"/></xf>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>' +
  '<xf numFmtId="0" fontId="0" fillId="2" borderId="1" xfId="0" applyFill="1" applyBorder="1"><alignment vertical="center"/></xf>' +
  '<xf numFmtId="176" fontId="0" fillId="3" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1"><alignment vertical="center"/></xf></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles><dxfs count="1"><dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf></dxfs>' +
  '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>';

export const THEME =
  DECL +
  '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office 主题"><a:themeElements><a:clrScheme name="Office">' +
  '<a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>' +
  '<a:dk2><a:srgbClr val="44546A"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2><a:accent1><a:srgbClr val="5B9BD5"/></a:accent1>' +
  '<a:accent2><a:srgbClr val="ED7D31"/></a:accent2><a:accent3><a:srgbClr val="A5A5A5"/></a:accent3><a:accent4><a:srgbClr val="FFC000"/></a:accent4>' +
  '<a:accent5><a:srgbClr val="4472C4"/></a:accent5><a:accent6><a:srgbClr val="70AD47"/></a:accent6><a:hlink><a:srgbClr val="0563C1"/></a:hlink>' +
  '<a:folHlink><a:srgbClr val="954F72"/></a:folHlink></a:clrScheme><a:fontScheme name="Office"><a:majorFont><a:latin typeface="Calibri Light"/><a:ea typeface=""/><a:cs typeface=""/><a:font script="Hans" typeface="宋体"/></a:majorFont>' +
  '<a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/><a:font script="Hans" typeface="宋体"/></a:minorFont></a:fontScheme>' +
  '<a:fmtScheme name="Office"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst>' +
  '<a:lnStyleLst><a:ln w="6350"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="12700"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="19050"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst>' +
  '<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>' +
  '<a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>';

/**
 * The score table every fixture carries (a 根河-style table): F3 is over its maximum (an
 * error the write-back marks), the 合计 row sums with a formula whose cached result is kept.
 */
export function scoreRows(): Cell[][] {
  return [
    ["2017年度政务公开工作考核指标及评价办法", null, null, null, null, null],
    ["类别", "序号", "目标要求", "分值", "自查办法", "自查评分"],
    ["组织保障", 1, "明确分管领导、工作机构和人员负责政务公开工作", 6, "根据查看文件、资料评分", 7],
    [null, 2, "分解落实工作任务", 16, "一项未达标扣4分,未作任务分解本项不得分", 12],
    ["政策解读", 3, "落实政策解读机制", 4, "提供可供查询的解读材料", 4],
    ["合计", null, null, { f: "SUM(D3:D5)", v: 26 }, null, { f: "SUM(F3:F5)", v: 23 }],
  ];
}

export const SCORE_MERGES = ["A1:F1", "A3:A4"];
/** Styles of the score table: bold header, bordered body, the user's yellow fill on F4. */
export function scoreStyles(): Record<string, number> {
  const s: Record<string, number> = {};
  for (let c = 0; c < 6; c++) s[`${colName(c)}2`] = 1;
  for (let r = 3; r <= 6; r++) for (let c = 0; c < 6; c++) s[`${colName(c)}${r}`] = 2;
  s.F4 = 3;
  return s;
}

function sheetXml(spec: SheetSpec, sst: Map<string, number>, inline: boolean): string {
  const rows = spec.rows
    .map((row, r) => {
      const cells = row
        .map((v, c) => {
          const ref = `${colName(c)}${r + 1}`;
          const s = spec.styles?.[ref];
          const sa = s ? ` s="${s}"` : "";
          if (v === null || v === undefined) return s ? `<c r="${ref}"${sa}/>` : "";
          if (typeof v === "number") return `<c r="${ref}"${sa}><v>${v}</v></c>`;
          if (typeof v === "boolean") return `<c r="${ref}"${sa} t="b"><v>${v ? 1 : 0}</v></c>`;
          if (typeof v === "object") {
            const t = v.t ? ` t="${v.t}"` : typeof v.v === "string" ? ' t="str"' : "";
            return `<c r="${ref}"${sa}${t}><f>${esc(v.f)}</f>${v.v === null || v.v === undefined ? "" : `<v>${esc(String(v.v))}</v>`}</c>`;
          }
          if (inline) return `<c r="${ref}"${sa} t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
          if (!sst.has(v)) sst.set(v, sst.size);
          return `<c r="${ref}"${sa} t="s"><v>${sst.get(v)}</v></c>`;
        })
        .join("");
      return cells ? `<row r="${r + 1}" spans="1:${Math.max(1, row.length)}">${cells}</row>` : "";
    })
    .join("");
  const width = Math.max(1, ...spec.rows.map((r) => r.length));
  const ex = spec.extras ?? {};
  const merges = spec.merges?.length ? `<mergeCells count="${spec.merges.length}">${spec.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>` : "";
  const parts: Record<string, string> = {
    dimension: `<dimension ref="A1:${colName(width - 1)}${Math.max(1, spec.rows.length)}"/>`,
    sheetViews: '<sheetViews><sheetView workbookViewId="0"/></sheetViews>',
    sheetFormatPr: '<sheetFormatPr defaultColWidth="9" defaultRowHeight="13.5"/>',
    sheetData: `<sheetData>${rows}</sheetData>`,
    mergeCells: merges,
    pageMargins: '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
    ...ex,
  };
  const body = ORDER.map((k) => parts[k] ?? "").join("");
  return DECL + `<worksheet xmlns="${NS.main}" xmlns:r="${NS.r}"${spec.rootAttrs ?? ""}>${body}</worksheet>`;
}

/** The zipped workbook. */
export function buildXlsx(book: BookSpec): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const enc = new TextEncoder();
  const put = (path: string, data: string | Uint8Array) => (files[path] = typeof data === "string" ? enc.encode(data) : data);
  const sst = new Map<string, number>();
  const sheets = book.sheets.map((s, i) => ({ path: `xl/worksheets/sheet${i + 1}.xml`, xml: sheetXml(s, sst, !!book.inlineStrings), spec: s }));
  const overrides: Array<[string, string]> = [
    ["xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"],
    ...sheets.map((s): [string, string] => [s.path, "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"]),
    ["xl/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml"],
    ["xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"],
    ...(sst.size || !book.inlineStrings ? [["xl/sharedStrings.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"] as [string, string]] : []),
    ["docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"],
    ["docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"],
    ...(book.overrides ?? []),
  ];
  const defaults: Array<[string, string]> = [
    ["rels", "application/vnd.openxmlformats-package.relationships+xml"],
    ["xml", "application/xml"],
    ...(book.defaults ?? []),
  ];
  put(
    "[Content_Types].xml",
    DECL +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      defaults.map(([e, t]) => `<Default Extension="${e}" ContentType="${t}"/>`).join("") +
      overrides.map(([p, t]) => `<Override PartName="/${p}" ContentType="${t}"/>`).join("") +
      "</Types>",
  );
  const rootRels: Array<[string, string, string]> = [
    ["rId3", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties", "docProps/app.xml"],
    ["rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"],
    ["rId1", NS.rel("officeDocument"), "xl/workbook.xml"],
    ...(book.rootRels ?? []),
  ];
  put("_rels/.rels", DECL + `<Relationships xmlns="${NS.pkgRel}">` + rootRels.map(([i, t, g]) => `<Relationship Id="${i}" Type="${t}" Target="${g}"/>`).join("") + "</Relationships>");
  put(
    "docProps/app.xml",
    book.app ??
      DECL +
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop></Properties>',
  );
  put(
    "docProps/core.xml",
    DECL +
      '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>办公室</dc:creator><cp:lastModifiedBy>张三</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">2021-03-01T01:02:03Z</dcterms:created></cp:coreProperties>',
  );
  const wbRels: Array<[string, string, string]> = [
    ...sheets.map((s, i): [string, string, string] => [`rId${i + 1}`, NS.rel("worksheet"), `worksheets/sheet${i + 1}.xml`]),
    [`rId${sheets.length + 1}`, NS.rel("theme"), "theme/theme1.xml"],
    [`rId${sheets.length + 2}`, NS.rel("styles"), "styles.xml"],
    ...(book.inlineStrings ? [] : ([[`rId${sheets.length + 3}`, NS.rel("sharedStrings"), "sharedStrings.xml"]] as Array<[string, string, string]>)),
    ...(book.workbookRels ?? []),
  ];
  put("xl/_rels/workbook.xml.rels", DECL + `<Relationships xmlns="${NS.pkgRel}">` + wbRels.map(([i, t, g]) => `<Relationship Id="${i}" Type="${t}" Target="${g}"/>`).join("") + "</Relationships>");
  const w = book.workbook ?? {};
  put(
    "xl/workbook.xml",
    DECL +
      `<workbook xmlns="${NS.main}" xmlns:r="${NS.r}"${book.workbookRootAttrs ?? ""}>` +
      (w.fileVersion ?? '<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="22228"/>') +
      (w.workbookPr ?? '<workbookPr defaultThemeVersion="164011"/>') +
      (w.workbookProtection ?? "") +
      (w.bookViews ?? '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews>') +
      `<sheets>${sheets.map((s, i) => `<sheet name="${esc(s.spec.name)}" sheetId="${i + 1}"${s.spec.state ? ` state="${s.spec.state}"` : ""} r:id="rId${i + 1}"/>`).join("")}</sheets>` +
      (w.definedNames ?? "") +
      (w.calcPr ?? '<calcPr calcId="162913"/>') +
      (w.pivotCaches ?? "") +
      (w.extLst ?? "") +
      "</workbook>",
  );
  put("xl/theme/theme1.xml", THEME);
  put("xl/styles.xml", book.styles ?? STYLES_SONGTI);
  sheets.forEach((s) => {
    put(s.path, s.xml);
    if (s.spec.rels?.length) {
      put(
        s.path.replace("worksheets/", "worksheets/_rels/") + ".rels",
        DECL +
          `<Relationships xmlns="${NS.pkgRel}">` +
          s.spec.rels.map(([i, t, g, ext]) => `<Relationship Id="${i}" Type="${t.includes("/") ? t : NS.rel(t)}" Target="${esc(g)}"${ext ? ' TargetMode="External"' : ""}/>`).join("") +
          "</Relationships>",
      );
    }
  });
  if (!book.inlineStrings) {
    const list = [...sst.keys()];
    put("xl/sharedStrings.xml", DECL + `<sst xmlns="${NS.main}" count="${list.length}" uniqueCount="${list.length}">${list.map((t) => `<si><t>${esc(t)}</t></si>`).join("")}</sst>`);
  }
  for (const [p, d] of Object.entries(book.parts ?? {})) put(p, d);
  // [Content_Types].xml first, as Excel writes it.
  return zipSync(files, { level: 6 });
}

/** A score sheet spec with the table, its merges and styles, plus extras. */
export function scoreSheet(extras: Partial<SheetSpec> = {}): SheetSpec {
  return { name: "评分表", rows: scoreRows(), merges: SCORE_MERGES, styles: scoreStyles(), ...extras };
}
