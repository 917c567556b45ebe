#!/usr/bin/env node
/**
 * Turns the built web pane (dist/) into the WPS 表格 add-in:
 *   dist/wps/                      the add-in folder (ribbon.xml, index.html, main.js, images/, the pane
 *                                  pages copied beside them) + jsplugins.xml / publish.xml examples;
 *                                  serve it from the same web server as the Excel add-in (online mode)
 *   dist/wps-offline/kaohe_<ver>/  the same folder for an offline install into WPS's jsaddons directory,
 *   dist/wps-offline/publish.xml   the entry that registers it, and 安装说明.txt
 *
 * Usage: node scripts/package-wps.mjs [--dist=dist] [--url=https://server/kaohe/wps/] [--pane-url=URL]
 *   --url       where dist/wps/ will be served (written into jsplugins.xml/publish.xml). Without it:
 *               KAOHE_WPS_URL, else ADDIN_BASE_URL + "wps/" — the one variable that also fills the
 *               Office manifest (webpack.config.js), so one build serves both add-ins from one address
 *   --pane-url  load the pane from this address instead of the copy beside main.js
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const EXAMPLE_URL = "https://kaohe.example.gov.cn/kaohe/wps/";
const ADDIN_NAME = "kaohe";
/** Files of wps/ that make the add-in itself (deploy/ holds the examples, written separately). */
const ADDIN_FILES = ["ribbon.xml", "index.html", "main.js", "images"];

function fail(message) {
  console.error(`package-wps: ${message}`);
  process.exit(1);
}

/** The WPS add-in's address from ADDIN_BASE_URL (where dist/ is served): dist/wps/ beside it. */
function fromBaseUrl() {
  const base = process.env.ADDIN_BASE_URL || "";
  if (!base) return "";
  if (!/^https?:\/\/[^/]+/.test(base)) fail(`ADDIN_BASE_URL 必须是 http:// 或 https:// 开头的地址:${base}`);
  return (base.endsWith("/") ? base : base + "/") + "wps/";
}

function parseArgs(argv) {
  const args = { dist: "dist", url: process.env.KAOHE_WPS_URL || fromBaseUrl(), paneUrl: "" };
  for (const a of argv) {
    const m = /^--(dist|url|pane-url)=(.*)$/.exec(a);
    if (!m) fail(`无法识别的参数 ${a}(可用:--dist= --url= --pane-url=)`);
    if (m[1] === "dist") args.dist = m[2];
    else if (m[1] === "url") args.url = m[2];
    else args.paneUrl = m[2];
  }
  if (args.url && !/^https?:\/\/.+\/$/.test(args.url)) fail(`--url 必须以 http:// 或 https:// 开头、以 / 结尾:${args.url}`);
  return args;
}

