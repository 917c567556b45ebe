/**
 * The zip container of an .xlsx: its directory read from the bytes (so every entry's compressed
 * data can be copied unchanged), entries inflated by fflate in small steps with the bytes
 * counted as they come (a zip bomb stops at the limit, not after) or by a native inflate the
 * host injects (Node's zlib, told the most it may produce), and a writer that stores unchanged
 * entries with their original compressed bytes.
 */
import { Inflate, deflateSync } from "fflate";
import { XlsxFormatError, XlsxLimitError, formatMessage, limitMessage } from "./limits";

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc: number;
  /** Declared uncompressed size. */
  size: number;
  /** The compressed bytes as they are in the file. */
  raw: Uint8Array;
  dosTime: number;
  dosDate: number;
}

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;

const broken = () => new XlsxFormatError(formatMessage.broken);

/** Reads the central directory; every entry's declared size counts against `totalBytes`. */
export function readZip(bytes: Uint8Array, totalBytes: number): ZipEntry[] {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 5 && bytes[i + 3] === 6) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw broken();
  const count = u16(bytes, eocd + 10);
  let at = u32(bytes, eocd + 16);
  if (at >= bytes.length) throw broken();
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  let declared = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) throw broken();
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    const dosTime = u16(bytes, at + 12);
    const dosDate = u16(bytes, at + 14);
    const crc = u32(bytes, at + 16);
    let compSize = u32(bytes, at + 20);
    let size = u32(bytes, at + 24);
    const nameLen = u16(bytes, at + 28);
    const extraLen = u16(bytes, at + 30);
    const commentLen = u16(bytes, at + 32);
    let local = u32(bytes, at + 42);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLen));
    // Zip64: sizes and offset in the extra field when the 32-bit ones are saturated.
    if (compSize === 0xffffffff || size === 0xffffffff || local === 0xffffffff) {
      let e = at + 46 + nameLen;
      const end = e + extraLen;
      while (e + 4 <= end) {
        const id = u16(bytes, e);
        const len = u16(bytes, e + 2);
        if (id === 1) {
          let p = e + 4;
          const u64 = () => {
            const v = u32(bytes, p) + u32(bytes, p + 4) * 2 ** 32;
            p += 8;
            return v;
          };
          if (size === 0xffffffff) size = u64();
          if (compSize === 0xffffffff) compSize = u64();
          if (local === 0xffffffff) local = u64();
        }
        e += 4 + len;
      }
    }
    at += 46 + nameLen + extraLen + commentLen;
    if (flags & 1) throw new XlsxFormatError(formatMessage.encrypted);
    if (name.endsWith("/")) continue;
    if (method !== 0 && method !== 8) throw new XlsxFormatError(formatMessage.method);
    declared += size;
    if (declared > totalBytes) throw new XlsxLimitError(limitMessage.total(totalBytes));
    if (local + 30 > bytes.length || u32(bytes, local) !== 0x04034b50) throw broken();
    const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    if (start + compSize > bytes.length) throw broken();
    entries.push({ name, method, crc, size, raw: bytes.subarray(start, start + compSize), dosTime, dosDate });
  }
  return entries;
}

/** Bytes inflated so far, shared by every entry of one package. */
export interface Budget {
  used: number;
  limit: number;
}

const STEP = 16 * 1024;
/** Blocks of an entry inflated in one go, handed on one by one (the reader decodes each). */
const BLOCK = 1 << 20;

/**
 * Raw inflate of a whole entry by a native library, which must stop (throw) as soon as the
 * output would exceed `max` bytes: Node's `zlib.inflateRawSync(raw, { maxOutputLength: max })`.
 */
export type InflateRaw = (raw: Uint8Array, max: number) => Uint8Array;

/**
 * Inflates an entry, handing its bytes to `onChunk` as they come. More bytes than the entry
 * declares means a forged directory (a bomb): stopped there, as is the package's total.
 * With `native`, the entry is inflated in one call capped at its declared size (the cap is
 * enforced by the inflater, so a bomb still stops at once) and handed over in blocks.
 */
export function inflateEntry(entry: ZipEntry, budget: Budget, onChunk: (chunk: Uint8Array) => void, native?: InflateRaw): void {
  if (native && entry.method === 8) {
    const out = inflateNative(entry, budget, native);
    for (let i = 0; i < out.length; i += BLOCK) onChunk(out.subarray(i, Math.min(out.length, i + BLOCK)));
    return;
  }
  let produced = 0;
  const take = (chunk: Uint8Array) => {
    produced += chunk.length;
    budget.used += chunk.length;
    if (produced > entry.size) throw broken();
    if (budget.used > budget.limit) throw new XlsxLimitError(limitMessage.total(budget.limit));
    if (chunk.length) onChunk(chunk);
  };
  if (entry.method === 0) {
    for (let i = 0; i < entry.raw.length; i += STEP * 16) take(entry.raw.subarray(i, Math.min(entry.raw.length, i + STEP * 16)));
    return;
  }
  const inflater = new Inflate((chunk) => take(chunk));
  try {
    if (entry.raw.length === 0) inflater.push(new Uint8Array(0), true);
    for (let i = 0; i < entry.raw.length; i += STEP) {
      const end = Math.min(entry.raw.length, i + STEP);
      inflater.push(entry.raw.subarray(i, end), end === entry.raw.length);
    }
  } catch (e) {
    if (e instanceof XlsxLimitError || e instanceof XlsxFormatError) throw e;
    throw broken();
  }
  if (produced !== entry.size) throw broken();
}

