/**
 * "Real office" workbooks, as specs (see spec.ts for the format), each named after what it
 * guards. The score table is on the sheet 评分表 unless said otherwise; `expected` says where
 * the plan must put the 核算得分 column, the final and the 核算结果 sheet. Every host is held to
 * the same corpus: nothing that held anything may change, except what the plan lists.
 */
import type { CellValue } from "../../src/core/grid";
import type { SheetSpec, SpecCell, WorkbookSpec } from "./spec";

export interface Expected {
  /** The range of the 核算得分 column on 评分表, null when none may be written. */
  column: string | null;
  /** The cell of the labelled final below a table without 合计 (null when it may not be written; absent when the table has 合计). */
  final?: string | null;
  /** The name of the sheet the plan writes its 核算结果 into. */
  resultSheet: string;
}

export interface CorpusCase extends WorkbookSpec {
  expected: Expected;
}

const HEADER: CellValue[] = ["序号", "考核内容", "分值", "评分标准", "得分"];
const TITLE = "2023年度政务公开工作考核评分表";
const RESULT_HEADER_TEXT = "核算得分";

/** Four items (A–E), title on row 1 merged over `titleWidth` columns, header on row 2. */
function scoreRows(scores: SpecCell[] = [10, 10, 5, 5]): SpecCell[][] {
  return [
    [TITLE],
    [...HEADER],
    [1, "组织领导", 10, "未成立领导小组扣5分;未明确分管领导扣5分", scores[0]],
    [2, "主动公开", 10, "每发现一件未公开扣2分,扣完为止", scores[1]],
    [3, "依申请公开", 5, "超期答复每件扣1分", scores[2]],
    [4, "监督保障", 5, "未按时发布年度报告扣5分", scores[3]],
  ];
}

const totalRow = (typed: SpecCell): SpecCell[] => ["合计", null, 30, null, typed];

/** Appends cells to row `r` starting at column `col` (0-based), padding with null. */
function withCells(rows: SpecCell[][], r: number, col: number, cells: SpecCell[]): SpecCell[][] {
  const row = rows[r] ?? (rows[r] = []);
  while (row.length < col) row.push(null);
  cells.forEach((c, i) => (row[col + i] = c));
  return rows;
}

const sheet = (rows: SpecCell[][], extra: Omit<SheetSpec, "name" | "rows"> = {}): SheetSpec => ({
  name: "评分表",
  rows,
  ...extra,
  merges: ["A1:E1", ...(extra.merges ?? [])],
});

function helperFormulas(): WorkbookSpec {
  const rows = [...scoreRows(), totalRow(30)];
  for (let r = 2; r <= 5; r++) {
    const n = r + 1;
    withCells(rows, r, 5, [
      { f: `=IF(E${n}>C${n},"超分","")`, v: "" },
      { f: `=C${n}-E${n}`, v: 0 },
      { f: `=E${n}>C${n}`, v: false },
    ]);
  }
  withCells(rows, 6, 5, [{ f: `=IF(E7<>SUM(E3:E6),"合计有误","")`, v: "" }, { f: "=SUM(G3:G6)", v: 0 }]);
  return {
    name: "helper-formulas-right-of-table",
    guards: "helper columns right of the table whose formulas show \"\", 0 and FALSE are not free",
    sheets: [sheet(rows)],
  };
}

