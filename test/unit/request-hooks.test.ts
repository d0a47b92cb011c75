// Our per-request plugin logic runs as one Apollo plugin (src/graphql/request-hooks.ts): one listener for every
// request, hooks in order, and Apollo's own semantics for separate plugins (every hook runs, the first failure wins).
import type { BaseContext, GraphQLRequestListener } from '@apollo/server';
import { requestHooksPlugin, type RequestHooks } from '../../src/graphql/request-hooks';

type Listener = GraphQLRequestListener<BaseContext>;
const ctx = {} as never;

describe('requestHooksPlugin', () => {
  it('hands every request the same listener, built once', async () => {
    const plugin = requestHooksPlugin([{ didResolveOperation: () => undefined }]);
    const a = await plugin.requestDidStart!(ctx);
    const b = await plugin.requestDidStart!(ctx);
    expect(a).toBe(b);
    expect(Object.keys(a as object)).toEqual(['didResolveOperation']);
  });

  it('runs every hook of a stage in order even after one throws, then throws the first failure', async () => {
    const calls: string[] = [];
    const hooks: RequestHooks<BaseContext>[] = [
      { didResolveOperation: () => void calls.push('a') },
      {
        didResolveOperation: () => {
          calls.push('b');
          throw new Error('first');
        },
      },
      {
        didResolveOperation: () => {
          calls.push('c');
          throw new Error('second');
        },
      },
      { didResolveOperation: () => void calls.push('d'), willSendResponse: () => void calls.push('send') },
    ];
    const listener = (await requestHooksPlugin(hooks).requestDidStart!(ctx)) as Listener;
    await expect(listener.didResolveOperation!(ctx)).rejects.toThrow('first');
    expect(calls).toEqual(['a', 'b', 'c', 'd']);
    await listener.willSendResponse!(ctx);
    expect(calls).toEqual(['a', 'b', 'c', 'd', 'send']);
  });

  it('keeps each hook bound to its object, starts each at server start, and reports the end of parsing', async () => {
    const seen: unknown[] = [];
    const counter = {
      n: 0,
      parsingDidEnd(_c: unknown, error?: Error) {
        this.n++;
        seen.push(error?.message);
      },
      serverWillStart() {
        seen.push('started');
      },
    };
    const plugin = requestHooksPlugin([counter]);
    await plugin.serverWillStart!({} as never);
    const listener = (await plugin.requestDidStart!(ctx)) as Listener;
    const end = await listener.parsingDidStart!(ctx);
    await end!(new Error('Syntax Error'));
    expect(counter.n).toBe(1);
    expect(seen).toEqual(['started', 'Syntax Error']);
  });
});
