import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `autopack <args>` from the TypeScript sources in a child process with exactly `env` (plus PATH), in `cwd`. */
export function runCli(args: string[], env: Record<string, string> = {}, timeoutMs = 60_000, cwd = ROOT): Promise<CliResult> {
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
export function startCli(args: string[], env: Record<string, string> = {}, timeoutMs = 60_000, cwd = ROOT): CliProcess {
  const script = `require(${JSON.stringify(join(ROOT, 'src/cli/main.ts'))}).main(['node', 'autopack', ...process.argv.slice(1)])`;
  let stdout = '';
  let stderr = '';
  let closeStdout = () => {};
  const done = new Promise<CliResult>((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', join(ROOT, 'test/helpers/swc-register.js'), '-e', script, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
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
  const script = `require(${JSON.stringify(join(ROOT, 'src/cli/main.ts'))}).main(['node', 'autopack', 'serve'])`;
  const child = spawn(process.execPath, ['-r', join(ROOT, 'test/helpers/swc-register.js'), '-e', script], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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
