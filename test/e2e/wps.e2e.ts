/**
 * The built pane (dist/taskpane.html) running "inside WPS": Chromium opens it, served under
 * /kaohe/, with the fake ET object model installed as `window.wps` before the page's scripts run
 * and nothing but the local server reachable (office.js cannot load, as on an intranet PC).
 * Click 计算, check the total and the findings, click a finding, click 写回工作簿, and compare the
 * fake workbook with what the same engine and adapter write in Node. Also the offline add-in
 * folder opened from disk, as WPS opens it.
 *
 * `npm run test:e2e` (builds dist/ first). Run directly without a build or without Chromium it is
 * skipped with a message; under CI it fails instead.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fmt } from "../../src/core/findings";
import type { Report } from "../../src/core/report";
import { createWpsPort, type WpsApplication } from "../../src/hosts/wps";
import { GENHE_OVER_MAX_CELL, GENHE_SHEET, GENHE_TOTAL, genheScoreSheet, typedColumns } from "../fakes/genhe";
import { createFakeEt, type FakeEt, type FakeEtOptions, type FakeSheetInit } from "../fakes/wps-et";
import { fakeWpsInitScript } from "../fakes/wps-et-bundle";
import { serveStatic, type StaticServer } from "./server";

const ROOT = resolve(__dirname, "../..");
/** The build under test (default dist/; KAOHE_DIST points elsewhere). */
const DIST = process.env.KAOHE_DIST ? resolve(process.env.KAOHE_DIST) : join(ROOT, "dist");
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const CI = process.env.CI === "true" || process.env.CI === "1";
const SAMPLES_DIR = join(ROOT, "templates", "samples");
/** The filled template samples a teammate generates; each runs through the pane too. */
const SAMPLES = existsSync(SAMPLES_DIR) ? readdirSync(SAMPLES_DIR).filter((f) => f.endsWith(".xlsx")).sort() : [];
const missing = [
  !existsSync(CHROMIUM) && `没有找到浏览器 ${CHROMIUM}`,
  !existsSync(join(DIST, "taskpane.html")) && "没有找到 dist/taskpane.html(请先运行 npm run build)",
].filter((x): x is string => typeof x === "string");
if (missing.length && !CI) console.warn(`跳过 WPS 任务窗格浏览器测试:${missing.join(";")}`);

const STALE = "页面与 Node 中同一引擎的结果不同;若刚改过 src/,先重新构建 dist/(npm run build)";

/** What the same engine and adapter produce in Node for this workbook: report and written fake. */
async function expected(sheets: FakeSheetInit[]) {
  // Imported here so that a skipped run does not need the whole engine to load.
  const { applyWriteback, checkWorkbook, planWriteback } = await import("../../src/kaohe");
  const fake = createFakeEt(sheets);
  const port = createWpsPort(fake.Application as WpsApplication);
  const result = await checkWorkbook(port);
  await applyWriteback(port, await planWriteback(result, port));
  return { report: result.report, fake };
}

/** A sample .xlsx as the fake's sheets (values and merges, read by the .xlsx host). */
async function sampleSheets(file: string): Promise<FakeSheetInit[]> {
  const { readFileSync } = await import("node:fs");
  const { createXlsxPort } = await import("../../src/hosts/xlsx");
  return (await createXlsxPort(readFileSync(join(SAMPLES_DIR, file))).readSheets()).map((g) => ({ name: g.name, cells: g.cells, merges: g.merges }));
}

/** The fake's workbook as the page holds it. */
function pageWorkbook(page: Page) {
  return page.evaluate(() => (window as unknown as { __kaoheFakeEt: FakeEt }).__kaoheFakeEt.snapshot());
}

