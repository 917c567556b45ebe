/**
 * 政府信息公开工作年度报告 tables as offices published them, numbers and words verbatim from the
 * stored excerpt of each page (the excerpt is cut after some 1,500 characters: each report's
 * table ends where its excerpt does, never with numbers of ours). Each is laid out the way an
 * office pastes its Word table into a sheet; the layout is noted per report.
 *
 * A sheet is written as rows of cells (null: an empty cell) and the merged ranges it keeps.
 */
import { parseRange, type CellValue, type Grid, type Merge } from "../../../src/core/grid";

export interface PublishedReport {
  /** Where the text was read. */
  source: string;
  /** The office and the year, as far as the excerpt says. */
  office: string;
  /** What the stored excerpt held. */
  read: string;
  grid: Grid;
}

function sheet(name: string, rows: readonly (readonly CellValue[])[], merges: readonly string[] = []): Grid {
  return {
    name,
    cells: rows.map((r) => [...r]),
    merges: merges.map((m) => parseRange(m) as Merge),
  };
}

const Z7 = [0, 0, 0, 0, 0, 0, 0] as const;
/** Six applicant cells left empty, the 总计 filled: how many offices fill a line with no applications. */
const TOTAL_ONLY_0 = [null, null, null, null, null, null, 0] as const;

/** The section 二 tables of the 2021 form, in columns A–D, from `values` [规章×3, 规范性文件×3, 许可, 处罚, 强制, 收费]. */
function proactive2021(values: readonly CellValue[]): CellValue[][] {
  const [r1, r2, r3, n1, n2, n3, lic, pen, enf, fee] = values;
  return [
    ["二、主动公开政府信息情况"],
    ["第二十条第(一)项"],
    ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
    ["规章", r1, r2, r3],
    ["行政规范性文件", n1, n2, n3],
    ["第二十条第(五)项"],
    ["信息内容", "本年处理决定数量"],
    ["行政许可", lic],
    ["第二十条第(六)项"],
    ["信息内容", "本年处理决定数量"],
    ["行政处罚", pen],
    ["行政强制", enf],
    ["第二十条第(八)项"],
    ["信息内容", "本年收费金额(单位:万元)"],
    ["行政事业性收费", fee],
  ];
}

const RELATION = "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)";

/** Section 三's title and header rows (labels in A–C, values in D–J), its two long words as the page shows them. */
function applicationsHeader(commercial = "商业企业", research = "科研机构"): CellValue[][] {
  return [
    ["三、收到和处理政府信息公开申请情况"],
    [RELATION, null, null, "申请人情况"],
    [null, null, null, "自然人", "法人或其他组织", null, null, null, null, "总计"],
    [null, null, null, null, commercial, research, "社会公益组织", "法律服务机构", "其他"],
  ];
}

/** The form's label cells (A, B, C) of section 三's lines from 一 to 三(三)6. */
const LINE_LABELS: readonly (readonly [CellValue, CellValue, CellValue])[] = [
  ["一、本年新收政府信息公开申请数量", null, null],
  ["二、上年结转政府信息公开申请数量", null, null],
  ["三、本年度办理结果", "(一)予以公开", null],
  [null, "(二)部分公开(区分处理的,只计这一情形,不计其他情形)", null],
  [null, "(三)不予公开", "1.属于国家秘密"],
  [null, null, "2.其他法律行政法规禁止公开"],
  [null, null, "3.危及“三安全一稳定”"],
  [null, null, "4.保护第三方合法权益"],
  [null, null, "5.属于三类内部事务信息"],
  [null, null, "6.属于四类过程性信息"],
];

/** Section 三's lines from 一 on, one per list of seven values, under the form's labels. */
function applicationLines(values: readonly (readonly CellValue[])[], withheld = "(三)不予公开"): CellValue[][] {
  return values.map((v, i) => [...LINE_LABELS[i].map((l) => (l === "(三)不予公开" ? withheld : l)), ...v]);
}

/**
 * 深圳市龙岗区, a department of the district government, 2024 (2021 form). Read: section 二 whole,
 * section 三 from its header to 三(三)6 (the excerpt ends inside 三(三)7). Pasted with its merges
 * kept, 三、本年度办理结果 and (三)不予公开 merged down beside their lines, header words as the page
 * shows them ("商业 企业"). The report's opening paragraph above.
 */
