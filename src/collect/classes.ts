/**
 * Unit classes (考核单位类别): the words a folder may be named by, and one spelling per class so
 * that "一类", "一类单位" and "一类考核单位" rank together. Words as data; a class is a class
 * of units ranked apart (乡镇/街道 and 部门, 锦州 A类/B类, 衡阳 两个类别).
 */
import { compact } from "../core/grid";

/** "一类", "A类", "甲类", "1类" (and with 单位 / 考核单位 after it). */
const LETTERED = /^(?:[一二三四五六七八九十]{1,2}|[A-Za-z]|\d{1,2}|[甲乙丙丁])类(?:考核)?(?:单位)?$/;

/** Folder names that are classes of units. */
export const CLASS_FOLDER_WORDS: readonly string[] = [
  "乡镇",
  "街道",
  "乡镇街道",
  "乡镇(街道)",
  "乡镇(街道)",
  "镇街",
  "镇(街道)",
  "镇(街道)",
  "部门",
  "县直部门",
  "区直部门",
  "市直部门",
  "县直单位",
  "区直单位",
  "市直单位",
  "直属单位",
  "县直",
  "区直",
  "市直",
  "园区",
];

/** One spelling per class: full-width letters folded, spaces and a trailing 单位 dropped. */
export function normalizeClass(s: string): string {
  const c = compact(s.normalize("NFKC")).replace(/^([A-Za-z])类/, (_, l: string) => l.toUpperCase() + "类");
  const stripped = c.replace(/(考核)?单位$/, "");
  return stripped && LETTERED.test(c) ? stripped : c;
}

/** Whether a folder's name names a class of units. */
export function isClassFolder(name: string): boolean {
  const c = compact(name.normalize("NFKC"));
  return LETTERED.test(c) || CLASS_FOLDER_WORDS.some((w) => compact(w.normalize("NFKC")) === c);
}

/** The class named by the nearest folder above the file that names one, else null. */
export function classFromFolders(folders: string[]): string | null {
  for (let i = folders.length - 1; i >= 0; i--) if (isClassFolder(folders[i])) return normalizeClass(folders[i]);
  return null;
}

const NUMERAL: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 甲: 1, 乙: 2, 丙: 3, 丁: 4 };

/** Classes in reading order: 一类 before 二类 (Unicode puts 三 before 二), A类 before B类, none last. */
export function compareClasses(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const order = (s: string): number | null => {
    const m = /^([一二三四五六七八九十]{1,2}|\d{1,2}|[甲乙丙丁]|[A-Z])类/.exec(s);
    if (!m) return null;
    const t = m[1];
    if (/^\d+$/.test(t)) return Number(t);
    if (/^[A-Z]$/.test(t)) return t.charCodeAt(0) - 64;
    if (t.length === 2) return t[0] === "十" ? 10 + NUMERAL[t[1]] : NUMERAL[t[0]] * 10;
    return NUMERAL[t];
  };
  const x = order(a);
  const y = order(b);
  if (x !== null && y !== null && x !== y) return x - y;
  return a.localeCompare(b, "zh-CN");
}
