// The heap growth policy the server sets at startup (src/heap.ts) keeps the heap near its live set: the same
// allocation pattern peaks much lower with it than with V8's own policy on a large heap limit. Both children
// get the same explicit heap limit, so the comparison does not depend on this machine's memory.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const CHILD = join(__dirname, '..', 'helpers', 'heap-churn.ts');
const REGISTER = join(__dirname, '..', 'helpers', 'swc-register.js');

function peakHeapBytes(percent: number): number {
  const out = execFileSync(process.execPath, ['--max-old-space-size=4096', '-r', REGISTER, CHILD, String(percent)], { encoding: 'utf8' });
  return Number(out);
}

test('a 50 % growth step peaks well below V8 default policy for the same load', () => {
  const v8Default = peakHeapBytes(0);
  const withPolicy = peakHeapBytes(50);
  // Live set: about 24 MB of objects in the window.
  expect(withPolicy).toBeGreaterThan(20 * 2 ** 20);
  // About 0.46 of V8's own peak on a quiet machine. On a loaded one V8's concurrent marker lags the allocation
  // and the step shows less: 0.70 was seen in a clean-clone CI run (three jest workers, load ~4), and 0.74 with
  // all marking on the main thread (--single-threaded-gc), the worst case scheduling can make.
  expect(withPolicy).toBeLessThan(v8Default * 0.8);
}, 60_000);
