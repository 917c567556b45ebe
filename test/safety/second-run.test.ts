/**
 * Write-back run again after the clerk fixed the problems: the marks go and each cell gets back
 * exactly the fill the user had; our sheet is found again by its marker, never the user's own.
 */
import { describe, expect, it } from "vitest";
import { checkGrids, checkWorkbook, planWriteback } from "../../src/kaohe";
import { MARK_COLORS, NOTE_PREFIX } from "../../src/footprint";
import { previousMarks } from "../../src/writeback";
import { corpusCase } from "./corpus";
import { cellAt, specPort, type SpecPort } from "./spec-host";
import { cloneSpec, gridsOf, type WorkbookSpec } from "./spec";

async function writeBack(port: SpecPort) {
  const result = await checkWorkbook(port);
  const plan = await planWriteback(result, port);
  await port.apply(plan);
  return { result, plan };
}

function type(spec: WorkbookSpec, a1: string, v: number) {
  const s = spec.sheets.find((x) => x.name === "评分表")!;
  const p = /^([A-Z])(\d+)$/.exec(a1)!;
  s.rows[Number(p[2]) - 1][p[1].charCodeAt(0) - 65] = v;
}

const USER_FILLS = { E3: "#FFFF00", E4: "#DDEBF7", E5: "#DDEBF7", E6: "#FFC7CE" };
const fillsOf = (spec: WorkbookSpec) => spec.sheets.find((s) => s.name === "评分表")!.fills;
const ourNotes = (spec: WorkbookSpec) =>
  Object.keys(spec.sheets.find((s) => s.name === "评分表")!.notes ?? {}).filter((a1) =>
    spec.sheets.find((s) => s.name === "评分表")!.notes![a1].startsWith(NOTE_PREFIX),
  );

describe("marks are reversible", () => {
  it("the first run marks E3, E5, E6 and E7 over the user's fills", async () => {
    const spec = cloneSpec(corpusCase("user-fills-on-marked-cells"));
    await writeBack(specPort(spec));
    expect(fillsOf(spec)).toEqual({ E3: MARK_COLORS.error, E4: "#DDEBF7", E5: MARK_COLORS.warning, E6: MARK_COLORS.error, E7: MARK_COLORS.error });
  });

  it("after the fix, a second run restores every fill exactly and removes our notes", async () => {
    const spec = cloneSpec(corpusCase("user-fills-on-marked-cells"));
    const port = specPort(spec);
    await writeBack(port);
    [["E3", 10], ["E5", 5], ["E6", 5]].forEach(([a1, v]) => type(spec, a1 as string, v as number));
    const { plan, result } = await writeBack(port);
    expect(result.report.summary.errors + result.report.summary.warnings).toBe(0);
    expect(plan.clearMarks).toEqual([
      { sheet: "评分表", cell: "E3", restoreFill: "#FFFF00" },
      { sheet: "评分表", cell: "E6", restoreFill: "#FFC7CE" },
      { sheet: "评分表", cell: "E7", restoreFill: null },
      { sheet: "评分表", cell: "E5", restoreFill: "#DDEBF7" },
    ]);
    expect(fillsOf(spec)).toEqual(USER_FILLS);
    expect(ourNotes(spec)).toEqual([]);
  });

  it("a cell still marked keeps the fill first recorded, not our colour, through any number of runs", async () => {
    const spec = cloneSpec(corpusCase("user-fills-on-marked-cells"));
    const port = specPort(spec);
    await writeBack(port);
    type(spec, "E3", 10); // E5, E6 and the total still wrong
    const second = await writeBack(port);
    expect(second.plan.summary.marks.find((m) => m.cell === "E5")).toMatchObject({ userFill: "#DDEBF7", again: true });
    expect(second.plan.summary.marks.find((m) => m.cell === "E6")).toMatchObject({ userFill: "#FFC7CE", again: true });
    expect(fillsOf(spec)!.E3).toBe("#FFFF00");
    await writeBack(port); // nothing changed: the record must survive a run that re-marks
    [["E5", 5], ["E6", 5]].forEach(([a1, v]) => type(spec, a1 as string, v as number));
    await writeBack(port);
    expect(fillsOf(spec)).toEqual(USER_FILLS);
  });

  it("with a host that cannot read fills, the record says 未知 and the next run just clears our colour", async () => {
    const spec = cloneSpec(corpusCase("user-fills-on-marked-cells"));
    const port = specPort(spec, { fills: false });
    const first = await writeBack(port);
    const rows = first.plan.sheets[0].rows;
    const col = rows.find((r) => r.includes("原底色"))!.indexOf("原底色");
    expect(new Set(rows.filter((r) => r[5] === "是").map((r) => r[col]))).toEqual(new Set(["未知"]));
    [["E3", 10], ["E5", 5], ["E6", 5]].forEach(([a1, v]) => type(spec, a1 as string, v as number));
    const second = await writeBack(port);
    expect(second.plan.clearMarks.every((c) => !("restoreFill" in c))).toBe(true);
    expect(fillsOf(spec)).toEqual({ E4: "#DDEBF7" });
  });
});

