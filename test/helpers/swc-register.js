// Lets `node -r ./test/helpers/swc-register.js` load the TypeScript sources directly (CLI tests run the
// current source, not a possibly stale dist/). Compiled output is cached on disk by content hash, so the
// many CLI processes a test run spawns compile each file once.
const { createHash } = require('node:crypto');
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
// @swc/core (a large native module) is loaded only on a cache miss: most spawned processes find every file
// compiled already and skip its load.
const { version } = require('@swc/core/package.json');

const root = join(__dirname, '..', '..');
const options = JSON.parse(readFileSync(join(root, '.swcrc'), 'utf8'));
const cacheDir = join(root, 'node_modules', '.cache', 'autopack-swc');
const salt = `${version}\0${JSON.stringify(options)}`;
mkdirSync(cacheDir, { recursive: true });

require.extensions['.ts'] = function compileTs(module, filename) {
  const source = readFileSync(filename, 'utf8');
  const cached = join(cacheDir, createHash('sha1').update(`${salt}\0${filename}\0${source}`).digest('hex') + '.js');
  let code;
  try {
    code = readFileSync(cached, 'utf8');
  } catch {
    code = require('@swc/core').transformSync(source, { ...options, swcrc: false, filename }).code;
    const tmp = `${cached}.${process.pid}`;
    writeFileSync(tmp, code);
    renameSync(tmp, cached); // atomic: concurrent processes never read a half-written file
  }
  module._compile(code, filename);
};
