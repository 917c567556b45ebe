import { it } from "vitest";
import * as P from "../corpus/published";
import { read } from "../corpus/build";
const fills: Record<string, [P.Published, Record<number, any>]> = {
  a: [P.licheng2020, { 3: 8, 4: "满分", 5: 6, 6: "扣2分" }],
  b: [P.township2010, { 3: 35 }],
  c: [P.secrecyVeto, { 2: 0, 7: "扣6分", 9: "否" }],
  c2: [P.secrecyVeto, { 9: "是" }],
  d: [P.secrecyDuty, { 3: 4, 4: 2 }],
  e: [P.secrecyInspection, { 2: 1, 4: 1, 5: 2, 7: 1, 8: "满分" }],
  f: [P.integrity2012, { 3: 2, 4: 3, 5: 3, 6: 2, 7: 3, 8: 3, 9: 3, 10: 2, 11: 3 }],
  g: [P.countyItems, { 2: 1, 3: 3, 4: 1, 5: 10, 6: 8, 7: 3, 8: 2, 9: 1, 10: 1, 11: 5, 12: 8, 13: 25 }],
  h: [P.archives, { 2: 4 }],
  i: [P.xuanzhou2021, {}],
  j: [P.safetyGoals, { 3: 5, 4: 4.5, 5: "扣1分" }],
  k: [P.safetyAssessment, { 3: 3, 4: 6, 5: 3 }],
  l: [P.portalSites, { 3: 6, 4: 5, 5: 1, 6: 1, 7: 0 }],
};
it("probe", () => {
  for (const [k, [p, f]] of Object.entries(fills)) {
    const r = read(p.grid(f));
    console.log("==", k, p.name, JSON.stringify(r.items), JSON.stringify(r.categories), JSON.stringify(r.total), r.findings.join(" "), "\n   rules:", JSON.stringify(r.report.items.map((i) => i.rules.map((x: any) => [x.kind, x.step ?? x.points ?? x.cap, x.unit, x.cap]))));
  }
});