export const LONGGANG_2024: PublishedReport = {
  source: "https://www.lg.gov.cn/xxgk/xxgknb/qzfgzbm/content/post_11956962.html",
  office: "深圳市龙岗区政府工作部门 2024年政府信息公开工作年度报告",
  read: "二 whole; 三 header, 一, 二, 三(一), 三(二), 三(三)1–6",
  grid: sheet(
    "2024年报",
    [
      ["一、总体情况"],
      [
        "本年报根据《中华人民共和国政府信息公开条例》(下称《条例》)要求编制,由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况以及其他需要报告的事项组成。本报告所列数据的统计期限为2024年1月1日至2024年12月31日。",
      ],
      ...proactive2021([0, 0, 0, 5, 1, 25, 0, 0, 0, 0]),
      ...applicationsHeader("商业 企业", "科研 机构"),
      ...applicationLines([
        [58, 7, 0, 0, 1, 0, 66],
        [2, 0, 0, 0, 0, 0, 2],
        [2, 1, 0, 0, 0, 0, 3],
        [16, 1, 0, 0, 0, 0, 17],
        Z7,
        Z7,
        Z7,
        Z7,
        [1, 0, 0, 0, 0, 0, 1],
        Z7,
      ]),
    ],
    ["A4:D4", "A8:B8", "A11:B11", "A15:B15", "A18:J18", "A19:C21", "D19:J19", "D20:D21", "E20:I20", "J20:J21", "A22:C22", "A23:C23", "A24:A31", "B24:C24", "B25:C25", "B26:B31"],
  ),
};

/**
 * 湛江市徐闻县司法局 (the page's path: zjsxwxsfj), 2021 form, year not in the excerpt. Read:
 * section 二 whole, section 三 from its header to 三(三)5 (the excerpt ends in "6.属于四").
 * Published with the applicant cells left empty and 0 under 总计. Its header words "商业企业" and
 * "科研机构" stand over two rows ("商业" | "科研" over "企业" | "机构"): a Word cell of two
 * paragraphs, which Excel pastes as two rows. Pasted without merges.
 */
export const XUWEN_JUSTICE: PublishedReport = {
  source: "http://www.xuwen.gov.cn/zfxxgk/zjsxwxsfj/content/post_1865610.html",
  office: "徐闻县司法局 政府信息公开工作年度报告",
  read: "二 whole; 三 header, 一, 二, 三(一), 三(二), 三(三)1–5",
  grid: sheet("年报", [
    ["根据修订的《中华人民共和国政府信息公开条例》(以下简称新《条例》)相关规定,结合我局工作实际情况,制定本报告:"],
    ["一、总体情况"],
    [
      "我局积极落实政府信息公开工作要求,不断拓展政府信息公开的深度和广度,确保政府信息公开做到发布及时、分类科学、内容准确、格式美观,并严格做好发布审查工作,始终将政府网站集约化平台作为政府信息公开的第一平台,第一时间在网站发布重要政策、公开重大举措,落实专人负责,认真做好相关栏目的信息发布、维护工作。",
    ],
    ...proactive2021([0, 0, 0, 3, 0, 101, 0, 0, 0, 0]),
    ...applicationsHeader("商业", "科研"),
    [null, null, null, null, "企业", "机构"],
    ...applicationLines([[0, null, null, null, null, null, 0], ...Array(8).fill(TOTAL_ONLY_0)]),
  ]),
};

/**
 * 包头市九原区政务服务局 2022 (2021 form). Read: section 二 whole, section 三 from its header to
 * 三(三)3 (the excerpt ends at "4.保护第三方合法权益 | 1 |"). The table pasted from column B (the
 * clerk's margin in A), merges kept, header words broken by a line inside the cell ("商业\n企业").
 */
