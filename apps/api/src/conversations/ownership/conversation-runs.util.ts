import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { RunEffect } from '@tandem/db';
import { cancelRunSignal, resumeSignal, teammateReplySignal } from '@tandem/workflows';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../../common/sql.util';

/** A run an ownership change signals, and what to tell it. */
export interface RunToSignal {
  runId: string;
  workflowId: string;
  temporalRunId: string | null;
  /** `resumed`/`ended` on give-back or close; `null`: a human took over (the journey's onTeammateReply decides). */
  effect: Extract<RunEffect, 'resumed' | 'ended'> | null;
}

interface RunRow {
  id: string;
  workflow_id: string;
  temporal_run_id: string | null;
  on_give_back: string | null;
}

/**
 * The contact's paused runs, with what giving back does to each (its journey's `onGiveBack`);
 * `close` ends them all. A run of a `pause` journey that is still waiting counts: it paused
 * inside its wait (the row says `waiting` until the wait ends).
 */
export async function pausedRuns(m: EntityManager, contactId: string, closing: boolean): Promise<RunToSignal[]> {
  const rows = await queryRows<RunRow>(
    m,
    `SELECT r.id, r.workflow_id, r.temporal_run_id, v.document->'settings'->>'onGiveBack' AS on_give_back
     FROM journey_runs r LEFT JOIN journey_versions v ON v.journey_id = r.journey_id AND v.version = r.version
     WHERE r.contact_id = $1
       AND (r.status = 'paused' OR (r.status IN ('running', 'waiting') AND v.document->'settings'->>'onTeammateReply' = 'pause'))
     ORDER BY r.started_at`,
    [contactId],
  );
  return rows.map((r) => ({ ...ids(r), effect: closing || r.on_give_back === 'end' ? 'ended' : 'resumed' }));
}

/** The contact's running and waiting runs: a take-over is a human reply to them. */
export async function activeRuns(m: EntityManager, contactId: string): Promise<RunToSignal[]> {
  const rows = await queryRows<RunRow>(
    m,
    `SELECT id, workflow_id, temporal_run_id, NULL AS on_give_back FROM journey_runs
     WHERE contact_id = $1 AND status IN ('running', 'waiting') ORDER BY started_at`,
    [contactId],
  );
  return rows.map((r) => ({ ...ids(r), effect: null }));
}

export function effectsOf(runs: RunToSignal[]): Record<string, RunToSignal['effect']> {
  return Object.fromEntries(runs.map((r) => [r.runId, r.effect]));
}

/**
 * Tells each run's workflow (this run's execution, not a later run reusing the workflow id):
 * resume, end (cancelled, with the reason), or a human took over. A run that ended meanwhile
 * is skipped.
 */
export async function signalRuns(client: Client, runs: RunToSignal[], by: { who: string; why: string; eventId: string }): Promise<void> {
  for (const run of runs) {
    const handle = client.workflow.getHandle(run.workflowId, run.temporalRunId ?? undefined);
    try {
      if (run.effect === 'resumed') await handle.signal(resumeSignal, { by: by.who });
      else if (run.effect === 'ended') await handle.signal(cancelRunSignal, { by: by.who, reason: by.why });
      else await handle.signal(teammateReplySignal, { eventId: `conversation:${by.eventId}`, wamid: '' });
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    }
  }
}

function ids(r: RunRow): Pick<RunToSignal, 'runId' | 'workflowId' | 'temporalRunId'> {
  return { runId: r.id, workflowId: r.workflow_id, temporalRunId: r.temporal_run_id };
}

/** The contact's open runs a teammate's reply reaches, with what their journey's `onTeammateReply` does (`ignore` ones left out). */
export async function runsHearingTeammate(m: EntityManager, contactId: string): Promise<Record<string, RunEffect>> {
  const rows = await queryRows<{ id: string; effect: RunEffect }>(
    m,
    `SELECT r.id, CASE v.document->'settings'->>'onTeammateReply' WHEN 'pause' THEN 'paused' ELSE 'stopped' END AS effect
     FROM journey_runs r LEFT JOIN journey_versions v ON v.journey_id = r.journey_id AND v.version = r.version
     WHERE r.contact_id = $1 AND r.status IN ('running', 'waiting')
       AND coalesce(v.document->'settings'->>'onTeammateReply', 'stop') <> 'ignore'`,
    [contactId],
  );
  return Object.fromEntries(rows.map((r) => [r.id, r.effect]));
}
