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
# If the server has an API key, put it in the Headers tab below (kept for this browser tab only).
# Subscriptions show live results, e.g. subscription { runUpdated(id: "...") { id state tokensUsed } }
query RecentRuns {
  health { status database killSwitches { phase6Metrics consolidatedMetrics } }
  runs(first: 10) {
    totalCount
    nodes { id state tokensUsed status { totalPhases completedPhases percentComplete } }
  }
}
`;

// The API key typed into the Headers tab is kept for this browser tab only (sessionStorage, not GraphiQL's
// localStorage, where it would outlive the tab), and a changed key refetches the schema: GraphiQL fetches it
// once, at load, so without a key the docs and completion would stay on "Error fetching schema". A new
// fetcher object is what makes GraphiQL introspect again.
export const GRAPHIQL_INIT_JS = `(function () {
  var KEY_ITEM = 'autopack:apiKey';
  var h = React.createElement;
  function storage(name) {
    try { return window[name]; } catch (e) { return null; }
  }
  var session = storage('sessionStorage');
  var local = storage('localStorage');
  // Earlier versions let GraphiQL persist the headers, key included, in localStorage.
  if (local) { local.removeItem('graphiql:headers'); local.removeItem('graphiql:shouldPersistHeaders'); }
  var savedKey = (session && session.getItem(KEY_ITEM)) || '';

  // GraphiQL's history stores each run's headers (the key) in localStorage whatever shouldPersistHeaders
  // says: give it localStorage minus those headers (older entries are cleaned at load).
  var HISTORY = /^graphiql:(queries|favorites)$/;
  function withoutHeaders(value) {
    try {
      var parsed = JSON.parse(value);
      if (!parsed || !Array.isArray(parsed.queries)) return value;
      parsed.queries.forEach(function (q) { if (q) delete q.headers; });
      return JSON.stringify(parsed);
    } catch (e) {
      return value;
    }
  }
  var graphiqlStorage = local && {
    getItem: function (k) { return local.getItem(k); },
    setItem: function (k, v) { local.setItem(k, HISTORY.test(k) ? withoutHeaders(v) : v); },
    removeItem: function (k) { local.removeItem(k); },
    clear: function () { Object.keys(local).forEach(function (k) { if (k.indexOf('graphiql:') === 0) local.removeItem(k); }); },
    get length() { return Object.keys(local).filter(function (k) { return k.indexOf('graphiql:') === 0; }).length; }
  };
  if (local) ['graphiql:queries', 'graphiql:favorites'].forEach(function (k) { var v = local.getItem(k); if (v) graphiqlStorage.setItem(k, v); });

  /** The key in a Headers text (X-API-Key or Authorization: Bearer), '' for none, null while it is not JSON. */
  function keyIn(text) {
    var headers;
    try { headers = JSON.parse(text || '{}'); } catch (e) { return null; }
    if (!headers || typeof headers !== 'object') return null;
    for (var name in headers) {
      var value = String(headers[name] || '').trim();
      if (name.toLowerCase() === 'x-api-key' && value) return value;
      var bearer = /^Bearer\\s+(.+)$/i.exec(value);
      if (name.toLowerCase() === 'authorization' && bearer) return bearer[1].trim();
    }
    return '';
  }
  // Subscriptions go over GraphQL over WebSocket on the same path; the Headers tab (X-API-Key) becomes the
  // connection_init payload, which the server reads like headers.
  // GraphiQL 3.9 writes a failed schema fetch into the result pane without checking that a newer one started,
  // so the answer to a replaced key's schema fetch, arriving late, would overwrite a later result: a fetcher
  // that a new key replaced never answers its schema fetches.
  var generation = 0;
  function newFetcher() {
    var mine = ++generation;
    var fetcher = GraphiQL.createFetcher({
      url: window.location.origin + '/graphql',
      subscriptionUrl: (window.location.protocol === 'https:' ? 'wss://' : 'ws://') + window.location.host + '/graphql'
    });
    return function (params, options) {
      var answer = fetcher(params, options);
      if (params.operationName !== 'IntrospectionQuery') return answer;
      return Promise.resolve(answer).then(function (result) {
        return mine === generation ? result : new Promise(function () {});
      });
    };
  }
  var headers = JSON.stringify({ 'X-API-Key': savedKey }, null, 2);

  function App() {
    var state = React.useState(function () { return { key: savedKey, fetcher: newFetcher() }; });
    var setState = state[1];
    var timer = React.useRef(null);
    function onEditHeaders(text) {
      var key = keyIn(text);
      if (key === null) return;
      clearTimeout(timer.current);
      // Wait until typing pauses: one schema fetch per key, not one per keystroke.
      timer.current = setTimeout(function () {
        if (session) { if (key) session.setItem(KEY_ITEM, key); else session.removeItem(KEY_ITEM); }
        setState(function (s) { return s.key === key ? s : { key: key, fetcher: newFetcher() }; });
      }, 300);
    }
    return h(GraphiQL, {
      fetcher: state[0].fetcher,
      storage: graphiqlStorage || undefined,
      defaultQuery: ${JSON.stringify(DEFAULT_QUERY)},
      headers: headers,
      defaultHeaders: headers,
      onEditHeaders: onEditHeaders,
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: false,
      defaultEditorToolsVisibility: 'headers'
    });
  }
  ReactDOM.createRoot(document.getElementById('graphiql')).render(h(App));
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
