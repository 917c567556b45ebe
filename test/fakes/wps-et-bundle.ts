/**
 * The fake ET object model as a script a browser page can run (Playwright `addInitScript`), built
 * with esbuild at test time. The script installs the fake as `window.wps` before the page's own
 * scripts run and keeps it at `window.__kaoheFakeEt` so the test can inspect the workbook.
 */
import { build } from "esbuild";
import { join } from "node:path";
import type { FakeEtOptions, FakeSheetInit } from "./wps-et";

let bundled: Promise<string> | null = null;

/** The IIFE bundle of test/fakes/wps-et.ts; defines `globalThis.KaoheFakeEt`. Built once per run. */
export function fakeEtBundle(): Promise<string> {
  bundled ??= build({
    stdin: {
      contents: 'export { createFakeEt } from "./wps-et";',
      resolveDir: join(__dirname),
      sourcefile: "wps-et-entry.ts",
      loader: "ts",
    },
    bundle: true,
    write: false,
    format: "iife",
    globalName: "KaoheFakeEt",
    platform: "browser",
    target: "es2020",
    logLevel: "silent",
  }).then((r) => r.outputFiles[0].text);
  return bundled;
}

/** A script that creates the fake over `sheets` and installs it as `window.wps`. */
export async function fakeWpsInitScript(sheets: FakeSheetInit[], options: FakeEtOptions = {}): Promise<string> {
  return `${await fakeEtBundle()}
;(function () {
  var fake = KaoheFakeEt.createFakeEt(${JSON.stringify(sheets)}, ${JSON.stringify(options)});
  window.__kaoheFakeEt = fake;
  window.wps = fake.wps;
})();`;
}
