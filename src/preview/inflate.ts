/**
 * The browser's own inflater for the preview: before the reader (synchronous, the same code as
 * the CLI's) runs, the workbook's XML parts are inflated by the native DecompressionStream
 * ("deflate-raw", several times faster than fflate in JavaScript), each stopped one byte past its
 * declared size and all of them within a budget. The reader takes them through its RawInflate
 * hook and counts them against its limits as it counts fflate's output. Only an accelerator:
 * where the browser has no such stream (Chromium before 103, old EdgeHTML), or a part fails,
 * is over its size or over the budget, the reader inflates that part with fflate and says what
 * is wrong in its own words.
 */
import type { XlsxLimits } from "../hosts/xlsx";
import { readZip, type RawInflate } from "../hosts/xlsx/zip";

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

/**
 * Inflates the XML parts of `bytes` with the browser's native stream; the RawInflate to hand to
 * createXlsxPort for these same bytes, or undefined when the browser has no native inflater.
 * Never throws: whatever is wrong with the file, the reader finds and says.
 */
export async function inflateAhead(bytes: Uint8Array, limits: Pick<XlsxLimits, "totalBytes">, Native: StreamClass | null = nativeInflater()): Promise<RawInflate | undefined> {
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
  return (raw, size) => {
    const out = raw.buffer === bytes.buffer ? done.get(raw.byteOffset) : undefined;
    return out && out.length === size ? out : undefined;
  };
}
