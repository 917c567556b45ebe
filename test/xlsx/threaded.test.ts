/**
 * Threaded comments (Excel 365): xl/threadedComments/threadedCommentN.xml linked from the sheet,
 * authors in xl/persons/person.xml linked from the workbook, usually beside a legacy placeholder
 * note ("[Threaded comment] …") but not always. They are read into the grid's notes (a cell with
 * a thread is taken), and the write-back through the .xlsx host never writes into such a cell,
 * never adds a legacy note beside a thread, and keeps the threaded parts byte for byte.
 */
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { parseA1, toA1 } from "../../src/core/grid";
import { NOTE_PREFIX } from "../../src/footprint";
import { createXlsxPort } from "../../src/hosts/xlsx";
import { readZip } from "../../src/hosts/xlsx/zip";
import { checkGrids, planWriteback } from "../../src/kaohe";
import { NS, buildXlsx, esc, scoreSheet, type BookSpec } from "./ooxml";

const TC_NS = "http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments";
const TC_REL = "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment";
const PERSON_REL = "http://schemas.microsoft.com/office/2017/10/relationships/person";
const CT = {
  threaded: "application/vnd.ms-excel.threadedcomments+xml",
  person: "application/vnd.ms-excel.person+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
};

const WANG = "{8E1F0A52-3C5B-4D2A-9F61-0B7C2D4E5A11}";
const LI = "{1D2C3B4A-5E6F-4A7B-8C9D-0E1F2A3B4C5D}";
/** A person deleted from person.xml whose comments stay (as Excel leaves them after a merge of workbooks). */
const GONE = "{00000000-0000-4000-8000-0000000000FF}";

interface Comment {
  ref: string;
  id: string;
  person: string;
  text: string;
  parent?: string;
}

const threaded = (list: Comment[]) =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
  `<ThreadedComments xmlns="${TC_NS}" xmlns:x="${NS.main}">` +
  list
    .map((c) => `<threadedComment ref="${c.ref}" dT="2024-03-05T09:30:12.34" personId="${c.person}" id="${c.id}"${c.parent ? ` parentId="${c.parent}"` : ""}><text>${esc(c.text)}</text></threadedComment>`)
    .join("") +
  "</ThreadedComments>";

const persons =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
  `<personList xmlns="${TC_NS}" xmlns:x="${NS.main}">` +
  `<person displayName="王科长" id="${WANG}" userId="wang@example.gov.cn" providerId="AD"/>` +
  `<person displayName="李四" id="${LI}" userId="S::li@example.gov.cn::1b2c" providerId="AD"/>` +
  "</personList>";

/** The legacy note Excel 365 writes beside a thread, for older versions. */
const placeholder = (id: string, body: string) =>
  `<comment ref="F3" authorId="0" shapeId="0" xr:uid="{A1B2C3D4-0000-4000-8000-000000000001}"><text><t>[Threaded comment]\n\nYour version of Excel allows you to read this threaded comment; however, any edits to it will get removed if the file is opened in a newer version of Excel. Learn more: https://go.microsoft.com/fwlink/?linkid=870924\n\nComment:\n    ${esc(body)}</t></text></comment>`;

const legacyComments = (withPlaceholder: boolean) =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
  `<comments xmlns="${NS.main}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="xr" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision">` +
  `<authors>${withPlaceholder ? `<author>tc=${"{5F3C1A2B-0000-4000-8000-0000000000A1}"}</author>` : ""}<author>办公室</author></authors><commentList>` +
  (withPlaceholder ? placeholder("{5F3C1A2B-0000-4000-8000-0000000000A1}", "自查时多算了1分") : "") +
  `<comment ref="C5" authorId="${withPlaceholder ? 1 : 0}"><text><r><t>解读材料见附件</t></r></text></comment>` +
  "</commentList></comments>";

const VML =
  '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>' +
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
  '<v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;visibility:hidden"><x:ClientData ObjectType="Note"><x:Row>4</x:Row><x:Column>2</x:Column></x:ClientData></v:shape></xml>';

/**
 * The score table with threads: F3 (the score over its maximum, which the write-back marks) has a
 * thread of two replies, one by a deleted person; G4 (in the column the write-back would fill)
 * has a thread of its own; C5 has a legacy note. `placeholder`: Excel's legacy note beside F3.
 */
function book(opts: { placeholder: boolean; persons?: boolean }): Uint8Array {
  const tc = threaded([
    { ref: "F3", id: "{5F3C1A2B-0000-4000-8000-0000000000A1}", person: WANG, text: "自查时多算了1分" },
    { ref: "G4", id: "{5F3C1A2B-0000-4000-8000-0000000000B1}", person: LI, text: "此列留作复核意见" },
    { ref: "F3", id: "{5F3C1A2B-0000-4000-8000-0000000000A2}", person: LI, text: "已核实,按6分计", parent: "{5F3C1A2B-0000-4000-8000-0000000000A1}" },
    { ref: "F3", id: "{5F3C1A2B-0000-4000-8000-0000000000A3}", person: GONE.toLowerCase(), text: "同意", parent: "{5F3C1A2B-0000-4000-8000-0000000000A1}" },
  ]);
  const spec: BookSpec = {
    sheets: [
      scoreSheet({
        extras: { legacyDrawing: '<legacyDrawing r:id="rId2"/>' },
        rels: [
          ["rId1", "comments", "../comments1.xml"],
          ["rId2", "vmlDrawing", "../drawings/vmlDrawing1.vml"],
          ["rId3", TC_REL, "../threadedComments/threadedComment1.xml"],
        ],
      }),
    ],
    parts: {
      "xl/comments1.xml": legacyComments(opts.placeholder),
      "xl/drawings/vmlDrawing1.vml": VML,
      "xl/threadedComments/threadedComment1.xml": tc,
      ...(opts.persons === false ? {} : { "xl/persons/person.xml": persons }),
    },
    overrides: [
      ["xl/comments1.xml", CT.comments],
      ["xl/threadedComments/threadedComment1.xml", CT.threaded],
      ...(opts.persons === false ? [] : ([["xl/persons/person.xml", CT.person]] as Array<[string, string]>)),
    ],
    defaults: [["vml", "application/vnd.openxmlformats-officedocument.vmlDrawing"]],
    workbookRels: opts.persons === false ? [] : [["rId90", PERSON_REL, "persons/person.xml"]],
  };
  return buildXlsx(spec);
}

