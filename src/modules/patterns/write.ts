// Writes generated files into the output directory. A manifest records what the generator wrote (with a
// hash), so a regeneration removes the files of patterns that dropped out, and leaves alone any pattern
// file a person has edited since (their mitigation work is not ours to delete).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { GeneratedFile } from './codegen';

export const MANIFEST = '.autopack-patterns.json';

export interface WriteReport {
  outDir: string;
  /** Created or changed. */
  written: string[];
  unchanged: string[];
  /** Edited since generated: left as they are (stale ones included). */
  keptEdited: string[];
  /** Generated before, no longer part of the output. */
  removed: string[];
}

interface Manifest {
  generator: string;
  files: Record<string, string>;
}

const OWNED_PATH = /^(?:(?:patterns|tests|backlog)\/)?[\w-][\w.-]*$/;

const sha256 = (content: string) => createHash('sha256').update(content, 'utf8').digest('hex');

function readManifest(outDir: string): Record<string, string> {
  try {
    const m = JSON.parse(readFileSync(join(outDir, MANIFEST), 'utf8')) as Partial<Manifest>;
    const files = m && typeof m.files === 'object' && m.files ? m.files : {};
    // Only names the generator could have written: a tampered manifest must not delete anything else.
    return Object.fromEntries(Object.entries(files).filter(([path, hash]) => OWNED_PATH.test(path) && typeof hash === 'string'));
  } catch {
    return {};
  }
}

const readIfExists = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : null);

export function writeGeneratedFiles(outDir: string, files: GeneratedFile[]): WriteReport {
  const previous = readManifest(outDir);
  const report: WriteReport = { outDir, written: [], unchanged: [], keptEdited: [], removed: [] };
  const manifest: Record<string, string> = {};
  const editedSince = (path: string, current: string | null) => current !== null && previous[path] !== undefined && sha256(current) !== previous[path];

  for (const file of files) {
    const target = join(outDir, file.path);
    const current = readIfExists(target);
    if (current === file.content) {
      report.unchanged.push(file.path);
    } else if (file.editable && editedSince(file.path, current)) {
      report.keptEdited.push(file.path);
      manifest[file.path] = previous[file.path]; // still ours, still edited: keep detecting it
      continue;
    } else {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, file.content);
      report.written.push(file.path);
    }
    manifest[file.path] = sha256(file.content);
  }

  const current = new Set(files.map((f) => f.path));
  for (const path of Object.keys(previous).sort()) {
    if (current.has(path)) continue;
    const target = join(outDir, path);
    const content = readIfExists(target);
    if (content === null) continue;
    if (editedSince(path, content)) {
      report.keptEdited.push(path);
      manifest[path] = previous[path];
    } else {
      rmSync(target);
      report.removed.push(path);
    }
  }

  const sorted = Object.fromEntries(Object.entries(manifest).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  writeFileSync(join(outDir, MANIFEST), `${JSON.stringify({ generator: 'autopack patterns --generate-code', files: sorted } satisfies Manifest, null, 2)}\n`);
  return report;
}
