/**
 * Title words: how an indicator's title may open without naming what is assessed, a preamble that
 * cites where the duty comes from ("按照政府信息公开条例的有关要求,及时维护网站…"). A short name
 * for the title (a 通报 line) skips it. A new wording is one more word in a list here.
 */

/** Words a preamble clause starts with. */
export const PREAMBLE_LEADS = ["严格按照", "按照", "根据", "依据", "对照", "围绕", "认真贯彻", "贯彻落实"] as const;
/** Words a preamble clause ends with. */
export const PREAMBLE_ENDS = ["要求", "规定", "精神", "部署", "安排", "文件", "条例", "办法", "通知"] as const;

/** A whole clause that is a preamble: "按照…的有关要求", "根据《…》规定". */
export const PREAMBLE = new RegExp(`^(?:${PREAMBLE_LEADS.join("|")}).*(?:${PREAMBLE_ENDS.join("|")})》?$`);
