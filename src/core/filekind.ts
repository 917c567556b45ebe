/**
 * What a file's bytes are, before an .xlsx reader tries them: the CLI and the preview both say
 * in Chinese why a file can't be opened, from the same reading.
 */
export type FileKind = "xlsx" | "old" | "encrypted" | "empty" | "unknown";

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const ZIP_MAGIC = [0x50, 0x4b];
/** Streams only an encrypted (password-protected) .xlsx keeps in its OLE container, as UTF-16LE. */
const ENCRYPTION_STREAMS = ["EncryptionInfo", "EncryptedPackage"].map((s) => [...s].flatMap((ch) => [ch.charCodeAt(0), 0]));

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

function contains(bytes: Uint8Array, needle: number[]): boolean {
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * An .xlsx is a zip; an old .xls/.et and an encrypted .xlsx are both OLE containers, told apart
 * by the encryption streams. Pass the whole file when it may be an OLE container.
 */
export function fileKind(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return "empty";
  if (startsWith(bytes, OLE_MAGIC)) return ENCRYPTION_STREAMS.some((s) => contains(bytes, s)) ? "encrypted" : "old";
  return startsWith(bytes, ZIP_MAGIC) ? "xlsx" : "unknown";
}

/** File name endings of the old binary formats, which must be saved as .xlsx first. */
export const OLD_FORMAT_NAME = /\.(xls|et|ett|wps|xlt)$/i;
