// Runs one executor process for one run: no shell, its own process group (so a timeout kills everything it
// started), per-run variables in its environment, and an outcome the dispatcher records.
import { spawn } from 'node:child_process';
import type { RunOutcome } from './lifecycle';

/** Splits a command line into words: whitespace separates, single and double quotes group, \ escapes. */
function splitCommand(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let quote: string | null = null;
  let started = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"' && i + 1 < line.length) word += line[++i];
      else word += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      started = true;
    } else if (c === '\\' && i + 1 < line.length) {
      word += line[++i];
      started = true;
    } else if (/\s/.test(c)) {
      if (started) words.push(word);
      word = '';
      started = false;
    } else {
      word += c;
      started = true;
    }
  }
  if (quote) throw new Error(`unterminated ${quote} quote in AUTOPACK_EXECUTOR_COMMAND`);
  if (started) words.push(word);
  return words;
}

export interface ExecutorSpec {
  command: string | null;
  runId: string;
  env: Record<string, string>;
  timeoutSeconds: number;
}

export interface ExecutorHandle {
  outcome: Promise<RunOutcome>;
  /** Kills the executor (its whole process group); the outcome is then `outcome`. */
  stop(outcome: RunOutcome): void;
}

const STDERR_TAIL_BYTES = 4096;
const STDERR_TAIL_LINES = 10;

function tail(text: string): string {
  const lines = text
    .split('\n')
    .map((l) => l.trimEnd())
    .filter(Boolean);
  return lines.slice(-STDERR_TAIL_LINES).join('\n');
}

const environmentFailure = (reason: string): ExecutorHandle => ({
  outcome: Promise.resolve({ state: 'DONE_FAILED_ENVIRONMENT', failureReason: reason }),
  stop: () => undefined,
});

export function startExecutor(spec: ExecutorSpec): ExecutorHandle {
  if (!spec.command) return environmentFailure('No executor configured: set AUTOPACK_EXECUTOR_COMMAND');
  let argv: string[];
  try {
    // The run id was validated ([A-Za-z0-9._-]) and replaces the placeholder inside one word: no injection.
    argv = splitCommand(spec.command).map((w) => w.split('{runId}').join(spec.runId));
  } catch (e) {
    return environmentFailure(`Invalid executor command: ${(e as Error).message}`);
  }
  if (!argv.length) return environmentFailure('Invalid executor command: AUTOPACK_EXECUTOR_COMMAND is empty');

  const child = spawn(argv[0], argv.slice(1), { env: spec.env, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString('utf8')).slice(-STDERR_TAIL_BYTES);
  });
  let stopped: RunOutcome | null = null;
  const killGroup = () => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  };
  const timer = setTimeout(() => {
    stopped = { state: 'DONE_FAILED_REQUIRES_HUMAN_REVIEW', failureReason: `Execution timeout (${spec.timeoutSeconds} s)` };
    killGroup();
  }, spec.timeoutSeconds * 1000);

  const outcome = new Promise<RunOutcome>((resolve) => {
    child.once('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve({ state: 'DONE_FAILED_ENVIRONMENT', failureReason: `Executor could not start: ${e.code ?? ''} ${argv[0]}: ${e.message}`.replace(/\s+/g, ' ') });
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (stopped) return resolve(stopped);
      if (code === 0) return resolve({ state: 'DONE_SUCCESS' });
      const what = code !== null ? `Executor failed with exit code ${code}` : `Executor killed by signal ${signal}`;
      const detail = tail(stderr);
      resolve({ state: 'DONE_FAILED_REQUIRES_HUMAN_REVIEW', failureReason: detail ? `${what}\n${detail}` : what });
    });
  });

  return {
    outcome,
    stop(outcome) {
      stopped ??= outcome;
      killGroup();
    },
  };
}
