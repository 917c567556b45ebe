import { describe, expect, it } from "vitest";
import {
  classFromFolders,
  collect,
  compareClasses,
  failedEntry,
  gradeOf,
  isClassFolder,
  normalizeClass,
  parseGrades,
  parseRounds,
  rankScores,
  shortTitle,
  DEFAULT_GRADES,
  type WorkbookEntry,
} from "../../src/collect";
import { OptionError } from "../../src/core/errors";

/** An entry as read from a workbook: `final` of `max`, in a round, for a unit. */
function entry(o: Partial<WorkbookEntry> & { file: string }): WorkbookEntry {
  return {
    folders: [],
    round: null,
    unitName: null,
    unitClass: null,
    failure: null,
    scored: true,
    column: "自查评分",
    max: 100,
    final: 0,
    vetoed: false,
    findings: [],
    lost: [],
    compare: [],
    compareColumns: null,
    statistics: null,
    ...o,
  };
}

describe("ranks: ties to two decimals share a rank, the next skips; vetoed units last", () => {
  const ranks = (xs: Array<number | [number, "veto"]>) => rankScores(xs.map((x) => (Array.isArray(x) ? { score100: x[0], vetoed: true } : { score100: x, vetoed: false })));

  it.each<[string, Array<number | [number, "veto"]>, number[]]>([
    ["1, 2, 2, 4", [95, 90, 90, 85], [1, 2, 2, 4]],
    ["equal to two decimals", [90.004, 89.996, 80], [1, 1, 3]],
    ["0.01 apart", [90.01, 90, 80], [1, 2, 3]],
    ["a vetoed unit after all others, whatever its score", [[100, "veto"], 80, 70], [3, 1, 2]],
    ["vetoed units ranked among themselves", [[50, "veto"], 60, [70, "veto"], [70, "veto"]], [4, 1, 2, 2]],
  ])("%s", (_, xs, expected) => expect(ranks(xs)).toEqual(expected));
});

describe("等次 from the bands on the 100-point scale", () => {
  it("reads --grades, highest band first, full-width punctuation too", () => {
    expect(parseGrades("合格:60,优秀:90,良好:80")).toEqual(DEFAULT_GRADES);
    expect(parseGrades("优秀:95,称职:60")).toEqual([
      { name: "优秀", min: 95 },
      { name: "称职", min: 60 },
    ]);
  });

  it.each([
    ["优秀90", "--grades 中的“优秀90”看不懂;格式如“优秀:90,良好:80,合格:60”"],
    ["优秀:120", "--grades 中“优秀”的分数线 120 超过 100(按百分制)"],
    ["优秀:90,优秀:80", "--grades 中有重复的等次名称"],
    ["优秀:90,良好:90", "--grades 中有两个等次的分数线相同"],
    ["", "--grades 为空;格式如“优秀:90,良好:80,合格:60”"],
  ])("rejects %j in Chinese", (text, message) => {
    expect(() => parseGrades(text)).toThrow(OptionError);
    expect(() => parseGrades(text)).toThrow(message);
  });

  it.each<[number, boolean, string]>([
    [100, false, "优秀"],
    [90, false, "优秀"],
    [89.99, false, "良好"],
    [80, false, "良好"],
    [60, false, "合格"],
    [59.99, false, "不合格"],
    [105, true, "不合格"],
  ])("%d%s → %s", (score, vetoed, grade) => expect(gradeOf(score, vetoed, DEFAULT_GRADES)).toBe(grade));

  it("a band at 0 is the lowest, and a veto gets it", () => {
    const g = parseGrades("好:80,中:60,差:0");
    expect(gradeOf(10, false, g)).toBe("差");
    expect(gradeOf(99, true, g)).toBe("差");
  });
});

describe("classes named by folders", () => {
  it.each(["一类", "二类单位", "A类", "Ａ类", "b类", "甲类", "乡镇", "街道", "部门", "县直部门", "乡镇(街道)"])("%s is a class", (name) =>
    expect(isClassFolder(name)).toBe(true),
  );
  it.each(["Q1", "第一季度", "2024年", "年终", "一类考核材料汇总", "新建文件夹"])("%s is not", (name) => expect(isClassFolder(name)).toBe(false));

  it("one spelling per class; the nearest folder that names one", () => {
    expect(normalizeClass("一类单位")).toBe("一类");
    expect(normalizeClass("ａ类")).toBe("A类");
    expect(normalizeClass("二类考核单位")).toBe("二类");
    expect(normalizeClass("乡镇")).toBe("乡镇");
    expect(classFromFolders(["2024年", "部门", "一类", "第一批"])).toBe("一类");
    expect(classFromFolders(["2024年", "第一批"])).toBeNull();
  });

  it("orders 一类 before 二类 before 三类 (Unicode puts 三 before 二), none last", () => {
    expect(["三类", null, "二类", "B类", "十一类", "一类", "A类"].sort(compareClasses)).toEqual(["一类", "A类", "二类", "B类", "三类", "十一类", null]);
  });
});

