import { it } from "vitest";
import * as P from "../corpus/published";
import { read } from "../corpus/build";
it("probe", () => {
  for (const p of [P.websiteCensus, P.secrecyTownship, P.partyBranch]) {
    try {
    const r = read(p.grid());
    console.log("==", p.name, JSON.stringify(r.items), JSON.stringify(r.titles.map(t=>t.slice(0,10))), JSON.stringify(r.categories), JSON.stringify(r.total), r.findings.join(" "), "\n   rules:", JSON.stringify(r.report.items.map((i) => i.rules.map((x: any) => [x.kind, x.step ?? x.points ?? x.cap, x.unit, x.cap]))));
    } catch (e) { console.log("==", p.name, String(e)); }
  }
});
