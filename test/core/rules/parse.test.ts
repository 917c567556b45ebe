import { describe, expect, it } from "vitest";
import { parseHeading, parseMaxCell, parseRules, pointsIn, sheetBase } from "../../../src/core/rules/parse";
import type { Rule } from "../../../src/core/rules/types";
import { bonus, bonusCap, deduct, deductCap, expectQuoted, floor, groupCap, points, veto } from "./helpers";

/** Every rule phrase of the seed tables: 根河 (000), 修文 (002), 乌海 (003). */
const seeds: Array<[string, Rule[]]> = [
  // 根河
  ["任务分解文件、检查指导情况、考核及评议结果同步报市政务公开办,一项未达标扣4分,未作任务分解本项不得分", [deduct(4, "项"), floor]],
  [
    "年度报告按时发布、要素齐全、内容详尽,更多运用图片、图表、图解等表现形式,用数字说话,4分;及时更新政府信息,按市政府门户网站信息采用情况通报结果赋分(排名),0-4分",
    [points(4), points(4)],
  ],
  [
    "办理资料复印件报送主管部门1件2分,满分10分;办理1件未达标扣2分;发生行政复议、行政诉讼纠错,1件办理事项扣10分",
    [bonus(2, "件", { cap: 10 }), deduct(2, "件"), deduct(10, "件")],
  ],
  [
    "发布单份政策解读材料加2分,累计不超过10分;应发布未发布或因材料不达标未发布,每件扣2分,累计不超过10分",
    [bonus(2, "份", { cap: 10 }), deduct(2, "件", { cap: 10 })],
  ],
  ["根据查看文件、资料评分", []],
  ["通过查看下行公文运转程序以及标注公开属性、理由情况赋分", []],
  ["根据各乡镇办事处向根河市政府门户网站发布情况赋分", []],
  ["提供可供查询的舆情回应信息网络网址,并结合登记、统计资料赋分", []],
  ["根据现场查看场所、设备、相关资料情况和查阅点收取信息情况的反馈评分", []],
  ["报送政务公开工作信息至市政务公开办、政务服务中心、档案局,保质保量,每月至少2期", []],
  ["解读材料在文件公开后3日内在市政府门户网站和《政府公报》发布", []],
  // 修文
  ["按要求完成考核内容的不扣分,未完成考核内容的'扣除相应分数,各指标分值扣完为止。", [floor]],
  ["(分值1分,未及时报送扣1分)", [points(1), deduct(1)]],
  ["(分值0.5分,未及时报送扣0.5分)", [points(0.5), deduct(0.5)]],
  ["(分值2分,半年及全年各1分,未及时报送每次扣1分)", [points(2), deduct(1, "次")]],
  ["(分值3分,每未及时报送1次扣1分)", [points(3), deduct(1, "次")]],
  ["(分值2分,未及时报送扣2分)", [points(2), deduct(2)]],
  ["(分值2分,未及时更新一个栏目扣0.5分)", [points(2), deduct(0.5, "个")]],
  [
    "(分值6分,一类考核单位每周缺少1条信息扣0.1分,二类考核单位每周缺少1条信息扣0.2分)",
    [points(6), deduct(0.1, "条", { unitClass: "一类" }), deduct(0.2, "条", { unitClass: "二类" })],
  ],
  ["(分值6分,根据维护或报送的情况,按比例扣分)", [points(6)]],
  ["(该项工作目标考核分值为9分,根据及时公开情况按比例扣分)", [points(9)]],
  ["因办理程序不规范,回复不及时、回复内容质量低等,引发行政复议、行政诉讼且被依法纠错的,得0分;", [floor]],
  ["对依申请公开信件不回复的,得0分。", [floor]],
  ["(每次加1.5分,加分最高不超过3分)", [bonus(1.5, "次", { cap: 3 })]],
  ["(每个加2分,加分最高不超过4分)", [bonus(2, "个", { cap: 4 })]],
  ["(每个加0.1分,加分最高不超过1分)", [bonus(0.1, "个", { cap: 1 })]],
  ["(每次加2分,加分最高不超过4分)", [bonus(2, "次", { cap: 4 })]],
  ["(每次加1分,加分最高不超过2分)", [bonus(1, "次", { cap: 2 })]],
  ["(每次加1分,最高不超过2分)", [bonus(1, "次", { cap: 2 })]],
  ["(每次加0.3分,加分最高不超过3分)", [bonus(0.3, "次", { cap: 3 })]],
  ["(每次加0.3分,最高不超过3分)", [bonus(0.3, "次", { cap: 3 })]],
  ["以上加分项甲类累计最高5分,超过5分的按5分计算。", [groupCap(5)]],
  ["政务公开信息出现失、泄密事件,执行一票否决,全年政务公开分值扣为0分;", [veto]],
  ["上传政务公开信息不去格式,导致出现网络安全事故、网页被篡改等情况,执行一票否决制度,全年政务公开分值扣为0分;", [veto]],
  ["涉及党、国家、国家领导人及重要政治术语表述错误,且被省、市有关部门监测到的,执行一票否决制度,全年政务公开分值扣为0分;", [veto]],
  ["政务公开信息、政民互动回复及依申请公开信息,造成重大负面影响的,行一票否决制度,全年政务公开分值扣为0分;", [veto]],
  [
    "在国家、省和市政府透明度监测中,承担的公开任务被列入问题清单要求整改,进而影响全县政务公开评估成绩的,涉及单位每出现一项扣5分,最多扣40分。",
    [deduct(5, "项", { cap: 40 })],
  ],
  ["政务公开信息,出现一般错敏字,每发现一个扣0.2分;出现严重错敏字,每发现一个扣5分,最多扣40分;", [deduct(0.2, "个"), deduct(5, "个", { cap: 40 })]],
  ["报送虚假信息或禁发信息,并出现严重后果的,每发现一条扣5分,最多扣40分。", [deduct(5, "条", { cap: 40 })]],
  ["报送群众身份证、银行账号、手机号码全号和疾病类型的,每发现一个扣2分,最多扣40分。", [deduct(2, "个", { cap: 40 })]],
  ["根据省、市、县政务公开工作领导小组的临时工作安排,对所有临时增加的工作任务,根据实际情况确定加分数和扣分数。", []],
  // 乌海
  ["主要领导年内至少听取一次政务公开工作汇报(3分),研究部署推进工作(2分)。", [points(3), points(2)]],
  ["政务公开列入单位领导工作分工(3分),并在本单位网站公开(2分)。", [points(3), points(2)]],
  ["政务公开纳入本部门绩效评估,分值权重不低于4%(3分)。", [points(3)]],
  ["有相关责任处室,有专人经办。(2分)", [points(2)]],
  ["每年至少开展一次政务公开业务培训。(3分)", [points(3)]],
  ["建立健全政务舆情监测、研判回应机制(1分)", [points(1)]],
  ["编制政府信息公开年报(2分),并在部门网站及时发布、更新(1分)", [points(2), points(1)]],
  [
    "20个工作日内及时、准确、全面、主动公开属于主动公开范围的政府信息(5分),重大决策出台前征集社会意见并向社会公开相关信息(5分)。",
    [points(5), points(5)],
  ],
  [
    "部门网站设置依申请公开专栏,拥有网上下载和在线提交信息公开申请表的功能。(4分)依法依规办理依申请公开,告知书格式、内容规范。(3分)政府信息公告开行政复议和行政诉讼被纠错率低于10%,对被纠错问题进行及时整改。(3分)",
    [points(4), points(3), points(3)],
  ],
  ["完善政务服务制度和流程(2分),建立政府信息资源共享管理制度(2分),规范权力清单、责任清单、便民利民服务清单等办理事项。(1分)", [points(2), points(2), points(1)]],
  ["部门网站设置新闻发布专栏(2分)主要负责人参加新闻发布会,接受采访,发表文章。(3分)", [points(2), points(3)]],
  ["组 织 领 导 (20分)", [points(20)]],
];