export const JIUYUAN_SERVICE_2022: PublishedReport = {
  source: "https://www.jiuyuanqu.gov.cn/ztbm1/51391.html",
  office: "九原区政务服务局 2022年政府信息公开工作年度报告",
  read: "二 whole; 三 header, 一, 二, 三(一), 三(二), 三(三)1–3",
  grid: sheet(
    "政务服务局",
    [
      [null, "九原区政务服务局"],
      [null, "2022年政府信息公开工作年度报告"],
      [null, "一、总体情况"],
      [
        null,
        "2022年,九原区政务服务局全面落实上级要求,进一步扩大政府信息主动公开范围、规范政府信息依申请公开,加强监督保障,全力推进政府信息公开工作。及时更新机关简介和职能信息;突出重点信息公开,加大对政策文件、政策解读、优化营商环境等信息公开力度。提升依申请公开办理水平,确保受理渠道畅通,依法依规做好答复,提升群众政府信息公开体验。",
      ],
      ...proactive2021([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]).map((r) => [null, ...r]),
      ...[...applicationsHeader("商业\n企业", "科研\n机构"), ...applicationLines([[1, 0, 0, 0, 0, 0, 1], Z7, Z7, Z7, Z7, Z7, Z7])].map((r) => [null, ...r]),
    ],
    ["B6:E6", "B10:C10", "B13:C13", "B17:C17", "B20:K20", "B21:D23", "E21:K21", "E22:E23", "F22:J22", "K22:K23", "B24:D24", "B25:D25", "B26:B30", "C26:D26", "C27:D27", "C28:C30"],
  ),
};

/**
 * 岳阳市岳阳楼区, a 街道办事处, 2023 (2021 form). Read: section 二 whole, section 三 from its header
 * to 三(三)5 (the excerpt ends in "6.属"). Applicant cells left empty, 0 under 总计. Pasted
 * without merges, "商业 企业" as the page shows it.
 */
