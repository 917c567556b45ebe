// The browser tests: `npm run test:e2e` (scripts/e2e.mjs builds dist/ first when it is stale).
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // In CI a JSON report too, summed up by scripts/ci-summary.mjs into one closing line.
    reporters: process.env.CI ? ["default", "json"] : ["default"],
    outputFile: { json: "test-results/e2e.json" },
    include: ["test/e2e/**/*.e2e.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