/** The same grammar in other units' wording, numbers, units, numerals and punctuation. */
const variants: Array<[string, Rule[]]> = [
  // per-unit deductions
  ["两项未达标的,每项扣3分", [deduct(3, "项")]],
  ["一份未按时报送扣2分", [deduct(2, "份")]],
  ["每缺少一期扣０．５分，扣完为止", [deduct(0.5, "期"), floor]],
  ["每少报送一份扣1分,累计扣分不超过6分", [deduct(1, "份", { cap: 6 })]],
  ["每处错误扣0.5分,本项最多扣3分", [deduct(0.5, "处", { cap: 3 })]],
  ["被上级通报批评一次扣2分", [deduct(2, "次")]],
  ["扣两分", [deduct(2)]],
  ["扣２分", [deduct(2)]],
  ["未按时报送的，减1分", [deduct(1)]],
  ["未按要求公开的扣除1分", [deduct(1)]],
  ["未按期更新的扣减一点五分", [deduct(1.5)]],
  ["扣1分/个,扣完为止", [deduct(1, "个"), floor]],
  // a full stop or semicolon ends the sentence: the cap stands on its own and caps the item
  ["每篇扣0.2分；最多扣2分", [deduct(0.2, "篇"), deductCap(2)]],
  ["未设置专栏的,扣3分;专栏内容更新不及时的,每发现一处扣0.5分,扣完为止", [deduct(3), deduct(0.5, "处"), floor]],
  ["每发现1个栏目未更新扣0.3分，扣分上限为3分", [deduct(0.3, "个", { cap: 3 })]],
  ["每周少发布一条动态扣0.2分,扣满5分为止", [deduct(0.2, "条", { cap: 5 })]],
  ["超过3日未回复的扣1分", [deduct(1)]],
  ["20个工作日内未答复的扣2分", [deduct(2)]],
  ["每件扣２分，最高扣１０分", [deduct(2, "件", { cap: 10 })]],
  ["每项扣五分,最多扣二十分", [deduct(5, "项", { cap: 20 })]],
  ["每次扣1分,累计不超过5分", [deduct(1, "次", { cap: 5 })]],
  ["未开展培训扣 2 分", [deduct(2)]],
  ["每项扣分1分", [deduct(1, "项")]],
  ["逾期一天扣1分", [deduct(1, "天")]],
  ["每延迟1个工作日扣0.5分", [deduct(0.5, "工作日")]],
  ["一个月内未更新扣1分", [deduct(1)]],
  ["一次性扣5分", [deduct(5)]],
  ["①公文提前或超期公开每条扣5分;②标题、索引号等要素未规范录入每条扣1分", [deduct(5, "条"), deduct(1, "条")]],
  ["年度报告被退回且未及时修改的,再扣5分", [deduct(5)]],
  ["凡出现发布信息“空白月”的,每个月扣10分", [deduct(10, "月")]],
  ["数量低于规定标准,出现一个月扣5分,扣完为止", [deduct(5, "月"), floor]],
  ["每项扣1分,满分5分", [deduct(1, "项"), points(5)]],
  ["一类单位扣0.1分/条,二类单位扣0.2分/条", [deduct(0.1, "条", { unitClass: "一类" }), deduct(0.2, "条", { unitClass: "二类" })]],
  // unit classes
  ["A类单位每周缺少一条信息扣0.3分；B类单位每周缺少一条信息扣0.1分", [deduct(0.3, "条", { unitClass: "A类" }), deduct(0.1, "条", { unitClass: "B类" })]],
  ["甲类考核单位,每缺一条扣0.5分", [deduct(0.5, "条", { unitClass: "甲类" })]],
  ["三类单位每月缺少1期扣1分", [deduct(1, "期", { unitClass: "三类" })]],
  [
    "一类单位每周缺少1条扣0.1分,二类单位每周缺少1条扣0.2分,累计不超过5分",
    [deduct(0.1, "条", { unitClass: "一类" }), deduct(0.2, "条", { unitClass: "二类" }), deductCap(5)],
  ],
  ["同一类问题每出现一次扣1分", [deduct(1, "次")]],
  ["三类人员每缺1人扣1分", [deduct(1, "人")]],
  ["乙类:每缺一期扣1分", [deduct(1, "期", { unitClass: "乙类" })]],
  ["第二类考核单位每缺一期扣0.5分", [deduct(0.5, "期", { unitClass: "二类" })]],
  // per-unit bonuses
  ["每篇加1分，上限5分", [bonus(1, "篇", { cap: 5 })]],
  ["加1分", [bonus(1)]],
  ["每条加0.2分，最高加2分", [bonus(0.2, "条", { cap: 2 })]],
  ["每次计1分，最多5分", [bonus(1, "次", { cap: 5 })]],
  ["每件1分,满分5分", [bonus(1, "件", { cap: 5 })]],
  ["1篇3分,满分9分", [bonus(3, "篇", { cap: 9 })]],
  ["被省级媒体采用一篇加２分，加分封顶6分", [bonus(2, "篇", { cap: 6 })]],
  ["被采用的每篇加0.5分,累计加分不超过3分", [bonus(0.5, "篇", { cap: 3 })]],
  ["每期加0.5分，以3分为限", [bonus(0.5, "期", { cap: 3 })]],
  ["获得表彰的奖励2分", [bonus(2)]],
  ["每周加十五分", [bonus(15, "周")]],
  ["每次加分0.5分,最高3分", [bonus(0.5, "次", { cap: 3 })]],
  ["参加2次以上培训加1分", [bonus(1)]],
  ["每增加1件加1分", [bonus(1, "件")]],
  ["每发布一篇加1分(最高3分)", [bonus(1, "篇", { cap: 3, text: "每发布一篇加1分(最高3分)" })]],
  ["加分：每篇1分", [bonus(1, "篇")]],
  ["以实地考评为准,一项可得2分,最高不超过6分", [bonus(2, "项", { cap: 6 })]],
  ["受到市政府以上通报表彰的,每次加3分,受到市政府办公室通报表彰的,每次加1分", [bonus(3, "次"), bonus(1, "次")]],
  ["被市级媒体采用1篇加0.5分,被省级媒体采用1篇加1分,加分累计不超过3分", [bonus(0.5, "篇"), bonus(1, "篇"), bonusCap(3)]],
  ["每件加2分,每件扣1分,最多扣5分", [bonus(2, "件"), deduct(1, "件", { cap: 5 })]],
  // standalone caps
  ["最多扣10分", [deductCap(10)]],
  ["扣分最高不超过3分", [deductCap(3)]],
  ["累计扣分不超过十分", [deductCap(10)]],
  ["加分最高不超过3分", [bonusCap(3)]],
  ["最多加5分", [bonusCap(5)]],
  ["每次扣1分。累计不超过5分", [deduct(1, "次"), deductCap(5)]],
  ["满分10分", [points(10)]],
  // floor and veto
  ["本项不得分", [floor]],
  ["该项不得分", [floor]],
  ["不得分", [floor]],
  ["未制定方案的,该项计0分", [floor]],
  ["未初审的不给分", [floor]],
  ["（未公开的不得分；未及时公开的扣2分。）", [floor, deduct(2)]],
  ["扣至0分为止", [floor]],
  ["全部未完成的,该项扣为0分", [floor]],
  ["该项得分为0", [floor]],
  // the item's whole worth taken: a floor
  ["未公开的,扣除该项全部分值", [floor]],
  ["扣除本项全部分值", [floor]],
  ["本项分值全部扣除", [floor]],
  ["未按要求公开的，扣除该项全部得分", [floor]],
  ["扣除本项所有分数", [floor]],
  ["全部扣除本项分值", [floor]],
  ["该项得分全部扣除", [floor]],
  ["未设立的扣除该项分值", [floor]],
  ["该项分值全扣", [floor]],
  ["每缺一项扣1分;未开展的扣除本项全部分值", [deduct(1, "项"), floor]],
  // a share of the worth is not all of it
  ["扣除该项分值的50%", []],
  ["扣除该项分值的一半", []],
  ["扣除相应分值", []],
  ["实行一票否决", [veto]],
  ["出现泄密事件的，实行一票否决。", [veto]],
  ["一票否决", [veto]],
  ["造成严重后果的,年度考核总分计为0分", [veto]],
  ["发生失泄密的执行一票否决;被通报的每次扣2分", [veto, deduct(2, "次")]],
  // group caps
  ["加分项合计不超过5分", [groupCap(5)]],
  ["加分总分不超过5分", [groupCap(5)]],
  ["以上加分项累计最高5分", [groupCap(5)]],
  ["上述加分累计最多不超过８分", [groupCap(8)]],
  ["三、加分项(5分)", [groupCap(5)]],
  // points
  ["建立工作台账（2 分），按月更新（１分）", [points(2), points(1)]],
  ["公开年度报告（三分）", [points(3)]],
  ["分值:4分", [points(4)]],
  ["本项2分", [points(2)]],
  ["（共3分）", [points(3)]],
  ["按要求公开的,0～6分", [points(6)]],
  ["根据排名赋分,0至5分", [points(5)]],
  ["内容完整,3分;格式规范,2分", [points(3), points(2)]],
  ["发布经济运行情况5分,发布解读社会关注的重要指标数据5.5分.", [points(5), points(5.5)]],
  ["公开随机抽查事项抽查依据0.1-0.5分,公开内容0.2-2分", [points(0.5), points(2)]],
  ["考核总分100分", [points(100)]],
  // discretionary: understood, nothing to compute
  ["根据情节酌情扣分", []],
  ["酌情加分", []],
  ["拒不整改的,加重扣分", []],
  ["根据实际情况确定加分数和扣分数", []],
  ["根据情况扣分", []],
  ["发现问题按比重扣分", []],
  ["按权重扣分", []],
  ["发现问题的,按所占比重扣减分值", []],
  ["按指标权重扣除相应分值,最多扣5分", [deductCap(5)]],
  // a weight is not points, nor a rule
  ["组织领导(权重20%)", []],
  ["加分权重20%", []],
  ["扣分项权重10%,每项扣1分", [deduct(1, "项")]],
  ["(分值6分,权重20%)", [points(6)]],
  // a range bounds the assessor's choice: the rule says it ("扣1-3分" reads the same with or without 酌情)
  ["视情况酌情扣1-3分", [deduct(1, null, { stepMax: 3 })]],
  ["未达标扣1-3分", [deduct(1, null, { stepMax: 3 })]],
  // 每 with a count: the rate is per that many units (the optional field `per`)
  ["每发现3处扣1分", [deduct(1, "处", { per: 3 })]],
  // what meeting the condition earns: the item's worth
  ["全部完成得5分", [points(5)]],
  ["未上报的扣分", []],
  // descriptive text
  ["每月至少发布2期简报", []],
  ["主动公开率不低于4%", []],
  ["", []],
  ["加、扣分项", []],
];

