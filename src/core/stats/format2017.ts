/**
 * The 2017 政府信息公开情况统计表 (根河 附件3, 乌海 附件2 and their kin) as data: the canonical
 * rows with the wording variants units use, and the identities of its 填报说明.
 *
 * `match` is tested against the label reduced by matchText (no numbering, spaces, punctuation or
 * bracketed notes). When several rows match, the one in the current section wins, then the one
 * whose match is longest; so "被依法纠错数" resolves by the 行政复议 / 行政诉讼 section it stands in.
 */
import type { Identity, StatKind } from "./types";
import type { Matchable } from "./match";

export interface RowDef extends Matchable {
  key: string;
  /** The official wording. */
  label: string;
  kind: StatKind;
  section: string;
}

const S = {
  proactive: "proactive", // 一、主动公开情况
  response: "response", // 二、回应解读情况
  application: "application", // 三、依申请公开情况
  review: "review", // 四、行政复议数量
  litigation: "litigation", // 五、行政诉讼数量
  complaints: "complaints", // 六、举报投诉数量
  fees: "fees", // 七、依申请公开信息收取的费用
  organization: "organization", // 八、机构建设和保障经费情况
  training: "training", // 九、政府信息公开会议和培训情况
  service: "service", // 十、部门设立实体、网上办事大厅情况 (乌海)
} as const;

function row(key: string, label: string, kind: StatKind, section: string, match: RegExp): RowDef {
  return { key, label, kind, section, match };
}

export const ROWS_2017: readonly RowDef[] = [
  row("proactive", "主动公开情况", "heading", S.proactive, /^主动公开(政府信息)?情况$/),
  row("proactive_items", "主动公开政府信息数", "count", S.proactive, /主动公开政府信息(条?数|总数)/),
  row("normative_docs_published", "主动公开规范性文件数", "count", S.proactive, /主动公开(的)?规范性文件/),
  row("normative_docs_issued", "制发规范性文件总数", "count", S.proactive, /制发(的)?规范性文件/),
  row("channels", "通过不同渠道和方式公开政府信息的情况", "heading", S.proactive, /不同渠道和方式公开/),
  row("published_gazette", "政府公报公开政府信息数", "count", S.proactive, /政府公报公开/),
  row("published_website", "政府网站公开政府信息数", "count", S.proactive, /(政府|门户)网站公开/),
  row("published_weibo", "政务微博公开政府信息数", "count", S.proactive, /微博公开/),
  row("published_wechat", "政务微信公开政府信息数", "count", S.proactive, /微信公开/),
  row("published_other", "其他方式公开政府信息数", "count", S.proactive, /其他方式公开/),

  row("response", "回应解读情况", "heading", S.response, /^回应解读情况$/),
  row("responses", "回应公众关注热点或重大舆情数", "count", S.response, /回应公众关注热点|重大舆情数/),
  row("response_channels", "通过不同渠道和方式回应解读的情况", "heading", S.response, /不同渠道和方式回应/),
  row("press_conferences", "参加或举办新闻发布会总次数", "count", S.response, /新闻发布会/),
  row("press_conferences_by_head", "主要负责同志参加新闻发布会次数", "count", S.response, /主要负责同志参加新闻发布会/),
  row("interviews", "政府网站在线访谈次数", "count", S.response, /在线访谈/),
  row("interviews_by_head", "主要负责同志参加政府网站在线访谈次数", "count", S.response, /主要负责同志参加.*在线访谈/),
  row("policy_interpretations", "政策解读稿件发布数", "count", S.response, /政策解读稿件|解读稿件/),
  row("weibo_wechat_responses", "微博微信回应事件数", "count", S.response, /微博微信回应/),
  row("other_responses", "其他方式回应事件数", "count", S.response, /其他方式回应/),

  row("application", "依申请公开情况", "heading", S.application, /^依申请公开情况$/),
  row("applications_received", "收到申请数", "count", S.application, /收到(的)?申请/),
  row("applications_in_person", "当面申请数", "count", S.application, /当面申请/),
  row("applications_fax", "传真申请数", "count", S.application, /传真申请/),
  row("applications_online", "网络申请数", "count", S.application, /网络申请|网上申请/),
  row("applications_mail", "信函申请数", "count", S.application, /信函申请/),
  row("applications_closed", "申请办结数", "count", S.application, /申请办结/),
  row("closed_on_time", "按时办结数", "count", S.application, /按时办结/),
  row("closed_extended", "延期办结数", "count", S.application, /延期办结/),
  row("replies", "申请答复数", "count", S.application, /申请答复/),
  row("reply_already_public", "属于已主动公开范围数", "count", S.application, /已主动公开范围/),
  row("reply_granted", "同意公开答复数", "count", S.application, /^同意公开/),
  row("reply_partly_granted", "同意部分公开答复数", "count", S.application, /^同意部分公开/),
  row("reply_refused", "不同意公开答复数", "count", S.application, /^不同意公开/),
  row("refused_state_secret", "涉及国家秘密", "count", S.application, /国家秘密/),
  row("refused_commercial_secret", "涉及商业秘密", "count", S.application, /商业秘密/),
  row("refused_privacy", "涉及个人隐私", "count", S.application, /个人(隐私|秘密)/),
  row("refused_security", "危及国家安全、公共安全、经济安全和社会稳定", "count", S.application, /危[及机害]国家安全|国家安全公共安全|三安全一稳定/),
  row("refused_not_government_info", "不是《条例》所指政府信息", "count", S.application, /不是.*政府信息|不属于.*条例所指/),
  row("refused_other_law", "法律法规规定的其他情形", "count", S.application, /法律法规规定的其他情形/),
  row("reply_not_this_agency", "不属于本行政机关公开数", "count", S.application, /不属于本(行政)?机关/),
  row("reply_not_exist", "申请信息不存在数", "count", S.application, /信息不存在/),
  row("reply_amend", "告知作出更改补充数", "count", S.application, /更改补充|更改和补充/),
  row("reply_other_channel", "告知通过其他途径办理数", "count", S.application, /其他途径/),

  row("review_total", "行政复议数量", "count", S.review, /^行政复议(数量|案件数|情况)?$/),
  row("review_upheld", "维持具体行政行为数", "count", S.review, /维持(具体)?行政行为/),
  row("review_corrected", "被依法纠错数", "count", S.review, /依法纠错|纠错数/),
  row("review_other", "其他情形数", "count", S.review, /^其他情形/),

  row("litigation_total", "行政诉讼数量", "count", S.litigation, /^行政诉讼(数量|案件数|情况)?$/),
  row("litigation_upheld", "维持具体行政行为或者驳回原告诉讼请求数", "count", S.litigation, /维持(具体)?行政行为|驳回原告/),
  row("litigation_corrected", "被依法纠错数", "count", S.litigation, /依法纠错|纠错数/),
  row("litigation_other", "其他情形数", "count", S.litigation, /^其他情形/),

  row("complaints", "举报投诉数量", "count", S.complaints, /举报投诉/),
  row("fees_collected", "依申请公开信息收取的费用", "money", S.fees, /收取(的)?费用/),

  row("organization", "机构建设和保障经费情况", "heading", S.organization, /机构建设/),
  row("offices", "政府信息公开工作专门机构数", "count", S.organization, /专门机构/),
  row("reading_points", "设置政府信息公开查阅点数", "count", S.organization, /查阅点|查阅场所/),
  row("staff", "从事政府信息公开工作人员数", "count", S.organization, /从事.*工作人员/),
  row("staff_full_time", "专职人员数", "count", S.organization, /专职人员/),
  row("staff_part_time", "兼职人员数", "count", S.organization, /兼职人员/),
  row("special_funds", "政府信息公开专项经费", "money", S.organization, /专项经费/),

  row("training", "政府信息公开会议和培训情况", "heading", S.training, /会议和培训/),
  row("meetings", "召开政府信息公开工作会议或专题会议数", "count", S.training, /工作会议|专题会议/),
  row("trainings", "举办各类培训班数", "count", S.training, /培训班/),
  row("trainees", "接受培训人员数", "count", S.training, /接受培训|培训人员/),

  row("service", "部门设立实体、网上办事大厅情况", "heading", S.service, /办事大厅情况/),
  row("has_service_hall", "是否设立实体办事大厅", "yesno", S.service, /是否设立实体办事大厅/),
  row("service_hall_items", "实体办事大厅办理事项内容", "text", S.service, /办事大厅办理事项/),
  row("e_supervision_linked", "是否与电子监察系统联网", "yesno", S.service, /电子监察/),
  row("online_service", "部门网站是否具备网上办事功能", "yesno", S.service, /网上办事功能/),
  row("online_service_items", "网上办理事项内容", "text", S.service, /网上办理事项/),
];

