/**
 * The preview's native inflater (src/preview/inflate.ts) and the reader's InflateRaw hook it goes
 * through: the same grids as fflate gives, fflate where the browser has no "deflate-raw" stream
 * or a part was not inflated ahead, and a forged entry or a lying inflater still ends in the
 * reader's own Chinese message.
 * (Node has the same DecompressionStream as the browsers, so the native path runs here too.)
 */
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { createXlsxPort, XlsxFormatError } from "../../src/hosts/xlsx";
import { readZip } from "../../src/hosts/xlsx/zip";
import { deflateRawSync } from "node:zlib";
import { deflateSync } from "fflate";
import { AHEAD_BYTES, inflateAhead, inflateCapped, nativeInflater } from "../../src/preview/inflate";
import { openWorkbook } from "../../src/preview/workbook";
import { buildXlsx, scoreSheet } from "../xlsx/ooxml";

const LIMITS = { totalBytes: 300 * 1024 * 1024 };

/** A workbook as Excel users make them: shared strings, a merge, a formula, a note. */
async function workbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("评分表");
  ws.addRow(["政务公开工作考核评分表"]);
  ws.addRow(["类别", "序号", "目标要求", "分值", "自查评分"]);
  for (let i = 1; i <= 300; i++) ws.addRow([i === 1 ? "工作任务" : null, i, `第${i}项工作任务按要求完成`, 2, i % 7 ? 2 : 1]);
  ws.addRow(["合计", null, null, { formula: "SUM(D3:D302)", result: 600 }, null]);
  ws.mergeCells("A3:A302");
  ws.getCell("C5").note = "批注:请核实";
  wb.addWorksheet("说明").addRow(["本表由考核办填写"]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The bytes with one entry's declared (uncompressed) size in the central directory replaced. */
function withDeclaredSize(bytes: Uint8Array, name: string, size: number): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  const enc = new TextEncoder().encode(name);
  for (let at = 0; at + 46 < out.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const len = view.getUint16(at + 28, true);
    if (len === enc.length && enc.every((b, i) => out[at + 46 + i] === b)) {
      view.setUint32(at + 24, size, true);
      return out;
    }
  }
  throw new Error(`no entry ${name}`);
}

const reason = (p: Promise<unknown>) => p.then(() => "opened", (e: Error) => e.message);