describe("our sheet is recognisably ours", () => {
  it("a user's 核算结果 is left alone, ours is 核算结果(2), found again next run by its marker", async () => {
    const spec = cloneSpec(corpusCase("user-sheet-named-result"));
    const theirs = JSON.stringify(spec.sheets[1]);
    const port = specPort(spec);
    const first = await writeBack(port);
    expect(first.plan.clearMarks).toEqual([]); // the user's sheet looks like a record, but is not ours
    expect(spec.sheets.map((s) => s.name)).toEqual(["评分表", "核算结果", "核算结果(2)"]);
    const second = await writeBack(port);
    expect(second.plan.sheets.map((s) => s.name)).toEqual(["核算结果(2)"]);
    expect(second.plan.summary.resultSheet).toEqual({ name: "核算结果(2)", existing: true, userSheets: ["核算结果"] });
    expect(second.plan.clearMarks.map((c) => c.cell).sort()).toEqual(first.plan.marks.map((m) => m.cell).sort());
    expect(spec.sheets.map((s) => s.name)).toEqual(["评分表", "核算结果", "核算结果(2)"]);
    expect(JSON.stringify(spec.sheets[1])).toBe(theirs);
  });

  it("when 核算结果 and 核算结果(2) are both the user's, ours is 核算结果(3)", async () => {
    const spec = cloneSpec(corpusCase("user-sheet-named-result"));
    spec.sheets.push({ name: "核算结果(2)", rows: [["第二季度核算"]] });
    const { plan } = await writeBack(specPort(spec));
    expect(plan.sheets[0].name).toBe("核算结果(3)");
    expect(spec.sheets.map((s) => s.name)).toEqual(["评分表", "核算结果", "核算结果(2)", "核算结果(3)"]);
  });

  it("previousMarks reads our sheet only", () => {
    const grids = gridsOf(corpusCase("user-sheet-named-result"));
    expect(previousMarks(grids)).toEqual([]);
    expect(previousMarks(gridsOf(corpusCase("column-of-an-earlier-version")))).toEqual([{ sheet: "评分表", cell: "E3" }]);
  });

  it("a user's sheet named 核算结果 holding a score table is scored; ours never is", async () => {
    const spec = cloneSpec(corpusCase("user-fills-on-marked-cells"));
    spec.sheets[0].name = "核算结果";
    expect(checkGrids(gridsOf(spec)).sheets.map((s) => s.sheet)).toEqual(["核算结果"]);
    const port = specPort(spec);
    const { plan } = await writeBack(port);
    expect(plan.sheets[0].name).toBe("核算结果(2)");
    expect(checkGrids(gridsOf(spec)).sheets.map((s) => s.sheet)).toEqual(["核算结果"]);
    expect(cellAt(spec.sheets[0], "F2")).toBe("核算得分");
  });
});
