// CPU time and peak memory of processes, from /proc (Linux): what each server and PostgreSQL spend per request.
import { execSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = Number(execSync('getconf CLK_TCK', { encoding: 'utf8' }).trim()) || 100;

/** Fields of /proc/<pid>/stat from field 3 (state) on: the command name in parentheses may hold spaces. */
function statFields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null; // gone
  }
}

const ticks = (f: string[], from: number, to: number) => f.slice(from, to + 1).reduce((sum, t) => sum + Number(t), 0);

/** User + system CPU milliseconds of one process (all its threads). */
export function cpuMs(pid: number): number {
  const f = statFields(pid);
  if (!f) throw new Error(`process ${pid} is gone`);
  return (ticks(f, 11, 12) * 1000) / TICKS_PER_SECOND; // utime, stime
}

/**
 * CPU milliseconds of a PostgreSQL cluster: the postmaster with its reaped children (cutime, cstime), plus every
 * live child. A backend that exits between two readings moves from the second sum to the first, so a
 * difference of readings counts it exactly once.
 */
export function clusterCpuMs(postmasterPid: number): number {
  const pm = statFields(postmasterPid);
  if (!pm) throw new Error(`postmaster ${postmasterPid} is gone`);
  let total = ticks(pm, 11, 14);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const f = statFields(Number(entry));
    if (f && Number(f[1]) === postmasterPid) total += ticks(f, 11, 12); // f[1]: parent pid
  }
  return (total * 1000) / TICKS_PER_SECOND;
}

/** Peak resident memory of a live process (VmHWM), in bytes. */
export function peakRssBytes(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}
