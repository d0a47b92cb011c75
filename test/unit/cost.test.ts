// The query cost of cost.ts on the real schema: lists count by their slicing argument or declared size,
// multiplied down the tree; every list field declares a size; the README's and the bench's queries fit the
// default limit while nested list attacks do not.
import { makeExecutableSchema } from '@graphql-tools/schema';
import { getVariableValues, Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { loadConfig } from '../../src/config';
import { buildCostModel, operationCost } from '../../src/graphql/cost';
import { buildSchema, loadTypeDefs } from '../../src/graphql/schema';
import { ATTACKS } from '../helpers/cost-attacks';

const schema = buildSchema();
const model = buildCostModel(schema);
const MAX = loadConfig({}).limits.maxCost;

function cost(query: string, variables: Record<string, unknown> = {}): number {
  const doc = parse(query);
  const operation = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (coerced.errors) throw coerced.errors[0];
  return operationCost(schema, model, operation, fragments, coerced.coerced);
}

describe('query cost', () => {
  it('multiplies list sizes down the tree (slicing argument, its default, assumed size, sized fields)', () => {
    // run: 1; events: 1000 x (1 + run 1 x (1 + events 1000 x 1))
    expect(cost('{ run(id:"r") { events(limit: 1000) { run { events(limit: 1000) { id } } } } }')).toBe(1 + 1000 * (1 + 1 + 1000));
    expect(cost('{ run(id:"r") { events { id } } }')).toBe(1 + 100); // default limit 100
    expect(cost('{ run(id:"r") { phases { phaseId } } }')).toBe(1 + 20); // @listSize(assumedSize: 20)
    expect(cost('{ runs(first: 7) { totalCount nodes { id } } }')).toBe(1 + 7); // sizedFields: nodes
    expect(cost('query Q($n: Int!) { runs(first: $n) { nodes { id } } }', { n: 3 })).toBe(1 + 3);
    expect(cost('{ __typename health { status } }')).toBe(1);
  });

  it('prices a fragment spread many times once per spread, without re-walking it', () => {
    const f = 'fragment F on Run { events(limit: 10) { id } }';
    expect(cost(`${f} { run(id:"r") { ...F ...F } }`)).toBe(1 + 2 * 10);
    // a fragment bomb (each level spreads the next twice) is priced in linear time
    const levels = Array.from({ length: 30 }, (_, i) => `fragment L${i} on Run { ${i === 29 ? 'id' : `...L${i + 1} ...L${i + 1}`} }`).join(' ');
    expect(cost(`${levels} { run(id:"r") { ...L0 } }`)).toBe(1);
  });

  it.each(Object.entries(ATTACKS))('refuses %s', (_name, query) => {
    expect(cost(query, { n: 1000 })).toBeGreaterThan(MAX);
  });

  it.each([
    [
      'the dashboard (bench and issue 14)',
      '{ runs(first: 20) { nodes { phases { metrics { totalTokens } } status { percentComplete } events(limit: 10) { eventType } consolidatedMetrics { totalTokens } } } }',
    ],
    [
      'README: API overview',
      `{ runs(first: 20) { totalCount pageInfo { hasNextPage endCursor } nodes { id state tokensUsed
          status { totalPhases completedPhases failedPhases percentComplete } phases { phaseId state metrics { totalTokens } }
          events(limit: 10) { eventType message createdAt } } }
        featureFlags { flag envVar enabled gates } health { status database qdrant killSwitches { phase6Metrics consolidatedMetrics } } }`,
    ],
    [
      'README: the dashboard reads',
      `{ consolidatedMetrics(runId: "telemetry-v7", limit: 1000, offset: 0) { retrievalTokens totalTokens totalPhases phasesWithMetrics }
        runs(first: 50) { nodes { id consolidatedMetrics(limit: 100) { totalTokens } } }
        dashboardEvents(eventType: "PHASE_FAILED", limit: 100) { eventType message createdAt run { id } phase { phaseId } } }`,
    ],
    [
      'README: A/B results',
      '{ abTestResults(testId: "v5-vs-v6", validOnly: false) { testId isValid tokenDelta validityErrors } abTestSummary(testId: "v5-vs-v6") { count } }',
    ],
    ['README: failure patterns', '{ failurePatterns(runId: "x", minOccurrences: 3) { patternId errorType occurrences runIds phaseIds keywords } }'],
    [
      'statement-count test: runs(first: 50) with phases, metrics, status, events',
      '{ runs(first: 50) { totalCount nodes { id phases { phaseId metrics { totalTokens } } status { percentComplete } events { eventType } } } }',
    ],
    [
      'ops: integrity, migrations, verification',
      '{ integrityReport { ok metricsViolations { metricsId } runViolations { runId } } migrationStatus { applied { name } pending } schemaVerification { ok label } }',
    ],
    ['a page of 100 runs with their phases', '{ runs(first: 100) { nodes { id phases { phaseId state tokensUsed } } } }'],
  ])('lets %s through', (_name, query) => {
    expect(cost(query)).toBeLessThanOrEqual(MAX);
  });

  it('refuses to build a model for a schema with a list field of no declared size', () => {
    const bare = makeExecutableSchema({ typeDefs: [...loadTypeDefs(), 'extend type Query { everything: [Run!]! }'] });
    expect(() => buildCostModel(bare)).toThrow('Query.everything is a list without a declared size');
  });
});
