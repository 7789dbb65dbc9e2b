export interface DeliveryAttempt {
  attempt: number;
  at: number;
  /** HTTP status of the answer; null when the request itself failed. */
  statusCode: number | null;
  error?: string;
  durationMs: number;
}

export type DeliveryState = 'queued' | 'in_flight' | 'retry_wait' | 'delivered' | 'dropped';

export interface Delivery {
  id: number;
  /** Ordering key: deliveries of one key go out one after the other. */
  key: string;
  field: string;
  createdAt: number;
  /** The exact bytes POSTed (ASCII-only JSON). */
  body: string;
  signature: string;
  state: DeliveryState;
  attempts: DeliveryAttempt[];
  /** Set on the extra copy sent when duplicate deliveries are on. */
  duplicateOf?: number;
  nextAttemptAt?: number;
}

export interface DeliveryFilter {
  field?: string;
  state?: DeliveryState;
  since?: number;
  contains?: string;
  limit?: number;
}
