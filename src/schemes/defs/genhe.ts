/**
 * 根河市 2017年度政务公开工作考核指标及评价办法: 附件1 (乡镇、办事处) and 附件2 (部门), whose
 * rows differ in items 2, 3, 4 and 9 and in the method column's header; and 附件3 统计表.
 * The 部门 table's 分值 add up to 110 as published (item 9 is 30 there): kept as printed.
 */
import type { ItemRow, ScoreSheetDef, TemplateColumn, TemplateDef } from "../template";
import type { CrossCheck, Scheme } from "../types";
import { GENHE_FILLING_NOTES, GENHE_STATISTICS } from "./statistics-2017";
import { matchFromSheet } from "../match";

const stat = {
  interpretations: { key: "policy_interpretations", label: "政策解读稿件发布数" },
  closed: { key: "applications_closed", label: "申请办结数" },
  reviewCorrected: { key: "review_corrected", label: "行政复议被依法纠错数" },
  litigationCorrected: { key: "litigation_corrected", label: "行政诉讼被依法纠错数" },
  trainingSessions: { key: "trainings", label: "举办各类培训班数" },
  trainingPeople: { key: "trainees", label: "接受培训人员数" },
};

/** The 根河 cross-checks (score sheet ↔ 附件3 统计表), shared by both score sheets. */
export const GENHE_CROSS_CHECKS: CrossCheck[] = [
  {
    id: "genhe.interpretation",
    name: "政策解读加分",
    kind: "units_at_most",
    item: { id: "13", title: "落实政策解读机制" },
    pointsPerUnit: 2,
    unit: "篇",
    stat: stat.interpretations,
  },
  {
    id: "genhe.application",
    name: "依申请公开加分",
    kind: "units_at_most",
    item: { id: "11", title: "依法依规办理依申请公开事项(含网络渠道办理)" },
    pointsPerUnit: 2,
    unit: "件",
    stat: stat.closed,
  },
  {
    id: "genhe.corrected",
    name: "依申请公开纠错扣分",
    kind: "deduction_per_unit",
    item: { id: "11", title: "依法依规办理依申请公开事项(含网络渠道办理)" },
    pointsPerUnit: 10,
    unit: "件",
    stats: [stat.reviewCorrected, stat.litigationCorrected],
    ceiling: 10,
    ceilingPerUnit: 2,
    ceilingStat: stat.closed,
  },
  {
    id: "genhe.training",
    name: "政务公开培训得分",
    kind: "needs_positive",
    item: { id: "5", title: "组织本单位政务公开培训" },
    stats: [stat.trainingSessions, stat.trainingPeople],
  },
];

function columns(method: string): TemplateColumn[] {
  return [
    { key: "category", header: "类别", width: 10, mergeDown: true, align: "center" },
    { key: "id", header: "序号", width: 6, align: "center" },
    { key: "title", header: "目标要求", width: 48 },
    { key: "max", header: "分值", width: 8, align: "center" },
    { key: "method", header: method, width: 40 },
    { key: "self", header: "自查评分", width: 10, input: true, align: "center" },
    { key: "review", header: "考核评分", width: 10, input: true, align: "center" },
  ];
}

type Variant = "township" | "department";

