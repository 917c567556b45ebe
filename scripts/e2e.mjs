// Browser tests of the preview (test/e2e, vitest.e2e.config.mts): builds dist/ when it is older
// than its sources, then runs them in Chromium. Without Chromium they are skipped, loudly; with
// CI=true a missing Chromium is a failure.
//   node scripts/e2e.mjs            build (npm run build) if stale, run
//   node scripts/e2e.mjs --no-build run against dist/ as it is
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const chromium = process.env.CHROMIUM || "/usr/bin/chromium";
const ci = process.env.CI === "true" || process.env.CI === "1";

if (!existsSync(chromium)) {
  const text = `未找到 Chromium(${chromium}),浏览器测试(test/e2e)`;
  if (ci) {
    console.error(`✗ ${text}无法运行。CI 中必须安装 Chromium(Debian: apt-get install chromium fonts-noto-cjk)。`);
    process.exit(1);
  }
  console.log(`⚠ 已跳过:${text}未运行。安装后(Debian: apt-get install chromium fonts-noto-cjk,或设置 CHROMIUM=浏览器路径)再运行 npm run test:e2e。`);
  process.exit(0);
}

/** Newest modification time under the given paths. */
function newest(paths) {
  let t = 0;
  const walk = (p) => {
    if (!existsSync(p)) return;
    const s = statSync(p);
    if (s.isDirectory()) for (const f of readdirSync(p)) walk(join(p, f));
    else t = Math.max(t, s.mtimeMs);
  };
  paths.forEach(walk);
  return t;
}

const run = (cmd, args) => spawnSync(cmd, args, { stdio: "inherit", shell: process.platform === "win32" }).status ?? 1;

// The oldest output of `npm run build` (webpack, then the WPS packaging) against the newest input.
const outputs = ["dist/preview.html", "dist/taskpane.html", "dist/wps"].map((p) => (existsSync(p) ? statSync(p).mtimeMs : 0));
const sources = newest(["src", "assets", "wps", "manifest.xml", "webpack.config.js", "scripts/package-wps.mjs", "templates/samples", "package.json"]);
if (!process.argv.includes("--no-build") && Math.min(...outputs) < sources) {
  console.log("dist/ 不是最新,先构建(npm run build)…");
  if (run("npm", ["run", "build"]) !== 0) process.exit(1);
}
// The WPS add-in folders (dist/wps, dist/wps-offline) from dist/: fast, so always.
if (run("node", ["scripts/package-wps.mjs"]) !== 0) process.exit(1);
process.exit(run("npx", ["vitest", "run", "--config", "vitest.e2e.config.mts"]));
