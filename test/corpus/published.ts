/**
 * Real published tables, not among the seeds, laid out as they are published (merged cells as a
 * reviewer sees them). Texts are quoted verbatim from the page named in each fixture's `source`
 * (where the page shows only part of a table, the part it shows). Where the published table has
 * no score column, the clerk's column is added at its right as offices do when they fill it in;
 * `filled` gives the entries, by 1-based sheet row.
 */
import type { CellValue, Grid } from "../../src/core/grid";
import { down, sheet, type Line } from "./build";

export interface Published {
  name: string;
  source: string;
  grid: (filled?: Record<number, CellValue>) => Grid;
}

/** Puts `filled` entries into column `col` (0-based) of the rows given (1-based). */
function fill(grid: Grid, col: number, filled: Record<number, CellValue>): Grid {
  for (const [row, v] of Object.entries(filled)) {
    const r = grid.cells[Number(row) - 1];
    while (r.length <= col) r.push(null);
    r[col] = v;
  }
  return grid;
}

function table(width: number, lines: Line[], merges: string[], scoreCol: number) {
  return (filled: Record<number, CellValue> = {}) => fill(sheet(width, lines, merges), scoreCol, filled);
}

/** 泉州市鲤城区 2020 政务公开指数绩效考评标准表: 类别 | 分值 | 考核标准, one row per indicator. */
export const licheng2020: Published = {
  name: "泉州鲤城 政务公开指数绩效考评标准表",
  source: "http://www.qzlc.gov.cn/xxgk/zfxxgk/xxgkzdgd/202012/t20201214_2479123.htm",
  grid: table(
    4,
    [
      "2020年泉州市鲤城区政务公开指数绩效考评标准表",
      ["类别", "分值", "考核标准", "得分"],
      ["政府信息主动公开", 10, "及时、规范公开主动公开的政府信息。 ①公文提前或超期公开每条扣5分;②标题、索引号等要素未规范录入每条扣1分;③正文内容未能正常显示每条扣1分。", null],
      ["政府信息公开年度报告", 10, "按照要求规范编制政府信息公开年度报告,年度报告按时向区政务公开办备案,并及时上网。 ①未及时向区政务公开办备案的扣5分;②未及时公开的扣5分;③未按照要素撰写年度报告扣5分;④年度报告与往年或与其他单位雷同扣5分;⑤年度报告未按要求编写导致被退回且未及时修改的,再扣5分。", null],
      ["政府信息依申请公开", 6, "及时、规范答复依申请公开件,积极、认真配合区政务公开办办理依申请公开件,及时将有关事项的办理、答复意见送交区政务公开办。 ①超期办理每条扣6分;②发生因信息公开引起的行政复议、行政诉讼,行政机关被纠错的,每件扣3分;③拒绝配合区政务公开办办理依申请公开件的,每次扣6分,未及时将有关事项的办理、答复意见送交区政务公开办的,每次扣3分。", null],
      ["保密审查", 6, "按照《中华人民共和国保守国家秘密法》及新《条例》等有关规定进行保密审查,未出现公开不该公开的内容。 ①因保密审查不到位导致公开涉及国家秘密、商业秘密、个人隐私等信息的,扣6分;②转发上级不属于主动公开的文件,每例扣6分;③未对引用了上级不属于主动公开文件的内容、标题、文号的部分进行处理再公开的,每例扣2分。", null],
    ],
    [],
    3,
  ),
};

/** 2010年乡镇街道政府信息公开考评细则, 附表 政府信息公开考评评分标准: 考评项目 | 分值 | 评分标准 | 备注. */
export const township2010: Published = {
  name: "乡镇街道政府信息公开考评评分标准",
  source: "http://e.wenmi.ren/Article/ShowArticle.asp?ArticleID=87824",
  grid: table(
    5,
    [
      "政府信息公开考评评分标准",
      ["考评项目", "分值", "评分标准", "备注", "得分"],
      ["主动公开信息的数量", "40分", "1、每月不低于40条。\n2、数量低于规定标准,出现一个月扣5分,扣完为止。\n3、凡出现发布信息“空白月”的,每个月扣10分。", null, null],
    ],
    [],
    4,
  ),
};

