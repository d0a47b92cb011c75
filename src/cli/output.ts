// CLI conventions: results on stdout, one-line failures on stderr with a non-zero exit.
import { ConfigError } from '../config';
import { StartupError } from '../app';
import { ServiceError } from '../shared/errors';
import { describeError } from '../modules/ops/health';

export class CliExit extends Error {
  constructor(
    readonly exitCode: number,
    message = '',
  ) {
    super(message);
  }
}

export const out = (line = '') => process.stdout.write(`${line}\n`);

/** Runs a command body; any failure becomes `autopack: <one line>` and an exit code. */
export function action<A extends unknown[]>(fn: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (e) {
      process.exitCode = e instanceof CliExit ? e.exitCode : e instanceof ConfigError ? 2 : 1;
      const message =
        e instanceof CliExit || e instanceof ConfigError || e instanceof StartupError || e instanceof ServiceError
          ? e.message
          : describeError(e);
      if (message) process.stderr.write(`autopack: ${message}\n`);
    }
  };
}

export const mark = (ok: boolean) => (ok ? '\u2713' : '\u2717');
