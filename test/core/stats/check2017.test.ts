import { describe, expect, it } from "vitest";
import type { CellValue } from "../../../src/core/grid";
import { renderFinding, type Finding } from "../../../src/core/findings";
import { checkStatistics, detectStatistics } from "../../../src/core/stats";
import { edit, rowIndex, statsGrid, valueCell, type Triple } from "./build";
import { GENHE, WUHAI } from "./fixtures";

const check = (rows: readonly Triple[]) => checkStatistics(detectStatistics(statsGrid(rows))!);
const checkEdited = (changes: Record<string, CellValue>) => check(edit(GENHE, changes));
const codes = (fs: Finding[]) => fs.map((f) => `${f.code}@${f.cell}`);
const cellOf = (where: string) => valueCell(rowIndex(GENHE, where));
const serious = (fs: Finding[]) => fs.filter((f) => renderFinding(f).severity !== "info");

describe("checkStatistics: a consistent 2017 sheet", () => {
  it("is quiet", () => {
    expect(check(GENHE)).toEqual([]);
  });
});

describe("checkStatistics: a failure of its own", () => {
  it("becomes a check_incomplete warning for that sheet instead of a silent 'no problems'", () => {
    const table = detectStatistics(statsGrid(GENHE))!;
    const broken = { ...table, identities: [null as never] };
    expect(checkStatistics(broken).map(renderFinding).map((f) => [f.code, f.severity, f.sheet, f.cell])).toEqual([
      ["check_incomplete", "warning", table.sheet, null],
    ]);
  });
});

describe("checkStatistics: 乌海's own numbers", () => {
  const findings = check(WUHAI);

  it("flags 10 规范性文件 made public out of 7 issued, and 140 on the website out of 17 in all", () => {
    expect(serious(findings)).toEqual([
      {
        code: "stat_part_exceeds_whole",
        sheet: "统计表",
        cell: "C6",
        label: "主动公开规范性文件数",
        value: 10,
        whole: "制发规范性文件总数",
        wholeCell: "C7",
        wholeValue: 7,
      },
      {
        code: "stat_part_exceeds_whole",
        sheet: "统计表",
        cell: "C10",
        label: "政府网站公开政府信息数",
        value: 140,
        whole: "主动公开政府信息数",
        wholeCell: "C5",
        wholeValue: 17,
      },
    ]);
    expect(renderFinding(findings.find((f) => f.cell === "C10")!).message).toBe(
      "“政府网站公开政府信息数”为 140,超过了“主动公开政府信息数”(C5)的 17",
    );
  });

  it("notes its blanks, and reads 2 = (blank) + 2 兼职 as consistent", () => {
    const blanks = findings.filter((f) => f.code === "stat_blank");
    // every value cell the unit left empty, outside headings (unit "—") and free-text rows (no unit)
    const empty = WUHAI.flatMap(([, unit, value], i) => (unit !== "—" && unit !== "" && (value ?? "") === "" ? [valueCell(i)] : []));
    expect(empty).toContain("C62");
    expect(blanks.map((f) => f.cell)).toEqual(empty);
    expect(findings.filter((f) => f.code === "stat_sum_mismatch")).toEqual([]);
  });
});

