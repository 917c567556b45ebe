import { describe, expect, it } from "vitest";
import { NOT_HAN_OR_ALNUM, normalizeText } from "../../src/core/text";

describe("the Han class written as ranges (old engines cannot parse \\p{Script=Han})", () => {
  it("keeps exactly the Basic Multilingual Plane characters \\p{Script=Han} keeps", () => {
    const reference = /[^\p{Script=Han}a-z0-9]/u;
    const ours = new RegExp(NOT_HAN_OR_ALNUM.source, "u");
    const differ: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      if (reference.test(ch) !== ours.test(ch)) differ.push(cp.toString(16));
    }
    expect(differ).toEqual([]);
  });

  it("keeps the ideographs of the extension planes (𠀀, 𪚥) and drops punctuation and kana", () => {
    expect(normalizeText("一、𠀀𪚥 公开(10分)かな")).toBe("𠀀𪚥公开10分");
  });
});
