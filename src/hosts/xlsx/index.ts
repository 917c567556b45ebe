/** The .xlsx host: a streaming reader to grids and a writer that patches only the parts it must. */
export { createXlsxPort, type XlsxPort, type XlsxPortOptions } from "./port";
export { DEFAULT_LIMITS, XlsxFormatError, XlsxLimitError, type XlsxLimits } from "./limits";
export { XlsxPackage } from "./package";
export { readGrids, readWorkbookParts } from "./read";
