// Reads a plain-format pg_dump file without loading it: whether it is one (and complete), which tables it
// creates, the rows of each COPY block, and anything in it that
// psql would run as a program rather than load as data.
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import type { TableCount } from './backup-types';

export interface PgDumpScan {
  /** Starts with pg_dump's "-- PostgreSQL database dump" banner. */
  isDump: boolean;
  /** Ends with "-- PostgreSQL database dump complete" (a cut-off file does not). */
  complete: boolean;
  createdTables: string[];
  /** Rows per table, from the COPY blocks. */
  tables: TableCount[];
  /** Why psql must not replay this file (the first line pg_dump would not have written), or null. */
  refused: string | null;
}

/**
 * psql runs a backslash meta-command wherever its own lexer is outside a quote, and a meta-command can run
 * a shell (`\!`, `\o |cmd`, `\copy ... program`), read or write files (`\i`, `\o`, `\w`), reconnect
 * (`\connect`) or execute query results (`\gexec`). Rather than re-implement psql's lexer (quotes,
 * dollar quotes, E'' strings, comments), the rule is stricter than any lexer: outside COPY data no
 * backslash may appear at all except the two whole lines pg_dump 15.14+ writes (`\restrict KEY` first,
 * `\unrestrict KEY` last; our backups use no --create, so no `\connect`), and inside COPY data a backslash
 * may only start one of the escapes COPY's text format writes. Whatever psql's lexer thinks is a string,
 * no meta-command survives: the single-letter commands an escape could spell (`\t`, `\r`, `\f`) run
 * nothing. A server-side COPY ... PROGRAM (a shell on the database host) is refused the same way.
 */
const PG_DUMP_META = /^\\(restrict|unrestrict) [A-Za-z0-9]+$/;
/** COPY text format escapes: \\ (backslash), \N (null), \b \f \n \r \t \v, octal and hex bytes. */
const COPY_ESCAPE = /\\(?:[\\Nbfnrtv]|[0-7]{1,3}|x[0-9A-Fa-f]{1,2})/g;
const PROGRAM_WORD = /\bprogram\b/i;

function refusal(line: string, n: number, copying: boolean): string | null {
  if (copying) {
    return line.replace(COPY_ESCAPE, '').includes('\\') ? `line ${n} has a backslash sequence COPY data never holds` : null;
  }
  if (line.includes('\\') && !PG_DUMP_META.test(line)) {
    const meta = /\\([^\s\\]*)/.exec(line)![1];
    return `line ${n} holds a psql meta-command (\\${meta.slice(0, 20)}) that pg_dump does not write`;
  }
  if (PROGRAM_WORD.test(line)) return `line ${n} names PROGRAM (a COPY that would run a command on the database host)`;
  return null;
}

/** The file's lines, split on "\n" only, as psql splits them (a "\r" stays part of its line). */
async function* lines(file: string): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let partial = '';
  for await (const chunk of createReadStream(file)) {
    const parts = (partial + decoder.write(chunk as Buffer)).split('\n');
    partial = parts.pop() ?? '';
    yield* parts;
  }
  partial += decoder.end();
  if (partial) yield partial;
}

/** `public.runs` or `"odd name"` -> the bare table name. */
const bareName = (qualified: string) => (qualified.split('.').pop() ?? qualified).replace(/^"|"$/g, '').replace(/""/g, '"');

export async function scanPgDump(file: string): Promise<PgDumpScan> {
  const scan: PgDumpScan = { isDump: false, complete: false, createdTables: [], tables: [], refused: null };
  let seen = 0;
  let copying: TableCount | null = null;
  for await (const line of lines(file)) {
    seen++;
    const endOfCopy = copying !== null && (line === '\\.' || line === '\\.\r');
    if (!endOfCopy) scan.refused ??= refusal(line, seen, copying !== null);
    if (copying) {
      // In a COPY block each row is one line (newlines inside values are escaped as \n) until "\.", which
      // psql recognises with or without a "\r" before the newline.
      if (endOfCopy) {
        scan.tables.push(copying);
        copying = null;
      } else copying.rows++;
      continue;
    }
    // The banner comes within the first few lines (after `\restrict` on recent versions).
    if (seen <= 5 && line === '-- PostgreSQL database dump') scan.isDump = true;
    if (!scan.isDump && seen > 5) break;
    if (line === '-- PostgreSQL database dump complete') scan.complete = true;
    const create = /^CREATE TABLE (\S+) \($/.exec(line);
    if (create) scan.createdTables.push(bareName(create[1]));
    const copy = /^COPY (\S+) \(.*\) FROM stdin;$/.exec(line);
    if (copy) copying = { table: bareName(copy[1]), rows: 0 };
  }
  scan.tables.sort((a, b) => a.table.localeCompare(b.table));
  return scan;
}
