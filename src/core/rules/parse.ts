/**
 * Rule text (评价办法 / 具体标准) → rules. Text is cut into sentences (。;\n) and clauses
 * (,:()); each clause is read by a table of recognizers, and caps are attached to the per-unit
 * rule before them in the same sentence. Never throws: what is not understood becomes an issue.
 */
import { compact, type CellValue } from "../grid";
import type { Heading, MaxCell, ParseResult, Rule, RuleIssue } from "./types";
import { CHINESE_NUMERAL_CHARS, parseNumber, toHalfWidth } from "./numbers";
import {
  ADJUST_CELL, ALL, BASE_POINTS, BONUS_VERB, CAP_AFTER, CAP_BEFORE, CAP_END, CAP_WORD, CONDITION_AFTER, CONDITION_BEFORE, DEDUCT_VERB, EACH_BEFORE, GRADE,
  ITEM_REF, ITEM_SELF, ITEM_VALUE, ITEM_VALUE_LIMIT, POINTS_VERBS, SHEET_BASE, LACK_WORDS, LIMIT, MINIMUM_BEFORE, NUM, POINTS_WORD, SAYS_BONUS, SAYS_DEDUCT, SIGN_NOUN, THRESHOLD,
  UNIT_CLASS, UNIT_WORDS, UNREAD, VERB_OBJECT, VETO_CELL, VETO_PHRASES, WEIGHT_WORD, capPhrases, type Sign,
} from "../words/rules";
import { CIRCLED, CLAUSE_ENUMERATOR, CN, LEADING_NUMBER } from "../words/numbering";

// ——— patterns (the words are data: ../words/rules.ts) ———

const UNIT = `(${UNIT_WORDS.join("|")})`;
const PERCENT = "\\d{1,3}(?:\\.\\d{1,4})?%";

/** Mask for text a recognizer has used; matches no pattern below. */
const USED = "\u0001";

type Atom =
  /**
   * `tier`: points that are one of an item's alternatives: the grade ("优秀得5分" → "优秀"), or
   * true for a condition ("按时报送得2分"); a run of them makes one points rule.
   * `worth`, `base`: how points are stated (see Built).
   */
  | { t: "rule"; pos: number; end: number; rule: Rule; tier?: string | true; worth?: Worth; base?: true }
  /** A cap phrase; `sign` null when it does not say (累计不超过10分); `full` for 满分N分, `restate` for 超过N分的按N分计算. */
  | { t: "cap"; pos: number; end: number; sign: Sign | null; cap: number; form: "cap" | "full" | "restate" }
  /**
   * Understood and deliberately giving no rule ("半年及全年各1分"); `condition` when it is the
   * condition of a rule still to come ("得分低于60分的,扣5分"), which quotes it.
   */
  | { t: "none"; pos: number; end: number; condition?: true };

/** What a recognizer makes: an atom before its position is known. */
type Made = Atom extends infer A ? (A extends Atom ? Omit<A, "pos" | "end"> : never) : never;

interface ClauseCtx {
  /** The clause with the text earlier recognizers used masked. */
  masked: string;
  /** Where the phrase of this match begins: after the last text already used. */
  from: number;
  /** The clauses before this one that gave no rule ("每少1篇," before "扣1分"), with their separators. */
  lead: string;
}

interface Recognizer {
  name: string;
  re: RegExp;
  /** null when the match is not what it looked like: the text stays for the next recognizers. */
  make: (m: RegExpExecArray, ctx: ClauseCtx) => Made | null;
}

const num = (s: string | undefined): number | null => (s === undefined ? null : parseNumber(s));

function rx(source: string): RegExp {
  return new RegExp(source, "g");
}

/** The first capture group that took part in the match (alternatives each have their own). */
const firstGroup = (m: RegExpExecArray): string | undefined => m.slice(1).find((g) => g !== undefined);

function capAtom(sign: Sign | null, form: "cap" | "full" | "restate" = "cap") {
  return (m: RegExpExecArray): Made | null => {
    const cap = num(firstGroup(m));
    return cap === null ? null : { t: "cap", sign, cap, form };
  };
}

function pointsAtom(m: RegExpExecArray): Made | null {
  const points = num(firstGroup(m));
  return points === null ? null : { t: "rule", rule: { kind: "points", points, text: "" } };
}

/** Points stated a given way: as a worth (the item's, a part's) or as the base a condition gives. */
function statedAtom(how: { worth: Worth } | { base: true }) {
  return (m: RegExpExecArray): Made | null => {
    const atom = pointsAtom(m);
    return atom && { ...atom, ...how };
  };
}

/** What a per-unit phrase counts: "一项" → 项, "每次" → 次, "单份" → 份, "每3处" → 处 per 3, "每个单位" → 单位. */
const COUNTED = rx(`(每|单)?${NUM}?(?:个(?=单位))?${UNIT}`);
/** Before a count of one, what makes it one of many: "缺一个,扣1分" (not "至少1次"). */
const LACK_BEFORE = new RegExp(`(?:${LACK_WORDS.join("|")})$`);
/** Counts that are thresholds unless 每 governs them: "低于90%", "超过10%". */
const RATE_UNITS = new Set(["%", "百分点"]);

interface Counting {
  unit: string;
  /** Units per step when more than one ("每3处"). */
  per?: number;
}

/**
 * The unit a per-unit phrase counts by: null when it counts nothing (the rule applies once),
 * undefined when it counts by more than one without 每 ("3个月未更新扣1分" is a condition).
 * `eachOnly`: only what 每 governs (for the clauses before a rule: "每少1篇," but not "设立专栏1个,").
 */