describe("parseRules", () => {
  it.each(seeds)("seed: %s", (text, rules) => {
    const result = parseRules(text);
    expect(result).toEqual({ rules, issues: [] });
    expectQuoted(text, result.rules);
  });

  it.each(variants)("%s", (text, rules) => {
    const result = parseRules(text);
    expect(result).toEqual({ rules, issues: [] });
    expectQuoted(text, result.rules);
  });

  it.each([
    // the 根河 seed's typo: 扣1份 is read as nothing rather than guessed as 扣1分
    ["单份文件未达标扣1份", "单份文件未达标扣1份"],
    ["查看下行公文运转程序,单份文件未达标扣1份", "单份文件未达标扣1份"],
    ["3个月未更新扣1分", "3个月未更新扣1分"],
    ["累计不超过5分", "累计不超过5分"],
    ["考核得分低于60分的", "考核得分低于60分的"],
    ["90分以上为优秀", "90分以上为优秀"],
  ])("%s → not understood", (text, clause) => {
    expect(parseRules(text).issues).toEqual([{ code: "rule_not_understood", text: clause }]);
  });

  it("reads the understood rules of a text even when one phrase is not understood", () => {
    expect(parseRules("单份文件未达标扣1份;未作任务分解本项不得分")).toEqual({
      rules: [floor],
      issues: [{ code: "rule_not_understood", text: "单份文件未达标扣1份" }],
    });
  });

  it.each([
    ["出现一般错敏字,每发现一个扣0.2分;出现严重错敏字,每发现一个扣5分,最多扣40分", ["出现一般错敏字,每发现一个扣0.2分", "出现严重错敏字,每发现一个扣5分,最多扣40分"]],
    ["(分值2分,半年及全年各1分,未及时报送每次扣1分)", ["分值2分", "未及时报送每次扣1分"]],
    ["执行一票否决,全年政务公开分值扣为0分", ["执行一票否决,全年政务公开分值扣为0分"]],
    ["每件扣２分，累计不超过１０分", ["每件扣２分，累计不超过１０分"]],
    ["建立台账（2 分）。按月更新。（1分）", ["建立台账（2 分）", "按月更新。（1分）"]],
    ["每件扣2分扣完为止", ["每件扣2分", "扣完为止"]],
    ["每件加2分、最高10分", ["每件加2分、最高10分"]],
    ["每发布一篇加1分(最高3分)", ["每发布一篇加1分(最高3分)"]],
    ["A类单位，每缺一期扣1分；B类单位每缺一期扣0.5分", ["A类单位，每缺一期扣1分", "B类单位每缺一期扣0.5分"]],
    ["每季度报送数量不达标的,每少1篇,扣1分", ["每季度报送数量不达标的,每少1篇,扣1分"]],
    ["优秀得5分,良好得3分;一般得1分", ["优秀得5分,良好得3分;一般得1分"]],
    ["(分值2分,按时报送得2分,逾期报送得1分)", ["分值2分"]],
    ["每次扣0.5分至1分,最多扣3分", ["每次扣0.5分至1分,最多扣3分"]],
  ])("keeps the words of %s as the user typed them", (text, texts) => {
    expect(parseRules(text).rules.map((r) => r.text)).toEqual(texts);
  });
});

