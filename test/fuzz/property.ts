// One fuzz property for a GraphQL operation: random variables in, then the invariants of invariants.ts.
import fc from 'fast-check';
import type { FlagState } from '../../src/modules/flags/flags';
import type { GqlResult, Harness } from '../helpers/harness';
import { overTheWire } from './hostile';
import { expectCodedErrors, expectUnchanged, rowCounts, type RowCounts } from './invariants';

export interface FuzzCase<V> {
  query: string;
  variables: fc.Arbitrary<V>;
  flags?: Partial<FlagState>;
  /** Checks an accepted call (what it wrote); refused calls are checked by the invariants. */
  accepted?: (before: RowCounts, after: RowCounts, result: GqlResult, variables: V) => void;
  numRuns?: number;
  /** Inputs that always run first (bugs found before, so each stays covered whatever the random seed). */
  examples?: V[];
}

/** Bounded runs keep the suite fast; FUZZ_RUNS raises them for a longer local session. */
export const NUM_RUNS = Number(process.env.FUZZ_RUNS ?? 60);

export async function fuzzOperation<V>(h: Harness, c: FuzzCase<V>): Promise<{ accepted: number; refused: number }> {
  const tally = { accepted: 0, refused: 0 };
  await fc.assert(
    fc.asyncProperty(c.variables, async (raw) => {
      const variables = overTheWire(raw) as V;
      const before = await rowCounts(h.em());
      const result = await h.exec(c.query, variables as Record<string, unknown>, c.flags);
      const after = await rowCounts(h.em());
      expectCodedErrors(result, variables);
      if (result.errors?.length) {
        tally.refused++;
        expectUnchanged(before, after, variables);
      } else {
        tally.accepted++;
        c.accepted?.(before, after, result, variables);
      }
    }),
    { numRuns: c.numRuns ?? NUM_RUNS, examples: (c.examples ?? []).map((e) => [e] as [V]) },
  );
  return tally;
}
