#!/usr/bin/env node
// The `ariadne` bin: runs the CLI bundle that `npm install` (prepare) or `npm run build` writes to dist/.
const fs = require('node:fs');
const path = require('node:path');

const bundle = path.join(__dirname, '..', '..', 'dist', 'node', 'cli.cjs');
if (!fs.existsSync(bundle)) {
  process.stderr.write('ariadne: the CLI is not built; run `npm run build` in the project folder\n');
  process.exit(1);
}
require(bundle);
