/**
 * Builds dist/: taskpane.html (the add-in, Excel and WPS), preview.html (the pane beside a
 * workbook opened in the browser), manifest.xml with the hosting URL, icons and the sample.
 *
 *   ADDIN_BASE_URL  where dist/ will be served (default https://localhost:3000/); written into manifest.xml
 *   OFFICE_JS       "cdn" (default: Microsoft's CDN, the only remote file) or "local" (office.js
 *                   copied from @microsoft/office-js and served from the add-in's own origin)
 */
const fs = require("node:fs");
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { EsbuildPlugin } = require("esbuild-loader");

const DEV_BASE_URL = "https://localhost:3000/";
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_DIR = path.dirname(require.resolve("@microsoft/office-js/package.json")) + "/dist";
/** The workbook the preview opens first, in this order of preference (the first that exists). */
const SAMPLES = ["genhe-department-sample.xlsx"];
/**
 * The oldest engines the pane supports: Chromium 69 (WPS 表格 add-ins on 信创 Linux) and EdgeHTML 18
 * (Excel 2016/2019 on Windows 10). Syntax is lowered to ES2017 for them; the built-ins they lack are
 * polyfilled by assets/legacy-check.js, loaded first (test/hosts/legacy-check.test.ts keeps the two
 * in step with what the bundle really calls).
 */
const LEGACY_TARGET = ["es2017", "chrome69", "edge18"];
/** Office.js host files other than Excel's are not needed by a workbook add-in. */
const OTHER_HOSTS = /^(access|onenote|outlook|outlookwebapp|powerpoint|powerpointios|project|visio|word|wordios)-/;

function baseUrl() {
  const url = process.env.ADDIN_BASE_URL || DEV_BASE_URL;
  if (!/^https?:\/\/[^/]+/.test(url)) throw new Error(`ADDIN_BASE_URL must be an absolute http(s) URL, got "${url}"`);
  return url.endsWith("/") ? url : url + "/";
}

function officeJsMode() {
  const mode = (process.env.OFFICE_JS || "cdn").toLowerCase();
  if (mode !== "cdn" && mode !== "local") throw new Error(`OFFICE_JS must be "cdn" or "local", got "${mode}"`);
  return mode;
}

/** The Content-Security-Policy of a page: nothing remote, except office.js from the CDN in the taskpane. */
function csp({ officeCdn }) {
  return [
    "default-src 'self'",
    `script-src 'self'${officeCdn ? " https://appsforoffice.microsoft.com" : ""}`,
    // Fluent UI (Griffel) inserts its CSS at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

function defaultSample() {
  const dir = path.join(__dirname, "templates", "samples");
  const found = SAMPLES.find((s) => fs.existsSync(path.join(dir, s)));
  if (found) return found;
  const any = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".xlsx")).sort() : [];
  return any[0] ?? null;
}

module.exports = (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  const url = baseUrl();
  const office = officeJsMode();
  const sample = defaultSample();
  const officeJsTag =
    office === "local"
      ? '<script src="office-js/office.js"></script>'
      : `<script src="${OFFICE_JS_CDN}"></script>`;

  const copies = [
    {
      from: "manifest.xml",
      to: "manifest.xml",
      transform: (content) => content.toString().replaceAll(DEV_BASE_URL, url),
    },
    { from: "assets/*.png", to: "assets/[name][ext]" },
    { from: "assets/legacy-check.js", to: "legacy-check.js" },
  ];
  if (fs.existsSync(path.join(__dirname, "templates", "samples"))) {
    copies.push({ from: "templates/samples/*.xlsx", to: "samples/[name][ext]", noErrorOnMissing: true });
  }
  if (office === "local") {
    copies.push({
      context: OFFICE_JS_DIR,
      from: "**/*.js",
      to: "office-js/",
      globOptions: { ignore: ["**/*.debug.js", "**/outlook_strings.js", "**/office.d.ts"] },
      filter: (file) => !OTHER_HOSTS.test(path.basename(file)),
    });
  }

  return {
    mode: production ? "production" : "development",
    // No eval-based source maps: the pages' CSP forbids eval.
    devtool: production ? false : "cheap-module-source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      preview: "./src/preview/index.tsx",
    },
    output: {
      path: path.join(__dirname, "dist"),
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      // Relative URLs only: dist/ works from any folder of any static server.
      publicPath: "",
      clean: true,
    },
    resolve: { extensions: [".tsx", ".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.[jt]sx?$/,
          exclude: /node_modules/,
          loader: "esbuild-loader",
          options: { target: LEGACY_TARGET, jsx: "automatic" },
        },
      ],
    },
    // esbuild minifies fast and lowers the syntax of the dependencies to the same target.
    optimization: { minimizer: [new EsbuildPlugin({ target: LEGACY_TARGET, legalComments: "none" })] },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        csp: csp({ officeCdn: office === "cdn" }),
        officeJsTag: `<script src="legacy-check.js"></script>\n    ${officeJsTag}`,
      }),
      new HtmlWebpackPlugin({
        filename: "preview.html",
        template: "src/preview/preview.html",
        chunks: ["preview"],
        csp: csp({ officeCdn: false }),
        sample: sample ? `samples/${sample}` : "",
      }),
      new CopyWebpackPlugin({ patterns: copies }),
    ],
    devServer: {
      port: 3000,
      host: "localhost",
      static: false,
      hot: false,
      liveReload: true,
      client: { overlay: { warnings: false } },
      headers: { "Access-Control-Allow-Origin": "*" },
    },
  };
};

module.exports.LEGACY_TARGET = LEGACY_TARGET;
