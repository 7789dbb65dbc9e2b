import { signPayload } from '@tandem/whatsapp';
import { percentile } from './bench.util';

export interface LoadResult {
  latenciesMs: number[];
  redeliveries: number;
  elapsedMs: number;
  ratePerSec: number;
}

export interface LoadOptions {
  url: string;
  bodies: string[];
  secret: string;
  ratePerSec: number;
  maxInFlight: number;
  onProgress?: (acked: number) => void;
  /** Called once when this many bodies were acknowledged (e.g. to kill the server). */
  at?: { acked: number; run: () => Promise<void> };
}

/**
 * Open-loop load like Meta's: body i is due at t0 + i/rate; a body not answered 200 is
 * redelivered after a back-off (Meta retries until acknowledged), so nothing is dropped.
 * Latency is measured per successful acknowledgement.
 */
export async function deliverAll(opts: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  let redeliveries = 0;
  let acked = 0;
  let next = 0;
  const retry: string[] = [];
  const started = performance.now();
  let hookFired = false;
  const sendOne = async (body: string): Promise<void> => {
    const sentAt = performance.now();
    try {
      const res = await fetch(opts.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': signPayload(body, opts.secret) },
        body,
      });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
      latencies.push(performance.now() - sentAt);
      acked++;
      opts.onProgress?.(acked);
      if (opts.at && !hookFired && acked >= opts.at.acked) {
        hookFired = true;
        await opts.at.run();
      }
    } catch {
      redeliveries++;
      await new Promise((r) => setTimeout(r, 250));
      retry.push(body);
    }
  };
  const lane = async (): Promise<void> => {
    for (;;) {
      const redelivery = retry.shift();
      if (redelivery !== undefined) {
        await sendOne(redelivery);
        continue;
      }
      if (next >= opts.bodies.length) {
        if (acked >= opts.bodies.length) return;
        await new Promise((r) => setTimeout(r, 20));
        continue;
      }
      const index = next++;
      const wait = started + (index * 1000) / opts.ratePerSec - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      await sendOne(opts.bodies[index]);
    }
  };
  await Promise.all(Array.from({ length: opts.maxInFlight }, lane));
  const elapsedMs = performance.now() - started;
  return { latenciesMs: latencies, redeliveries, elapsedMs, ratePerSec: opts.bodies.length / (elapsedMs / 1000) };
}

export const summarize = (r: LoadResult) => ({ p50: round(percentile(r.latenciesMs, 50)), p99: round(percentile(r.latenciesMs, 99)) });
const round = (n: number) => Math.round(n * 100) / 100;
