/**
 * A collecting office's folders, generated as real .xlsx files from the template samples with the
 * units' own entries: two classes (by folder and by the sheet), ties, a veto, an unreadable file,
 * units named in the sheet and by their file, 自查-only and 自查+考核 workbooks; and a 临淄 year
 * of four quarters + 年终 with a unit missing a quarter. Ranks, 等次, composed totals and the
 * 汇总.xlsx are checked cell by cell.
 */
import ExcelJS from "exceljs";
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runBatch, type BatchIo } from "../../src/cli/batch";
import { readWorkbook } from "../../src/cli/load";
import type { BatchResult } from "../../src/collect";
import { plainValue } from "../xlsx/exceljs-grid";
import { tempDir } from "../helpers/xlsx";
import { linziGrids, saveJunk, saveUnit, xiuwenGrids } from "./units";

async function batch(paths: string[], opts: Parameters<typeof runBatch>[1] = {}, tty = false) {
  let out = "";
  let err = "";
  const io: BatchIo = { out: (s) => void (out += s), err: (s) => void (err += s), isTTY: false, errIsTTY: tty };
  const code = await runBatch(paths, opts, io);
  return { code, out, err };
}

/** Rows of a sheet as plain values, from row 1, trailing blanks dropped. */
async function sheetRows(file: string, name: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}; sheets: ${wb.worksheets.map((w) => w.name).join(", ")}`);
  const rows: unknown[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row: unknown[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const cell = ws.getCell(r, c);
      row.push(cell.master.address === cell.address ? plainValue(cell.value) : null); // a merge's value once
    }
    while (row.length && row[row.length - 1] === null) row.pop();
    rows.push(row);
  }
  return rows;
}

// 修文 35 基础分; 临淄 100.
const TWO_CLASSES = {
  "一类/教育局.xlsx": () => xiuwenGrids({ name: "县教育局", lost: 2 }), // 33/35
  "一类/财政局.xlsx": () => xiuwenGrids({ name: "县财政局", lost: 2 }), // 33/35: tied with 教育局
  "一类/民政局.xlsx": () => xiuwenGrids({ lost: 0 }), // no name in the sheet: 民政局, 35/35
  "一类/水利局.xlsx": () => xiuwenGrids({ name: "县水利局", lost: 5 }), // 30/35
  "一类/司法局.xlsx": () => xiuwenGrids({ name: "县司法局", veto: "是" }), // vetoed
  "一类/审计局.xlsx": () => xiuwenGrids({ name: "县审计局", unitClass: "二类", lost: 6, lostB: 2 }), // the sheet says 二类: 27/35
  "二类/城关镇.xlsx": () => linziGrids({ name: "城关镇", self: [18, 19, 17, 19.5, 17.5, 1, 0] }), // 自查 only: 92
  "二类/龙场镇.xlsx": () => linziGrids({ name: "龙场镇", self: [18, 19, 17, 19.5, 17.5, 1, 0], review: [12, 12, 12, 12, 7, 0, 0] }), // 考核 55
};

describe("kaohe batch on a folder of two classes", { timeout: 60000 }, () => {
  let dir: string;
  let json: BatchResult;
  let code: number;
  let summary: string;

  beforeAll(async () => {
    dir = tempDir();
    for (const [rel, grids] of Object.entries(TWO_CLASSES)) await saveUnit(dir, join("各单位", rel), grids());
    saveJunk(dir, "各单位/二类/坏文件.xlsx");
    summary = join(dir, "汇总.xlsx");
    const r = await batch([join(dir, "各单位")], { json: true, out: summary });
    code = r.code;
    json = JSON.parse(r.out);
    expect(r.err).toBe("");
  }, 60000);

  const unit = (name: string) => json.units.find((u) => u.unit === name)!;

  it("exits 1: a workbook could not be read", () => expect(code).toBe(1));

  it("ranks each class by 得分率: ties share a rank and the next skips, the vetoed unit last", () => {
    expect(json.units.map((u) => [u.unitClass, u.rank, u.unit, u.grade])).toEqual([
      ["一类", 1, "民政局", "优秀"],
      ["一类", 2, json.units[1].unit, "优秀"],
      ["一类", 2, json.units[2].unit, "优秀"],
      ["一类", 4, "县水利局", "良好"],
      ["一类", 5, "县司法局", "不合格"],
      ["二类", 1, "城关镇", "优秀"],
      ["二类", 2, "县审计局", "合格"],
      ["二类", 3, "龙场镇", "不合格"],
    ]);
    expect(new Set([json.units[1].unit, json.units[2].unit])).toEqual(new Set(["县教育局", "县财政局"]));
  });

  it("gives each unit the JSON fields of schemaVersion 1", () => {
    expect(json.schemaVersion).toBe(1);
    expect(json.kind).toBe("batch");
    expect(unit("县教育局")).toEqual({
      unit: "县教育局",
      unitClass: "一类",
      files: [join(dir, "各单位", "一类/教育局.xlsx")],
      max: 35,
      final: 33,
      rate: 0.942857,
      total: 33,
      vetoed: false,
      grade: "优秀",
      rank: 2,
      errors: 0,
      warnings: 0,
      rounds: [],
    });
    expect(unit("县司法局")).toMatchObject({ final: 0, vetoed: true, rank: 5, grade: "不合格", warnings: 1 });
    // 自查+考核: ranked by the 考核 column; 自查 only: by 自查.
    expect(unit("龙场镇")).toMatchObject({ max: 100, final: 55, rate: 0.55 });
    expect(unit("城关镇")).toMatchObject({ max: 100, final: 92, rate: 0.92 });
    expect(unit("县审计局")).toMatchObject({ unitClass: "二类", final: 27, rate: 0.771429 });
  });

  it("the unreadable file is a finding with the message of kaohe check, and the batch went on", async () => {
    const bad = join(dir, "各单位", "二类/坏文件.xlsx");
    const said = await readWorkbook(bad).then(
      () => "",
      (e: Error) => e.message,
    );
    expect(said).toContain("坏文件.xlsx");
    const f = json.findings.filter((x) => x.code === "file_unusable");
    expect(f).toEqual([
      {
        severity: "error",
        code: "file_unusable",
        file: join(dir, "各单位", "二类/坏文件.xlsx"),
        unit: null,
        sheet: null,
        cell: null,
        message: said,
      },
    ]);
    // Findings of the engine carry their file, sheet and cell.
    expect(json.findings.find((x) => x.code === "veto_applied")).toMatchObject({ file: join(dir, "各单位", "一类/司法局.xlsx"), unit: "县司法局", sheet: "目标考核评分表", cell: "E32" });
  });

  it("writes 汇总.xlsx with nothing left beside it", () => {
    expect(readdirSync(dir).sort()).toEqual(["各单位", "汇总.xlsx"]);
  });

  it("排名: per class, 名次 单位 满分 得分 得分率 等次 错误数, ties and vetoes noted", async () => {
    const rows = await sheetRows(summary, "排名");
    expect(rows[0]).toEqual(["考核排名"]);
    expect(rows[1]).toEqual(["一类(5 个单位)"]);
    expect(rows[2]).toEqual(["名次", "单位", "满分", "得分", "得分率", "等次", "错误数", "备注"]);
    expect(rows[3]).toEqual([1, "民政局", 35, 35, 1, "优秀", 0]);
    expect(rows[4].slice(2)).toEqual([35, 33, 0.9429, "优秀", 0, "并列"]);
    expect(rows[5].slice(2)).toEqual([35, 33, 0.9429, "优秀", 0, "并列"]);
    expect(rows[6]).toEqual([4, "县水利局", 35, 30, 0.8571, "良好", 0]);
    expect(rows[7]).toEqual([5, "县司法局", 35, 0, 0, "不合格", 0, "一票否决"]);
    expect(rows[8]).toEqual([]);
    expect(rows[9]).toEqual(["二类(3 个单位)"]);
    expect(rows[11]).toEqual([1, "城关镇", 100, 92, 0.92, "优秀", 0]);
    expect(rows[12]).toEqual([2, "县审计局", 35, 27, 0.7714, "合格", 0]);
    expect(rows[13]).toEqual([3, "龙场镇", 100, 55, 0.55, "不合格", 0]);
  });

  it("通报: units, 合格率, the 不合格 list, the indicators that lost most", async () => {
    const rows = await sheetRows(summary, "通报");
    expect(rows.slice(0, 6)).toEqual([
      ["考核结果通报"],
      ["一类"],
      ["类别", "项目", "单位数", "合格数", "合格率"],
      ["一类", "参加考核", 5, 4, 0.8],
      ["不合格单位(1 个)"],
      ["序号", "单位", "得分", "折合百分制", "原因"],
    ]);
    expect(rows[6]).toEqual([1, "县司法局", 0, 0, "一票否决"]);
    expect(rows[7]).toEqual(["失分较多的指标"]);
    expect(rows[8]).toEqual(["序号", "指标", "失分单位数", "累计失分", "类别"]);
    // Item 10 (按比例扣分): 2 + 2 + 5 lost by three units; nothing else lost in 一类.
    expect(rows[9]).toEqual([1, "按照政府信息公开条例的有关要求,及时维护网站各类栏目或报送资料到政府办信息科", 3, 9, "政务公开重点任务"]);
    const second = rows.findIndex((r) => r[0] === "二类");
    expect(rows[second + 2]).toEqual(["二类", "参加考核", 3, 2, 0.6667]);
    expect(rows[second + 5]).toEqual([1, "龙场镇", 55, 55, "折合百分制 55 分,低于 60 分"]);
    // 二类 losses: 龙场镇 (考核) 8+8+8+8+13, 城关镇 2+1+3+0.5+2.5, 县审计局 6+2 on 修文 items: 年终 13 + 2.5 leads.
    expect(rows[second + 8]).toEqual([1, "(一)区年度政务公开工作要点或工作方案落实情况;(二)年度政务公开工作评估指标体系责任分工完成情况;(三)在政府网站按时发布单位政府信息公开年度报告,编制、更新本单位政府信息公开指南、主动公开目录情况;(四)依申请公开政府信息答复情况", 2, 15.5, "年终考核"]);
  });

  it("自查与考核: the unit that filled both columns, item by item, with the difference and the rule", async () => {
    const rows = await sheetRows(summary, "自查与考核");
    expect(rows[0]).toEqual(["自查与考核得分对照"]);
    expect(rows[1]).toEqual(["单位", "序号", "指标", "分值", "自查得分", "考核得分", "差值", "评分标准"]);
    expect(rows.slice(2).map((r) => [r[0], r[1], r[3], r[4], r[5], r[6]])).toEqual([
      ["龙场镇", "1", 20, 18, 12, -6],
      ["龙场镇", "2", 20, 19, 12, -7],
      ["龙场镇", "3", 20, 17, 12, -5],
      ["龙场镇", "4", 20, 19.5, 12, -7.5],
      ["龙场镇", "5", 20, 17.5, 7, -10.5],
      ["龙场镇", "6", null, 1, 0, -1],
      ["龙场镇", "7", null, 0, 0, 0],
    ]);
    expect(String(rows[2][7])).toContain("酌情扣分");
  });

  it("one 反馈单 per unit: lost points item by item with rule and finding, and an empty 整改情况 column", async () => {
    const rows = await sheetRows(summary, "反馈单-县司法局");
    expect(rows[0]).toEqual(["县司法局 考核反馈单"]);
    expect(rows[1]).toEqual(["得分 0,满分 35,等次 不合格,一类第 5 名,一票否决(按“自评得分”)"]);
    expect(rows[2]).toEqual(["序号", "类别", "指标", "分值", "得分", "失分", "评分标准", "问题", "整改情况"]);
    expect(rows[3]).toEqual(["1", "扣分指标", "政务公开信息出现失、泄密事件", null, 0, "一票否决", "执行一票否决,全年政务公开分值扣为0分", "一票否决项“政务公开信息出现失、泄密事件”已触发,总得分为 0 分"]);
    expect(rows).toHaveLength(4);
    const water = await sheetRows(summary, "反馈单-县水利局");
    expect(water[3]).toEqual(["10", "政务公开重点任务", "按照政府信息公开条例的有关要求,及时维护网站各类栏目或报送资料到政府办信息科", 6, 1, 5, "根据维护或报送的情况,按比例扣分"]);
    const best = await sheetRows(summary, "反馈单-民政局");
    expect(best[3]).toEqual([null, null, "无失分"]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(summary);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "排名",
      "通报",
      "自查与考核",
      ...json.units.map((u) => `反馈单-${u.unit}`),
    ]);
  });

  it("every sheet prints on A4, fitted to the width, its titles repeated", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(summary);
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      expect(ws.pageSetup.printTitlesRow).toMatch(/^1:[23]$/);
    }
  });

  it("draws a progress bar on a terminal's stderr, never with --json", async () => {
    const folder = join(dir, "各单位", "二类");
    const tty = await batch([folder], {}, true);
    expect(tty.err).toContain("3/3");
    expect(tty.err).toContain("█");
    const piped = await batch([folder], { json: true }, true);
    expect(piped.err).toBe("");
    const quiet = await batch([folder], {}, false);
    expect(quiet.err).toBe("");
  });
});

describe("kaohe batch --rounds: a 临淄 year of four quarters and 年终", { timeout: 60000 }, () => {
  // Each round's workbook is the 临淄 table, 自查 only; a round's 得分率 = 合计 / 100.
  const SCORES: Record<string, Record<string, number[]>> = {
    甲局: { Q1: [18, 19, 17, 19.5, 17.5], Q2: [16, 16, 16, 16, 16], Q3: [20, 20, 20, 20, 20], Q4: [19, 19, 19, 19, 19], 年终: [10, 10, 10, 10, 10] },
    乙局: { Q1: [20, 20, 20, 20, 20], Q2: [20, 20, 20, 20, 20], Q4: [20, 20, 20, 20, 20], 年终: [20, 20, 20, 20, 20] },
  };
  let dir: string;
  let json: BatchResult;
  let code: number;

  beforeAll(async () => {
    dir = tempDir();
    for (const [name, rounds] of Object.entries(SCORES))
      for (const [round, s] of Object.entries(rounds)) await saveUnit(dir, `${round}/${name}.xlsx`, linziGrids({ self: [...s, 0, 0] }));
    const quarters = ["第一季度", "第二季度", "第三季度", "第四季度"].map((name, i) => ({ name, path: `Q${i + 1}`, points: 20 }));
    writeFileSync(join(dir, "轮次.json"), JSON.stringify({ rounds: [...quarters, { name: "年终考核", path: "年终", points: 20 }] }));
    const r = await batch([], { json: true, rounds: join(dir, "轮次.json"), out: join(dir, "年度汇总.xlsx") });
    code = r.code;
    json = JSON.parse(r.out);
  }, 60000);

  it("composes each unit's year: Σ 得分率 × points", () => {
    expect(code).toBe(0);
    // 甲局: 0.91·20 + 0.8·20 + 1·20 + 0.95·20 + 0.5·20 = 83.2.
    const a = json.units.find((u) => u.unit === "甲局")!;
    expect(a).toMatchObject({ total: 83.2, rate: 0.832, max: 500, final: 416, grade: "良好", rank: 1, vetoed: false, warnings: 0 });
    expect(a.rounds.map((r) => [r.name, r.final, r.rate, r.contribution])).toEqual([
      ["第一季度", 91, 0.91, 18.2],
      ["第二季度", 80, 0.8, 16],
      ["第三季度", 100, 1, 20],
      ["第四季度", 95, 0.95, 19],
      ["年终考核", 50, 0.5, 10],
    ]);
  });

  it("a missing quarter counts 0, with a warning naming unit and round", () => {
    const b = json.units.find((u) => u.unit === "乙局")!;
    expect(b).toMatchObject({ total: 80, rate: 0.8, grade: "良好", rank: 2, warnings: 1 });
    expect(b.rounds[2]).toEqual({ name: "第三季度", max: 0, final: 0, rate: 0, points: 20, contribution: 0 });
    expect(json.findings.map((f) => [f.code, f.unit, f.message])).toEqual([["round_missing", "乙局", "单位“乙局”缺少“第三季度”的评分工作簿,该轮按 0 分计算"]]);
  });

  it("排名 shows the composed score and each round's contribution", async () => {
    const rows = await sheetRows(join(dir, "年度汇总.xlsx"), "排名");
    expect(rows[0]).toEqual(["考核排名(综合得分)"]);
    expect(rows[2]).toEqual(["名次", "单位", "满分", "得分", "得分率", "等次", "错误数", "备注", "第一季度(20分)", "第二季度(20分)", "第三季度(20分)", "第四季度(20分)", "年终考核(20分)"]);
    expect(rows[3]).toEqual([1, "甲局", 100, 83.2, 0.832, "良好", 0, null, 18.2, 16, 20, 19, 10]);
    expect(rows[4]).toEqual([2, "乙局", 100, 80, 0.8, "良好", 0, null, 20, 20, 0, 20, 20]);
  });
});
