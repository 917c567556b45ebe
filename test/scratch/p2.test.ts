import { it } from "vitest";
import { township2010 } from "../corpus/published";
import { detectScoreTable } from "../../src/core/layout/detect";
it("p", () => { const t = detectScoreTable(township2010.grid())!; console.log(JSON.stringify({ ...t.columns, levelMax: null }), t.headerRow); });
