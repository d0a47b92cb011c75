// Pattern expansion without a database: normalisation, classification, detectors, code generation and
// the writer's manifest (determinism, stale files, hand-edited files).
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FailurePattern } from '../../src/modules/patterns/analyze';
import { classifyError, confidenceFor, priorityFor } from '../../src/modules/patterns/classify';
import { renderPatternFiles } from '../../src/modules/patterns/codegen';
import { buildDetector, escapeLiteral } from '../../src/modules/patterns/detector';
import { normalizeMessage, signatureOf } from '../../src/modules/patterns/normalize';
import { MANIFEST, writeGeneratedFiles } from '../../src/modules/patterns/write';

describe('normalizeMessage', () => {
  it.each([
    [
      'POSIX and Windows paths with line numbers',
      ['File "/home/ci/app/main.py", line 12, in run', 'File "C:\\agents\\w1\\app\\util.py", line 3088, in run', 'File "./app/x.py", line 1, in run'],
      'File "<PATH>", line <LINE>, in run',
    ],
    [
      'file:line:column',
      ['/srv/a/index.ts:3:7 - error TS2304', 'src/b/main.tsx:120:1 - error TS2304', 'D:\\w\\c.ts:9:12 - error TS2304'],
      '<PATH>:<LINE>:<COL> - error TS2304',
    ],
    ['file(line,column)', ['src/a.ts(12,5): error TS2322', 'lib/deep/b.ts(1,1): error TS2322'], '<PATH>(<LINE>,<COL>): error TS2322'],
    ['quoted identifiers', ["KeyError: 'user_id'", "KeyError: 'run.id'", "KeyError: '@scope/pkg'"], "KeyError: '<ID>'"],
    ['double-quoted and backquoted identifiers', ['no "x" in `y`', 'no "Foo.bar" in `$z`'], 'no "<ID>" in `<ID>`'],
    [
      'hex addresses and UUIDs',
      ['segfault at 0x7ffd5a3b in 3f2504e0-4f89-11d3-9a0c-0305e82c3301', 'segfault at 0xDEAD in 00000000-0000-0000-0000-000000000000'],
      'segfault at <HEX> in <UUID>',
    ],
    [
      'timestamps',
      ['killed at 2026-04-01T09:03:00Z', 'killed at 2026-04-01 09:09:30', 'killed at 2026-04-01T09:20:00.125+02:00', 'killed at 10:00:00'],
      'killed at <TIMESTAMP>',
    ],
    ['long numbers and addresses', ['timeout (3600 s) to 10.0.0.7:6333', 'timeout (120000 s) to 127.0.0.1'], 'timeout (<NUM> s) to <ADDR>'],
    ['whitespace', ['  a\n\tb   c ', 'a b c'], 'a b c'],
  ])('collapses %s', (_label, messages, expected) => {
    expect(messages.map(normalizeMessage)).toEqual(messages.map(() => expected));
  });

  it('keeps what tells failures apart', () => {
    const texts = [
      'Executor failed with exit code 1',
      'Executor failed with exit code 2',
      "ModuleNotFoundError: No module named 'x'",
      "ImportError: cannot import name 'x' from 'y'",
      'error TS2304: cannot find name',
      'error TS2322: cannot find name',
      'and/or 12 of 34',
      'and/or 13 of 34',
    ].map(normalizeMessage);
    expect(new Set(texts).size).toBe(texts.length);
    expect(normalizeMessage('see http://ci.example.com/build/log')).toBe('see http://ci.example.com/build/log');
  });

  it('is idempotent, and the signature is the first 16 hex of SHA-256', () => {
    for (const m of ['File "/a/b.py", line 3', "KeyError: 'k' at 0xff", 'literal <PATH> marker', 'x 2026-01-01T00:00:00Z 12345']) {
      expect(normalizeMessage(normalizeMessage(m))).toBe(normalizeMessage(m));
    }
    expect(signatureOf('abc')).toBe('ba7816bf8f01cfea');
  });
});

