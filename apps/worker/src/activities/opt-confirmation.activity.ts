import { Context } from '@temporalio/activity';
import { resolveOptOutSettings } from '@tandem/whatsapp';
import { optConfirmationWorkflowId, type OptOutActivities } from '@tandem/workflows';
import { SendPath } from '../send/send-path.service';
import type { ActivityDeps } from './activity-deps.types';

/**
 * `sendOptConfirmation`: the workspace's confirmation text, free-form, through the send path
 * with the `opt_confirmation` purpose — it reaches the opted-out contact who just wrote STOP
 * and a chat a teammate owns, but only inside the window (the rule, not this code, decides).
 */
export function optConfirmationActivities(deps: ActivityDeps): OptOutActivities {
  const sendPath = new SendPath(deps);
  return {
    async sendOptConfirmation(input) {
      const [ws] = await deps.dataSource.query('SELECT opt_out_settings FROM workspaces WHERE id = $1', [input.workspaceId]);
      const settings = resolveOptOutSettings(ws?.opt_out_settings);
      const body = (input.kind === 'opt_out' ? settings.optOutConfirmation : settings.optInConfirmation).trim();
      if (!body) return { status: 'skipped', detail: 'the workspace has no confirmation text' };
      const outcome = await sendPath.send({
        key: optConfirmationWorkflowId(input),
        workspaceId: input.workspaceId,
        numberId: input.numberId,
        contactId: input.contactId,
        runId: null,
        nodeId: null,
        message: { type: 'text', text: { body } },
        purpose: 'opt_confirmation',
        attempt: Context.current().info.attempt,
      });
      if (outcome.status === 'accepted') return { status: 'accepted' };
      if (outcome.status === 'refused') return { status: 'refused', detail: `${outcome.reason}: ${outcome.detail}` };
      return { status: 'failed', detail: `${outcome.code}: ${outcome.detail}` };
    },
  };
}
