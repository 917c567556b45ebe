#!/usr/bin/env node
// The `kaohe` command: the CLI is bundled into build/cli.cjs by `npm run build:cli` (run by `npm ci`).
require("../build/cli.cjs").run();
