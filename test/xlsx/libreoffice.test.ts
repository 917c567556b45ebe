/**
 * The written workbooks open in a real office suite: every fidelity workbook, written back,
 * is converted by LibreOffice (headless) and its score sheet shows the scores we wrote.
 * Skipped when LibreOffice is not installed (CI installs it: soffice).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createXlsxPort } from "../../src/hosts/xlsx";
import { checkGrids, planWriteback } from "../../src/kaohe";
import { tempDir } from "../helpers/xlsx";
import { corpus } from "./corpus";
import { buildXlsx, type Cell } from "./ooxml";

function soffice(): string | null {
  for (const bin of ["soffice", "libreoffice"]) {
    try {
      execFileSync(bin, ["--version"], { stdio: "ignore", timeout: 30000 });
      return bin;
    } catch {
      // not there
    }
  }
  return null;
}
const BIN = soffice();

describe.skipIf(!BIN)("LibreOffice opens every written workbook (skipped: LibreOffice not installed)", () => {
  it("converts each written fidelity workbook and shows the written scores", async () => {
    const dir = tempDir();
    const files: string[] = [];
    const fixtures = corpus();
    for (const [i, f] of fixtures.entries()) {
      const port = createXlsxPort(f.bytes);
      const grids = await port.readSheets();
      await port.apply(await planWriteback({ report: checkGrids(grids), grids }, port));
      const path = join(dir, `f${i}.xlsx`);
      writeFileSync(path, port.save());
      files.push(path);
    }
    const r = spawnSync(BIN!, ["--headless", `-env:UserInstallation=file://${join(dir, "profile")}`, "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", join(dir, "csv"), ...files], { encoding: "utf8", timeout: 180000 });
    expect(r.status).toBe(0);
    fixtures.forEach((f, i) => {
      const csv = join(dir, "csv", `f${i}.csv`);
      expect(existsSync(csv), f.name).toBe(true);
      const lines = readFileSync(csv, "utf8").split(/\r?\n/);
      expect(lines[1], f.name).toMatch(/核算得分/);
      expect(lines[2].split(",").slice(-1)[0], f.name).toBe("6");
    });
  }, 200000);
});

describe.skipIf(!BIN)("LibreOffice reads alike conditional formats as one over many cells (skipped: LibreOffice not installed)", () => {
  it("each format is anchored at the first cell of its range list, the formula read there, every entry cell covered once", async () => {
    // 300 items whose 分值 alternate 4/8/6: the write-back groups the marks of equal bounds
    const rows: Cell[][] = [["序号", "考核内容", "分值", "评分标准", "自评得分"]];
    const maxOf = (i: number) => [4, 8, 6][i % 3];
    for (let i = 0; i < 300; i++) rows.push([i + 1, `第${i + 1}项`, maxOf(i), "每缺一项扣1分", maxOf(i) - (i % 5 === 0 ? 1 : 0)]);
    rows.push(["合计", null, null, null, null]);
    const port = createXlsxPort(buildXlsx({ sheets: [{ name: "评分表", rows }] }));
    const grids = await port.readSheets();
    await port.apply(await planWriteback({ report: checkGrids(grids), grids }, port));
    const dir = tempDir();
    const path = join(dir, "grouped.xlsx");
    writeFileSync(path, port.save());
    const r = spawnSync(BIN!, ["--headless", `-env:UserInstallation=file://${join(dir, "profile")}`, "--convert-to", "fods", "--outdir", dir, path], { encoding: "utf8", timeout: 180000 });
    expect(r.status).toBe(0);
    const fods = readFileSync(join(dir, "grouped.fods"), "utf8");
    const formats = [...fods.matchAll(/<calcext:conditional-format calcext:target-range-address="([^"]+)">([\s\S]*?)<\/calcext:conditional-format>/g)];
    // one per kind of bounds (chunks of MAX_AREAS are far away at 300 rows)
    expect(formats).toHaveLength(3);
    const covered: string[] = [];
    for (const [, target, body] of formats) {
      const cells = target.split(" ").map((a) => a.split(":")[0].replace(/^.*\./, ""));
      covered.push(...cells);
      const cond = /calcext:value="formula-is\(([^"]*)\)" calcext:base-cell-address="([^"]+)"/.exec(body)!;
      const base = cond[2].replace(/^.*\./, "");
      expect(base).toBe(cells[0]);
      // the formula reads the anchor cell itself, with that cell's bounds
      const row = Number(base.slice(1)) - 2;
      expect(cond[1]).toContain(`[.${base}]&gt;${maxOf(row)}`);
    }
    expect(covered.sort()).toEqual(Array.from({ length: 300 }, (_, i) => `E${i + 2}`).sort());
  }, 200000);
});
