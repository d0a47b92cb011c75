// What a subscription follows, and the values it is sent.
import type { RunState } from '../../db/entities';
import type { Em } from '../../db/orm';
import type { Loaders } from '../../graphql/loaders';

export type Topic =
  | { kind: 'run'; runId: string }
  | { kind: 'runs'; state: RunState | null }
  | { kind: 'phase'; runId: string }
  | { kind: 'event'; runId: string | null; eventType: string | null }
  | { kind: 'metrics'; runId: string }
  | { kind: 'flags' }
  | { kind: 'campaign'; campaignId: string };

/**
 * One value for one subscriber, with the EntityManager and loaders it was read with: its nested fields are
 * resolved through them (shared by every subscriber of the same change, so their reads batch together).
 */
export interface Delivery {
  value?: unknown;
  /** Set instead of a value: changes may have been missed (see bus.ts). */
  missed?: string;
  em?: Em;
  loaders?: Loaders;
}

/** The client connection a subscription belongs to (a WebSocket or an SSE stream). */
export interface LiveConnection {
  readonly id: number;
  readonly transport: 'ws' | 'sse';
  /** Ends the connection with a close code and a reason (WebSocket) or ends the stream (SSE). */
  close(code: number, reason: string): void;
}
