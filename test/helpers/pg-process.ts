// A private PostgreSQL in a child process that tests can pause and resume (a real outage), data kept.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface PgProcess {
  /** postgresql://user:pass@host:port (no database) */
  url: string;
  pause(): Promise<void>;
  resume(): Promise<void>;
  stop(): Promise<void>;
}

export function startPgProcess(): Promise<PgProcess> {
  const child = spawn(process.execPath, [join(__dirname, 'run-pg.mjs'), '--control'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const waiters: ((line: string) => void)[] = [];
  lines.on('line', (line) => waiters.shift()?.(line));
  const next = () => new Promise<string>((resolve) => waiters.push(resolve));
  const command = async (cmd: string) => {
    const answer = next();
    child.stdin!.write(`${cmd}\n`);
    if ((await answer) !== `${cmd}d`) throw new Error(`PostgreSQL did not ${cmd}`);
  };
  return next().then((ready) => {
    const url = /^ready (\S+)$/.exec(ready)?.[1];
    if (!url) throw new Error(`PostgreSQL did not start: ${ready}`);
    return {
      url,
      pause: () => command('pause'),
      resume: () => command('resume'),
      stop: () =>
        new Promise<void>((resolve) => {
          child.once('close', () => resolve());
          child.stdin!.end();
        }),
    };
  });
}
