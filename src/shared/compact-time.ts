// Timestamps inside generated names (replay ids, campaign ids, rollout-check runs): UTC, to
// the second, digits only so the name stays a valid id and a portable file name.

/** `YYYYMMDD-HHMMSS` in UTC. (Backup file names follow the guide's `date` in local time instead: ops/backup.ts.) */
export function compactUtc(at: Date): string {
  const iso = at.toISOString(); // YYYY-MM-DDTHH:MM:SS.sssZ
  return `${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}`;
}
