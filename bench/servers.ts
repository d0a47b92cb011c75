// Databases and server processes for the benches: a fresh SQLite file or an embedded PostgreSQL database, and
// bench/load-server.js forked over dist/ so each server's memory and CPU are its own.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Client } from 'pg';

export type Backend = 'sqlite' | 'postgresql';
/** What bench/load-server.js answers over the IPC channel. */
type ServerMessage = { url: string } | { maxRssBytes: number } | { closed: true };

// Keeps a real dynamic import (swc would turn import() into require(), which cannot load .mjs).
const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<any>;

/** `postmasterPid`: PostgreSQL's, to measure the cluster's CPU (bench/peer-procs.ts). */
export async function database(backend: Backend): Promise<{ url: string; postmasterPid?: number; cleanup(): Promise<void> }> {
  if (backend === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'autopack-load-'));
    return { url: `sqlite:///${join(dir, 'load.db')}`, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const { startEmbeddedPg } = await importEsm(pathToFileURL(join(__dirname, '..', 'test', 'helpers', 'embedded-pg.mjs')).href);
  const pg = await startEmbeddedPg();
  const admin = new Client({ connectionString: `${pg.url}/postgres` });
  await admin.connect();
  await admin.query('create database autopack_load');
  await admin.end();
  const postmasterPid = Number(readFileSync(join(pg.dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
  return { url: `${pg.url}/autopack_load`, postmasterPid, cleanup: () => pg.stop() };
}

/**
 * The node flags `npm start` gives the server (package.json's start script, e.g. the young generation's size):
 * every bench runs our server with them, as users run it.
 */
export const START_FLAGS: string[] = (
  /\bnode ((?:--\S+ )*)bin\/autopack\.js serve/.exec(JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).scripts.start)?.[1] ?? ''
)
  .split(' ')
  .filter(Boolean);

// Server processes still running: killed if the bench fails half-way, so none is left behind.
const servers = new Set<ChildProcess>();
process.on('exit', () => servers.forEach((child) => child.kill()));

/** A server process on a free loopback port; resolves once it listens. */
export function startServer(databaseUrl: string, heapMb: number | null, env: Record<string, string> = {}): Promise<{ url: string; child: ChildProcess }> {
  const execArgv = [...START_FLAGS, ...(heapMb ? [`--max-old-space-size=${heapMb}`] : [])];
  const child = fork(join(__dirname, 'load-server.js'), [databaseUrl], { execArgv, env: { ...process.env, ...env } });
  servers.add(child);
  child.once('exit', () => servers.delete(child));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`load server exited with ${code}`))); // ignored once resolved
    child.once('message', (m: ServerMessage) => ('url' in m ? resolve({ url: m.url, child }) : reject(new Error('unexpected message'))));
  });
}

export function ask(child: ChildProcess, question: 'stats' | 'close'): Promise<ServerMessage> {
  return new Promise((resolve) => {
    child.once('message', resolve);
    child.send(question);
  });
}

/** Peak resident memory of the server, then a clean close and exit. */
export async function stopServer(child: ChildProcess): Promise<number> {
  const stats = await ask(child, 'stats');
  await ask(child, 'close');
  child.kill();
  return 'maxRssBytes' in stats ? stats.maxRssBytes : NaN;
}
