import type { IncomingMessage } from 'node:http';

const ARRIVED_AT = Symbol('arrivedAt');

type Stamped = IncomingMessage & { [ARRIVED_AT]?: number };

/** `request` listener: remembers when the request's headers reached the server. */
export function stampArrival(req: IncomingMessage): void {
  (req as Stamped)[ARRIVED_AT] = Date.now();
}

/** When the request arrived (falls back to now for requests that bypassed the listener). */
export function arrivedAt(req: IncomingMessage): number {
  return (req as Stamped)[ARRIVED_AT] ?? Date.now();
}