/** Items 1–15 as printed; `v` picks the wording where 附件1 and 附件2 differ. */
function genheItems(v: Variant): ItemRow[] {
  const town = v === "township";
  return [
    { category: "组织保障", id: 1, title: "明确分管领导、工作机构和人员负责政务公开工作,分管领导将政务公开列入分工并对外公布", max: 6, method: "根据查看文件、资料评分" },
    {
      id: 2,
      title: town
        ? "分解落实工作任务,对本级政府部门政务公开工作进行检查指导、绩效考核和评议"
        : "分解落实工作任务,对科室、下属单位政务公开工作进行检查指导、考核及评议",
      max: 16,
      method: "任务分解文件、检查指导情况、考核及评议结果同步报市政务公开办,一项未达标扣4分,未作任务分解本项不得分",
    },
    {
      id: 3,
      title: "将“五公开”要求落实到公文办理程序。落实政府信息公开保密审查、公开属性源头认定和发布协调机制,将保密审查与公文运转相结合;标注公文公开属性,属于依申请公开或不予公开的,注明理由",
      max: 8,
      method: town
        ? "通过查看下行公文运转程序以及标注公开属性、理由情况赋分"
        : "查看本部门和代市政府拟稿的下行公文运转程序以及属性、理由标注情况,单份文件未达标扣1份",
    },
    {
      id: 4,
      title: town
        ? "推进基层政务公开标准化、规范化"
        : "制定本部门、本系统政府信息公开基本目录,按照目录公开政府信息,提升主动公开标准化、规范化水平",
      max: 5,
      method: town ? "通过查看组织开展工作的文件、图片、网站信息等资料赋分" : "查看制定和执行情况",
    },
    { id: 5, title: town ? "组织本单位政务公开培训" : "组织本单位(本系统)政务公开培训", max: 5, method: "根据查看文件、照片、资料评分" },
    { id: 6, title: "认真完成上级交办的工作任务,按时报送材料,内容真实,数据准确", max: 5, method: "根据日常监控评分" },
    { category: "政府信息公开", id: 7, title: "落实根河市党务、政务信息公开相关工作制度(详见根党办发〔2015〕52号)", max: 5, method: "根据日常监控评分" },
    {
      id: 8,
      title: town
        ? "开展信息查阅场所建设,《呼伦贝尔市人民政府公报》和《根河市人民政府公报》及时送交信息查阅场所,为方便群众取阅提供便利;本级政府部门及时向市政务公开办、政务服务中心、档案局送交主动公开公文"
        : "开展信息查阅场所建设,《呼伦贝尔市人民政府公报》和《根河市人民政府公报》及时送交信息查阅场所;本级政府部门及时向市政务公开办、政务服务中心、档案局送交主动公开公文",
      max: 8,
      method: "根据现场查看场所、设备、相关资料情况和查阅点收取信息情况的反馈评分",
    },
    {
      id: 9,
      title: "加大政府信息数据开放力度(1)根据《政府信息公开条例》,贯彻决策、执行、管理、服务、结果公开的要求,公开履行职责过程中制作、获取的政府信息(共性指标)(2)根据《2017年度政务公开工作要点》,牵头责任部门落实工作任务情况(个性指标)",
      max: town ? 20 : 30,
      method: town ? "根据各乡镇办事处向根河市政府门户网站发布情况赋分" : "根据各部门向根河市政府门户网站发布情况赋分",
    },
    {
      id: 10,
      title: "在根河市政府门户网站按时发布年度报告,及时更新政府信息",
      max: 8,
      method: "年度报告按时发布、要素齐全、内容详尽,更多运用图片、图表、图解等表现形式,用数字说话,4分;及时更新政府信息,按市政府门户网站信息采用情况通报结果赋分(排名),0-4分",
    },
    {
      id: 11,
      title: "依法依规办理依申请公开事项(含网络渠道办理)",
      max: "加、扣分项",
      method: "办理资料复印件报送主管部门1件2分,满分10分;办理1件未达标扣2分;发生行政复议、行政诉讼纠错,1件办理事项扣10分",
    },
    { id: 12, title: "报送政务公开工作信息至市政务公开办、政务服务中心、档案局,保质保量,每月至少2期", max: 5, method: "根据信息报送情况赋分" },
    {
      category: "政策解读",
      id: 13,
      title: "落实政策解读机制,按照“谁起草、谁解读”的原则,政策性文件起草部门将文件和解读材料一并报批,解读材料在文件公开后3日内在市政府门户网站和《政府公报》发布",
      max: "加、扣分项",
      method: "发布单份政策解读材料加2分,累计不超过10分;应发布未发布或因材料不达标未发布,每件扣2分,累计不超过10分",
    },
    {
      category: "舆情回应",
      id: 14,
      title: "落实舆情回应机制,按照属地管理、分级负责、谁主管谁负责的原则,做好舆情回应",
      max: 4,
      method: "提供可供查询的舆情回应信息网络网址,并结合登记、统计资料赋分",
    },
    { category: "推进政务公开示范点建设", id: 15, title: "公开形式多样化,基础工作扎实(标准详见附件)", max: 5, method: "根据实地查看,查阅资料评分" },
  ];
}

function genheSheet(v: Variant): ScoreSheetDef {
  return {
    kind: "score",
    name: "考核评分表",
    title: `2017年度政务公开工作考核指标及评价办法(${v === "township" ? "乡镇、办事处" : "部门"})`,
    preamble: ["单位(签字盖章):"],
    columns: columns(v === "township" ? "自查办法" : "评价办法"),
    rows: genheItems(v),
  };
}

function genheTemplate(v: Variant, n: 1 | 2, name: string): TemplateDef {
  const sheet = genheSheet(v);
  const scheme: Scheme = {
    id: `genhe-2017-${v}`,
    name,
    match: matchFromSheet(sheet),
    // 百分制: the 部门 table's items add up to 110, which a reviewer should hear about.
    declaredMax: 100,
    crossChecks: GENHE_CROSS_CHECKS,
  };
  return { id: scheme.id, name, source: `根河市2017年度政务公开工作考核(附件${n})`, sheets: [sheet], scheme };
}

export const GENHE_TOWNSHIP = genheTemplate("township", 1, "根河市2017年度政务公开工作考核指标及评价办法(乡镇、办事处)");
export const GENHE_DEPARTMENT = genheTemplate("department", 2, "根河市2017年度政务公开工作考核指标及评价办法(部门)");

export const GENHE_STATISTICS_TEMPLATE: TemplateDef = {
  id: "genhe-2017-statistics",
  name: "根河市2017年政府信息公开情况统计表",
  source: "根河市2017年度政务公开工作考核(附件3)",
  sheets: [GENHE_STATISTICS, GENHE_FILLING_NOTES],
};