function unitBefore(prefix: string, eachOnly = false): Counting | null | undefined {
  const re = COUNTED;
  re.lastIndex = 0;
  let counted: { unit: string; n: number | null; each: boolean } | null = null;
  let each: string | null = null;
  for (let m = re.exec(prefix); m; m = re.exec(prefix)) {
    const before = prefix.slice(Math.max(0, m.index - 8), m.index);
    const after = prefix.slice(m.index + m[0].length, m.index + m[0].length + 3);
    const near = before.slice(-4);
    const lacking = m[2] !== undefined && num(m[2]) === 1 && LACK_BEFORE.test(near) && !MINIMUM_BEFORE.test(near);
    const governed = m[1] === "每" || lacking || (m[2] !== undefined && EACH_BEFORE.test(before) && !MINIMUM_BEFORE.test(near));
    if (!governed && (eachOnly || CONDITION_BEFORE.test(near))) continue;
    if (CONDITION_AFTER.test(after)) continue;
    const unit = m[3].replace(/^个(?=.)/, ""); // "一个月" counts months
    if (m[1] === "单" && unit === "位") continue; // 单位 is a word, not "one 位"
    if (RATE_UNITS.has(unit) && !(governed && m[2] !== undefined)) continue;
    if (m[2] !== undefined) counted = { unit, n: m[1] === "单" ? 1 : num(m[2]), each: governed };
    else if (m[1] === "单") counted = { unit, n: 1, each: false };
    else if (m[1] === "每") each = unit;
  }
  if (counted) {
    if (counted.n === 1) return { unit: counted.unit };
    return counted.each && counted.n !== null && counted.n > 0 ? { unit: counted.unit, per: counted.n } : undefined;
  }
  return each === null ? null : { unit: each };
}

/** A per-unit rule from a match: its step, the range's top, the "/次" unit, or the unit counted before it. */
function perUnit(kind: Sign | ((m: RegExpExecArray) => Sign), groups: { step: number; slash: number; stepMax?: number }) {
  return (m: RegExpExecArray, ctx: ClauseCtx): Made | null => {
    const step = num(m[groups.step]);
    const stepMax = groups.stepMax === undefined ? undefined : num(m[groups.stepMax]);
    if (step === null || stepMax === null || (stepMax !== undefined && !(stepMax > step))) return null;
    const slash = m[groups.slash];
    // the clauses before it ("每少1篇,扣1分") count for it when its own words count nothing
    const own = slash !== undefined ? { unit: slash } : unitBefore(ctx.masked.slice(ctx.from, m.index));
    const counting = own === null && ctx.from === 0 && ctx.lead !== "" ? unitBefore(ctx.lead, true) : own;
    if (counting === undefined) return null;
    const rule: Rule = {
      kind: typeof kind === "string" ? kind : kind(m),
      step,
      unit: counting?.unit ?? null,
      cap: null,
      unitClass: null,
      text: "",
      ...(counting?.per !== undefined ? { per: counting.per } : {}),
      ...(stepMax !== undefined ? { stepMax } : {}),
    };
    return { t: "rule", rule };
  };
}

const DEDUCT_WORD = new RegExp(`^(?:${DEDUCT_VERB})$`);
/** The dash of a range: "1-3分", "1～3分", "1至3分". */
const RANGE_DASH = "[-~〜—–至到]";
const GRADE_WORD = new RegExp(GRADE);

const PART_AFTER = `(?!的?(?:\\d|[${CHINESE_NUMERAL_CHARS}]|%|半))`;
const ITEM_VALUE_LOST =
  `(?:扣除|扣减|扣|减去)(?:${ITEM_REF}${ALL}?|${ALL})${ITEM_VALUE}${PART_AFTER}|` +
  `(?:${ITEM_REF})?${ITEM_VALUE}${ALL}(?:扣除|扣减|扣完|扣光|扣)|${ALL}扣(?:除|减)?${ITEM_REF}${ITEM_VALUE}`;

/** Whether a match starts its clause (after any enumerator such as "1." or "①"). */
function atClauseStart(ctx: ClauseCtx, m: RegExpExecArray): boolean {
  return CLAUSE_ENUMERATOR.test(ctx.masked.slice(ctx.from, m.index));
}

/**
 * A cap of one sign ("累计扣分不超过10分", "加分最高5分", "加满五分为止"): the one pattern for both
 * signs, so that the bonus side and the deduction side cannot drift apart.
 */
function capRecognizer(sign: Sign): Recognizer {
  const verb = `(?:${SIGN_NOUN[sign]}|${sign === "deduct" ? DEDUCT_VERB : BONUS_VERB})`;
  return {
    name: `${sign} cap`,
    re: rx(
      `(?:${CAP_BEFORE}){1,3}可?${verb}(?:${CAP_AFTER}){0,3}(?:为|是)?${NUM}分${CAP_END}|${verb}(?:${CAP_AFTER}){1,3}(?:为|是)?${NUM}分${CAP_END}|` +
        capPhrases(sign),
    ),
    make: capAtom(sign),
  };
}

