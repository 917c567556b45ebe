/**
 * The fidelity corpus: workbooks holding what users make and exceljs drops, each built as raw
 * OOXML (ooxml.ts) around the same score table. Named after what each guards.
 */
import { NS, buildXlsx, esc, scoreSheet, type BookSpec } from "./ooxml";

const CT = {
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  pivotTable: "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml",
  pivotCache: "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml",
  pivotRecords: "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml",
  custom: "application/vnd.openxmlformats-officedocument.custom-properties+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  calcChain: "application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml",
};
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
const XDR = 'xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"';
const anchor = (col: number, row: number, inner: string) =>
  `<xdr:twoCellAnchor><xdr:from><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>${col + 5}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row + 12}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>${inner}<xdr:clientData/></xdr:twoCellAnchor>`;

const CHART =
  DECL +
  '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>自查得分</a:t></a:r></a:p></c:rich></c:tx></c:title><c:plotArea><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:cat><c:strRef><c:f>评分表!$C$3:$C$5</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>评分表!$F$3:$F$5</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="3"/><c:pt idx="0"><c:v>7</c:v></c:pt><c:pt idx="1"><c:v>12</c:v></c:pt><c:pt idx="2"><c:v>4</c:v></c:pt></c:numCache></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>';

/** A 1×1 PNG. */
const PNG = Uint8Array.from(atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="), (c) => c.charCodeAt(0));

function drawingBook(inner: string, drawingRels: string, parts: Record<string, string | Uint8Array>, overrides: Array<[string, string]>, defaults: Array<[string, string]> = []): BookSpec {
  return {
    sheets: [scoreSheet({ extras: { drawing: '<drawing r:id="rId1"/>' }, rels: [["rId1", "drawing", "../drawings/drawing1.xml"]] })],
    parts: {
      "xl/drawings/drawing1.xml": DECL + `<xdr:wsDr ${XDR}>${inner}</xdr:wsDr>`,
      "xl/drawings/_rels/drawing1.xml.rels": DECL + `<Relationships xmlns="${NS.pkgRel}">${drawingRels}</Relationships>`,
      ...parts,
    },
    overrides: [["xl/drawings/drawing1.xml", CT.drawing], ...overrides],
    defaults,
  };
}

const comments = (list: Array<[string, number, string]>, authors: string[]) =>
  DECL +
  `<comments xmlns="${NS.main}"><authors>${authors.map((a) => `<author>${esc(a)}</author>`).join("")}</authors><commentList>` +
  list.map(([ref, a, t]) => `<comment ref="${ref}" authorId="${a}"><text><r><rPr><b/><sz val="9"/><rFont val="宋体"/><charset val="134"/></rPr><t>${esc(authors[a])}:</t></r><r><rPr><sz val="9"/><rFont val="宋体"/><charset val="134"/></rPr><t xml:space="preserve">\n${esc(t)}</t></r></text></comment>`).join("") +
  "</commentList></comments>";

const vml = (cells: Array<[number, number]>) =>
  '<xml xmlns:v="urn:schemas-microsoft-com:vml"\n xmlns:o="urn:schemas-microsoft-com:office:office"\n xmlns:x="urn:schemas-microsoft-com:office:excel">\n <o:shapelayout v:ext="edit">\n  <o:idmap v:ext="edit" data="1"/>\n </o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202"\n  path="m,l,21600r21600,l21600,xe">\n  <v:stroke joinstyle="miter"/>\n  <v:path gradientshapeok="t" o:connecttype="rect"/>\n </v:shapetype>' +
  cells
    .map(
      ([r, c], i) =>
        `<v:shape id="_x0000_s${1025 + i}" type="#_x0000_t202" style='position:absolute;margin-left:300pt;margin-top:20pt;width:108pt;height:59.25pt;z-index:${i + 1};visibility:hidden' fillcolor="#ffffe1" o:insetmode="auto">\n  <v:fill color2="#ffffe1"/>\n  <v:shadow on="t" color="black" obscured="t"/>\n  <v:path o:connecttype="none"/>\n  <v:textbox style='mso-direction-alt:auto'>\n   <div style='text-align:left'></div>\n  </v:textbox>\n  <x:ClientData ObjectType="Note">\n   <x:MoveWithCells/>\n   <x:SizeWithCells/>\n   <x:Anchor>\n    7, 15, 1, 10, 9, 15, 5, 4</x:Anchor>\n   <x:AutoFill>False</x:AutoFill>\n   <x:Row>${r}</x:Row>\n   <x:Column>${c}</x:Column>\n  </x:ClientData>\n </v:shape>`,
    )
    .join("") +
  "</xml>";

export interface Fixture {
  name: string;
  bytes: Uint8Array;
}

export function corpus(): Fixture[] {
  const list: Array<[string, BookSpec]> = [];

  list.push([
    "chart (drawing + chart part)",
    drawingBook(
      anchor(7, 1, '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame>'),
      `<Relationship Id="rId1" Type="${NS.rel("chart")}" Target="../charts/chart1.xml"/>`,
      { "xl/charts/chart1.xml": CHART },
      [["xl/charts/chart1.xml", CT.chart]],
    ),
  ]);

  list.push([
    "text box",
    drawingBook(
      anchor(8, 2, '<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="3" name="文本框 2"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1800000" cy="600000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr><xdr:txBody><a:bodyPr vertOverflow="clip" wrap="square" rtlCol="0" anchor="t"/><a:lstStyle/><a:p><a:r><a:rPr lang="zh-CN" altLang="en-US" sz="1100"/><a:t>填表说明:自查评分须附佐证材料</a:t></a:r></a:p></xdr:txBody></xdr:sp>'),
      "",
      {},
      [],
    ),
  ]);

  list.push([
    "image",
    drawingBook(
      anchor(8, 8, '<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="4" name="图片 3" descr="单位公章"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr><xdr:blipFill><a:blip xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="900000" cy="900000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic>'),
      `<Relationship Id="rId1" Type="${NS.rel("image")}" Target="../media/image1.png"/>`,
      { "xl/media/image1.png": PNG },
      [],
      [["png", "image/png"]],
    ),
  ]);

  list.push([
    "pivot table + cache",
    {
      sheets: [
        scoreSheet(),
        {
          name: "透视",
          rows: [["类别", "求和项:自查评分"], ["组织保障", 19], ["政策解读", 4], ["总计", 23]],
          rels: [["rId1", "pivotTable", "../pivotTables/pivotTable1.xml"]],
        },
      ],
      workbook: { pivotCaches: '<pivotCaches><pivotCache cacheId="7" r:id="rId9"/></pivotCaches>' },
      workbookRels: [["rId9", NS.rel("pivotCacheDefinition"), "pivotCache/pivotCacheDefinition1.xml"]],
      parts: {
        "xl/pivotCache/pivotCacheDefinition1.xml":
          DECL +
          `<pivotCacheDefinition xmlns="${NS.main}" xmlns:r="${NS.r}" r:id="rId1" refreshedBy="张三" refreshedDate="44300.5" createdVersion="6" refreshedVersion="6" minRefreshableVersion="3" recordCount="3"><cacheSource type="worksheet"><worksheetSource ref="A2:F5" sheet="评分表"/></cacheSource><cacheFields count="2"><cacheField name="类别" numFmtId="0"><sharedItems count="2"><s v="组织保障"/><s v="政策解读"/></sharedItems></cacheField><cacheField name="自查评分" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" minValue="4" maxValue="12"/></cacheField></cacheFields></pivotCacheDefinition>`,
        "xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels": DECL + `<Relationships xmlns="${NS.pkgRel}"><Relationship Id="rId1" Type="${NS.rel("pivotCacheRecords")}" Target="pivotCacheRecords1.xml"/></Relationships>`,
        "xl/pivotCache/pivotCacheRecords1.xml": DECL + `<pivotCacheRecords xmlns="${NS.main}" count="3"><r><x v="0"/><n v="7"/></r><r><x v="0"/><n v="12"/></r><r><x v="1"/><n v="4"/></r></pivotCacheRecords>`,
        "xl/pivotTables/pivotTable1.xml":
          DECL +
          `<pivotTableDefinition xmlns="${NS.main}" name="数据透视表1" cacheId="7" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" dataCaption="值" updatedVersion="6" minRefreshableVersion="3" createdVersion="6" indent="0" outline="1" outlineData="1"><location ref="A1:B4" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="2"><pivotField axis="axisRow" showAll="0"><items count="3"><item x="0"/><item x="1"/><item t="default"/></items></pivotField><pivotField dataField="1" showAll="0"/></pivotFields><rowFields count="1"><field x="0"/></rowFields><rowItems count="3"><i><x/></i><i><x v="1"/></i><i t="grand"><x/></i></rowItems><colItems count="1"><i/></colItems><dataFields count="1"><dataField name="求和项:自查评分" fld="1" baseField="0" baseItem="0"/></dataFields></pivotTableDefinition>`,
        "xl/pivotTables/_rels/pivotTable1.xml.rels": DECL + `<Relationships xmlns="${NS.pkgRel}"><Relationship Id="rId1" Type="${NS.rel("pivotCacheDefinition")}" Target="../pivotCache/pivotCacheDefinition1.xml"/></Relationships>`,
      },
      overrides: [
        ["xl/pivotCache/pivotCacheDefinition1.xml", CT.pivotCache],
        ["xl/pivotCache/pivotCacheRecords1.xml", CT.pivotRecords],
        ["xl/pivotTables/pivotTable1.xml", CT.pivotTable],
      ],
    },
  ]);

  list.push([
    "custom document properties",
    {
      sheets: [scoreSheet()],
      rootRels: [["rId4", NS.rel("custom-properties"), "docProps/custom.xml"]],
      parts: {
        "docProps/custom.xml":
          DECL +
          '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="密级"><vt:lpwstr>内部</vt:lpwstr></property><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="文号"><vt:lpwstr>政办发〔2021〕3号</vt:lpwstr></property></Properties>',
      },
      overrides: [["docProps/custom.xml", CT.custom]],
    },
  ]);

  list.push(["workbook structure protection", { sheets: [scoreSheet()], workbook: { workbookProtection: '<workbookProtection workbookAlgorithmName="SHA-512" workbookHashValue="x7bJ1zA==" workbookSaltValue="c2FsdA==" workbookSpinCount="100000" lockStructure="1"/>' } }]);

  list.push(["sheet protection", { sheets: [scoreSheet({ extras: { sheetProtection: '<sheetProtection algorithmName="SHA-512" hashValue="aGFzaA==" saltValue="c2FsdA==" spinCount="100000" sheet="1" objects="1" scenarios="1" formatCells="0"/>' } })] }]);

  list.push([
    "x14 list validation and a classic one",
    {
      sheets: [
        scoreSheet({
          rootAttrs: ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"',
          extras: {
            dataValidations: '<dataValidations count="1"><dataValidation type="whole" allowBlank="1" showInputMessage="1" showErrorMessage="1" promptTitle="序号" prompt="填整数" sqref="B3:B5"><formula1>1</formula1><formula2>99</formula2></dataValidation></dataValidations>',
            extLst:
              '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1"><x14:formula1><xm:f>选项!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>A3:A5</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>',
          },
        }),
        { name: "选项", rows: [["组织保障"], ["政策解读"], ["舆情回应"]] },
      ],
    },
  ]);

  list.push([
    "internal and external hyperlinks with tooltips",
    {
      sheets: [
        scoreSheet({
          extras: { hyperlinks: '<hyperlinks><hyperlink ref="C3" location="\'佐证\'!A1" tooltip="跳到佐证材料" display="明确分管领导"/><hyperlink ref="E4" r:id="rId1" tooltip="打开政府网站"/></hyperlinks>' },
          rels: [["rId1", "hyperlink", "http://www.gov.cn/zhengce/", true]],
        }),
        { name: "佐证", rows: [["佐证材料清单"]] },
      ],
    },
  ]);

  list.push(["row and column page breaks", { sheets: [scoreSheet({ extras: { rowBreaks: '<rowBreaks count="1" manualBreakCount="1"><brk id="4" max="16383" man="1"/></rowBreaks>', colBreaks: '<colBreaks count="1" manualBreakCount="1"><brk id="3" max="1048575" man="1"/></colBreaks>' } })] }]);

  list.push([
    "print titles and print area",
    {
      sheets: [scoreSheet({ extras: { pageSetup: '<pageSetup paperSize="9" orientation="landscape" r:id="rId1"/>' }, rels: [["rId1", "printerSettings", "../printerSettings/printerSettings1.bin"]] })],
      workbook: { definedNames: "<definedNames><definedName name=\"_xlnm.Print_Area\" localSheetId=\"0\">评分表!$A$1:$F$6</definedName><definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">评分表!$2:$2</definedName></definedNames>" },
      parts: { "xl/printerSettings/printerSettings1.bin": Uint8Array.from({ length: 64 }, (_, i) => (i * 37) % 251) },
      defaults: [["bin", "application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings"]],
    },
  ]);

  list.push([
    "conditional formatting with data bars (x14 ext)",
    {
      sheets: [
        scoreSheet({
          extras: {
            conditionalFormatting:
              '<conditionalFormatting sqref="F3:F5"><cfRule type="dataBar" priority="2"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar><extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:id>{6C1C5A5E-1111-4A4A-9E9E-000000000001}</x14:id></ext></extLst></cfRule></conditionalFormatting><conditionalFormatting sqref="D3:D5"><cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><formula>10</formula></cfRule></conditionalFormatting>',
            extLst:
              '<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:cfRule type="dataBar" id="{6C1C5A5E-1111-4A4A-9E9E-000000000001}"><x14:dataBar minLength="0" maxLength="100" gradient="0"><x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/><x14:negativeFillColor rgb="FFFF0000"/><x14:axisColor rgb="FF000000"/></x14:dataBar></x14:cfRule><xm:sqref>F3:F5</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst>',
          },
        }),
      ],
    },
  ]);

  list.push([
    "comments with authors (a user's note on the cell we mark)",
    {
      sheets: [
        scoreSheet({
          extras: { legacyDrawing: '<legacyDrawing r:id="rId2"/>' },
          rels: [
            ["rId1", "comments", "../comments1.xml"],
            ["rId2", "vmlDrawing", "../drawings/vmlDrawing1.vml"],
          ],
        }),
      ],
      parts: {
        "xl/comments1.xml": comments([["F3", 0, "自查时多算了1分,待核实"], ["C4", 1, "任务分解文件见附件"]], ["王科长", "李四"]),
        "xl/drawings/vmlDrawing1.vml": vml([[2, 5], [3, 2]]),
      },
      overrides: [["xl/comments1.xml", CT.comments]],
      defaults: [["vml", CT.vml]],
    },
  ]);

  list.push([
    "sheet-local names of the same name on two sheets",
    {
      sheets: [scoreSheet(), { name: "附表", rows: [["说明"], [1]] }],
      workbook: { definedNames: '<definedNames><definedName name="得分区">评分表!$F$3:$F$5</definedName><definedName name="范围" localSheetId="0">评分表!$A$2:$F$6</definedName><definedName name="范围" localSheetId="1">附表!$A$1:$A$2</definedName></definedNames>' },
    },
  ]);

  list.push([
    "LibreOffice-style workbook (\"true\" booleans, a table without tableStyleInfo)",
    {
      sheets: [
        scoreSheet({
          extras: {
            sheetPr: '<sheetPr filterMode="false"><pageSetUpPr fitToPage="true"/></sheetPr>',
            sheetViews: '<sheetViews><sheetView showFormulas="false" showGridLines="true" showRowColHeaders="true" showZeros="true" rightToLeft="false" tabSelected="true" showOutlineSymbols="true" defaultGridColor="true" view="normal" topLeftCell="A1" colorId="64" zoomScale="100" zoomScaleNormal="100" zoomScalePageLayoutView="100" workbookViewId="0"><selection pane="topLeft" activeCell="A1" activeCellId="0" sqref="A1"/></sheetView></sheetViews>',
            sheetProtection: '<sheetProtection sheet="true" objects="true" scenarios="true"/>',
            pageSetup: '<pageSetup paperSize="9" scale="100" fitToWidth="1" fitToHeight="0" pageOrder="downThenOver" orientation="portrait" blackAndWhite="false" draft="false" cellComments="none" horizontalDpi="300" verticalDpi="300" copies="1"/>',
            tableParts: '<tableParts count="1"><tablePart r:id="rId1"/></tableParts>',
          },
          rels: [["rId1", "table", "../tables/table1.xml"]],
        }),
      ],
      workbook: { fileVersion: '<fileVersion appName="Calc"/>', workbookPr: '<workbookPr backupFile="false" showObjects="all" date1904="false"/>', workbookProtection: '<workbookProtection lockStructure="true"/>', calcPr: '<calcPr iterateCount="100" refMode="A1" iterate="false" iterateDelta="0.001"/>' },
      parts: {
        "xl/tables/table1.xml": DECL + `<table xmlns="${NS.main}" id="1" name="评分" displayName="评分" ref="B2:F5" headerRowCount="1" totalsRowCount="0" totalsRowShown="0"><autoFilter ref="B2:F5"/><tableColumns count="5"><tableColumn id="1" name="序号"/><tableColumn id="2" name="目标要求"/><tableColumn id="3" name="分值"/><tableColumn id="4" name="自查办法"/><tableColumn id="5" name="自查评分"/></tableColumns></table>`,
      },
      overrides: [["xl/tables/table1.xml", CT.table]],
      app: DECL + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Template></Template><TotalTime>3</TotalTime><Application>LibreOffice/7.3.7.2$Linux_X86_64 LibreOffice_project/30$Build-2</Application><AppVersion>15.0000</AppVersion></Properties>',
    },
  ]);

  list.push([
    "WPS-style workbook (KSO custom properties, etc namespaces, calcChain)",
    {
      sheets: [
        scoreSheet({
          rootAttrs: ' xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData"',
          extras: {
            sheetPr: '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>',
            extLst: '<extLst><ext uri="{A1B2C3D4-0000-4E4F-9B4E-WPS000000001}" xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData"><etc:sheetProtectionEx/></ext></extLst>',
          },
        }),
      ],
      workbookRootAttrs: ' xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData"',
      workbook: { workbookPr: '<workbookPr/>', calcPr: '<calcPr calcId="144525"/>', extLst: '<extLst><ext uri="{B58B0392-4F1F-4190-BB64-5DF3571DCE5F}" xmlns:xcalcf="http://schemas.microsoft.com/office/spreadsheetml/2018/calcfeatures"><xcalcf:calcFeatures><xcalcf:feature name="microsoft.com:RD"/></xcalcf:calcFeatures></ext></extLst>' },
      rootRels: [["rId4", NS.rel("custom-properties"), "docProps/custom.xml"]],
      workbookRels: [["rId8", NS.rel("calcChain"), "calcChain.xml"]],
      parts: {
        "docProps/custom.xml": DECL + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="KSOProductBuildVer"><vt:lpwstr>2052-11.1.0.12980</vt:lpwstr></property><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="ICV"><vt:lpwstr>6B4F3E1E2A7A4E7B9C1C2D3E4F5A6B7C</vt:lpwstr></property></Properties>',
        "xl/calcChain.xml": DECL + `<calcChain xmlns="${NS.main}"><c r="D6" i="1"/><c r="F6"/></calcChain>`,
      },
      overrides: [
        ["docProps/custom.xml", CT.custom],
        ["xl/calcChain.xml", CT.calcChain],
      ],
      app: DECL + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>WPS 表格</Application><HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>工作表</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="1" baseType="lpstr"><vt:lpstr>评分表</vt:lpstr></vt:vector></TitlesOfParts></Properties>',
    },
  ]);

  list.push(["inline strings (as generators write them)", { sheets: [scoreSheet()], inlineStrings: true }]);

  return list.map(([name, book]) => ({ name, bytes: buildXlsx(book) }));
}
