// GraphQL over Server-Sent Events on /graphql/stream, and replayCampaignProgress (over WebSocket) following
// a real campaign through the dispatcher.
import { Run } from '../../src/db/entities';
import { forkEm } from '../../src/db/orm';
import { touchRun } from '../../src/modules/live/publish';
import { BACKENDS } from '../helpers/db';
import { waitFor } from '../helpers/executor';
import { startTestApp, type TestApp } from '../helpers/harness';
import { connectSubscriber, subscriptionsAtLeast } from '../helpers/live';

const gql = async (url: string, query: string, variables: Record<string, unknown> = {}) => {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: any; errors?: any[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
};

/** Opens an SSE subscription; `events` collects the parsed `next` payloads. */
async function sse(url: string, query: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const res = await fetch(`${url}/graphql/stream`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
    body: JSON.stringify({ query }),
    signal: controller.signal,
  });
  const events: any[] = [];
  let ended = false;
  if (res.ok) {
    void (async () => {
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += decoder.decode(value, { stream: true });
          let i;
          while ((i = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, i);
            buffer = buffer.slice(i + 2);
            const data = block.split('\n').find((l) => l.startsWith('data:'));
            if (block.startsWith('event: next') && data) events.push(JSON.parse(data.slice(5)));
          }
        }
      } catch {
        // aborted
      }
      ended = true;
    })();
  }
  return { res, events, ended: () => ended, close: () => controller.abort() };
}

describe.each(BACKENDS)('GraphQL over SSE (%s)', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(() => t?.close());

  it('streams a subscription on /graphql/stream', async () => {
    await gql(t.url, `mutation { createRun(input: { id: "sse-1" }) { id } }`);
    const stream = await sse(t.url, `subscription { runUpdated(id: "sse-1") { id state } }`);
    expect(stream.res.status).toBe(200);
    expect(stream.res.headers.get('content-type')).toMatch(/text\/event-stream/);
    await subscriptionsAtLeast(t.app.live.feed, 1);
    await forkEm(t.app.orm).transactional(async (tx) => {
      await tx.nativeUpdate(Run, { id: 'sse-1' }, { state: 'PHASE_EXECUTION' });
      touchRun(tx, 'sse-1', { row: true });
    });
    await waitFor('an SSE event', async () => stream.events.length > 0);
    expect(stream.events[0]).toEqual({ data: { runUpdated: { id: 'sse-1', state: 'PHASE_EXECUTION' } } });
    stream.close();
    await waitFor('the subscription to end', async () => t.app.live.feed.subscriptionCount === 0);
  });

  it('a shutdown ends the stream (inside the drain)', async () => {
    const other = await startTestApp(backend);
    try {
      const stream = await sse(other.url, `subscription { runsUpdated { id } }`);
      await subscriptionsAtLeast(other.app.live.feed, 1);
      await other.app.close();
      await waitFor('the stream to end', async () => stream.ended());
    } finally {
      await other.db.drop();
    }
  });

  it('answers refusals as coded JSON errors: a query, a bad document', async () => {
    const query = await sse(t.url, `query { health { status } }`);
    expect(query.res.status).toBe(400);
    expect(((await query.res.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');
    const bad = await sse(t.url, `subscription { nope }`);
    expect(bad.res.status).toBe(400);
    expect(((await bad.res.json()) as any).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('replayCampaignProgress sends the progress now, then each change, until done', async () => {
    for (const id of ['old-1', 'old-2']) {
      await gql(t.url, `mutation($id: ID!) { createRun(input: { id: $id }) { id } }`, { id });
      await forkEm(t.app.orm).nativeUpdate(Run, { id }, { state: 'DONE_FAILED_ENVIRONMENT', completedAt: new Date() });
    }
    const { replayCampaign } = await gql(t.url, `mutation { replayCampaign(input: { runIds: ["old-1", "old-2"], batchSize: 1 }) { campaignId } }`);
    const s = await connectSubscriber(t.url);
    try {
      const progress = s.subscribe(
        `subscription($id: ID!) { replayCampaignProgress(campaignId: $id) { selected waiting queued running finished failed done } }`,
        {
          id: replayCampaign.campaignId,
        },
      );
      // No executor is configured: the dispatcher runs and fails each replay.
      const values = await waitFor('the campaign to finish', async () => progress.received.values.some((v) => v.done) && progress.received.values);
      expect(values[0].selected).toBe(2);
      expect(values[values.length - 1]).toEqual({ selected: 2, waiting: 0, queued: 0, running: 0, finished: 2, failed: 2, done: true });
      // no value twice in a row
      for (let i = 1; i < values.length; i++) expect(values[i]).not.toEqual(values[i - 1]);
      const unknown = s.subscribe(`subscription { replayCampaignProgress(campaignId: "campaign-nope") { done } }`);
      await waitFor('not found', async () => unknown.received.errors[0]);
      expect(unknown.received.errors[0][0].extensions?.code).toBe('NOT_FOUND');
    } finally {
      await s.dispose();
    }
  });
});
