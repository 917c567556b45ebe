/**
 * The whole WorkbookChanges contract on the .xlsx host, checked in the parts it writes: text
 * stays text, formulas with cached values, formats copied from the user's column, widths, print
 * areas, reversible marks, notes beside the user's, validations and conditional marks beside
 * the user's, our sheets (and only ours) replaced, the active cell.
 */
import { unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { LIVE_MARK_COLOR, MAPPING_SHEET, MARK_COLORS, NOTE_PREFIX, SHEET_MARKER, VALIDATION_TITLE } from "../../src/footprint";
import { createXlsxPort, type XlsxPort } from "../../src/hosts/xlsx";
import { MAX_VALIDATIONS } from "../../src/hosts/xlsx/write";
import { HostError, type WorkbookChanges } from "../../src/hosts/port";
import { NS, buildXlsx, scoreSheet, scoreStyles, type BookSpec } from "./ooxml";

const none: WorkbookChanges = { clearMarks: [], values: [], marks: [], sheets: [] };
const change = (c: Partial<WorkbookChanges>): WorkbookChanges => ({ ...none, ...c });
const part = (port: XlsxPort, path: string) => new TextDecoder().decode(unzipSync(port.save())[path]);
const cellXml = (xml: string, ref: string) => new RegExp(`<c r="${ref}"(?:[^>]*/>|[^>]*>[\\s\\S]*?</c>)`).exec(xml)?.[0] ?? "";
const sheet1 = (port: XlsxPort) => part(port, "xl/worksheets/sheet1.xml");
const open = (book: Partial<BookSpec> = {}) => createXlsxPort(buildXlsx({ sheets: [scoreSheet()], ...book }));

describe("the calculation chain (calcChain.xml lists formula cells by place)", () => {
  const withChain = () =>
    open({
      workbookRels: [["rId8", NS.rel("calcChain"), "calcChain.xml"]],
      parts: { "xl/calcChain.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="${NS.main}"><c r="D6" i="1"/><c r="F6"/></calcChain>` },
      overrides: [["xl/calcChain.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"]],
    });
  const files = (port: XlsxPort) => Object.keys(unzipSync(port.save()));

  it("goes when a formula cell becomes a value (Excel would call a chain naming it corrupt)", async () => {
    const port = withChain();
    port.setCellValue("评分表", "F6", 30);
    expect(files(port)).not.toContain("xl/calcChain.xml");
    expect(part(port, "xl/_rels/workbook.xml.rels")).not.toContain("calcChain");
    expect(part(port, "[Content_Types].xml")).not.toContain("calcChain");
  });

  it("stays when a formula cell is given another formula (a run rewriting its own column)", async () => {
    const port = withChain();
    await port.apply(change({ values: [{ sheet: "评分表", address: "F6", values: [[23]], formulas: [["=SUM(F3:F5)+0"]] }] }));
    expect(cellXml(sheet1(port), "F6")).toBe("<c r=\"F6\" s=\"2\"><f>SUM(F3:F5)+0</f><v>23</v></c>");
    expect(part(port, "xl/calcChain.xml")).toContain('<c r="F6"/>');
    expect(part(port, "xl/_rels/workbook.xml.rels")).toContain("calcChain");
  });
});

describe("values", () => {
  it("text that starts with = + - @ lands as text, never as a formula", async () => {
    const port = open();
    await port.apply(change({ values: [{ sheet: "评分表", address: "H2", values: [["=SUM(A1:A9)"], ["+1"], ["-2"], ["@x"]] }] }));
    const xml = sheet1(port);
    expect(xml).not.toMatch(/<c r="H\d"[^>]*>\s*<f>/);
    expect(cellXml(xml, "H2")).toBe('<c r="H2" t="inlineStr"><is><t>=SUM(A1:A9)</t></is></c>');
    const [g] = await port.readSheets();
    expect([g.cells[1][7], g.cells[2][7], g.cells[3][7], g.cells[4][7]]).toEqual(["=SUM(A1:A9)", "+1", "-2", "@x"]);
    expect(g.formulas?.[1]?.[7]).toBeUndefined();
  });

  it("formulas are written with their cached result; a value beside them stays a value", async () => {
    const port = open();
    await port.apply(change({ values: [{ sheet: "评分表", address: "G5", values: [[4], [22]], formulas: [[null], ["=SUM(G3:G5)"]] }] }));
    const xml = sheet1(port);
    expect(cellXml(xml, "G6")).toBe("<c r=\"G6\"><f>SUM(G3:G5)</f><v>22</v></c>");
    expect(cellXml(xml, "G5")).toBe('<c r="G5"><v>4</v></c>');
    const [g] = await port.readSheets();
    expect(g.cells[5][6]).toBe(22);
    expect(g.formulas?.[5]?.[6]).toBe(true);
  });

  it("formatFrom gives each written cell the style of the user's cell in that column on the same row, header included", async () => {
    const port = open();
    await port.apply(change({ values: [{ sheet: "评分表", address: "G2", values: [["核算得分"], [6], [12], [4], [22]], formatFrom: { column: "F" } }] }));
    const xml = sheet1(port);
    expect(cellXml(xml, "G2")).toContain('s="1"');
    expect(cellXml(xml, "G3")).toContain('s="2"');
    // F4 carries the user's yellow fill (style 3): the look is copied as it is.
    expect(cellXml(xml, "G4")).toContain('s="3"');
    expect(cellXml(xml, "G6")).toContain('s="2"');
  });

  it("columnWidth sets the written column's width, splitting a <col> that spans it", async () => {
    const port = open({ sheets: [scoreSheet({ extras: { cols: '<cols><col min="1" max="10" width="12" customWidth="1" style="0"/></cols>' } })] });
    await port.apply(change({ values: [{ sheet: "评分表", address: "G2", values: [["核算得分"]], columnWidth: 11 }] }));
    const cols = /<cols>[\s\S]*?<\/cols>/.exec(sheet1(port))![0];
    expect(cols).toBe('<cols><col min="1" max="6" width="12" customWidth="1" style="0"/><col min="7" max="7" width="11" customWidth="1" style="0"/><col min="8" max="10" width="12" customWidth="1" style="0"/></cols>');
  });

  it("extendPrintArea takes the written column into the sheet's own print area; other sheets' names keep their scope", async () => {
    const port = open({
      sheets: [scoreSheet(), { name: "附表", rows: [["x"]] }],
      workbook: { definedNames: '<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">评分表!$A$1:$F$6</definedName><definedName name="_xlnm.Print_Area" localSheetId="1">附表!$A$1:$B$2</definedName><definedName name="范围" localSheetId="1">附表!$A$1</definedName></definedNames>' },
    });
    await port.apply(change({ values: [{ sheet: "评分表", address: "G2", values: [["核算得分"], [1], [2], [3], [4]], extendPrintArea: true }], sheets: [{ name: "核算结果", rows: [[SHEET_MARKER + ")"]] }] }));
    const wb = part(port, "xl/workbook.xml");
    expect(wb).toContain('<definedName name="_xlnm.Print_Area" localSheetId="0">评分表!$A$1:$G$6</definedName>');
    expect(wb).toContain('<definedName name="_xlnm.Print_Area" localSheetId="1">附表!$A$1:$B$2</definedName>');
    expect(wb).toContain('<definedName name="范围" localSheetId="1">附表!$A$1</definedName>');
  });

  it("a pretty-printed sheet keeps its white space between rows, and rows nobody writes keep their bytes", async () => {
    const files = unzipSync(buildXlsx({ sheets: [scoreSheet()] }));
    const pretty = new TextDecoder().decode(files["xl/worksheets/sheet1.xml"]).replace(/<\/row><row/g, "</row>\n    <row").replace("<sheetData>", "<sheetData>\n    ").replace("</sheetData>", "\n  </sheetData>");
    files["xl/worksheets/sheet1.xml"] = new TextEncoder().encode(pretty);
    const port = createXlsxPort(zipSync(files));
    await port.apply(change({ values: [{ sheet: "评分表", address: "G3", values: [[6], [12]] }] }));
    const xml = sheet1(port);
    const rowsOf = (x: string) => x.match(/<row\b[\s\S]*?<\/row>/g)!;
    expect(xml.match(/\n {4}<row/g)).toHaveLength(6);
    expect(xml).toContain("\n  </sheetData>");
    const [a, b] = [rowsOf(pretty), rowsOf(xml)];
    expect([b[0], b[1], b[4], b[5]]).toEqual([a[0], a[1], a[4], a[5]]);
    expect(b[2]).toBe(a[2].replace("</row>", '<c r="G3"><v>6</v></c></row>').replace('spans="1:6"', 'spans="1:7"'));
  });

  it("a write into a sheet that is not there is a HostError", async () => {
    await expect(open().apply(change({ values: [{ sheet: "没有", address: "A1", values: [[1]] }] }))).rejects.toThrow(HostError);
  });

  it("a failed batch leaves the workbook as it was", async () => {
    const port = open();
    const before = port.save();
    await expect(port.apply(change({ values: [{ sheet: "评分表", address: "H1", values: [[1]] }], marks: [{ sheet: "评分表", cell: "F3", color: "#FFC7CE", note: NOTE_PREFIX + "x" }], sheets: [{ name: "评分表", rows: [["我的"]] }] }))).rejects.toThrow(HostError);
    expect(Buffer.from(port.save()).equals(Buffer.from(before))).toBe(true);
  });
});

describe("marks", () => {
  it("derive a style from the cell's own (border kept), reuse it, keep every existing index, and read back as the mark colour", async () => {
    const port = open();
    const stylesBefore = part(port, "xl/styles.xml");
    await port.apply(change({ marks: ["F3", "F5", "D3"].map((cell) => ({ sheet: "评分表", cell, color: MARK_COLORS.error, note: `${NOTE_PREFIX}\n错误` })) }));
    const xml = sheet1(port);
    const s = /s="(\d+)"/.exec(cellXml(xml, "F3"))![1];
    expect(/s="(\d+)"/.exec(cellXml(xml, "F5"))![1]).toBe(s);
    expect(/s="(\d+)"/.exec(cellXml(xml, "D3"))![1]).toBe(s);
    const styles = part(port, "xl/styles.xml");
    const xfs = /<cellXfs[\s\S]*?<\/cellXfs>/.exec(styles)![0].match(/<xf\b[\s\S]*?(?:\/>|<\/xf>)/g)!;
    const oldXfs = /<cellXfs[\s\S]*?<\/cellXfs>/.exec(stylesBefore)![0].match(/<xf\b[\s\S]*?(?:\/>|<\/xf>)/g)!;
    expect(xfs.slice(0, oldXfs.length)).toEqual(oldXfs);
    expect(xfs).toHaveLength(oldXfs.length + 1);
    expect(xfs[Number(s)]).toContain('borderId="1"');
    expect(await port.readFills([{ sheet: "评分表", cell: "F3" }, { sheet: "评分表", cell: "F4" }, { sheet: "评分表", cell: "A1" }])).toEqual(["#FFC7CE", "#FFFF00", null]);
  });

  it("cleared marks restore the user's fill, or drop ours; a fill that is not ours is never touched", async () => {
    const port = open();
    await port.apply(change({ marks: [{ sheet: "评分表", cell: "F4", color: MARK_COLORS.warning, note: NOTE_PREFIX + "警告" }, { sheet: "评分表", cell: "F3", color: MARK_COLORS.error, note: NOTE_PREFIX + "错误" }] }));
    expect(await port.readFills([{ sheet: "评分表", cell: "F4" }])).toEqual([MARK_COLORS.warning]);
    await port.apply(change({ clearMarks: [{ sheet: "评分表", cell: "F4", restoreFill: "#FFFF00" }, { sheet: "评分表", cell: "F3" }, { sheet: "评分表", cell: "E3", restoreFill: "#00FF00" }] }));
    expect(await port.readFills(["F4", "F3", "E3"].map((cell) => ({ sheet: "评分表", cell })))).toEqual(["#FFFF00", null, null]);
    const [g] = await port.readSheets();
    expect(g.notes).toEqual({});
    // F3 is back on the user's own style (the bordered one), not on a new one.
    expect(cellXml(sheet1(port), "F3")).toContain('s="2"');
  });

  it("a theme-colour fill (with its tint) comes back as the user's own style, not as an RGB copy", async () => {
    // E4 carries xf 4: a date format and a solid fill of theme colour 4 with a tint
    const port = open({ sheets: [scoreSheet({ styles: { ...scoreStyles(), E4: 4 } })] });
    const [before] = await port.readFills([{ sheet: "评分表", cell: "E4" }]);
    expect(before).toMatch(/^#[0-9A-F]{6}$/);
    await port.apply(change({ marks: [{ sheet: "评分表", cell: "E4", color: MARK_COLORS.error, note: NOTE_PREFIX + "错误" }] }));
    expect(cellXml(sheet1(port), "E4")).not.toContain('s="4"');
    await port.apply(change({ clearMarks: [{ sheet: "评分表", cell: "E4", restoreFill: before }] }));
    expect(cellXml(sheet1(port), "E4")).toContain('s="4"');
    // no style with an RGB copy of the theme colour was made for it
    expect(part(port, "xl/styles.xml")).not.toContain(`rgb="FF${before!.slice(1)}"`);
  });

  it("a fill the user changed meanwhile is not mistaken for the old style: another colour is given back as asked", async () => {
    const port = open({ sheets: [scoreSheet({ styles: { ...scoreStyles(), E4: 4 } })] });
    await port.apply(change({ marks: [{ sheet: "评分表", cell: "E4", color: MARK_COLORS.error, note: NOTE_PREFIX + "错误" }] }));
    await port.apply(change({ clearMarks: [{ sheet: "评分表", cell: "E4", restoreFill: "#00B050" }] }));
    expect(await port.readFills([{ sheet: "评分表", cell: "E4" }])).toEqual(["#00B050"]);
    const s = Number(/s="(\d+)"/.exec(cellXml(sheet1(port), "E4"))![1]);
    // the date format of xf 4 is kept on the new style
    const xfs = /<cellXfs[\s\S]*?<\/cellXfs>/.exec(part(port, "xl/styles.xml"))![0].match(/<xf\b[\s\S]*?(?:\/>|<\/xf>)/g)!;
    expect(xfs[s]).toContain('numFmtId="176"');
  });

  it("notes: a user's note is kept; ours are replaced on a second run, not duplicated (comments and VML)", async () => {
    const port = open({
      sheets: [scoreSheet({ extras: { legacyDrawing: '<legacyDrawing r:id="rId2"/>' }, rels: [["rId1", "comments", "../comments1.xml"], ["rId2", "vmlDrawing", "../drawings/vmlDrawing1.vml"]] })],
      parts: {
        "xl/comments1.xml": `<?xml version="1.0" encoding="UTF-8"?><comments xmlns="${NS.main}"><authors><author>王科长</author></authors><commentList><comment ref="F3" authorId="0"><text><t>我的批注</t></text></comment></commentList></comments>`,
        "xl/drawings/vmlDrawing1.vml": '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype><v:shape id="_x0000_s1025" type="#_x0000_t202"><x:ClientData ObjectType="Note"><x:Row>2</x:Row><x:Column>5</x:Column></x:ClientData></v:shape></xml>',
      },
      overrides: [["xl/comments1.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"]],
      defaults: [["vml", "application/vnd.openxmlformats-officedocument.vmlDrawing"]],
    });
    const marks = (text: string) => change({ marks: ["F3", "F5"].map((cell) => ({ sheet: "评分表", cell, color: MARK_COLORS.error, note: `${NOTE_PREFIX}\n${text}` })) });
    await port.apply(marks("第一次"));
    await port.apply(marks("第二次"));
    const [g] = await port.readSheets();
    expect(g.notes).toEqual({ F3: "我的批注", F5: `${NOTE_PREFIX}\n第二次` });
    const comments = part(port, "xl/comments1.xml");
    expect(comments.match(/<comment /g)).toHaveLength(2);
    expect(comments).toContain("<author>王科长</author><author>考核计分助手</author>");
    const vml = part(port, "xl/drawings/vmlDrawing1.vml");
    expect(vml.match(/<v:shape /g)).toHaveLength(2);
    await port.apply(change({ clearMarks: [{ sheet: "评分表", cell: "F3" }, { sheet: "评分表", cell: "F5" }] }));
    expect((await port.readSheets())[0].notes).toEqual({ F3: "我的批注" });
    expect(part(port, "xl/drawings/vmlDrawing1.vml").match(/<v:shape /g)).toHaveLength(1);
  });

  it("notes on a sheet without any: a comments part, a VML drawing, the relationships and content types", async () => {
    const port = open();
    await port.apply(change({ marks: [{ sheet: "评分表", cell: "F3", color: MARK_COLORS.error, note: NOTE_PREFIX + "错误" }] }));
    const files = unzipSync(port.save());
    const rels = new TextDecoder().decode(files["xl/worksheets/_rels/sheet1.xml.rels"]);
    expect(rels).toContain('Target="../comments1.xml"');
    expect(rels).toContain('Target="../drawings/vmlDrawing1.vml"');
    expect(sheet1(port)).toMatch(/<legacyDrawing r:id="rId\d+"\/><\/worksheet>$/);
    const ct = new TextDecoder().decode(files["[Content_Types].xml"]);
    expect(ct).toContain('<Override PartName="/xl/comments1.xml"');
    expect(ct).toContain('<Default Extension="vml"');
    expect((await createXlsxPort(port.save()).readSheets())[0].notes).toEqual({ F3: NOTE_PREFIX + "错误" });
  });
});

describe("validations", () => {
  const ours = (range: string) => ({ sheet: "评分表", range, rule: { kind: "decimal" as const, min: 0, max: 6 }, prompt: "0~6 分", error: "超出分值" });

  it("are added only where the user has none (classic or x14), carry our title, and only ours are cleared", async () => {
    const x14 =
      '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>选项!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>F5</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>';
    const port = open({ sheets: [scoreSheet({ extras: { dataValidations: '<dataValidations count="1"><dataValidation type="whole" sqref="F3"><formula1>0</formula1></dataValidation></dataValidations>', extLst: x14 } }), { name: "选项", rows: [["a"]] }] });
    await port.apply(change({ validations: [ours("F3:F5"), { sheet: "评分表", range: "E3", rule: { kind: "list", items: ["是", "否", '说"明'] }, prompt: "选择", error: "请选择" }] }));
    let xml = sheet1(port);
    const dv = /<dataValidations[\s\S]*?<\/dataValidations>/.exec(xml)![0];
    expect(dv).toContain('<dataValidation type="whole" sqref="F3"><formula1>0</formula1></dataValidation>');
    expect(dv).toMatch(new RegExp(`type="decimal"[^>]*promptTitle="${VALIDATION_TITLE}"[^>]*sqref="F4"><formula1>0</formula1><formula2>6</formula2>`));
    expect(dv).toContain('<formula1>"是,否,说""明"</formula1>');
    expect(dv).toContain('count="3"');
    expect(xml).toContain(x14);
    await port.apply(change({ clearValidations: [{ sheet: "评分表", range: "E3:F9" }] }));
    xml = sheet1(port);
    expect(/<dataValidations[\s\S]*?<\/dataValidations>/.exec(xml)![0]).toBe('<dataValidations count="1"><dataValidation type="whole" sqref="F3"><formula1>0</formula1></dataValidation></dataValidations>');
    expect(xml).toContain(x14);
  });
});

describe("conditional marks", () => {
  it("get a dxf with the live colour; only ours on the listed ranges are cleared", async () => {
    const user = '<conditionalFormatting sqref="F3:F5"><cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><formula>10</formula></cfRule></conditionalFormatting>';
    const port = open({ sheets: [scoreSheet({ extras: { conditionalFormatting: user } })] });
    await port.apply(change({ conditional: [{ sheet: "评分表", range: "F3:F5", formula: "AND(ISNUMBER(F3),OR(F3<0,F3>D3))", color: LIVE_MARK_COLOR }] }));
    let xml = sheet1(port);
    expect(xml).toContain(user);
    const ours = /<conditionalFormatting sqref="F3:F5"><cfRule type="expression" dxfId="(\d+)" priority="2"><formula>AND\(ISNUMBER\(F3\),OR\(F3&lt;0,F3&gt;D3\)\)<\/formula><\/cfRule><\/conditionalFormatting>/.exec(xml);
    expect(ours).not.toBeNull();
    // The user's dxf 0 happens to have the same fill colour but a font too: ours is a new dxf.
    expect(Number(ours![1])).toBe(1);
    await port.apply(change({ clearConditional: [{ sheet: "评分表", range: "F3:F5" }] }));
    xml = sheet1(port);
    expect(xml).toContain(user);
    expect(xml.match(/<conditionalFormatting/g)).toHaveLength(1);
  });

  it("many marks on one sheet: one run in the schema's place, priorities after the user's and each its own", async () => {
    const user = '<conditionalFormatting sqref="F3:F5"><cfRule type="cellIs" dxfId="0" priority="4" operator="greaterThan"><formula>10</formula></cfRule></conditionalFormatting>';
    const port = open({ sheets: [scoreSheet({ extras: { conditionalFormatting: user, dataValidations: '<dataValidations count="1"><dataValidation type="whole" sqref="A3"><formula1>0</formula1></dataValidation></dataValidations>' } })] });
    const rows = [3, 4, 5, 6, 7];
    await port.apply(change({ conditional: rows.map((r) => ({ sheet: "评分表", range: `G${r}`, formula: `G${r}>D${r}`, color: LIVE_MARK_COLOR })), validations: rows.map((r) => ({ sheet: "评分表", range: `G${r}`, rule: { kind: "decimal" as const, min: 0, max: r }, prompt: "p", error: "e" })) }));
    const xml = sheet1(port);
    const cfs = [...xml.matchAll(/<conditionalFormatting sqref="([^"]+)"><cfRule[^>]*priority="(\d+)"/g)].map((m) => [m[1], Number(m[2])]);
    // the five formulas say the same of their own row: one element over G3:G7, anchored at G3
    expect(cfs).toEqual([["F3:F5", 4], ["G3:G7", 5]]);
    expect(xml).toContain('<conditionalFormatting sqref="G3:G7"><cfRule type="expression" dxfId="1" priority="5"><formula>G3&gt;D3</formula>');
    // all conditional formats stand before the validations, as the schema orders them
    expect(xml.lastIndexOf("<conditionalFormatting")).toBeLessThan(xml.indexOf("<dataValidations"));
    expect(/<dataValidations count="(\d+)"/.exec(xml)?.[1]).toBe("6");
    expect(xml.match(/<dataValidation /g)).toHaveLength(6);
  });
});

describe("validations and conditional marks of a long table", () => {
  it("many in one change set: after the user's, in order, priorities counting up, one count; cleared over several ranges, the user's kept", async () => {
    const userCf = '<conditionalFormatting sqref="E3"><cfRule type="cellIs" dxfId="0" priority="7" operator="greaterThan"><formula>1</formula></cfRule></conditionalFormatting>';
    const userDv = '<dataValidations count="1"><dataValidation type="whole" sqref="F4"><formula1>0</formula1></dataValidation></dataValidations>';
    const port = open({ sheets: [scoreSheet({ extras: { conditionalFormatting: userCf, dataValidations: userDv } })] });
    const rows = [3, 4, 5, 6, 7];
    await port.apply(
      change({
        validations: rows.map((r) => ({ sheet: "评分表", range: `F${r}`, rule: { kind: "decimal" as const, min: 0, max: r }, prompt: `第${r}行 <说明> & "引号"`, error: "超出" })),
        conditional: rows.map((r) => ({ sheet: "评分表", range: `F${r}`, formula: `AND(ISNUMBER(F${r}),F${r}>${r})`, color: LIVE_MARK_COLOR })),
      }),
    );
    let xml = sheet1(port);
    const cfs = [...xml.matchAll(/<conditionalFormatting sqref="([^"]+)"><cfRule [^>]*priority="(\d+)"/g)].map((m) => `${m[1]}:${m[2]}`);
    expect(cfs).toEqual(["E3:7", "F3:8", "F4:9", "F5:10", "F6:11", "F7:12"]);
    // the conditional formats sit together, in schema order before the validations
    expect(xml.indexOf("<conditionalFormatting")).toBeLessThan(xml.indexOf("<dataValidations"));
    expect(xml).toMatch(/<\/conditionalFormatting><dataValidations/);
    const dv = /<dataValidations[^>]*>/.exec(xml)![0];
    expect(dv).toBe('<dataValidations count="5">');
    // F4 is the user's: ours skip it; texts escaped as an attribute needs
    expect([...xml.matchAll(/<dataValidation\s(?:[^>"]|"[^"]*")*?sqref="([^"]+)"/g)].map((m) => m[1])).toEqual(["F4", "F3", "F5", "F6", "F7"]);
    expect(xml).toContain('prompt="第3行 &lt;说明> &amp; &quot;引号&quot;"');
    const [g] = await createXlsxPort(port.save()).readSheets();
    expect(g.name).toBe("评分表");
    await port.apply(change({ clearValidations: [{ sheet: "评分表", range: "F3:F4" }, { sheet: "评分表", range: "F6:F9" }], clearConditional: [{ sheet: "评分表", range: "E3:F3" }, { sheet: "评分表", range: "F6:F7" }] }));
    xml = sheet1(port);
    expect([...xml.matchAll(/<conditionalFormatting sqref="([^"]+)"/g)].map((m) => m[1])).toEqual(["E3", "F4", "F5"]);
    expect(xml).toContain(userCf);
    expect([...xml.matchAll(/<dataValidation\s(?:[^>"]|"[^"]*")*?sqref="([^"]+)"/g)].map((m) => m[1])).toEqual(["F4", "F5"]);
    expect(/<dataValidations[^>]*>/.exec(xml)![0]).toBe('<dataValidations count="2">');
  });
});

describe("alike validations and conditional marks share one element", () => {
  it("one per kind of bound and text over all its cells (every other row, runs joined); the formula of the topmost", async () => {
    const port = open({ sheets: [scoreSheet()] });
    const rows = [3, 4, 5, 6, 7, 8, 9];
    const max = (r: number) => (r === 4 || r === 6 ? 8 : 4);
    await port.apply(
      change({
        validations: rows.map((r) => ({ sheet: "评分表", range: `F${r}`, rule: { kind: "decimal" as const, min: 0, max: max(r) }, prompt: `分值 ${max(r)} 分`, error: "超出" })),
        conditional: rows.map((r) => ({ sheet: "评分表", range: `F${r}`, formula: `AND(ISNUMBER(F${r}),OR(F${r}<0,F${r}>${max(r)}))`, color: LIVE_MARK_COLOR })),
      }),
    );
    const xml = sheet1(port);
    const dvs = [...xml.matchAll(/<dataValidation\s(?:[^>"]|"[^"]*")*?prompt="([^"]+)" sqref="([^"]+)"><formula1>0<\/formula1><formula2>(\d+)</g)].map((m) => [m[1], m[2], m[3]]);
    expect(dvs).toEqual([
      ["分值 4 分", "F3 F5 F7:F9", "4"],
      ["分值 8 分", "F4 F6", "8"],
    ]);
    expect(/<dataValidations count="(\d+)"/.exec(xml)?.[1]).toBe("2");
    const cfs = [...xml.matchAll(/<conditionalFormatting sqref="([^"]+)"><cfRule[^>]*><formula>([^<]+)</g)].map((m) => [m[1], m[2]]);
    expect(cfs).toEqual([
      ["F3 F5 F7:F9", "AND(ISNUMBER(F3),OR(F3&lt;0,F3&gt;4))"],
      ["F4 F6", "AND(ISNUMBER(F4),OR(F4&lt;0,F4&gt;8))"],
    ]);
    // a second run replaces them all: clearing the column removes every one of ours
    await port.apply(change({ clearValidations: [{ sheet: "评分表", range: "F3:F20" }], clearConditional: [{ sheet: "评分表", range: "F3:F20" }] }));
    const after = sheet1(port);
    expect(after).not.toContain("<conditionalFormatting");
    expect(after).not.toContain("<dataValidation");
  });

  it("more distinct input messages than Excel keeps: alike bounds share one element, the error message as its input message", async () => {
    const rows = Array.from({ length: MAX_VALIDATIONS + 10 }, (_, i) => i + 3);
    const port = open();
    const error = (r: number) => (r % 2 ? "得分应在 0 到 4 之间" : "得分应在 0 到 8 之间");
    await port.apply(change({ validations: rows.map((r) => ({ sheet: "评分表", range: `F${r}`, rule: { kind: "decimal" as const, min: 0, max: r % 2 ? 4 : 8 }, prompt: `第${r}行的评分标准`, error: error(r) })) }));
    const xml = sheet1(port);
    const elements = [...xml.matchAll(/<dataValidation\s(?:[^>"]|"[^"]*")*?prompt="([^"]+)" sqref="([^"]+)"/g)];
    expect(elements.length).toBeLessThanOrEqual(MAX_VALIDATIONS);
    expect(new Set(elements.map((m) => m[1]))).toEqual(new Set(["得分应在 0 到 4 之间", "得分应在 0 到 8 之间"]));
    // every cell is covered once, by the element of its own bounds
    const covered = elements.flatMap((m) => m[2].split(" ").map((a) => [a, m[1]] as const));
    expect(covered).toHaveLength(rows.length);
    for (const [a, prompt] of covered) expect(prompt).toBe(error(Number(a.slice(1))));
  });

  it("a user's validation inside the run keeps its cell: ours go round it", async () => {
    const userDv = '<dataValidations count="1"><dataValidation type="whole" sqref="F5"><formula1>0</formula1></dataValidation></dataValidations>';
    const port = open({ sheets: [scoreSheet({ extras: { dataValidations: userDv } })] });
    await port.apply(change({ validations: [3, 4, 5, 6].map((r) => ({ sheet: "评分表", range: `F${r}`, rule: { kind: "decimal" as const, min: 0, max: 6 }, prompt: "p", error: "e" })) }));
    const xml = sheet1(port);
    expect([...xml.matchAll(/<dataValidation\s(?:[^>"]|"[^"]*")*?sqref="([^"]+)"/g)].map((m) => m[1])).toEqual(["F5", "F3:F4 F6"]);
  });
});

describe("our sheets", () => {
  it("a new sheet with number formats, bold rows, wrap, widths, print setup, print titles; added last", async () => {
    const port = open({ sheets: [scoreSheet(), { name: "附表", rows: [["x"]] }], workbook: { definedNames: '<definedNames><definedName name="范围" localSheetId="1">附表!$A$1</definedName></definedNames>' } });
    await port.apply(
      change({
        sheets: [
          {
            name: "核算结果",
            rows: [[SHEET_MARKER + ")"], ["得分率", 0.875], ["说明", "=不是公式"]],
            formats: [[null], [null, "0.0%"], []],
            boldRows: [0],
            wrap: true,
            widths: [12, 30],
            print: { landscape: true, fitToWidth: true, titleRows: [0, 1] },
          },
        ],
      }),
    );
    const files = unzipSync(port.save());
    const wb = new TextDecoder().decode(files["xl/workbook.xml"]);
    expect(wb).toMatch(/<sheet name="附表" sheetId="2" r:id="rId2"\/><sheet name="核算结果" sheetId="3" r:id="rId\d+"\/><\/sheets>/);
    expect(wb).toContain('<definedName name="范围" localSheetId="1">附表!$A$1</definedName>');
    expect(wb).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="2">'核算结果'!$1:$2</definedName>`);
    const xml = new TextDecoder().decode(files["xl/worksheets/sheet3.xml"]);
    expect(xml).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    expect(xml).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    expect(xml).toContain('<col min="2" max="2" width="30" customWidth="1"/>');
    expect(cellXml(xml, "C3")).toBe("");
    expect(cellXml(xml, "B3")).toMatch(/t="inlineStr"><is><t>=不是公式<\/t>/);
    const styles = new TextDecoder().decode(files["xl/styles.xml"]);
    const xfs = /<cellXfs[\s\S]*?<\/cellXfs>/.exec(styles)![0].match(/<xf\b[\s\S]*?(?:\/>|<\/xf>)/g)!;
    const b2 = xfs[Number(/s="(\d+)"/.exec(cellXml(xml, "B2"))![1])];
    const fmtId = /numFmtId="(\d+)"/.exec(b2)![1];
    expect(styles).toContain(`<numFmt numFmtId="${fmtId}" formatCode="0.0%"/>`);
    expect(b2).toContain('wrapText="1"');
    const a1 = xfs[Number(/s="(\d+)"/.exec(cellXml(xml, "A1"))![1])];
    const fonts = /<fonts[\s\S]*?<\/fonts>/.exec(styles)![0].match(/<font>[\s\S]*?<\/font>/g)!;
    const font = fonts[Number(/fontId="(\d+)"/.exec(a1)![1])];
    expect(font).toContain("<b/>");
    expect(font).toContain('<name val="宋体"/>');
    const grids = await createXlsxPort(port.save()).readSheets();
    expect(grids.map((g) => g.name)).toEqual(["评分表", "附表", "核算结果"]);
    expect(grids[2].cells[1]).toEqual(["得分率", 0.875]);
  });

  it("our earlier sheet is replaced in place; a user's sheet of that name is refused; the mapping sheet is hidden", async () => {
    const port = open();
    const ours = { name: "核算结果", rows: [[SHEET_MARKER + ")"], ["第一次"]] };
    await port.apply(change({ sheets: [ours, { name: MAPPING_SHEET, rows: [["映射"]], hidden: true }] }));
    await port.apply(change({ sheets: [{ ...ours, rows: [[SHEET_MARKER + ")"], ["第二次"]] }] }));
    const grids = await port.readSheets();
    expect(grids.map((g) => [g.name, g.hidden ?? false])).toEqual([["评分表", false], ["核算结果", false], [MAPPING_SHEET, true]]);
    expect(grids[1].cells[1]).toEqual(["第二次"]);
    const user = open({ sheets: [scoreSheet(), { name: "核算结果", rows: [["我自己的核算"]] }] });
    await expect(user.apply(change({ sheets: [ours] }))).rejects.toThrow(/不是考核计分助手生成的/);
    expect((await user.readSheets())[1].cells).toEqual([["我自己的核算"]]);
  });
});

describe("selection and the preview's editing", () => {
  it("selectCell sets the active tab and the active cell, and unselects the other tab", async () => {
    const selected: string[] = [];
    const port = createXlsxPort(buildXlsx({ sheets: [{ ...scoreSheet(), extras: { sheetViews: '<sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews>' } }, { name: "附表", rows: [["x"]] }] }), { onSelect: (s, c) => selected.push(`${s}!${c}`) });
    await port.selectCell("附表", "B7");
    const files = unzipSync(port.save());
    expect(new TextDecoder().decode(files["xl/workbook.xml"])).toContain('activeTab="1"');
    expect(new TextDecoder().decode(files["xl/worksheets/sheet2.xml"])).toContain('<sheetView workbookViewId="0" tabSelected="1"><selection activeCell="B7" sqref="B7"/></sheetView>');
    expect(new TextDecoder().decode(files["xl/worksheets/sheet1.xml"])).toContain('<sheetView workbookViewId="0"/>');
    expect(selected).toEqual(["附表!B7"]);
    await expect(port.selectCell("没有", "A1")).rejects.toThrow(HostError);
  });

  it("setCellValue writes one value as the clerk typed it; save() gives the edited workbook", async () => {
    const port = open();
    port.setCellValue("评分表", "F3", 5);
    port.setCellValue("评分表", "E5", "=1+1");
    port.setCellValue("评分表", "H9", "新");
    port.setCellValue("评分表", "C3", null);
    const [g] = await createXlsxPort(port.save()).readSheets();
    expect(g.cells[2][5]).toBe(5);
    expect(g.cells[4][4]).toBe("=1+1");
    expect(g.cells[8][7]).toBe("新");
    expect(g.cells[2][2]).toBeNull();
    // The cell keeps its style.
    expect(cellXml(sheet1(port), "F3")).toBe('<c r="F3" s="2"><v>5</v></c>');
  });

  it("an edit with recalculated results: a formula keeps its text and caches the result; a cell without a formula is left alone", async () => {
    const port = createXlsxPort(buildXlsx({ sheets: [{ name: "表", rows: [[1, 2, { f: "A1+B1", v: 3 }, "文字"]] }] }));
    port.setCellValue("表", "A1", 5, [
      { a1: "C1", value: 7 },
      { a1: "D1", value: 99 },
    ]);
    const xml = new TextDecoder().decode(unzipSync(port.save())["xl/worksheets/sheet1.xml"]);
    expect(cellXml(xml, "C1")).toMatch(/<f>A1\+B1<\/f><v>7<\/v>/);
    const [g] = await createXlsxPort(port.save()).readSheets();
    expect(g.cells[0]).toEqual([5, 2, 7, "文字"]);
    expect(g.formulas?.[0]?.[2]).toBe(true);
    port.setCellValue("表", "A1", 5, [{ a1: "C1", value: "不适用" }]);
    expect(cellXml(new TextDecoder().decode(unzipSync(port.save())["xl/worksheets/sheet1.xml"]), "C1")).toMatch(/t="str"[^>]*><f>A1\+B1<\/f><v>不适用<\/v>/);
  });

  it("an edit asks for a full calculation on opening (saved formula results are stale), the user's calculation settings kept", async () => {
    const port = open();
    const before = part(port, "xl/workbook.xml");
    expect(before).toContain('<calcPr calcId="162913"/>');
    // nothing changed: the workbook part stays as it was
    port.setCellValue("评分表", "H20", null);
    expect(port.package.isChanged("xl/workbook.xml")).toBe(false);
    port.setCellValue("评分表", "F3", 5);
    const after = part(port, "xl/workbook.xml");
    expect(after).toContain('<calcPr calcId="162913" fullCalcOnLoad="1"/>');
    expect(after.replace(' fullCalcOnLoad="1"', "")).toBe(before);
    port.setCellValue("评分表", "F4", 6);
    expect(part(port, "xl/workbook.xml").match(/fullCalcOnLoad/g)).toHaveLength(1);
  });
});

describe("reading", () => {
  it("formulas' presence with cached results: 0 is 0, no cached value is null but still a formula; errors and booleans", async () => {
    const port = createXlsxPort(
      buildXlsx({
        sheets: [{ name: "表", rows: [[{ f: "A2*0", v: 0 }, { f: "NOW()" }, { f: "1/0", v: "#DIV/0!", t: "e" }, { f: "1=1", v: 1, t: "b" }, { f: "\"\"", v: "" }, true, 44256]], styles: { G1: 4 } }],
      }),
    );
    const [g] = await port.readSheets();
    expect(g.cells[0]).toEqual([0, null, "#DIV/0!", true, "", true, "2021-03-01"]);
    expect(g.formulas?.[0]).toEqual([true, true, true, true, true]);
  });

  it("theme and indexed fills resolve to colours", async () => {
    const port = open();
    expect(await port.readFills([{ sheet: "评分表", cell: "F4" }])).toEqual(["#FFFF00"]);
    const themed = createXlsxPort(buildXlsx({ sheets: [{ name: "表", rows: [[1]], styles: { A1: 4 } }] }));
    // Theme colour 4 is accent1 (5B9BD5), lightened by a tint of 0.8 as Excel shows it.
    expect(await themed.readFills([{ sheet: "表", cell: "A1" }])).toEqual(["#DEEBF7"]);
  });
});