/** The recognizers, in the order they take their text (caps before the per-unit verbs they contain). */
const RECOGNIZERS: Recognizer[] = [
  {
    name: "veto",
    re: rx(
      `${VETO_PHRASES.join("|")}|` +
        `(?:(?:全年|年度|考核)[^,;${USED}]{0,12}?)?(?:总分|总成绩|分值|得分|成绩)(?:扣为|计为|记为|降为|为|按)[0零]分`,
    ),
    make: (m) =>
      /^(?:全年|年度|考核|总)/.test(m[0]) || !/(?:扣为|计为|记为|降为|为|按)[0零]分$/.test(m[0]) ? { t: "rule", rule: { kind: "veto", text: "" } } : null,
  },
  {
    name: "floor",
    re: rx(
      `扣完为止|扣满为止|扣[至到][0零]分|扣完(?:本项|该项|此项)(?:分值|分数)?为止|${ITEM_VALUE_LIMIT}|${ITEM_VALUE_LOST}|` +
        `(?:本|该|此)?(?:项|指标|项目)?(?:不得分|不给分|不予得分|不予给分|不计分|不予计分)|得分为[0零]分?|(?:得|计|记|按|扣为|计为|记为|为)[0零]分`,
    ),
    make: () => ({ t: "rule", rule: { kind: "floor", text: "" } }),
  },
  {
    name: "group bonus cap",
    re: rx(
      `(?:(?:以上|上述|所有|全部|本类|本部分)[^,;${USED}]{0,10}?加分|加分(?:项目|项|指标|事项|部分|总分|合计|总计|总和))` +
        `(?:[^,;\\d${USED}]{0,10}?(?:累计|合计|总计|共计|最高|最多|不超过|不得超过|上限|封顶)[^,;\\d${USED}]{0,6}?${NUM}分|\\(${NUM}分\\))`,
    ),
    make: (m) => {
      const cap = num(firstGroup(m));
      return cap === null ? null : { t: "rule", rule: { kind: "group_bonus_cap", cap, text: "" } };
    },
  },
  capRecognizer("deduct"),
  capRecognizer("bonus"),
  { name: "restated cap", re: rx(`超过${NUM}分[^,;\\d${USED}]{0,5}?(?:按|以|计)${NUM}分(?:计算|计|算)?`), make: capAtom(null, "restate") },
  // "得基本分15分", "得满分10分": what meeting the criterion gives, the item's worth again if stated before
  { name: "base points", re: rx(`${BASE_POINTS}${NUM}分`), make: statedAtom({ base: true }) },
  // "本项得分不超过10分" says what 满分 says: the item's worth, or the cap of the bonus before it
  {
    name: "full marks",
    re: rx(`满分(?:为|是)?${NUM}分|(?:本项|该项|此项)?得分(?:最高|最多)?(?:${LIMIT}|为)${NUM}分|(?:合计|共计|总计|共)(?:为)?${NUM}分`),
    make: capAtom(null, "full"),
  },
  {
    name: "cap",
    re: rx(
      // "合计5分" alone is a total (points), "合计不超过5分" a cap
      `(?:${CAP_BEFORE}){0,3}(?:(?:累计|最多|最高|至多)可?(?:得|计|达)?(?:${LIMIT}|为)?|(?:${LIMIT})|(?:上限|封顶)(?:为|是)?)${NUM}分${CAP_END}` +
        `|以?${NUM}分(?:封顶|为限)`,
    ),
    make: capAtom(null),
  },
  // "得分低于60分(含60分)的", "积分未达41分(一般干部30分)": a threshold is a condition, no rule
  { name: "threshold", re: rx(`(?:${THRESHOLD})${NUM}分(?:以上|以下|以内)?(?:\\([^()${USED}]{0,12}?\\))?`), make: () => ({ t: "none", condition: true }) },
  // "(权重20%)", "占比20%": a weight is not points, and no rule
  { name: "weight", re: rx(`${WEIGHT_WORD}${NUM}%`), make: () => ({ t: "none" }) },
  // "半年及全年各1分" says how an item's points are split: no rule of its own
  { name: "parts", re: rx(`(?:各|分别为|分别)${NUM}分`), make: () => ({ t: "none" }) },
  {
    // "优秀得5分,良好得3分,一般得1分", "优秀:5分": grades of one item, the best is its worth
    name: "grade",
    re: rx(`${GRADE}(?:的|者|等次)?:?(?:可得|得|计|记|给)?\\(?${NUM}分\\)?`),
    make: (m, ctx) => {
      const atom = atClauseStart(ctx, m) ? pointsAtom(m) : null;
      return atom && { ...atom, tier: GRADE_WORD.exec(m[0])?.[0] ?? "" };
    },
  },
  { name: "points in brackets", re: rx(`\\(${NUM}分\\)`), make: statedAtom({ worth: "part" }) },
  { name: "points (分值)", re: rx(`分值(?:为|是|:)?${NUM}分`), make: statedAtom({ worth: "item" }) },
  { name: "points (本项)", re: rx(`${ITEM_SELF}${NUM}分(?!以上|以下|以内)`), make: statedAtom({ worth: "item" }) },
  {
    // "扣1-3分", "每次扣0.5分至1分", "加1～2分": the assessor picks within the range
    name: "range",
    re: rx(`(${DEDUCT_VERB}|${BONUS_VERB})${VERB_OBJECT}${NUM}分?${RANGE_DASH}${NUM}分(?:/${UNIT})?`),
    make: perUnit((m) => (DEDUCT_WORD.test(m[1]) ? "deduct" : "bonus"), { step: 2, stepMax: 3, slash: 4 }),
  },
  { name: "deduction", re: rx(`(?:${DEDUCT_VERB})${VERB_OBJECT}${NUM}分(?:/${UNIT})?`), make: perUnit("deduct", { step: 1, slash: 2 }) },
  { name: "bonus", re: rx(`(?:${BONUS_VERB})${VERB_OBJECT}${NUM}分(?:/${UNIT})?`), make: perUnit("bonus", { step: 1, slash: 2 }) },
  {
    // "1件2分", "每篇1分": points per unit with no verb, read as a bonus
    name: "bonus without verb",
    re: rx(`(每|单)?${NUM}?个?${UNIT}(?:可得|可加|给予|获得|计|得|记|给)?${NUM}分`),
    make: (m) => {
      const count = m[1] === "单" ? 1 : num(m[2]);
      const step = num(m[4]);
      if (step === null || (m[1] === undefined && m[2] === undefined)) return null;
      if (m[1] === "单" && m[3] === "位") return null; // 单位 is a word, not "one 位"
      if (m[2] !== undefined && count !== 1) return null;
      return { t: "rule", rule: { kind: "bonus", step, unit: m[3], cap: null, unitClass: null, text: "" } };
    },
  },
  {
    // "0.5分/条", "1分/篇": points per unit with no verb, read as "每条0.5分"
    name: "bonus per slash unit",
    re: rx(`(?<![\\d.])${NUM}分/${UNIT}`),
    make: (m) => {
      const step = num(m[1]);
      return step === null ? null : { t: "rule", rule: { kind: "bonus", step, unit: m[2], cap: null, unitClass: null, text: "" } };
    },
  },
  {
    // "按时报送得2分", "全部完成的,可得3分": what meeting the condition is worth; not "合计5分"
    name: "conditional points",
    re: rx(`(?<![合累共总估统设])(?:${POINTS_VERBS.join("|")})${NUM}分`),
    make: (m, ctx) => {
      const atom = /(?:扣|加|减|不|每)$/.test(ctx.masked.slice(ctx.from, m.index)) ? null : pointsAtom(m);
      // alternatives, like grades: "按时报送得2分,逾期报送得1分" is worth 2
      return atom && { ...atom, tier: true };
    },
  },
  {
    // "0-4分", "0～4分" with no verb: the item is worth up to 4
    name: "points range",
    re: rx(`(?:\\d+(?:\\.\\d+)?|零)[-~〜—–至到]${NUM}分`),
    make: (m, ctx) => (/[扣加减]|酌情/.test(ctx.masked.slice(ctx.from, m.index)) ? null : pointsAtom(m)),
  },
  {
    // "…用数字说话,4分", "公开扶贫清单2分": the clause ends in its worth; not "得分低于60分"
    name: "trailing points",
    re: new RegExp(`(?<![\\d.扣加减得计记给奖\\-~〜—–至到])(?<!${THRESHOLD})(\\d+(?:\\.\\d+)?)分$`, "g"),
    make: pointsAtom,
  },
];