describe('classifyError', () => {
  it.each([
    ["ModuleNotFoundError: No module named 'x'", 'IMPORT_ERROR'],
    ["Error: Cannot find module './x'", 'IMPORT_ERROR'],
    ['SyntaxError: Unexpected token }', 'SYNTAX_ERROR'],
    ['  IndentationError: unexpected indent', 'SYNTAX_ERROR'],
    ["TypeError: Cannot read properties of undefined (reading 'map')", 'TYPE_ERROR'],
    ['ReferenceError: foo is not defined', 'NAME_ERROR'],
    ["NameError: name 'foo' is not defined", 'NAME_ERROR'],
    ["AttributeError: 'NoneType' object has no attribute 'split'", 'ATTRIBUTE_ERROR'],
    ["Cannot read properties of null (reading 'x')", 'ATTRIBUTE_ERROR'],
    ["KeyError: 'user_id'", 'KEY_ERROR'],
    ["ValueError: invalid literal for int() with base 10: 'a'", 'VALUE_ERROR'],
    ["ENOENT: no such file or directory, open '/x'", 'FILE_NOT_FOUND'],
    ['FileNotFoundError: [Errno 2] No such file or directory', 'FILE_NOT_FOUND'],
    ["EACCES: permission denied, open '/x'", 'PERMISSION_DENIED'],
    ['Execution timeout (3600 s)', 'TIMEOUT'],
    ['connect ETIMEDOUT 10.0.0.1:443', 'TIMEOUT'],
    ['connect ECONNREFUSED 127.0.0.1:5432', 'NETWORK_ERROR'],
    ['FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory', 'OUT_OF_MEMORY'],
    ['MemoryError', 'OUT_OF_MEMORY'],
    ['Executor failed with exit code 1', 'UNKNOWN'],
  ])('%s -> %s', (text, type) => {
    expect(classifyError(normalizeMessage(text))).toBe(type);
  });

  it('has the thresholds of the issue', () => {
    expect([1, 2, 3, 4, 5].map(confidenceFor)).toEqual(['LOW', 'LOW', 'MEDIUM', 'MEDIUM', 'HIGH']);
    expect([4, 5, 9, 10].map(priorityFor)).toEqual(['LOW', 'MEDIUM', 'MEDIUM', 'HIGH']);
  });
});

// A small deterministic generator of messages built from the parts that vary.
function* randomMessages(seed: number, count: number): Generator<string> {
  let s = seed;
  const rnd = (n: number) => ((s = (s * 1103515245 + 12345) % 2 ** 31), s % n);
  const pick = <T>(xs: T[]) => xs[rnd(xs.length)];
  const parts = [
    () => `/home/u${rnd(99)}/src/f${rnd(9)}.py`,
    () => `C:\\w${rnd(9)}\\m.ts:${rnd(500)}:${rnd(80)}`,
    () => `'${pick(['a', 'b_c', 'x.y', '@s/p', 'Z9'])}${rnd(9)}'`,
    () => `0x${rnd(2 ** 30).toString(16)}`,
    () => `line ${rnd(9999)}`,
    () => `${1000 + rnd(1e6)}`,
    () => `2026-0${1 + rnd(9)}-1${rnd(9)}T0${rnd(9)}:1${rnd(9)}:00Z`,
    () => pick(['Error:', 'failed', '(x)', '[y]', '{z}', 'a+b*c?', '$^|', '\\n', '\u00e9t\u00e9', '\u{1F4A5}', '\u0007', '\t', '\n  ', '<b>', '/', '"', '`']),
  ];
  for (let i = 0; i < count; i++) {
    const n = 1 + rnd(8);
    yield Array.from({ length: n }, () => pick(parts)()).join(pick([' ', '', ': ', '\n']));
  }
}

describe('detectors', () => {
  it('match every message that normalises to their text (1000 generated messages)', () => {
    for (const message of randomMessages(42, 1000)) {
      const normalized = normalizeMessage(message);
      if (!normalized) continue;
      expect([message, buildDetector(normalized).test(message)]).toEqual([message, true]);
    }
  });

  it('are anchored and escape literal text', () => {
    const d = buildDetector(normalizeMessage('a+b (x) failed at /tmp/q.txt'));
    expect(d.test('a+b (x) failed at /var/z.txt')).toBe(true);
    expect(d.test('aab (x) failed at /var/z.txt')).toBe(false);
    expect(d.test('prefix a+b (x) failed at /var/z.txt')).toBe(false);
    expect(d.test('a+b (x) failed at /var/z.txt suffix')).toBe(false);
    expect(escapeLiteral('a/b\u0007\u{1F4A5}')).toBe('a\\/b\\u0007\\ud83d\\udca5');
  });
});

function fakePattern(id: string, normalized: string, samples: string[], occurrences = samples.length): FailurePattern {
  return {
    patternId: id,
    signature: signatureOf(normalized),
    errorType: 'KEY_ERROR',
    occurrences,
    runIds: ['r1'],
    phaseIds: ['build'],
    firstSeenAt: new Date(Date.UTC(2026, 0, 1)),
    lastSeenAt: new Date(Date.UTC(2026, 0, 2)),
    sampleMessage: samples[0],
    keywords: ['keyerror'],
    confidence: confidenceFor(occurrences),
    normalizedMessage: normalized,
    detector: buildDetector(normalized).source,
    samples,
  };
}

const KEY = fakePattern('key_error_aaaaaaaa', "KeyError: '<ID>'", ["KeyError: 'a'", "KeyError: 'b'"], 12);
const ENV = fakePattern('unknown_bbbbbbbb', "missing env '<ID>'", ["missing env 'HOME'"]);

