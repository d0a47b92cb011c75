// How far V8 lets the heap grow between full garbage collections. Node sizes the heap limit from the
// machine's memory, and with gigabytes to spare V8 grows the old generation to up to 4x what survived the last
// full collection. A server's request objects live long enough to be promoted, so under load it carried
// hundreds of MB of garbage (563 MB RSS at 50 connections for a live heap of about 35 MB). A fixed growth step
// keeps resident memory near the live set with no hard limit that could end the process; bench/load.ts
// measures it. V8 reads this flag whenever it sets its next collection limit, so setting it at startup works.
import { setFlagsFromString } from 'node:v8';

/** `percent` = 0 leaves V8's own policy. */
export function applyHeapGrowth(percent: number): void {
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
}
