/**
 * The last step of reading a table: its item rows become indicators. Rows under a shared merged
 * title form a block, a 分值 merged over several rows is one item (or the declared total of rows
 * that each state their own points), and each indicator gets its kind (scored, adjustment,
 * veto), maximum, sign and rules.
 */
import { textOf, toA1, type CellValue } from "../grid";
import { parseNumber, roundPoints } from "../rules/numbers";
import { parseMaxCell, parseRules as parseRulesUncached } from "../rules/parse";
import type { ParseResult, Rule } from "../rules/types";
import { VETO_NAME } from "../words/rows";
import { POINTS_IN_BRACKETS, STATED_PART, TRAILING_POINTS } from "../words/points";
import { GRADE_WORDS, mayHoldRules } from "../words/rules";
import { ensureGroup } from "./groups";
import type { Group, Indicator, ItemRow, ScoreTable } from "./types";

/** Reads rule text; one per detection, so that a table's repeated phrases are parsed once. */
export type ReadRules = (text: string) => ParseResult;
const NO_RULES: ParseResult = { rules: [], issues: [] };

/**
 * A rule reader for one table: tables repeat their phrases ("根据日常监控评分" on many rows), so
 * each text is parsed once; text without any rule word (most titles) is not parsed at all. The
 * memory lives as long as the detection, not the module.
 */
export function ruleReader(): ReadRules {
  const seen = new Map<string, ParseResult>();
  return (text) => {
    if (!mayHoldRules(text)) return NO_RULES;
    let hit = seen.get(text);
    if (!hit) {
      hit = parseRulesUncached(text);
      seen.set(text, hit);
    }
    return hit;
  };
}

function pointsOf(rules: Rule[]): number | null {
  let sum = 0;
  let any = false;
  for (const r of rules) if (r.kind === "points") (sum += r.points), (any = true);
  return any ? roundPoints(sum) : null;
}

/** A grade just before a stated part ("优秀(5分)、良好(3分)"): the parts are tiers, one is given. */
const GRADE_BEFORE = new RegExp(`(?:${GRADE_WORDS.join("|")})[的者]?[:：]?\\s*$`);

/**
 * The points a criterion text states in parts ("1.决策草案【2分】; 2.决策依据【2分】…", "(1)…(1分)。
 * (2)…(1分)。"), summed; tiers of one grade scale count their best. Null when it states none.
 */
export function statedParts(text: string): number | null {
  if (!text.includes("分")) return null;
  let sum = 0;
  let any = false;
  let tier: number | null = null;
  STATED_PART.lastIndex = 0;
  for (let m = STATED_PART.exec(text); m; m = STATED_PART.exec(text)) {
    const n = parseNumber(m[1]);
    if (n === null) continue;
    any = true;
    if (!GRADE_BEFORE.test(text.slice(Math.max(0, m.index - 8), m.index))) {
      sum += n;
      tier = null;
    } else if (tier === null || n > tier) {
      sum += n - (tier ?? 0);
      tier = n;
    }
  }
  return any ? roundPoints(sum) : null;
}

/** The points an item row states in its own words ("(3分)" in its title or criterion), if any. */
export function ownPoints(parseRules: ReadRules): (r: ItemRow) => number | null {
  return (r) => pointsOf(parseRules(r.titleText).rules.concat(parseRules(r.methodText).rules));
}

function stripPoints(text: string): string {
  return text.replace(POINTS_IN_BRACKETS, "").trim().replace(TRAILING_POINTS, "");
}

/** A line feed inside a word (Word wraps "财政资金\n直达基层" in narrow cells) is no break. */
function unwrap(text: string): string {
  return text.includes("\n") ? text.replace(/([\u4e00-\u9fff])[ \t\u3000]*\r?\n\s*(?=[\u4e00-\u9fff])/g, "$1") : text;
}

function joinDistinct(texts: string[], sep: string): string {
  return texts.filter((t, i, a) => t && a.indexOf(t) === i).join(sep);
}

/**
 * The indicators of the item rows, in row order; rows in `consumed` were taken as headings.
 * Groups that blocks of rows form (a shared title, a merged 分值 over rows with points of their
 * own) are added to the table and to those rows' groups.
 */
