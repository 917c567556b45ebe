import { it } from "vitest";
import { read, sheet, down } from "./build";
const tables: Record<string, [any, number, Record<number, any>]> = {
  propaganda: [sheet(4, [
    "2020 年度全区党风廉政宣传教育工作考核评分表",
    ["考核指标", "考核内容", "评分标准", "自评分"],
    ["一、组织领导(5分)", "1、健全机制(2分)", "(1)建立健全党风廉政宣教工作领导小组, 明确 1 名班子成员负责该项工作(1分)。 (2)建立健全大宣教工作机制,形成工作合 力,制订修订相应工作办法(1分)。", null],
    [null, "2、工作部署(3分)", "制定年度工作要点,安排重点工作内容,有 计划推进年度工作,班子会议定期研究宣教 工作(3分)。在市以上会议交流宣教工作 经验加 5 分,区级加 3 分。", null],
  ], [down("A", 3, 4)]), 3, { 3: 1, 4: 8 }],
};
for (const [k, [g, col, fill]] of Object.entries(tables)) {
  it(k, () => {
    for (const [row, v] of Object.entries(fill)) g.cells[Number(row) - 1][col] = v;
    const r = read(g);
    console.log(k, JSON.stringify({ items: r.items, titles: r.titles.map((t) => t.slice(0, 12)), cats: r.categories, total: r.total, findings: r.findings, cols: r.report.columns, rules: r.report.items.map((i) => i.rules.map((x: any) => [x.kind, x.step ?? x.points ?? x.cap ?? null, x.unit ?? null, x.cap ?? null, x.text])) }));
  });
}
