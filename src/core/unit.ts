/**
 * The unit a workbook is for, as its form says it: the name after "单位(签字盖章):", "单位名称:",
 * "填报单位(盖章):", "被考核单位:" …, and the class after "单位类别:" / "考核类别:" … . The label
 * words are data (the two tables below); a label may carry a parenthesis ("(盖章)", "(一类/二类)")
 * and a full-width or half-width colon; the value is the rest of the cell up to the next label, or
 * the next cell of the row when the label stands alone.
 */
import { compact, textOf, toA1, type Grid } from "./grid";

/** Labels whose value is the unit's name (compact, without their parenthesis). */
export const UNIT_NAME_LABELS: readonly string[] = [
  "单位",
  "单位名称",
  "填报单位",
  "报送单位",
  "申报单位",
  "自查单位",
  "自评单位",
  "考核单位",
  "被考核单位",
  "被考评单位",
  "被评估单位",
  "被检查单位",
  "受检单位",
  "考核对象",
  "被考核对象",
];

/** Labels whose value is the unit's class (一类, B类, 乡镇, 部门 …). */
export const UNIT_CLASS_LABELS: readonly string[] = ["单位类别", "单位类型", "考核类别", "考核单位类别", "被考核单位类别", "单位分类", "考核分类", "考核组别", "类别"];

/** "单位:万元" above a table is the unit of measure, not the unit assessed. */
const MEASURE = /^[万千百亿元件个人次条分项篇期天户家所%‰、,,\s]+$/;

/** Marks before the chosen option of a printed choice ("□一类 ☑二类"). */
const CHECKED = /[☑✔✓√■●▣]\s*([^\s☐□○◯☑✔✓√■●▣/、,,]+)/;

export interface UnitInfo {
  /** The unit's name as written, null when the form does not say it. */
  name: string | null;
  /** Where the name was read (sheet and A1 cell). */
  nameAt: { sheet: string; cell: string } | null;
  /** The class as written ("二类"), null when the form does not say it. */
  unitClass: string | null;
  classAt: { sheet: string; cell: string } | null;
}

const ALL_LABELS = [...new Set([...UNIT_NAME_LABELS, ...UNIT_CLASS_LABELS])].sort((a, b) => b.length - a.length);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
// A label (its characters may be spaced out, "单 位"), an optional parenthesis, a colon.
const LABEL = new RegExp(
  `(${ALL_LABELS.map((l) => [...l].map(escape).join("\\s*")).join("|")})\\s*(?:[((][^))]{0,20}[))])?\\s*[::]`,
  "g",
);
const NAME_SET = new Set(UNIT_NAME_LABELS);
const CLASS_SET = new Set(UNIT_CLASS_LABELS);

/** A value as filled in: no blanks of underscores, no "(盖章)" left over, not a placeholder. */
function clean(v: string): string | null {
  let s = v.replace(/[_＿]{2,}/g, " ").replace(/[((](签字)?(盖章|签章|公章)[))]/g, " ").trim();
  s = s.replace(/\s{2,}.*$/, "").trim(); // a second field after a wide gap ("XX局      日期")
  if (!s || /^[\s\-—_/、.。::]*$/.test(s)) return null;
  return s;
}

function classValue(v: string): string | null {
  const checked = CHECKED.exec(v);
  if (checked) return checked[1];
  if (/[☐□○◯]/.test(v)) return null; // options printed, none ticked
  const s = clean(v);
  return s && !s.includes("/") ? s.replace(/\s+/g, "") : null;
}

interface Labelled {
  label: string;
  value: string;
}

/** "填报单位(盖章):XX局    统计年度:2021" → [{ 填报单位, "XX局" }] (only our labels). */
function labelsIn(text: string): Labelled[] {
  const found: Array<{ label: string; start: number; end: number }> = [];
  for (const m of text.matchAll(LABEL)) {
    const before = text.slice(0, m.index);
    // A label starts the text or follows white space or punctuation: "负责单位:" is not "单位:".
    if (before && !/[\s,,;;、。)\]]$/.test(before)) continue;
    found.push({ label: compact(m[1]), start: m.index!, end: m.index! + m[0].length });
  }
  // The value ends where another "word:" field of the line begins ("统计年度:").
  return found.map((f, i) => ({ label: f.label, value: text.slice(f.end, found[i + 1]?.start ?? text.length).replace(/\s+[^\s::]{1,12}[::][\s\S]*$/, "") }));
}

/**
 * Reads the unit's name and class from the grids (the first sheet that says each wins). Looks at
 * every text cell holding a colon; a label with nothing after it takes the next filled cell of its row.
 */
export function readUnit(grids: Grid[]): UnitInfo {
  const out: UnitInfo = { name: null, nameAt: null, unitClass: null, classAt: null };
  for (const grid of grids) {
    for (let r = 0; r < grid.cells.length; r++) {
      const row = grid.cells[r];
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (typeof v !== "string" || !(v.includes(":") || v.includes(":"))) continue;
        for (const { label, value } of labelsIn(v)) {
          let text = value;
          let at = toA1(r, c);
          if (!clean(text)) {
            const next = row.findIndex((x, i) => i > c && textOf(x) !== "");
            if (next >= 0 && !/[::]/.test(textOf(row[next]))) {
              text = textOf(row[next]);
              at = toA1(r, next);
            }
          }
          if (NAME_SET.has(label) && out.name === null) {
            const name = clean(text);
            if (name && !MEASURE.test(name)) {
              out.name = name;
              out.nameAt = { sheet: grid.name, cell: at };
            }
          }
          if (CLASS_SET.has(label) && out.unitClass === null) {
            const cls = classValue(text);
            if (cls) {
              out.unitClass = cls;
              out.classAt = { sheet: grid.name, cell: at };
            }
          }
        }
      }
      if (out.name !== null && out.unitClass !== null) return out;
    }
  }
  return out;
}
