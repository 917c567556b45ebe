// npm start: serves the add-in from webpack's dev server on port 3000 and prints the preview URL.
// https through office-addin-dev-certs where its certificates can be installed (Excel only loads
// add-ins over https); plain http otherwise, with a message saying what that means.
//   node scripts/start.mjs            https if possible, else http
//   node scripts/start.mjs --http     http only (the preview needs nothing more)
//   node scripts/start.mjs --open     also open the preview in the default browser
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";

const require = createRequire(import.meta.url);
const webpack = require("webpack");
const WebpackDevServer = require("webpack-dev-server");
const makeConfig = require("../webpack.config.js");

const args = new Set(process.argv.slice(2));
const PORT = 3000;

/** The dev certificates, from a child process so that a password prompt or a hang cannot block us. */
function devCertificates() {
  const script = `import("office-addin-dev-certs").then((m) => m.getHttpsServerOptions()).then((o) =>
    process.stdout.write(JSON.stringify({ key: String(o.key), cert: String(o.cert), ca: String(o.ca) })))`;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "pipe"], timeout: 120_000, encoding: "utf8" });
  if (r.status === 0 && r.stdout) return JSON.parse(r.stdout);
  throw new Error((r.stderr || r.error?.message || "未知原因").trim().split("\n").slice(-1)[0]);
}

let https = null;
if (!args.has("--http")) {
  try {
    https = devCertificates();
  } catch (e) {
    console.warn(
      `\n⚠ 无法安装本机 HTTPS 开发证书(${e.message}),改用 http 提供服务。\n` +
        `  预览页照常可用;但 Excel 只加载 https 的加载项:要在 Excel 中旁加载,请在 Windows 或 Mac 上运行\n` +
        `  npx office-addin-dev-certs install 后重新 npm start,或把 npm run build 生成的 dist/ 部署到 https 服务器。\n`,
    );
  }
}

// webpack-dev-server throws EADDRINUSE from a callback, past any try: ask the port first.
const free = await new Promise((resolve) => {
  const probe = createServer().once("error", () => resolve(false));
  probe.listen(PORT, "localhost", () => probe.close(() => resolve(true)));
});
if (!free) {
  console.error(`✗ 端口 ${PORT} 已被占用:请先关闭占用它的程序(或上一次的 npm start)。`);
  process.exit(1);
}

const config = makeConfig({}, { mode: "development" });
const server = new WebpackDevServer(
  { ...config.devServer, port: PORT, server: https ? { type: "https", options: https } : "http", open: args.has("--open") ? ["/preview.html"] : false },
  webpack(config),
);
try {
  await server.start();
} catch (e) {
  console.error(`✗ 无法启动开发服务器:${e.message}`);
  process.exit(1);
}
const base = `${https ? "https" : "http"}://localhost:${PORT}/`;
console.log(
  `\n考核计分助手已启动:\n` +
    `  预览页(已载入示例工作簿,无需 Excel): ${base}preview.html\n` +
    `  任务窗格:                           ${base}taskpane.html\n` +
    `  清单:                               manifest.xml(在 Excel 中旁加载,见 README“在 Excel 中旁加载”)\n` +
    `按 Ctrl+C 停止。\n`,
);
