// The token limit is graphql-js's own parser option (`maxTokens`), so a document past it is a syntax error
// like any other: GRAPHQL_PARSE_FAILED, HTTP 400. graphql-armor's Apollo max-tokens plugin parses inside a
// plugin hook instead, which turns every syntax error (and every rejection) into an HTTP 500
// (Escape-Technologies/graphql-armor#571, #751). This plugin only counts the rejections.
import type { BaseContext } from '@apollo/server';
import type { RequestHooks } from './request-hooks';

export const TOKEN_LIMIT_MESSAGE = /^Syntax Error: Document contains more that \d+ tokens/;

export function countTokenLimitRejections(onReject: () => void): RequestHooks<BaseContext> {
  return {
    parsingDidEnd(_ctx, error) {
      if (error && TOKEN_LIMIT_MESSAGE.test(error.message)) onReject();
    },
  };
}
