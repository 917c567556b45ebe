/**
 * A summary sheet (汇总表) in raw OOXML, as Excel saves it (formulas into the score sheets with their
 * cached results, shared strings, the user's styles), through the package-level .xlsx host: read,
 * checked, and written back with a mark on the summary's cell that changes its style only.
 */
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { checkWorkbook, planWriteback, applyWriteback } from "../../src/kaohe";
import { createXlsxPort } from "../../src/hosts/xlsx";
import { NOTE_PREFIX } from "../../src/footprint";
import { buildXlsx } from "./ooxml";
import { lawSheet, ooxmlSheets, openSheet, summarySheet } from "../helpers/summary-book";

const cells = (xml: string) => new Map([...xml.matchAll(/<c r="([A-Z]+\d+)"(?:[^>]*\/>|[^>]*>[\s\S]*?<\/c>)/g)].map((m) => [m[1], m[0]]));
const text = (files: Record<string, Uint8Array>, path: string) => new TextDecoder().decode(files[path]);

describe("a summary sheet through the .xlsx host", () => {
  // 重点领域信息公开 lowered from 18 to 16, saved without recalculating
  const sheets = ooxmlSheets([openSheet("政务公开", [8, 10, 16, 10, 10], 56), lawSheet(), summarySheet()]);
  // the user's own style on the summary's numbers: bordered (cellXfs 2)
  sheets[2].styles = Object.fromEntries(["C3", "D3", "E3", "C4", "D4", "C5", "D5", "E5"].map((a) => [a, 2]));
  const bytes = buildXlsx({ sheets });

  it("reads the cached results and formulas and finds the stale one at its cell", async () => {
    const port = createXlsxPort(bytes);
    const { report } = await checkWorkbook(port, { file: "考核.xlsx" });
    expect(report.findings.map((f) => `${f.sheet}!${f.code}@${f.cell}`)).toEqual(["政务公开!total_mismatch@F8", "考核汇总!summary_score_mismatch@D3"]);
  });

  it("the write-back changes the summary's sheet part only in the marked cell's style, and notes it", async () => {
    const port = createXlsxPort(bytes);
    const result = await checkWorkbook(port);
    await applyWriteback(port, await planWriteback(result, port));
    const inFiles = unzipSync(bytes);
    const outFiles = unzipSync(port.save());
    const before = cells(text(inFiles, "xl/worksheets/sheet3.xml"));
    const after = cells(text(outFiles, "xl/worksheets/sheet3.xml"));
    expect([...after.keys()]).toEqual([...before.keys()]);
    const changed = [...before.keys()].filter((a) => before.get(a) !== after.get(a));
    expect(changed).toEqual(["D3"]);
    expect(before.get("D3")).toBe(`<c r="D3" s="2"><f>'政务公开'!F8</f><v>56</v></c>`);
    expect(after.get("D3")).toMatch(/^<c r="D3" s="\d+"><f>'政务公开'!F8<\/f><v>56<\/v><\/c>$/);
    expect(after.get("D3")).not.toBe(before.get("D3"));

    const [summary] = (await createXlsxPort(port.save()).readSheets()).filter((g) => g.name === "考核汇总");
    expect(summary.notes?.D3).toMatch(new RegExp(`^${NOTE_PREFIX}`));
    expect(summary.formulas?.[2]?.[3]).toBe(true);
    expect(summary.cells[2][3]).toBe(56);
  });
});
