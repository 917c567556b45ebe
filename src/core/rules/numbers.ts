/**
 * Numbers as people type them in score sheets: ASCII or full-width digits, and Chinese
 * numerals (小写 一二三 and 大写 壹贰叁).
 */

/** Full-width ASCII (！…～, U+FF01–FF5E) → half-width, ideographic space → space. Keeps length. */
export function toHalfWidth(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += " ";
    else out += text[i];
  }
  return out;
}

/** A sum of points without float noise (0.1 + 0.2 → 0.3): scores have at most a few decimals. */
export const roundPoints = (n: number): number => Math.round(n * 1e6) / 1e6;

const DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const POWERS: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };

/** The characters a Chinese numeral is made of, for building patterns. */
export const CHINESE_NUMERAL_CHARS = Object.keys(DIGITS).join("") + Object.keys(POWERS).join("");

function digitOf(ch: string): number | undefined {
  return Object.prototype.hasOwnProperty.call(DIGITS, ch) ? DIGITS[ch] : undefined;
}
function powerOf(ch: string): number | undefined {
  return Object.prototype.hasOwnProperty.call(POWERS, ch) ? POWERS[ch] : undefined;
}

/** A numeral below 10000: "十五", "一百零五", "三千五" (colloquial 3500), or digit by digit "二〇一七". */
function section(s: string): number | null {
  if (s === "") return null;
  const chars = [...s];
  if (chars.every((ch) => digitOf(ch) !== undefined)) {
    if (chars.length > 1 && chars.includes("两")) return null;
    return Number(chars.map((ch) => digitOf(ch)).join(""));
  }
  let total = 0;
  let digit: number | null = null;
  let lastPower = Infinity;
  let zero = false;
  for (const ch of chars) {
    const d = digitOf(ch);
    const p = powerOf(ch);
    if (d === 0) {
      zero = true;
    } else if (d !== undefined) {
      if (digit !== null) return null;
      digit = d;
    } else if (p !== undefined) {
      if (p >= lastPower) return null;
      if (digit === null) {
        // "十五": a leading 十 means 一十
        if (p !== 10 || total !== 0 || zero) return null;
        digit = 1;
      }
      total += digit * p;
      lastPower = p;
      digit = null;
      zero = false;
    } else {
      return null;
    }
  }
  if (digit !== null) {
    // "一百五" is 150, "一百零五" is 105
    total += !zero && lastPower !== Infinity && lastPower > 10 ? (digit * lastPower) / 10 : digit;
  }
  return total;
}

/** A Chinese numeral ("十五", "两点五", "零点五", "一万二千", "负三"); null when it is not one. */
export function chineseNumeral(text: string): number | null {
  let s = text.trim();
  let sign = 1;
  if (s.startsWith("负")) {
    sign = -1;
    s = s.slice(1);
  }
  const [whole, fraction, ...rest] = s.split("点");
  if (rest.length > 0 || whole === undefined) return null;
  let value: number | null;
  const wan = whole.split("万");
  if (wan.length > 2) return null;
  if (wan.length === 2) {
    const high = section(wan[0]);
    const low = wan[1] === "" ? 0 : section(wan[1].replace(/^零/, ""));
    value = high === null || low === null ? null : high * 10000 + low;
  } else {
    value = section(whole);
  }
  if (value === null) return null;
  if (fraction !== undefined) {
    const fractionChars = [...fraction];
    if (fractionChars.length === 0 || fractionChars.some((ch) => digitOf(ch) === undefined || ch === "两")) return null;
    value = Number(`${value}.${fractionChars.map((ch) => digitOf(ch)).join("")}`);
  }
  return sign * value;
}

const ARABIC = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const ARABIC_GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/**
 * A whole string that is a number: "5", "-2.5", "５", "１０．５", "1,200", "十五", "两点五",
 * with white space around it; null for anything else (including "" and "5分").
 */
export function parseNumber(text: string): number | null {
  const n = parseAnyNumber(text);
  // "1" × 400 is no amount anyone wrote: Infinity would poison every sum it enters
  return n !== null && Number.isFinite(n) ? n : null;
}

function parseAnyNumber(text: string): number | null {
  if (typeof text !== "string") return null;
  const s = toHalfWidth(text).trim();
  if (s === "") return null;
  if (ARABIC.test(s)) return Number(s);
  if (ARABIC_GROUPED.test(s)) return Number(s.replace(/,/g, ""));
  const signed = /^([+-])(.*)$/.exec(s);
  if (signed) {
    const n = chineseNumeral(signed[2]);
    return n === null ? null : signed[1] === "-" ? -n : n;
  }
  return chineseNumeral(s);
}