/** Phrases that leave the score to the assessor: understood, no rule. */
const DISCRETIONARY =
  /酌情|按比例|按[^,;]{0,8}?(?:比重|权重)|视情|加重扣分|确定(?:加分|扣分)|评分|赋分|打分|(?:根据|依据|按照|结合)[^,;]{0,40}?(?:扣分|加分|计分|确定)/;

// ——— text → sentences → clauses ———

interface Clause {
  /** Normalized-text indices, end exclusive. */
  start: number;
  end: number;
  atoms: Atom[];
  discretionary: boolean;
  unread: boolean;
}

/** Half-width, no spaces (kept: newlines), with each char's index in the original. */
function normalize(original: string): { text: string; at: number[] } {
  const half = toHalfWidth(original);
  let text = "";
  const at: number[] = [];
  for (let i = 0; i < half.length; i++) {
    let ch = half[i];
    if (ch === "\r") ch = "\n";
    else if (ch !== "\n" && (/\s/.test(ch) || ch < " ")) continue; // control chars too: USED must be ours
    text += ch;
    at.push(i);
  }
  return { text, at };
}

const SENTENCE_END = new Set([";", "。", "\n", "!", "?", "！", "？"]);
const CLAUSE_END = new Set([",", ":", "(", ")", "[", "]", "〔", "〕", "【", "】", "﹙", "﹚"]);
const POINTS_TOKEN = new RegExp(`\\(${NUM}分\\)`, "y");
const POINTS_AFTER = /^\d+(?:\.\d+)?分/;
/** A threshold amount just before a bracket that qualifies it: "低于60分(含60分)" stays one clause. */
const THRESHOLD_BEFORE = new RegExp(`(?:${THRESHOLD})${NUM}分$`);
const QUALIFIER = /\([^()]{0,12}?\)/y;
const POINTS_BEFORE = /\d分$/;

/** Sentences as lists of clause spans; "(3分)" stays in its clause and ends it. */
function splitSentences(text: string): Array<Array<{ start: number; end: number }>> {
  const sentences: Array<Array<{ start: number; end: number }>> = [];
  let clauses: Array<{ start: number; end: number }> = [];
  let start = 0;
  const endClause = (end: number, next: number) => {
    if (end > start) clauses.push({ start, end });
    start = next;
  };
  const endSentence = () => {
    if (clauses.length) sentences.push(clauses);
    clauses = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "(") {
      QUALIFIER.lastIndex = i;
      const q = THRESHOLD_BEFORE.test(text.slice(Math.max(0, i - 16), i)) ? QUALIFIER.exec(text) : null;
      if (q) {
        i += q[0].length - 1;
        continue;
      }
      POINTS_TOKEN.lastIndex = i;
      const m = POINTS_TOKEN.exec(text);
      if (m) {
        const previous = sentences[sentences.length - 1];
        if (clauses.length === 0 && start === i && previous) {
          // "…的功能。(4分)": the points close the sentence before them
          previous[previous.length - 1].end = i + m[0].length;
          start = i + m[0].length;
        } else {
          endClause(i + m[0].length, i + m[0].length);
        }
        i += m[0].length - 1;
        continue;
      }
    }
    const decimalPoint = ch === "." && /\d/.test(text[i - 1] ?? "") && /\d/.test(text[i + 1] ?? "");
    if (SENTENCE_END.has(ch) || (ch === "." && !decimalPoint)) {
      endClause(i, i + 1);
      endSentence();
    } else if (CLAUSE_END.has(ch) ? !(ch === ":" && POINTS_AFTER.test(text.slice(i + 1, i + 12))) : ch === "、" && POINTS_BEFORE.test(text.slice(Math.max(0, i - 12), i))) {
      // a clause ends at "," "(" …, but "优秀:5分" stays one; "、" ends one after points ("对象1分、措施1分")
      endClause(i, i + 1);
    }
  }
  endClause(text.length, text.length);
  endSentence();
  return sentences;
}

