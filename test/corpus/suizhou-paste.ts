/**
 * The 随州高新区2021年政务公开第三方评估指标 table (seed 001) as it lands in Excel when the Word
 * document is pasted: cell for cell from the seed's text, one sheet row per Word row, the header
 * repeated at every page break ("一级\n指标"), line feeds inside words, full-width brackets, an
 * unclosed "（60分", category cells merged down within a page (Word's vertical merges) or, when
 * `blanks`, left blank (a WPS/text conversion), a 分值 "10分" merged over four sub-rows, and
 * "问答解读（6分）" landed in the 分值 cell of the row above its own. Long 指标依据 texts are cut to
 * their first words: no rule is read from that column.
 */
import type { CellValue, Grid } from "../../src/core/grid";
import { gridOf } from "../helpers/grid";

const HEADER: CellValue[] = ["一级指标", "二级\n指标", "三级\n指标", "测评方式", "测评要点", "指标依据", "评估数据\n采集范围", "分值"];
const REPEATED: CellValue[] = ["一级\n指标", "二级\n指标", "三级\n指标", "测评方式", "测评要点", "指标依据", "评估数据\n采集范围", "分值"];
const ALL = "区属各部门";
const NET = "网络测评";

/** One Word row: 一级 | 二级 | 三级 | 测评方式 | 测评要点 | 指标依据 | 采集范围 | 分值; "" is a merge continuation. */
type Row = CellValue[];
/** A page: rows under one repeated header, blank spacer rows after it. */
interface Page {
  rows: Row[];
  spacers: number;
}

