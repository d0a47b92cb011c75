// Child process for test/unit/heap.test.ts: applies the server's heap growth policy (argv[2] percent), then
// allocates like a server under load - objects that live for a while (a rolling window of about 24 MB) and are
// then dropped - and prints the peak of the used heap in bytes.
import { getHeapStatistics } from 'node:v8';
import { applyHeapGrowth } from '../../src/heap';

applyHeapGrowth(Number(process.argv[2]));
const window: unknown[][] = new Array(3000);
let peak = 0;
for (let i = 0; i < 60_000; i++) {
  // ~8 KB of small objects per entry, kept until the window wraps around
  window[i % window.length] = Array.from({ length: 200 }, (_, k) => ({ k, i }));
  if (i % 200 === 0) peak = Math.max(peak, getHeapStatistics().used_heap_size);
}
process.stdout.write(String(peak));
