import { FLOW_NODE_TYPES } from '@tandem/journey-model';
import { runIdFromCallback } from '../engine-events/engine-event.types';
import { LruCache } from './lru-cache';
import { OPEN_RUN_STATUSES } from './open-run-statuses';

/** Anything that runs SQL: a DataSource, an EntityManager (inside a transaction or not). */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** A delivery status to check: the message it is about (if stored) and its callback data. */
export interface StatusRef {
  messageId: string | null;
  callback: string | undefined;
}

/** What a published version does with statuses. */
interface VersionTraits {
  waitsForStatus: boolean;
  statusTrigger: boolean;
}

// Published versions never change, so their traits can be kept; the cache bounds the memory.
const traits = new LruCache<string, VersionTraits>(500);

async function traitsOf(q: Queryable, journeyId: string, version: number): Promise<VersionTraits> {
  const key = `${journeyId}@${version}`;
  const hit = traits.get(key);
  if (hit) return hit;
  const [row] = (await q.query(
    `SELECT document->'nodes' AS nodes, document->'triggers' AS triggers FROM journey_versions WHERE journey_id = $1 AND version = $2`,
    [journeyId, version],
  )) as { nodes: { type?: unknown }[] | null; triggers: { kind?: unknown }[] | null }[];
  const found: VersionTraits = {
    waitsForStatus: (row?.nodes ?? []).some((n) => n?.type === FLOW_NODE_TYPES.waitForStatus),
    statusTrigger: (row?.triggers ?? []).some((t) => t?.kind === 'message.status'),
  };
  traits.set(key, found);
  return found;
}

/**
 * JSON array of `{ i, w, j, v }` (1-based index, workflow id, journey, version): for each
 * status of `$1` (message ids) / `$2` (run ids from callbacks), the open run (statuses `$3`)
 * that sent its message — by the message row, else by the outbox key echoed in the status.
 */
const SENDER_RUNS = `(SELECT coalesce(json_agg(json_build_object('i', x.i, 'w', r.workflow_id, 'j', r.journey_id, 'v', r.version)), '[]'::json)
  FROM unnest($1::uuid[], $2::uuid[]) WITH ORDINALITY AS x(message_id, run_id, i)
  CROSS JOIN LATERAL (SELECT r.workflow_id, r.journey_id, r.version FROM journey_runs r
    WHERE (x.message_id IS NOT NULL OR x.run_id IS NOT NULL) AND r.status = ANY($3)
      AND (r.id = (SELECT journey_run_id FROM messages WHERE id = x.message_id) OR r.id = x.run_id) LIMIT 1) r)`;

interface SenderRun {
  i: number;
  w: string;
  j: string;
  v: number;
}

function senderParams(statuses: readonly StatusRef[]): unknown[] {
  return [statuses.map((s) => s.messageId), statuses.map((s) => runIdFromCallback(s.callback) ?? null), [...OPEN_RUN_STATUSES]];
}

async function waitersFrom(q: Queryable, senders: readonly SenderRun[], count: number): Promise<(string | null)[]> {
  const waiters: (string | null)[] = new Array(count).fill(null);
  for (const s of senders) if ((await traitsOf(q, s.j, s.v)).waitsForStatus) waiters[s.i - 1] = s.w;
  return waiters;
}

/**
 * For each status, the workflow id of the run that listens to it, or null: the open run that
 * sent its message, if that run's journey version has a wait-for-status node. Only those runs
 * read statuses, and a signal costs any other run a workflow task (three per reply).
 */
export async function statusWaiters(q: Queryable, statuses: readonly StatusRef[]): Promise<(string | null)[]> {
  if (statuses.length === 0) return [];
  const [row] = (await q.query(`SELECT ${SENDER_RUNS} AS senders`, senderParams(statuses))) as { senders: SenderRun[] }[];
  return waitersFrom(q, row?.senders ?? [], statuses.length);
}

/**
 * Whether the engine acts on each status of a workspace: a live journey of the workspace
 * starts on statuses (then every status counts), or a run listens to it ({@link statusWaiters}).
 * One round trip for any number of statuses.
 */
export async function statusesListenedTo(q: Queryable, workspaceId: string, statuses: readonly StatusRef[]): Promise<boolean[]> {
  if (statuses.length === 0) return [];
  const [row] = (await q.query(
    `SELECT ${SENDER_RUNS} AS senders,
       (SELECT coalesce(json_agg(json_build_object('id', j.id, 'v', j.live_version)), '[]'::json) FROM journeys j
         WHERE j.workspace_id = $4 AND j.status = 'active' AND j.live_version IS NOT NULL) AS live`,
    [...senderParams(statuses), workspaceId],
  )) as { senders: SenderRun[]; live: { id: string; v: number }[] }[];
  for (const journey of row?.live ?? []) if ((await traitsOf(q, journey.id, journey.v)).statusTrigger) return statuses.map(() => true);
  return (await waitersFrom(q, row?.senders ?? [], statuses.length)).map((w) => w !== null);
}