describe("rounds file", () => {
  it("reads the rounds", () => {
    expect(parseRounds({ rounds: [{ name: "第一季度", path: "Q1", points: 20 }] })).toEqual([{ name: "第一季度", path: "Q1", points: 20 }]);
  });
  it.each<[unknown, string]>([
    [{}, "轮次文件应为"],
    [{ rounds: [{ path: "Q1", points: 20 }] }, "轮次文件第 1 个轮次缺少名称(name)"],
    [{ rounds: [{ name: "第一季度", points: 20 }] }, "轮次“第一季度”缺少文件夹(path)"],
    [{ rounds: [{ name: "第一季度", path: "Q1", points: "20" }] }, "轮次“第一季度”的分值(points)应为正数"],
    [
      {
        rounds: [
          { name: "A", path: "Q1", points: 20 },
          { name: "A", path: "Q2", points: 20 },
        ],
      },
      "轮次文件中有重复的轮次名称",
    ],
  ])("rejects %j", (json, message) => expect(() => parseRounds(json)).toThrow(message));
});

describe("collect: units, composed rounds, findings", () => {
  const ROUNDS = [
    { name: "第一季度", path: "Q1", points: 20 },
    { name: "第二季度", path: "Q2", points: 20 },
    { name: "年终考核", path: "年终", points: 60 },
  ];

  it("composes Σ 得分率 × points; a missing round counts 0 with a warning naming unit and round; a veto in any round vetoes", () => {
    const entries = [
      entry({ file: "Q1/甲.xlsx", round: "第一季度", final: 90 }),
      entry({ file: "Q2/甲.xlsx", round: "第二季度", max: 50, final: 40 }),
      entry({ file: "年终/甲.xlsx", round: "年终考核", final: 70 }),
      entry({ file: "Q1/乙.xlsx", round: "第一季度", final: 100 }),
      entry({ file: "年终/乙.xlsx", round: "年终考核", final: 100 }),
      entry({ file: "Q1/丙.xlsx", round: "第一季度", final: 100 }),
      entry({ file: "Q2/丙.xlsx", round: "第二季度", final: 0, vetoed: true }),
      entry({ file: "年终/丙.xlsx", round: "年终考核", final: 100 }),
    ];
    const { result, detail } = collect(entries, { rounds: ROUNDS });
    const u = (name: string) => result.units.find((x) => x.unit === name)!;
    // 甲: 0.9 × 20 + 0.8 × 20 + 0.7 × 60 = 18 + 16 + 42 = 76.
    expect(u("甲")).toMatchObject({ max: 250, final: 200, total: 76, rate: 0.76, vetoed: false, grade: "合格", rank: 2, warnings: 0 });
    expect(u("甲").rounds).toEqual([
      { name: "第一季度", max: 100, final: 90, rate: 0.9, points: 20, contribution: 18 },
      { name: "第二季度", max: 50, final: 40, rate: 0.8, points: 20, contribution: 16 },
      { name: "年终考核", max: 100, final: 70, rate: 0.7, points: 60, contribution: 42 },
    ]);
    // 乙: no 第二季度 → 20 + 0 + 60 = 80.
    expect(u("乙")).toMatchObject({ total: 80, grade: "良好", rank: 1, warnings: 1 });
    expect(u("乙").rounds[1]).toEqual({ name: "第二季度", max: 0, final: 0, rate: 0, points: 20, contribution: 0 });
    expect(result.findings.filter((f) => f.code === "round_missing")).toEqual([
      { severity: "warning", code: "round_missing", file: null, unit: "乙", sheet: null, cell: null, message: "单位“乙”缺少“第二季度”的评分工作簿,该轮按 0 分计算" },
    ]);
    // 丙: vetoed in 第二季度 → vetoed for the year, last, 不合格.
    expect(u("丙")).toMatchObject({ vetoed: true, total: 0, grade: "不合格", rank: 3 });
    expect(result.units.map((x) => x.unit)).toEqual(["乙", "甲", "丙"]);
    expect(detail.classes).toHaveLength(1);
    expect(detail.classes[0]).toMatchObject({ unitClass: null, units: 3, passed: 2, passRate: 0.666667 });
    expect(detail.classes[0].failed).toEqual([{ unit: "丙", total: 0, score100: 0, reason: "一票否决" }]);
  });

  it("an unreadable file is an error finding with its message; it joins the unit of its file name", () => {
    const entries = [
      entry({ file: "一类/县水利局.xlsx", final: 80 }),
      failedEntry({ file: "一类/县水利局(补报).xlsx" }, "“县水利局(补报).xlsx”已损坏或不是有效的 .xlsx 工作簿,无法读取"),
      failedEntry({ file: "一类/县水利局.xls" }, "“县水利局.xls”是旧版格式(.xls),请在 Excel 或 WPS 中“另存为”Excel 工作簿(.xlsx)后再检查"),
    ];
    const { result } = collect(entries);
    expect(result.units).toHaveLength(1);
    expect(result.units[0]).toMatchObject({ unit: "县水利局", files: ["一类/县水利局.xlsx", "一类/县水利局.xls"], errors: 1, final: 80 });
    expect(result.findings.map((f) => [f.code, f.file, f.unit, f.severity])).toEqual([
      ["file_unusable", "一类/县水利局(补报).xlsx", null, "error"],
      ["file_unusable", "一类/县水利局.xls", "县水利局", "error"],
    ]);
  });

  it("the class: the sheet's, else the nearest folder that names one, else none", () => {
    const { result } = collect([
      entry({ file: "一类/a.xlsx", folders: ["汇总", "一类"], unitName: "甲局", unitClass: "二类单位", final: 90 }),
      entry({ file: "一类/b.xlsx", folders: ["汇总", "一类"], unitName: "乙局", final: 80 }),
      entry({ file: "c.xlsx", folders: ["汇总"], unitName: "丙局", final: 70 }),
    ]);
    expect(result.units.map((u) => [u.unit, u.unitClass, u.rank])).toEqual([
      ["乙局", "一类", 1],
      ["甲局", "二类", 1],
      ["丙局", null, 1],
    ]);
  });

  it("two score workbooks of one unit in one round are added up, with a warning", () => {
    const { result } = collect([entry({ file: "a.xlsx", unitName: "甲局", final: 40, max: 50 }), entry({ file: "b.xlsx", unitName: "甲局", final: 45, max: 50 })]);
    expect(result.units[0]).toMatchObject({ max: 100, final: 85, rate: 0.85, warnings: 1 });
    expect(result.findings[0].message).toBe("单位“甲局”有 2 个评分工作簿(a.xlsx、b.xlsx),得分已合并计算;请确认是否重复报送");
  });

  it("a statistics-only unit is listed but not ranked or graded", () => {
    const { result } = collect([entry({ file: "a.xlsx", final: 90 }), entry({ file: "统计.xlsx", scored: false, max: 0 })]);
    expect(result.units.map((u) => [u.unit, u.rank, u.grade])).toEqual([
      ["a", 1, "优秀"],
      ["统计", null, null],
    ]);
  });

  it("flags units whose 统计表 numbers are identical (年报雷同)", () => {
    const stats = { sheet: "统计表", values: "2017:|156|3|4|12|150" };
    const { result, detail } = collect([
      entry({ file: "a.xlsx", unitName: "甲局", final: 90, statistics: stats }),
      entry({ file: "b.xlsx", unitName: "乙局", final: 90, statistics: { ...stats } }),
      entry({ file: "c.xlsx", unitName: "丙局", final: 90, statistics: { sheet: "统计表", values: "2017:|156|3|4|12|151" } }),
    ]);
    expect(detail.identical).toEqual([{ round: null, units: ["甲局", "乙局"], files: ["a.xlsx", "b.xlsx"] }]);
    expect(result.findings.filter((f) => f.code === "stats_identical").map((f) => [f.unit, f.file, f.sheet, f.message])).toEqual([
      ["甲局", "a.xlsx", "统计表", "统计表的数字与“乙局”完全相同(年报雷同),请核实"],
      ["乙局", "b.xlsx", "统计表", "统计表的数字与“甲局”完全相同(年报雷同),请核实"],
    ]);
    expect(result.units.find((u) => u.unit === "丙局")!.warnings).toBe(0);
    expect(result.units.find((u) => u.unit === "甲局")!.warnings).toBe(1);
  });
});

