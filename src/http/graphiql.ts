// GraphiQL served from the npm packages: no CDN, works with no internet access.
import { dirname, join } from 'node:path';

const pkgDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/** URL path -> file on disk and content type. */
export function graphiqlAssets(): Map<string, { file: string; type: string }> {
  const js = 'text/javascript; charset=utf-8';
  return new Map([
    ['/graphiql/react.production.min.js', { file: join(pkgDir('react'), 'umd/react.production.min.js'), type: js }],
    ['/graphiql/react-dom.production.min.js', { file: join(pkgDir('react-dom'), 'umd/react-dom.production.min.js'), type: js }],
    ['/graphiql/graphiql.min.js', { file: join(pkgDir('graphiql'), 'graphiql.min.js'), type: js }],
    ['/graphiql/graphiql.min.css', { file: join(pkgDir('graphiql'), 'graphiql.min.css'), type: 'text/css; charset=utf-8' }],
  ]);
}

const DEFAULT_QUERY = `# Autopack Control Plane
# If the server has an API key, put it in the Headers tab below.
# Subscriptions show live results, e.g. subscription { runUpdated(id: "...") { id state tokensUsed } }
query RecentRuns {
  health { status database killSwitches { phase6Metrics consolidatedMetrics } }
  runs(first: 10) {
    totalCount
    nodes { id state tokensUsed status { totalPhases completedPhases percentComplete } }
  }
}
`;

export const GRAPHIQL_INIT_JS = `(function () {
  // Queries and mutations go over HTTP POST; subscriptions over GraphQL over WebSocket (graphql-ws, bundled in
  // graphiql.min.js) on the same path. The headers editor's values become the connection_init payload, which is
  // where the server looks for the key (a browser cannot set headers on a WebSocket).
  var ws = (window.location.protocol === 'https:' ? 'wss://' : 'ws://') + window.location.host + '/graphql';
  var fetcher = GraphiQL.createFetcher({ url: window.location.origin + '/graphql', subscriptionUrl: ws });
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultQuery: ${JSON.stringify(DEFAULT_QUERY)},
    defaultHeaders: '{\\n  "X-API-Key": ""\\n}',
    isHeadersEditorEnabled: true,
    shouldPersistHeaders: true,
    defaultEditorToolsVisibility: 'headers'
  }));
})();
`;

export const GRAPHIQL_HTML = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Autopack Control Plane - GraphiQL</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="stylesheet" href="/graphiql/graphiql.min.css">
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql">Loading GraphiQL...</div>
  <script src="/graphiql/react.production.min.js"></script>
  <script src="/graphiql/react-dom.production.min.js"></script>
  <script src="/graphiql/graphiql.min.js"></script>
  <script src="/graphiql/init.js"></script>
</body>
</html>
`;
