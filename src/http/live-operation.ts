// What both live transports (WebSocket, SSE) do with an operation before it runs, the same way /graphql does
// for queries: the key model, parsing with the token limit, the same validation rules (depth, aliases,
// directives, cost), and the coded, masked error format. Only subscriptions are served here.
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import {
  getOperationAST,
  getVariableValues,
  GraphQLError,
  Kind,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type FormattedExecutionResult,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValidationRule,
} from 'graphql';
import { createContext, type ContextDeps, type GraphQLContext } from '../graphql/context';
import { costLimitExceeded } from '../graphql/cost-limit';
import { buildCostModel, operationCost, type CostModel } from '../graphql/cost';
import { introspectionDepthRule } from '../graphql/introspection-depth';
import { formatError, operationLimits } from '../graphql/server';
import { TOKEN_LIMIT_MESSAGE } from '../graphql/token-limit';
import type { Metrics } from '../metrics';
import type { Feed } from '../modules/live/feed';
import type { LiveConnection } from '../modules/live/topics';
import { authenticate, requestActor, type AuthResult } from './auth';

export interface LiveDeps extends ContextDeps {
  schema: GraphQLSchema;
  feed: Feed;
  metrics: Metrics;
}

export interface OperationRequest {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
}

export interface PreparedOperation {
  document: DocumentNode;
  operationName?: string;
  variableValues?: Record<string, unknown>;
}

const refusal = (message: string, code: string) => new GraphQLError(message, { extensions: { code } });

/** The validation rules of /graphql (graphql-js's own plus the operation limits), built once per server. */
export function liveValidationRules(deps: LiveDeps): ValidationRule[] {
  return [
    ...specifiedRules,
    ...operationLimits(deps.config, deps.metrics).validationRules,
    introspectionDepthRule(deps.config.limits.maxIntrospectionDepth, () => deps.metrics.rejections.inc({ rule: 'max_introspection_depth' })),
  ];
}

// The cost limit of /graphql (cost-limit.ts is an Apollo plugin; the live transports apply the same model here).
const costModels = new WeakMap<GraphQLSchema, CostModel>();

function costRefusal(
  deps: LiveDeps,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): GraphQLError | null {
  const coerced = getVariableValues(deps.schema, operation.variableDefinitions ?? [], variables ?? {});
  if (coerced.errors) return null; // execution refuses the variables itself, before any resolver runs
  let model = costModels.get(deps.schema);
  if (!model) costModels.set(deps.schema, (model = buildCostModel(deps.schema)));
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  const cost = operationCost(deps.schema, model, operation, fragments, coerced.coerced);
  if (cost <= deps.config.limits.maxCost) return null;
  deps.metrics.rejections.inc({ rule: 'cost_limit' });
  return costLimitExceeded(cost, deps.config.limits.maxCost);
}

/** Parses and validates a subscription; the errors to answer otherwise. */
export function prepareOperation(deps: LiveDeps, rules: ValidationRule[], req: OperationRequest): PreparedOperation | GraphQLError[] {
  if (typeof req.query !== 'string' || !req.query.trim()) return [refusal('Missing query: send the subscription document as "query"', 'BAD_REQUEST')];
  if (req.operationName !== undefined && req.operationName !== null && typeof req.operationName !== 'string') {
    return [refusal('"operationName" must be a string', 'BAD_REQUEST')];
  }
  if (req.variables !== undefined && req.variables !== null && (typeof req.variables !== 'object' || Array.isArray(req.variables))) {
    return [refusal('"variables" must be an object', 'BAD_REQUEST')];
  }
  let document: DocumentNode;
  try {
    document = parse(req.query, { maxTokens: deps.config.limits.maxTokens });
  } catch (e) {
    const message = (e as Error).message;
    if (TOKEN_LIMIT_MESSAGE.test(message)) deps.metrics.rejections.inc({ rule: 'max_tokens' });
    return [refusal(message, 'GRAPHQL_PARSE_FAILED')];
  }
  const errors = validate(deps.schema, document, rules);
  if (errors.length) {
    return errors.map(
      (e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { ...e.extensions, code: e.extensions?.code ?? 'GRAPHQL_VALIDATION_FAILED' } }),
    );
  }
  const operationName = (req.operationName as string | null | undefined) ?? undefined;
  const operation = getOperationAST(document, operationName);
  if (!operation)
    return [refusal(operationName ? `Unknown operation "${operationName}"` : 'Several operations: name the one to run in "operationName"', 'BAD_REQUEST')];
  if (operation.operation !== 'subscription') {
    return [
      refusal(`Only subscriptions are served here: send ${operation.operation === 'query' ? 'queries' : 'mutations'} as HTTP POST /graphql`, 'BAD_REQUEST'),
    ];
  }
  const variableValues = (req.variables as Record<string, unknown> | null) ?? undefined;
  const tooCostly = costRefusal(deps, document, operation, variableValues);
  if (tooCostly) return [tooCostly];
  return { document, operationName, variableValues };
}

/** A key sent in the connection_init payload counts as if sent in a header (browsers cannot set WebSocket headers). */
export function keyHeaders(headers: IncomingHttpHeaders, params: Record<string, unknown> | undefined): IncomingHttpHeaders {
  const pick = (...names: string[]) => names.map((n) => params?.[n]).find((v): v is string => typeof v === 'string' && v.trim() !== '');
  const key = pick('x-api-key', 'X-API-Key', 'apiKey');
  const bearer = pick('authorization', 'Authorization');
  return { ...headers, ...(key ? { 'x-api-key': key } : {}), ...(bearer ? { authorization: bearer } : {}) };
}

export function authenticateLive(deps: LiveDeps, headers: IncomingHttpHeaders): AuthResult {
  return authenticate(deps.config, headers);
}

/**
 * A browser always sends Origin on a WebSocket upgrade and on a cross-site request; a page of another site must
 * not open a live connection with the user's ambient credentials (the WebSocket equivalent of CSRF
 * prevention). Tools that send no Origin are not browsers and pass.
 */
export function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/** One subscription's context: the kill switches are read live (a switch turned off stops the values). */
export function liveContext(deps: LiveDeps, auth: Extract<AuthResult, { ok: true }>, headers: IncomingHttpHeaders, connection: LiveConnection): GraphQLContext {
  const ctx = createContext(deps, { requestId: randomUUID(), role: auth.role, actor: requestActor(auth) });
  Object.defineProperty(ctx, 'flags', { get: () => deps.flagStore.state(), set: () => undefined, enumerable: true });
  ctx.live = { feed: deps.feed, connection };
  return ctx;
}

/** Errors as /graphql answers them: coded, unexpected ones masked; each code counted. */
export function formatResult(deps: LiveDeps, result: ExecutionResult, operation: string): FormattedExecutionResult {
  if (!result.errors?.length) return result as FormattedExecutionResult;
  return { ...result, errors: formatErrors(deps, result.errors, operation) } as FormattedExecutionResult;
}

export function formatErrors(deps: LiveDeps, errors: readonly GraphQLError[], operation: string) {
  return errors.map((e) => {
    const formatted = formatError(e.toJSON(), e);
    const code = String(formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
    deps.metrics.graphqlErrors.inc({ code, operation });
    if (code === 'INTERNAL_SERVER_ERROR')
      deps.logger.error('unexpected error in a subscription', { operation, path: e.path?.join('.'), error: (e.originalError as Error)?.stack ?? e.message });
    return formatted;
  });
}
