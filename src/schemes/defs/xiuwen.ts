/**
 * 修文县政务公开工作目标考核 (40分 = 35 基础分 + 5 加分): the seed is prose; laid out here as a
 * table with one section row per part of "三、考核内容与标准". Printed numbering is kept within
 * each section except the 加分指标, numbered 1–8 (the seed prints "3." twice).
 * Not stated in the table itself: the 加分指标 group cap of 5 (stated once in prose as "甲类累计
 * 最高5分", kept as a note row and declared in the scheme), and the unit classes 一类/二类 whose
 * rates differ in item 9.
 */
import type { ScoreRow, ScoreSheetDef, TemplateDef } from "../template";
import { matchFromSheet } from "../match";

const VETO = "一票否决";
const DEDUCT = "扣分项";
const BONUS = "加分项";

const rows: ScoreRow[] = [
  { span: "一、政务公开重点任务(24分)", kind: "section" },
  { id: 1, title: "及时报送本单位政府信息公开工作年度报告", max: 1, method: "未及时报送扣1分" },
  { id: 2, title: "及时更新“政民互动知识库”及“惠企利民政策”工作", max: 0.5, method: "未及时报送扣0.5分" },
  { id: 3, title: "及时报送半年和全年《基层政务公开推进情况表》", max: 2, method: "半年及全年各1分,未及时报送每次扣1分" },
  {
    id: 4,
    title: "及时报送《公众参与行政决策事项清单》《公众参与行政决策事项相关制度》和公众参与行政决策事项工作开展情况及印证资料",
    max: 3,
    method: "每未及时报送1次扣1分",
  },
  { id: 5, title: "及时报送《年度政务公开工作实施方案》", max: 0.5, method: "未及时报送扣0.5分" },
  { id: 6, title: "及时报送《修文县年度政务公开工作要点》相关资料", max: 2, method: "未及时报送扣2分" },
  { id: 7, title: "及时梳理报送《基层政务公开工作责任清单》", max: 1, method: "未及时报送扣1分" },
  { id: 8, title: "及时更新本单位领导之窗、工作职责、政策文件及政策落实情况等", max: 2, method: "未及时更新一个栏目扣0.5分" },
  {
    id: 9,
    title: "及时更新本单位工作动态,一类考核单位每周发布2条此信息,二类考核单位每周发布1条此信息",
    max: 6,
    method: "一类考核单位每周缺少1条信息扣0.1分,二类考核单位每周缺少1条信息扣0.2分",
  },
  { id: 10, title: "按照政府信息公开条例的有关要求,及时维护网站各类栏目或报送资料到政府办信息科", max: 6, method: "根据维护或报送的情况,按比例扣分" },
  { span: "二、全面提升政务公开标准化规范化建设(9分)", kind: "section" },
  {
    id: 1,
    title: "按照修文县全面推进基层政务公开标准化规范化相关要求及各单位《政务公开工作责任清单》要求,按时公开各项政府信息",
    max: 9,
    method: "根据及时公开情况按比例扣分",
  },
  { span: "三、依申请公开办理(2分)", kind: "section" },
  {
    id: 1,
    title: "按照《中华人民共和国政府信息公开条例》的有关要求,积极推进政府信息依申请公开工作,在规定时间内有效开展依申请公开回复",
    max: 2,
    method: "因办理程序不规范,回复不及时、回复内容质量低等,引发行政复议、行政诉讼且被依法纠错的,得0分;对依申请公开信件不回复的,得0分",
  },
  { span: "四、加分指标(5分)", kind: "section" },
  { id: 1, title: "积极抓好政策文件解读工作,单位主要领导亲自解读政策文件或召开政策新闻发布会", max: BONUS, method: "每次加1.5分,加分最高不超过3分" },
  {
    id: 2,
    title: "按照规范性文件开展有关程序,做好规范性文件备案、政策解读等工作,及时上报按照规范性文件备案整套资料",
    max: BONUS,
    method: "每个加2分,加分最高不超过4分",
  },
  { id: 3, title: "开展规范性文件清理并及时上报清理台账", max: BONUS, method: "每个加0.1分,加分最高不超过1分" },
  { id: 4, title: "重大决策预算公开按照有关程序开展意见征集,并及时预公开", max: BONUS, method: "每次加2分,加分最高不超过4分" },
  { id: 5, title: "在县人民政府门户网站开展意见征集,及时反馈征集结果和结果分析", max: BONUS, method: "每次加1分,加分最高不超过2分" },
  { id: 6, title: "在县人民政府门户网站开展网上调查", max: BONUS, method: "每次加1分,最高不超过2分" },
  { id: 7, title: "开展政民互动工作,按照有关要求处理市长、县长信箱案件,网民反馈为满意", max: BONUS, method: "每次加0.3分,加分最高不超过3分" },
  {
    id: 8,
    title: "提供非涉密且定稿的“十四五”规划和专项规划、空间规划、区域规划、“强省会”五年行动各领域相关规划、历史规划",
    max: BONUS,
    method: "每次加0.3分,最高不超过3分",
  },
  { span: "以上加分项累计最高5分,超过5分的按5分计算。", kind: "note" },
  { span: "五、扣分指标", kind: "section" },
  { id: 1, title: "政务公开信息出现失、泄密事件", max: VETO, method: "执行一票否决,全年政务公开分值扣为0分" },
  { id: 2, title: "上传政务公开信息不去格式,导致出现网络安全事故、网页被篡改等情况", max: VETO, method: "执行一票否决制度,全年政务公开分值扣为0分" },
  { id: 3, title: "涉及党、国家、国家领导人及重要政治术语表述错误,且被省、市有关部门监测到的", max: VETO, method: "执行一票否决制度,全年政务公开分值扣为0分" },
  { id: 4, title: "政务公开信息、政民互动回复及依申请公开信息,造成重大负面影响的", max: VETO, method: "执行一票否决制度,全年政务公开分值扣为0分" },
  {
    id: 5,
    title: "在国家、省和市政府透明度监测中,承担的公开任务被列入问题清单要求整改,进而影响全县政务公开评估成绩的",
    max: DEDUCT,
    method: "涉及单位每出现一项扣5分,最多扣40分",
  },
  { id: 6, title: "政务公开信息,出现一般错敏字、严重错敏字", max: DEDUCT, method: "出现一般错敏字,每发现一个扣0.2分;出现严重错敏字,每发现一个扣5分,最多扣40分" },
  { id: 7, title: "报送虚假信息或禁发信息,并出现严重后果的", max: DEDUCT, method: "每发现一条扣5分,最多扣40分" },
  { id: 8, title: "报送群众身份证、银行账号、手机号码全号和疾病类型的", max: DEDUCT, method: "每发现一个扣2分,最多扣40分" },
  { span: "六、新增工作考核", kind: "section" },
  {
    id: 1,
    title: "根据省、市、县政务公开工作领导小组的临时工作安排,对所有临时增加的工作任务进行考核",
    max: "加、扣分项",
    method: "根据实际情况确定加分数和扣分数",
  },
  { total: "合计", cells: { max: 35 } },
];