describe.skipIf(missing.length > 0 && !CI)("WPS: the pane in Chromium with a fake window.wps", () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    if (missing.length) throw new Error(`WPS 任务窗格浏览器测试无法运行:${missing.join(";")}`);
    server = await serveStatic(DIST);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /**
   * Opens the pane over a fake workbook (`url` defaults to the served dist/taskpane.html), runs
   * `body`, checks that the page threw nothing, and closes it. Requests to anywhere but the local
   * server or disk are aborted, as on an intranet PC, and listed in `remote`.
   */
  async function withPane(
    sheets: FakeSheetInit[],
    settings: { options?: FakeEtOptions; url?: string },
    body: (page: Page, remote: string[]) => Promise<void>,
  ) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    const remote: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("dialog", (d) => void d.accept()); // a window.confirm the pane may use
    const local = (url: string) => /^(file|data|blob):/.test(url) || url.startsWith(server.url);
    page.on("request", (r) => void (local(r.url()) || remote.push(r.url())));
    await page.route("**/*", (route) => (local(route.request().url()) ? route.continue() : route.abort()));
    await page.addInitScript({ content: await fakeWpsInitScript(sheets, settings.options) });
    try {
      await page.goto(settings.url ?? `${server.url}taskpane.html`);
      await body(page, remote);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }

  /** Clicks 计算 and waits for the total; returns the findings as shown ("code@cell"). */
  async function compute(page: Page, total: number | null) {
    await page.getByRole("button", { name: "计算", exact: true }).click();
    if (total !== null) {
      await expect
        .poll(() => page.getByTestId("total-final").first().textContent(), { timeout: 15_000 })
        .toMatch(new RegExp(`(^|[^\\d.])${fmt(total)}([^\\d.]|$)`));
    } else {
      await page.getByText("问题清单").waitFor({ timeout: 15_000 });
    }
    return page.getByTestId("finding").evaluateAll((els) => els.map((e) => `${e.getAttribute("data-code")}@${e.getAttribute("data-cell") ?? ""}`));
  }

  /** Clicks 写回工作簿, confirms in the pane's dialog (or a window.confirm) and waits for 核算结果. */
  async function writeBack(page: Page) {
    await page.getByRole("button", { name: "写回工作簿" }).click();
    const dialog = page.getByRole("dialog").or(page.getByRole("alertdialog"));
    const confirm = dialog.getByRole("button", { name: /^(确定|确认|写回|继续)/ }).first();
    await expect
      .poll(
        async () => {
          if (await confirm.isVisible().catch(() => false)) await confirm.click().catch(() => undefined);
          return (await pageWorkbook(page)).map((s) => s.name);
        },
        { timeout: 15_000 },
      )
      .toContain("核算结果");
    return pageWorkbook(page);
  }

  const findingsOf = (report: Report) => report.findings.map((f) => `${f.code}@${f.cell ?? ""}`);

  it.each<[string, FakeEtOptions]>([
    ["properties as values", {}],
    ["properties as zero-argument methods", { propertiesAsMethods: true }],
  ])(
    "根河 layout (%s): computes, shows findings, selects a finding's cell and writes back like the engine does",
    async (_, options) => {
      const want = await expected([genheScoreSheet]);
      await withPane([genheScoreSheet], { options }, async (page) => {
        const shown = await compute(page, GENHE_TOTAL);
        expect(shown).toContain(`score_over_max@${GENHE_OVER_MAX_CELL}`);
        expect([...shown].sort(), STALE).toEqual(findingsOf(want.report).sort());

        await page.locator(`[data-testid="finding"][data-code="score_over_max"]`).first().click();
        await expect
          .poll(() => page.evaluate(() => (window as unknown as { __kaoheFakeEt: FakeEt }).__kaoheFakeEt.selection))
          .toEqual({ sheet: GENHE_SHEET, address: GENHE_OVER_MAX_CELL });

        const typed = (await pageWorkbook(page)).find((s) => s.name === GENHE_SHEET)!.rows;
        const written = await writeBack(page);
        expect(written, STALE).toEqual(want.fake.snapshot());
        const sheet = written.find((s) => s.name === GENHE_SHEET)!;
        expect(sheet.marks[GENHE_OVER_MAX_CELL]?.fill).toBe("#FFC7CE");
        expect(sheet.marks[GENHE_OVER_MAX_CELL]?.comment).toContain("超过分值");
        expect(sheet.rows.flat()).toContain("核算得分");
        // What the user typed (columns A:G) is untouched.
        expect(typedColumns(sheet.rows)).toEqual(typedColumns(typed));
      });
    },
    90_000,
  );

  it(
    "the offline add-in folder: the pane opened from disk (file://) as WPS opens it computes too",
    async () => {
      const version = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version as string;
      const pane = join(DIST, "wps-offline", `kaohe_${version}`, "taskpane.html");
      expect(existsSync(pane), `${pane} 不存在:npm run build 应运行 scripts/package-wps.mjs`).toBe(true);
      await withPane([genheScoreSheet], { url: pathToFileURL(pane).href }, async (page, remote) => {
        expect(await compute(page, GENHE_TOTAL)).toContain(`score_over_max@${GENHE_OVER_MAX_CELL}`);
        expect(remote, "离线加载项不应访问网络(包括 office.js)").toEqual([]);
      });
    },
    60_000,
  );

  it.each(SAMPLES)(
    "templates/samples/%s: the pane's total, findings and write-back match the engine's",
    async (file) => {
      const sheets = await sampleSheets(file);
      const want = await expected(sheets);
      const score = want.report.sheets.find((s) => s.kind === "score");
      await withPane(sheets, {}, async (page) => {
        const shown = await compute(page, score?.kind === "score" ? score.total.final : null);
        expect([...shown].sort(), STALE).toEqual(findingsOf(want.report).sort());
        expect(await writeBack(page), STALE).toEqual(want.fake.snapshot());
      });
    },
    90_000,
  );
});