describe("an item's worth said twice", () => {
  it.each<[string, Rule[]]>([
    ["本项10分。按时报送的,得基本分10分;每迟报1天扣1分", [points(10, "本项10分"), deduct(1, "天")]],
    ["（15分）全部公开得基本分15分，每缺一项扣1分", [points(15), deduct(1, "项")]],
    ["满分10分,达到要求的得满分10分", [points(10, "满分10分")]],
    ["本项满分10分,全部公开的得基础分10分", [points(10)]],
    ["分值5分。按要求公开的得基本分5分,未公开的不得分", [points(5), floor]],
    ["本项为8分,按时报送计基本分8分", [points(8)]],
    [
      "(1)国家级用稿(15分)。采用1篇,得基本分15分;(2)省级用稿(10分)。采用1篇,得基本分10分",
      [points(15, "(1)国家级用稿(15分)"), points(10, "(2)省级用稿(10分)")],
    ],
    ["(3)市级用稿(7 分)。电视台采用 1条,2分;报纸用稿 1 篇,2分;网站用稿 6篇,3 分。", [points(7)]],
    ["分值6分。(1)建立制度(3分);(2)落实制度(3分)", [points(6)]],
    ["本项10分,采用1篇得基本分10分,每多1篇加2分", [points(10), bonus(2, "篇")]],
    ["(10分)全部完成的,给予10分", [points(10, "(10分)")]],
    ["(10分)全部完成的,获得10分", [points(10, "(10分)")]],
  ])("counts the worth of %s once", (text, rules) => {
    const got = parseRules(text);
    expect(got.rules).toEqual(rules);
    expect(got.issues).toEqual([]);
    expectQuoted(text, got.rules);
  });

  it.each<[string, Rule[]]>([
    ["(1)听取汇报(3分)。(2)研究部署推进工作,3分", [points(3), points(3)]],
    ["听取汇报(3分),研究部署推进工作(2分)", [points(3), points(2)]],
    ["(1)国家级用稿(15分)。采用1篇,得基本分10分", [points(15), points(10)]],
    ["(1)国家级用稿得基本分5分;(2)省级用稿得基本分5分", [points(5), points(5)]],
    ["采用1篇,得基本分15分", [points(15)]],
    ["分值6分。(1)建立制度(3分);(2)落实制度(2分)", [points(6), points(3), points(2)]],
    ["每篇加1分,本项满分10分", [bonus(1, "篇", { cap: 10 })]],
    ["本项10分每缺一项扣1分", [points(10), deduct(1, "项")]],
    ["本项得分低于60分的,扣5分", [deduct(5)]],
    // 给予 gives points as 得 does: alternatives, or a rate with 每
    ["全部完成的,给予10分,部分完成的给予5分", [points(10)]],
    ["每篇给予2分", [bonus(2, "篇")]],
  ])("keeps %s as it says", (text, rules) => {
    expect(parseRules(text).rules).toEqual(rules);
  });
});

