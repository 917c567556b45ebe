/**
 * Unit workbooks saved again by LibreOffice Calc (as a clerk without Excel sends them) are read by
 * `kaohe batch` exactly like the originals: the same unit, class and score. Skipped, with the
 * reason, when LibreOffice (soffice) is not installed.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBatch } from "../../src/cli/batch";
import type { BatchResult } from "../../src/collect";
import { tempDir } from "../helpers/xlsx";
import { linziGrids, saveUnit, xiuwenGrids } from "./units";

const soffice = ["soffice", "libreoffice"].find((c) => spawnSync(c, ["--version"], { stdio: "ignore" }).status === 0);

async function batchJson(folder: string): Promise<BatchResult> {
  let out = "";
  await runBatch([folder], { json: true }, { out: (s) => void (out += s), err: () => {}, isTTY: false });
  return JSON.parse(out);
}

describe.skipIf(!soffice)("kaohe batch on workbooks saved by LibreOffice Calc" + (soffice ? "" : "(已跳过:未安装 LibreOffice)"), () => {
  it("reads the same units, classes and scores", async () => {
    const dir = tempDir();
    const made = join(dir, "made");
    await saveUnit(made, "二类/教育局.xlsx", xiuwenGrids({ name: "县教育局", unitClass: "二类", lost: 2 }));
    await saveUnit(made, "二类/城关镇.xlsx", linziGrids({ name: "城关镇", self: [18, 19, 17, 19.5, 17.5, 1, 0], review: [17, 19, 17, 19, 17.5, 0, 0] }));
    const saved = join(dir, "saved", "二类");
    mkdirSync(saved, { recursive: true });
    const r = spawnSync(
      soffice!,
      [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", saved, join(made, "二类/教育局.xlsx"), join(made, "二类/城关镇.xlsx")],
      { encoding: "utf8", timeout: 170_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    const a = await batchJson(made);
    const b = await batchJson(join(dir, "saved"));
    const essentials = (j: BatchResult) => j.units.map((u) => [u.unit, u.unitClass, u.max, u.final, u.rank, u.grade, u.errors]);
    expect(essentials(b)).toEqual(essentials(a));
    expect(essentials(a)).toEqual([
      ["县教育局", "二类", 35, 33, 1, "优秀", 0],
      ["城关镇", "二类", 100, 89.5, 2, "良好", 0],
    ]);
  }, 180_000);
});
