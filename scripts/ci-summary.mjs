// Sums the JSON reports vitest writes under CI (test-results/unit.json, e2e.json) into one
// closing line "N passed, N failed, N skipped".
import { existsSync, readFileSync } from "node:fs";

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of ["test-results/unit.json", "test-results/e2e.json"]) {
  if (!existsSync(file)) {
    console.log(`(${file} 不存在)`);
    continue;
  }
  const r = JSON.parse(readFileSync(file, "utf8"));
  passed += r.numPassedTests ?? 0;
  failed += r.numFailedTests ?? 0;
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
