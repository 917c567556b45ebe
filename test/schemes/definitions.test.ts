/**
 * The definitions say what the seeds say: the points add up as printed, the 统计表 has one value
 * row per numbered 填报说明 entry, and what the text leaves implicit (修文's group cap and unit
 * classes, 临淄's weights) is declared in the scheme.
 */
import { describe, expect, it } from "vitest";
import { ANNUAL_REPORT_2021, APPLICANT_COLUMNS } from "../../src/schemes/defs/annual-report-2021";
import { GENHE_DEPARTMENT, GENHE_STATISTICS_TEMPLATE, GENHE_TOWNSHIP } from "../../src/schemes/defs/genhe";
import { GENHE_FILLING_NOTES } from "../../src/schemes/defs/statistics-2017";
import { LINZI } from "../../src/schemes/defs/linzi";
import { SUIZHOU_2021 } from "../../src/schemes/defs/suizhou";
import { WUHAI_2017 } from "../../src/schemes/defs/wuhai";
import { XIUWEN } from "../../src/schemes/defs/xiuwen";
import { SCHEMES, TEMPLATES } from "../../src/schemes/registry";
import { isItemRow, isSpanRow, type ItemRow, type ScoreRow, type ScoreSheetDef, type StatisticsSheetDef, type TemplateDef } from "../../src/schemes/template";
import { layoutTemplate } from "../../src/schemes/layout";
import { findItem } from "../../src/core/crosscheck";
import type { ItemReport } from "../../src/core/report";

function fakeItem(i: number, id: string, title: string): ItemReport {
  return { row: i + 4, id: id || null, category: null, title, kind: "scored", max: 1, rules: [], cell: `F${i + 4}`, entered: 1, score: 1, applicable: true };
}

function scoreSheet(t: TemplateDef): ScoreSheetDef {
  const s = t.sheets.find((x): x is ScoreSheetDef => x.kind === "score");
  if (!s) throw new Error(`${t.id} has no score sheet`);
  return s;
}

function statSheet(t: TemplateDef): StatisticsSheetDef {
  const s = t.sheets.find((x): x is StatisticsSheetDef => x.kind === "statistics");
  if (!s) throw new Error(`${t.id} has no statistics sheet`);
  return s;
}

const items = (t: TemplateDef): ItemRow[] => scoreSheet(t).rows.filter(isItemRow);
const numericMax = (rows: ItemRow[]) => rows.reduce((n, r) => n + (typeof r.max === "number" ? r.max : 0), 0);
/** "(N分)" amounts in a text, summed. */
const points = (s: unknown) => [...String(s ?? "").matchAll(/[((](\d+(?:\.\d+)?)分[))]/g)].reduce((n, m) => n + Number(m[1]), 0);

/** Rows grouped under the last value seen in a merged column. */
function groupBy(rows: ItemRow[], key: string): Map<string, ItemRow[]> {
  const out = new Map<string, ItemRow[]>();
  let current = "";
  for (const r of rows) {
    if (typeof r[key] === "string") current = r[key] as string;
    if (!out.has(current)) out.set(current, []);
    out.get(current)!.push(r);
  }
  return out;
}

describe("registry", () => {
  it("ids are unique and every scheme has recognition texts", () => {
    expect(new Set(TEMPLATES.map((t) => t.id)).size).toBe(TEMPLATES.length);
    for (const s of SCHEMES) {
      expect(s.match.title.length, s.id).toBeGreaterThan(0);
      expect(s.match.indicators.length, s.id).toBeGreaterThanOrEqual(5);
    }
  });

  it("sheet names are valid Excel names, unique within a template", () => {
    for (const t of TEMPLATES) {
      const names = t.sheets.map((s) => s.name);
      expect(new Set(names).size, t.id).toBe(names.length);
      for (const n of names) expect(n).toMatch(/^[^\\/?*[\]:]{1,31}$/);
    }
  });

  it("each cross-check names an item that exists in its own template", () => {
    for (const t of TEMPLATES.filter((x) => x.scheme)) {
      const reports = items(t).map((r, i) => fakeItem(i, String(r.id ?? ""), String(r.title ?? r.method)));
      for (const c of t.scheme?.crossChecks ?? []) expect(findItem(reports, c.item), `${t.id} ${c.id}`).not.toBeNull();
    }
  });
});

