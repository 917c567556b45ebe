/**
 * The written 乌海 and 根河 samples on paper: printed by LibreOffice (headless, to PDF) and read
 * back with poppler as a reviewer reads the printout:
 * - every item's 核算得分 stands on the same page and the same line as the item's entry (the row's
 *   title starts on that page; the value sits at the height of the entry beside it, in the
 *   核算得分 column);
 * - 核算结果 is landscape and holds every finding, whole, on at most two pages;
 * - no folder path (the temporary folder, "/tmp", a backslash) is printed anywhere.
 * Skipped when LibreOffice or poppler is missing, except on CI (then it fails).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { basename, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { compact, textOf } from "../../src/core/grid";
import { fmt } from "../../src/core/findings";
import type { ScoreSheetReport } from "../../src/core/report";
import { RESULT_HEADER, SHEET_MARKER } from "../../src/footprint";
import { createXlsxPort } from "../../src/hosts/xlsx";
import { checkGrids } from "../../src/kaohe";
import { writeSamples, type Written } from "./written";

function has(bin: string, args: string[]): boolean {
  try {
    execFileSync(bin, args, { stdio: "ignore", timeout: 60000 });
    return true;
  } catch {
    return false;
  }
}
const SOFFICE = ["soffice", "libreoffice"].find((b) => has(b, ["--version"])) ?? null;
const POPPLER = has("pdftotext", ["-v"]) && has("pdfinfo", ["-v"]);
const missing = [!SOFFICE && "LibreOffice (soffice)", !POPPLER && "poppler (pdftotext, pdfinfo)"].filter(Boolean).join("、");

if (missing && process.env.CI) {
  describe("printing the written samples", () => {
    it("has LibreOffice and poppler on CI", () => {
      expect.fail(`CI must install ${missing} for the print proof`);
    });
  });
}

interface Word {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}
interface Page {
  width: number;
  height: number;
  words: Word[];
  /** The page's text in content order, white space removed (a wrapped cell's lines run on). */
  text: string;
}

const unescape = (s: string) =>
  s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