describe("short indicator titles for the 通报 lines (失分较多, terminal and preview)", () => {
  it.each([
    ["加大政府信息数据开放力度(1)根据《政府信息公开条例》要求", "加大政府信息数据开放力度"],
    ["第三季度日常考核:1.信息公开的全面化;2.信息公开的规范性", "第三季度日常考核"],
    ["分解落实工作任务,对科室、下属单位政务公开工作任务进行分解", "分解落实工作任务"],
    ["网上政务平台", "网上政务平台"],
    ["按照修文县全面推进基层政务公开标准化规范化相关要求按时公开", "按照修文县全面推进基层政务公开标准化规…"],
    ["(1)根据《政府信息公开条例》要求加大政府信息数据开放力度", "(1)根据《政府信息公开条例》要求加大…"],
    ["公开\n指南", "公开 指南"],
    // a preamble citing where the duty comes from names nothing: the clause after it does
    ["按照政府信息公开条例的有关要求,及时维护网站各类栏目或报送资料到政府办信息科", "及时维护网站各类栏目或报送资料到政府办…"],
    ["根据《政府信息公开条例》规定,按时发布年度报告", "按时发布年度报告"],
    // not a preamble: it says what is done
    ["按照要求开展培训,每年不少于2次", "按照要求开展培训"],
    ["根据查看文件评分", "根据查看文件评分"],
  ])("%s → %s", (title, short) => {
    expect(shortTitle(title)).toBe(short);
    expect(shortTitle(title).length).toBeLessThanOrEqual(20);
  });
});
