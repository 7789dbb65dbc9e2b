import type { CampaignActivities, InboxActivities, JourneyActivities, OptOutActivities, PingActivities } from '@tandem/workflows';
import type { ActivityDeps } from './activity-deps.types';
import { campaignActivities } from './campaign.activity';
import { executeNodeActivity } from './execute-node.activity';
import { inboxReplyActivity } from './inbox-reply.activity';
import { optConfirmationActivities } from './opt-confirmation.activity';
import { runLifecycleActivities } from './run-lifecycle.activity';

/** Every activity the worker registers. */
export type TandemActivities = PingActivities & JourneyActivities & CampaignActivities & InboxActivities & OptOutActivities;

/**
 * Activities are built by a factory so the worker injects real clients and tests can
 * inject their own (Temporal's activities-dependency-injection pattern).
 */
export function createActivities(deps: ActivityDeps): TandemActivities {
  return {
    async ping(message: string): Promise<string> {
      return `${message} (from ${deps.workerId})`;
    },
    ...runLifecycleActivities(deps),
    ...executeNodeActivity(deps),
    ...campaignActivities(deps),
    ...inboxReplyActivity(deps),
    ...optConfirmationActivities(deps),
  };
}
