// npm start: serves the add-in from webpack's dev server on port 3000 and prints the preview URL.
// https through office-addin-dev-certs where its certificates can be installed (Excel only loads
// add-ins over https); plain http otherwise, with a message saying what that means.
//   node scripts/start.mjs            https if possible, else http
//   node scripts/start.mjs --http     http only (the preview needs nothing more)
//   node scripts/start.mjs --open     also open the preview in the default browser
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { certificateWarning } from "./cert-reason.mjs";

const require = createRequire(import.meta.url);
const webpack = require("webpack");
const WebpackDevServer = require("webpack-dev-server");
const makeConfig = require("../webpack.config.js");

const args = new Set(process.argv.slice(2));
const PORT = 3000;

const MARK = "\n@@kaohe-certificates@@";

/**
 * The dev certificates, from a child process so that a password prompt or a hang cannot block us.
 * The child reports its outcome as JSON after a marker (office-addin-dev-certs logs to stdout too);
 * a failure carries the library's own message, not the last line of a crash ("Node.js v20…").
 */
function devCertificates() {
  const script = `const mark = ${JSON.stringify(MARK)};
    import("office-addin-dev-certs").then((m) => m.getHttpsServerOptions()).then(
      (o) => process.stdout.write(mark + JSON.stringify({ key: String(o.key), cert: String(o.cert), ca: String(o.ca) })),
      (e) => { process.stdout.write(mark + JSON.stringify({ failure: { message: String(e?.message ?? e), code: String(e?.code ?? "") } })); process.exitCode = 3; })`;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 120_000,
    encoding: "utf8",
  });
  const at = (r.stdout ?? "").lastIndexOf(MARK);
  const outcome = at >= 0 ? JSON.parse(r.stdout.slice(at + MARK.length)) : null;
  if (outcome && !outcome.failure) return { https: outcome };
  const timedOut = r.error?.code === "ETIMEDOUT" || r.signal === "SIGTERM";
  return { failure: outcome?.failure ?? { message: r.stderr || r.error?.message || "", code: r.error?.code ?? "", timedOut } };
}

let https = null;
if (!args.has("--http")) {
  const certificates = devCertificates();
  if (certificates.https) https = certificates.https;
  else console.warn(certificateWarning(certificates.failure, PORT));
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
