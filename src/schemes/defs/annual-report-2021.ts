/**
 * The national 政府信息公开工作年度报告 tables (格式 of 国办公开办函〔2021〕30号): section 二
 * 主动公开政府信息情况, section 三 收到和处理政府信息公开申请情况 (seven applicant columns) and
 * section 四 行政复议、行政诉讼情况, laid out on one sheet as the official form prints them.
 * Columns: A–C labels, D–J numbers (section 四 uses A–O).
 */
import { toA1 } from "../../core/grid";
import type { FormCell, FormSheetDef, TemplateDef } from "../template";

/** Section 二: [the 第二十条 item, the value headers, the rows]. */
const ACTIVE: Array<[string, string[], string[]]> = [
  ["第二十条第(一)项", ["本年制发件数", "本年废止件数", "现行有效件数"], ["规章", "行政规范性文件"]],
  ["第二十条第(五)项", ["本年处理决定数量"], ["行政许可"]],
  ["第二十条第(六)项", ["本年处理决定数量"], ["行政处罚", "行政强制"]],
  ["第二十条第(八)项", ["本年收费金额(单位:万元)"], ["行政事业性收费"]],
];

export const APPLICANT_COLUMNS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"];

/** Section 三's rows: a label spanning A–C, or a group (B) whose numbered items sit in C. */
type ApplicationRow = { label: string } | { group: string; items: string[] };

const RESULT_ROWS: ApplicationRow[] = [
  { label: "(一)予以公开" },
  { label: "(二)部分公开(区分处理的,只计这一情形,不计其他情形)" },
  {
    group: "(三)不予公开",
    items: [
      "1.属于国家秘密",
      "2.其他法律行政法规禁止公开",
      "3.危及“三安全一稳定”",
      "4.保护第三方合法权益",
      "5.属于三类内部事务信息",
      "6.属于四类过程性信息",
      "7.属于行政执法案卷",
      "8.属于行政查询事项",
    ],
  },
  { group: "(四)无法提供", items: ["1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"] },
  {
    group: "(五)不予处理",
    items: ["1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息"],
  },
  {
    group: "(六)其他处理",
    items: [
      "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
      "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
      "3.其他",
    ],
  },
  { label: "(七)总计" },
];

const REVIEW_RESULTS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];

const D = 3; // first number column (D)

class Form {
  readonly cells: FormCell[] = [];
  row = 1;
  put(col: number, value: FormCell["value"], style: FormCell["style"], toCol = col, toRow = this.row) {
    const at = toA1(this.row - 1, col);
    const to = toA1(toRow - 1, toCol);
    this.cells.push(to === at ? { at, value, style } : { at, value, style, to });
  }
  /** Blank input cells from `from` to `to` (0-based columns) on the current row. */
  inputs(from: number, to: number) {
    for (let c = from; c <= to; c++) this.put(c, null, "input");
  }
}

function buildForm(): FormCell[] {
  const f = new Form();
  f.put(0, "政府信息公开工作年度报告统计表", "title", 14);
  f.row++;
  f.put(0, "填报单位(盖章):                    统计年度:", "preamble", 14);
  f.row += 2;

  f.put(0, "二、主动公开政府信息情况", "section", 14);
  f.row++;
  for (const [item, headers, labels] of ACTIVE) {
    f.put(0, item, "header", D + 2);
    f.row++;
    f.put(0, "信息内容", "header", 2);
    if (headers.length === 1) f.put(D, headers[0], "header", D + 2);
    else headers.forEach((h, i) => f.put(D + i, h, "header"));
    f.row++;
    for (const label of labels) {
      f.put(0, label, "label", 2);
      if (headers.length === 1) f.put(D, null, "input", D + 2);
      else f.inputs(D, D + headers.length - 1);
      f.row++;
    }
  }
  f.row++;

  f.put(0, "三、收到和处理政府信息公开申请情况", "section", 14);
  f.row++;
  const top = f.row;
  f.put(0, "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)", "header", 2, top + 2);
  f.put(D, "申请人情况", "header", D + 6);
  f.row++;
  f.put(D, APPLICANT_COLUMNS[0], "header", D, top + 2);
  f.put(D + 1, "法人或其他组织", "header", D + 5);
  f.put(D + 6, APPLICANT_COLUMNS[6], "header", D + 6, top + 2);
  f.row++;
  APPLICANT_COLUMNS.slice(1, 6).forEach((h, i) => f.put(D + 1 + i, h, "header"));
  f.row++;
  const line = (label: string) => {
    f.put(0, label, "label", 2);
    f.inputs(D, D + 6);
    f.row++;
  };
  line("一、本年新收政府信息公开申请数量");
  line("二、上年结转政府信息公开申请数量");
  const resultCount = RESULT_ROWS.reduce((n, r) => n + ("items" in r ? r.items.length : 1), 0);
  f.put(0, "三、本年度办理结果", "label", 0, f.row + resultCount - 1);
  for (const r of RESULT_ROWS) {
    if ("label" in r) {
      f.put(1, r.label, "label", 2);
      f.inputs(D, D + 6);
      f.row++;
      continue;
    }
    f.put(1, r.group, "label", 1, f.row + r.items.length - 1);
    for (const item of r.items) {
      f.put(2, item, "label");
      f.inputs(D, D + 6);
      f.row++;
    }
  }
  line("四、结转下年度继续办理");
  f.row++;

  f.put(0, "四、政府信息公开行政复议、行政诉讼情况", "section", 14);
  f.row++;
  const head = f.row;
  f.put(0, "行政复议", "header", 4);
  f.put(5, "行政诉讼", "header", 14);
  f.row++;
  REVIEW_RESULTS.forEach((h, i) => f.put(i, h, "header", i, head + 2));
  f.put(5, "未经复议直接起诉", "header", 9);
  f.put(10, "复议后起诉", "header", 14);
  f.row++;
  for (let i = 0; i < 10; i++) f.put(5 + i, REVIEW_RESULTS[i % 5], "header");
  f.row++;
  f.inputs(0, 14);
  return f.cells;
}

const sheet: FormSheetDef = {
  kind: "form",
  name: "年度报告统计表",
  widths: [12, 12, 40, 10, 10, 10, 12, 12, 10, 10, 10, 10, 10, 10, 10],
  cells: buildForm(),
};

export const ANNUAL_REPORT_2021: TemplateDef = {
  id: "annual-report-2021",
  name: "政府信息公开工作年度报告统计表(2021年格式)",
  source: "国务院办公厅政府信息与政务公开办公室关于印发《中华人民共和国政府信息公开工作年度报告格式》的通知(国办公开办函〔2021〕30号)",
  sheets: [sheet],
};
