// Code generation as one step: the top N patterns rendered and written into the output directory.
import { resolve } from 'node:path';
import { checkLimit } from '../../shared/validation';
import type { FailurePattern } from './analyze';
import { renderPatternFiles } from './codegen';
import { writeGeneratedFiles, type WriteReport } from './write';
import { DEFAULT_OUT_DIR, DEFAULT_TOP, MAX_TOP } from './limits';

export interface GenerateOptions {
  outDir?: string;
  top?: number;
}

export interface GenerateResult {
  selected: FailurePattern[];
  report: WriteReport;
}

/** `patterns` must be ranked (analyzeFailures does that); the first `top` become code. */
export function generatePatternCode(patterns: FailurePattern[], opts: GenerateOptions = {}): GenerateResult {
  const top = checkLimit(opts.top ?? DEFAULT_TOP, 'top', MAX_TOP);
  const selected = patterns.slice(0, top);
  const report = writeGeneratedFiles(resolve(opts.outDir ?? DEFAULT_OUT_DIR), renderPatternFiles(selected, patterns));
  return { selected, report };
}
