// The nested-list attack of issue 14 and variants of it: other nesting paths, aliases x lists, fragments,
// variables (pass { n: 1000 }), the Phase -> run -> phases cycle, and the limits each list field was given.
// Each is far above the default AUTOPACK_MAX_QUERY_COST.
export const ATTACKS: Record<string, string> = {
  'events -> run -> events (issue 14)': '{ run(id:"r"){ events(limit:1000){ run { events(limit:1000){ run { events(limit:1000){ id } } } } } } }',
  'two levels of events(limit: 1000)': '{ run(id:"r"){ events(limit:1000){ run { events(limit:1000){ id } } } } }',
  'runs(first: 100) x events(limit: 1000)': '{ runs(first: 100) { nodes { events(limit: 1000) { id message } } } }',
  'dashboardEvents -> run -> events': '{ dashboardEvents(limit: 1000) { run { events(limit: 1000) { id } } } }',
  'phase -> run -> phases cycle': '{ run(id:"r"){ phases { run { phases { run { phases { run { phases { phaseId } } } } } } } } }',
  'Phase.metrics(limit: 1000) under runs': '{ runs(first: 100) { nodes { phases { metrics(limit: 1000) { totalTokens } } } } }',
  'Phase.events(limit: 1000) under runs': '{ runs(first: 100) { nodes { phases { events(limit: 1000) { id } } } } }',
  'aliases x lists': `{ ${Array.from({ length: 15 }, (_, i) => `a${i}: dashboardEvents(limit: 1000) { run { phases { id } } }`).join(' ')} }`,
  fragments: 'fragment E on DashboardEvent { run { events(limit: 1000) { id } } } fragment R on Run { events(limit: 1000) { ...E } } { run(id:"r") { ...R } }',
  'inline fragments': '{ run(id:"r") { ... on Run { events(limit: 1000) { ... on DashboardEvent { run { events(limit: 1000) { id } } } } } } }',
  'slicing argument as a variable': 'query Q($n: Int!) { run(id:"r") { events(limit: $n) { run { events(limit: $n) { id } } } } }',
  'replays -> replays': '{ runs(first: 100) { nodes { replays(limit: 1000) { replays(limit: 1000) { id } } } } }',
  'abTestResults -> runs -> events': '{ abTestResults(limit: 1000) { controlRun { events(limit: 1000) { id } } } }',
};
