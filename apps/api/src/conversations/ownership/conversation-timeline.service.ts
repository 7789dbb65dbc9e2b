import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '../../auth/caller.types';
import { queryRows } from '../../common/sql.util';
import type { ConversationEventDto } from '@tandem/api-contract';

interface EventRow {
  id: string;
  kind: ConversationEventDto['kind'];
  from_state: ConversationEventDto['from'];
  to_state: ConversationEventDto['to'];
  owner_kind: ConversationEventDto['ownerKind'];
  owner_user_id: string | null;
  actor_kind: ConversationEventDto['actor']['kind'];
  actor_id: string | null;
  actor_label: string | null;
  reason: string;
  run_ids: string[];
  run_effects: Record<string, ConversationEventDto['runs'][number]['effect']>;
  at: Date;
}

const SELECT = `SELECT e.id, e.kind, e.from_state, e.to_state, e.owner_kind, e.owner_user_id, e.actor_kind, e.actor_id,
    nullif(coalesce(nullif(u.name, ''), u.email), '') AS actor_label, e.reason, e.run_ids, e.run_effects, e.at
  FROM conversation_events e
  LEFT JOIN users u ON e.actor_kind = 'member' AND u.id::text = e.actor_id`;

/** A years-long conversation keeps every change; the timeline shows the latest ones. */
const TIMELINE_LIMIT = 500;

/** Reads the ownership timeline: of a conversation, or the events that touched one run (the run view). */
@Injectable()
export class ConversationTimelineService {
  constructor(private readonly ds: DataSource) {}

  /** The latest TIMELINE_LIMIT changes, oldest first. Foreign and unknown contacts are 404. */
  async ofContact(caller: Caller, contactId: string): Promise<ConversationEventDto[]> {
    const [contact] = await this.ds.query('SELECT id FROM contacts WHERE id = $1 AND workspace_id = $2', [contactId, caller.workspaceId]);
    if (!contact) throw new NotFoundException(`No contact ${contactId}`);
    const rows = await queryRows<EventRow>(
      this.ds.manager,
      `SELECT * FROM (${SELECT} WHERE e.contact_id = $1 ORDER BY e.at DESC, e.id DESC LIMIT ${TIMELINE_LIMIT}) latest ORDER BY at, id`,
      [contactId],
    );
    return rows.map(toDto);
  }

  /** The ownership events that affected a run, oldest first (the caller checked the run is theirs). */
  async ofRun(workspaceId: string, runId: string): Promise<ConversationEventDto[]> {
    const rows = await queryRows<EventRow>(
      this.ds.manager,
      `${SELECT} WHERE e.workspace_id = $1 AND e.run_ids @> ARRAY[$2::uuid] ORDER BY e.at, e.id`,
      [workspaceId, runId],
    );
    return rows.map(toDto);
  }
}

function toDto(r: EventRow): ConversationEventDto {
  return {
    id: r.id,
    kind: r.kind,
    from: r.from_state,
    to: r.to_state,
    ownerKind: r.owner_kind,
    ownerUserId: r.owner_user_id,
    actor: { kind: r.actor_kind, id: r.actor_id, label: r.actor_label },
    reason: r.reason,
    runs: r.run_ids.map((runId) => ({ runId, effect: r.run_effects[runId] ?? null })),
    at: r.at.toISOString(),
  };
}