const PAGES: Page[] = [
  {
    spacers: 3,
    rows: [
      ["公开渠道\n（4分）", "渠道覆盖(2分)", null, "网络测评电话测评", "评估线上、线下主动公开渠道的开通覆盖情况和渠道入口信息公开情况", "《中华人民共和国政府信息公开条例》(以下简称《条例》)第二十四条", ALL, 2],
      ["", "渠道功能\n（2分）", null, NET, "评估线上主动公开渠道的检索、政府公报、互动咨询等功能可用性、实用性情况", null, ALL, 2],
      ["主动公开(60分)", "基础信息\n公开\n（40分)", "政策文件\n（8分)", NET, "评估规范性文件发布情况,现行有效政府规章、规范性文件清理结果发布情况、现行有效规范性文件集中发布情况；其他文件主动公开情况\n", "《条例》﹐第二十条，“(一）行政法规、规章和规范性文件;”", ALL, 8],
    ],
  },
  {
    spacers: 16,
    rows: [
      ["主动\n公开\n(60分)", "基础信息\n公开\n(40分)", "权责清单 (1分）", NET, "评估全面、规范公开权责清单，以及清单动态调整情况", "《国务院办公厅关于印发2020年政务公开工作要点的通知》\n", ALL, 1],
      ["", "", "行政许可和其他管理服务信息\n(1分)", "网络测评线下测评", "评估通过线上、线下渠道分别公开的行政许可和其他管理服务信息的一致性情况;行政许可结果发布及双公示情况", "《条例》，第二十条", "提供行政许可等服务的部门", 1],
      ["", "", "行政处罚强制等信息\n(2分)", NET, "评估对行政处罚、行政强制的、行政征收、行政检查依据、条件、程序公开情况;行政执法信息公开情况", "《条例》，第二十条", "具有行政处罚等职权的部门", 2],
    ],
  },
  {
    spacers: 0,
    rows: [
      ["主动\n公开\n（60分）", "基础信息公开\n（40分）", "财政预决算（2分）", "网络测评\n", "评估及时公开本部门及所属单位财政预算、财政决算的情况", "《条例》，第二十条", ALL, 2],
      ["", "", "行政事业\n性收费 \n(1分)", NET, "评估全面、规范公开行政事业性收费项目的情况", "《条例》，第二十条", "区经济发展局、区财政金融局，涉及行政事业收费的部门", 1],
      ["", "", "公务员招考  (1分)", NET, "评估全面公开公务员招考相关信息的情况", "《条例》，第二十条", ALL, 1],
      ["", "", "人大代表建议、政协委员提案办理情况\n(2分)", "网络测评电话测评", "评估公开人大代表建议、政协委员提案的答复全文、办理工作动态、办理年度总体情况", "《国务院办公厅关于印发2018年政务公开工作要点的通知》", ALL, 2],
      ["", "", "重大会议\n信息公开\n（2分）", "网络测评\n", "评估公开部门办公会召开及会议内容的情况", "《国务院办公厅关于印发2018年政务公开工作要点的通知》", ALL, 2],
    ],
  },
  {
    spacers: 0,
    rows: [
      ["主动\n公开\n（60分", "基础信息\n公开\n（40分）", "重大决策预公开（6分)", NET, "评估围绕重大决策开展草案公开、解读和意见征集的情况，包括代市政府起草文件的意见征集情况", "中办、国办《关于全面推进政务公开工作的意见》", ALL, 6],
      ["", "", "规划信息 (7分)\n", NET, "评估“十四五”规划、建国以来历史规划信息发布情况，同步区政府门户网站情况 ", "《国务院办公厅关于印发2021年政务公开工作要点》", ALL, 7],
      ["", "", "市场规则标准和监管执法信息\n（2分）", NET, "评估市场监管规则标准、高标准市场体系行动方案落实举措、“双随机、一公开”信息公开情况", "《国务院办公厅关于印发2021年政务公开工作要点的通知》", "具有市场监管职能的部门", 2],
      ["", "基础信息\n公开\n(40分)", "政府债务\n(2分）", NET, "评估政府债务信息的公开情", "《国务院办公厅关于印发2021年政务公开工作要点的通知》", "区财政金融局", 2],
      ["", "", "惠民惠农政策和资金发放信息\n(3分)", "网络测评\n", "评估惠民惠农政策和资金发放信息公开情况\n", "《国务院办公厅关于印发2021年政务公开工作要点的通知》\n", "区属惠民惠农资金监管部门", 3],
    ],
  },
  {
    spacers: 0,
    rows: [
      ["主动\n公开\n（60分）", "重点领域公开（20分）", "财政资金\n直达基层\n（2分）", "网络测评\n", "评估在网站建设财政资金直达基层专栏的情况，以及对重要政策、工作进展、情况总结的公开情况", "2020年6月9日国务院常务会议", "相关部门", 2],
      ["", "", "稳岗就业\n（2分）", NET, "评估在“政府信息公开专栏中重点公开“就业”工作方面重要政策、重要活动信息情况", "《国务院办公厅关于应对新冠肺炎疫情影响强化稳就业举措的实施意见》", "相关部门", 2],
      ["", "", "疫情防控\n(2分)", NET, "评估在网站建设“疫情防控”类专栏的情况", "《国务院办公厅关于印发2020年度政务公开工作要点的通知》", ALL, 2],
      ["", "", "乡村振业 (2分)", NET, "评估在“政府信息公开专栏”中公开扶贫、脱贫攻坚成果巩固、乡村振兴重要政策、工作进展情况", "《条例》，第二十条", "涉及乡村振兴工作的部门", 2],
      ["", "", "养老服务\n（2分）", NET, "评估在“政府信息公开专栏中重点公开“养老服务”工作方面政策文件、工作开展情况", "《条例》，第二十条", "淅河工作局", 2],
    ],
  },
  {
    spacers: 0,
    rows: [
      ["主动\n公开\n（60分）", "重点领域公开（20分）", "社会救助\n（2分）", NET, "评估在“政府信息公开专栏”中重点公开“社会救助”工作方面政策文件、工作开展情况", "《条例》第二十一条", "淅河工作局", 2],
      ["", "", "生态环境\n（2分）", NET, "评估在“政府信息公开专栏”中重点公开“生态环境”工作方面环境监管、监督检查的情况", "《条例》，第二十条", "相关部门", 2],
      ["", "", "食品安全\n（2分）", NET, "评估在“政府信息公开专栏”中重点公开“食品安全”工作方面监管规则、监督检查的情况", "《条例》，第二十条", "相关部门", 2],
      ["", "", "教育\n（2分）", "网络测评\n", "评估在“政府信息公开专栏”中重点公开“义务教育”工作方面政策文件、工作开展情况", "《条例》，第二十条", "相关部门", 2],
    ],
  },
  {
    spacers: 0,
    rows: [
      ["主动\n公开\n（60分）", "重点领域公开(20分)", "医疗卫生\n（2分）", NET, "评估在“政府信息公开专栏’中重点公开“医疗卫生”工作方面政策文件、健康科普、监督检查的情况", "《条例》，第二十条", "相关部门", 2],
      ["依申请公开\n（6分）", "申请接收渠道指引规范性\n(3分)", null, "电话测评\n网络测评\n信函\n测评", "评估规范、准确公开申请接收渠道信息的情况\n", "《国务院办公厅政府信息与政务公开办公室关于政府信息公开申请接收渠道问题的解释》", ALL, 3],
      ["", "申请回复规范性\n(3分）", null, "", "评估规范回复信息公开申请的情况", "《条例》，第三十六条", ALL, 3],
    ],
  },
  {
    spacers: 0,
    rows: [
      // The seed's text puts "问答解读（6分）" after this row's 采集范围: it lands in the 分值 cell,
      // and the row of 问答解读 itself is left with a blank (unmerged) 二级指标.
      ["解读\n回应\n（15分）", "政策咨询\n服务情况\n（5分）\n", null, "网络测评\n", "评估政策咨询服务电话公布情况，电话接通情况，咨询服务办理情况", "中办、国办《关于全面推进政务公开工作的意见》", "区属各部门\n ", "问答解读（6分）"],
      ["", null, null, NET, "评估在落实国家关于“六稳’“六保”、优化营商环境等重点工作部署安排方面，通过问答形式开展解读的情况。建立问答知识库及数据共享情况", "《国务院办公厅关于印发2020年度政务公开工作要点的通知》", ALL, "6\n "],
    ],
  },
  {
    spacers: 0,
    rows: [
      ["解读回应（15分）", "政策解读质量（2分）", null, "专家测评", "评估政策解读质量，如是否全面深入、生动活泼、通俗易懂;是否开展图文、视频、发布会等多形式政策解读", "《国务院办公厅关于2019年政务公开工作要点的通知》(国办发〔2019) 14号)", ALL, 2],
      ["", "回应关切（2分）", null, NET, "评估对政务舆情，进行实质性回应情况", "《国务院办公厅关于印发2021年政务公开工作要点的通知》", ALL, 2],
      ["能力保障（15分）", "信息公开工作年报（5分）", "年报格式\n（2分）", NET, "评估信息公开工作年报的发布时间、格式规范性", "《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》\n", ALL, 5],
      ["", "", "年报质量\n（3分）\n", "专家测评", "评估信息公开工作年报的质量情况，包括内容全面情况,数据准确情况，雷同情况", "", "", ""],
      ["能力保障（15分）", "政府信息主动公开基本目录（10分）", "与职权相结合（2分）", NET, "评估编制发布本单位政府信息主动公开基本目录情况，目录结合本部门职权进行梳理。", "《国务院办公厅印发く关于全面推进政务公开工作的意见>实施细则的通知》", ALL, "10分"],
      ["", "", "明确公开渠道（2分）", "", "公开渠道明确到公开平台具体栏目", "", "", ""],
      ["", "", "明确公开责任（3分）", "", "公开责任主体明确到责任处室", "", "", ""],
      ["", "", "目录格式完整（3分）", "", "考察目录是否包含名称、内容、依据、时限、主体、方式、渠道、公开对象等要素", "", "", ""],
    ],
  },
];