function readClause(text: string, span: { start: number; end: number }, lead: string): Clause {
  let masked = text.slice(span.start, span.end);
  const atoms: Atom[] = [];
  for (const r of RECOGNIZERS) {
    // one pass per recognizer over a snapshot; what it used is masked once, after the pass
    const used: Array<{ start: number; end: number }> = [];
    let from = 0;
    let scanned = 0;
    r.re.lastIndex = 0;
    for (let m = r.re.exec(masked); m; m = r.re.exec(masked)) {
      if (m[0].length === 0) {
        r.re.lastIndex++;
        continue;
      }
      for (; scanned < m.index; scanned++) if (masked[scanned] === USED) from = Math.max(from, scanned + 1);
      const atom = r.make(m, { masked, from, lead });
      if (!atom) continue;
      atoms.push({ ...atom, pos: m.index, end: m.index + m[0].length } as Atom);
      used.push({ start: m.index, end: m.index + m[0].length });
      from = m.index + m[0].length;
    }
    if (used.length) masked = maskSpans(masked, used);
  }
  atoms.sort((a, b) => a.pos - b.pos);
  const discretionary = DISCRETIONARY.test(masked);
  return { ...span, atoms, discretionary, unread: !discretionary && UNREAD.test(masked) };
}

function maskSpans(text: string, spans: Array<{ start: number; end: number }>): string {
  let out = "";
  let at = 0;
  for (const { start, end } of spans) {
    out += text.slice(at, start) + USED.repeat(end - start);
    at = end;
  }
  return out + text.slice(at);
}

// ——— clauses → rules ———

/** A span of the normalized text, end exclusive. */
interface Phrase {
  from: number;
  to: number;
}

/**
 * How points rules state an item's worth: "item" for the item's own ("本项10分", "分值10分",
 * "满分10分"), "part" for a part's in brackets ("国家级用稿(15分)").
 */
type Worth = "item" | "part";

/** A rule being built, with the span of text it came from. */
interface Built extends Phrase {
  rule: Rule;
  /** A grade's points ("优秀得5分" → "优秀"): a run of grades merges into one points rule. */
  tier?: string;
  /** Points stated as a worth; absent for points a condition or a part's words give. */
  worth?: Worth;
  /** Points stated as the base a condition gives ("得基本分15分"). */
  base?: true;
}

function unitClassIn(text: string): string | null {
  let found: string | null = null;
  for (const m of text.matchAll(UNIT_CLASS)) found = `${m[1]}类`;
  return found;
}

function isPerUnit(r: Rule): r is Extract<Rule, { kind: Sign }> {
  return r.kind === "deduct" || r.kind === "bonus";
}

/** How much of the clauses before a rule may count for it (each "每少1篇," is short). */
const LEAD_CHARS = 24;

/** Reads one sentence: its clauses in order, caps attached to the per-unit rule before them. */
class SentenceReader {
  readonly built: Built[] = [];
  private groupStart: number | null = null;
  /** The sentence's veto and floor: each said once however many clauses repeat it. */
  private readonly once = new Map<Rule["kind"], Built>();

  constructor(
    private readonly norm: string,
    private readonly state: { lastSign: Sign | null; issues: RuleIssue[]; original: (from: number, to: number) => string },
  ) {}

  /** A threshold clause ("考核得分低于60分的") still waiting for the rule it is the condition of. */
  private pending: Clause | null = null;

  /** Ends the sentence: a condition that no rule followed is reported, not dropped. */
  finish(): void {
    if (this.pending) this.notUnderstood(this.pending);
    this.pending = null;
  }

  read(span: { start: number; end: number }): void {
    // the clauses since the last rule, bounded so that a long run of them costs linear time
    const lead = this.groupStart === null ? "" : this.norm.slice(Math.max(this.groupStart, span.start - LEAD_CHARS), span.start);
    const clause = readClause(this.norm, span, lead);
    this.noteSign(span);
    this.groupStart ??= clause.start;
    // each atom's phrase: from the end of the one before (or the group's start) to its own end,
    // the last one to the end of the clause
    let from = this.groupStart;
    clause.atoms.forEach((atom, k) => {
      const phrase = { from, to: k === clause.atoms.length - 1 ? clause.end : clause.start + atom.end };
      if (atom.t === "rule") this.rule(atom, clause, phrase);
      else if (atom.t === "cap") this.cap(atom, clause, phrase);
      from = clause.start + atom.end;
    });
    if (clause.unread) this.notUnderstood(clause);
    const condition = clause.atoms.filter((a) => a.t === "none" && a.condition).pop();
    if (condition) this.pending = clause.atoms.some((a) => a.t !== "none" && a.pos > condition.pos) ? null : clause;
    else if (clause.atoms.some((a) => a.t !== "none")) this.pending = null;
    if (clause.atoms.some((a) => !(a.t === "none" && a.condition)) || clause.unread) this.groupStart = null;
  }

  private add(rule: Rule, phrase: Phrase): Built {
    const b = { rule, ...phrase };
    this.built.push(b);
    return b;
  }

  private notUnderstood(clause: Clause): void {
    this.state.issues.push({ code: "rule_not_understood", text: this.state.original(clause.start, clause.end) });
  }

  private rule(atom: Extract<Atom, { t: "rule" }>, clause: Clause, phrase: Phrase): void {
    const r = atom.rule;
    const same = this.once.get(r.kind);
    if (same) {
      same.to = phrase.to; // "执行一票否决,全年政务公开分值扣为0分" is one veto
    } else if (r.kind === "veto" || r.kind === "floor") {
      this.once.set(r.kind, this.add(r, phrase));
    } else if (isPerUnit(r)) {
      // the unit class is named in the words leading to the rule
      const before = this.norm.slice(phrase.from, clause.start + atom.pos);
      this.add({ ...r, unitClass: unitClassIn(before) }, phrase);
      this.state.lastSign = r.kind;
    } else {
      const b = this.add(r, phrase);
      // each condition is a grade of its own
      b.tier = atom.tier === true ? `@${clause.start + atom.pos}` : atom.tier;
      if (atom.worth) b.worth = atom.worth;
      if (atom.base) b.base = true;
    }
  }

