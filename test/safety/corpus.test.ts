/**
 * The corpus of office workbooks through the plan and the reference spec host: the plan never
 * writes a value over a cell that held anything, puts the column and the final where the
 * corpus expects, and a workbook changes only where the plan says.
 */
import { describe, expect, it } from "vitest";
import { parseA1, toA1 } from "../../src/core/grid";
import { NOTE_PREFIX, SHEET_MARKER } from "../../src/footprint";
import { checkWorkbook, describeChanges, planWriteback, type WritebackPlan } from "../../src/kaohe";
import { CORPUS, corpusCase } from "./corpus";
import { changedCells, specPort } from "./spec-host";
import { cloneSpec, occupiedCells, type WorkbookSpec } from "./spec";

/** "sheet!A1" of every cell a plan writes a value (or formula) into. */
function valueCells(plan: WritebackPlan): string[] {
  const out: string[] = [];
  for (const w of plan.values) {
    const at = parseA1(w.address)!;
    w.values.forEach((row, i) => row.forEach((_, j) => out.push(`${w.sheet}!${toA1(at.row + i, at.col + j)}`)));
  }
  return out;
}

function occupied(spec: WorkbookSpec): Set<string> {
  const out = new Set<string>();
  for (const s of spec.sheets) for (const a1 of occupiedCells(s)) out.add(`${s.name}!${a1}`);
  return out;
}

async function run(spec: WorkbookSpec) {
  const port = specPort(spec);
  const result = await checkWorkbook(port);
  const plan = await planWriteback(result, port);
  return { port, result, plan };
}

describe.each(CORPUS.map((c) => [c.name, c] as const))("%s", (_, corpus) => {
  it("writes no value into a cell that held anything", async () => {
    const spec = cloneSpec(corpus);
    const { plan } = await run(spec);
    const held = occupied(corpus);
    const over = valueCells(plan).filter((c) => held.has(c));
    if (corpus.name === "column-of-an-earlier-version") {
      // Only the column that version wrote, whose every cell holds what it wrote.
      expect(over.length).toBeGreaterThan(0);
      expect(over.every((c) => /^评分表!F\d+$/.test(c))).toBe(true);
    } else expect(over).toEqual([]);
  });

  it("puts the column, the final and 核算结果 where expected", async () => {
    const { plan } = await run(cloneSpec(corpus));
    const mine = plan.summary.placements.find((p) => p.sheet === "评分表")!;
    expect(mine.range).toBe(corpus.expected.column);
    const write = plan.values.find((v) => v.sheet === "评分表");
    if (corpus.expected.column === null) expect(write).toBeUndefined();
    else expect(write?.address).toBe(corpus.expected.column.split(":")[0]);
    if (corpus.expected.final !== undefined) expect(mine.finalCell).toBe(corpus.expected.final);
    expect(plan.sheets.map((s) => s.name)).toEqual([corpus.expected.resultSheet]);
    expect(String(plan.sheets[0].rows[0][0]).startsWith(SHEET_MARKER)).toBe(true);
  });

  it("changes only the cells the plan lists, and never a note of the user's", async () => {
    const before = cloneSpec(corpus);
    const spec = cloneSpec(corpus);
    const { port, plan } = await run(spec);
    await port.apply(plan);
    const listed = new Set([...valueCells(plan), ...plan.marks.map((m) => `${m.sheet}!${m.cell}(批注)`)]);
    for (const c of plan.clearMarks) listed.add(`${c.sheet}!${c.cell}(批注)`);
    const userSheets = before.sheets.filter((s) => !String(s.rows[0]?.[0] ?? "").startsWith(SHEET_MARKER));
    const changed = changedCells({ ...before, sheets: userSheets }, spec);
    expect(changed.filter((c) => !listed.has(c))).toEqual([]);
    for (const s of userSheets) {
      for (const [a1, text] of Object.entries(s.notes ?? {})) {
        if (!text.startsWith(NOTE_PREFIX)) expect(spec.sheets.find((x) => x.name === s.name)!.notes?.[a1]).toBe(text);
      }
    }
  });

  it("counts marks the same way in the plan, the dialog and 核算结果", async () => {
    const { plan, result } = await run(cloneSpec(corpus));
    const summary = result.report.summary;
    const rows = plan.sheets[0].rows;
    const header = rows.findIndex((r) => r.includes("已标记"));
    const col = rows[header].indexOf("已标记");
    const marked = new Set(rows.slice(header + 1).filter((r) => r[col] === "是").map((r) => `${r[1]}!${r[2]}`));
    expect(marked.size).toBe(plan.marks.length);
    const lines = describeChanges(plan);
    if (plan.marks.length) expect(lines.some((l) => l.includes(`在 ${plan.marks.length} 个有问题的单元格上`))).toBe(true);
    const { errors, warnings, infos } = summary;
    expect(rows).toContainEqual([`问题:错误 ${errors} 个,警告 ${warnings} 个,提示 ${infos} 个;已在 ${plan.marks.length} 个单元格上标记`]);
  });
});