describe("sheetBase", () => {
  it.each<[string, number | null]>([
    ["注:各科室(含政务服务中心)基础得分为6分,扣完为止,加分无上限", 6],
    ["说明:各单位基础分100分,按下列标准扣分,扣完为止", 100],
    ["（以１００分为基础分，扣完为止）", 100],
    ["基本分值为60分", 60],
    ["注:以上各项达到要求的,得满分", null],
    ["注:加分项累计最高5分", null],
    ["基础工作(20分)", null],
  ])("%s → %s", (text, points) => {
    expect(sheetBase(text)?.points ?? null).toBe(points);
  });
});

describe("pointsIn", () => {
  it.each([
    ["主要领导年内至少听取一次政务公开工作汇报(3分),研究部署推进工作(2分)。", [3, 2]],
    ["（分值2分，未及时报送扣2分）", [2]],
    ["每月至少2期", []],
  ])("%s → %j", (text, amounts) => {
    expect(pointsIn(text)).toEqual(amounts);
  });
});

describe("parseMaxCell", () => {
  it.each<[unknown, unknown]>([
    [10, { kind: "scored", max: 10 }],
    [0.5, { kind: "scored", max: 0.5 }],
    ["10", { kind: "scored", max: 10 }],
    ["10分", { kind: "scored", max: 10 }],
    ["１０ 分", { kind: "scored", max: 10 }],
    ["10.0", { kind: "scored", max: 10 }],
    [" 6 ", { kind: "scored", max: 6 }],
    ["十分", { kind: "scored", max: 10 }],
    ["加分项", { kind: "adjust", sign: "bonus" }],
    ["加分", { kind: "adjust", sign: "bonus" }],
    ["附加分", { kind: "adjust", sign: "bonus" }],
    ["扣分项", { kind: "adjust", sign: "deduct" }],
    ["减分项", { kind: "adjust", sign: "deduct" }],
    ["加、扣分项", { kind: "adjust", sign: "both" }],
    ["加/扣分项", { kind: "adjust", sign: "both" }],
    ["加减分项", { kind: "adjust", sign: "both" }],
    ["加 、扣 分 项", { kind: "adjust", sign: "both" }],
    ["加扣分", { kind: "adjust", sign: "both" }],
    ["一票否决", { kind: "veto" }],
    ["否决项", { kind: "veto" }],
    ["一票否决项", { kind: "veto" }],
    [null, { kind: "blank" }],
    ["", { kind: "blank" }],
    ["  ", { kind: "blank" }],
    ["—", { kind: "blank" }],
    ["待定", { kind: "unknown", text: "待定" }],
    ["10分以内", { kind: "unknown", text: "10分以内" }],
    ["满分10分", { kind: "scored", max: 10 }],
    // the words after the points are the cell's own rule text
    ["5分(每项1分)", { kind: "scored", max: 5, note: "每项1分" }],
    ["10（每次2分）", { kind: "scored", max: 10, note: "每次2分" }],
    ["单项否决", { kind: "veto" }],
    // the bracket of an adjustment cell caps it
    ["加分项（最高5分）", { kind: "adjust", sign: "bonus", cap: 5 }],
    [true, { kind: "unknown", text: "true" }],
    [Number.NaN, { kind: "unknown", text: "NaN" }],
  ])("%j → %j", (cell, expected) => {
    expect(parseMaxCell(cell as never)).toEqual(expected);
  });

  it.each<[string, unknown]>([
    // points, then the rules the cell states
    ["10分,每项扣2分", { kind: "scored", max: 10, note: "每项扣2分" }],
    ["10分(每项扣2分)", { kind: "scored", max: 10, note: "每项扣2分" }],
    ["１０分（每项扣２分）", { kind: "scored", max: 10, note: "每项扣2分" }],
    ["10分。每缺一项扣2分", { kind: "scored", max: 10, note: "每缺一项扣2分" }],
    ["分值:8分;未公开的不得分", { kind: "scored", max: 8, note: "未公开的不得分" }],
    ["10 分 每缺一项扣2分", { kind: "scored", max: 10, note: "每缺一项扣2分" }],
    ["十五分，每次扣1分", { kind: "scored", max: 15, note: "每次扣1分" }],
    ["10分(权重20%)", { kind: "scored", max: 10, note: "权重20%" }],
    ["10 分以内", { kind: "unknown", text: "10 分以内" }],
    ["10分;", { kind: "scored", max: 10 }],
    ["10 分。", { kind: "scored", max: 10 }],
    ["一票否决(发生泄密事件)", { kind: "veto" }],
    // an adjustment cell's cap: its bracket's points or cap phrase
    ["加分项(5分)", { kind: "adjust", sign: "bonus", cap: 5 }],
    ["加分项(最高5分)", { kind: "adjust", sign: "bonus", cap: 5 }],
    ["附加分（最多加3分）", { kind: "adjust", sign: "bonus", cap: 3 }],
    ["扣分项(最多扣10分)", { kind: "adjust", sign: "deduct", cap: 10 }],
    ["减分项(累计不超过八分)", { kind: "adjust", sign: "deduct", cap: 8 }],
    ["扣分项:扣分上限10分", { kind: "adjust", sign: "deduct", cap: 10 }],
    ["加分项5分封顶", { kind: "adjust", sign: "bonus", cap: 5 }],
    ["加分(以3分为限)", { kind: "adjust", sign: "bonus", cap: 3 }],
    ["加、扣分项(10分)", { kind: "adjust", sign: "both", cap: 10 }],
    // a cap one way of an item that may go both ways, or the other way: its words stay rule text
    ["加、扣分项(最多加5分)", { kind: "adjust", sign: "both", note: "最多加5分" }],
    ["加分项(最多扣5分)", { kind: "adjust", sign: "bonus", note: "最多扣5分" }],
    ["加分项(每项加2分,最高6分)", { kind: "adjust", sign: "bonus", note: "每项加2分,最高6分" }],
    ["加分项:每项加1分", { kind: "adjust", sign: "bonus", note: "每项加1分" }],
    ["加分说明", { kind: "unknown", text: "加分说明" }],
    // a cap alone: an adjustment that way
    ["最高5分", { kind: "adjust", sign: "bonus", cap: 5 }],
    ["最多加3分", { kind: "adjust", sign: "bonus", cap: 3 }],
    ["不超过5分", { kind: "adjust", sign: "bonus", cap: 5 }],
    ["最多扣10分", { kind: "adjust", sign: "deduct", cap: 10 }],
    ["扣分不超过4分", { kind: "adjust", sign: "deduct", cap: 4 }],
    ["累计5分", { kind: "unknown", text: "累计5分" }],
    // a weight is not points
    ["20%", { kind: "unknown", text: "20%" }],
    ["权重20%", { kind: "unknown", text: "权重20%" }],
    ["（权重20%）", { kind: "unknown", text: "（权重20%）" }],
    ["20 %", { kind: "unknown", text: "20 %" }],
    ["加分项(权重5%)", { kind: "adjust", sign: "bonus" }],
  ])("%j → %j", (cell, expected) => {
    expect(parseMaxCell(cell)).toEqual(expected);
  });
});

