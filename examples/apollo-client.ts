// @apollo/client (3.x) set up for this API. Objects with an `id` are normalised by it. Every other object
// type is a value owned by the field that holds it (a run's status, a health answer): `merge: true` keeps
// the fields an earlier query selected when a mutation answers only some of them, instead of replacing
// the object ("Cache data may be lost when replacing the status field") and leaving that query unreadable.
// FeatureFlagState is one per flag (featureFlags, health.flags and setFeatureFlag share it).
import { ApolloClient, HttpLink, InMemoryCache, type TypePolicies } from '@apollo/client/core';

const OWNED_BY_PARENT = [
  'ABTestSummary', 'AppliedMigration', 'ConsolidatedMetrics', 'DeltaStats', 'FailurePattern', 'Health',
  'IntegrityReport', 'KillSwitches', 'MetricsViolation', 'MigrationStatus', 'PageInfo', 'PurgedTable',
  'ReplayCampaignResult', 'ReplayComparison', 'ReplayDeltas', 'RetentionReport', 'RunConnection',
  'RunOutcomeSummary', 'RunStatus', 'RunTokensViolation', 'SchemaCheck',
];

export const typePolicies: TypePolicies = {
  FeatureFlagState: { keyFields: ['flag'] },
  ...Object.fromEntries(OWNED_BY_PARENT.map((type) => [type, { merge: true }])),
};

export function createAutopackClient(url: string, apiKey?: string) {
  return new ApolloClient({
    link: new HttpLink({ uri: `${url}/graphql`, headers: apiKey ? { 'x-api-key': apiKey } : {} }),
    cache: new InMemoryCache({ typePolicies }),
    // A switched-off feature is null with one FEATURE_DISABLED error at its path, next to the rest of
    // the data: keep both rather than throw the data away.
    defaultOptions: { query: { errorPolicy: 'all' }, watchQuery: { errorPolicy: 'all' }, mutate: { errorPolicy: 'all' } },
  });
}
