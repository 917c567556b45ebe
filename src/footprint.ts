/**
 * What the add-in writes into a workbook, in one place: the header of its column, the name and
 * marker of its sheet, the marker of its notes, validations and mapping, and its mark colours.
 * Every host, the write-back plan and the engine (which must skip what we wrote) read them here.
 */

/** Header of the column the add-in writes beside a score table; never a score column of the user's. */
export const RESULT_HEADER = "核算得分";

/** Base name of the add-in's result sheet; "核算结果(2)" … when the user has a sheet of that name. */
export const RESULT_SHEET = "核算结果";

/** The first cell (A1) of every sheet the add-in writes starts with this: how we know a sheet is ours. */
export const SHEET_MARKER = "核算结果(考核计分助手生成";

/** Every note (comment) the add-in writes starts with this; a note without it is the user's. */
export const NOTE_PREFIX = "【考核计分助手】";

/** Title of the input message of every data validation the add-in writes (how a later run knows its own). */
export const VALIDATION_TITLE = "考核计分助手";

/** Name of the (hidden) sheet that stores a column mapping the clerk chose; travels with the workbook. */
export const MAPPING_SHEET = "考核计分助手设置";

/** Fill colours of the marks, "#RRGGBB", by severity. */
export const MARK_COLORS = { error: "#FFC7CE", warning: "#FFEB9C" } as const;

/** Fill of an entry that is out of bounds as it is typed (conditional format). */
export const LIVE_MARK_COLOR = "#FFC7CE";

/** Excel's limit on the text of one cell. */
export const MAX_CELL_TEXT = 32767;

/** A note length every host accepts (WPS builds cut comments beyond 255 characters in some APIs). */
export const MAX_NOTE_TEXT = 255;

/** Appended to a note or text that had to be cut. */
export const CUT_SUFFIX = "…(详见核算结果)";
