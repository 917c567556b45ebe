/**
 * The pane on the oldest engines it supports (Chromium 69 in WPS on 信创 Linux, EdgeHTML 18 in
 * Excel 2016/2019): the taskpane bundle is built as webpack builds it, every modern built-in it
 * calls must be polyfilled or checked by assets/legacy-check.js, and the polyfills work in an
 * engine that lacks the built-ins.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { createContext, runInContext } from "node:vm";
import { build } from "esbuild";
import { parse } from "acorn";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "../..");
const script = readFileSync(join(ROOT, "assets/legacy-check.js"), "utf8");
const require_ = createRequire(import.meta.url);
const { LEGACY_TARGET } = require_(join(ROOT, "webpack.config.js")) as { LEGACY_TARGET: string[] };

/** Built-ins newer than Chromium 69 / EdgeHTML 18 (or worth checking there), and how a call looks in the bundle. */
const FEATURES: Record<string, RegExp> = {
  globalThis: /\bglobalThis\b/,
  "Array.prototype.at": /\.at\(-?\w*\)/,
  "String.prototype.replaceAll": /\.replaceAll\(/,
  "String.prototype.matchAll": /\.matchAll\(/,
  "Object.fromEntries": /Object\.fromEntries\(/,
  "Object.hasOwn": /Object\.hasOwn\(/,
  "Array.prototype.flat": /\.flat\(/,
  "Array.prototype.flatMap": /\.flatMap\(/,
  "Array.prototype.findLast": /\.findLast\(/,
  "Array.prototype.findLastIndex": /\.findLastIndex\(/,
  "Promise.allSettled": /Promise\.allSettled\(/,
  "Promise.any": /Promise\.any\(/,
  queueMicrotask: /\bqueueMicrotask\(/,
  WeakRef: /new WeakRef\(/,
  FinalizationRegistry: /new FinalizationRegistry\(/,
  structuredClone: /\bstructuredClone\(/,
  "Array.prototype.toSorted": /\.toSorted\(/,
  "String.prototype.padStart": /\.padStart\(/,
  "Promise.prototype.finally": /\.finally\(/,
  "Object.entries": /Object\.entries\(/,
  "Object.values": /Object\.values\(/,
  AbortController: /new AbortController\(/,
  Proxy: /new Proxy\(/,
};

/** The names listed after "POLYFILLED" / "REQUIRED" in the script's comments. */
function listed(label: string): string[] {
  const lines = script.split("\n");
  const start = lines.findIndex((l) => l.includes(`// ${label} (names read by the test):`));
  if (start < 0) throw new Error(`legacy-check.js has no ${label} list`);
  const text: string[] = [lines[start].split("):")[1]];
  for (let i = start + 1; lines[i]?.trim().startsWith("//"); i++) text.push(lines[i].replace("//", ""));
  return text.join(" ").split(",").map((s) => s.trim()).filter(Boolean);
}

describe("the taskpane bundle on old engines", () => {
  let bundle = "";
  beforeAll(async () => {
    const out = await build({
      entryPoints: [join(ROOT, "src/taskpane/index.tsx")],
      bundle: true,
      write: false,
      format: "iife",
      target: LEGACY_TARGET,
      jsx: "automatic",
      define: { "process.env.NODE_ENV": '"production"' },
      logLevel: "silent",
    });
    bundle = out.outputFiles[0].text;
  }, 120_000);

  it("is lowered to syntax Chromium 69 parses (an ES2018 parser reads it: no ?., ??, class fields, optional catch binding)", () => {
    expect(LEGACY_TARGET).toEqual(expect.arrayContaining(["chrome69", "edge18"]));
    expect(() => parse(bundle, { ecmaVersion: 2018, sourceType: "script" })).not.toThrow();
    expect(() => parse("const a = b?.c;", { ecmaVersion: 2018 })).toThrow(); // the parser is strict
    // ES2018 regular expressions (\p{…}) are the one ES2018 feature EdgeHTML 18 lacks: list where they are.
    const unicodeProps = bundle.match(/\/[^/\n]*\\p\{[^/\n]*\/[a-z]*u[a-z]*/g) ?? [];
    expect(unicodeProps.length).toBeLessThanOrEqual(1); // src/schemes/text.ts (reported to the lead)
  });

  it("calls no modern built-in that legacy-check.js neither polyfills nor checks", () => {
    const covered = new Set([...listed("POLYFILLED"), ...listed("REQUIRED")]);
    const used = Object.entries(FEATURES)
      .filter(([, re]) => re.test(bundle))
      .map(([name]) => name);
    expect(used.length).toBeGreaterThan(3); // the scan sees the bundle (at, fromEntries, WeakRef … are used)
    expect(used.filter((name) => !covered.has(name))).toEqual([]);
  });
});

/** An engine without the built-ins the script polyfills, with a page to write into. */
function oldEngine(remove: string[]) {
  const box = { innerHTML: "" };
  const document = { readyState: "complete", getElementById: () => box, body: box, addEventListener: () => undefined };
  const context = createContext({ document, AbortController });
  runInContext(remove.map((r) => `delete ${r};`).join("\n"), context);
  runInContext(script, context);
  return { context, box, run: (code: string) => runInContext(code, context) as unknown };
}

describe("legacy-check.js", () => {
  it("polyfills what Chromium 69 lacks, and the polyfills behave", () => {
    const e = oldEngine([
      "Array.prototype.at",
      "String.prototype.at",
      "String.prototype.replaceAll",
      "String.prototype.matchAll",
      "Object.fromEntries",
      "Object.hasOwn",
      "Array.prototype.findLast",
      "Array.prototype.findLastIndex",
      "Promise.allSettled",
      "globalThis.queueMicrotask",
      "globalThis.WeakRef",
    ]);
    expect(e.run("[1, 2, 3].at(-1)")).toBe(3);
    expect(e.run("'abc'.at(0)")).toBe("a");
    expect(e.run("'a-b-c'.replaceAll('-', '+')")).toBe("a+b+c");
    expect(e.run("'a1b22'.replaceAll(/\\d/g, '#')")).toBe("a#b##");
    expect(e.run("Array.from('一类,二类'.matchAll(/(.)类/g), (m) => m[1]).join()")).toBe("一,二");
    expect(e.run("JSON.stringify(Object.fromEntries([['a', 1], ['b', 2]]))")).toBe('{"a":1,"b":2}');
    expect(e.run("Object.hasOwn({ x: 1 }, 'x')")).toBe(true);
    expect(e.run("[1, 2, 3, 4].findLast((x) => x % 2 === 1)")).toBe(3);
    expect(e.run("[1, 2, 3, 4].findLastIndex((x) => x > 9)")).toBe(-1);
    expect(e.run("const o = {}; new WeakRef(o).deref() === o")).toBe(true);
    expect(e.run("typeof queueMicrotask")).toBe("function");
    expect(e.run("globalThis.__kaoheUnsupported")).toBeUndefined();
  });

  it("polyfills flat and flatMap for EdgeHTML 18", () => {
    const e = oldEngine(["Array.prototype.flat", "Array.prototype.flatMap"]);
    expect(e.run("JSON.stringify([[1], [2, [3]]].flat())")).toBe("[1,2,[3]]");
    expect(e.run("JSON.stringify([1, 2].flatMap((x) => [x, x * 10]))")).toBe("[1,10,2,20]");
  });

  it("says in Chinese that the engine is too old where the pane cannot run (Internet Explorer)", () => {
    const e = oldEngine(["globalThis.Proxy", "globalThis.AbortController", "Promise.prototype.finally"]);
    expect(e.run("globalThis.__kaoheUnsupported")).toBe(true);
    expect(e.box.innerHTML).toContain('role="alert"');
    expect(e.box.innerHTML).toContain("网页内核版本过旧");
  });

  it("leaves a modern engine as it is", () => {
    const e = oldEngine([]);
    expect(e.run("globalThis.__kaoheUnsupported")).toBeUndefined();
    expect(e.box.innerHTML).toBe("");
    expect(e.run("Array.prototype.at.toString()")).toContain("[native code]");
  });
});
