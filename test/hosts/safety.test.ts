/**
 * The host-level guard of "您填写的内容、公式和格式不会被修改": a workbook as offices keep them
 * (helper formulas right of the table, a merged signature line under it, a user's fill and note on a
 * cell the add-in marks, a sheet of the user's named 核算结果, categories beginning with "="), the
 * real plan (checkGrids + planWriteback), applied through the fake Excel and the fake WPS: every
 * cell of the input (value and formula) is compared with the output, and nothing may change but the
 * cells the plan lists. A refused plan must leave the workbook exactly as it was.
 */
import { describe, expect, it } from "vitest";
import { parseRange, rangeA1, toA1, type CellValue, type Merge } from "../../src/core/grid";
import { RESULT_SHEET } from "../../src/footprint";
import { createOfficePort } from "../../src/hosts/office";
import { HostError, type WorkbookChanges, type WorkbookPort } from "../../src/hosts/port";
import { createWpsPort, type WpsApplication } from "../../src/hosts/wps";
import { checkWorkbook, planWriteback, type CheckResult } from "../../src/kaohe";
import { FakeExcel } from "../fakes/office-excel";
import { createFakeEt } from "../fakes/wps-et";

const SHEET = "考核评分表";
const cells: CellValue[][] = [
  ["2024年度政务公开工作考核评分表"],
  ["类别", "序号", "目标要求", "分值", "评价办法", "自查评分", "考核评分", "辅助"],
  ["=组织领导(10分)", 1, "明确政务公开分管领导和工作机构", 5, "未明确的扣5分", 5, null, null],
  [null, 2, "制定并发布年度政务公开工作要点", 5, "未制定的不得分", 4, null, 0],
  ["主动公开(40分)", 3, "规范性文件及时公开", 20, "每缺少一项扣2分", 18, null, false],
  [null, 4, "财政预决算信息公开", 20, "未公开的不得分", 20, null, null],
  ["政策解读(20分)", 5, "解读材料与政策文件同步发布", 10, "未同步发布的每件扣1分", 12, null, 0],
  [null, 6, "回应社会关切", 10, "回应不及时的每次扣2分", 8, null, null],
  ["依申请公开(30分)", 7, "依申请公开答复规范", 15, "答复不规范的每件扣3分", 15, null, 0],
  [null, 8, "按时发布政府信息公开工作年度报告", 15, "未按时发布的扣5分", 10, null, null],
  ["填表人:张三        审核人:李四        日期:2024年1月5日"],
];
/** Helper formulas right of the table whose results are "", 0 and FALSE. */
const formulas: Record<string, string> = {
  H3: '=IF(G3="","",G3-F3)',
  H4: "=IF(G4=\"\",0,G4-F4)",
  H5: "=ISNUMBER(G5)",
  H6: '=IF(G6="","",1)',
  H7: "=COUNT(G7)",
  H8: '=IF(G8="","",2)',
  H9: "=COUNT(G9)",
  H10: '=IF(G10="","",3)',
};
const merges: Merge[] = [
  { top: 0, left: 0, bottom: 0, right: 7 },
  { top: 2, left: 0, bottom: 3, right: 0 },
  { top: 4, left: 0, bottom: 5, right: 0 },
  { top: 6, left: 0, bottom: 7, right: 0 },
  { top: 8, left: 0, bottom: 9, right: 0 },
  { top: 10, left: 0, bottom: 10, right: 8 }, // the signature line, merged across A:I
];
const USER_FILL = "#00B050";
const USER_NOTE = "张三:此项已与主管部门核实";
const MARKED = "F7"; // 12 for a 10-point item: the plan marks it
const userResult: CellValue[][] = [["我自己的汇总"], ["单位", "得分"], ["本单位", 95]];

type Snapshot = Map<string, { value: CellValue; formula: string | null }>;

/** The cells the plan lists: every cell of its value blocks and marks; whole sheets it writes. */
function listed(plan: WorkbookChanges): { cells: Set<string>; sheets: Set<string> } {
  const out = new Set<string>();
  for (const v of plan.values) {
    const at = parseRange(v.address)!;
    v.values.forEach((row, i) => row.forEach((_, j) => out.add(`${v.sheet}!${toA1(at.top + i, at.left + j)}`)));
  }
  for (const m of plan.marks) out.add(`${m.sheet}!${m.cell}`);
  return { cells: out, sheets: new Set(plan.sheets.map((s) => s.name)) };
}

function diff(before: Snapshot, after: Snapshot, plan: WorkbookChanges): string[] {
  const { cells, sheets } = listed(plan);
  const out: string[] = [];
  for (const k of new Set([...before.keys(), ...after.keys()])) {
    const [sheet] = k.split("!");
    if (cells.has(k) || (sheets.has(sheet) && !before.has(k))) continue;
    if (sheets.has(sheet) && before.has(k) && !after.has(k)) {
      out.push(`${k}: removed`);
      continue;
    }
    const a = JSON.stringify(before.get(k) ?? null);
    const b = JSON.stringify(after.get(k) ?? null);
    if (a !== b) out.push(`${k}: ${a} → ${b}`);
  }
  return out;
}

/** The workbook, in three versions: all traps; without the user's 核算结果; and without either trap below the table. */
interface Variant {
  name: string;
  userSheet: boolean;
  signatureRight: number;
  /** Whether the plan must get through (the never-destroy plan writes around every trap); a refusal must leave nothing half-written. */
  mustWrite: boolean;
}
const variants: Variant[] = [
  { name: "every trap", userSheet: true, signatureRight: 8, mustWrite: true },
  { name: "no sheet of the user's named 核算结果", userSheet: false, signatureRight: 8, mustWrite: true },
  { name: "a signature line within the table's width", userSheet: false, signatureRight: 6, mustWrite: true },
];
const mergesOf = (v: Variant) => merges.map((m) => (m.top === 10 ? { ...m, right: v.signatureRight } : m));