describe("parseHeading", () => {
  const heading = (name: string, points: number | null = null, cap: number | null = null) => ({ name, points, cap });
  it.each([
    ["三、加分项(5分)", heading("加分项", 5)],
    ["组 织 领 导 (20分)", heading("组织领导", 20)],
    ["（一）政务公开重点任务（24分）", heading("政务公开重点任务", 24)],
    ["1.组织保障(共20分)", heading("组织保障", 20)],
    ["第二部分 主动公开", heading("主动公开")],
    ["政策解读", heading("政策解读")],
    ["(五)扣分指标", heading("扣分指标")],
    ["2017年度政务公开", heading("2017年度政务公开")],
    ["3 政务服务（10分）", heading("政务服务", 10)],
    ["②热点回应(4分)", heading("热点回应", 4)],
    ["1.组织领导。(15分)", heading("组织领导", 15)],
    ["2.政府信息公开内容。(65分)", heading("政府信息公开内容", 65)],
    ["", heading("")],
    // caps in the brackets of bonus and deduction sections
    ["加分项(最多加5分)", heading("加分项", null, 5)],
    ["扣分项(最多扣10分)", heading("扣分项", null, 10)],
    ["附加分(不超过5分)", heading("附加分", null, 5)],
    ["二、加分项(最多加5分)", heading("加分项", null, 5)],
    ["附加分(不超过3分)", heading("附加分", null, 3)],
    ["四、加分项（加分累计不超过五分）", heading("加分项", null, 5)],
    ["扣分项(扣分上限为10分)", heading("扣分项", null, 10)],
    ["加分指标(最高可加3分)", heading("加分指标", null, 3)],
    ["加分项(以5分为限)", heading("加分项", null, 5)],
    ["扣分项(最多扣10分)(20分)", heading("扣分项", 20, 10)],
    // bare points: 第三方评估 weights "(12)", vertical Word text "政府信息公开12分"
    ["主动公开(12)", heading("主动公开", 12)],
    ["政策文件（6）", heading("政策文件", 6)],
    ["政\n府\n信\n息\n公\n开\n21\n分", heading("政府信息公开", 21)],
    ["政府信息公开12分", heading("政府信息公开", 12)],
    ["依申请公开 8.5分", heading("依申请公开", 8.5)],
    ["组织领导共20分", heading("组织领导", 20)],
    ["一、基础工作(60分)", heading("基础工作", 60)],
    ["2017年", heading("2017年")],
    ["政务公开", heading("政务公开")],
    ["政务公开(2023)", heading("政务公开(2023)")],
    ["政策解读(一)", heading("政策解读(一)")],
    ["加分项合计不超过5分", heading("加分项合计不超过5分")],
    ["每项扣2分", heading("每项扣2分")],
    // a weight is not points
    ["组织领导(权重20%)", heading("组织领导")],
    ["组织领导（20%）", heading("组织领导")],
    ["组织领导 权重20%", heading("组织领导")],
    ["主动公开(权重20%)(12分)", heading("主动公开", 12)],
    ["组织领导(权重20分)", heading("组织领导", 20)],
  ])("%s → %j", (text, expected) => {
    expect(parseHeading(text)).toEqual(expected);
  });
});

