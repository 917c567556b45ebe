/**
 * Workbooks the live formulas are proven on: the seed layouts, the corpus tables, layouts built
 * here for each semantic (小计, 扣分 column, capped sections, 合计 before 附加分, no 合计 row, a
 * table read by a column mapping), and edits a clerk makes after 写回 (over a cap, a veto, a bonus
 * group overflowing, 不适用, everything cleared).
 */
import type { CellValue, Grid } from "../../src/core/grid";
import { gridOf } from "../helpers/grid";
import { genheDepartment, genheTownship, xiuwenGrid } from "../helpers/seeds";
import { wuhaiGrid } from "../helpers/wuhai";
import { countyDepartment } from "../corpus/tables";
import { suizhouPaste } from "../corpus/suizhou-paste";
import { down, sheet } from "../corpus/build";
import { mappingRows, type ColumnMapping } from "../../src/core/mapping";
import { MAPPING_SHEET } from "../../src/footprint";
import type { ScoreSheetReport } from "../../src/core/report";
import { adjustLimits } from "../../src/core/score";
import type { ScoreTable } from "../../src/core/layout/detect";

export interface Case {
  name: string;
  grids: Grid[];
}

const GENHE_FULL = [6, 16, 8, 5, 5, 5, 5, 8, 20, 8, 4, 5, 6, 4, 5];

/** A sheet whose header words the engine does not know: readable only through a column mapping. */
export function unknownHeaderSheet(entries: CellValue[] = [8, 4, "不适用", 2]): Grid {
  return gridOf(
    [
      ["某县政务公开工作量化表"],
      ["栏目", "事项说明", "满分数", "计分口径", "本单位填报"],
      ["公开", "主动公开政策文件", 10, "每缺一件扣1分", entries[0]],
      ["公开", "公开年度报告", 5, "未按时发布扣5分", entries[1]],
      ["解读", "政策解读", 5, "每缺一篇扣1分", entries[2]],
      ["加分", "经验被推广", "加分项", "每次加1分,最高不超过3分", entries[3]],
      ["合计", null, 20, null, null],
    ],
    ["A1:E1"],
    "量化表",
  );
}

export const UNKNOWN_MAPPING: ColumnMapping = { sheet: "量化表", headerRow: 2, title: "B", max: "C", method: "D", category: "A", id: null, scores: ["E"] };

/** The mapping stored in the workbook, as the pane writes it. */
export const mappingGrid = (mappings: ColumnMapping[]): Grid => ({ ...gridOf(mappingRows(mappings), [], MAPPING_SHEET), hidden: true });