interface Host {
  name: string;
  open(v: Variant): { port: WorkbookPort; snapshot(): Snapshot; note(sheet: string, a1: string): string | null; sheets(): string[] };
}

const hosts: Host[] = [
  {
    name: "fake Excel",
    open(v) {
      const excel = new FakeExcel([
        { name: SHEET, cells, merges: mergesOf(v).map(rangeA1), formulas, fills: { [MARKED]: USER_FILL } },
        ...(v.userSheet ? [{ name: RESULT_SHEET, cells: userResult }] : []),
      ]);
      excel.notes.set(`'${SHEET}'!${MARKED}`, USER_NOTE);
      return {
        port: createOfficePort(excel.env()),
        snapshot() {
          const m: Snapshot = new Map();
          for (const s of excel.sheets)
            for (const [k, cell] of s.store) {
              const [r, c] = k.split(",").map(Number);
              m.set(`${s.name}!${toA1(r, c)}`, { value: cell.value, formula: cell.formula ?? null });
            }
          return m;
        },
        note: (sheet, a1) => excel.notes.get(`'${sheet}'!${a1}`) ?? null,
        sheets: () => excel.sheets.map((s) => s.name),
      };
    },
  },
  {
    name: "fake WPS",
    open(v) {
      const fake = createFakeEt([
        { name: SHEET, cells, merges: mergesOf(v), formulas, fills: { [MARKED]: USER_FILL }, comments: { [MARKED]: USER_NOTE } },
        ...(v.userSheet ? [{ name: RESULT_SHEET, cells: userResult }] : []),
      ]);
      return {
        port: createWpsPort(fake.Application as WpsApplication),
        snapshot() {
          const m: Snapshot = new Map();
          for (const name of fake.sheetNames()) for (const [a1, cell] of Object.entries(fake.cells(name))) m.set(`${name}!${a1}`, cell);
          return m;
        },
        note: (sheet, a1) => fake.comment(sheet, a1),
        sheets: () => fake.sheetNames(),
      };
    },
  },
];

/** planWriteback, whether it takes the port (and is async) or not. */
const plan = (result: CheckResult, port: WorkbookPort) =>
  Promise.resolve((planWriteback as (r: CheckResult, p: WorkbookPort) => WorkbookChanges | Promise<WorkbookChanges>)(result, port));

describe.each(hosts)("写回 through the $name never touches what the plan does not list", (host) => {
  it.each(variants)("$name: only the listed cells change (or, refused, nothing at all); the user's note stays; text stays text", async (variant) => {
    const wb = host.open(variant);
    const before = wb.snapshot();
    const result = await checkWorkbook(wb.port);
    const changes = await plan(result, wb.port);
    let refused: unknown = null;
    try {
      await wb.port.apply(changes);
    } catch (e) {
      refused = e;
    }
    const after = wb.snapshot();
    if (refused) {
      // A host refuses a plan that would replace the user's own 核算结果 or write into a merged
      // area (the signature line): then nothing at all was written.
      expect(refused).toBeInstanceOf(HostError);
      expect((refused as Error).message).toMatch(new RegExp(`已有名为“${RESULT_SHEET}”的工作表|中有合并单元格`));
      expect([...after]).toEqual([...before]);
      expect(variant.mustWrite, (refused as Error).message).toBe(false);
      return;
    }
    // Categories beginning with "=" reach 核算结果 as text.
    const texts = [...after].filter(([k]) => k.startsWith(`${RESULT_SHEET}`)).map(([, c]) => c);
    expect(texts.some((c) => typeof c.value === "string" && c.value.startsWith("=组织领导") && c.formula === null), JSON.stringify(texts.slice(0, 40))).toBe(true);
    expect(diff(before, after, changes)).toEqual([]);
    // The user's sheet of that name is the user's still.
    for (const [k, v] of before) if (k.startsWith(`${RESULT_SHEET}!`)) expect(after.get(k)).toEqual(v);
    // The user's note on a marked cell is kept as it was.
    expect(wb.note(SHEET, MARKED)).toBe(USER_NOTE);
    // No cell the add-in wrote holds a formula it did not mean: text beginning with "=" is text.
    const { cells: written, sheets } = listed(changes);
    for (const [k, cell] of after) {
      const [sheet, a1] = k.split("!");
      if (!written.has(k) && !(sheets.has(sheet) && !before.has(k))) continue;
      const meant = changes.values.some((v) => v.sheet === sheet && (v.formulas ?? []).flat().includes(cell.formula ?? null));
      if (cell.formula) expect(meant, `${k} holds ${cell.formula}`).toBe(true);
      void a1;
    }
  });
});

describe("the safety net catches a host that writes beyond the plan", () => {
  it("reports a cell changed outside the listed cells", () => {
    const before: Snapshot = new Map([["S!A1", { value: 1, formula: null }]]);
    const after: Snapshot = new Map([["S!A1", { value: 2, formula: null }], ["S!B1", { value: "x", formula: null }]]);
    const changes: WorkbookChanges = { clearMarks: [], values: [{ sheet: "S", address: "B1", values: [["x"]] }], marks: [], sheets: [] };
    expect(diff(before, after, changes)).toEqual(['S!A1: {"value":1,"formula":null} → {"value":2,"formula":null}']);
  });
});