describe("never throws", () => {
  const alphabet = [
    ..."扣加减分每件份篇次项个条处周期一二两三十百点零类单位最多累计不超过满分上限为止得否决票(（)）,，;；。、:：0123456789.．５-～~/ \n\t",
    "\u0001", "😀", "\ud800", "分值", "一票否决", "扣完为止", "加分项", "(3分)",
    "优秀", "良好", "得", "%", "至", "百分点", "发现", "超过", "单位", "本项分值", "合计",
    "权重", "全部", "扣除", "最高", "按比重",
  ];
  let seed = 20240601;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const randomText = (length: number) => Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");

  const samples = [
    "",
    " ",
    "。。。",
    ",,,;;;()（）",
    "(((((((((",
    "分分分分",
    "扣",
    "扣分",
    "每",
    "一类",
    "(分)",
    ...Array.from({ length: 400 }, (_, i) => randomText(1 + (i % 60))),
  ];

  it.each(samples.map((s) => [s]))("%j", (text) => {
    const result = parseRules(text);
    for (const rule of result.rules) {
      // every rule quotes the words it came from
      expect(text).toContain(rule.text);
      for (const value of Object.values(rule)) if (typeof value === "number") expect(Number.isFinite(value)).toBe(true);
    }
    for (const issue of result.issues) expect(text).toContain(issue.text);
    expect(() => parseMaxCell(text)).not.toThrow();
    expect(() => parseHeading(text)).not.toThrow();
  });

  // Speed on long texts is a benchmark figure, not a unit-test threshold; here, what is read from them.
  it("reads every rule of a very long text", () => {
    const long = "每件扣2分,累计不超过10分;".repeat(5000) + "分".repeat(50000) + "(".repeat(20000);
    const result = parseRules(long);
    const rule = { kind: "deduct", step: 2, unit: "件", cap: 10, unitClass: null, text: "每件扣2分,累计不超过10分" };
    expect(result).toEqual({ rules: Array(5000).fill(rule), issues: [] });
  });

  it.each<[string, number]>([
    ["一", 0], ["累计", 0], ["加分项", 0], ["每一件", 0], ["一点", 0], ["(", 0], ["不超过", 0], ["1.", 0],
    ["权重20%", 0], ["扣除本项全部", 0], ["加分项(", 0], ["(12)", 0], ["1", 0],
    ["扣1分", 16667], ["每件2分", 12500], ["(3分)", 12500], ["10分,", 12500], ["一票否决", 1], ["(最多加5分)", 1],
  ])("reads 50 000 characters of %j: %i rules, each quoting the text", (piece, count) => {
    const text = piece.repeat(Math.ceil(50000 / piece.length));
    const result = parseRules(text);
    expect(result.rules).toHaveLength(count);
    for (const rule of result.rules) expect(text).toContain(rule.text);
    for (const issue of result.issues) expect(text).toContain(issue.text);
    expect(parseHeading(text).name.length).toBeLessThanOrEqual(text.length);
    expect(parseMaxCell(text).kind).toMatch(/^(scored|unknown)$/);
  });

  it("takes whatever a cell may hold", () => {
    for (const v of [undefined, null, 1, true, {}, []]) expect(parseRules(v as never)).toEqual({ rules: [], issues: [] });
    // null and true are in the parseMaxCell table above
    expect(parseMaxCell(undefined as never)).toEqual({ kind: "blank" });
    expect(parseMaxCell(1)).toEqual({ kind: "scored", max: 1 });
    expect(parseMaxCell({} as never)).toEqual({ kind: "unknown", text: "[object Object]" });
  });
});
