import { describe, expect, it } from "vitest";
import type { Grid } from "../../../src/core/grid";
import { detectStatistics, ROWS_2017, STAT_KEYS, statValue, statisticsReport } from "../../../src/core/stats";
import { statsGrid, type Triple } from "./build";
import { GENHE, WUHAI } from "./fixtures";

const keysOf = (rows: readonly Triple[], p = {}) => detectStatistics(statsGrid(rows, p))?.rows.map((r) => r.key);

describe("detectStatistics: the 2017 统计表", () => {
  it("reads every row of 根河 附件3 to its canonical key", () => {
    const table = detectStatistics(statsGrid(GENHE));
    expect(table?.format).toBe("2017");
    const canonical = ROWS_2017.filter((d) => d.section !== "service").map((d) => d.key);
    expect(table?.rows.map((r) => r.key)).toEqual(canonical);
  });

  it("reads 乌海 附件2, wording variants and section 十 included", () => {
    expect(keysOf(WUHAI)).toEqual(ROWS_2017.map((d) => d.key));
  });

  it("gives each row its label as written, its unit, its value cell and value", () => {
    const table = detectStatistics(statsGrid(WUHAI))!;
    expect(table.rows.slice(0, 3)).toMatchObject([
      { key: "proactive", label: "一、主动公开情况", unit: "—", kind: "heading", cell: null },
      { label: "(一)主动公开政府信息数 (不同渠道和方式公开相同信息计1条)", name: "主动公开政府信息数", unit: "条", kind: "count", cell: "C5", value: "17" },
      { key: "normative_docs_published", unit: "条", cell: "C6", value: "10" },
    ]);
    expect(table.rows.find((r) => r.key === "has_service_hall")).toMatchObject({ kind: "yesno", cell: "C70", value: "否" });
    expect(table.rows.find((r) => r.key === "service_hall_items")).toMatchObject({ kind: "text" });
  });

  it("takes a row whose unit is a dash as a heading, whatever its label (乌海's 四、行政复议数量 —)", () => {
    const table = detectStatistics(statsGrid(WUHAI))!;
    expect(table.rows.find((r) => r.key === "review_total")).toMatchObject({ kind: "heading", cell: null });
    expect(detectStatistics(statsGrid(GENHE))!.rows.find((r) => r.key === "review_total")).toMatchObject({ kind: "count", cell: "C48" });
  });

  it("tells 行政复议 from 行政诉讼 by the section a repeated label stands in", () => {
    const keys = keysOf(GENHE)!;
    expect(keys.filter((k) => k?.endsWith("_corrected"))).toEqual(["review_corrected", "litigation_corrected"]);
    const table = detectStatistics(statsGrid(GENHE))!;
    expect(table.rows.filter((r) => r.key?.endsWith("_corrected")).map((r) => r.name)).toEqual([
      "行政复议数量·被依法纠错数",
      "行政诉讼数量·被依法纠错数",
    ]);
  });

  it.each([
    ["3.政务微博公开政府信息数", "published_weibo"],
    ["3.政府微博公开政府信息数", "published_weibo"],
    ["3.微博公开政府信息数", "published_weibo"],
    ["4.政 务 微 信 公开政府信息数", "published_wechat"],
    ["其中:涉及个人隐私", "refused_privacy"],
    ["涉及个人秘密的", "refused_privacy"],
    ["危及国家安全、公共安全、经济安全和社会稳定", "refused_security"],
    ["危机国家安全、公共安全、经济安全和社会稳定", "refused_security"],
    ["不是《条例》所指应公开的政府信息", "refused_not_government_info"],
    ["8.告知通过转其他途径办理数", "reply_other_channel"],
    ["4.微博微信回应件数", "weibo_wechat_responses"],
    ["5.其他方式回应数", "other_responses"],
    ["1、当面申请数", "applications_in_person"],
    ["(1)网上申请数", "applications_online"],
    ["(二)举办各类培训班数", "trainings"],
    ["  (三) 接受培训人员数", "trainees"],
    ["3.政策解读稿件发布数", "policy_interpretations"],
    ["(二)申请办结数", "applications_closed"],
    ["2.延期办结数", "closed_extended"],
    ["其中:主要负责同志参加新闻发布会次数", "press_conferences_by_head"],
    ["其中:主要负责同志参加政府网站在线访谈次数", "interviews_by_head"],
    ["(四)政府信息公开专项经费(不包括…)", "special_funds"],
    ["\uff08一\uff09收到申请数", "applications_received"],
    ["其中\uff1a涉及商业秘密", "refused_commercial_secret"],
  ])("%j is %s", (label, key) => {
    const rows: Triple[] = [["三、依申请公开情况", "——"], [label, "件"], ["六、举报投诉数量", "件"], ["七、依申请公开信息收取的费用", "万元"]];
    expect(keysOf(rows)?.[1]).toBe(key);
  });

  it("leaves a label it does not know without a key but still reads its value", () => {
    const table = detectStatistics(statsGrid([...GENHE.slice(0, 3), ["(五)政务公开专栏访问量", "次", 300]]))!;
    expect(table.rows[3]).toMatchObject({ key: null, kind: "count", cell: "C7", value: 300 });
  });

  it("finds the table at an offset, behind merged label headers and beside a 备注 column", () => {
    const p = { top: 6, left: 3, labelWidth: 2, after: ["备注"] };
    const grid = statsGrid(WUHAI, p);
    grid.cells[8][7] = "备注写在这里";
    const table = detectStatistics(grid)!;
    expect(table.rows.find((r) => r.key === "proactive_items")).toMatchObject({ cell: "G9", value: "17" });
    expect(table.rows.map((r) => r.key)).toEqual(ROWS_2017.map((d) => d.key));
  });

  it("reads labels spread over two columns (numbering in one, words in the next) and merged across them", () => {
    const grid: Grid = {
      name: "统计表",
      cells: [
        ["统计指标", null, "单位", "统计数"],
        ["三、依申请公开情况", null, "——", null],
        ["(一)", "收到申请数", "件", 3],
        [null, "1.当面申请数", "件", 3],
        ["(二)申请办结数", null, "件", 2],
      ],
      merges: [
        { top: 0, left: 0, bottom: 0, right: 1 },
        { top: 1, left: 0, bottom: 1, right: 1 },
        { top: 4, left: 0, bottom: 4, right: 1 },
      ],
    };
    const table = detectStatistics(grid)!;
    expect(table.rows.map((r) => [r.key, r.cell])).toEqual([
      ["application", null],
      ["applications_received", "D3"],
      ["applications_in_person", "D4"],
      ["applications_closed", "D5"],
    ]);
  });

  it("takes the value from wherever it was typed under a 统计数 header merged over several columns", () => {
    const grid: Grid = {
      name: "统计表",
      cells: [
        ["统计指标", "单位", "统计数", null],
        ["(一)收到申请数", "件", null, 4],
        ["1.当面申请数", "件", null, null],
        ["2.传真申请数", "件", 0, null],
      ],
      merges: [{ top: 0, left: 2, bottom: 0, right: 3 }],
    };
    expect(detectStatistics(grid)!.rows.map((r) => [r.cell, r.value])).toEqual([
      ["D2", 4],
      ["C3", null],
      ["C4", 0],
    ]);
  });

  it.each([
    [["统计指标", "单位", "统计数"]],
    [["统 计 指 标", "单 位", "统 计 数"]],
    [["指标名称", "计量单位", "数量"]],
  ] as const)("recognises the header %j", (header) => {
    expect(keysOf(GENHE, { header })).toEqual(ROWS_2017.filter((d) => d.section !== "service").map((d) => d.key));
  });

  it("stops at the signatures and notes under the table", () => {
    const table = detectStatistics(statsGrid(GENHE.slice(0, 3), { footer: ["单位负责人:  审核人:  填报人:", "(一)主动公开政府信息数"] }))!;
    expect(table.rows.map((r) => r.key)).toEqual(["proactive", "proactive_items", "normative_docs_published"]);
  });

  it.each([
    ["a score sheet", [["序号", "考核项目", "分值", "自查评分"], [1, "组织领导", 10, 9]]],
    ["an empty sheet", []],
    ["a header without 单位", [["统计指标", "统计数"], ["收到申请数", 3]]],
    ["a 指标 | 单位 | 数量 table of something else", [["指标", "单位", "数量"], ["道路里程", "公里", 30], ["绿化面积", "公顷", 12], ["路灯", "盏", 400]]],
  ])("finds nothing on %s", (_, cells) => {
    expect(detectStatistics({ name: "Sheet1", cells: cells as Grid["cells"], merges: [] })).toBeNull();
  });

  it("never throws on odd grids", () => {
    const odd = { name: "x", cells: [[null, undefined, "统计指标"], [], ["单位"]], merges: [{ top: 5, left: 5, bottom: 1, right: 1 }] };
    expect(detectStatistics(odd as unknown as Grid)).toBeNull();
  });
});