describe("根河 2017 (附件1, 附件2)", () => {
  it("has items 1–15 in 5 categories; 11 and 13 are 加、扣分项", () => {
    for (const t of [GENHE_TOWNSHIP, GENHE_DEPARTMENT]) {
      const rows = items(t);
      expect(rows.map((r) => r.id)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
      expect([...groupBy(rows, "category").keys()]).toEqual(["组织保障", "政府信息公开", "政策解读", "舆情回应", "推进政务公开示范点建设"]);
      expect(rows.filter((r) => r.max === "加、扣分项").map((r) => r.id)).toEqual([11, 13]);
    }
  });

  it("乡镇 adds up to 100, 部门 to 110 as published (item 9 is 30)", () => {
    expect(numericMax(items(GENHE_TOWNSHIP))).toBe(100);
    expect(numericMax(items(GENHE_DEPARTMENT))).toBe(110);
    expect(items(GENHE_DEPARTMENT)[8].max).toBe(30);
  });

  it("the two differ where the seed differs: header 自查办法/评价办法 and items 2, 3, 4, 5, 8, 9", () => {
    expect(scoreSheet(GENHE_TOWNSHIP).columns[4].header).toBe("自查办法");
    expect(scoreSheet(GENHE_DEPARTMENT).columns[4].header).toBe("评价办法");
    const a = items(GENHE_TOWNSHIP);
    const b = items(GENHE_DEPARTMENT);
    const differ = a.filter((r, i) => r.title !== b[i].title || r.method !== b[i].method || r.max !== b[i].max).map((r) => r.id);
    expect(differ).toEqual([2, 3, 4, 5, 8, 9]);
  });

  it("declares the four cross-checks of issue #3", () => {
    const checks = GENHE_TOWNSHIP.scheme!.crossChecks!;
    expect(checks.map((c) => [c.kind, c.item.id])).toEqual([
      ["units_at_most", "13"],
      ["units_at_most", "11"],
      ["deduction_per_unit", "11"],
      ["needs_positive", "5"],
    ]);
    expect(GENHE_DEPARTMENT.scheme!.crossChecks).toBe(checks);
  });

  it("统计表: one value row per numbered 填报说明 entry (58), in the same order", () => {
    const rows = statSheet(GENHE_STATISTICS_TEMPLATE).rows.filter((r) => r.unit !== "——");
    const notes = GENHE_FILLING_NOTES.paragraphs.filter((p) => /^\d+\./.test(p));
    expect(rows).toHaveLength(58);
    expect(notes).toHaveLength(58);
    const bare = (label: string) => label.replace(/^(\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、|\d+\.|其中:)/, "");
    rows.forEach((r, i) => {
      const noted = notes[i].replace(/^\d+\./, "").replace(/:.*$/, "");
      expect(bare(r.label).startsWith(noted.slice(0, 4)), `${r.label} ~ ${noted}`).toBe(true);
    });
  });
});

describe("随州高新区 2021", () => {
  const rows = items(SUIZHOU_2021);

  it("adds up to 100 and every level's “(N分)” to its rows", () => {
    expect(numericMax(rows)).toBe(100);
    for (const key of ["level1", "level2"]) {
      for (const [label, group] of groupBy(rows, key)) {
        expect(numericMax(group), `${key} ${label}`).toBe(points(label));
      }
    }
    for (const r of rows.filter((r) => r.title)) expect(points(r.title), String(r.title)).toBe(r.max);
  });

  it("has the five 一级指标 and adds 自评得分/考核得分", () => {
    expect([...groupBy(rows, "level1").keys()]).toEqual(["公开渠道(4分)", "主动公开(60分)", "依申请公开(6分)", "解读回应(15分)", "能力保障(15分)"]);
    expect(scoreSheet(SUIZHOU_2021).columns.filter((c) => c.input).map((c) => c.header)).toEqual(["自评得分", "考核得分"]);
    expect(rows).toHaveLength(38);
  });
});

describe("修文 40分", () => {
  const sheet = scoreSheet(XIUWEN);
  const sections = new Map<string, ItemRow[]>();
  let current = "";
  for (const r of sheet.rows as ScoreRow[]) {
    if (isSpanRow(r) && r.kind === "section") sections.set((current = r.span), []);
    else if (isItemRow(r)) sections.get(current)!.push(r);
  }

  it("35 base points in sections 一 24, 二 9, 三 2", () => {
    const base = [...sections].filter(([, rows]) => rows.some((r) => typeof r.max === "number"));
    expect(base.map(([name, rows]) => [name, numericMax(rows)])).toEqual([
      ["一、政务公开重点任务(24分)", 24],
      ["二、全面提升政务公开标准化规范化建设(9分)", 9],
      ["三、依申请公开办理(2分)", 2],
    ]);
  });

  it("8 bonus items capped at 5 together, 4 veto items, 4 deduction items capped at 40", () => {
    const all = items(XIUWEN);
    expect(all.filter((r) => r.max === "加分项")).toHaveLength(8);
    expect(all.filter((r) => r.max === "一票否决")).toHaveLength(4);
    const deductions = all.filter((r) => r.max === "扣分项");
    expect(deductions).toHaveLength(4);
    for (const d of deductions) expect(String(d.method)).toContain("最多扣40分");
    expect(XIUWEN.scheme!.groupCaps).toEqual([{ category: "加分指标", cap: 5 }]);
    expect(sheet.rows.some((r) => isSpanRow(r) && r.kind === "note" && r.span.includes("5分"))).toBe(true);
  });

  it("declares the unit classes whose rates item 9 gives", () => {
    expect(XIUWEN.scheme!.unitClasses).toEqual(["一类", "二类"]);
    const nine = items(XIUWEN).find((r) => r.id === 9)!;
    expect(String(nine.method)).toMatch(/一类.*0\.1分.*二类.*0\.2分/);
  });
});

describe("乌海 2017 自查评分表", () => {
  const rows = items(WUHAI_2017);

  it("has no 分值 column: the “(N分)” of the criteria add up to 100", () => {
    expect(scoreSheet(WUHAI_2017).columns.map((c) => c.header)).toEqual(["考核项目", "目标要求", "具体标准", "自查评分"]);
    expect(rows.reduce((n, r) => n + points(r.method), 0)).toBe(100);
  });

  it("each 考核项目 and 目标要求 declares the sum of its criteria", () => {
    for (const key of ["category", "title"]) {
      for (const [label, group] of groupBy(rows, key)) {
        expect(group.reduce((n, r) => n + points(r.method), 0), label).toBe(points(label));
      }
    }
  });

  it("its 统计表 has section 十 with 是/否 rows and the seed's own wording", () => {
    const labels = statSheet(WUHAI_2017).rows;
    const yesNo = labels.filter((r) => r.unit === "是/否").map((r) => r.label);
    expect(yesNo).toEqual(["(一)是否设立实体办事大厅", "(三)是否与电子监察系统联网", "(四)部门网站是否具备网上办事功能"]);
    expect(labels.map((r) => r.label)).toContain("3.政府微博公开政府信息数");
    expect(labels.map((r) => r.label)).toContain("涉及个人秘密的");
  });
});

describe("临淄 2021", () => {
  it("日常考核 80 = four quarters × 20, 年终考核 20, as weights and as rows", () => {
    const w = LINZI.scheme!.weights!;
    expect(w.map((x) => [x.category, x.points, x.periods?.length ?? 1])).toEqual([
      ["日常考核", 80, 4],
      ["年终考核", 20, 1],
    ]);
    const rows = items(LINZI);
    expect(rows.slice(0, 4).map((r) => r.max)).toEqual([20, 20, 20, 20]);
    expect(numericMax(rows)).toBe(100);
  });
});

describe("2021 年度报告 form", () => {
  const [sheet] = layoutTemplate(ANNUAL_REPORT_2021);
  const text = sheet.cells.map((r) => r.map((v) => String(v ?? "")).join("|"));

  it("section 三 has the seven applicant columns and the 四 result groups", () => {
    const header = sheet.cells.find((r) => r.includes("商业企业"))!;
    expect(header.filter((v) => APPLICANT_COLUMNS.includes(String(v)))).toEqual(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]);
    for (const label of ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "(七)总计", "四、结转下年度继续办理", "8.属于行政查询事项"])
      expect(text.some((t) => t.includes(label)), label).toBe(true);
  });

  it("section 四 has 15 value cells: 行政复议 5, 行政诉讼 2 × 5", () => {
    const last = sheet.formats[sheet.formats.length - 1];
    expect(last.filter((f) => f?.style === "input")).toHaveLength(15);
    expect(text.some((t) => t.includes("未经复议直接起诉") && t.includes("复议后起诉"))).toBe(true);
  });
});

