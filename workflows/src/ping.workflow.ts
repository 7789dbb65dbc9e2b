import { proxyActivities } from '@temporalio/workflow';
import type { PingActivities } from './activities.types';

const { ping } = proxyActivities<PingActivities>({ startToCloseTimeout: '10 seconds' });

/**
 * Smallest end-to-end proof that the worker, its prebuilt bundle and the server work:
 * one activity round trip. Used by `npm start`'s readiness check and by tests.
 */
export async function pingWorkflow(message: string): Promise<string> {
  return `pong: ${await ping(message)}`;
}