export const YUELOU_STREET_2023: PublishedReport = {
  source: "https://yylq.gov.cn/21487/21535/21787/21795/71987/content_2249862.html",
  office: "岳阳楼区某街道办事处 2023年政府信息公开工作年度报告",
  read: "二 whole; 三 header, 一, 二, 三(一), 三(二), 三(三)1–5",
  grid: sheet("Sheet1", [
    ["一、总体情况"],
    [
      "2023年,在区委、区政府的领导下,我街道以习近平新时代中国特色社会主义思想为指导,深入贯彻落实党中央、国务院关于政务公开工作的决策部署,严格按照《中华人民共和国政府信息公开条例》,坚持“公开为常态、不公开为例外”的基本原则,把政府信息公开贯穿于为民服务工作的全过程,切实保障了群众的知情权、参与权、监督权。本年度我街道主要依托岳阳楼区政府门户网站发布公开政务信息,具体报告如下:",
    ],
    ...proactive2021([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
    ...applicationsHeader("商业 企业", "科研 机构"),
    ...applicationLines(Array(9).fill(TOTAL_ONLY_0)),
  ]),
};

/**
 * An 审计局's 2020 report (2019 form), page 9 of its flip-book on 180.76.149.248:88 (the server
 * of 威海市文登区's flip-books). Read: the last line of section 三 (its header is on page 8, not
 * read), section 四 whole, the start of 五. The outcome headers typed one character a line in
 * their narrow cells ("结\n果\n维\n持"), 行政复议's 总计 on one line; merges kept.
 */
export const AUDIT_2020_PAGE9: PublishedReport = {
  source: "http://180.76.149.248:88/book/dzs/shenji/files/basic-html/page9.html",
  office: "审计局 2020年政府信息公开工作年度报告 (第9页)",
  read: "三's 四、结转下年度继续办理; 四 whole; 五's first paragraph",
  grid: sheet(
    "审计局",
    [
      ["四、结转下年度继续办理", null, null, ...Z7],
      ["四、政府信息公开行政复议、行政诉讼情况"],
      ["2020 年,我单位对形成的政府信息实现了依法、有序公开,未出现申请行政复议、提起行政诉讼的情况。"],
      ["行政复议", null, null, null, null, "行政诉讼"],
      ["结\n果\n维\n持", "结\n果\n纠\n正", "其\n他\n结\n果", "尚\n未\n审\n结", "总计", "未经复议直接起诉", null, null, null, null, "复议后起诉"],
      [null, null, null, null, null, "结\n果\n维\n持", "结\n果\n纠\n正", "其\n他\n结\n果", "尚\n未\n审\n结", "总\n计", "结\n果\n维\n持", "结\n果\n纠\n正", "其\n他\n结\n果", "尚\n未\n审\n结", "总\n计"],
      [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      ["五、存在的主要问题及改进情况"],
      [
        "2020 年,在区政府及上级主管部门的大力指导支持和我局各科室的全力配合协作下,我局政务公开和政府信息公开工作取得了一些成绩,但仍存在着一些短板和不足,如政务公开内容、创新方式、开展政府开放日活动方面有待提升。",
      ],
    ],
    ["A1:C1", "A2:O2", "A3:O3", "A4:E4", "F4:O4", "A5:A6", "B5:B6", "C5:C6", "D5:D6", "E5:E6", "F5:J5", "K5:O5", "A8:O8", "A9:O9"],
  ),
};

/**
 * 威海市文登区信访局 2022 (2021 form, section 四 under the 2019 form's title), page 8 of its
 * flip-book. Read: section 四 whole and the start of 五. Its outcome headers stand over two lines
 * ("结果" over "维持", "总" over "计"): pasted from Word as two rows each, without merges.
 */
export const WENDENG_PETITION_2022_PAGE8: PublishedReport = {
  source: "http://180.76.149.248:88/book/2022dzs/xinfang/files/basic-html/page8.html",
  office: "威海市文登区信访局 2022年政府信息公开工作年度报告 (第8页)",
  read: "四 whole; 五's first paragraphs",
  grid: sheet("信访局", [
    ["四、因政府信息公开工作被申请行政复议提起行政诉讼情况"],
    ["行政复议", null, null, null, null, "行政诉讼"],
    ["结果", "结果", "其他", "尚未", "总", "未经复议直接起诉", null, null, null, null, "复议后起诉"],
    ["维持", "纠正", "结果", "审结", "计"],
    [null, null, null, null, null, "结果", "结果", "其他", "尚未", "总", "结果", "结果", "其他", "尚未", "总"],
    [null, null, null, null, null, "维持", "纠正", "结果", "审结", "计", "维持", "纠正", "结果", "审结", "计"],
    [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    ["五、政府信息公开工作存在的主要问题及改进情况"],
    ["总结我局本年度政府信息公开工作,公开信息数量明显增加,公开形式更加规范,仍存在以下问题:"],
    [
      "一是组织建设仍需改进。政府信息公开工作业务骨干以兼职为主,队伍建设整体不够稳定,且法律、互联网及相关业务领域专业人员配备不足;二是在政府信息公开这方面,由于信访工作的特殊性,我局产生的政府信息大多属于不公开发布的信息内容,同时政府信息公开内容较少,不够丰富,与公众的需求还存在一些差距。",
    ],
  ]),
};

/**
 * 威海市文登区住建局 2019 (the 2019 form, 国办公开办函〔2019〕60号: section 二 counts 本年新制作 /
 * 本年新公开 / 对外公开总数 and 上一年项目数量 / 本年增/减 / 处理决定数量). Read: section 二 whole,
 * section 三's header and line 一 (the excerpt ends inside line 二). Pasted with merges kept.
 */
export const WENDENG_HOUSING_2019: PublishedReport = {
  source: "http://www.wendeng.gov.cn/art/2020/1/15/art_70623_2255748.html",
  office: "威海市文登区住建局 2019年政府信息公开工作年度报告",
  read: "二 whole (2019 form); 三 header and 一",
  grid: sheet(
    "住建局",
    [
      ["一、总体情况"],
      [
        "文登区住建局高度重视政府信息公开工作,坚持把政府信息公开工作列入重要议事日程,及时调整充实区住建局政府信息公开工作领导小组成员,明确职责分工,完善政府信息公开工作机制,积极运用微信公众号、新闻投稿等多种媒体平台,不断加大公开力度,扩大公开范围,细化公开内容,切实发挥政务公开的监督约束作用,不断增强工作透明度,确保各项工作在阳光下运行。2019年,文登区住建局共主动公开政府信息227条,其中工作动态85条,公告公示21条,政策文件及解读6条,重点领域信息公开76条,其他信息39条。",
      ],
      ["二、主动公开政府信息情况"],
      ["第二十条第(一)项"],
      ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
      ["规章", 0, 0, 0],
      ["规范性文件", 0, 8, 8],
      ["第二十条第(五)项"],
      ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
      ["行政许可", 716, -417, 298],
      ["其他对外管理服务事项", 0, 0, 0],
      ["第二十条第(六)项"],
      ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
      ["行政处罚", 3, 6, 9],
      ["行政强制", 0, 0, 0],
      ["第二十条第(八)项"],
      ["信息内容", "上一年项目数量", "本年增/减"],
      ["行政事业性收费", 0, 0],
      ["第二十条第(九)项"],
      ["信息内容", "采购项目数量", "采购总金额"],
      ["政府集中采购", 0, 0],
      ...applicationsHeader(),
      ...applicationLines([[2, 0, 0, 0, 0, 0, 2]]),
    ],
    ["A4:D4", "A8:D8", "A12:D12", "A16:D16", "A19:D19", "A22:J22", "A23:C25", "D23:J23", "D24:D25", "E24:I24", "J24:J25", "A26:C26"],
  ),
};

/**
 * 西咸新区太平镇人民政府 2022 (the 2021 form, under a title citing 国办公开办函〔2019〕60号). Read:
 * section 二 whole, section 三 from its header to 三(三)3. The page keeps the Word cells'
 * paragraphs: "商业" / "企业", "(三)" / "不予公开". Pasted with merges kept, the paragraphs as
 * lines inside the cells; the table starts in row 1 with the report's title over it.
 */
export const TAIPING_TOWN_2022: PublishedReport = {
  source: "http://www.xixianxinqu.gov.cn/xwzx/ztzl/zfxxgknb/2022/gzj/tpz/63d48a80f8fd1c4c213ab9ff.html",
  office: "西咸新区太平镇人民政府 2022年政府信息公开工作年度报告",
  read: "二 whole; 三 header, 一, 二, 三(一), 三(二), 三(三)1–3",
  grid: sheet(
    "太平镇",
    [
      ["太平镇人民政府2022年政府信息公开工作年度报告"],
      ["一、总体情况"],
      [
        "根据《中华人民共和国政府信息公开条例》(以下简称《条例》)及《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》(国办公开办函〔2019〕60号)的要求,编制《太平镇政府2022年度政府信息公开工作年度报告》。报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。",
      ],
      [
        "2022年,太平镇认真学习领会《条例》等有关法规文件精神,不断深入推行政务公开,依法依规主动公开镇政府政务信息,积极回应群众关注的问题,建立健全公开平台,政府信息公开工作取得一定成效。",
      ],
      ...proactive2021([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
      ...applicationsHeader("商业\n企业", "科研\n机构"),
      ...applicationLines(Array(7).fill(Z7), "(三)\n不予公开"),
    ],
    ["A6:D6", "A10:B10", "A13:B13", "A17:B17", "A20:J20", "A21:C23", "D21:J21", "D22:D23", "E22:I22", "J22:J23", "A24:C24", "A25:C25", "A26:A30", "B26:C26", "B27:C27", "B28:B30"],
  ),
};

/**
 * A 区城乡建设局, 2025 (2021 form). Read: section 二 whole, section 三 from its header to 三(二)
 * (the excerpt ends at "(三)"). Eleven of its twelve new applications under 其他. Pasted without
 * merges, every header word on one line.
 */
export const XNCZ_CONSTRUCTION_2025: PublishedReport = {
  source: "http://xncz.gov.cn/info/4565/208695.htm",
  office: "区城乡建设局 2025年政府信息公开工作年度报告",
  read: "二 whole; 三 header, 一, 二, 三(一), 三(二)",
  grid: sheet("城乡建设局年报", [
    ["一、总体情况"],
    [
      "2025年,区城乡建设局聚焦中心工作和重点领域,积极推进决策、执行、管理、服务和结果全过程公开。加强组织领导,拓展公开内容,创新公开形式,主动通过门户网站、微信公众号、报纸、广播等平台及时公开发布和更新信息,着力满足人民群众城乡建设知情权、参与权、表达权和监督权需要。截至2025年12月底,通过区政府门户网站主动公开信息74条,内容涵盖政务公开、工作动态、网上办事、工作业务、公众互动等综合信息。共受理依申请公开12件,已邮件回复。2025年办理挖掘(占用)城市道路申请件77件,并对现场进行安全文明施工情况进行检查,共计检查140余次。全年无信息公开收费的事项,也无因信息公开导致行政复议以及行政诉讼的情况。",
    ],
    ...proactive2021([2, 0, 0, 0, 0, 0, 85, 4, 0, 0]),
    ...applicationsHeader(),
    ...applicationLines([[1, 0, 0, 0, 0, 11, 12], Z7, Z7, Z7]),
  ]),
};

export const PUBLISHED: readonly PublishedReport[] = [
  LONGGANG_2024,
  XUWEN_JUSTICE,
  JIUYUAN_SERVICE_2022,
  YUELOU_STREET_2023,
  AUDIT_2020_PAGE9,
  WENDENG_PETITION_2022_PAGE8,
  WENDENG_HOUSING_2019,
  TAIPING_TOWN_2022,
  XNCZ_CONSTRUCTION_2025,
];