  /** "此项为加分项,最高5分": an item that names its own sign lets a bare cap know which way it goes. */
  private noteSign(span: { start: number; end: number }): void {
    if (this.state.lastSign !== null) return;
    const words = this.norm.slice(span.start, span.end);
    const bonus = SAYS_BONUS.test(words);
    if (bonus !== SAYS_DEDUCT.test(words)) this.state.lastSign = bonus ? "bonus" : "deduct";
  }

  private cap(cap: Extract<Atom, { t: "cap" }>, clause: Clause, phrase: Phrase): void {
    const candidates = this.built.filter((b) => isPerUnit(b.rule) && (cap.sign === null || b.rule.kind === cap.sign));
    const target = candidates[candidates.length - 1];
    const uncapped = candidates.filter((b) => isPerUnit(b.rule) && b.rule.cap === null);
    // "市级1篇加0.5分,省级1篇加1分,加分累计不超过3分" caps the item, not its last phrase
    const wholeItem = uncapped.length > 1 && cap.form !== "restate";
    // "满分10分" caps a bonus ("1件2分,满分10分"); after a deduction it is the item's points
    const fits = cap.form !== "full" || target?.rule.kind === "bonus";
    if (target && isPerUnit(target.rule) && target.rule.cap === null && !wholeItem && fits) {
      target.rule = { ...target.rule, cap: cap.cap };
      target.to = phrase.to;
      return;
    }
    const last = this.built[this.built.length - 1];
    if (last && "cap" in last.rule && last.rule.cap === cap.cap) {
      last.to = phrase.to; // "以上加分项累计最高5分,超过5分的按5分计算" says it twice
      return;
    }
    if (cap.form === "full") {
      this.add({ kind: "points", points: cap.cap, text: "" }, phrase).worth = "item";
      return;
    }
    const sign = cap.sign ?? (wholeItem ? (target.rule.kind as Sign) : this.state.lastSign);
    if (sign === null) this.notUnderstood(clause);
    else this.add({ kind: sign === "deduct" ? "deduct_cap" : "bonus_cap", cap: cap.cap, text: "" }, phrase);
  }
}

const OPENING = /[(（]/g;
const CLOSING = /[)）]/g;

/** The user's words from `start` to `end`, taking in the bracket that closes or opens them: "每篇加1分(最高3分)". */
function quote(text: string, start: number, end: number): string {
  const part = text.slice(start, end);
  const unclosed = (part.match(OPENING)?.length ?? 0) - (part.match(CLOSING)?.length ?? 0);
  const after = /^\s*[)）]/.exec(text.slice(end, end + 20));
  const before = /[(（]\s*$/.exec(text.slice(Math.max(0, start - 20), start));
  if (unclosed > 0 && after) end += after[0].length;
  if (unclosed < 0 && before) start -= before[0].length;
  return text.slice(start, end).trim();
}

/**
 * Graded points: "优秀得5分,良好得3分,一般得1分" is one item worth 5, not three parts worth 9;
 * "按时报送得2分,逾期报送得1分" is worth 2. A grade said again starts another graded part
 * ("年报:优秀3分,良好2分;指南:优秀2分,良好1分" is worth 5). Where the text states its points
 * otherwise ("(分值2分,按时报送得2分,…)", "建立制度(5分)。优秀5分…") the grades only explain them.
 */
function mergeTiers(built: Built[], original: (from: number, to: number) => string): Built[] {
  if (!built.some((b) => b.tier !== undefined)) return built;
  if (built.some((b) => b.tier === undefined && b.rule.kind === "points")) return built.filter((b) => b.tier === undefined);
  const out: Built[] = [];
  const runs: Array<{ head: Built; grades: Set<string>; best: number; to: number }> = [];
  for (const b of built) {
    const points = b.rule.kind === "points" ? b.rule.points : 0;
    const run = runs[runs.length - 1];
    if (b.tier === undefined) out.push(b);
    else if (run && !run.grades.has(b.tier)) {
      run.grades.add(b.tier);
      run.best = Math.max(run.best, points);
      run.to = b.to;
    } else {
      runs.push({ head: b, grades: new Set([b.tier]), best: points, to: b.to });
      out.push(b);
    }
  }
  for (const run of runs) run.head.rule = { kind: "points", points: run.best, text: original(run.head.from, run.to) };
  return out;
}

/** A numbered part starting in the text between two rules: "。(2)", ";2.", "②", "二、". */
const PART_START = new RegExp(`(?:^|[。;.\\n])(?:\\([${CN}\\d]{1,3}\\)|[${CN}]{1,3}、|\\d{1,2}[、.](?!\\d)|[${CIRCLED}])`);

const pointsOfBuilt = (b: Built) => (b.rule.kind === "points" ? b.rule.points : 0);

/** Whether the points of `body` add up to those of `head`. */
function accountsFor(head: Built, body: Built[]): boolean {
  return body.length > 0 && Math.abs(body.reduce((s, b) => s + pointsOfBuilt(b), 0) - pointsOfBuilt(head)) < 1e-6;
}

/**
 * An item's worth said once, then said again: "本项10分。…得基本分10分", "(15分)。采用1篇,得基本分15分",
 * "满分10分,…得满分10分", or accounted for in parts ("市级用稿(7分)。…1条,2分;…1篇,2分;…6篇,3分").
 * The points that say it again are dropped; the first statement stays. A part's worth in brackets is
 * said again by a base its words give ("得基本分15分") or by two or more amounts adding up to it, before
 * the next numbered part; the item's worth ("本项", "分值", "满分") by whatever adds up to it after it.
 * Anything else keeps its points: "听取汇报(3分),研究部署(2分)" is worth 5.
 */
