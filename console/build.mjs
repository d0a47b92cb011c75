// Builds the operator console into dist/console: one hashed JS bundle, one CSS file and the app shell.
// `node console/build.mjs` (run by `npm run build`); prints the gzipped size of what the browser loads.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'dist', 'console');
// Built aside, then published file by file (see the end): a server serving dist/console, or a second build
// running at the same time (two test files may), never sees a missing or half-written file.
const staging = `${out}.tmp-${process.pid}`;

rmSync(staging, { recursive: true, force: true });
mkdirSync(staging, { recursive: true });

const result = await build({
  entryPoints: [join(here, 'src', 'main.tsx')],
  bundle: true,
  minify: true,
  sourcemap: 'linked',
  format: 'esm',
  splitting: true,
  target: ['es2020'],
  jsx: 'automatic',
  outdir: staging,
  entryNames: '[name]-[hash]',
  chunkNames: '[name]-[hash]',
  define: { 'process.env.NODE_ENV': '"production"' },
  metafile: true,
  logLevel: 'warning',
});

const outputs = Object.keys(result.metafile.outputs).filter((f) => !f.endsWith('.map'));
const js = outputs.find((f) => result.metafile.outputs[f].entryPoint);
const css = outputs.find((f) => f.endsWith('.css'));
const shell = readFileSync(join(here, 'index.html'), 'utf8')
  .replace('%SCRIPT%', `/console/${basename(js)}`)
  .replace('%STYLE%', `/console/${basename(css)}`);
writeFileSync(join(staging, 'index.html'), shell);

const gz = (f) => gzipSync(readFileSync(f)).length;
const total = outputs.reduce((n, f) => n + gz(f), 0) + gzipSync(shell).length;
const jsAll = outputs.filter((f) => f.endsWith('.js')).reduce((n, f) => n + gz(f), 0);
const sizes = { entry: gz(js), js: jsAll, css: gz(css), html: gzipSync(shell).length, total };
writeFileSync(join(staging, 'sizes.json'), JSON.stringify(sizes, null, 2));

// A rename is atomic per file; the same sources give the same hashed names, so concurrent builds agree.
mkdirSync(out, { recursive: true });
const fresh = readdirSync(staging);
for (const f of fresh) renameSync(join(staging, f), join(out, f));
for (const f of readdirSync(out)) if (!fresh.includes(f)) rmSync(join(out, f), { recursive: true, force: true });
rmSync(staging, { recursive: true, force: true });
console.log(
  `console built: ${(total / 1024).toFixed(1)} KB gzipped in all (JS ${(sizes.js / 1024).toFixed(1)} KB, of which the entry ${(sizes.entry / 1024).toFixed(1)} KB; CSS ${(sizes.css / 1024).toFixed(1)} KB)`,
);
