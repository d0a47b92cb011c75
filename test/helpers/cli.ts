import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `autopack <args>` inside this jest worker through the CLI's own main(), with exactly `env` (plus
 * PATH) as process.env, in `cwd`, capturing what it writes to stdout and stderr (process streams and the
 * logger's direct fd writes) and its exit code: what a child process would show, without starting node,
 * swc and the command's modules again for every command. Commands run one at a time (they share
 * process.env, the working directory and the streams); a test that needs a real separate process (two at
 * once, signals, a closed pipe, `serve`) uses runCliProcess.
 */
export function runCli(args: string[], env: Record<string, string> = {}, timeoutMs = 60_000, cwd = ROOT): Promise<CliResult> {
  if (args[0] === 'serve') throw new Error('`serve` installs signal handlers and may never return: use runCliProcess or startServe');
  const run = queue.then(() => inProcess(args, env, timeoutMs, cwd));
  queue = run.catch(() => undefined);
  return run;
}

let queue: Promise<unknown> = Promise.resolve();

class CliTimeout extends Error {}

type Write = (chunk: unknown, ...rest: unknown[]) => boolean;

async function inProcess(args: string[], env: Record<string, string>, timeoutMs: number, cwd: string): Promise<CliResult> {
  // Loaded on first use, into this test file's module registry: later commands reuse the loaded modules.
  const { main } = (await import('../../src/cli/main')) as typeof import('../../src/cli/main');
  const captured = { stdout: '', stderr: '' };
  const text = (chunk: unknown) => (typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
  const capture = (stream: NodeJS.WriteStream, into: 'stdout' | 'stderr') => {
    const original = stream.write;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      captured[into] += text(chunk);
      const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      if (done) process.nextTick(done);
      return true;
    }) as Write as typeof stream.write;
    return () => (stream.write = original);
  };
  // The logger (pino) writes to file descriptor 2 directly.
  const writeSync = fs.writeSync;
  fs.writeSync = ((fd: number, buffer: unknown, ...rest: unknown[]) => {
    if (fd !== 1 && fd !== 2) return (writeSync as (...a: unknown[]) => number)(fd, buffer, ...rest);
    const s = text(buffer);
    captured[fd === 1 ? 'stdout' : 'stderr'] += s;
    return Buffer.byteLength(s);
  }) as typeof fs.writeSync;
  const savedEnv = process.env;
  const savedCwd = process.cwd();
  const savedExitCode = process.exitCode;
  const stdoutListeners = process.stdout.listeners('error');
  const restoreStdout = capture(process.stdout, 'stdout');
  const restoreStderr = capture(process.stderr, 'stderr');
  process.env = { PATH: savedEnv.PATH ?? '', ...env };
  process.exitCode = undefined;
  process.chdir(cwd);
  let timer: NodeJS.Timeout | undefined;
  try {
    let code: number;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new CliTimeout(`autopack ${args.join(' ')} did not finish within ${timeoutMs} ms`)), timeoutMs);
      });
      await Promise.race([main(['node', 'autopack', ...args]), timeout]);
      code = Number(process.exitCode ?? 0);
    } catch (e) {
      if (e instanceof CliTimeout) throw e;
      // What node prints for an uncaught error before exiting with 1.
      captured.stderr += `${e instanceof Error ? e.stack : String(e)}\n`;
      code = 1;
    }
    return { code, ...captured };
  } finally {
    clearTimeout(timer);
    restoreStdout();
    restoreStderr();
    fs.writeSync = writeSync;
    process.env = savedEnv;
    process.exitCode = savedExitCode;
    process.chdir(savedCwd);
    // main() listens for EPIPE on stdout once per call: drop its listener with the command.
    for (const l of process.stdout.listeners('error')) if (!stdoutListeners.includes(l)) process.stdout.off('error', l as () => void);
  }
}

/** Runs `autopack <args>` from the TypeScript sources in a child process with exactly `env` (plus PATH), in `cwd`. */
export function runCliProcess(args: string[], env: Record<string, string> = {}, timeoutMs = 60_000, cwd = ROOT): Promise<CliResult> {
  return startCli(args, env, timeoutMs, cwd).done;
}

export interface CliProcess {
  /** What it printed so far. */
  output(): { stdout: string; stderr: string };
  /** Closes the reading end of its stdout, as `| head -1` does once it has its line. */
  closeStdout(): void;
  done: Promise<CliResult>;
}

/** Starts `autopack <args>` like runCli, for a test that acts while the command runs (e.g. `watch`). */
/** `autopack <args>` from the TypeScript sources, in a child process with exactly `env` (plus PATH). */
function spawnAutopack(args: string[], env: Record<string, string>, cwd: string) {
  const script = `require(${JSON.stringify(join(ROOT, 'src/cli/main.ts'))}).main(['node', 'autopack', ...process.argv.slice(1)])`;
  return spawn(process.execPath, ['-r', join(ROOT, 'test/helpers/swc-register.js'), '-e', script, '--', ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export function startCli(args: string[], env: Record<string, string> = {}, timeoutMs = 60_000, cwd = ROOT): CliProcess {
  let stdout = '';
  let stderr = '';
  let closeStdout = () => {};
  const done = new Promise<CliResult>((resolve, reject) => {
    const child = spawnAutopack(args, env, cwd);
    child.stdout.on('data', (d) => (stdout += d));
    closeStdout = () => child.stdout.destroy();
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
  return { output: () => ({ stdout, stderr }), closeStdout: () => closeStdout(), done };
}

/** Starts `autopack serve` and resolves once it prints its URL (or rejects with what it printed). */
export interface ServeProcess {
  url: string;
  /** SIGTERM, then the exit result. */
  stop(): Promise<CliResult>;
  /** SIGKILL: the server dies without cleaning up. */
  kill(): Promise<CliResult>;
}

export function startServe(env: Record<string, string>): Promise<ServeProcess> {
  const child = spawnAutopack(['serve'], { HOST: '127.0.0.1', PORT: '0', ...env }, ROOT);
  let stdout = '';
  let stderr = '';
  const closed = new Promise<CliResult>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`serve did not start: ${stdout}${stderr}`));
    }, 60_000);
    child.stdout.on('data', (d) => {
      stdout += d;
      const m = /listening on (http:\/\/\S+)/.exec(stdout);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1],
          stop: () => {
            child.kill('SIGTERM');
            return closed;
          },
          kill: () => {
            child.kill('SIGKILL');
            return closed;
          },
        });
      }
    });
    void closed.then((r) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${r.code}: ${r.stdout}${r.stderr}`));
    });
  });
}
