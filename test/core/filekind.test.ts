import { describe, expect, it } from "vitest";
import { fileKind, type FileKind } from "../../src/core/filekind";

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const bytes = (...parts: Array<number[] | string>) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...p].flatMap((ch) => [ch.charCodeAt(0), 0]) : p)));

describe("what a file's bytes are", () => {
  it.each<[string, Uint8Array, FileKind]>([
    ["an .xlsx (a zip)", bytes([0x50, 0x4b, 3, 4, 20, 0]), "xlsx"],
    ["nothing", bytes(), "empty"],
    ["an old .xls (OLE without encryption streams)", bytes(OLE, new Array(504).fill(0), "Workbook", "SummaryInformation"), "old"],
    ["an encrypted .xlsx (EncryptionInfo)", bytes(OLE, new Array(504).fill(0), "EncryptionInfo"), "encrypted"],
    ["an encrypted .xlsx (EncryptedPackage)", bytes(OLE, new Array(504).fill(0), "EncryptedPackage"), "encrypted"],
    ["text", new TextEncoder().encode("类别,序号\n"), "unknown"],
  ])("%s", (_, b, kind) => expect(fileKind(b)).toBe(kind));
});