const sum = (whole: string, parts: string[], when: "any" | "parts" = "any"): Identity => ({ kind: "sum", whole, parts, when });
const part = (p: string, whole: string): Identity => ({ kind: "part", part: p, whole });

/**
 * The identities of the 填报说明 (items 17, 22, 25, 40, 44, 52 and 3) and the "其中" relations.
 * The six 不同意公开 reasons must add up to 不同意公开答复数: they are exhaustive (法律法规规定的
 * 其他情形 is the catch-all, each is defined as "因…而不同意公开的答复件数"), but a unit may fill
 * only the whole, so the sum is checked once a reason is filled.
 */
export const IDENTITIES_2017: readonly Identity[] = [
  sum("applications_received", ["applications_in_person", "applications_fax", "applications_online", "applications_mail"]),
  sum("applications_closed", ["closed_on_time", "closed_extended"]),
  sum("replies", [
    "reply_already_public",
    "reply_granted",
    "reply_partly_granted",
    "reply_refused",
    "reply_not_this_agency",
    "reply_not_exist",
    "reply_amend",
    "reply_other_channel",
  ]),
  sum(
    "reply_refused",
    [
      "refused_state_secret",
      "refused_commercial_secret",
      "refused_privacy",
      "refused_security",
      "refused_not_government_info",
      "refused_other_law",
    ],
    "parts",
  ),
  sum("review_total", ["review_upheld", "review_corrected", "review_other"]),
  sum("litigation_total", ["litigation_upheld", "litigation_corrected", "litigation_other"]),
  sum("staff", ["staff_full_time", "staff_part_time"]),
  // 填报说明 3: 制发规范性文件总数 = 主动公开数 + 未主动公开数.
  part("normative_docs_published", "normative_docs_issued"),
  part("normative_docs_published", "proactive_items"),
  part("press_conferences_by_head", "press_conferences"),
  part("interviews_by_head", "interviews"),
  // Channels: one item published in several channels counts once in the total.
  ...["published_gazette", "published_website", "published_weibo", "published_wechat", "published_other"].map((k) =>
    part(k, "proactive_items"),
  ),
  // 回应数 counts one hot topic once however it was answered, so no channel exceeds it.
  part("weibo_wechat_responses", "responses"),
  part("other_responses", "responses"),
];
