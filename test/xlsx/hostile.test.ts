/**
 * Hostile files through the real CLI (build/cli.cjs in a child process: its own memory, its
 * own exit status): each ends quickly with exit 0, 1 or 2 and one clear Chinese line, never
 * a stack trace, an abort or a temporary file left behind.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { createDeflateRaw, inflateRawSync } from "node:zlib";
import { unzipSync, zipSync } from "fflate";
import { buildSync } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { createXlsxPort, XlsxFormatError, XlsxLimitError } from "../../src/hosts/xlsx";
import { readZip, writeZip } from "../../src/hosts/xlsx/zip";
import { tempDir } from "../helpers/xlsx";
import { NS, buildXlsx, scoreSheet, type Cell } from "./ooxml";

const ROOT = resolve(__dirname, "../..");
let CLI = "";

beforeAll(() => {
  CLI = join(tempDir(), "cli.cjs");
  buildSync({ entryPoints: [join(ROOT, "src/cli/main.ts")], bundle: true, platform: "node", target: "node20", packages: "external", outfile: CLI, logLevel: "warning", absWorkingDir: ROOT });
  writeFileSync(join(CLI, "..", "run.cjs"), `require(${JSON.stringify(CLI)}).run();`);
}, 60000);

function kaohe(...args: string[]) {
  const started = Date.now();
  const r = spawnSync(process.execPath, ["--max-old-space-size=1536", join(CLI, "..", "run.cjs"), ...args], { encoding: "utf8", timeout: 20000, cwd: ROOT, env: { ...process.env, NODE_PATH: join(ROOT, "node_modules") } });
  return { code: r.status, out: r.stdout, err: r.stderr, ms: Date.now() - started, signal: r.signal };
}

function file(name: string, bytes: Uint8Array, dir = tempDir()): string {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

/** One clear Chinese line on stderr, no stack. */
function clearFailure(r: ReturnType<typeof kaohe>, pattern: RegExp) {
  expect(r.signal).toBeNull();
  expect(r.code).toBe(2);
  expect(r.err.trim().split("\n")).toHaveLength(1);
  expect(r.err).toMatch(/^kaohe:/);
  expect(r.err).toMatch(pattern);
  expect(r.err).not.toMatch(/\bat .*\.(js|cjs|ts):\d+/);
}

/** A book whose first sheet XML is replaced. */
function withSheetXml(xml: string): Uint8Array {
  const base = buildXlsx({ sheets: [scoreSheet()] });
  const parts = unzipAll(base);
  parts["xl/worksheets/sheet1.xml"] = new TextEncoder().encode(xml);
  return zipSync(parts);
}