/** The PDF's pages: sizes and words with their boxes (pdftotext -bbox), and each page's raw text. */
function readPdf(pdf: string): Page[] {
  const html = execFileSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8", maxBuffer: 64 << 20 });
  const raw = execFileSync("pdftotext", ["-raw", pdf, "-"], { encoding: "utf8", maxBuffer: 64 << 20 }).split("\f");
  const pages: Page[] = [];
  for (const m of html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const words = [...m[3].matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((w) => ({
      xMin: Number(w[1]),
      yMin: Number(w[2]),
      xMax: Number(w[3]),
      yMax: Number(w[4]),
      text: unescape(w[5]),
    }));
    pages.push({ width: Number(m[1]), height: Number(m[2]), words, text: (raw[pages.length] ?? "").replace(/\s+/g, "") });
  }
  return pages;
}

/** Page sizes as pdfinfo states them (points). */
function pageSizes(pdf: string): Array<{ width: number; height: number }> {
  const out = execFileSync("pdfinfo", ["-f", "1", "-l", "9999", pdf], { encoding: "utf8" });
  return [...out.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
}

const mid = (w: Word) => (w.yMin + w.yMax) / 2;
const inBand = (w: Word, band: Word) => (w.xMin + w.xMax) / 2 >= band.xMin - 4 && (w.xMin + w.xMax) / 2 <= band.xMax + 4;

describe.skipIf(Boolean(missing))(`printing the written samples (skipped: ${missing || "-"} not installed)`, () => {
  let dir = "";
  let written: Written[] = [];
  const pdfs = new Map<string, Page[]>();
  const sizes = new Map<string, Array<{ width: number; height: number }>>();

  beforeAll(() => {
    ({ dir, written } = writeSamples());
    const out = join(dir, "pdf");
    const r = spawnSync(
      SOFFICE!,
      ["--headless", `-env:UserInstallation=file://${join(dir, "profile")}`, "--convert-to", "pdf", "--outdir", out, ...written.map((w) => w.out)],
      { encoding: "utf8", timeout: 240000 },
    );
    if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
    for (const w of written) {
      const pdf = join(out, `${w.key}.pdf`);
      if (!existsSync(pdf)) throw new Error(`soffice wrote no ${basename(pdf)}: ${r.stdout} ${r.stderr}`);
      pdfs.set(w.key, readPdf(pdf));
      sizes.set(w.key, pageSizes(pdf));
    }
  }, 300000);

  async function reportOf(w: Written) {
    const grids = await createXlsxPort(w.bytes).readSheets();
    return { grids, report: checkGrids(grids) };
  }

  /** The pages of 核算结果: from the page its title starts on to the end (it is the last sheet). */
  function resultPages(pages: Page[]): number[] {
    const start = pages.findIndex((p) => p.text.includes(SHEET_MARKER.slice(0, 5)));
    expect(start, "核算结果 not found in the printout").toBeGreaterThanOrEqual(0);
    return pages.map((_, i) => i).filter((i) => i >= start);
  }

  it("prints every item's 核算得分 on its row's page, at the height of its entry", async () => {
    for (const w of written) {
      const pages = pdfs.get(w.key)!;
      const { grids, report } = await reportOf(w);
      const scores = report.sheets.filter((s): s is ScoreSheetReport => s.kind === "score");
      expect(scores.length, w.key).toBe(1);
      const s = scores[0];
      const grid = grids.find((g) => g.name === s.sheet)!;
      // The sheet's pages: those before 核算结果 that hold the table's header or its items.
      const sheetPages = pages.slice(0, resultPages(pages)[0]);
      const first = sheetPages.findIndex((p) => p.words.some((x) => x.text === RESULT_HEADER));
      expect(first, `${w.key}: 核算得分 header printed`).toBeGreaterThanOrEqual(0);
      const ourBand = sheetPages[first].words.find((x) => x.text === RESULT_HEADER)!;
      const entryBand = sheetPages[first].words.find((x) => x.text === s.column);
      expect(entryBand, `${w.key}: header ${s.column} printed`).toBeDefined();
      expect(ourBand.xMin, `${w.key}: 核算得分 right of ${s.column}`).toBeGreaterThan(entryBand!.xMax);
      let checked = 0;
      for (const it of s.items) {
        const title = compact(it.title);
        const fragment = title.slice(0, Math.min(6, title.length));
        const at = sheetPages.flatMap((p, i) => p.words.filter((x) => compact(x.text).startsWith(fragment)).map((x) => ({ i, x })));
        expect(at.length, `${w.key} ${it.cell}: title "${fragment}" printed`).toBeGreaterThan(0);
        const want = typeof it.score === "number" ? fmt(it.score) : "";
        const entry = compact(textOf(grid.cells[it.row - 1]?.[s.placement.scoreColumn] ?? null));
        // Some printed line of the title has the score in the 核算得分 column beside it, on the same
        // page, at the height of the entry (both centred in the row): the row the title starts.
        const ok = at.some(({ i, x }) => {
          const page = sheetPages[i];
          const ours = page.words.filter((y) => inBand(y, ourBand) && y.text === want && mid(y) >= x.yMin - 2);
          const near = ours.sort((a, b) => mid(a) - mid(b))[0];
          if (!near) return false;
          // No other 核算得分 value lies between the title's first line and this one (it is this row's).
          const between = page.words.filter((y) => inBand(y, ourBand) && y !== near && mid(y) >= x.yMin - 2 && mid(y) < mid(near) - 2 && /^[\d.]+$|^不适用$/.test(y.text));
          if (between.length) return false;
          if (!entry) return true;
          return page.words.some((y) => inBand(y, entryBand!) && compact(y.text) === entry && Math.abs(mid(y) - mid(near)) <= 3);
        });
        expect(ok, `${w.key} ${it.cell} "${fragment}": ${want} beside entry "${entry}" on its page`).toBe(true);
        checked++;
      }
      expect(checked, w.key).toBeGreaterThan(10);
    }
  });

  it("prints 核算结果 in landscape, every finding whole, on at most two pages", async () => {
    let findings = 0;
    for (const w of written) {
      const pages = pdfs.get(w.key)!;
      const list = resultPages(pages);
      const { report } = await reportOf(w);
      expect(list.length, `${w.key}: 核算结果 pages`).toBeLessThanOrEqual(2);
      const size = sizes.get(w.key)!;
      expect(size.length, w.key).toBe(pages.length);
      for (const i of list) expect(size[i].width, `${w.key} page ${i + 1} landscape`).toBeGreaterThan(size[i].height);
      const text = list.map((i) => pages[i].text).join("");
      // The title and the problem count are printed whole, not cut by a narrow column.
      expect(text, w.key).toContain(compact(SHEET_MARKER));
      const { errors, warnings, infos } = report.summary;
      expect(text, w.key).toContain(compact(`问题:错误 ${errors} 个,警告 ${warnings} 个,提示 ${infos} 个`));
      findings += report.findings.length;
      for (const f of report.findings) {
        expect(text, `${w.key}: ${f.cell} ${f.code}`).toContain(compact(f.message));
        expect(text, w.key).toContain(f.code);
      }
      // Numbers are printed as numbers: the rate with its percent sign.
      const s = report.sheets.find((x): x is ScoreSheetReport => x.kind === "score")!;
      expect(text, w.key).toContain(`${(s.total.rate * 100).toFixed(1)}%`);
    }
    // 乌海 has dozens (its 统计表 is half empty): the two pages hold a real list.
    expect(findings).toBeGreaterThan(40);
  });

  it("prints no folder path, only the file's name", () => {
    for (const w of written) {
      const text = pdfs.get(w.key)!.map((p) => p.words.map((x) => x.text).join(" ")).join("\n");
      expect(text, w.key).not.toContain(dir);
      expect(text, w.key).not.toContain("/tmp");
      expect(text, w.key).not.toContain("\\");
      expect(text, w.key).not.toMatch(/[A-Za-z]:[\\/]/);
      // The file's name is printed (wrapped in its cell, its lines run on in the page's text).
      expect(pdfs.get(w.key)!.map((p) => p.text).join(""), w.key).toContain(basename(w.input));
    }
  });
});
