/**
 * 临淄区政务公开工作考核办法 (临政办字〔2021〕8号), 第十二至十四条 laid out as a score table:
 * 日常考核 80分 = four quarters × 20 (each quarter scored on the five points of 第十三条),
 * 年终考核 20分 on 第十四条 (一)–(四), and (五)(六) as bonus items ("酌情加分", no cap stated).
 * The weights (80 = 4 × 20, 20) are the scheme's, as the text states them only in prose.
 */
import type { ScoreRow, ScoreSheetDef, TemplateDef } from "../template";
import type { CategoryWeight } from "../types";
import { matchFromSheet } from "../match";

export const LINZI_WEIGHTS: CategoryWeight[] = [
  { category: "日常考核", points: 80, periods: ["第一季度", "第二季度", "第三季度", "第四季度"] },
  { category: "年终考核", points: 20 },
];

const DAILY_CONTENT =
  "1.信息公开的全面化;2.信息公开的规范性;3.信息公开的常态化;4.问题整改完成情况;5.其他工作及培训任务(政务公开阶段性工作、培训参训、轮训、投稿任务等)";
const DAILY_METHOD =
  "区政府办公室政务公开办按月督查,按季度汇总各单位得分及问题清单并通报;发布无效信息、信息存在错别字或放错栏目、未按规定时间公开、重点栏目季度内无信息发布、问题未按时整改等,根据情节酌情扣分,拒不整改的加重扣分";

const quarters: ScoreRow[] = LINZI_WEIGHTS[0].periods!.map((q, i) => ({
  ...(i === 0 ? { category: "日常考核(80分)" } : {}),
  id: i + 1,
  title: `${q}日常考核:${DAILY_CONTENT}`,
  max: LINZI_WEIGHTS[0].points / LINZI_WEIGHTS[0].periods!.length,
  method: DAILY_METHOD,
}));

const rows: ScoreRow[] = [
  ...quarters,
  {
    category: "年终考核(20分)",
    id: 5,
    title:
      "(一)区年度政务公开工作要点或工作方案落实情况;(二)年度政务公开工作评估指标体系责任分工完成情况;(三)在政府网站按时发布单位政府信息公开年度报告,编制、更新本单位政府信息公开指南、主动公开目录情况;(四)依申请公开政府信息答复情况",
    max: LINZI_WEIGHTS[1].points,
    method:
      "任务落实不到位、未按要求完成或未及时更新、未依法依规作出答复的,根据情节酌情扣分;因政务公开工作不合法、不合规造成行政复议失败、行政诉讼败诉等情况,根据情节酌情扣分",
  },
  {
    id: 6,
    title: "(五)政务公开工作有创新举措或突出成果,得到上级通报、领导批示等正式形式肯定,或被上级单位作为经验推介",
    max: "加分项",
    method: "酌情加分",
  },
  {
    id: 7,
    title: "(六)基层政务公开标准化规范化建设有创新推进和突出亮点,得到省、市或区级政务公开工作机构认可",
    max: "加分项",
    method: "酌情加分",
  },
  { total: "合计", cells: { max: 100 } },
];

const sheet: ScoreSheetDef = {
  kind: "score",
  name: "考核评分表",
  title: "临淄区政务公开工作考核评分表",
  preamble: ["(日常考核80分,每季度20分;年终考核20分)", "考核单位:"],
  columns: [
    { key: "category", header: "类别", width: 12, mergeDown: true, align: "center" },
    { key: "id", header: "序号", width: 6, align: "center" },
    { key: "title", header: "考核内容", width: 56 },
    { key: "max", header: "分值", width: 8, align: "center" },
    { key: "method", header: "考核办法", width: 48 },
    { key: "self", header: "自查评分", width: 10, input: true, align: "center" },
    { key: "review", header: "考核评分", width: 10, input: true, align: "center" },
  ],
  rows,
};

export const LINZI: TemplateDef = {
  id: "linzi-2021",
  name: "临淄区政务公开工作考核评分表",
  source: "临淄区政务公开工作考核办法(临政办字〔2021〕8号)第十二至十四条",
  sheets: [sheet],
  scheme: { id: "linzi-2021", name: "临淄区政务公开工作考核办法(2021)", match: matchFromSheet(sheet), declaredMax: 100, weights: LINZI_WEIGHTS },
};