function unzipAll(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

/** A zip of one entry with raw deflated data and a declared size (honest or not). */
function zipOfDeflated(name: string, deflated: Uint8Array, declared: number, crc: number): Uint8Array {
  const n = new TextEncoder().encode(name);
  const out = new Uint8Array(30 + n.length + deflated.length + 46 + n.length + 22);
  const v = new DataView(out.buffer);
  let at = 0;
  const head = (central: boolean) => {
    v.setUint32(at, central ? 0x02014b50 : 0x04034b50, true);
    at += 4;
    if (central) (v.setUint16(at, 20, true), (at += 2));
    v.setUint16(at, 20, true);
    v.setUint16(at + 2, 0, true);
    v.setUint16(at + 4, 8, true);
    v.setUint32(at + 10, crc, true);
    v.setUint32(at + 14, deflated.length, true);
    v.setUint32(at + 18, declared, true);
    v.setUint16(at + 22, n.length, true);
    at += 26;
    if (central) at += 14;
    out.set(n, at);
    at += n.length;
  };
  head(false);
  out.set(deflated, at);
  at += deflated.length;
  const dir = at;
  head(true);
  v.setUint32(at, 0x06054b50, true);
  v.setUint16(at + 8, 1, true);
  v.setUint16(at + 10, 1, true);
  v.setUint32(at + 12, at - dir, true);
  v.setUint32(at + 16, dir, true);
  return out;
}

/** `total` bytes of `chunk` repeated, deflated by zlib (streamed: the input never sits in memory whole). */
async function deflateRepeated(chunk: string, total: number): Promise<Uint8Array> {
  const z = createDeflateRaw({ level: 9, memLevel: 9 });
  const parts: Buffer[] = [];
  z.on("data", (d: Buffer) => parts.push(d));
  const done = new Promise((r) => z.on("end", r));
  const buf = Buffer.from(chunk);
  for (let n = 0; n < total; n += buf.length) if (!z.write(buf)) await new Promise((r) => z.once("drain", r));
  z.end();
  await done;
  return new Uint8Array(Buffer.concat(parts));
}

describe("hostile files end fast with a clear message", () => {
  it("a zip bomb (a directory that lies about the size) stops at the declared size", async () => {
    const data = await deflateRepeated(" ".repeat(1 << 20), 200 << 20);
    const parts = unzipAll(buildXlsx({ sheets: [scoreSheet()] }));
    delete parts["xl/sharedStrings.xml"];
    // The bomb spliced in as sharedStrings.xml: declared 1 KB, inflates to 200 MB.
    const bytes = concatZips(zipSync(parts), zipOfDeflated("xl/sharedStrings.xml", data, 1024, 0));
    expect(bytes.length).toBeLessThan(2 << 20);
    await expect(createXlsxPort(bytes).readSheets()).rejects.toThrow(XlsxFormatError);
    // Node's zlib (the CLI's inflate) is told the declared size as its cap, and stops there.
    const caps: number[] = [];
    const capped = (raw: Uint8Array, max: number) => {
      caps.push(max);
      return inflateRawSync(raw, { maxOutputLength: max });
    };
    await expect(createXlsxPort(bytes, { inflate: capped }).readSheets()).rejects.toThrow(XlsxFormatError);
    expect(caps).toContain(1024);
    expect(Math.max(...caps)).toBeLessThan(1 << 20);
    const dir = tempDir();
    const r = kaohe("check", file("炸弹.xlsx", bytes, dir));
    clearFailure(r, /无法读取|损坏/);
    expect(r.ms).toBeLessThan(20000);
  }, 60000);

  it("the 400-MB-of-rows file (a small zip that inflates huge) is refused before it is inflated", async () => {
    const row = (i: number) => `<row r="${i}"><c r="A${i}"><v>${i}</v></c><c r="B${i}" t="inlineStr"><is><t>第${i}行</t></is></c></row>`;
    // One row repeated: deflate keeps it at a few bytes per row, as a forged "file of rows" is.
    const chunk = row(7).repeat(4096);
    const total = 400 << 20;
    const head = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS.main}"><sheetData>`;
    const deflated = await deflateRepeated(chunk, total);
    const parts = unzipAll(buildXlsx({ sheets: [scoreSheet()] }));
    delete parts["xl/worksheets/sheet1.xml"];
    const rest = zipSync(parts);
    // A zip whose sheet part declares its true size (≈400 MB) next to the other parts.
    const big = zipOfDeflated("xl/worksheets/sheet1.xml", deflated, total + head.length, 0);
    const bytes = concatZips(rest, big);
    expect(bytes.length).toBeLessThan(5 << 20);
    const r = kaohe("check", file("四百兆.xlsx", bytes));
    clearFailure(r, /解压后超过 300 MB/);
    expect(r.ms).toBeLessThan(20000);
  }, 60000);

  it("cells beyond the per-sheet limit stop the read while streaming", async () => {
    const rows: Cell[][] = Array.from({ length: 3000 }, (_, i) => [i, "x", i]);
    const bytes = buildXlsx({ sheets: [{ name: "大表", rows }] });
    await expect(createXlsxPort(bytes, { limits: { cellsPerSheet: 5000 } }).readSheets()).rejects.toThrow(XlsxLimitError);
    await expect(createXlsxPort(bytes, { limits: { cellsPerSheet: 5000 } }).readSheets()).rejects.toThrow(/单元格超过 5,000 个/);
  });

  it("an entity-expansion sheet is refused", () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]><worksheet xmlns="${NS.main}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>`;
    const r = kaohe("check", file("实体.xlsx", withSheetXml(lol)));
    clearFailure(r, /文档类型声明/);
  });

  it("an external-entity sheet is refused (nothing is fetched or read)", () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><worksheet xmlns="${NS.main}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>`;
    const r = kaohe("check", file("外部实体.xlsx", withSheetXml(xxe)));
    clearFailure(r, /文档类型声明/);
    expect(r.out + r.err).not.toContain("root:");
  });

  it("a truncated workbook", () => {
    const bytes = buildXlsx({ sheets: [scoreSheet()] });
    const r = kaohe("check", file("截断.xlsx", bytes.subarray(0, Math.floor(bytes.length / 2))));
    clearFailure(r, /损坏|无法读取/);
  });

  it("random bytes behind a zip signature, and random bytes", () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 16) & 0xff;
    const noise = Uint8Array.from({ length: 4096 }, rnd);
    const zipLike = Uint8Array.from([0x50, 0x4b, 3, 4, ...noise]);
    clearFailure(kaohe("check", file("乱码.xlsx", zipLike)), /损坏|无法读取/);
    clearFailure(kaohe("check", file("噪声.xlsx", noise)), /不是 \.xlsx 工作簿|无法识别/);
  });

  it("a lone cell at XFD1048576 costs nothing", async () => {
    const xml = buildXlsx({ sheets: [scoreSheet()] });
    const parts = unzipAll(xml);
    const sheet = new TextDecoder().decode(parts["xl/worksheets/sheet1.xml"]).replace("</sheetData>", '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>');
    parts["xl/worksheets/sheet1.xml"] = new TextEncoder().encode(sheet);
    const bytes = zipSync(parts);
    const grids = await createXlsxPort(bytes).readSheets();
    expect(grids[0].cells.length).toBe(6);
    expect(Math.max(...grids[0].cells.map((r) => r.length))).toBe(6);
    const dir = tempDir();
    const r = kaohe("check", file("远角.xlsx", bytes, dir), "--json", "--out", join(dir, "出.xlsx"));
    expect(r.code).toBe(1);
    expect(r.ms).toBeLessThan(20000);
    expect(JSON.parse(r.out).summary.errors).toBeGreaterThan(0);
    // The far cell is still in the copy: nothing of the user's is dropped.
    expect(readdirSync(dir).sort()).toEqual(["出.xlsx", "远角.xlsx"]);
    const out = unzipAll(new Uint8Array(readFileSync(join(dir, "出.xlsx"))));
    expect(new TextDecoder().decode(out["xl/worksheets/sheet1.xml"])).toContain('<c r="XFD1048576"><v>1</v></c>');
  });

  it("30,000 merged ranges", () => {
    const rows: Cell[][] = [...scoreSheet().rows];
    const merges = [...scoreSheet().merges!];
    for (let i = 0; i < 30000; i++) merges.push(`H${10 + i}:I${10 + i}`);
    const bytes = buildXlsx({ sheets: [{ ...scoreSheet(), rows, merges }] });
    const r = kaohe("check", file("合并.xlsx", bytes), "--json");
    expect(r.signal).toBeNull();
    expect(r.code).toBe(1);
    expect(r.ms).toBeLessThan(20000);
  });

  it("a 1,000,000-character cell", () => {
    const rows = [...scoreSheet().rows, ["长" + "字".repeat(1_000_000)]];
    const r = kaohe("check", file("长文本.xlsx", buildXlsx({ sheets: [{ ...scoreSheet(), rows }] })));
    clearFailure(r, /1,000,001 个字符,超过 Excel 允许的 32,767 个字符/);
    expect(r.ms).toBeLessThan(20000);
  });

  it("control characters in text never reach the terminal", () => {
    const rows = scoreSheet().rows.map((r) => [...r]);
    rows[2][2] = "明确分管领导_x001B_[31m_x001B_[2J_x0007_";
    rows[4][0] = "政策_x001B_]0;标题_x0007_解读";
    const r = kaohe("check", file("控制符.xlsx", buildXlsx({ sheets: [{ ...scoreSheet(), rows }] })));
    expect(r.code).toBe(1);
    expect(r.out).toContain("政策]0;标题解读");
    // eslint-disable-next-line no-control-regex
    expect(r.out + r.err).not.toMatch(/[\u0007\u001b]/);
    // A raw ESC is not XML at all (Excel writes _x001B_): the file is refused, and says so plainly.
    rows[2][2] = "明确\u001b[2J分管领导";
    const raw = kaohe("check", file("原始控制符.xlsx", buildXlsx({ sheets: [{ ...scoreSheet(), rows }] })));
    clearFailure(raw, /损坏|无法读取/);
    expect(raw.err).not.toMatch(/[\u0007\u001b]/);
  });

  it("a folder as --out gets its own message and nothing is left behind", () => {
    const dir = tempDir();
    const input = file("评分表.xlsx", buildXlsx({ sheets: [scoreSheet()] }), dir);
    const r = kaohe("check", input, "--out", dir);
    clearFailure(r, /是文件夹/);
    expect(readdirSync(dir)).toEqual(["评分表.xlsx"]);
  });

  it("a copy that cannot be written leaves no temporary file behind", () => {
    const dir = tempDir();
    const input = file("评分表.xlsx", buildXlsx({ sheets: [scoreSheet()] }), dir);
    const r = kaohe("check", input, "--out", join(dir, "长".repeat(90) + ".xlsx"));
    clearFailure(r, /无法写入.*文件名过长/);
    expect(readdirSync(dir)).toEqual(["评分表.xlsx"]);
  });

  it("a LibreOffice workbook with a table writes a copy (and no .kaohe-tmp file stays)", () => {
    const dir = tempDir();
    const book = buildXlsx({
      sheets: [scoreSheet({ extras: { tableParts: '<tableParts count="1"><tablePart r:id="rId1"/></tableParts>' }, rels: [["rId1", "table", "../tables/table1.xml"]] })],
      parts: { "xl/tables/table1.xml": `<?xml version="1.0" encoding="UTF-8"?><table xmlns="${NS.main}" id="1" name="评分" displayName="评分" ref="B2:F5" headerRowCount="1" totalsRowCount="0" totalsRowShown="0"><autoFilter ref="B2:F5"/><tableColumns count="5"><tableColumn id="1" name="序号"/><tableColumn id="2" name="目标要求"/><tableColumn id="3" name="分值"/><tableColumn id="4" name="自查办法"/><tableColumn id="5" name="自查评分"/></tableColumns></table>` },
      overrides: [["xl/tables/table1.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"]],
    });
    const input = file("lo.xlsx", book, dir);
    const r = kaohe("check", input, "--out", join(dir, "out.xlsx"));
    expect(r.code).toBe(1);
    expect(r.out).toContain("已写入副本");
    expect(readdirSync(dir).sort()).toEqual(["lo.xlsx", "out.xlsx"]);
  });
});

/** Two zips of stored entries joined into one (entries of both, one directory). */
function concatZips(a: Uint8Array, b: Uint8Array): Uint8Array {
  const entries = [...readZip(a, Infinity), ...readZip(b, Infinity)];
  return writeZip(entries);
}
