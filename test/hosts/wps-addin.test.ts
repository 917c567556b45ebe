/**
 * The WPS add-in package: ribbon.xml and main.js as WPS loads them, and scripts/package-wps.mjs.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { runInNewContext } from "node:vm";
import { afterAll, describe, expect, it } from "vitest";
import { genheScoreSheet } from "../fakes/genhe";
import { createFakeEt, type FakeEt, type FakeEtOptions } from "../fakes/wps-et";
import { fakeWpsInitScript } from "../fakes/wps-et-bundle";
import { createWpsPort, detectWpsApplication } from "../../src/hosts/wps";

const ROOT = resolve(__dirname, "../..");
const read = (p: string) => readFileSync(join(ROOT, p), "utf8");

interface Ribbon {
  OnAddinLoad(ui: unknown): boolean;
  OnAction(control: { Id: string }): boolean;
  GetImage(control: { Id: string }): string;
  alert?: (m: string) => void;
}

/** Runs wps/main.js the way WPS does: a classic script in a page at `href`, with `wps` global. */
function loadMainJs(href = "http://intranet.example/kaohe/wps/index.html", options: FakeEtOptions = {}) {
  const fake = createFakeEt([genheScoreSheet], options);
  const alerts: string[] = [];
  const win: Record<string, unknown> = { wps: fake.wps, location: { href }, URL, alert: (m: string) => alerts.push(m) };
  win.window = win;
  runInNewContext(read("wps/main.js"), win);
  return { fake, win: win as unknown as Ribbon & Record<string, unknown>, alerts };
}

