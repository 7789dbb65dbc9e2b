import { changeOwnership, noteHumanMessage } from '@tandem/db';
import type { EntityManager } from 'typeorm';
import { runsHearingTeammate } from './conversation-runs.util';

/**
 * A teammate replied from the WhatsApp Business app (a live echo, in the intake's transaction):
 * the return-to-bot clock restarts and a conversation the bot held becomes the teammate's —
 * journeys stay quiet until it is given back. One an agent holds stays the agent's.
 */
export async function teammateReplied(m: EntityManager, contactId: string, wamid: string, at: Date): Promise<void> {
  await noteHumanMessage(m, contactId, at);
  await changeOwnership(m, {
    contactId,
    to: 'human',
    ownerKind: 'teammate',
    onlyFrom: ['bot', 'closed'],
    actor: { kind: 'teammate', id: wamid },
    reason: 'a teammate replied from the WhatsApp Business app',
    runs: await runsHearingTeammate(m, contactId),
    at,
  });
}
