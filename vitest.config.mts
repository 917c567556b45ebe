import { defineConfig } from "vitest/config";

// Unit and component tests. Browser tests (test/e2e) need a build and Chromium: `npm run test:e2e`.
export default defineConfig({
  test: {
    // In CI a JSON report too, summed up by scripts/ci-summary.mjs into one closing line.
    reporters: process.env.CI ? ["default", "json"] : ["default"],
    outputFile: { json: "test-results/unit.json" },
    include: ["test/**/*.test.{ts,tsx}"],
    exclude: ["test/e2e/**", "node_modules/**"],
    testTimeout: 20000,
  },
});
