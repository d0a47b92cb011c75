// Compiled execution (graphql-jit) behind Apollo Server, through Apollo's supported seam for a custom executor:
// the `gateway` option (load() gives Apollo the schema and our executor). Parsing, validation, plugins, error
// formatting and the HTTP answer stay Apollo's; only `execute` changes. graphql-jit turns a document into a
// JavaScript function once, so later executions skip graphql-js's per-field interpretation (field lookup,
// argument coercion, completeValue's type dispatch).
//
// A document is compiled at its second execution (AUTOPACK_COMPILE_AFTER): a one-off document (an introspection
// from GraphiQL, an ad hoc query, a fuzzer's random ones) costs more to compile than to execute once, and must
// not turn into CPU spent on compiling. Both the compiled documents and the not-yet-compiled ones are bounded
// (LRU, AUTOPACK_COMPILED_DOCUMENTS).
import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import { execute, GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { Lru } from '../shared/lru';

type Gateway = ApolloServerOptionsWithGateway<object>['gateway'];
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;

/** Which engine answered an execution. */
type Engine = 'jit' | 'graphql-js';

interface JitOptions {
  /** Compiled documents kept (least recently used dropped first). */
  maxDocuments: number;
  /** The execution of a document at which it is compiled (1: the first). */
  compileAfter: number;
}

/**
 * graphql-jit's errors inherit from graphql-js's but leave `extensions` undefined when the thrown error had none;
 * Apollo reads `extensions.code` unguarded and would mask the error whole (losing its path). The same error as
 * graphql-js makes it: extensions {}, graphql-jit's locations, and an originalError always (graphql-js wraps
 * its own execution errors too, e.g. a null in a non-null field, so they are masked and logged as bugs).
 */
function asGraphQLJsError(e: GraphQLError): GraphQLError {
  const originalError = e.originalError ?? new Error(e.message);
  const error = new GraphQLError(e.message, { path: e.path, originalError, extensions: e.extensions });
  (error as { locations?: GraphQLError['locations'] }).locations = e.locations;
  return error;
}

/** graphql-jit could not compile this document (graphql-js runs it, every time). */
const NOT_COMPILABLE = 'not compilable';

export class JitGateway implements Gateway {
  private readonly compiled: Lru<string, CompiledQuery | typeof NOT_COMPILABLE>;
  /** Executions so far of documents not compiled yet. */
  private readonly seen: Lru<string, number>;
  private readonly executions: Record<Engine, number> = { jit: 0, 'graphql-js': 0 };

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly options: JitOptions,
  ) {
    this.compiled = new Lru(options.maxDocuments);
    this.seen = new Lru(options.maxDocuments);
  }

  /** For tests and diagnostics: compiled documents held, executions per engine so far. */
  stats(): { compiledDocuments: number; executions: Readonly<Record<Engine, number>> } {
    return { compiledDocuments: this.compiled.size, executions: { ...this.executions } };
  }

  async load(): Promise<{ executor: Executor }> {
    return { executor: (request) => this.execute(request) };
  }

  onSchemaLoadOrUpdate(callback: Parameters<Gateway['onSchemaLoadOrUpdate']>[0]): () => void {
    // Apollo subscribes before load() and needs the schema once load() returns; it never changes.
    callback({ apiSchema: this.schema, coreSupergraphSdl: '' });
    return () => undefined;
  }

  async stop(): Promise<void> {}

  private async execute(request: Parameters<Executor>[0]): Promise<ExecutionResult> {
    const { document, operation, context } = request;
    // The name the client sent (the context's operationName is the resolved operation's: null when none matched).
    const { variables, operationName } = request.request;
    // No operation (an operationName the document does not have): graphql-js words the error Apollo expects.
    // Subscriptions never get here over HTTP (server.ts refuses them) and stay graphql-js's on the live transports.
    const compiled = operation && operation.operation !== 'subscription' ? this.compiledFor(request.queryHash, document, operationName) : undefined;
    if (compiled) {
      const result = await compiled.query(undefined, context, variables);
      // No data at all: the variables were refused before anything ran. graphql-js words those errors the way
      // Apollo recognises as BAD_USER_INPUT, so it answers them.
      if (result.data !== undefined) {
        this.count('jit');
        return result.errors ? { ...result, errors: result.errors.map(asGraphQLJsError) } : result;
      }
    }
    this.count('graphql-js');
    return execute({ schema: this.schema, document, contextValue: context, variableValues: variables, operationName });
  }

  private count(engine: Engine): void {
    this.executions[engine]++;
  }

  /** The compiled form of this operation of the document, compiling it at its `compileAfter`th execution. */
  private compiledFor(queryHash: string | undefined, document: DocumentNode, operationName: string | undefined): CompiledQuery | undefined {
    if (!queryHash) return undefined;
    const key = `${queryHash}:${operationName ?? ''}`;
    const hit = this.compiled.get(key);
    if (hit) return hit === NOT_COMPILABLE ? undefined : hit;
    const executions = (this.seen.get(key) ?? 0) + 1;
    if (executions < this.options.compileAfter) {
      this.seen.set(key, executions);
      return undefined;
    }
    this.seen.delete(key);
    const result = compileQuery(this.schema, document, operationName);
    const compiled = isCompiledQuery(result) ? result : NOT_COMPILABLE;
    this.compiled.set(key, compiled);
    return compiled === NOT_COMPILABLE ? undefined : compiled;
  }
}