describe("the native inflater", () => {
  it("is found where DecompressionStream knows deflate-raw, and not where it is missing or older", () => {
    expect(nativeInflater()).not.toBeNull();
    expect(nativeInflater({})).toBeNull();
    class Older {
      constructor(format: string) {
        // Chromium 80–102 knew "deflate" and "gzip" only.
        if (format === "deflate-raw") throw new TypeError(`Unsupported compression format: '${format}'`);
      }
    }
    expect(nativeInflater({ DecompressionStream: Older })).toBeNull();
  });

  it("inflates every XML part to exactly the bytes fflate gives, and the grids read are the same", async () => {
    const bytes = await workbook();
    const inflate = await inflateAhead(bytes, LIMITS);
    expect(inflate).toBeDefined();
    const entries = readZip(bytes, LIMITS.totalBytes).filter((e) => e.method === 8 && /\.(xml|rels)$/.test(e.name));
    expect(entries.length).toBeGreaterThan(5);
    const plain = createXlsxPort(bytes);
    for (const e of entries) {
      const native = inflate!(e.raw, e.size);
      // Inflated ahead: the same bytes handed over each time, not inflated again.
      expect(inflate!(e.raw, e.size), e.name).toBe(native);
      expect(new TextDecoder().decode(native), e.name).toBe(plain.package.text(e.name));
    }
    const grids = await createXlsxPort(bytes, { inflate }).readSheets();
    expect(grids).toEqual(await plain.readSheets());
    expect(grids[0].notes).toEqual({ C5: "批注:请核实" });
    // Bytes that are not of this file are inflated by fflate, to the same bytes.
    const other = entries[0].raw.slice();
    expect(inflate!(other, entries[0].size)).not.toBe(inflate!(entries[0].raw, entries[0].size));
    expect(inflate!(other, entries[0].size)).toEqual(inflate!(entries[0].raw, entries[0].size));
  });

  it("leaves everything to fflate where the browser has none, and the workbook opens the same", async () => {
    const bytes = await workbook();
    expect(await inflateAhead(bytes, LIMITS, null)).toBeUndefined();
    const withNative = await openWorkbook(bytes.slice().buffer, "评分表.xlsx");
    const Saved = globalThis.DecompressionStream;
    try {
      // @ts-expect-error: a browser without the native stream
      delete globalThis.DecompressionStream;
      expect(nativeInflater()).toBeNull();
      const without = await openWorkbook(bytes.slice().buffer, "评分表.xlsx");
      expect(await without.readSheets()).toEqual(await withNative.readSheets());
    } finally {
      globalThis.DecompressionStream = Saved;
    }
  });

  it("does not inflate ahead an entry that inflates to more than it declares: the reader names the broken file", async () => {
    const good = buildXlsx({ sheets: [scoreSheet()] });
    const sheet = readZip(good, LIMITS.totalBytes).find((e) => e.name === "xl/worksheets/sheet1.xml")!;
    const forged = withDeclaredSize(good, "xl/worksheets/sheet1.xml", sheet.size - 100);
    const inflate = await inflateAhead(forged, LIMITS);
    const entry = readZip(forged, LIMITS.totalBytes).find((e) => e.name === "xl/worksheets/sheet1.xml")!;
    // Not inflated ahead: fflate stops past the declared size.
    expect(() => inflate!(entry.raw, entry.size)).toThrow(RangeError);
    // The same message as fflate's alone.
    const message = await reason(openWorkbook(forged.slice().buffer, "伪造.xlsx").then((p) => p.readSheets()));
    expect(message).toBe("文件已损坏或不是有效的 .xlsx 工作簿");
    expect(await reason(createXlsxPort(forged).readSheets())).toBe(message);
    await expect(createXlsxPort(forged).readSheets()).rejects.toThrow(XlsxFormatError);
  });

  it("inflates ahead no more than its budget, and nothing of a file over the total limit", async () => {
    const bytes = await workbook();
    expect(await inflateAhead(bytes, { totalBytes: 1000 })).toBeUndefined();
    expect(AHEAD_BYTES).toBeLessThanOrEqual(LIMITS.totalBytes);
  });
});

describe("fflate for the parts not inflated ahead", () => {
  it("gives fflate's bytes and stops as soon as the output passes the cap (a bomb costs nothing)", () => {
    const text = new TextEncoder().encode("<row>考核</row>".repeat(5000));
    const raw = deflateSync(text);
    expect(inflateCapped(raw, text.length)).toEqual(text);
    expect(() => inflateCapped(raw, text.length - 1)).toThrow(RangeError);
    expect(inflateCapped(deflateSync(new Uint8Array(0)), 1)).toEqual(new Uint8Array(0));
    // 64 MB of zeros in about 64 KB: stopped at the 1 MB cap, well before.
    const bomb = new Uint8Array(deflateRawSync(new Uint8Array(64 << 20), { level: 9 }));
    expect(bomb.length).toBeLessThan(100 << 10);
    const started = Date.now();
    expect(() => inflateCapped(bomb, 1 << 20)).toThrow(RangeError);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe("the reader's InflateRaw hook with the preview's inflater", () => {
  const bytes = buildXlsx({ sheets: [scoreSheet()] });

  it("checks what it gives: more or fewer bytes than declared is a broken file", async () => {
    const tooMany = (_raw: Uint8Array, max: number) => new Uint8Array(max + 1);
    const tooFew = (_raw: Uint8Array, max: number) => new Uint8Array(Math.max(0, max - 1));
    expect(() => createXlsxPort(bytes, { inflate: tooMany })).toThrow(XlsxFormatError);
    expect(() => createXlsxPort(bytes, { inflate: tooFew })).toThrow(XlsxFormatError);
  });

  it("reads the same grids through fflate alone (inflateCapped) as through the reader's own path", async () => {
    expect(await createXlsxPort(bytes, { inflate: inflateCapped }).readSheets()).toEqual(await createXlsxPort(bytes).readSheets());
  });
});