/**
 * 机关、单位保密自查自评标准 (the page shows items 53–59): 加重扣分项 without 分值, then the
 * 否决项 section whose number and name sit in separate cells and which renames the last two
 * columns (扣分方法 | 扣分), and item 59 "直接评定为不符合要求".
 */
export const secrecyVeto: Published = {
  name: "机关单位保密自查自评标准 否决项",
  source: "https://m.qiqiwenku.com/doc/226731.html",
  grid: table(
    6,
    [
      ["序号", "自查内容", "分值", "实有项目", "评分方法", "得分"],
      [53, "确保涉密计算机不接入互联网及其他公共信息网络。", null, null, "违反此项规定,发现 1 起扣 4 分。", null],
      [54, "确保非涉密计算机不存储、处理和传输国家秘密信息。", null, null, "违反此项规定,发现 1 起扣 4 分。", null],
      [55, "确保涉密信息设备与非涉密信息设备之间不交叉使用移动存储介质。", null, null, "违反此项规定,发现 1 起扣 4 分。", null],
      [56, "确保涉及国家秘密的信息不予公开。", null, null, "违反此项规定,发现 1 起扣 4 分。", null],
      [57, "存在《中华人民共和国保守国家秘密法》第四十八条规定的其他行为。", null, null, "存在此类行为,发现 1 起扣 4 分。", null],
      [58, "发生泄密事件。", null, null, "发现一起扣 6 分。", null],
      ["十六", "否决项", null, null, "扣分方法", "扣分"],
      [59, "发生严重泄密案件,依法移送司法机关处理的。", null, null, "直接评定为不符合要求。", null],
    ],
    [],
    5,
  ),
};

/** 机关、单位保密自查自评实用标准化表格: "一 | 工作领导责任制落实情况 | 14分" then its items. */
export const secrecyDuty: Published = {
  name: "机关单位保密自查自评 工作领导责任制",
  source: "https://m.jinchutou.com/shtml/view-473363081.html",
  grid: table(
    6,
    [
      ["序号", "自查容", "分值", "实有项目", "评分法", "得分"],
      ["一", "工作领导责任制落实情况", "14分", null, null, null],
      [1, "主要负责人对工作部署和落实提出明确要求,听取工作情况汇报并研究解决相关问题,将履行工作责任制情况纳入本机关、本单位年度考评和考核容,为工作开展提供人力、物力、财力等条件保障。", "4分", null, "对工作部署和落实未提出明确要求的,扣1分;未听取工作情况汇报并研究解决相关问题的,扣0.5至1分;未将履行工作责任制落实情况纳入本机关、本单位年度考评和考核容的,扣1分;未提供人力、物力、财力等条件保障的,扣1分。", null],
      [2, "分管工作负责人坚持委员会工作领导小组议事制度,研究部署工作并对落实情况组织检查,与时组织查处泄密事件和违规行为。", "3分", null, "年度未召开委员会工作领导小组会议,研究部署工作的,扣1分;未对工作落实情况组织检查的,扣1分;", null],
    ],
    [],
    5,
  ),
};

/** 保密工作检查情况表: "九 | 涉密会议…管理情况 | 4分", "十 | 涉外工作保密管理情况 | 5分". */
export const secrecyInspection: Published = {
  name: "保密工作检查情况表",
  source: "https://www.360docs.net/doc/4913264314.html",
  grid: table(
    6,
    [
      ["序号", "检杳内容", "分值", "实有 项目", "检查情况", "得分"],
      [32, "落实禁止无关人员进入涉密场所和保 密要害部门、部位的规定。", "1分", null, null, null],
      ["九", "涉密会议、活动和货物、工程、 服务采购等项目管理情况", "4分", null, null, null],
      [33, "涉密会议、活动使用符合保密要求的 场所、设施、设备。", "1分", null, null, null],
      [35, "对提供涉密货物、工程和服务的单位 进行保密审查,提出保密要求,签订保密 协议。", "2分", null, null, null],
      ["十", "涉外工作保密管理情况", "5分", null, null, null],
      [36, "负责对外交流、合作等活动的内设机 构采取相应保密措施,对有关人员进行保 密提醒。", "1分", null, null, null],
      [37, "对外提供文件、资料和物品按规定经 过保密审查审批,涉及国家秘密的应与外 方签订保密协议。", "2分", null, null, null],
    ],
    [],
    5,
  ),
};

