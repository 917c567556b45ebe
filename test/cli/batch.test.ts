/**
 * `kaohe batch` end to end through the built CLI (build/cli.cjs, as `npm run build:cli` makes it
 * and bin/kaohe.cjs runs it): exit statuses, JSON on stdout only, messages in Chinese, the same
 * message as `kaohe check` for an unusable file, 年报雷同 across real workbooks, atomic writing.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { BatchResult } from "../../src/collect";
import { tempDir } from "../helpers/xlsx";
import { genheTownshipGrids, linziGrids, saveJunk, saveUnit, xiuwenGrids } from "../collect/units";

const ROOT = resolve(__dirname, "../..");
const BIN = join(ROOT, "bin/kaohe.cjs");

function kaohe(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let dir: string;

beforeAll(async () => {
  execFileSync("npm", ["run", "build:cli"], { cwd: ROOT, stdio: "pipe" });
  dir = tempDir();
  await saveUnit(dir, "报送/一类/甲局.xlsx", xiuwenGrids({ name: "县甲局", lost: 1 }));
  await saveUnit(dir, "报送/一类/乙局.xlsx", xiuwenGrids({ name: "县乙局", lost: 1 }));
  await saveUnit(dir, "报送/二类/丙镇.xlsx", linziGrids({ self: [18, 19, 17, 19.5, 17.5, 1, 0] }));
  saveJunk(dir, "坏的/坏文件.xlsx");
  // Two 根河 units whose 统计表 are the same sample numbers, and a third that changed one.
  await saveUnit(dir, "统计/好里堡.xlsx", genheTownshipGrids("好里堡办事处"));
  await saveUnit(dir, "统计/金河镇.xlsx", genheTownshipGrids("金河镇"));
}, 60000);

// Each case starts node on the built CLI: slow on a busy machine, so a generous timeout.
describe("kaohe batch (build/cli.cjs)", { timeout: 60000 }, () => {
  it("ranks a folder, prints Chinese text and exits 0", () => {
    const r = kaohe(dir, "batch", "报送");
    expect(r.code).toBe(0);
    expect(r.err).toBe(""); // no progress bar when stderr is not a terminal
    expect(r.out).toContain("【一类】  2 个单位,合格率 100%");
    expect(r.out).toContain("并列第 1 名  县甲局  34/35  得分率 97.1%  优秀");
    expect(r.out).toContain("并列第 1 名  县乙局  34/35");
    expect(r.out).toContain("第 1 名  丙镇  92/100  得分率 92%  优秀");
  });

  it("--json: only the JSON on stdout, compact; exit 1 when a file is unusable, with the message kaohe check gives", () => {
    const r = kaohe(dir, "batch", "报送", "坏的", "--json");
    expect(r.code).toBe(1);
    expect(r.err).toBe("");
    expect(r.out.indexOf("\n")).toBe(r.out.length - 1);
    const json = JSON.parse(r.out) as BatchResult;
    expect(json.units.map((u) => u.unit)).toEqual(["县甲局", "县乙局", "丙镇"]);
    const check = kaohe(dir, "check", join("坏的", "坏文件.xlsx"));
    expect(check.code).toBe(2);
    const bad = json.findings.find((f) => f.code === "file_unusable")!;
    expect(bad.file).toBe(join("坏的", "坏文件.xlsx"));
    expect(`kaohe:${bad.message}\n`).toBe(check.err);
  });

  it("exits 2 when nothing is usable", () => {
    const r = kaohe(dir, "batch", "坏的");
    expect(r.code).toBe(2);
    expect(r.err).toBe("kaohe:没有一个工作簿可以使用,未生成汇总\n");
  });

  it("flags two units whose 统计表 numbers are identical", () => {
    const r = kaohe(dir, "batch", "统计", "--json");
    const json = JSON.parse(r.out) as BatchResult;
    expect(json.findings.filter((f) => f.code === "stats_identical").map((f) => [f.unit, f.sheet, f.message])).toEqual([
      ["好里堡办事处", "信息公开统计表", "统计表的数字与“金河镇”完全相同(年报雷同),请核实"],
      ["金河镇", "信息公开统计表", "统计表的数字与“好里堡办事处”完全相同(年报雷同),请核实"],
    ]);
    expect(r.code).toBe(0);
  });

  it("writes 汇总.xlsx atomically into the folder asked for, and skips it when it sits among the inputs", () => {
    const out = join("报送", "汇总.xlsx");
    const first = kaohe(dir, "batch", "报送", "--out", out);
    expect(first.code).toBe(0);
    expect(first.out).toContain(`已写入汇总:${out}`);
    expect(readdirSync(join(dir, "报送")).sort()).toEqual(["一类", "二类", "汇总.xlsx"]);
    const again = kaohe(dir, "batch", "报送", "--out", out, "--json");
    expect((JSON.parse(again.out) as BatchResult).units).toHaveLength(3);
    // An earlier summary under another name is recognised and skipped, not reported as unreadable.
    const other = kaohe(dir, "batch", "报送", "--out", join("报送", "汇总2.xlsx"), "--json");
    expect(other.code).toBe(0);
    expect((JSON.parse(other.out) as BatchResult).findings).toEqual([]);
  });

  it.each([
    [["batch"], "kaohe:缺少要汇总的文件或文件夹;用法:kaohe batch <文件或文件夹…> [--out 汇总.xlsx]\n"],
    [["batch", "没有这个文件夹"], "kaohe:找不到文件或文件夹“没有这个文件夹”\n"],
    [["batch", "报送", "--grades", "优秀90"], "kaohe:--grades 中的“优秀90”看不懂;格式如“优秀:90,良好:80,合格:60”\n"],
    [["batch", "报送", "--out", "汇总.xls"], "kaohe:输出文件“汇总.xls”应以 .xlsx 结尾\n"],
    [["batch", "报送", "--out", "没有的文件夹/汇总.xlsx"], "kaohe:输出文件夹“DIR/没有的文件夹”不存在\n"],
    [["batch", "--rounds", "没有.json"], "kaohe:找不到轮次文件“没有.json”\n"],
    [["batch", "报送", "--rounds", "轮次.json"], "kaohe:使用 --rounds 时,文件由轮次文件中的 path 指定,不要再列出文件或文件夹\n"],
  ])("%j → exit 2 with one Chinese line", (args, message) => {
    const r = kaohe(dir, ...args);
    expect(r.code).toBe(2);
    expect(r.err).toBe(message.replace("DIR", dir));
    expect(r.out).toBe("");
  });

  it("a rounds file that is not JSON, or names a folder that does not exist", () => {
    writeFileSync(join(dir, "坏轮次.json"), "{rounds:");
    expect(kaohe(dir, "batch", "--rounds", "坏轮次.json").err).toBe("kaohe:轮次文件“坏轮次.json”不是有效的 JSON\n");
    writeFileSync(join(dir, "轮次.json"), JSON.stringify({ rounds: [{ name: "第一季度", path: "Q1", points: 20 }] }));
    const r = kaohe(dir, "batch", "--rounds", "轮次.json");
    expect(r.code).toBe(2);
    expect(r.err).toBe("kaohe:轮次“第一季度”的文件夹“Q1”不存在\n");
    expect(existsSync(join(dir, "Q1"))).toBe(false);
  });
});
