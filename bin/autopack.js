#!/usr/bin/env node
// Entry point of the `autopack` command: runs the compiled CLI from dist/ (built by `npm ci` / `npm run build`).
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const entry = join(__dirname, '..', 'dist', 'src', 'cli', 'main.js');
if (!existsSync(entry)) {
  process.stderr.write('autopack: not built yet - run `npm run build` (npm ci runs it for you)\n');
  process.exit(1);
}
require(entry).main(process.argv);