function countWorthOnce(built: Built[], norm: string): Built[] {
  const points = built.filter((b) => b.rule.kind === "points");
  if (points.length < 2) return built;
  const dropped = new Set<Built>();
  points.forEach((head, i) => {
    if (head.worth !== "part") return;
    const body: Built[] = [];
    for (let k = i + 1; k < points.length; k++) {
      const b = points[k];
      if (b.worth !== undefined || PART_START.test(norm.slice(head.to, b.to))) break;
      body.push(b);
    }
    if (accountsFor(head, body) && (body.length > 1 || body[0].base)) for (const b of body) dropped.add(b);
  });
  points.forEach((head, i) => {
    if (head.worth !== "item" || dropped.has(head)) return;
    const body: Built[] = [];
    for (let k = i + 1; k < points.length; k++) {
      const b = points[k];
      if (b.worth === "item") break;
      if (!dropped.has(b)) body.push(b);
    }
    if (accountsFor(head, body)) for (const b of body) dropped.add(b);
  });
  return dropped.size ? built.filter((b) => !dropped.has(b)) : built;
}

/**
 * Reads the rule text of one indicator. Never throws: the rules it understood, and an issue for
 * each clause that speaks of points (扣/加/N分) in a way it could not read.
 */
export function parseRules(text: string): ParseResult {
  const issues: RuleIssue[] = [];
  const built: Built[] = [];
  try {
    if (typeof text !== "string" || text.trim() === "") return { rules: [], issues };
    const { text: norm, at } = normalize(text);
    const original = (from: number, to: number) => quote(text, at[from], at[to - 1] + 1);
    const state = { lastSign: null as Sign | null, issues, original };
    for (const spans of splitSentences(norm)) {
      const reader = new SentenceReader(norm, state);
      for (const span of spans) reader.read(span);
      reader.finish();
      for (const b of reader.built) b.rule = { ...b.rule, text: original(b.from, b.to) };
      built.push(...reader.built);
    }
    return { rules: countWorthOnce(mergeTiers(built, original), norm).map((b) => b.rule), issues };
  } catch {
    // a bug of ours must not stop the scoring of everything else
    return { rules: [], issues: [...issues, { code: "rule_not_understood", text: String(text) }] };
  }
}

/** The "(N分)" amounts written inside criterion text, in order. */
export function pointsIn(text: string): number[] {
  return parseRules(text).rules.flatMap((r) => (r.kind === "points" ? [r.points] : []));
}

const BASE_STATED = new RegExp(SHEET_BASE);

/**
 * The score a note says every unit starts from ("注:各科室基础得分为6分,扣完为止" → 6) and the words
 * that say it ("基础得分为6分"), or null.
 */
export function sheetBase(text: string): { points: number; phrase: string } | null {
  const m = BASE_STATED.exec(compact(toHalfWidth(typeof text === "string" ? text : "")));
  const points = m ? num(firstGroup(m)) : null;
  return m && points !== null ? { points, phrase: m[0] } : null;
}

// ——— the 分值 cell and headings ———

const DASHES = /^[-—–/\\]+$/;
/**
 * A cap standing on its own: "最多加5分", "最高5分", "加分不超过5分", "最多扣10分", "5分封顶".
 * Anchored at both ends: a cell or a heading's bracket, not a clause inside rule text.
 */
const CAP_PHRASE = new RegExp(
  `^((?:${CAP_BEFORE}|${LIMIT}|上限|封顶|${DEDUCT_VERB}|${BONUS_VERB}|可|为|是){1,6})${NUM}分(为限|封顶)?$|^以?${NUM}分(为限|封顶)$`,
);
/** Points as a heading's bracket or a 分值 cell's remainder states them: "20分", "共20分", "权重20分". */
const STATED_POINTS = new RegExp(`^(?:${POINTS_WORD}|权重分?)?(?:为|:)?${NUM}分$`);
const SAYS_BONUS_VERB = new RegExp(BONUS_VERB);
const SAYS_DEDUCT_VERB = new RegExp(DEDUCT_VERB);
/** A weight, not points: "20%", "权重20%", "占比:20%". */
const WEIGHT = new RegExp(`^(?:${WEIGHT_WORD})?${PERCENT}$`);

/** "最多加5分" → 5, bonus; "最高5分" → 5, sign null; null when the text is no cap on its own. */
function readCap(text: string): { cap: number; sign: Sign | null } | null {
  const m = CAP_PHRASE.exec(text);
  if (!m || !CAP_WORD.test(m[0])) return null;
  const cap = num(m[2] ?? m[4]);
  if (cap === null) return null;
  const words = m[1] ?? "";
  const bonus = SAYS_BONUS_VERB.test(words);
  return { cap, sign: bonus === SAYS_DEDUCT_VERB.test(words) ? null : bonus ? "bonus" : "deduct" };
}

function statedPoints(text: string): number | null {
  const m = STATED_POINTS.exec(text);
  return m ? num(m[1]) : null;
}

/** Words after a 分值 cell's points: "10分,每项扣2分", "5分(每项1分)", "5分。未明确扣5分". */
const POINTS_THEN = new RegExp(`^${POINTS_WORD}?[:为]?\\s*${NUM}\\s*分?(?:\\s*[,;:。、(]+\\s*|\\s+)(?![分%])([\\s\\S]+)$`);
const POINTS_WORD_START = new RegExp(`^${POINTS_WORD}[:为]?`);

/** A trailing bracket the text opened: "每项扣2分)" → "每项扣2分". */
function unbracket(text: string, opened: boolean): string {
  const t = text.trim();
  return opened && /\)$/.test(t) && !t.slice(0, -1).includes("(") ? t.slice(0, -1).trim() : t;
}

