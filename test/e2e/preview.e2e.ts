/**
 * The preview in Chromium: dist/preview.html from a local server, a workbook opened through the
 * file input, 计算, the findings, a finding selecting its cell, 写回 and the download; the
 * taskpane page outside Excel; nothing requested from anywhere else, no CSP violation.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import ExcelJS from "exceljs";
import { chromium, type Browser, type Page } from "playwright-core";
import { serveStatic, type StaticServer } from "./server";

const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const SHOTS = "test-results";

let server: StaticServer;
let browser: Browser;
/** Requests the pages tried to send off the machine, and CSP violations they reported. */
const offsite: string[] = [];
const violations: string[] = [];
/** Uncaught script errors of any page (a crash leaves a blank page that no other check names). */
const crashes: string[] = [];

beforeAll(async () => {
  if (!existsSync("dist/preview.html")) throw new Error("dist/ is missing: run `npm run test:e2e` (it builds first)");
  await mkdir(SHOTS, { recursive: true });
  server = await serveStatic("dist");
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openPage(path: string): Promise<Page> {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 900 }, locale: "zh-CN" });
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(server.url) || url.startsWith("blob:") || url.startsWith("data:")) return route.continue();
    offsite.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on("pageerror", (e) => crashes.push(`${path}: ${e.message}`));
  page.on("console", (m) => {
    if (m.text().includes("CSP violation") || m.text().includes("Content Security Policy")) violations.push(m.text());
  });
  await page.goto(server.url + path);
  return page;
}

/** A score sheet in the 根河 layout: F4 over its maximum, F6 blank, the entered 合计 wrong. */
async function genheWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("考核评分表");
  ws.addRow(["政务公开工作考核评分表"]);
  ws.addRow(["类别", "序号", "目标要求", "分值", "评价办法", "自查评分", "考核评分"]);
  ws.addRow(["组织领导", 1, "成立政务公开工作领导小组", 5, "未成立的扣5分", 5, 5]);
  ws.addRow([null, 2, "制定年度工作要点", 5, "未制定的扣5分", 6, 4]);
  ws.addRow(["主动公开", 3, "公开规范性文件", 10, "每缺一项扣1分", 8, 9]);
  ws.addRow([null, 4, "开展政策解读", 10, "每缺一篇扣2分", null, 10]);
  ws.addRow(["合计", null, null, 30, null, 19, 28]);
  ws.mergeCells("A3:A4");
  ws.mergeCells("A5:A6");
  ws.mergeCells("A7:C7");
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function openWorkbook(page: Page, name: string, bytes: Buffer) {
  await page.setInputFiles("input[type=file]", { name, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: bytes });
  await page.getByTestId("file-name").filter({ hasText: name }).waitFor();
  await page.getByRole("button", { name: "计算", exact: true }).and(page.locator(":enabled")).waitFor();
}

async function findings(page: Page) {
  return await page.getByTestId("finding").evaluateAll((els) => els.map((e) => `${e.getAttribute("data-code")}@${e.getAttribute("data-cell")}`));
}