const sheet: ScoreSheetDef = {
  kind: "score",
  name: "目标考核评分表",
  title: "修文县政务公开工作目标考核评分表",
  preamble: ["(共40分,其中基础考核分35分,加分项5分)", "考核单位:", "单位类别(一类/二类):"],
  columns: [
    { key: "id", header: "序号", width: 6, align: "center" },
    { key: "title", header: "考核内容", width: 52 },
    { key: "max", header: "分值", width: 8, align: "center" },
    { key: "method", header: "评分标准", width: 44 },
    { key: "self", header: "自评得分", width: 10, input: true, align: "center" },
    { key: "review", header: "考核得分", width: 10, input: true, align: "center" },
  ],
  rows,
};

export const XIUWEN: TemplateDef = {
  id: "xiuwen-40",
  name: "修文县政务公开工作目标考核评分表(40分)",
  source: "修文县政务公开工作考核实施方案(三、考核内容与标准)",
  sheets: [sheet],
  scheme: {
    id: "xiuwen-40",
    name: "修文县政务公开工作目标考核(40分)",
    match: matchFromSheet(sheet),
    // 40 = 35 base points (the scored items) + 5 bonus points (the capped 加分指标).
    declaredMax: 35,
    groupCaps: [{ category: "加分指标", cap: 5 }],
    unitClasses: ["一类", "二类"],
  },
};