describe("sums (填报说明 17, 22, 25, 40, 44, 52)", () => {
  it.each([
    ["(一)收到申请数", "1.当面申请数", "当面申请数、传真申请数、网络申请数、信函申请数"],
    ["(二)申请办结数", "2.延期办结数", "按时办结数、延期办结数"],
    ["(三)申请答复数", "8.告知通过其他途径办理数", "属于已主动公开范围数、同意公开答复数、同意部分公开答复数、不同意公开答复数、不属于本行政机关公开数、申请信息不存在数、告知作出更改补充数、告知通过其他途径办理数"],
    ["四、行政复议数量", "行政复议数量›(三)其他情形数", "维持具体行政行为数、行政复议数量·被依法纠错数、行政复议数量·其他情形数"],
    ["五、行政诉讼数量", "行政诉讼数量›(二)被依法纠错数", "维持具体行政行为或者驳回原告诉讼请求数、行政诉讼数量·被依法纠错数、行政诉讼数量·其他情形数"],
    ["(三)从事政府信息公开工作人员数", "1.专职人员数", "专职人员数、兼职人员数"],
  ])("%s must equal its parts: one more in %s is flagged at the whole", (whole, part, parts) => {
    const row = GENHE[rowIndex(GENHE, part)];
    const findings = checkEdited({ [part]: Number(row[2]) + 1 });
    const mismatch = findings.find((f) => f.code === "stat_sum_mismatch");
    expect(codes(serious(findings))).toEqual([`stat_sum_mismatch@${cellOf(whole)}`]);
    expect(mismatch).toMatchObject({ parts: parts.split("、") });
  });

  it("says the whole and the sum", () => {
    const [f] = checkEdited({ "(一)收到申请数": 10 });
    expect(renderFinding(f)).toMatchObject({
      severity: "error",
      cell: "C25",
      message: "“收到申请数”填 10,但当面申请数、传真申请数、网络申请数、信函申请数之和为 9",
      expected: 9,
      actual: 10,
    });
  });

  it("reads blanks as 0: a blank whole over filled parts is flagged, saying it is blank", () => {
    const findings = checkEdited({ "(二)申请办结数": null });
    expect(codes(findings)).toEqual(["stat_blank@C30", "stat_sum_mismatch@C30"]);
    expect(renderFinding(findings[1]).message).toBe("“申请办结数”未填写,但按时办结数、延期办结数之和为 9");
  });

  it("reads blank parts as 0 under a filled whole", () => {
    const findings = checkEdited({ "1.按时办结数": null, "2.延期办结数": null });
    expect(codes(serious(findings))).toEqual(["stat_sum_mismatch@C30"]);
  });

  it("leaves an all-blank sum alone (only the blanks are noted)", () => {
    const findings = checkEdited({ "(二)申请办结数": null, "1.按时办结数": null, "2.延期办结数": null });
    expect(serious(findings)).toEqual([]);
  });

  it("does not add up a member that is not a number; that member is reported instead", () => {
    expect(codes(checkEdited({ "1.按时办结数": "见附件" }))).toEqual(["stat_not_number@C31"]);
  });

  it("reads 17条, ' 17 ' and full-width digits as the numbers they are", () => {
    expect(checkEdited({ "(一)收到申请数": "9件", "1.当面申请数": " 4 ", "3.网络申请数": "３" })).toEqual([]);
  });

  it("skips a sum whose whole is a heading (乌海's 四、行政复议数量 —)", () => {
    const rows = edit(GENHE, { "(一)维持具体行政行为数": 5 }).map((t): Triple => (t[0] === "四、行政复议数量" ? [t[0], "—"] : t));
    expect(serious(check(rows))).toEqual([]);
  });
});

describe("the six 不同意公开 reasons add up to 不同意公开答复数", () => {
  it("once a reason is filled", () => {
    expect(codes(checkEdited({ 涉及个人隐私: 0 }))).toEqual(["stat_sum_mismatch@C37"]);
    expect(codes(checkEdited({ 涉及国家秘密: 1 }))).toEqual(["stat_sum_mismatch@C37"]);
  });

  it("but not while they are all left blank under a filled whole", () => {
    const reasons = ["涉及国家秘密", "涉及商业秘密", "涉及个人隐私", "危及国家安全", "不是《条例》", "法律法规规定的其他情形"];
    const findings = checkEdited(Object.fromEntries(reasons.map((r) => [r, null])));
    expect(serious(findings)).toEqual([]);
    expect(codes(findings)).toEqual(reasons.map((r) => `stat_blank@${cellOf(r)}`));
  });
});

describe("parts no greater than their whole", () => {
  it.each([
    ["其中:主动公开规范性文件数", 9, "制发规范性文件总数"],
    ["1.政府公报公开政府信息数", 121, "(一)主动公开政府信息数"],
    ["2.政府网站公开政府信息数", 121, "(一)主动公开政府信息数"],
    ["3.政务微博公开政府信息数", 121, "(一)主动公开政府信息数"],
    ["4.政务微信公开政府信息数", 121, "(一)主动公开政府信息数"],
    ["5.其他方式公开政府信息数", 121, "(一)主动公开政府信息数"],
    ["其中:主要负责同志参加新闻发布会次数", 4, "1.参加或举办新闻发布会总次数"],
    ["其中:主要负责同志参加政府网站在线访谈次数", 3, "2.政府网站在线访谈次数"],
    ["4.微博微信回应事件数", 6, "(一)回应公众关注热点或重大舆情数"],
    ["5.其他方式回应事件数", 6, "(一)回应公众关注热点或重大舆情数"],
  ])("%s = %j is flagged at its own cell, naming %s", (part, value, whole) => {
    const findings = checkEdited({ [part]: value });
    expect(codes(findings)).toEqual([`stat_part_exceeds_whole@${cellOf(part)}`]);
    expect(findings[0]).toMatchObject({ value, wholeCell: cellOf(whole) });
  });

  it("keeps 主动公开规范性文件数 within 主动公开政府信息数 too", () => {
    const channels = ["政府公报公开", "政府网站公开", "政务微博公开", "政务微信公开", "其他方式公开"];
    const findings = checkEdited({ "(一)主动公开政府信息数": 5, ...Object.fromEntries(channels.map((c) => [c, 0])) });
    expect(findings).toMatchObject([{ code: "stat_part_exceeds_whole", cell: "C6", value: 6, whole: "主动公开政府信息数", wholeCell: "C5" }]);
  });

  it("lets a part equal its whole", () => {
    expect(checkEdited({ "2.政府网站公开政府信息数": 120, "其中:主动公开规范性文件数": 8 })).toEqual([]);
  });

  it("leaves a part alone while its whole is blank", () => {
    expect(codes(checkEdited({ "(一)主动公开政府信息数": null }))).toEqual([`stat_blank@C5`]);
  });
});