/** Columns whose "" cells continue the cell above (Word's vertical merges). */
const MERGED_DOWN = [0, 1, 5, 6, 7];

export interface SuizhouPaste {
  grid: Grid;
  /** 1-based sheet row of each Word row, in order. */
  rows: number[];
}

/**
 * The seed table as a grid. `blanks`: continuation cells stay blank instead of merged.
 * `score`: a 自评得分 column appended after 分值 with these entries (by Word row index).
 */
export function suizhouPaste(opts: { blanks?: boolean; score?: CellValue[] } = {}): SuizhouPaste {
  const out: CellValue[][] = [["附件"], ["随州高新区2021年政务公开第三方评估指标"]];
  const merges: string[] = ["A2:H2"];
  const rows: number[] = [];
  const withScore = opts.score !== undefined;
  const head = (h: CellValue[]) => (withScore ? [...h, "自评得分"] : [...h]);
  let index = 0;
  PAGES.forEach((page, p) => {
    out.push(head(p === 0 ? HEADER : p === PAGES.length - 1 ? [null, ...REPEATED.slice(1)] : REPEATED));
    const start = out.length;
    page.rows.forEach((row) => {
      const r = [...row];
      if (withScore) r.push(opts.score![index] ?? null);
      index++;
      out.push(r);
      rows.push(out.length);
    });
    if (!opts.blanks) {
      for (const c of MERGED_DOWN) {
        const col = String.fromCharCode(65 + c);
        let top = -1;
        for (let i = 0; i <= page.rows.length; i++) {
          const v = i < page.rows.length ? page.rows[i][c] : "end";
          if (v === "") continue;
          if (top >= 0 && i - 1 > top) merges.push(`${col}${start + top + 1}:${col}${start + i}`);
          top = i;
        }
      }
    }
    for (let s = 0; s < page.spacers; s++) out.push([]);
  });
  return { grid: gridOf(out, merges, "附件"), rows };
}