/** Layouts for each semantic the formulas express. */
export function layoutCases(): Case[] {
  return [
    { name: "seed-genhe-township", grids: [genheTownship(GENHE_FULL.map((v, i) => (i === 10 ? 4 : i === 12 ? -2 : v)))] },
    { name: "seed-genhe-department", grids: [genheDepartment([6, 12, 8, "5分", 5, 5, 5, 8, 25, 8, 12, 5, 14, 4, "不适用"])] },
    { name: "seed-xiuwen", grids: [xiuwenGrid({ "2": "不适用", "13": 3, "14": 4, "15": 1, "17": 5, "18": 0.4 })] },
    { name: "seed-wuhai", grids: [wuhaiGrid({ 2: "２分", 4: " 3 " })] },
    { name: "corpus-county-department", grids: [countyDepartment()] },
    { name: "corpus-suizhou-paste", grids: [suizhouPaste({ score: [5, 4, 3, 2, 1, "不适用", 6, 2, 0, 1, 3] }).grid] },
    {
      name: "subtotals",
      grids: [
        sheet(
          5,
          [
            ["考核项目", "考核内容", "分值", "评分标准", "自评得分"],
            ["组织领导", "领导小组", 5, "未成立扣5分", 5],
            [null, "工作要点", 5, "未制定扣5分", 4],
            [null, "小计", 10, null, 9],
            ["信息公开", "主动公开", 20, "每缺一项扣2分", 18],
            [null, "依申请公开", 10, "超期每件扣5分", 10],
            [null, "小计", 30, null, 28],
            ["总计", null, 40, null, 37],
          ],
          [down("A", 2, 4), down("A", 5, 7)],
        ),
      ],
    },
    {
      name: "sections-bonus-deduct-veto",
      grids: [
        sheet(5, [
          ["序号", "考核内容", "分值", "考核标准", "考核组评分"],
          "一、基础工作(60分)",
          [1, "政府信息主动公开", 30, "公文超期公开每条扣5分", 25],
          [2, "政府信息公开年度报告", 30, "未按时备案扣5分;未及时公开扣5分", 30],
          "二、加分项(最多加5分)",
          [1, "承办全市政务公开现场会", null, "承办市级现场会加3分", 3],
          [2, "经验做法被上级采用", null, "每条加1分", 4],
          [null, "加分合计", null, null, 5],
          "三、扣分项",
          [1, "被市政府通报批评", null, "每次扣2分", 2],
          "四、一票否决",
          [1, "发生失泄密事件", null, "发生泄密事件的,实行一票否决", "否"],
          ["得分合计", null, null, null, 58],
        ]),
      ],
    },
    {
      name: "deduction-section-cap",
      grids: [
        gridOf(
          [
            ["序号", "考核内容", "分值", "评分标准", "得分"],
            [1, "基础工作", 40, "", 38],
            ["", null, null, null, null],
            ["三、扣分项(最多扣10分)", null, null, null, null],
            [1, "错敏字", null, "每发现一个扣1分", -6],
            [2, "失泄密以外的信息安全问题", null, "每次扣2分", -7],
          ],
          ["A4:E4"],
        ),
      ],
    },
    {
      name: "weighted-sections-caps-in-max-cell",
      grids: [
        sheet(5, [
          ["序号", "考核内容", "分值", "评分标准", "得分"],
          "一、组织领导(权重20%)",
          [1, "制定年度工作要点", "10分(每缺一项扣2分)", "", 8],
          [2, "信息公开年报", 10, "未按时发布的,扣除该项全部分值", 10],
          "二、加分项(最多加5分)",
          [1, "经验做法被推广", "加分项(最高3分)", "每次加1分", 3],
          [2, "承办现场会", "最高4分", "承办市级现场会加4分", 4],
          "三、扣分项",
          [1, "被通报批评", "最多扣10分", "每次扣2分", -4],
        ]),
      ],
    },
    {
      name: "base-total-then-bonus",
      grids: [
        sheet(5, [
          ["序号", "考核内容", "分值", "评分标准", "得分"],
          [1, "主动公开", 60, "每缺一项扣2分", 56],
          [2, "依申请公开", 40, "超期每件扣5分", 40],
          ["基础分合计", null, 100, null, 96],
          ["附加分(最多加5分)", null, null, null, null],
          [3, "创新做法被推广", "加分项", "每项加2分", 4],
          ["总分", null, null, null, 100],
        ]),
      ],
    },
    {
      name: "deduction-column",
      grids: [
        gridOf([
          ["序号", "检查内容", "分值", "扣分标准", "扣分", "扣分原因"],
          [1, "栏目更新", 10, "每个栏目未更新扣2分", 4],
          [2, "错链断链", 5, "每发现一处扣0.5分", null],
          [3, "信息安全", "扣分项", "发现一次扣5分,最多扣10分", 5],
          [4, "年报", 5, "未发布扣5分", "不适用"],
          [5, "严重表述错误", "一票否决", "一票否决", null],
        ]),
      ],
    },
    {
      name: "no-total-row",
      grids: [
        gridOf([
          ["序号", "考核内容", "分值", "评分标准", "得分"],
          [1, "主动公开", 6, "每缺一项扣2分", 4.5],
          [2, "年报", 4, "未发布扣4分", 4],
          [3, "加分", "加分项", "每次加1分,最高不超过2分", 1],
        ]),
      ],
    },
    { name: "mapped-sheet", grids: [unknownHeaderSheet(), mappingGrid([UNKNOWN_MAPPING])] },
  ];
}

/** One cell a clerk changes: 0-based row and column and the new entry. */
export interface Edit {
  sheet: string;
  row: number;
  col: number;
  value: CellValue;
}

/**
 * Edits after 写回 that exercise each semantic, from what the table holds: `mix` (a score over
 * its 分值, an item set to 不适用, every bonus at twice its cap so groups overflow, deductions
 * typed as positive numbers beyond their caps), `veto` (the first veto item set to 是),
 * `blank` (every entry of every score column cleared).
 */
export function editsFor(report: ScoreSheetReport, table: ScoreTable): Record<"mix" | "veto" | "blank", Edit[]> {
  const col = report.placement.scoreColumn;
  const sheetName = report.sheet;
  const at = (row: number, value: CellValue): Edit => ({ sheet: sheetName, row, col, value });
  const mix: Edit[] = [];
  let over = false;
  let na = false;
  table.items.forEach((it, i) => {
    const item = report.items[i];
    if (it.kind === "scored" && item.max !== null && !over) {
      over = true;
      mix.push(at(it.row, item.max + 3));
    } else if (it.kind === "scored" && !na) {
      na = true;
      mix.push(at(it.row, "不适用"));
    } else if (it.kind === "adjust") {
      const { deductOnly, bonusCap, deductCap } = adjustLimits(it, item.rules);
      if (deductOnly) mix.push(at(it.row, (deductCap ?? 4) + 2));
      else mix.push(at(it.row, (bonusCap ?? 3) * 2 || 3));
    }
  });
  const firstVeto = table.items.find((it) => it.kind === "veto");
  const veto = firstVeto ? [at(firstVeto.row, "是")] : [];
  // The form reset: every score column of the table emptied (emptying only the scored one while
  // another is filled makes the engine score the filled one, with a warning, by design).
  const blank = table.items.flatMap((it) => table.columns.scores.map((c) => ({ sheet: sheetName, row: it.row, col: c.col, value: null })));
  return { mix, veto, blank };
}

/** The grids with the edits made (copies; the originals stay as they were). */
export function edited(grids: Grid[], edits: Edit[]): Grid[] {
  return grids.map((g) => {
    const mine = edits.filter((e) => e.sheet === g.name);
    if (!mine.length) return g;
    const cells = g.cells.map((r) => [...r]);
    for (const e of mine) {
      while (cells.length <= e.row) cells.push([]);
      const row = cells[e.row];
      while (row.length <= e.col) row.push(null);
      row[e.col] = e.value;
    }
    return { ...g, cells };
  });
}
