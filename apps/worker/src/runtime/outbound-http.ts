import { loadConfig } from '@tandem/config';
import { createGuardedHttpClient, type GuardedHttpClient } from '@tandem/node-sdk';

/**
 * The worker's `ctx.http`: the outbound guard with the administrator's settings
 * (`HTTP_ALLOW_HOSTS`, `HTTP_MAX_RESPONSE_BYTES`; docs/security.md, "Outbound HTTP").
 * @throws Error naming HTTP_ALLOW_HOSTS and the entry that is not a host, address or network.
 */
export function outboundHttpFromEnv(env: Record<string, string | undefined> = process.env): GuardedHttpClient {
  const cfg = loadConfig(['worker'], env);
  return createGuardedHttpClient({ allow: cfg.HTTP_ALLOW_HOSTS, maxResponseBytes: cfg.HTTP_MAX_RESPONSE_BYTES });
}
