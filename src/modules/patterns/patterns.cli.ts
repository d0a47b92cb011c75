// `autopack patterns`: the rollout guide's pattern expansion on DATABASE_URL. Ranked table, optional JSON
// file, optional code generation (detectors, tests, backlog entries) for the top patterns.
import type { Command } from 'commander';
import { existsSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { loadConfig } from '../../config';
import type { FailurePattern, PatternAnalysis } from './analyze';
import { DEFAULT_MIN_OCCURRENCES, DEFAULT_OUT_DIR, DEFAULT_TOP, MAX_MIN_OCCURRENCES, MAX_TOP } from './limits';
import { action, CliExit, out } from '../../cli/output';
import { openDatabase } from '../../cli/database';

interface PatternsOptions {
  runId?: string;
  minOccurrences: string;
  output?: string;
  force?: boolean;
  generateCode?: boolean;
  outDir: string;
  top: string;
}

/** Usage errors exit 2 with one line naming the flag. */
function intOption(value: string, flag: string, max: number): number {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(n >= 1 && n <= max)) throw new CliExit(2, `${flag} must be an integer between 1 and ${max}, got "${value}"`);
  return n;
}

const oneLine = (s: string, max: number) => {
  const line = s.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}\u2026` : line;
};

function printTable(patterns: FailurePattern[]): void {
  const header = ['#', 'PATTERN', 'TYPE', 'OCCURRENCES', 'RUNS', 'CONFIDENCE', 'LAST SEEN', 'SAMPLE'];
  const rows = patterns.map((p, i) => [
    String(i + 1),
    p.patternId,
    p.errorType,
    String(p.occurrences),
    String(p.runIds.length),
    p.confidence,
    p.lastSeenAt.toISOString().slice(0, 19) + 'Z',
    oneLine(p.sampleMessage, 70),
  ]);
  const numeric = new Set([0, 3, 4]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  for (const r of [header, ...rows]) {
    out(
      r
        .map((cell, c) => (c === r.length - 1 ? cell : numeric.has(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
        .join('  ')
        .trimEnd(),
    );
  }
}

function describeScope(a: PatternAnalysis): string {
  return `${a.failureEvents} failure event(s)${a.runId ? ` of run ${a.runId}` : ''}`;
}

function printNoPatterns(a: PatternAnalysis): void {
  out(`No failure pattern with at least ${a.minOccurrences} occurrence(s): ${describeScope(a)}, ${a.distinctSignatures} distinct message(s).`);
  const hint =
    a.largestGroup >= 1 && a.largestGroup < a.minOccurrences
      ? ` (the most frequent failure occurred ${a.largestGroup} time(s): --min-occurrences ${a.largestGroup})`
      : '';
  out(`Collect more telemetry (failed phases and runs record PHASE_FAILED / RUN_FAILED events) or lower --min-occurrences${hint}.`);
}

async function generate(a: PatternAnalysis, opts: PatternsOptions, top: number): Promise<void> {
  const { generatePatternCode } = await import('./generate');
  const { selected, report } = generatePatternCode(a.patterns, { outDir: opts.outDir, top });
  const dir = relative(process.cwd(), report.outDir) || '.';
  out();
  out(
    `Generated ${selected.length} pattern(s) into ${dir}/: ${report.written.length} file(s) written, ${report.unchanged.length} unchanged, ${report.removed.length} stale removed`,
  );
  for (const p of selected)
    out(`  ${p.patternId}: patterns/pattern_${p.patternId}.ts, tests/pattern_${p.patternId}.test.ts, backlog/PATTERN_${p.patternId.toUpperCase()}.md`);
  for (const path of report.removed) out(`  removed ${path}`);
  for (const path of report.keptEdited) out(`  kept ${path} (edited since it was generated; delete it to regenerate)`);
  // From the output directory: Jest 30 insists on finding a config above its cwd, even with -c.
  out(`Check them: npx tsc -p ${dir} && (cd ${dir} && npx jest)`);
}

export function registerPatterns(program: Command): void {
  program
    .command('patterns')
    .description('find recurring failures in dashboard events (DATABASE_URL); optionally generate detectors, tests and backlog entries')
    .option('--run-id <id>', 'only the failures of this run')
    .option('--min-occurrences <n>', `occurrences a failure needs to be a pattern (1-${MAX_MIN_OCCURRENCES})`, String(DEFAULT_MIN_OCCURRENCES))
    .option('--output <file>', 'also write the patterns as JSON to this file')
    .option('--force', 'overwrite the --output file if it exists')
    .option('--generate-code', 'generate detector modules, jest tests and backlog entries for the top patterns')
    .option('--out-dir <dir>', 'where --generate-code writes', DEFAULT_OUT_DIR)
    .option('--top <n>', `how many patterns --generate-code turns into code (1-${MAX_TOP})`, String(DEFAULT_TOP))
    .action(
      action(async (opts: PatternsOptions) => {
        const minOccurrences = intOption(opts.minOccurrences, '--min-occurrences', MAX_MIN_OCCURRENCES);
        const top = intOption(opts.top, '--top', MAX_TOP);
        if (opts.output && !opts.force && existsSync(opts.output)) throw new CliExit(1, `${opts.output} already exists (pass --force to overwrite it)`);
        const config = loadConfig();
        const orm = await openDatabase(config);
        const [{ forkEm }, { analyzeFailures }] = await Promise.all([import('../../db/orm'), import('./analyze')]);
        let analysis: PatternAnalysis;
        try {
          analysis = await analyzeFailures(forkEm(orm), { runId: opts.runId, minOccurrences });
        } finally {
          await orm.close();
        }

        if (opts.output) {
          const { runId, minOccurrences: min, failureEvents, distinctSignatures, patterns } = analysis;
          writeFileSync(opts.output, `${JSON.stringify({ runId, minOccurrences: min, failureEvents, distinctSignatures, patterns }, null, 2)}\n`);
        }
        if (!analysis.patterns.length) {
          printNoPatterns(analysis);
          if (opts.generateCode) out('Nothing generated.');
        } else {
          out(
            `${analysis.patterns.length} failure pattern(s) with at least ${minOccurrences} occurrence(s) among ${describeScope(analysis)}, most frequent first:`,
          );
          printTable(analysis.patterns);
          if (opts.generateCode) await generate(analysis, opts, top);
        }
        if (opts.output) out(`Wrote ${analysis.patterns.length} pattern(s) as JSON to ${opts.output}`);
      }),
    );
}