describe("what each case guards", () => {
  it("helper formulas: F, G, H hold formulas showing \"\", 0 and FALSE, so 核算得分 goes to I", async () => {
    const { plan } = await run(cloneSpec(corpusCase("helper-formulas-right-of-table")));
    expect(plan.values[0].values.map((r) => r[0])).toEqual(["核算得分", 10, 10, 5, 5, 30]);
    expect(plan.values[0]).toMatchObject({ formatFrom: { column: "E" }, columnWidth: 10, extendPrintArea: true });
  });

  it.each(["merged-signature-line-below-table", "merged-note-below-table"])("%s: the final stays out of the sheet and the dialog says so", async (name) => {
    const { plan, result } = await run(cloneSpec(corpusCase(name)));
    expect(plan.values[0].values.flat()).not.toContain("最终得分 30");
    expect(describeChanges(plan)).toContain("工作表“评分表”没有合计行,表格下方的单元格不是空白(如签字栏),最终得分不写入该表,只写入“核算结果”");
    const summary = plan.sheets[0].rows.find((r) => r[0] === "评分表")!;
    expect(summary[6]).toBe(result.report.sheets[0].kind === "score" && result.report.sheets[0].total.final);
  });

  it("signature line over the table only: the final goes beside it", async () => {
    const { plan } = await run(cloneSpec(corpusCase("signature-line-within-table-width")));
    expect(plan.values[0].values.at(-1)).toEqual(["最终得分 30"]);
    expect(describeChanges(plan)[0]).toBe("在工作表“评分表”的 F2:F7 写入核算得分(表头“核算得分”,边框、字体和对齐沿用表格),最终得分写在 F7");
  });

  it("a score formula showing 0 scores 0: no score_missing, no mark, 0 in the column", async () => {
    const { plan, result } = await run(cloneSpec(corpusCase("score-formula-evaluating-to-0")));
    expect(result.report.findings.filter((f) => f.cell === "E6")).toEqual([]);
    expect(plan.marks).toEqual([]);
    expect(plan.values[0].values[4]).toEqual([0]);
  });

  it("user fills: each mark records the fill it covers in 原底色", async () => {
    const { plan } = await run(cloneSpec(corpusCase("user-fills-on-marked-cells")));
    const rows = plan.sheets[0].rows;
    const header = rows.findIndex((r) => r.includes("原底色"));
    const [cc, cm, cf] = ["单元格", "已标记", "原底色"].map((h) => rows[header].indexOf(h));
    const fills = Object.fromEntries(rows.slice(header + 1).filter((r) => r[cm] === "是").map((r) => [r[cc], r[cf]]));
    expect(fills).toEqual({ E3: "#FFFF00", E5: "#DDEBF7", E6: "#FFC7CE", E7: "" });
  });

  it("categories beginning with =, +, -, @ stay texts everywhere the plan writes them", async () => {
    const spec = cloneSpec(corpusCase("categories-beginning-with-equals"));
    const { port, plan } = await run(spec);
    // The only formulas are the live 核算得分 formulas: no text of the user's becomes one.
    const written = plan.values.flatMap((v) => v.values.flatMap((row, i) => row.map((value, j) => ({ value, formula: v.formulas?.[i]?.[j] ?? null }))));
    expect(written.filter((c) => typeof c.value === "string" && /^[=+\-@]/.test(c.value)).map((c) => c.formula)).toEqual(
      written.filter((c) => typeof c.value === "string" && /^[=+\-@]/.test(c.value)).map(() => null),
    );
    expect(written.filter((c) => c.formula !== null).every((c) => !/组织领导|加分项/.test(c.formula!))).toBe(true);
    const texts = plan.sheets[0].rows.flat().filter((v): v is string => typeof v === "string");
    expect(texts).toEqual(expect.arrayContaining(["=组织领导", "+加分项"]));
    await port.apply(plan);
    const ours = spec.sheets.find((s) => s.name === "核算结果")!;
    expect(ours.rows.flat().filter((v) => v !== null && typeof v === "object")).toEqual([]);
  });

  it("no free column nearby: nothing on 评分表, the scores in a 各项得分 table, said in the dialog", async () => {
    const { plan } = await run(cloneSpec(corpusCase("no-free-column-nearby")));
    expect(plan.values).toEqual([]);
    const rows = plan.sheets[0].rows;
    const at = rows.findIndex((r) => r[0] === "各项得分");
    expect(rows.slice(at + 2, at + 7).map((r) => [r[1], r[4]])).toEqual([["E3", 10], ["E4", 10], ["E5", 5], ["E6", 5], ["", 30]]);
    expect(describeChanges(plan)).toContain("工作表“评分表”表格右侧 10 列内没有整列空白的位置,各项得分不写入该表,只写入“核算结果”");
  });

  it("summary sheet: its stale cell is marked over the user's fill, recorded in 原底色; nothing is written on the summary", async () => {
    const { plan, result } = await run(cloneSpec(corpusCase("summary-sheet-with-stale-formula")));
    expect(result.report.sheets.map((s) => s.sheet)).toEqual(["评分表"]);
    expect(result.report.findings.map((f) => `${f.sheet}!${f.code}@${f.cell}`)).toEqual(["考核汇总!summary_score_mismatch@D3"]);
    expect(plan.values.map((v) => v.sheet)).toEqual(["评分表"]);
    expect(plan.marks.map((m) => `${m.sheet}!${m.cell}`)).toEqual(["考核汇总!D3"]);
    const rows = plan.sheets[0].rows;
    const header = rows.findIndex((r) => r.includes("原底色"));
    const [cs, cc, cf] = ["工作表", "单元格", "原底色"].map((h) => rows[header].indexOf(h));
    expect(rows.slice(header + 1).filter((r) => r[cs] === "考核汇总").map((r) => [r[cc], r[cf]])).toEqual([["D3", "#FFFF00"]]);
  });

  it("column of an earlier version: reused and refreshed; its marks cleared once each, our colour not taken for the user's", async () => {
    const { plan } = await run(cloneSpec(corpusCase("column-of-an-earlier-version")));
    expect(plan.values[0].address).toBe("F2");
    expect(plan.values[0].values.map((r) => r[0])).toEqual(["核算得分", 10, 8, 5, 5, 28]);
    expect(plan.clearMarks).toEqual([{ sheet: "评分表", cell: "E3" }]);
    const e3 = plan.summary.marks.find((m) => m.cell === "E3")!;
    expect(e3.userFill).toBeUndefined();
    expect(describeChanges(plan)).toContain("更新工作表“核算结果”(共 " + plan.sheets[0].rows.length + " 行)");
  });
});
