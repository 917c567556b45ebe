/** The fake Excel lives in test/fakes/office-excel.ts; this path is kept for the tests that import it. */
export { FakeExcel, type FakeSheet } from "../fakes/office-excel";
