// One line of error text that is safe to show in a response, a log line or a CLI message.
import { maskUrl } from '../db/url';

/** Error text safe to show: one line, URLs without passwords. */
export function describeError(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return maskUrl(msg.split('\n')[0]) || 'unknown error';
}