const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe("threaded comments are read into the grid's notes", () => {
  it.each([
    ["with Excel's legacy placeholder", true],
    ["without a placeholder (written by another program)", false],
  ])("%s: the thread joined with its authors' names, replies in order", async (_, withPlaceholder) => {
    const [grid] = await createXlsxPort(book({ placeholder: withPlaceholder })).readSheets();
    expect(grid.notes).toEqual({
      // The thread replaces the placeholder; the deleted person's reply keeps its text alone.
      F3: "王科长:自查时多算了1分\n李四:已核实,按6分计\n同意",
      G4: "李四:此列留作复核意见",
      C5: "解读材料见附件",
    });
  });

  it("without person.xml the texts are read without names", async () => {
    const [grid] = await createXlsxPort(book({ placeholder: true, persons: false })).readSheets();
    expect(grid.notes!.F3).toBe("自查时多算了1分\n已核实,按6分计\n同意");
    expect(grid.notes!.G4).toBe("此列留作复核意见");
  });

  it("a thread longer than a cell may hold is refused with the limit's message", async () => {
    const parts = unzipSync(book({ placeholder: false }));
    parts["xl/threadedComments/threadedComment1.xml"] = new TextEncoder().encode(
      threaded([{ ref: "A9", id: "{5F3C1A2B-0000-4000-8000-0000000000C1}", person: WANG, text: "长".repeat(40_000) }]),
    );
    const { zipSync } = await import("fflate");
    await expect(createXlsxPort(zipSync(parts)).readSheets()).rejects.toThrow(/批注的文字长达 40,000 个字符/);
  });
});

describe("the write-back leaves threaded comments alone", () => {
  it.each([
    ["with Excel's legacy placeholder", true],
    ["without a placeholder", false],
  ])("%s: no value in a cell with a thread, no legacy note beside a thread, threaded parts byte-identical", async (_, withPlaceholder) => {
    const bytes = book({ placeholder: withPlaceholder });
    const port = createXlsxPort(bytes);
    const grids = await port.readSheets();
    const report = checkGrids(grids, { file: "in.xlsx" });
    const changes = await planWriteback({ report, grids }, port);

    // Without the thread on G4 the plan fills G2:G6 (核算得分); with it, G is not free.
    const written = new Set<string>();
    for (const v of changes.values) {
      const at = parseA1(v.address)!;
      v.values.forEach((row, i) => row.forEach((_, j) => written.add(`${v.sheet}!${toA1(at.row + i, at.col + j)}`)));
    }
    expect(written.size).toBeGreaterThan(0);
    expect(written.has("评分表!G4")).toBe(false);
    expect(written.has("评分表!F3")).toBe(false);
    // F3 is still marked (its score is over the maximum): the fill, not a note.
    expect(changes.marks.map((m) => m.cell)).toContain("F3");

    await port.apply(changes);
    const out = port.save();
    const raw = (b: Uint8Array) => new Map(readZip(b, Infinity).map((e) => [e.name, e.raw]));
    const before = raw(bytes);
    const after = raw(out);
    for (const part of ["xl/threadedComments/threadedComment1.xml", "xl/persons/person.xml", "xl/worksheets/_rels/sheet1.xml.rels"]) {
      expect(after.get(part), part).toEqual(before.get(part));
    }
    // The legacy notes: the placeholder and the user's note stay as they were; nothing of ours on F3 or G4.
    const comments = text(unzipSync(out)["xl/comments1.xml"]);
    expect(comments).not.toMatch(/<comment ref="(F3|G4)"[^>]*>(?:(?!<\/comment>)[\s\S])*考核计分助手/);
    expect((comments.match(/<comment ref="F3"/g) ?? []).length).toBe(withPlaceholder ? 1 : 0);
    expect(comments).not.toContain('<comment ref="G4"');
    expect(comments).toContain("解读材料见附件");

    // Read again: the threads are still the cells' notes, our values are elsewhere.
    const [grid] = await createXlsxPort(out).readSheets();
    expect(grid.notes!.F3).toBe("王科长:自查时多算了1分\n李四:已核实,按6分计\n同意");
    expect(grid.notes!.G4).toBe("李四:此列留作复核意见");
    expect(Object.values(grid.notes!).some((n) => n.startsWith(NOTE_PREFIX))).toBe(true);
    const g4 = grid.cells[3]?.[6] ?? null;
    expect(g4).toBeNull();
  });
});