export function buildIndicators(table: ScoreTable, rows: ItemRow[], consumed: Set<number>, parseRules: ReadRules): void {
  const own = ownPoints(parseRules);
  const { columns } = table;
  // Rows sharing a merged title cell form a block: the title is the block's heading.
  const titleBlocks = new Map<string, ItemRow[]>();
  for (const r of rows) if (r.titleMerge) titleBlocks.set(r.titleMerge, [...(titleBlocks.get(r.titleMerge) ?? []), r]);

  for (const r of rows) {
    if (consumed.has(r.row)) continue;
    // Shared by the rows of a block until a row adds a level of its own: copy on write.
    let groups = r.groups;
    const block = r.titleMerge ? titleBlocks.get(r.titleMerge)! : null;
    // a title merged over exactly the rows of one entry (分值 and score merged alike) is the item's own
    // (without a 分值 column, the score cell merged over the block's rows says the same)
    const entrySpan = r.maxSpan ?? (columns.max === null ? r.scoreSpan : null);
    const oneItem =
      block !== null && entrySpan !== null && r.scoreSpan !== null && r.scoreSpan.top === entrySpan.top && r.scoreSpan.bottom === entrySpan.bottom &&
      block.every((x) => x.row >= entrySpan.top && x.row <= entrySpan.bottom);
    const sharedTitle = block !== null && block.length > 1 && !oneItem;
    if (sharedTitle) {
      const g = ensureGroup(table, groups.at(-1) ?? null, r.titleText, groups.length, toA1(block![0].row, columns.title!), null, "§");
      groups = [...groups, g.key];
    }

    // A 分值 merged over several rows: either each row carries its own "(N分)" (then the merged
    // value is the block's declared total), or the rows are one indicator.
    let members = [r];
    let maxValue = r.maxValue;
    let maxCellRow = r.row;
    if (r.maxSpan && r.maxSpan.top === r.row) {
      const span = rows.filter((x) => x.row >= r.maxSpan!.top && x.row <= r.maxSpan!.bottom);
      // one score cell merged over the same rows: one item, whatever points each line states
      const oneEntry = r.scoreSpan !== null && r.scoreSpan.top === r.maxSpan.top && r.scoreSpan.bottom === r.maxSpan.bottom;
      const eachOwn = !oneEntry && span.every((x) => own(x) !== null);
      if (span.length > 1 && eachOwn) {
        const mc = parseMaxCell(r.maxValue);
        const key = (groups.at(-1) ? groups.at(-1) + "/" : "") + `#${r.row}`;
        table.groups.set(key, {
          key,
          name: stripPoints(r.titleText) || `第${r.row + 1}行起`,
          level: groups.length,
          declared: mc.kind === "scored" ? mc.max : null,
          cell: toA1(r.row, columns.max!),
          kind: "normal",
          bonusCaps: [],
          deductCaps: [],
        });
        for (const x of span) {
          x.groups = [...x.groups, key];
          x.maxValue = null;
        }
        groups = [...groups, key];
        maxValue = null;
      } else if (span.length > 1) {
        members = span;
        for (const x of span) consumed.add(x.row);
      }
    } else if (oneItem && r.maxSpan === null && entrySpan!.top === r.row) {
      // one entry for the rows of one title, their criteria one per row
      members = rows.filter((x) => x.row >= entrySpan!.top && x.row <= entrySpan!.bottom);
      for (const x of members) consumed.add(x.row);
    } else if (r.maxSpan && r.maxSpan.top !== r.row && r.maxValue !== null) {
      // A continuation row of a merged 分值 we did not start from: its own text decides.
      maxValue = null;
      maxCellRow = -1;
    }

    const titleText = members.length === 1 ? r.titleText : joinDistinct(members.map((m) => m.titleText), " ");
    const methodText = members.length === 1 ? r.methodText : joinDistinct(members.map((m) => m.methodText), ";");
    table.items.push(
      describeIndicator(table, parseRules, {
        row: r.row,
        id: r.id,
        titleText: sharedTitle ? "" : titleText,
        blockTitle: sharedTitle ? r.titleText : "",
        methodText,
        maxValue,
        maxCell: maxCellRow >= 0 && columns.max !== null ? toA1(maxCellRow, columns.max) : null,
        groups,
      }),
    );
  }
}

/**
 * An item with no 分值 of its own, alone under a level that declares its points ("政策咨询服务情况
 * (5分)" over one row whose 分值 cell is blank or holds text): the level's points are its maximum.
 */
export function levelMaxima(table: ScoreTable): void {
  const count = new Map<string, number>();
  for (const it of table.items) for (const g of it.groups) count.set(g, (count.get(g) ?? 0) + 1);
  for (const it of table.items) {
    if (it.kind !== "scored" || it.max !== null || it.groups.length < 2) continue;
    const g = table.groups.get(it.groups.at(-1)!);
    if (!g || g.declared === null || count.get(g.key) !== 1) continue;
    it.max = g.declared;
    it.maxCell = g.cell;
  }
}

/**
 * An item that says nothing of its worth or its way (no 分值, no points, no rule: "被作为调研参考…的,每条以
 * 省、市采用得分乘以2计分") in a block whose other items, two at least, are all adjustments one way (each
 * "每条计5分"): it goes that way too, as an item of a 加分项 section would, and has no maximum to miss.
 */
