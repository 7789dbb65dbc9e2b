import type { DataSource, EntityManager } from 'typeorm';
import { preparedStatement, runPrepared } from '../prepared-statement.util';
import type { ConversationEventKind, Ownership, OwnershipChange, OwnershipResult } from './ownership.types';

/**
 * THE way a conversation's ownership changes — the api (take, give back, close, the
 * return-to-bot sweeper, a teammate's echo at intake) and the worker (a run's hand-off)
 * all call this. The contact's row and its timeline event are written by one statement, so
 * no change is ever left without its event; `human_owned` follows as a generated column.
 */
export async function changeOwnership(on: DataSource | EntityManager, change: OwnershipChange): Promise<OwnershipResult> {
  if (change.to === 'human' && !change.ownerKind) throw new Error('a human owner needs its kind');
  const ownerKind = change.to === 'human' ? change.ownerKind : null;
  const ownerUserId = change.to === 'human' ? (change.ownerUserId ?? null) : null;
  const { rows } = await runPrepared(on, changeStatement, [
    change.contactId,
    change.to,
    ownerKind,
    ownerUserId,
    change.onlyFrom ?? ['bot', 'human', 'closed'],
    eventKind(change.to),
    change.actor.kind,
    change.actor.id ?? null,
    change.reason,
    Object.keys(change.runs ?? {}),
    JSON.stringify(Object.fromEntries(Object.entries(change.runs ?? {}).filter(([, effect]) => effect !== null))),
    change.at ?? new Date(),
  ]);
  const row = rows[0];
  if (!row) return { found: false, from: null, changed: false, eventId: null };
  return { found: true, from: row.from_state, changed: row.event_id !== null, eventId: row.event_id };
}

/** A human sent a message in the conversation (an echo, an agent's reply): the return-to-bot clock restarts. */
export async function noteHumanMessage(on: DataSource | EntityManager, contactId: string, at: Date): Promise<void> {
  await runPrepared(on, noteStatement, [contactId, at]);
}

function eventKind(to: Ownership): ConversationEventKind {
  if (to === 'human') return 'taken';
  if (to === 'closed') return 'closed';
  return 'given_back';
}

const changeStatement = preparedStatement<{ from_state: Ownership; event_id: string | null }>(
  'conversation_change_ownership',
  `WITH before AS (
     SELECT id, workspace_id, ownership, owner_kind, owner_user_id FROM contacts WHERE id = $1 FOR UPDATE),
   moved AS (
     UPDATE contacts c SET ownership = $2, owner_kind = $3, owner_user_id = $4,
       human_owned_at = CASE WHEN $2 <> 'human' THEN NULL WHEN b.ownership = 'human' THEN c.human_owned_at ELSE $12 END,
       updated_at = now()
     FROM before b
     WHERE c.id = b.id AND b.ownership = ANY($5::text[])
       AND (b.ownership IS DISTINCT FROM $2 OR b.owner_kind IS DISTINCT FROM $3 OR b.owner_user_id IS DISTINCT FROM $4::uuid)
     RETURNING c.id, c.workspace_id, b.ownership AS from_state),
   event AS (
     INSERT INTO conversation_events
       (workspace_id, contact_id, kind, from_state, to_state, owner_kind, owner_user_id, actor_kind, actor_id, reason, run_ids, run_effects, at)
     SELECT workspace_id, id, $6, from_state, $2, $3, $4, $7, $8, $9, $10::uuid[], $11::jsonb, $12 FROM moved
     RETURNING id)
   SELECT b.ownership AS from_state, (SELECT id FROM event) AS event_id FROM before b`,
);

const noteStatement = preparedStatement(
  'conversation_note_human_message',
  `UPDATE contacts SET last_human_message_at = greatest(last_human_message_at, $2), updated_at = now() WHERE id = $1`,
);
