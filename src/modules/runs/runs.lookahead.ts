// Look-ahead from `runs`: what the selection under `nodes` will ask the loaders for (phases, their samples and
// events, the runs' events, consolidated metrics), so that the page's one statement reads it all (page-nested.ts)
// and the nested resolvers answer from the page's records with exactly the keys they would have loaded
// (page-nested.ts preloaded*). A run asked for alone, or a key this cannot foresee, still goes through its loader.
import { getArgumentValues, type FieldNode, type GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
// graphql-js's own field collection (@skip/@include, fragments, type conditions): the look-ahead sees the
// fields exactly as execution will resolve them, one entry per response key.
import { collectSubfields } from 'graphql/execution/collectFields';
import type { Loaders } from '../../graphql/loaders';
import { selectedFields } from '../../graphql/selection';
import { phaseEventsLimit, runEventsLimit } from '../events/list';
import type { FlagState } from '../flags/flags';
import { checkMetricsPage, type MetricsPage } from '../telemetry/consolidated';
import { metricsColumns, phaseMetricsLimit } from '../telemetry/records';
import type { PageNested } from './page-nested';
import type { RunPage } from './service';

type Keys = Map<string, readonly FieldNode[]>;

/** The one key all occurrences agree on; undefined when there is none, several, or an argument is refused. */
function single<T>(occurrences: readonly (() => T)[], id: (key: T) => string): T | undefined {
  const keys = new Map<string, T>();
  for (const key of occurrences) {
    try {
      const k = key();
      keys.set(id(k), k);
    } catch {
      return undefined; // the resolver refuses it with its own coded error
    }
  }
  return keys.size === 1 ? [...keys.values()][0] : undefined;
}

/**
 * What to read with the runs of a `runs` page, or null when its nodes ask for nothing nested. A field asked
 * with different arguments in different places (two limits) is left to its loaders.
 */
export function pageNestedOf(info: GraphQLResolveInfo, flags: FlagState): PageNested | null {
  // Without variables the answer depends on the document alone (Apollo's document cache hands every request
  // with that text the same nodes) and on the consolidated switch: worked out once per document and switch.
  if (info.operation.variableDefinitions?.length) return lookAhead(info, flags);
  const node = info.fieldNodes[0];
  let byFlag = planned.get(node);
  if (!byFlag) planned.set(node, (byFlag = new Map()));
  let wanted = byFlag.get(flags.CONSOLIDATED_METRICS);
  if (wanted === undefined) byFlag.set(flags.CONSOLIDATED_METRICS, (wanted = lookAhead(info, flags)));
  return wanted;
}

// Shared by the requests of one document: never modified once made.
const planned = new WeakMap<FieldNode, Map<boolean, PageNested | null>>();

function lookAhead(info: GraphQLResolveInfo, flags: FlagState): PageNested | null {
  const { schema, fragments, variableValues } = info;
  const type = (name: string) => schema.getType(name) as GraphQLObjectType;
  const sub = (typeName: string, nodes: readonly FieldNode[]): Keys => collectSubfields(schema, fragments, variableValues, type(typeName), nodes);
  const named = (keys: Keys[], name: string) => keys.flatMap((k) => [...k.values()].filter((nodes) => nodes[0].name.value === name));
  const args = (typeName: string, nodes: readonly FieldNode[]) =>
    getArgumentValues(type(typeName).getFields()[nodes[0].name.value], nodes[0], variableValues) as Record<string, number | null | undefined>;

  const runKeys = named([sub('RunConnection', info.fieldNodes)], 'nodes').map((nodes) => sub('Run', nodes));
  const phaseNodes = named(runKeys, 'phases');
  const phaseKeys = phaseNodes.map((nodes) => sub('Phase', nodes));
  const metrics = named(phaseKeys, 'metrics');
  const phaseEvents = named(phaseKeys, 'events');
  const runEvents = named(runKeys, 'events');
  const consolidated = flags.CONSOLIDATED_METRICS ? named(runKeys, 'consolidatedMetrics') : [];

  const wanted: PageNested = { phases: phaseNodes.length > 0 || named(runKeys, 'status').length > 0 };
  if (metrics.length)
    wanted.phaseMetrics = single(
      metrics.map((nodes) => () => ({
        // The resolver's own reading of its selection (telemetry/records.ts metricsColumns of selectedFields).
        columns: metricsColumns(selectedFields({ ...info, fieldNodes: nodes })),
        limit: phaseMetricsLimit(args('Phase', nodes).limit),
      })),
      (k) => `${k.columns}:${k.limit}`,
    );
  if (phaseEvents.length)
    wanted.phaseEvents = single(
      phaseEvents.map((nodes) => () => ({ limit: phaseEventsLimit(args('Phase', nodes).limit) })),
      (k) => `${k.limit}`,
    );
  if (runEvents.length)
    wanted.runEvents = single(
      runEvents.map((nodes) => () => ({ limit: runEventsLimit(args('Run', nodes).limit) })),
      (k) => `${k.limit}`,
    );
  if (consolidated.length)
    wanted.consolidated = single<MetricsPage>(
      consolidated.map((nodes) => () => {
        const a = args('Run', nodes);
        return checkMetricsPage(a.limit, a.offset);
      }),
      (k) => `${k.limit}:${k.offset}`,
    );
  if (!wanted.phases) {
    delete wanted.phaseMetrics;
    delete wanted.phaseEvents;
  }
  return wanted.phases || wanted.runEvents || wanted.consolidated ? wanted : null;
}

/**
 * Hands the page's runs and phases to the loaders (a phase or run reached again through another field, e.g.
 * PhaseMetrics.phase, is then not read again). Their nested lists need no priming: the records carry them
 * (page-nested.ts preloaded*), and every path to those keys within this request reaches these same records.
 */
export function primeLoaders(loaders: Loaders, page: RunPage): void {
  const n = page.nested;
  if (!n) return;
  for (const run of page.nodes) loaders.run.prime(run.id, run);
  for (const [runId, phases] of n.phasesByRun) {
    loaders.phasesByRun.prime(runId, phases);
    for (const phase of phases) loaders.phase.prime(phase.id, phase);
  }
}
