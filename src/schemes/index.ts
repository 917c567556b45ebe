/** Templates, schemes, recognition: the public face of `src/schemes`. */
export { TEMPLATES, SCHEMES, schemeById, templateById } from "./registry";
export { recognizeScheme, rankSchemes, type SchemeMatch } from "./recognize";
export type { Scheme, CrossCheck, GroupCap, CategoryWeight, StatRef, ItemRef } from "./types";
export type { TemplateDef } from "./template";
