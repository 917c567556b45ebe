import { it } from "vitest";
import { PUBLISHED } from "../corpus/published";
import { checkGrids } from "../../src/kaohe";
it("probe", () => {
  for (const p of PUBLISHED) {
    try {
      const rep = checkGrids([p.grid()]);
      const s: any = rep.sheets[0];
      console.log("==", p.name, JSON.stringify(s.items.map((i: any) => [i.row, i.category, i.kind, i.max, i.title.slice(0, 12)])), JSON.stringify(s.total), rep.findings.map((f) => `${f.code}@${f.cell}`).join(" "));
    } catch (e) {
      console.log("==", p.name, "ERR", String(e));
    }
  }
});