describe("ribbon.xml", () => {
  const xml = read("wps/ribbon.xml");

  it("starts with <customUI (no XML declaration, no BOM)", () => {
    expect(xml.startsWith("<customUI")).toBe(true);
  });

  it("has the 考核计分 button wired to callbacks main.js defines", () => {
    const button = /<button\b[^>]*\blabel="考核计分"[^>]*\/>/.exec(xml)?.[0] ?? "";
    expect(button).toContain('id="btnKaoheTaskPane"');
    const callbacks = [...xml.matchAll(/\b(?:onLoad|onAction|getImage)="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(callbacks)).toEqual(new Set(["OnAddinLoad", "OnAction", "GetImage"]));
    const { win } = loadMainJs();
    for (const name of callbacks) expect(typeof win[name]).toBe("function");
    expect(win.GetImage({ Id: "btnKaoheTaskPane" })).toBe("images/kaohe.svg");
    expect(existsSync(join(ROOT, "wps", win.GetImage({ Id: "btnKaoheTaskPane" })))).toBe(true);
  });
});

describe("main.js: the 考核计分 button toggles the task pane", () => {
  it("creates the pane beside main.js, keeps its id in PluginStorage, then hides and shows it", () => {
    const { fake, win } = loadMainJs();
    const wps = fake.wps as { PluginStorage: { getItem(k: string): string | null }; GetTaskPane(id: string): { url: string; Visible: boolean } };
    expect(win.OnAddinLoad({})).toBe(true);
    win.OnAction({ Id: "btnKaoheTaskPane" });
    const id = wps.PluginStorage.getItem("kaohe_taskpane_id");
    expect(id).toBeTruthy();
    const pane = wps.GetTaskPane(id!);
    expect(pane.url).toBe("http://intranet.example/kaohe/wps/taskpane.html");
    expect(pane.Visible).toBe(true);
    win.OnAction({ Id: "btnKaoheTaskPane" });
    expect(pane.Visible).toBe(false);
    win.OnAction({ Id: "btnKaoheTaskPane" });
    expect(pane.Visible).toBe(true);
    expect(fake.paneCount()).toBe(1);
  });

  it("works offline from a file:// add-in folder", () => {
    const { fake, win } = loadMainJs("file:///home/user/.local/share/Kingsoft/wps/jsaddons/kaohe_0.1.0/index.html");
    win.OnAction({ Id: "btnKaoheTaskPane" });
    const wps = fake.wps as { GetTaskPane(id: string): { url: string } };
    expect(wps.GetTaskPane("pane-1").url).toBe("file:///home/user/.local/share/Kingsoft/wps/jsaddons/kaohe_0.1.0/taskpane.html");
  });

  it("decodes the add-in folder's address as the official template does (a Chinese user name in the path)", () => {
    const { fake, win } = loadMainJs("file:///home/%E5%BC%A0%E4%B8%89/.local/share/Kingsoft/wps/jsaddons/kaohe_0.1.0/index.html?x=1#top");
    win.OnAction({ Id: "btnKaoheTaskPane" });
    const wps = fake.wps as { GetTaskPane(id: string): { url: string; DockPosition?: number } };
    expect(wps.GetTaskPane("pane-1").url).toBe("file:///home/张三/.local/share/Kingsoft/wps/jsaddons/kaohe_0.1.0/taskpane.html");
    expect(wps.GetTaskPane("pane-1").DockPosition).toBe(2);
  });

  it("opens the pane on builds that spell it CreateTaskpane", () => {
    const { fake, win, alerts } = loadMainJs(undefined, { paneSpelling: "CreateTaskpane" });
    expect("CreateTaskPane" in fake.wps).toBe(false);
    win.OnAction({ Id: "btnKaoheTaskPane" });
    expect(alerts).toEqual([]);
    expect(fake.paneCount()).toBe(1);
  });

  it("recreates the pane when the stored id no longer names one", () => {
    const { fake, win } = loadMainJs();
    (fake.wps as { PluginStorage: { setItem(k: string, v: string): void } }).PluginStorage.setItem("kaohe_taskpane_id", "gone");
    win.OnAction({ Id: "btnKaoheTaskPane" });
    expect(fake.paneCount()).toBe(1);
  });

  it("says in Chinese when WPS cannot create the pane, instead of failing silently", () => {
    const { fake, win, alerts } = loadMainJs();
    (fake.wps as Record<string, unknown>).CreateTaskPane = () => {
      throw new Error("JsApiPlugin disabled");
    };
    expect(win.OnAction({ Id: "btnKaoheTaskPane" })).toBe(true);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatch(/^考核计分助手无法打开任务窗格:JsApiPlugin disabled/);
  });

  it("ignores other controls", () => {
    const { fake, win } = loadMainJs();
    win.OnAction({ Id: "somethingElse" });
    expect(fake.paneCount()).toBe(0);
  });
});

describe("the browser build of the fake", () => {
  it("installs window.wps before page scripts, and the adapter reads and writes through it", async () => {
    const win: Record<string, unknown> = {};
    win.window = win;
    runInNewContext(await fakeWpsInitScript([genheScoreSheet], { propertiesAsMethods: true }), win);
    const app = detectWpsApplication(win);
    expect(app).not.toBeNull();
    const port = createWpsPort(app!);
    const [grid] = await port.readSheets();
    expect(grid.merges).toEqual(genheScoreSheet.merges);
    await port.apply({ clearMarks: [], values: [], marks: [{ sheet: grid.name, cell: "F7", color: "#FF0000", note: "超过分值" }], sheets: [] });
    const fake = win.__kaoheFakeEt as FakeEt;
    expect(fake.marks(grid.name)).toEqual({ F7: { fill: "#FF0000", comment: "【考核计分助手】超过分值" } });
  });
});

describe("scripts/package-wps.mjs", () => {
  const tmp = mkdtempSync(join(tmpdir(), "kaohe-wps-"));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const run = (dist: string, ...args: string[]) =>
    execFileSync(process.execPath, [join(ROOT, "scripts/package-wps.mjs"), `--dist=${dist}`, ...args], { encoding: "utf8", stdio: "pipe" });

  it("turns dist/ into the add-in folder and the offline layout", () => {
    const dist = join(tmp, "dist");
    mkdirSync(join(dist, "assets"), { recursive: true });
    const page = [
      "<!doctype html><head>",
      '    <script src="legacy-check.js"></script>',
      '    <script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>',
      '<script src="office-js/office.js"></script>',
      '<script defer src="taskpane.js"></script></head>',
    ].join("\n");
    writeFileSync(join(dist, "taskpane.html"), page);
    writeFileSync(join(dist, "taskpane.js"), "/* pane */");
    writeFileSync(join(dist, "legacy-check.js"), "/* check */");
    mkdirSync(join(dist, "office-js"));
    writeFileSync(join(dist, "office-js", "office.js"), "/* office */");
    writeFileSync(join(dist, "assets", "logo.png"), "png");
    writeFileSync(join(dist, "manifest.xml"), "<OfficeApp/>");
    writeFileSync(join(dist, "preview.html"), "<!doctype html>");
    writeFileSync(join(dist, "preview.1a2b3c4d.js"), "/* preview */");
    run(dist, "--url=http://10.1.2.3/kaohe/wps/");
    const version = JSON.parse(read("package.json")).version as string;
    const wps = join(dist, "wps");
    expect(readFileSync(join(wps, "ribbon.xml"), "utf8").startsWith("<customUI")).toBe(true);
    for (const f of ["index.html", "main.js", "images/kaohe.svg", "taskpane.html", "taskpane.js", "assets/logo.png"]) {
      expect(existsSync(join(wps, f)), f).toBe(true);
    }
    for (const f of ["manifest.xml", "preview.html", "preview.1a2b3c4d.js"]) expect(existsSync(join(wps, f)), f).toBe(false);
    // WPS never loads office.js: not copied, and its tags are gone from the WPS copy of the page.
    expect(existsSync(join(wps, "office-js"))).toBe(false);
    const wpsPage = readFileSync(join(wps, "taskpane.html"), "utf8");
    expect(wpsPage).not.toContain("office.js");
    expect(wpsPage).toContain('<script src="legacy-check.js"></script>');
    expect(wpsPage).toContain('<script defer src="taskpane.js"></script>');
    expect(readFileSync(join(dist, "taskpane.html"), "utf8")).toBe(page);
    expect(readFileSync(join(wps, "jsplugins.xml"), "utf8")).toContain('<jspluginonline name="kaohe" type="et" url="http://10.1.2.3/kaohe/wps/"');
    expect(readFileSync(join(wps, "publish.xml"), "utf8")).toContain('url="http://10.1.2.3/kaohe/wps/"');
    const offline = join(dist, "wps-offline");
    expect(existsSync(join(offline, `kaohe_${version}`, "ribbon.xml"))).toBe(true);
    expect(existsSync(join(offline, `kaohe_${version}`, "taskpane.html"))).toBe(true);
    expect(readFileSync(join(offline, "publish.xml"), "utf8")).toContain(`url="kaohe_${version}" version="${version}"`);
    expect(readFileSync(join(offline, "安装说明.txt"), "utf8")).toContain("jsaddons");
  });

  it("takes the add-in's address from ADDIN_BASE_URL, the variable that fills the Office manifest", () => {
    const dist = join(tmp, "dist3");
    mkdirSync(dist, { recursive: true });
    writeFileSync(join(dist, "taskpane.html"), "<!doctype html>");
    execFileSync(process.execPath, [join(ROOT, "scripts/package-wps.mjs"), `--dist=${dist}`], {
      encoding: "utf8",
      stdio: "pipe",
      env: { ...process.env, KAOHE_WPS_URL: "", ADDIN_BASE_URL: "https://oa.example.gov.cn/kaohe" },
    });
    expect(readFileSync(join(dist, "wps", "jsplugins.xml"), "utf8")).toContain('url="https://oa.example.gov.cn/kaohe/wps/"');
    expect(readFileSync(join(dist, "wps", "publish.xml"), "utf8")).toContain('url="https://oa.example.gov.cn/kaohe/wps/"');
    const notes = readFileSync(join(dist, "wps-offline", "安装说明.txt"), "utf8");
    expect(notes).toContain("12.1.0.16910");
    expect(notes).toContain("enable_dev");
    expect(notes).toContain("https://oa.example.gov.cn/kaohe/wps/");
  });

  it("can point the pane at the Excel add-in's server", () => {
    const dist = join(tmp, "dist2");
    mkdirSync(dist, { recursive: true });
    writeFileSync(join(dist, "taskpane.html"), "<!doctype html>");
    run(dist, "--pane-url=https://server/kaohe/taskpane.html");
    expect(readFileSync(join(dist, "wps", "main.js"), "utf8")).toContain('var PANE_PAGE = "https://server/kaohe/taskpane.html";');
  });

  it("fails with a clear message when the pane was not built", () => {
    const dist = join(tmp, "empty");
    mkdirSync(dist, { recursive: true });
    expect(() => run(dist)).toThrow(/找不到 .*taskpane\.html.*npm run build/);
  });
});
