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