/** 单位(部门)党风廉政建设量化考核评分一览表: 项目 merged down | 考核内容 | 分值 | 自评分 | 核准分. */
export const integrity2012: Published = {
  name: "党风廉政建设量化考核评分一览表",
  source: "https://max.book118.com/html/2017/0111/82353035.shtm",
  grid: table(
    5,
    [
      "单位(部门)党风廉政建设量化考核评分一览表",
      ["项目", "考核内容", "分值", "自评分", "核准分"],
      ["一、组织领导\n(10分)", "1.建立健全党风廉政建设工作机构,明确专人负责", 2, null, null],
      [null, "2.明确责任分解,建立工作流程和网络体系", 3, null, null],
      [null, "3.与本单位(部门)全体员工签订腐败风险防范责任状", 3, null, null],
      [null, "4.配合职能部门建立党员干部廉政档案", 2, null, null],
      ["二、制度建设\n(15分)", "1.制定党风廉政建设责任制实施办法", 3, null, null],
      [null, "2.建立健全党风廉政建设工作制度", 3, null, null],
      [null, "3.认真排查腐败风险点,制定相应的防控措施", 3, null, null],
      [null, "4.将党风廉政建设工作列入本单位(部门)年度考核制度", 3, null, null],
      [null, "5.设立师生来访接待制度,切实解决实际问题", 3, null, null],
    ],
    [down("A", 3, 6), down("A", 7, 11)],
    3,
  ),
};

/** A county's 政府信息公开 考核: 考核项目 (N分) merged down | 考评细项 | 分值. */
export const countyItems: Published = {
  name: "县级部门政府信息公开考核 考评细项",
  source: "http://fsou.com/html/text/lar/173938/17393819_1.html",
  grid: table(
    4,
    [
      ["考核项目", "考评细项", "分值", "自评得分"],
      ["组织领导和工作机构建设情况(5分)", "及时调整政府信息公开工作领导小组成员,明确分管领导。", 1, null],
      [null, "6月30日之前召开会议部署工作,开展业务培训。", 3, null],
      [null, "指定政府信息公开工作机构,明确负责人,落实工作人员。", 1, null],
      ["工作机制和制度建设情况(21分)", "建立健全主动公开制度、依申请公开制度、发布保密审查制度、发布协调制度、责任追究制度和工作台账制度等政府信息公开制度,并能落实到位。", 10, null],
      [null, "公文制发时,在拟稿单上注明“主动公开”、“依申请公开”或“免予公开”;在“主动公开”文件中注明“(此件公开发布)”。", 8, null],
      [null, "6月30日之前制定年度工作方案并报送县政府信息公开中心;将本单位政府信息公开工作纳入单位内部考核,并采取有效措施,规范有序推进本部门的工作,发现问题能及时进行整改。", 3, null],
      ["政府信息公开载体建设情况(4分)", "在便民服务窗口、活动中心等场所设有相应的政府信息查阅点并挂牌,落实人员设备。", 2, null],
      [null, "充分利用政府网站、新闻发布会、信息公告栏以及报刊、广播、电视等方式公开政府信息。", 1, null],
      [null, "在本部门网站首页开设政府信息公开专栏,并与县政府信息公开网站建立链接,同时设立政府信息公开意见箱和网上依申请公开入口。", 1, null],
      ["主动公开政府信息工作情况(43分)", "按统一规范编制政府信息公开目录和指南,并及时更新。发布的信息内容完整、分类清晰、格式规范,其中主动公开的文件,除编辑文档外,须另以ceb格式作为附件上传,便于公众查询。", 5, null],
      [null, "属于主动公开的政府信息自信息形成或变更之日起20个工作日内予以公开,并建好台账。对主动公开政府信息数量进行量化。", 8, null],
      [null, "县政府办公室对各县级部门政府信息公开平台开展的网上日常监测。", 30, null],
    ],
    [down("A", 2, 4), down("A", 5, 7), down("A", 8, 10), down("A", 11, 13)],
    3,
  ),
};

