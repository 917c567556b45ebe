/**
 * The registry of known templates and their schemes. A new template is one more definition in
 * `defs/` and one more line here.
 */
import { ANNUAL_REPORT_2021 } from "./defs/annual-report-2021";
import { GENHE_DEPARTMENT, GENHE_STATISTICS_TEMPLATE, GENHE_TOWNSHIP } from "./defs/genhe";
import { LINZI } from "./defs/linzi";
import { SUIZHOU_2021 } from "./defs/suizhou";
import { WUHAI_2017 } from "./defs/wuhai";
import { XIUWEN } from "./defs/xiuwen";
import type { TemplateDef } from "./template";
import type { Scheme } from "./types";

export const TEMPLATES: readonly TemplateDef[] = [
  GENHE_TOWNSHIP,
  GENHE_DEPARTMENT,
  GENHE_STATISTICS_TEMPLATE,
  SUIZHOU_2021,
  XIUWEN,
  WUHAI_2017,
  LINZI,
  ANNUAL_REPORT_2021,
];

export const SCHEMES: readonly Scheme[] = TEMPLATES.flatMap((t) => (t.scheme ? [t.scheme] : []));

/** The scheme with this id, or null. */
export function schemeById(id: string): Scheme | null {
  return SCHEMES.find((s) => s.id === id) ?? null;
}

export function templateById(id: string): TemplateDef | null {
  return TEMPLATES.find((t) => t.id === id) ?? null;
}

