// PostGraphile 4.14 over the `peer` schema (peer.sql) of the bench database: the peer of `npm run bench:peer`, in
// a process of its own, started by bench/peer.ts. Options are PostGraphile's production recommendations (no query
// log, no GraphiQL, no schema watching). Usage: node bench/peer/server.js <DATABASE_URL>
const { createServer } = require('node:http');
const { postgraphile } = require('postgraphile');

const middleware = postgraphile(process.argv[2], 'peer', {
  dynamicJson: true, // JSON arguments and results as JSON values, as our JSON scalar takes them
  setofFunctionsContainNulls: false,
  disableQueryLog: true,
  graphiql: false,
  watchPg: false,
  retryOnInitFail: false,
  disableDefaultMutations: true, // the views are updatable; ingestion goes through record_phase_metrics only
});

async function main() {
  await middleware.getGraphQLSchema(); // introspection done before the first measured request
  const server = createServer(middleware);
  server.listen(0, '127.0.0.1', () => process.send({ url: `http://127.0.0.1:${server.address().port}` }));
  process.on('message', (m) => {
    if (m === 'close') server.close(() => middleware.release().then(() => process.exit(0)));
  });
}

main().catch((e) => {
  process.stderr.write(`PostGraphile peer failed: ${(e && e.stack) || String(e)}\n`);
  process.exit(1);
});