export const CORPUS: CorpusCase[] = [
  { ...helperFormulas(), expected: { column: "I2:I7", resultSheet: "核算结果" } },
  {
    name: "merged-signature-line-below-table",
    guards: "without 合计, the merged 填表人/审核人/日期 line right below the table keeps its text",
    sheets: [
      sheet([...scoreRows(), ["填表人:张三        审核人:李四        日期:2023年12月"]], { merges: ["A7:F7"] }),
    ],
    expected: { column: "F2:F6", final: null, resultSheet: "核算结果" },
  },
  {
    name: "merged-note-below-table",
    guards: "without 合计, a merged 注 paragraph right below the table (wider than it) keeps its text",
    sheets: [
      sheet([...scoreRows(), ["注:1.本表由各单位自查后填写;2.得分栏保留一位小数;3.加分项需附佐证材料。"]], { merges: ["A7:H7"] }),
    ],
    expected: { column: "F2:F6", final: null, resultSheet: "核算结果" },
  },
  {
    name: "signature-line-within-table-width",
    guards: "without 合计, a signature line merged only over the table leaves the cell beside it free: the final goes there",
    sheets: [sheet([...scoreRows(), ["填表人:张三        审核人:李四"]], { merges: ["A7:E7"] })],
    expected: { column: "F2:F7", final: "F7", resultSheet: "核算结果" },
  },
  {
    name: "score-formula-evaluating-to-0",
    guards: "a score cell whose formula shows 0 scores 0: no score_missing, no mark",
    sheets: [sheet([...scoreRows([10, 10, 5, { f: "=MAX(0,C6-5)", v: 0 }]), totalRow(25)])],
    expected: { column: "F2:F7", resultSheet: "核算结果" },
  },
  {
    name: "user-fills-on-marked-cells",
    guards: "marked cells get back the user's own fill (yellow, the blue of entry cells, even Excel's 差 style pink) once fixed",
    sheets: [
      sheet([...scoreRows([12, 10, null, 9]), totalRow(30)], {
        fills: { E3: "#FFFF00", E4: "#DDEBF7", E5: "#DDEBF7", E6: "#FFC7CE" },
      }),
    ],
    expected: { column: "F2:F7", resultSheet: "核算结果" },
  },
  {
    name: "user-sheet-named-result",
    guards: "a sheet of the user's named 核算结果 (even one that looks like our record) is never touched; ours is 核算结果(2)",
    sheets: [
      sheet([...scoreRows([12, 10, 5, 5]), totalRow(32)]),
      {
        name: "核算结果",
        rows: [
          ["2022年度考核核算结果(办公室整理)"],
          ["级别", "工作表", "单元格", "代码", "说明", "已标记"],
          ["错误", "评分表", "E4", "人工", "去年此项扣分", "是"],
        ],
      },
    ],
    expected: { column: "F2:F7", resultSheet: "核算结果(2)" },
  },
  {
    name: "categories-beginning-with-equals",
    guards: "categories and titles that begin with = + - @ are written as text, never formulas",
    sheets: [
      {
        name: "评分表",
        rows: [
          [TITLE],
          ["类别", "序号", "考核内容", "分值", "评分标准", "得分"],
          ["=组织领导(20分)", 1, "=成立领导小组", 10, "未成立扣10分", 10],
          [null, 2, "-制定工作要点", 10, "未制定扣10分", 10],
          ["+加分项", 3, "@获得表彰", "加分项", "每次加1分,最高不超过2分", 3],
          ["合计", null, null, 20, null, 23],
        ],
        merges: ["A1:F1", "A3:A4"],
      },
    ],
    expected: { column: "G2:G6", resultSheet: "核算结果" },
  },
  {
    name: "user-note-in-column-right-of-table",
    guards: "a cell holding only a note of the user's is not free",
    sheets: [sheet([...scoreRows(), totalRow(30)], { notes: { F4: "此项佐证材料待补充(王)" } })],
    expected: { column: "G2:G7", resultSheet: "核算结果" },
  },
  {
    name: "user-column-headed-result",
    guards: "a column the user headed 核算得分 (their own numbers, no record of ours) is the user's",
    sheets: [
      sheet(
        withCells(withCells(withCells([...scoreRows([10, 8, 5, 5]), totalRow(28)], 1, 5, ["核算得分"]), 3, 5, [9]), 6, 5, [29]),
      ),
    ],
    expected: { column: "G2:G7", resultSheet: "核算结果" },
  },
  {
    name: "no-free-column-nearby",
    guards: "when the ten columns right of the table all hold something, no column is invented: scores go to 核算结果 only",
    sheets: [
      sheet(
        (() => {
          const rows = [...scoreRows(), totalRow(30)];
          for (let r = 1; r <= 6; r++) for (let c = 5; c < 15; c++) withCells(rows, r, c, [{ f: `=IF(ROW()>${r + c},"x","")`, v: "" }]);
          return rows;
        })(),
      ),
    ],
    expected: { column: null, resultSheet: "核算结果" },
  },
  {
    name: "column-of-an-earlier-version",
    guards: "a 核算得分 column an older version wrote (its 核算结果 has no 核算得分位置 record) is reused, not doubled",
    sheets: [
      sheet(
        (() => {
          // Since that run the clerk changed 主动公开 from 10 to 8: the old column is stale.
          const rows = [...scoreRows([12, 8, 5, 5]), totalRow(32)];
          [RESULT_HEADER_TEXT, 10, 10, 5, 5, 30].forEach((v, i) => withCells(rows, i + 1, 5, [v]));
          return rows;
        })(),
        { fills: { E3: "#FFC7CE" }, notes: { E3: "【考核计分助手】\n错误:得分 12 超过分值 10" } },
      ),
      {
        name: "核算结果",
        rows: [
          ["核算结果(考核计分助手生成;重新计算时本表整体更新,请勿在此填写)"],
          ["文件", "评分表.xlsx", "评分列", "得分"],
          [],
          ["级别", "工作表", "单元格", "代码", "说明", "已标记"],
          ["错误", "评分表", "E3", "score_over_max", "得分 12 超过分值 10", "是"],
          ["错误", "评分表", "E3", "total_mismatch", "……", "是"],
        ],
      },
    ],
    expected: { column: "F2:F7", resultSheet: "核算结果" },
  },
  {
    name: "summary-sheet-with-stale-formula",
    guards: "a summary sheet (汇总) is never scored nor given a column; its stale formula cell is marked over the user's fill, its value and formula never touched",
    sheets: [
      sheet([...scoreRows([10, 8, 5, 5]), totalRow({ f: "=SUM(E3:E6)", v: 28 })]),
      {
        name: "考核汇总",
        rows: [
          ["2023年度考核得分汇总表"],
          ["序号", "考核项目", "满分", "得分"],
          [1, "评分表", { f: "='评分表'!C7", v: 30 }, { f: "='评分表'!E7", v: 30 }],
        ],
        merges: ["A1:D1"],
        fills: { D3: "#FFFF00" },
      },
    ],
    expected: { column: "F2:F7", resultSheet: "核算结果" },
  },
];

/** The corpus case of this name. */
export function corpusCase(name: string): CorpusCase {
  const c = CORPUS.find((x) => x.name === name);
  if (!c) throw new Error(`no corpus case ${name}`);
  return c;
}
