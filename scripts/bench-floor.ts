// One side of scripts/bench-floor.mjs, in its own process (bundled by esbuild there).
//
// Times what `check --json` does (read, check, the JSON), then, untimed, plans the real write-back,
// then times the least any writer must do to give the scored sheet that write-back: the sheet's
// original bytes copied in ranges (never decoded or re-encoded), each written cell of the plan
// (its formula and cached value) appended before its row's end, the plan's validations and
// conditional formats as one element per kind, the part deflated at the fastest level. No
// planning, no styles, no notes, no 核算结果 sheet, no guard of the user's cells: a floor, not a
// writer. Prints {check, floor} CPU milliseconds as JSON.
import { deflateRawSync } from "node:zlib";
import { readWorkbook } from "../src/cli/load";
import { parseA1, parseRange, toA1 } from "../src/core/grid";
import { escapeAttr, escapeText } from "../src/hosts/xlsx/xml";
import { checkGrids, planWriteback } from "../src/kaohe";

const cpu = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

async function main(file: string): Promise<void> {
  const { port, grids } = await readWorkbook(file, true);
  const report = checkGrids(grids, { file });
  JSON.stringify(report);
  // the whole process so far (start, loading, read, check, JSON): what bench.mjs counts for check --json
  const check = cpu();

  const plan = await planWriteback({ report, grids }, port, {});
  const block = plan.values[0];
  if (!block) throw new Error("the write-back writes no column");
  const info = port.package.sheets().find((s) => s.name === block.sheet)!;
  const src = Buffer.from(port.package.text(info.path));

  // the garbage of the untimed plan collected first (the side runs with --expose-gc)
  (globalThis as { gc?: () => void }).gc?.();
  const t = cpu();
  const at = parseA1(block.address)!;
  const out = Buffer.allocUnsafe(src.length * 3);
  let o = 0;
  let last = 0;
  const END = Buffer.from("</row>");
  for (let end = src.indexOf(END); end >= 0; end = src.indexOf(END, end + 1)) {
    // the row's number from its r attribute
    let q = src.indexOf('r="', src.lastIndexOf("<row", end)) + 3;
    let r = 0;
    for (; src[q] !== 34; q++) r = r * 10 + src[q] - 48;
    const i = r - 1 - at.row;
    if (i < 0 || i >= block.values.length) continue;
    out.set(src.subarray(last, end), o);
    o += end - last;
    last = end;
    const value = block.values[i][0];
    const formula = block.formulas?.[i]?.[0] ?? null;
    const ref = toA1(r - 1, at.col);
    const v = typeof value === "number" ? `<v>${value}</v>` : value === null || value === "" ? "" : `<v>${escapeText(String(value))}</v>`;
    const type = typeof value === "string" && value !== "" ? (formula ? ' t="str"' : ' t="inlineStr"') : "";
    o += out.write(formula ? `<c r="${ref}"${type}><f>${escapeText(formula.slice(1))}</f>${v}</c>` : type ? `<c r="${ref}"${type}><is><t>${escapeText(String(value))}</t></is></c>` : `<c r="${ref}">${v}</c>`, o);
  }
  o += src.copy(out, o, last);
  // validations alike (same messages and rule) as one element
  const kinds = new Map<string, string[]>();
  for (const v of plan.validations ?? []) {
    const key = `${v.prompt}\u0000${v.error}\u0000${JSON.stringify(v.rule)}`;
    const list = kinds.get(key);
    if (list) list.push(v.range);
    else kinds.set(key, [v.range]);
  }
  for (const [key, ranges] of kinds) {
    const [prompt, error] = key.split("\u0000");
    o += out.write(`<dataValidation type="decimal" sqref="${ranges.join(" ")}" prompt="${escapeAttr(prompt)}" error="${escapeAttr(error)}"><formula1>0</formula1></dataValidation>`, o);
  }
  // conditional formats alike (the same formula relative to their top-left cell) as one element
  const formats = new Map<string, string[]>();
  for (const c of plan.conditional ?? []) {
    const a = parseRange(c.range) ?? { top: parseA1(c.range)!.row, left: parseA1(c.range)!.col };
    const key = c.formula.split(toA1(a.top, a.left)).join("\u0001");
    const list = formats.get(key);
    if (list) list.push(c.range);
    else formats.set(key, [c.range]);
  }
  for (const [key, ranges] of formats) o += out.write(`<conditionalFormatting sqref="${ranges.join(" ")}"><cfRule type="expression"><formula>${escapeText(key)}</formula></cfRule></conditionalFormatting>`, o);
  deflateRawSync(out.subarray(0, o), { level: 1 });
  const floor = cpu() - t;
  process.stdout.write(JSON.stringify({ check, floor }));
}

main(process.argv[2]).catch((e) => {
  process.stderr.write(String(e?.stack ?? e));
  process.exit(1);
});