function xmlAttr(s) {
  return s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

/**
 * Copies the pane pages: everything webpack emitted except our own outputs, source maps, and what
 * the WPS add-in never uses (the Office manifest, the local office.js, the browser preview page).
 */
function copyPane(dist, out) {
  const skip = (name) =>
    ["wps", "wps-offline", "office-js", "samples", "preview.html"].includes(name) ||
    name.endsWith(".map") ||
    /^manifest.*\.xml$/i.test(name) ||
    /^preview\..*js$/.test(name);
  for (const name of readdirSync(dist)) {
    if (skip(name)) continue;
    cpSync(join(dist, name), join(out, name), { recursive: true });
  }
}

/**
 * The WPS copy of a pane page without its office.js tag: WPS never needs it, and on an intranet
 * PC that drops packets to Microsoft's CDN a blocking <script> in <head> would hold the pane
 * until the connection times out.
 */
function withoutOfficeJs(html) {
  return html.replace(/[ \t]*<script\b[^>]*\bsrc\s*=\s*["'][^"']*\boffice\.js["'][^>]*>\s*<\/script>[ \t]*\r?\n?/gi, "");
}

/** Asset references a file:// page cannot resolve (offline mode loads the pane from disk). */
function absoluteAssetRefs(html) {
  const refs = [];
  for (const m of html.matchAll(/\b(?:src|href)\s*=\s*["'](\/(?!\/)[^"']*)["']/g)) refs.push(m[1]);
  return refs;
}

/** The install notes shipped with the offline layout (the README's WPS section says the same). */
function installNotes(folder, version, url) {
  return [
    `考核计分助手 WPS 表格加载项 ${version} · 安装说明`,
    "",
    "一、离线安装(本机,不需要服务器)",
    "1. 完全退出 WPS(包括托盘图标)。",
    "2. 把本目录中的文件夹 " + folder + " 复制到 WPS 加载项目录:",
    "     Linux(统信、麒麟等信创系统):~/.local/share/Kingsoft/wps/jsaddons/",
    "     Windows:%APPDATA%\\kingsoft\\wps\\jsaddons\\",
    "3. 如果该目录中还没有 publish.xml,把本目录的 publish.xml 复制过去;",
    "   如果已有,把其中 <jsplugin name=\"kaohe\" …/> 这一行加到已有文件的 <jsplugins> 里。",
    "4. 重新打开 WPS 表格,功能区出现“考核计分”选项卡即安装成功。",
    "",
    "二、在线安装(单位服务器,加载项随服务器更新)",
    `   加载项地址:${url}`,
    "   政企版/专业版:由管理员在 WPS 安装目录 office6/cfgs/oem.ini 的 [Support] 中写 JsApiPlugin=true,",
    "   [Server] 中写 JSPluginsServer=<jsplugins.xml 的地址>(jsplugins.xml 在加载项目录中已生成)。",
    "",
    "三、注意",
    "- WPS 个人版从 12.1.0.16910 起限制了 oem.ini / jsplugins.xml 的加载方式:个人版请用上面的离线安装",
    "  (publish.xml),或改用单位统一部署的政企版 WPS。",
    "- publish.xml 中 enable=\"enable_dev\" 是开发者模式的写法,部分版本只认 enable=\"enable\":",
    "  若重启 WPS 后没有“考核计分”选项卡,把该行的 enable_dev 改为 enable 再试(反之亦然)。",
    "- 任务窗格空白:确认安装路径可读;在 oem.ini 的 [Support] 中加 JsApiShowWebDebugger=true 后按 F12 查看原因。",
    "- 测试步骤见 docs/manual-test.md;结果请按其中的说明反馈。",
    "",
  ].join("\n");
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
  const version = String(pkg.version || "0.0.0");
  const dist = resolve(ROOT, args.dist);
  const source = join(ROOT, "wps");
  const pane = join(dist, "taskpane.html");
  if (!existsSync(pane)) fail(`找不到 ${pane}:请先运行 webpack 生成任务窗格页面(npm run build)`);

  const ribbon = readFileSync(join(source, "ribbon.xml"), "utf8");
  if (!ribbon.startsWith("<customUI")) fail("wps/ribbon.xml 必须以 <customUI 开头(不能有 XML 声明或 BOM),否则 WPS 不加载功能区");

  const out = join(dist, "wps");
  const offlineRoot = join(dist, "wps-offline");
  rmSync(out, { recursive: true, force: true });
  rmSync(offlineRoot, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });

  copyPane(dist, out);
  for (const f of ADDIN_FILES) {
    if (existsSync(join(out, f)) && statSync(join(out, f)).isFile()) console.warn(`package-wps: dist/${f} 与加载项入口同名,已用 wps/${f} 覆盖`);
    cpSync(join(source, f), join(out, f), { recursive: true });
  }
  for (const name of readdirSync(out).filter((n) => n.endsWith(".html") && n !== "index.html")) {
    const page = join(out, name);
    writeFileSync(page, withoutOfficeJs(readFileSync(page, "utf8")));
  }
  if (args.paneUrl) {
    const mainJs = join(out, "main.js");
    const before = readFileSync(mainJs, "utf8");
    const after = before.replace(/var PANE_PAGE = "[^"]*";/, `var PANE_PAGE = ${JSON.stringify(args.paneUrl)};`);
    if (after === before) fail("wps/main.js 中找不到 PANE_PAGE,无法设置 --pane-url");
    writeFileSync(mainJs, after);
  }

  const absolute = absoluteAssetRefs(readFileSync(pane, "utf8"));
  if (absolute.length) {
    console.warn(`package-wps: taskpane.html 用了以 / 开头的资源地址(${absolute.slice(0, 3).join(", ")}):` +
      "在线模式下只有加载项部署在网站根目录时可用,离线模式下无法加载;请在 webpack 中使用相对路径(publicPath: \"auto\" 或 \"./\")");
  }

  // Online deployment examples, with the real address when one was given.
  const url = args.url || EXAMPLE_URL;
  for (const f of ["jsplugins.xml", "publish.xml"]) {
    const text = readFileSync(join(source, "deploy", f), "utf8")
      .replaceAll(EXAMPLE_URL, xmlAttr(url))
      .replaceAll(EXAMPLE_URL.replace(/wps\/$/, ""), xmlAttr(url.replace(/wps\/$/, "")))
      .replace(/0\.1\.0/g, version);
    writeFileSync(join(out, f), text);
  }

  // Offline layout: the folder WPS expects inside jsaddons (name_version) and the entry registering it.
  const folder = `${ADDIN_NAME}_${version}`;
  mkdirSync(offlineRoot, { recursive: true });
  cpSync(out, join(offlineRoot, folder), {
    recursive: true,
    filter: (src) => !/[\\/](jsplugins|publish)\.xml$/.test(src),
  });
  writeFileSync(
    join(offlineRoot, "publish.xml"),
    `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n` +
      `  <jsplugin name="${ADDIN_NAME}" type="et" url="${folder}" version="${version}" enable="enable_dev" install="null" customDomain=""/>\n` +
      `</jsplugins>\n`,
  );
  writeFileSync(join(offlineRoot, "安装说明.txt"), installNotes(folder, version, url));

  console.log(`package-wps: 已生成 ${out}(在线加载项)和 ${offlineRoot}(离线安装包 ${folder})`);
  if (!args.url) console.log(`package-wps: 示例 jsplugins.xml/publish.xml 中的地址是 ${EXAMPLE_URL},部署时用 ADDIN_BASE_URL(与 Excel 清单同一个地址)、--url= 或 KAOHE_WPS_URL 指定实际地址`);
}

main();