/**
 * 档案工作目标管理评分标准及考评细则: an indicator "(5分)" whose criteria are one line per
 * row, its 项目 / 分值 / 得分 cells merged down over them.
 */
export const archives: Published = {
  name: "档案工作目标管理评分标准 一条一行",
  source: "https://mdjjksjc.com/html/2025/0322/7130065011010052.shtm",
  grid: table(
    5,
    [
      ["考核项目", "考核内容", "分值", "评分标准", "得分"],
      ["组织管理(20分)", "1.档案工作组织领导(5分)", 5, "成立档案工作领导小组,明确分管领导和档案管理人员职责,得3分;未成立领导小组扣1分,职责不明确扣1分。", null],
      [null, null, null, "分管领导定期研究档案工作,解决实际问题,得2分;未定期研究扣1分。", null],
    ],
    [down("A", 2, 3), down("B", 2, 3), down("C", 2, 3), down("E", 2, 3)],
    4,
  ),
};

/**
 * 宣州区 2021年第二季度市(县、区)直部门评分表 (安徽): 测评指标 | 指标分值 | 扣分 | 失分原因 |
 * 整改情况; the reviewer's deductions are filled in.
 */
export const xuanzhou2021: Published = {
  name: "宣州 市(县、区)直部门评分表 测评指标",
  source: "https://www.xuanzhou.gov.cn/OpennessContent/show/2135324.html",
  grid: table(
    7,
    [
      ["测评指标", null, null, "指标分值", "扣分", "失分原因", "整改情况"],
      "2021年第二季度市(县、区)直部门评分表",
      ["政策法规", null, null, null, null, null, null],
      [null, "规范性文件立改废", null, 3, 3, "未公开本年度规范性文件的公众参与、专家论证、风险评估、集体讨论等程序开展情况; 未公开本年度规范性文件备案信息; 未公开规范性文件清理结果、废止类规范性文件目录。", "已按照要求公开区扶贫局第一季度规范性文件制定、备案、清理情况。"],
      ["重大决策预公开", null, null, null, null, null, null],
      [null, "意见征集", null, 3, 1.2, "此栏目发布情况说明。", "因今年以来我单位未向公众征集文件修改意见,因此发布情况说明,相关情况已向区政务公开办说明。"],
      [null, "意见反馈", null, 3, 1.2, "此栏目发布情况说明。", "因今年以来我单位未向公众征集文件修改意见,因此发布情况说明,相关情况已向区政务公开办说明。"],
    ],
    ["A1:C1", "A3:C3", "B4:C4", "A5:C5", "B6:C6", "B7:C7"],
    4,
  ),
};

/** 安全生产工作目标考评表: 项目 | 分值 | 考核内容及要求 | 评分标准 | 得分, "2、安全基础管理(15分)". */
export const safetyGoals: Published = {
  name: "安全生产工作目标考评表",
  source: "https://m.aqrzj.com/doc/229894.html",
  grid: table(
    6,
    [
      ["序号", "项目", "分值", "考核内容及要求", "评分标准", "得分"],
      "2、安全基础管理(15分)",
      [5, "层层签订安全目标责任书", 5, "签订安全目标责任书", "一项不符扣1分,扣完为止", null],
      [6, "安全台帐,记录", 5, "基础资料齐全,记录真实完整", "一项不符扣0.5分,扣完为止。", null],
      [7, "安全教育", 5, "上报及时按时按计划进行,并做好相关记录", "二,三级安全教育,一项不符扣0.5分;按要求进行管理人员和员工安全培训考核,一项不符扣0.5分;按要求进行转岗,复工,新工艺,新技术,新设备投产前安全培训,一项不符扣0.5分;领导及管理人员按要求参加班组安全活动,一项不符扣0.5分;班组安全活动符合要求,一项不符扣0.5分,扣完为止。", null],
    ],
    [],
    5,
  ),
};

