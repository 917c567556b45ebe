/**
 * The preview's batch view in Chromium: a folder of unit workbooks (with 一类/二类 subfolders and an
 * unreadable file) picked through the folder input, and a multi-select; the ranking and the 通报
 * shown, and 汇总.xlsx downloaded and read back. Nothing leaves the machine.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { chromium, type Browser, type Page } from "playwright-core";
import { serveStatic, type StaticServer } from "./server";
import { workbookOf, tempDir } from "../helpers/xlsx";
import { linziGrids, saveJunk, saveUnit, xiuwenGrids } from "../collect/units";

const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

let server: StaticServer;
let browser: Browser;
const offsite: string[] = [];
const crashes: string[] = [];
let folder: string;

beforeAll(async () => {
  if (!existsSync("dist/preview.html")) throw new Error("dist/ is missing: run `npm run test:e2e` (it builds first)");
  server = await serveStatic("dist");
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"] });
  folder = join(tempDir(), "各单位");
  await saveUnit(folder, "一类/教育局.xlsx", xiuwenGrids({ name: "县教育局", lost: 2 }));
  await saveUnit(folder, "一类/财政局.xlsx", xiuwenGrids({ name: "县财政局", lost: 2 }));
  await saveUnit(folder, "一类/民政局.xlsx", xiuwenGrids({ lost: 0 }));
  await saveUnit(folder, "一类/司法局.xlsx", xiuwenGrids({ name: "县司法局", veto: "是" }));
  await saveUnit(folder, "二类/城关镇.xlsx", linziGrids({ name: "城关镇", self: [18, 19, 17, 19.5, 17.5, 1, 0] }));
  saveJunk(folder, "二类/坏文件.xlsx");
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openBatch(): Promise<Page> {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 900 }, locale: "zh-CN" });
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(server.url) || url.startsWith("blob:") || url.startsWith("data:")) return route.continue();
    offsite.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.on("pageerror", (e) => crashes.push(e.message));
  await page.goto(server.url + "preview.html?sample=none");
  await page.getByTestId("mode-switch").click();
  await page.getByRole("heading", { name: "考核计分助手 · 汇总多个工作簿" }).waitFor();
  return page;
}

/** Serious and critical accessibility violations axe-core finds on the page, as "rule: target". */
async function axeViolations(page: Page): Promise<string[]> {
  const axe = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  await page.evaluate(axe); // through the debugger, not a <script> the page's CSP would block
  const found = await page.evaluate(async () => {
    const w = window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } };
    return (await w.axe.run()).violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
  return found;
}

/** The rows of a class's ranking table as text. */
async function ranking(page: Page, cls: string): Promise<string[][]> {
  const rows = page.getByRole("region", { name: `${cls} 排名` }).locator("tbody tr");
  return await rows.evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll("td"), (td) => td.textContent ?? "")));
}