function inflateNative(entry: ZipEntry, budget: Budget, native: InflateRaw): Uint8Array {
  let out: Uint8Array;
  try {
    // At least 1: a cap of 0 means "no cap" to zlib; an empty entry's one byte too many is caught below.
    out = native(entry.raw, Math.max(1, entry.size));
  } catch {
    throw broken();
  }
  if (out.length !== entry.size) throw broken();
  budget.used += out.length;
  if (budget.used > budget.limit) throw new XlsxLimitError(limitMessage.total(budget.limit));
  return out;
}

/** The whole entry inflated (for the small parts: workbook, styles, rels …). */
export function inflateAll(entry: ZipEntry, budget: Budget, native?: InflateRaw): Uint8Array {
  if (native && entry.method === 8) return inflateNative(entry, budget, native);
  const out = new Uint8Array(entry.size);
  let at = 0;
  inflateEntry(
    entry,
    budget,
    (chunk) => {
      out.set(chunk, at);
      at += chunk.length;
    },
    native,
  );
  return out;
}

let CRC_TABLE: Int32Array | null = null;

export function crc32(data: Uint8Array): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c;
    }
  }
  let c = -1;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** A new or changed entry from its uncompressed bytes. */
export type Deflate = (data: Uint8Array) => Uint8Array;

/** fflate's deflate (the browser's); Node passes its native zlib, several times faster. */
const fflateDeflate: Deflate = (data) => deflateSync(data, { level: 6 });

export function entryOf(name: string, data: Uint8Array, like?: ZipEntry, deflate: Deflate = fflateDeflate, crc: (data: Uint8Array) => number = crc32): ZipEntry {
  const now = new Date();
  return {
    name,
    method: 8,
    crc: crc(data),
    size: data.length,
    raw: deflate(data),
    dosTime: like?.dosTime ?? ((now.getHours() << 11) | (now.getMinutes() << 5) | (now.getSeconds() >> 1)),
    dosDate: like?.dosDate ?? (((now.getFullYear() - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate()),
  };
}

/** The zip file of the entries, in order; each entry's compressed bytes are written as they are. */
export function writeZip(entries: ZipEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  const names = entries.map((e) => encoder.encode(e.name));
  let size = 22;
  entries.forEach((e, i) => (size += 30 + 46 + 2 * names[i].length + e.raw.length));
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  let at = 0;
  const offsets: number[] = [];
  const header = (e: ZipEntry, name: Uint8Array, central: boolean, offset: number) => {
    const flags = /[^\x20-\x7e]/.test(e.name) ? 0x800 : 0;
    view.setUint32(at, central ? 0x02014b50 : 0x04034b50, true);
    at += 4;
    if (central) {
      view.setUint16(at, 20, true);
      at += 2;
    }
    view.setUint16(at, 20, true);
    view.setUint16(at + 2, flags, true);
    view.setUint16(at + 4, e.method, true);
    view.setUint16(at + 6, e.dosTime, true);
    view.setUint16(at + 8, e.dosDate, true);
    view.setUint32(at + 10, e.crc, true);
    view.setUint32(at + 14, e.raw.length, true);
    view.setUint32(at + 18, e.size, true);
    view.setUint16(at + 22, name.length, true);
    view.setUint16(at + 24, 0, true);
    at += 26;
    if (central) {
      view.setUint16(at, 0, true); // comment
      view.setUint16(at + 2, 0, true); // disk
      view.setUint16(at + 4, 0, true); // internal attributes
      view.setUint32(at + 6, 0, true); // external attributes
      view.setUint32(at + 10, offset, true);
      at += 14;
    }
    out.set(name, at);
    at += name.length;
  };
  entries.forEach((e, i) => {
    offsets.push(at);
    header(e, names[i], false, 0);
    out.set(e.raw, at);
    at += e.raw.length;
  });
  const dirStart = at;
  entries.forEach((e, i) => header(e, names[i], true, offsets[i]));
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - dirStart, true);
  view.setUint32(at + 16, dirStart, true);
  at += 22;
  return out.subarray(0, at);
}