describe("values", () => {
  it.each([
    ["1.当面申请数", 3.5, "stat_not_integer"],
    ["六、举报投诉数量", -1, "stat_not_integer"],
    ["(三)接受培训人员数", "40.5人次", "stat_not_integer"],
    ["(四)政府信息公开专项经费", 1.255, "stat_decimals"],
    ["七、依申请公开信息收取的费用", "若干", "stat_not_number"],
    ["六、举报投诉数量", "无", "stat_not_number"],
    ["六、举报投诉数量", "是", "stat_not_number"],
    ["六、举报投诉数量", null, "stat_blank"],
  ])("%s = %j → %s", (where, value, code) => {
    const findings = checkEdited({ [where]: value }).filter((f) => f.code !== "stat_sum_mismatch");
    expect(codes(findings)).toEqual([`${code}@${cellOf(where)}`]);
  });

  it.each([
    ["(四)政府信息公开专项经费", 1.25],
    ["(四)政府信息公开专项经费", "0.50万元"],
    ["(四)政府信息公开专项经费", 12],
    ["六、举报投诉数量", "0"],
    ["(三)接受培训人员数", "40人次"],
  ])("%s = %j is fine", (where, value) => {
    expect(checkEdited({ [where]: value })).toEqual([]);
  });

  it("never checks headings, whatever is typed beside them", () => {
    expect(checkEdited({ "一、主动公开情况": "见附件" })).toEqual([]);
  });

  it("renders a count that is not whole with its unit", () => {
    const [f] = checkEdited({ "(三)接受培训人员数": 40.5 });
    expect(renderFinding(f).message).toBe("“接受培训人员数”应为不小于 0 的整数(单位:人次),现为 40.5");
  });
});

describe("是/否 rows (乌海 十)", () => {
  const sectionTen = WUHAI.slice(WUHAI.findIndex(([label]) => label.startsWith("十、")));
  const checkTen = (value: CellValue) => check(edit(sectionTen, { 是否设立实体办事大厅: value }));

  it.each([["是"], ["否"], [" 是 "]])("accept %j", (value) => {
    expect(checkTen(value)).toEqual([]);
  });

  it.each([["有"], [1], ["√"], ["是的"]])("reject %j", (value) => {
    expect(codes(checkTen(value))).toEqual(["stat_not_yes_no@C5"]);
  });

  it("ask for 是 or 否 when blank", () => {
    const [f] = checkTen(null);
    expect(renderFinding(f)).toMatchObject({ severity: "info", cell: "C5", message: "“是否设立实体办事大厅”未填写;请填“是”或“否”" });
  });

  it("leave the free-text rows alone", () => {
    expect(check(edit(sectionTen, { 实体办事大厅办理事项内容: "行政审批 12 项" }))).toEqual([]);
  });
});

describe("identities are data", () => {
  it("checks whatever identity the table declares, with no code of its own", () => {
    const table = detectStatistics(statsGrid(GENHE))!;
    table.identities.push({ kind: "part", part: "applications_closed", whole: "complaints" });
    expect(codes(checkStatistics(table))).toEqual(["stat_part_exceeds_whole@C30"]);
  });
});

describe("robustness", () => {
  it("skips an identity with unknown keys and a row with an odd address, and still checks the rest", () => {
    const table = detectStatistics(statsGrid(edit(GENHE, { "(一)收到申请数": 10 })))!;
    table.rows.push({ key: "x", label: "x", name: "x", unit: "", kind: "count", cell: "not a cell", value: 3 });
    table.identities.push({ kind: "sum", whole: "nope", parts: ["x"], when: "any" });
    expect(codes(checkStatistics(table))).toEqual(["stat_sum_mismatch@C25"]);
  });
});
