// Builds the operator console into dist/console: one hashed JS bundle, one CSS file and the app shell.
// `node console/build.mjs` (run by `npm run build`); prints the gzipped size of what the browser loads.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'dist', 'console');

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const result = await build({
  entryPoints: [join(here, 'src', 'main.tsx')],
  bundle: true,
  minify: true,
  sourcemap: 'linked',
  format: 'esm',
  splitting: true,
  target: ['es2020'],
  jsx: 'automatic',
  outdir: out,
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
writeFileSync(join(out, 'index.html'), shell);

const gz = (f) => gzipSync(readFileSync(f)).length;
const total = outputs.reduce((n, f) => n + gz(f), 0) + gzipSync(shell).length;
const jsAll = outputs.filter((f) => f.endsWith('.js')).reduce((n, f) => n + gz(f), 0);
const sizes = { entry: gz(js), js: jsAll, css: gz(css), html: gzipSync(shell).length, total };
writeFileSync(join(out, 'sizes.json'), JSON.stringify(sizes, null, 2));
console.log(
  `console built: ${(total / 1024).toFixed(1)} KB gzipped in all (JS ${(sizes.js / 1024).toFixed(1)} KB, of which the entry ${(sizes.entry / 1024).toFixed(1)} KB; CSS ${(sizes.css / 1024).toFixed(1)} KB)`,
);