/**
 * The 分值 cell: a number or "10分" → scored; "10分,每项扣2分" → scored with the rest as `note`;
 * "加分项", "扣分项", "加、扣分项" → adjust, with the cap its bracket states ("加分项(最高5分)");
 * a cap alone ("最高5分", "最多扣10分") → adjust that way with that cap; "一票否决" → veto;
 * empty (or only a dash) → blank; anything else (a weight "20%", "10分以内") → unknown.
 */
export function parseMaxCell(v: CellValue): MaxCell {
  if (v === null || v === undefined) return { kind: "blank" };
  if (typeof v === "number") return Number.isFinite(v) ? { kind: "scored", max: v } : { kind: "unknown", text: String(v) };
  if (typeof v !== "string") return { kind: "unknown", text: String(v) };
  const half = toHalfWidth(v).trim();
  // "10分;", "10分。": punctuation closing the cell says nothing
  const s = compact(half).replace(/[,;:。、]+$/, "");
  if (s === "" || DASHES.test(s)) return { kind: "blank" };
  const n = parseNumber(s.replace(POINTS_WORD_START, "").replace(/分$/, ""));
  if (n !== null) return { kind: "scored", max: n };
  const then = POINTS_THEN.exec(half);
  const max = then ? num(then[1]) : null;
  if (then && max !== null && parseNumber(then[2]) === null) {
    return { kind: "scored", max, note: unbracket(then[2], /\(\s*$/.test(half.slice(0, half.length - then[2].length))) };
  }
  if (VETO_CELL.test(s)) return { kind: "veto" };
  const adjust = ADJUST_CELL.exec(s);
  if (adjust) {
    const signs = new Set([adjust[1], adjust[2]].filter((x) => x !== undefined).map((x) => (x === "加" ? "bonus" : "deduct")));
    const sign = signs.size === 2 ? "both" : signs.has("bonus") ? "bonus" : "deduct";
    const after = s.slice(adjust[0].length);
    // what follows the kind: in brackets, after a comma or colon, or a cap run on ("加分项5分封顶")
    const said = /^\((.*)\)$|^[,:;](.+)$/.exec(after);
    const words = said ? (said[1] ?? said[2]) : after;
    if (words === "" || WEIGHT.test(words)) return { kind: "adjust", sign };
    // "加分项(5分)": points in an adjustment cell are its cap
    const stated = statedPoints(words);
    if (stated !== null) return { kind: "adjust", sign, cap: stated };
    // a cap one way only ("加、扣分项(最多加5分)") is rule text: the rules say which way it caps
    const capped = readCap(words);
    if (capped && (capped.sign === null || capped.sign === sign)) return { kind: "adjust", sign, cap: capped.cap };
    if (said) return { kind: "adjust", sign, note: words };
  }
  const cap = readCap(s);
  if (cap) return { kind: "adjust", sign: cap.sign ?? "bonus", cap: cap.cap };
  return { kind: "unknown", text: v.trim() };
}

const HEADING_NUMBER = LEADING_NUMBER;
/** A bracket closing a heading: "(20分)", "(最多加5分)", "(权重20%)", "(12)". */
const HEADING_BRACKET = /\(([^()]{1,24})\)$/;
/** Points with no bracket closing a heading ("政府信息公开12分", "组织领导共20分"); not "不超过5分", "扣2分", "2017年". */
const HEADING_BARE_POINTS = new RegExp(`(?<![\\d.年扣加减得记给奖至到过高多限为是于])${POINTS_WORD}?(\\d{1,3}(?:\\.\\d{1,2})?)分$`);
const HEADING_BARE_WEIGHT = new RegExp(`${WEIGHT_WORD}${PERCENT}$`);
/** Fewest characters a name keeps when a bare number is taken off it ("附件(2)" keeps its 2). */
const NAME_MIN = 2;

/**
 * A category heading: "三、加分项(5分)" → 加分项, points 5; "组 织 领 导 (20分)" → 组织领导, 20;
 * "加分项(最多加5分)" → 加分项, cap 5; "主动公开(12)", "政府信息公开12分" → name, points;
 * "组织领导(权重20%)" → 组织领导, no points (a weight is not points).
 */
export function parseHeading(text: string): Heading {
  const numbered = toHalfWidth(typeof text === "string" ? text : "").trim();
  let name = compact(numbered.replace(HEADING_NUMBER, ""));
  let points: number | null = null;
  let cap: number | null = null;
  // a few brackets at most ("主动公开(权重20%)(12分)"): each peel reads the whole name again
  for (let k = 0; k < 3; k++) {
    const b = HEADING_BRACKET.exec(name);
    if (!b) break;
    const words = b[1];
    const stated = statedPoints(words);
    // "主动公开(12)": a bare count is points (第三方评估 weights), but "(2023)" is a year
    const count = /^\d{1,3}(?:\.\d{1,2})?$/.test(words) && b.index >= NAME_MIN ? Number(words) : null;
    const capped = stated === null ? readCap(words) : null;
    if (points === null && (stated ?? count) !== null) points = stated ?? count;
    else if (cap === null && capped) cap = capped.cap;
    else if (!WEIGHT.test(words)) break;
    name = name.slice(0, b.index);
  }
  name = name.replace(HEADING_BARE_WEIGHT, "");
  const bare = points === null ? HEADING_BARE_POINTS.exec(name) : null;
  if (bare && bare.index >= NAME_MIN) {
    points = Number(bare[1]);
    name = name.slice(0, bare.index);
  }
  // "1.组织领导。(15分)": the sentence's stop is no part of the name
  return { name: name.replace(/^[、.:,;。]+|[、.:,;。]+$/g, ""), points, cap };
}
