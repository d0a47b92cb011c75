// Reads a plain-format pg_dump file without loading it: whether it is one (and complete), which tables it
// creates, whether it drops them first (--clean), and the rows of each COPY block.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { TableCount } from './backup-types';

export interface PgDumpScan {
  /** Starts with pg_dump's "-- PostgreSQL database dump" banner. */
  isDump: boolean;
  /** Ends with "-- PostgreSQL database dump complete" (a cut-off file does not). */
  complete: boolean;
  /** Made with --clean: drops each object before creating it. */
  clean: boolean;
  createdTables: string[];
  /** Rows per table, from the COPY blocks. */
  tables: TableCount[];
}

/** `public.runs` or `"odd name"` -> the bare table name. */
const bareName = (qualified: string) => (qualified.split('.').pop() ?? qualified).replace(/^"|"$/g, '').replace(/""/g, '"');

export async function scanPgDump(file: string): Promise<PgDumpScan> {
  const scan: PgDumpScan = { isDump: false, complete: false, clean: false, createdTables: [], tables: [] };
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let seen = 0;
  let copying: TableCount | null = null;
  for await (const line of lines) {
    seen++;
    if (copying) {
      // In a COPY block each row is one line (newlines inside values are escaped as \n) until "\.".
      if (line === '\\.') {
        scan.tables.push(copying);
        copying = null;
      } else copying.rows++;
      continue;
    }
    // The banner comes within the first few lines (after `\restrict` on recent versions).
    if (seen <= 5 && line === '-- PostgreSQL database dump') scan.isDump = true;
    if (!scan.isDump && seen > 5) break;
    if (line === '-- PostgreSQL database dump complete') scan.complete = true;
    else if (line.startsWith('DROP TABLE IF EXISTS ') || line.startsWith('DROP TABLE ')) scan.clean = true;
    const create = /^CREATE TABLE (\S+) \($/.exec(line);
    if (create) scan.createdTables.push(bareName(create[1]));
    const copy = /^COPY (\S+) \(.*\) FROM stdin;$/.exec(line);
    if (copy) copying = { table: bareName(copy[1]), rows: 0 };
  }
  lines.close();
  scan.tables.sort((a, b) => a.table.localeCompare(b.table));
  return scan;
}