describe("preview: many workbooks (汇总)", () => {
  it("takes a folder, ranks each class, shows the 通报 and offers 汇总.xlsx", async () => {
    const page = await openBatch();
    await page.getByTestId("batch-folder").setInputFiles(folder);
    await page.getByTestId("batch-download").waitFor();
    expect(await ranking(page, "一类")).toEqual([
      ["1", "民政局", "35", "35", "100%", "优秀", "0", ""],
      ["2", expect.stringMatching(/^县(教育|财政)局$/), "35", "33", "94.3%", "优秀", "0", "并列"],
      ["2", expect.stringMatching(/^县(教育|财政)局$/), "35", "33", "94.3%", "优秀", "0", "并列"],
      ["4", "县司法局", "35", "0", "0%", "不合格", "0", "一票否决"],
    ]);
    expect(await ranking(page, "二类")).toEqual([["1", "城关镇", "100", "92", "92%", "优秀", "0", ""]]);
    const first = page.getByRole("region", { name: "一类 排名" });
    expect(await first.locator("caption").textContent()).toBe("一类:4 个单位,合格率 75%");
    expect(await first.textContent()).toContain("不合格单位:县司法局(一票否决)");
    // 失分较多: one line per indicator, named by its first clause, the whole title on hover
    const second = page.getByRole("region", { name: "二类 排名" });
    const losses = await second.locator("ol li").evaluateAll((lis) => lis.map((li) => [li.textContent ?? "", li.getAttribute("title") ?? ""]));
    expect(losses.length).toBeGreaterThan(1);
    expect(losses[0][0]).toBe("第三季度日常考核(1 个单位,共失 3 分)");
    expect(losses[0][1]).toMatch(/^第三季度日常考核:1\.信息公开的全面化;/);
    expect(await page.getByRole("region", { name: "问题" }).textContent()).toContain("各单位/二类/坏文件.xlsx");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("batch-download").click()]);
    expect(download.suggestedFilename()).toBe("汇总.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path())!);
    const ws = wb.getWorksheet("排名")!;
    expect([1, 2, 3, 4, 5, 6, 7].map((c) => ws.getCell(4, c).value)).toEqual([1, "民政局", 35, 35, 1, "优秀", 0]);
    expect(wb.worksheets.map((w) => w.name)).toContain("反馈单-县司法局");
    await page.screenshot({ path: "test-results/preview-batch.png", fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("takes a multi-select and says in Chinese when the grades are wrong", async () => {
    const page = await openBatch();
    const files = await Promise.all(
      [
        ["甲局.xlsx", xiuwenGrids({ name: "甲局", lost: 1 })],
        ["乙局.xlsx", xiuwenGrids({ name: "乙局", lost: 3 })],
      ].map(async ([name, grids]) => ({
        name: name as string,
        mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        buffer: Buffer.from(await workbookOf(grids as ReturnType<typeof xiuwenGrids>).xlsx.writeBuffer()),
      })),
    );
    await page.getByTestId("batch-files").setInputFiles(files);
    await page.getByTestId("batch-download").waitFor();
    expect((await ranking(page, "未分类")).map((r) => [r[0], r[1], r[3]])).toEqual([
      ["1", "甲局", "34"],
      ["2", "乙局", "32"],
    ]);
    await page.getByLabel("等次分数线(百分制)").fill("优秀90");
    await page.getByTestId("batch-files").setInputFiles(files);
    await expect(page.getByRole("alert").textContent()).resolves.toContain("等次分数线中的“优秀90”看不懂");
    await page.context().close();
  });

  it("composes a year from a folder holding a rounds file", async () => {
    const year = join(tempDir(), "2024年度");
    await saveUnit(year, "Q1/甲局.xlsx", linziGrids({ self: [18, 19, 17, 19.5, 17.5, 0, 0] })); // 91
    await saveUnit(year, "Q2/甲局.xlsx", linziGrids({ self: [16, 16, 16, 16, 16, 0, 0] })); // 80
    await saveUnit(year, "Q1/乙局.xlsx", linziGrids({ self: [20, 20, 20, 20, 20, 0, 0] })); // 100, no Q2
    writeFileSync(join(year, "轮次.json"), JSON.stringify({ rounds: [{ name: "上半年", path: "Q1", points: 50 }, { name: "下半年", path: "Q2", points: 50 }] }));
    const page = await openBatch();
    await page.getByTestId("batch-folder").setInputFiles(year);
    await page.getByTestId("batch-download").waitFor();
    // 甲局 0.91 × 50 + 0.8 × 50 = 85.5; 乙局 50 + 0 (下半年 missing).
    expect(await ranking(page, "未分类")).toEqual([
      ["1", "甲局", "100", "85.5", "85.5%", "良好", "0", "", "45.5", "40"],
      ["2", "乙局", "100", "50", "50%", "不合格", "0", "", "50", "0"],
    ]);
    expect(await page.getByRole("region", { name: "问题" }).textContent()).toContain("单位“乙局”缺少“下半年”的评分工作簿,该轮按 0 分计算");
    await page.context().close();
  });

  it("asked nothing of any other machine and never crashed", () => {
    expect(offsite).toEqual([]);
    expect(crashes).toEqual([]);
  });
});