describe('renderPatternFiles', () => {
  it('is deterministic and lists exactly the selected patterns', () => {
    const once = renderPatternFiles([KEY, ENV]);
    expect(renderPatternFiles([KEY, ENV])).toEqual(once);
    expect(once.map((f) => f.path)).toEqual([
      'backlog/PATTERN_KEY_ERROR_AAAAAAAA.md',
      'backlog/PATTERN_UNKNOWN_BBBBBBBB.md',
      'jest.config.js',
      'patterns/index.ts',
      'patterns/pattern_key_error_aaaaaaaa.ts',
      'patterns/pattern_unknown_bbbbbbbb.ts',
      'patterns/types.ts',
      'tests/pattern_key_error_aaaaaaaa.test.ts',
      'tests/pattern_unknown_bbbbbbbb.test.ts',
      'tsconfig.json',
    ]);
    const index = once.find((f) => f.path === 'patterns/index.ts')!.content;
    expect(index).toMatch(/PATTERNS: readonly PatternDefinition\[\] = \[\n  key_error_aaaaaaaa,\n  unknown_bbbbbbbb,\n\];/);
    const backlog = once.find((f) => f.path === 'backlog/PATTERN_KEY_ERROR_AAAAAAAA.md')!.content;
    expect(backlog).toMatch(/\*\*Priority: HIGH\*\*/);
    expect(backlog).toMatch(/\| Occurrences \| 12 \|/);
    expect(backlog).toMatch(/- \[ \] Implement `mitigate\(\)`/);
    // Another pattern's failure is the unrelated message each test expects its detector to reject.
    expect(once.find((f) => f.path === 'tests/pattern_key_error_aaaaaaaa.test.ts')!.content).toContain(`const UNRELATED = "missing env 'HOME'";`);
  });

  it('refuses a detector that misses its own sample', () => {
    expect(() => renderPatternFiles([{ ...KEY, samples: ['something else'] }])).toThrow(/does not match its sample/);
  });
});

describe('writeGeneratedFiles', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'autopack-patterns-unit-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const snapshot = () => {
    const files: Record<string, string> = {};
    const walk = (sub: string) => {
      for (const e of readdirSync(join(dir, sub), { withFileTypes: true })) {
        const rel = sub ? `${sub}/${e.name}` : e.name;
        if (e.isDirectory()) walk(rel);
        else files[rel] = readFileSync(join(dir, rel), 'utf8');
      }
    };
    walk('');
    return files;
  };

  it('rewrites byte-identical files, removes stale ones, keeps hand-edited ones', () => {
    const first = writeGeneratedFiles(dir, renderPatternFiles([KEY, ENV]));
    expect(first.written).toHaveLength(10);
    const before = snapshot();
    expect(Object.keys(before)).toContain(MANIFEST);

    const again = writeGeneratedFiles(dir, renderPatternFiles([KEY, ENV]));
    expect(again).toMatchObject({ written: [], removed: [], keptEdited: [] });
    expect(snapshot()).toEqual(before);

    // Someone implements ENV's mitigation; then ENV stops recurring and KEY's module changes.
    writeFileSync(join(dir, 'patterns/pattern_unknown_bbbbbbbb.ts'), '// my mitigation\n');
    const third = writeGeneratedFiles(dir, renderPatternFiles([{ ...KEY, occurrences: 13 }]));
    expect(third.removed).toEqual(['backlog/PATTERN_UNKNOWN_BBBBBBBB.md', 'tests/pattern_unknown_bbbbbbbb.test.ts']);
    expect(third.keptEdited).toEqual(['patterns/pattern_unknown_bbbbbbbb.ts']);
    expect(third.written).toEqual(expect.arrayContaining(['patterns/index.ts', 'patterns/pattern_key_error_aaaaaaaa.ts']));
    expect(readFileSync(join(dir, 'patterns/pattern_unknown_bbbbbbbb.ts'), 'utf8')).toBe('// my mitigation\n');
    expect(readFileSync(join(dir, 'patterns/index.ts'), 'utf8')).not.toContain('unknown_bbbbbbbb');
    // Still recognised as edited on the next run.
    expect(writeGeneratedFiles(dir, renderPatternFiles([KEY])).keptEdited).toEqual(['patterns/pattern_unknown_bbbbbbbb.ts']);
  });

  it('never deletes outside the output directory, whatever the manifest says', () => {
    const outside = join(dir, 'keep.txt');
    writeFileSync(outside, 'x');
    const out = join(dir, 'out');
    writeGeneratedFiles(out, renderPatternFiles([KEY]));
    const manifest = JSON.parse(readFileSync(join(out, MANIFEST), 'utf8'));
    manifest.files['../keep.txt'] = createHash('sha256').update('x').digest('hex');
    writeFileSync(join(out, MANIFEST), JSON.stringify(manifest));
    writeGeneratedFiles(out, renderPatternFiles([KEY]));
    expect(existsSync(outside)).toBe(true);
  });
});
