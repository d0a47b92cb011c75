// The operator console: static files built by `npm run build` (console/build.mjs) into dist/console.
// Every page URL gets the same app shell (the browser routes), so a page can be shared and reloaded.
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServerResponse } from 'node:http';
import { fromRoot } from '../paths';

/** The console's page URLs; /api/*, /health, /metrics and /graphql never match. */
const PAGE = /^\/(?:runs(?:\/[^/]+)?|ab|patterns|switches)?$/;
const ASSET = /^\/console\/([A-Za-z0-9_-]+\.(js|css|js\.map|css\.map))$/;
const TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  'js.map': 'application/json',
  'css.map': 'application/json',
};

const NOT_BUILT =
  '<!doctype html><html lang="en"><title>Autopack console</title><body><p>The operator console is not built: run <code>npm run build</code>. GraphiQL is at <a href="/graphql">/graphql</a>.</p></body></html>';

export const isConsolePath = (path: string) => PAGE.test(path) || path.startsWith('/console/');

/** Answers a GET for a console page or asset; false when `path` is none of them. */
export function serveConsole(res: ServerResponse, path: string, dir = fromRoot('dist', 'console')): boolean {
  if (PAGE.test(path)) {
    const shell = join(dir, 'index.html');
    const built = existsSync(shell);
    res.writeHead(built ? 200 : 503, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
    res.end(built ? readFileSync(shell) : NOT_BUILT);
    return true;
  }
  const asset = ASSET.exec(path);
  if (!asset) return false;
  const file = join(dir, asset[1]);
  if (!existsSync(file)) return false;
  // File names carry a content hash (esbuild [name]-[hash]), so they can be cached for long.
  res.writeHead(200, { 'content-type': TYPES[asset[2]], 'cache-control': 'public, max-age=31536000, immutable' });
  createReadStream(file).pipe(res);
  return true;
}
