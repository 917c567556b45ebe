/**
 * 写回, host-neutral: where is truly free, reversible marks, the 核算结果 sheet as the record of
 * what was written, and the Chinese description of it all.
 */
export { MARK_COLORS, NOTE_PREFIX, RESULT_SHEET } from "../footprint";
export { planChanges, RESULT_COLUMN_WIDTH, type PlanInput, type PlanOptions, type PlanSummary, type WritebackPlan } from "./plan";
export { describeChanges } from "./describe";
export { markCells } from "./marks";
export { rememberTable } from "./live";
export { chooseColumn, SEARCH_COLUMNS } from "./column";
export { Occupancy, type Occupant } from "./free";
export { FILL_UNKNOWN, isOurSheet, ourResultSheet, previousColumns, previousMarks, resultSheetName } from "./record";
export { fileName } from "./result-sheet";
export { capText } from "./text";
