/**
 * The build's promises without building: the manifest template and its rewriting to
 * ADDIN_BASE_URL, the Content-Security-Policy of each page, office.js from the CDN or served locally.
 */
import { afterEach, describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const makeConfig = require("../../webpack.config.js") as (env: object, argv: { mode: string }) => { plugins: unknown[] };

const MANIFEST = readFileSync("manifest.xml", "utf8");

interface HtmlPlugin {
  userOptions: { filename: string; csp: string; officeJsTag?: string; sample?: string };
}
interface CopyPattern {
  from: string;
  to: string;
  transform?: (content: Buffer) => string;
}

function build(env: Record<string, string> = {}) {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    const config = makeConfig({}, { mode: "production" });
    const pages = Object.fromEntries(
      config.plugins.filter((p): p is HtmlPlugin => !!(p as HtmlPlugin).userOptions?.filename).map((p) => [p.userOptions.filename, p.userOptions]),
    );
    const copies = (config.plugins.find((p) => Array.isArray((p as { patterns?: unknown }).patterns)) as { patterns: CopyPattern[] }).patterns;
    const manifest = copies.find((c) => c.from === "manifest.xml")!.transform!(Buffer.from(MANIFEST));
    return { pages, copies, manifest };
  } finally {
    process.env = saved;
  }
}

afterEach(() => {
  delete process.env.ADDIN_BASE_URL;
  delete process.env.OFFICE_JS;
});

// A node environment (esbuild, required by the config, refuses jsdom's globals); jsdom only parses.
type Parser = typeof globalThis.DOMParser;
const { JSDOM } = require("jsdom") as { JSDOM: new () => { window: { DOMParser: Parser } } };
const XmlParser = new JSDOM().window.DOMParser;
const xml = (text: string) => new XmlParser().parseFromString(text, "application/xml");

describe("manifest.xml", () => {
  const doc = xml(MANIFEST);
  const text = (tag: string) => doc.getElementsByTagName(tag)[0]?.textContent;
  const attr = (tag: string, name = "DefaultValue") => doc.getElementsByTagName(tag)[0]?.getAttribute(name);

  it("is a well-formed Excel task pane add-in with a stable Id", () => {
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    expect(text("Id")).toBe("dc6fc037-eecd-4e99-a12c-52f4dae2be37");
    expect(doc.documentElement.getAttribute("xsi:type")).toBe("TaskPaneApp");
    expect(text("Permissions")).toBe("ReadWriteDocument");
    expect(attr("Host", "Name")).toBe("Workbook");
    expect(attr("DisplayName")).toBe("考核计分助手");
    expect(attr("DefaultLocale") ?? text("DefaultLocale")).toBe("zh-CN");
  });

  it("requires only ExcelApi 1.1 (newer sets are checked at run time)", () => {
    const sets = [...doc.getElementsByTagName("Set")].map((s) => `${s.getAttribute("Name")} ${s.getAttribute("MinVersion")}`);
    expect(sets).toEqual(["ExcelApi 1.1"]);
  });

  it("puts a button on the Home tab that opens the pane, with 16/32/80 icons that exist", () => {
    expect(doc.getElementsByTagName("OfficeTab")[0].getAttribute("id")).toBe("TabHome");
    expect(doc.querySelector("Action")?.getAttribute("xsi:type")).toBe("ShowTaskpane");
    const images = [...doc.getElementsByTagName("bt:Image")].filter((i) => i.getAttribute("id"));
    expect(images.map((i) => i.getAttribute("id"))).toEqual(["Kaohe.Icon.16", "Kaohe.Icon.32", "Kaohe.Icon.80"]);
    const urls = [attr("IconUrl"), attr("HighResolutionIconUrl"), ...images.map((i) => i.getAttribute("DefaultValue"))];
    for (const url of urls) expect(existsSync(url!.replace("https://localhost:3000/", ""))).toBe(true);
  });

  it("defines every resource it refers to, within Office's length limits", () => {
    const defined = new Set([...doc.querySelectorAll("Resources [id]")].map((e) => e.getAttribute("id")));
    const used = [...doc.querySelectorAll("[resid]")].map((e) => e.getAttribute("resid"));
    expect(used).toContain("Kaohe.Button.Label"); // the selectors do reach the bt: elements
    expect(used.filter((r) => !defined.has(r))).toEqual([]);
    const short = [...doc.querySelectorAll("ShortStrings > *")];
    const long = [...doc.querySelectorAll("LongStrings > *")];
    expect(short.map((e) => e.getAttribute("id"))).toContain("Kaohe.Button.Label");
    expect(long.map((e) => e.getAttribute("id"))).toContain("Kaohe.Button.Tooltip");
    for (const s of short) expect(s.getAttribute("DefaultValue")!.length).toBeLessThanOrEqual(125);
    for (const s of long) expect(s.getAttribute("DefaultValue")!.length).toBeLessThanOrEqual(250);
  });
});

describe("the build", () => {
  it("rewrites every URL of the manifest to ADDIN_BASE_URL", () => {
    const { manifest } = build({ ADDIN_BASE_URL: "https://oa.example.gov.cn/apps/kaohe" });
    expect(manifest).not.toMatch(/:\/\/localhost/);
    const urls = [...manifest.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u.startsWith("https://oa.example.gov.cn/apps/kaohe/")).toBe(true);
    expect(xml(manifest).getElementsByTagName("parsererror")).toHaveLength(0);
  });

  it("keeps https://localhost:3000/ by default", () => {
    expect(build().manifest).toContain('"https://localhost:3000/taskpane.html"');
  });

  it.each(["ftp://x/", "intranet/kaohe"])("refuses ADDIN_BASE_URL=%s", (url) => {
    expect(() => build({ ADDIN_BASE_URL: url })).toThrow(/ADDIN_BASE_URL/);
  });

  it("loads office.js from Microsoft's CDN by default, the only remote script any page allows", () => {
    const { pages } = build();
    expect(pages["taskpane.html"].officeJsTag).toContain('src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"');
    expect(pages["taskpane.html"].csp).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
    expect(pages["preview.html"].csp).toContain("script-src 'self';");
    for (const page of Object.values(pages)) {
      expect(page.csp).toContain("default-src 'self'");
      expect(page.csp).toContain("connect-src 'self'");
      expect(page.csp).not.toContain("unsafe-eval");
      expect(page.csp.replace("https://appsforoffice.microsoft.com", "")).not.toMatch(/https?:/);
    }
  });

  it("serves office.js from the add-in's own origin with OFFICE_JS=local", () => {
    const { pages, copies } = build({ OFFICE_JS: "local" });
    expect(pages["taskpane.html"].officeJsTag).toContain('src="office-js/office.js"');
    expect(pages["taskpane.html"].csp).not.toContain("https:");
    expect(copies.some((c) => c.to === "office-js/")).toBe(true);
    expect(() => build({ OFFICE_JS: "maybe" })).toThrow(/OFFICE_JS/);
  });

  it("opens a bundled sample in the preview", () => {
    const sample = build().pages["preview.html"].sample!;
    expect(sample).toMatch(/^samples\/.+\.xlsx$/);
    expect(existsSync(`templates/${sample}`)).toBe(true);
  });
});