describe("preview.html", () => {
  it("opens the bundled sample and scores it (screenshot in test-results/)", async () => {
    const page = await openPage("preview.html");
    await page.getByTestId("file-name").filter({ hasText: "genhe-department-sample.xlsx" }).waitFor();
    await page.getByTestId("sheet").first().waitFor();
    const compute = page.getByRole("button", { name: "计算", exact: true });
    await compute.and(page.locator(":enabled")).waitFor();
    expect(await page.getByRole("combobox", { name: /评分列/ }).locator("option").allTextContents()).toEqual(["自查评分", "考核评分"]);
    await compute.click();
    const total = page.getByTestId("total-final").first();
    await total.waitFor();
    // The sample's README: 自查评分 满分 110, 得分 116; 4 cross-check warnings.
    expect(await total.textContent()).toContain("116");
    expect((await findings(page)).filter((f) => f.startsWith("cross_check_failed"))).toHaveLength(4);
    await page.screenshot({ path: `${SHOTS}/preview.png`, fullPage: false });
    await page.locator("aside").screenshot({ path: `${SHOTS}/pane.png` });
    await page.getByTestId("finding").first().scrollIntoViewIfNeeded();
    await page.locator("aside").screenshot({ path: `${SHOTS}/pane-findings.png` });
    await page.context().close();
  });

  it("scores a workbook opened through the file input, in the column chosen", async () => {
    const page = await openPage("preview.html?sample=none");
    await openWorkbook(page, "根河测试.xlsx", await genheWorkbook());
    const column = page.getByRole("combobox", { name: /评分列/ });
    expect(await column.locator("option").allTextContents()).toEqual(["自查评分", "考核评分"]);

    await column.selectOption("考核评分");
    await page.getByRole("button", { name: "计算", exact: true }).click();
    await page.getByTestId("total-final").filter({ hasText: "28" }).waitFor();
    expect(await page.getByTestId("total-max").textContent()).toBe("30");

    await column.selectOption("自查评分");
    await page.getByRole("button", { name: "计算", exact: true }).click();
    // 5 + 5 (6 capped at 5) + 8 + 0 (blank) = 18.
    await page.getByTestId("total-final").filter({ hasText: "18" }).waitFor();
    // 6 over 5 and 合计 19 for 18 are errors, listed before the blank (a warning).
    expect(await findings(page)).toEqual(["score_over_max@F4", "total_mismatch@F7", "score_missing@F6"]);

    // Clicking a finding selects its cell in the workbook.
    await page.locator('[data-testid=finding][data-cell="F4"]').click();
    await page.locator('td[data-cell="F4"][aria-selected="true"]').waitFor();
    await page.context().close();
  });

  it("writes back after confirmation and offers the .xlsx for download", async () => {
    const page = await openPage("preview.html?sample=none");
    await openWorkbook(page, "根河测试.xlsx", await genheWorkbook());
    await page.getByRole("button", { name: "计算", exact: true }).click();
    await page.getByTestId("total-final").waitFor();
    await page.getByRole("button", { name: "写回工作簿" }).click();
    const dialog = page.getByRole("alertdialog");
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain("核算结果");
    await dialog.getByRole("button", { name: "确认写回" }).click();
    await page.getByText(/已写回工作簿/).waitFor();

    // The rendering shows the marks; the download holds the written workbook.
    expect(await page.locator('td[data-cell="F4"]').getAttribute("style")).toContain("background-color");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download").click()]);
    expect(download.suggestedFilename()).toBe("根河测试-核算.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path())!);
    const ws = wb.getWorksheet("考核评分表")!;
    expect(ws.getCell("F4").value).toBe(6); // what the user typed is unchanged
    expect(ws.getCell("H2").value).toBe("核算得分");
    expect(ws.getCell("H4").value).toBe(5);
    expect(String(ws.getCell("F4").note && JSON.stringify(ws.getCell("F4").note))).toContain("超过分值");
    expect(wb.getWorksheet("核算结果")!.getCell("A1").value).toBe("核算结果(考核计分助手生成;重新计算时本表整体更新,请勿在此填写)");

    // The rendering shows the new sheet too.
    await page.getByRole("tab", { name: "核算结果" }).click();
    await page.locator('[data-testid=sheet][data-sheet="核算结果"] td', { hasText: "score_over_max" }).first().waitFor();
    await page.context().close();
  });

  it("shows another sheet from its top, with the column letters and the corner above the row numbers", async () => {
    const wb = new ExcelJS.Workbook();
    for (const name of ["长表", "短表"]) {
      const ws = wb.addWorksheet(name);
      for (let r = 1; r <= 200; r++) ws.addRow([`${name}${r}`, r]);
    }
    const page = await openPage("preview.html?sample=none");
    await openWorkbook(page, "两张长表.xlsx", Buffer.from(await wb.xlsx.writeBuffer()));
    const scroller = page.getByTestId("sheet").locator("..");
    await scroller.evaluate((el) => el.scrollTo(0, 2000));
    // The corner cell covers the row numbers scrolled beneath it.
    const corner = page.locator("thead th").first();
    const box = (await corner.boundingBox())!;
    const covering = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest("th")?.getAttribute("scope") ?? "corner", { x: box.x + box.width / 2, y: box.y + box.height / 2 });
    expect(covering).toBe("corner");
    await page.getByRole("tab", { name: "短表" }).click();
    await page.locator('[data-testid=sheet][data-sheet="短表"]').waitFor();
    expect(await scroller.evaluate((el) => el.scrollTop)).toBe(0);
    await page.context().close();
  });

  it("says in Chinese that a file is not a workbook", async () => {
    const page = await openPage("preview.html?sample=none");
    await page.setInputFiles("input[type=file]", { name: "旧表.xls", mimeType: "application/vnd.ms-excel", buffer: Buffer.from("not a zip") });
    expect(await page.getByRole("alert").textContent()).toContain("另存为");
    await page.context().close();
  });
});

describe("taskpane.html outside Excel", () => {
  it("starts and explains that it needs Excel or WPS", async () => {
    const page = await openPage("taskpane.html");
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/未检测到 Excel 或 WPS 表格/);
    await page.context().close();
  });
});

describe("the built pages", () => {
  const bundle = (page: string) =>
    readdirSync("dist")
      .filter((f) => f.startsWith(`${page}.`) && f.endsWith(".js"))
      .map((f) => readFileSync(`dist/${f}`, "utf8"))
      .join("");

  it("keep the .xlsx host out of the pane: only the preview carries it", () => {
    expect(bundle("preview")).toContain("relationships/sharedStrings");
    expect(bundle("taskpane")).not.toContain("relationships/sharedStrings");
    expect(bundle("preview")).not.toContain("sharedStrings.xml");
  });

  it("refer to their files by relative URLs", () => {
    for (const page of ["taskpane.html", "preview.html"]) {
      const html = readFileSync(`dist/${page}`, "utf8");
      const refs = [...html.matchAll(/(?:src|href|content)="([^"]+)"/g)].map((m) => m[1]).filter((r) => /\.(js|png|xlsx)$/.test(r));
      expect(refs.length).toBeGreaterThan(0);
      expect(refs.filter((r) => r.startsWith("/") || (r.includes("://") && !r.startsWith("https://appsforoffice.microsoft.com/")))).toEqual([]);
    }
  });
});

describe("privacy", () => {
  it("requested nothing but office.js from off the machine, broke no CSP rule and threw no error", () => {
    expect(offsite.filter((u) => !u.startsWith("https://appsforoffice.microsoft.com/"))).toEqual([]);
    expect(violations).toEqual([]);
    expect(crashes).toEqual([]);
    expect(server.requests.length).toBeGreaterThan(0);
    expect(server.requests.filter((p) => !p.startsWith("/kaohe/"))).toEqual([]);
  });
});
