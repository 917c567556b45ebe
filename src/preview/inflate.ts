/**
 * The browser's own inflater for the preview: before the reader (synchronous, the same code as
 * the CLI's) runs, the workbook's XML parts are inflated by the native DecompressionStream
 * ("deflate-raw", several times faster than fflate in JavaScript), each stopped one byte past its
 * declared size and all of them within a budget. The reader takes them through its InflateRaw
 * hook (as the CLI hands it Node's zlib) and checks and counts them against its limits. Only an
 * accelerator: a part not inflated ahead (over its size, broken, over the budget, or a browser
 * without the stream: Chromium before 103, old EdgeHTML) is inflated by fflate, in small steps
 * and stopped past its cap, and the reader says what is wrong in its own words.
 */
import { Inflate } from "fflate";
import type { XlsxLimits } from "../hosts/xlsx";
import { readZip, type InflateRaw } from "../hosts/xlsx/zip";

/** Parts inflated ahead at most, together: the rest (a workbook this large is rare) streams through fflate. */
export const AHEAD_BYTES = 96 * 1024 * 1024;

/** The parts the reader may read: XML and relationships, not images or embedded files. */
const XML_PART = /\.(xml|rels|vml)$/i;

interface Stream {
  readonly writable: WritableStream<Uint8Array>;
  readonly readable: ReadableStream<Uint8Array>;
}
type StreamClass = new (format: string) => Stream;

/** The native raw-deflate stream class, or null where the browser has none (or no "deflate-raw"). */
export function nativeInflater(scope: { DecompressionStream?: unknown } = globalThis as { DecompressionStream?: unknown }): StreamClass | null {
  const Native = scope.DecompressionStream as StreamClass | undefined;
  if (typeof Native !== "function") return null;
  try {
    new Native("deflate-raw");
    return Native;
  } catch {
    return null;
  }
}

/** One entry through the native stream: its bytes, or null when they are not exactly `size` bytes or the data is broken. */
async function inflateOne(Native: StreamClass, raw: Uint8Array, size: number): Promise<Uint8Array | null> {
  const stream = new Native("deflate-raw");
  const writer = stream.writable.getWriter();
  // Errors surface on the reading side; these promises only must not go unhandled.
  writer.write(raw).catch(() => {});
  writer.close().catch(() => {});
  const reader = stream.readable.getReader();
  const out = new Uint8Array(size);
  let at = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (at + value.length > size) {
        // More than the directory declares: a forged entry (a bomb). Stop here.
        void reader.cancel().catch(() => {});
        return null;
      }
      out.set(value, at);
      at += value.length;
    }
  } catch {
    return null;
  }
  return at === size ? out : null;
}

const STEP = 16 * 1024;

/** fflate's inflate of a part not inflated ahead: fed in small steps, it throws as soon as the output passes `max`. */
export function inflateCapped(raw: Uint8Array, max: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let produced = 0;
  const inflater = new Inflate((chunk) => {
    produced += chunk.length;
    if (produced > max) throw new RangeError("over the declared size");
    chunks.push(chunk);
  });
  if (raw.length === 0) inflater.push(new Uint8Array(0), true);
  for (let i = 0; i < raw.length; i += STEP) inflater.push(raw.subarray(i, Math.min(raw.length, i + STEP)), i + STEP >= raw.length);
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(produced);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * Inflates the XML parts of `bytes` with the browser's native stream; the InflateRaw to hand to
 * createXlsxPort for these same bytes (the parts inflated ahead, fflate for the rest), or
 * undefined when nothing was inflated ahead (the reader's own fflate path then).
 * Never throws: whatever is wrong with the file, the reader finds and says.
 */
export async function inflateAhead(bytes: Uint8Array, limits: Pick<XlsxLimits, "totalBytes">, Native: StreamClass | null = nativeInflater()): Promise<InflateRaw | undefined> {
  if (!Native) return undefined;
  let entries;
  try {
    entries = readZip(bytes, limits.totalBytes);
  } catch {
    return undefined;
  }
  // By where the compressed bytes start in the file: the reader hands back subarrays of the same bytes.
  const done = new Map<number, Uint8Array>();
  let budget = Math.min(AHEAD_BYTES, limits.totalBytes);
  for (const e of entries) {
    if (e.method !== 8 || !XML_PART.test(e.name) || e.size > budget) continue;
    const out = await inflateOne(Native, e.raw, e.size);
    if (!out) continue;
    budget -= e.size;
    done.set(e.raw.byteOffset, out);
  }
  if (done.size === 0) return undefined;
  // `max`: the part's declared size (at least 1); the reader checks the length it gets.
  return (raw, max) => {
    const out = raw.buffer === bytes.buffer ? done.get(raw.byteOffset) : undefined;
    return out && out.length <= max ? out : inflateCapped(raw, max);
  };
}
