import type { PingActivities } from '@tandem/workflows';

/** Dependencies injected into activities by the worker (see createActivities). */
export interface ActivityDeps {
  workerId: string;
}

/**
 * Activities are built by a factory so the worker injects real clients and tests can
 * inject their own (Temporal's activities-dependency-injection pattern).
 */
export function createActivities(deps: ActivityDeps): PingActivities {
  return {
    async ping(message: string): Promise<string> {
      return `${message} (from ${deps.workerId})`;
    },
  };
}
