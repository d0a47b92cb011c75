// Expected failures of the service layer, with the stable codes every front door maps the same way
// (GraphQL extensions.code, REST status, CLI exit line).
export type ErrorCode =
  'NOT_FOUND' | 'BAD_USER_INPUT' | 'CONFLICT' | 'FEATURE_DISABLED' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_IMPLEMENTED' | 'SERVICE_UNAVAILABLE';

export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

export const notFound = (message: string) => new ServiceError('NOT_FOUND', message);
export const badInput = (message: string, extensions?: Record<string, unknown>) => new ServiceError('BAD_USER_INPUT', message, extensions);
/** The row a relation points to, or NOT_FOUND when it is gone (deleted while the request ran). */
export function found<T>(row: T | null | undefined, message: string): T {
  if (row === null || row === undefined) throw notFound(message);
  return row;
}
export const conflict = (message: string) => new ServiceError('CONFLICT', message);
