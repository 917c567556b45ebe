/** Texts the add-in writes are cut to what every host accepts, with CUT_SUFFIX saying so. */
import { CUT_SUFFIX } from "../footprint";

/** `text` cut to at most `max` characters (UTF-16 units, as Excel counts), ending in CUT_SUFFIX when cut. */
export function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - CUT_SUFFIX.length));
  // Never leave half of a surrogate pair.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut + CUT_SUFFIX;
}
