// PostgreSQL backups with the standard client tools: pg_dump writes a plain SQL file that drops and
// recreates every object (--clean --if-exists), psql replays it in one transaction (all or nothing).
import { spawn } from 'node:child_process';
import { maskUrl } from '../../db/url';
import type { Progress } from './backup-types';

class ToolMissingError extends Error {
  constructor(tool: string) {
    super(
      `${tool} is not installed (or not on PATH): install the PostgreSQL client tools, e.g. \`apt-get install postgresql-client\` (same major version as the server)`,
    );
    this.name = 'ToolMissingError';
  }
}

/**
 * libpq connection settings for a DATABASE_URL: the URL without its password (safe on a command line, which
 * other users can see in `ps`) and the password in PGPASSWORD for the child only.
 */
function libpqConnection(databaseUrl: string, baseEnv: Readonly<Record<string, string>>): { dbname: string; env: Record<string, string> } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  const env: Record<string, string> = { ...baseEnv };
  if (password) env.PGPASSWORD = password;
  return { dbname: url.toString(), env };
}

interface ToolResult {
  code: number | null;
  /** stderr lines, masked, for the error message. */
  errors: string[];
}

/** Runs a client tool; each stderr line goes to `onLine`. A tool that is not installed is a ToolMissingError. */
function runTool(tool: string, args: string[], env: Record<string, string>, onLine: (line: string) => void = () => undefined): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    const errors: string[] = [];
    let partial = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        const masked = maskUrl(line);
        errors.push(masked);
        onLine(masked);
      }
    });
    child.on('error', (e: NodeJS.ErrnoException) => reject(e.code === 'ENOENT' ? new ToolMissingError(tool) : e));
    child.on('close', (code) => {
      if (partial) errors.push(maskUrl(partial));
      resolve({ code, errors });
    });
  });
}

/** The line that says what went wrong: the last error/fatal line, else the last line. */
function failureLine(errors: string[]): string {
  const meaningful = errors.filter((l) => l.trim());
  return (meaningful.filter((l) => /error|fatal/i.test(l)).pop() ?? meaningful.pop() ?? 'no output').trim();
}

export async function ensureTool(tool: 'pg_dump' | 'psql', env: Record<string, string>): Promise<void> {
  const res = await runTool(tool, ['--version'], env);
  if (res.code !== 0) throw new Error(`${tool} --version failed: ${failureLine(res.errors)}`);
}

/** pg_dump into `file`; progress names each table as its rows are dumped. */
export async function pgDump(databaseUrl: string, file: string, baseEnv: Readonly<Record<string, string>>, progress: Progress): Promise<void> {
  const { dbname, env } = libpqConnection(databaseUrl, baseEnv);
  const args = ['--clean', '--if-exists', '--no-owner', '--verbose', `--file=${file}`, `--dbname=${dbname}`];
  const res = await runTool('pg_dump', args, env, (line) => {
    const m = /dumping contents of table "(.+)"/.exec(line);
    if (m) progress(`  dumping ${m[1]}`);
  });
  if (res.code !== 0) throw new Error(`pg_dump failed: ${failureLine(res.errors)}`);
}

/**
 * Replays `file` with psql in a single transaction that first drops `dropTables` (CASCADE): a backup taken
 * before a migration knows nothing of the tables that migration added, and their foreign keys would
 * otherwise stop the dump's own DROP TABLE. On any error psql stops and nothing is changed.
 */
export async function psqlRestore(databaseUrl: string, file: string, dropTables: string[], baseEnv: Readonly<Record<string, string>>): Promise<void> {
  const { dbname, env } = libpqConnection(databaseUrl, baseEnv);
  const drop = dropTables.length ? ['-c', `DROP TABLE IF EXISTS ${dropTables.map((t) => `"${t.replace(/"/g, '""')}"`).join(', ')} CASCADE`] : [];
  const args = ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-1', `--dbname=${dbname}`, ...drop, '-f', file];
  const res = await runTool('psql', args, { ...env, PGOPTIONS: `${env.PGOPTIONS ?? ''} -c client_min_messages=warning`.trim() });
  if (res.code !== 0) throw new Error(`psql failed, nothing was changed (single transaction): ${failureLine(res.errors)}`);
}
