import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** AUTOPACK_EXECUTOR_COMMAND running examples/reference-executor.ts from source. */
export const REFERENCE_EXECUTOR = [process.execPath, '-r', join(ROOT, 'test/helpers/swc-register.js'), join(ROOT, 'examples/reference-executor.ts'), '{runId}']
  .map((w) => JSON.stringify(w))
  .join(' ');

/** A one-line Node program as an executor command (its source must not contain double quotes). */
export const nodeExecutor = (source: string) => `${JSON.stringify(process.execPath)} -e "${source}" {runId}`;

/** Tokens the reference executor reports for the i-th phase (1-based). */
export const referenceTokens = (i: number) => ({ retrieval: 1000 * i, secondOpinion: 200 * i, evidence: 100 * i, base: 5000 * i, total: 6300 * i });

export async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