describe("layout", () => {
  it("merges the 根河 类别 cells over their items, the title across the table", () => {
    const [sheet] = layoutTemplate(GENHE_TOWNSHIP);
    const merges = sheet.merges.map((m) => `${m.top + 1}:${m.left + 1}-${m.bottom + 1}:${m.right + 1}`).sort();
    // Row 1 title, row 2 单位, row 3 header; items 1–6 on rows 4–9, 7–12 on 10–15, 13–15 one row each.
    expect(merges).toEqual(["1:1-1:7", "10:1-15:1", "2:1-2:7", "4:1-9:1"].sort());
    expect(sheet.cells[3][0]).toBe("组织保障");
    expect(sheet.cells[16][0]).toBe("舆情回应");
  });

  it("merges 乌海's 目标要求 over its criteria inside each 考核项目", () => {
    const [sheet] = layoutTemplate(WUHAI_2017);
    const at = (text: string) => sheet.merges.find((m) => sheet.cells[m.top][m.left] === text);
    const office = at("办公室组织协调、指导、监督推进工作(10分)")!;
    expect(office.bottom - office.top).toBe(3);
    const lead = at("组织领导(20分)")!;
    expect([lead.top, lead.bottom]).toEqual([office.top - 2, office.bottom]);
    expect(at("主要负责人亲自抓(5分)")).toBeUndefined();
  });
});
