// CLI conventions: results on stdout, one-line failures on stderr with a non-zero exit. One rule for every
// command: exit 2 when the input is wrong (an argument, option or variable, an unknown run or flag: nothing
// was done), exit 1 when the command ran and failed (database missing or unreachable, a check that did not
// pass, a conflict).
import { ConfigError } from '../config';
import { StartupError } from '../shared/startup-error';
import { ServiceError } from '../shared/errors';
import { describeError } from '../shared/describe-error';

export class CliExit extends Error {
  constructor(
    readonly exitCode: number,
    message = '',
  ) {
    super(message);
  }
}

export const out = (line = '') => process.stdout.write(`${line}\n`);

export const USAGE_EXIT = 2;

/** Service errors that say the input was wrong, not that the command failed. */
const INPUT_ERRORS = new Set(['BAD_USER_INPUT', 'NOT_FOUND']);

function exitCode(e: unknown): number {
  if (e instanceof CliExit) return e.exitCode;
  if (e instanceof ConfigError) return USAGE_EXIT;
  if (e instanceof ServiceError && INPUT_ERRORS.has(e.code)) return USAGE_EXIT;
  return 1;
}

/** Runs a command body; any failure becomes `autopack: <one line>` and an exit code. */
export function action<A extends unknown[]>(fn: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (e) {
      process.exitCode = exitCode(e);
      const message = e instanceof CliExit || e instanceof ConfigError || e instanceof StartupError || e instanceof ServiceError ? e.message : describeError(e);
      if (message) process.stderr.write(`autopack: ${message}\n`);
    }
  };
}

export const mark = (ok: boolean) => (ok ? '\u2713' : '\u2717');
