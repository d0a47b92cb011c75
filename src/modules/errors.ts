// Expected failures of the service layer, with the stable codes every front door maps the same way
// (GraphQL extensions.code, REST status, CLI exit line).
export type ErrorCode =
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'FEATURE_DISABLED'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_IMPLEMENTED'
  | 'SERVICE_UNAVAILABLE';

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
export const conflict = (message: string) => new ServiceError('CONFLICT', message);
