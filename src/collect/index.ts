/** The collecting office: many workbooks → units, rankings, 等次, composed rounds, 通报, 汇总.xlsx. */
export * from "./types";
export { entryOf, failedEntry, type EntryOptions } from "./read";
export { collect, parseGrades, parseRounds, gradeOf, rankScores, lowestGrade, unitNameOf, DEFAULT_GRADES, FAIL_GRADE, TOP_LOSSES, shortTitle, type CollectOptions } from "./collect";
export { classFromFolders, isClassFolder, normalizeClass, compareClasses, CLASS_FOLDER_WORDS } from "./classes";
export { buildSummaryWorkbook, isSummaryWorkbook, summaryBytes, SUMMARY_SHEETS, FEEDBACK_PREFIX } from "./summary";
