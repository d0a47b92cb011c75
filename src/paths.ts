// Files shipped with the package (SDL, package.json) are found from the package root, so the same code
// works from src/ under jest and from dist/src/ under node.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let root: string | undefined;

function packageRoot(): string {
  if (root) return root;
  let dir = __dirname;
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate) && JSON.parse(readFileSync(candidate, 'utf8')).name === 'autopack-control-plane') {
      root = dir;
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('autopack package root not found');
    dir = parent;
  }
}

export function fromRoot(...parts: string[]): string {
  return join(packageRoot(), ...parts);
}