/** 安全生产目标考核表: 序号 | 考核项目 | 考核内容及要求 | 应得分 | 评分细则 | 扣分情况 | 实得分. */
export const safetyAssessment: Published = {
  name: "安全生产目标考核表 应得分 实得分",
  source: "https://www.xiaomilidoc.com/p-12756273.html",
  grid: table(
    8,
    [
      "安全生产目标考核表",
      ["序号", "考核项目", null, "考核内容及要求", "应得分", "评分细则", "扣分情况", "实得分"],
      [1, "安全生产管理情况", "安全责任制", "建立健全安全生产责任制,主要负责人依法对本单位的安全工作全面负责.", 4, "1、未建立安全生产责任制的扣 4 分,责任制不完善的扣 2 分;2、项目经理未取得安全生产考核合格证的,每有 1 人扣 0。5 分.", null, null],
      [2, null, "安全管理网络", "建立和完善安全生产管理网络,按标准配备 专 职 安 全 管 理 人员。", 6, "1、未建立安全生产管理小组扣 4 分,不完善扣 2 分;2、未配备专职安全员扣 4 分,专职安全员低于标准要求或实际不在岗的,每少 1 人扣 2 分,安全员中有未取得安全生产合格证的,每有 1 人扣 1 分.", null, null],
      [3, null, "安全目标与责任状", "根据公司年度安全工作要点,制定本单位年度安全工作计划、目标,与下属单位签订安全生产目标责任状,层层分解落实,并制定考核细则,杜绝以包代管现象.", 4, "1、未制定年度安全工作计划目标的扣 2分;2、无考核细则的扣 2 分,考核细则不符合实际,操作性差的扣 1 分;3、未签订安全生产目标责任状的,每缺 1份扣 1 分;合同中存在以包代管内容的每有 1 份扣 0.5 分.4、年中未根据考核细则对下属单位进行目标责任状完成情况考核的,每缺一次扣 1分.", null, null],
    ],
    ["B2:C2", down("B", 3, 5)],
    7,
  ),
};

/** 各区政府门户网站考评指标及评分细则: 一级 | 二级 | 三级指标 | 权重 | 考评内容 | 评分细则. */
export const portalSites: Published = {
  name: "门户网站考评指标及评分细则",
  source: "https://m.31ppt.com/p-4368166.html",
  grid: table(
    7,
    [
      "一、各区政府(管委会)门户网站考评指标及评分细则",
      ["一级指标", "二级指标", "三级指标", "权重", "考评内容", "评分细则", "得分"],
      ["健康情况(15)", "常态化监管(13)", "可用情况", 6, "按照国办普查及通报相关要求,监测网站能否正常访问,以及页面、图片、附件、功能与外部链接的可用情况和各栏目更新维护情况。", "参照国务院办公厅普查评分要求(国办发(2015)15号),每季度对网站健康情况进行检查,发现问题按比重扣分。", null],
      [null, null, "更新情况", 6, null, null, null],
      [null, null, "商业广告", 1, "辖区内各级政府网站是否存在刊登商业广告问题。", "发现辖区内各级政府网站刊登商业广告的,此项不得分。", null],
      [null, "问题整改情况(2)", "整改时间", 1, "对监测抽查反馈问题是否及时整改。", "对监测抽查反馈问题未及时整改反馈的,此项不得分", null],
      [null, null, "整改质量", 1, "对监测抽查反馈问题的整改质量。", "对监测抽查反馈问题整改不到位的,此项不得分。", null],
    ],
    [down("A", 3, 7), down("B", 3, 5), down("B", 6, 7)],
    6,
  ),
};

/** Every published table of the corpus, in the order they were added. */
export const PUBLISHED: Published[] = [
  licheng2020,
  township2010,
  secrecyVeto,
  secrecyDuty,
  secrecyInspection,
  integrity2012,
  countyItems,
  archives,
  xuanzhou2021,
  safetyGoals,
  safetyAssessment,
  portalSites,
];