export function blockSigns(table: ScoreTable): void {
  const byGroup = new Map<string, Indicator[]>();
  for (const it of table.items) {
    const key = it.groups.at(-1);
    if (key === undefined) continue;
    const list = byGroup.get(key);
    if (list) list.push(it);
    else byGroup.set(key, [it]);
  }
  for (const items of byGroup.values()) {
    const isSilent = (it: Indicator) => it.kind === "scored" && it.max === null && it.maxCell === null && it.rules.length === 0;
    const silent = items.filter(isSilent);
    const others = items.filter((it) => !isSilent(it));
    const sign = others[0]?.sign;
    if (silent.length === 0 || others.length < 2 || !sign || sign === "both") continue;
    if (!others.every((it) => it.kind === "adjust" && it.sign === sign)) continue;
    for (const it of silent) (it.kind = "adjust"), (it.sign = sign);
  }
}

function describeIndicator(
  table: ScoreTable,
  parseRules: ReadRules,
  r: { row: number; id: string | null; titleText: string; blockTitle: string; methodText: string; maxValue: CellValue; maxCell: string | null; groups: string[] },
): Indicator {
  // "10分,每缺一项扣2分", "加分项(每项加2分)": the 分值 cell's own words are rule text too
  const mc = parseMaxCell(r.maxValue);
  const note = mc.kind === "scored" || mc.kind === "adjust" ? mc.note : undefined;
  const method = parseRules(note ? [r.methodText, note].filter(Boolean).join(";") : r.methodText);
  const title = parseRules(r.titleText);
  const rules: Rule[] = [...title.rules.filter((x) => x.kind !== "points"), ...method.rules];
  const issues = [...title.issues, ...method.issues];
  let section: Group | undefined;
  for (let i = r.groups.length - 1; i >= 0 && !section; i--) {
    const g = table.groups.get(r.groups[i])!;
    if (g.kind !== "normal") section = g;
  }
  // (a worth the text says twice, "(15分)。…得基本分15分", the rule reader counts once)
  const inText = pointsOf(method.rules) ?? pointsOf(title.rules);
  const hasVeto = rules.some((x) => x.kind === "veto");
  const bonus = rules.some((x) => x.kind === "bonus" || x.kind === "bonus_cap");
  const deduct = rules.some((x) => x.kind === "deduct" || x.kind === "deduct_cap");
  // Without a title of its own, an item under two or more indicator levels is named by the deepest.
  const deepest = table.columns.category.length >= 2 && r.groups.length >= 2 ? table.groups.get(r.groups.at(-1)!)?.name : undefined;
  const displayTitle = unwrap(
    stripPoints(r.titleText) || deepest || stripPoints(r.methodText).slice(0, 60) || stripPoints(r.blockTitle) || `第${r.row + 1}行`,
  );

  const titlePoints = pointsOf(title.rules);
  const declared =
    titlePoints !== null && (mc.kind === "scored" || pointsOf(method.rules) !== null) && table.columns.title !== null
      ? { points: titlePoints, cell: toA1(r.row, table.columns.title) }
      : null;
  const ruleSign = bonus && deduct ? "both" : bonus ? "bonus" : deduct ? "deduct" : null;

  let kind: Indicator["kind"] = "scored";
  let max: number | null = null;
  let sign: Indicator["sign"] = null;
  let sectionCap: number | null = null;
  let maxCell = r.maxCell;
  // In a 一票否决 / 单项否决 section, an item without points or per-unit rules is a veto.
  const vetoSection = section !== undefined && VETO_NAME.test(section.name) && !bonus && !deduct;
  if (mc.kind === "veto" || ((hasVeto || vetoSection) && mc.kind !== "scored" && inText === null)) kind = "veto";
  else if (mc.kind === "adjust") {
    kind = "adjust";
    sign = mc.sign;
    // "加分项(5分)", "扣分项(最多10分)": the bracket caps the item
    sectionCap = mc.cap ?? null;
  } else if (section) {
    kind = "adjust";
    sign = section.kind === "normal" ? ruleSign : section.kind === "both" ? "both" : section.kind === "bonus" ? "bonus" : (ruleSign ?? "deduct");
    sectionCap = mc.kind === "scored" ? mc.max : null;
  } else if (mc.kind === "scored") max = mc.max;
  else if (inText !== null) {
    max = inText;
    maxCell = toA1(r.row, (r.methodText ? table.columns.method : table.columns.title) ?? 0);
  } else if (ruleSign) (kind = "adjust"), (sign = ruleSign);
  const stated = r.methodText && table.columns.method !== null ? statedParts(r.methodText) : null;
  const parts = stated !== null ? { points: stated, cell: toA1(r.row, table.columns.method!) } : null;
  // One literal of one shape: spreading a shared base object was the hot spot on long sheets.
  return { row: r.row, id: r.id, title: displayTitle, groups: r.groups, kind, max, sign, sectionCap, rules, issues, maxCell, declared, parts };
}