describe("statValue and statisticsReport", () => {
  const table = detectStatistics(statsGrid(GENHE))!;

  it.each([
    ["policy_interpretations", 12, "C21", "政策解读稿件发布数"],
    ["applications_closed", 9, "C30", "申请办结数"],
    ["review_corrected", 1, "C50", "行政复议数量·被依法纠错数"],
    ["litigation_corrected", 0, "C54", "行政诉讼数量·被依法纠错数"],
    ["trainings", 1, "C67", "举办各类培训班数"],
    ["trainees", 40, "C68", "接受培训人员数"],
  ])("%s is %j at %s", (key, value, cell, label) => {
    expect(statValue(table, key)).toEqual({ value, cell, label });
  });

  it("gives null for a key the sheet lacks, and a null value for a blank or a text", () => {
    const wuhai = detectStatistics(statsGrid(WUHAI))!;
    expect(statValue(wuhai, "no_such_key")).toBeNull();
    expect(statValue(wuhai, "review_total")).toBeNull();
    expect(statValue(wuhai, "trainings")).toEqual({ value: null, cell: "C67", label: "举办各类培训班数" });
    expect(statValue(wuhai, "proactive_items")?.value).toBe(17);
  });

  it("answers every key STAT_KEYS lists for 2017 on 乌海's sheet", () => {
    const wuhai = detectStatistics(statsGrid(WUHAI))!;
    const headingsThere = ["review_total", "litigation_total"]; // 乌海 marks them "—"
    const missing = STAT_KEYS["2017"].map((k) => k.key).filter((k) => statValue(wuhai, k) === null);
    expect(missing).toEqual(headingsThere);
  });

  it("reports every value cell, headings left out", () => {
    const report = statisticsReport(table);
    expect(report).toMatchObject({ kind: "statistics", sheet: "统计表", format: "2017" });
    expect(report.rows).toHaveLength(GENHE.filter(([, unit]) => unit !== "——").length);
    expect(report.rows[0]).toEqual({
      label: "(一)主动公开政府信息数    (不同渠道和方式公开相同信息计1条)",
      unit: "条",
      cell: "C5",
      value: 120,
    });
  });
});
