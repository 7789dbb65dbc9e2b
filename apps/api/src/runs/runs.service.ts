import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { ListRunsQuery, RunDetailDto, RunStepDto, RunSummaryDto } from '@tandem/api-contract';
import { loadConfig } from '@tandem/config';
import { JourneyRun, RunStep } from '@tandem/db';
import { cancelRunSignal } from '@tandem/workflows';
import { DataSource } from 'typeorm';
import type { Caller } from '../auth/caller.types';
import { queryRows, toIso } from '../common/sql.util';
import { ConversationTimelineService } from '../conversations/ownership/conversation-timeline.service';
import { TemporalService } from '../temporal/temporal.service';
import { decodeCursor, encodeCursor, runFilterSql } from './run-query.util';

/** Statuses after which a run never changes again. */
export const ENDED_RUN_STATUSES = new Set(['completed', 'failed', 'cancelled', 'handed_off', 'exited']);

interface RunRow {
  id: string;
  journey_id: string;
  journey_name: string;
  version: number;
  contact_id: string;
  contact_name: string | null;
  contact_wa_id: string | null;
  status: RunSummaryDto['status'];
  trigger_kind: string;
  current_node_id: string | null;
  started_at: Date;
  ended_at: Date | null;
  workflow_id: string;
  campaign_id: string | null;
  cursor_ts: string;
}

interface DetailRow extends RunRow {
  trigger_event: unknown;
  error: unknown;
}

const selectRuns = (extra = '') => `
SELECT ${extra} r.id, r.journey_id, j.name AS journey_name, r.version, r.contact_id,
  coalesce(c.profile_name, c.address_book_name, c.username) AS contact_name, c.wa_id AS contact_wa_id,
  r.status, r.trigger_kind, r.current_node_id, r.started_at, r.ended_at, r.workflow_id, r.campaign_id,
  to_char(r.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_ts
FROM journey_runs r JOIN journeys j ON j.id = r.journey_id LEFT JOIN contacts c ON c.id = r.contact_id`;

/**
 * The run history admins read: lists with filters, one run with its steps, cancel — all
 * within one workspace (another workspace's run answers as a missing one).
 */
@Injectable()
export class RunsService {
  private readonly cfg = loadConfig(['temporal']);

  constructor(
    private readonly dataSource: DataSource,
    private readonly temporal: TemporalService,
    private readonly conversationTimeline: ConversationTimelineService,
  ) {}

  /** Newest first, keyset-paged; `total` (every match) only on the first page. */
  async list(workspaceId: string, query: ListRunsQuery): Promise<{ items: RunSummaryDto[]; nextCursor: string | null; total?: number }> {
    const { limit, cursor, ...filters } = query;
    const after = cursor ? decodeCursor(cursor) : undefined;
    const { where, params } = runFilterSql(workspaceId, filters, after);
    const m = this.dataSource.manager;
    const rows = await queryRows<RunRow>(m, `${selectRuns()} ${where} ORDER BY r.started_at DESC, r.id DESC LIMIT ${limit + 1}`, params);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const nextCursor = rows.length > limit && last ? encodeCursor({ startedAt: last.cursor_ts, id: last.id }) : null;
    const items = page.map(toSummary);
    if (after) return { items, nextCursor };
    const plain = runFilterSql(workspaceId, filters);
    const [{ n }] = await queryRows<{ n: number }>(m, `SELECT count(*)::int AS n FROM journey_runs r ${plain.where}`, plain.params);
    return { items, nextCursor, total: n };
  }

  /** The run with its steps; their raw inputs and outputs only for a caller holding `runs.raw`. */
  async get(caller: Caller, id: string): Promise<RunDetailDto> {
    const { workspaceId } = caller;
    const [row] = await queryRows<DetailRow>(
      this.dataSource.manager,
      `${selectRuns('r.trigger_event, r.error,')} WHERE r.id = $1 AND r.workspace_id = $2`,
      [id, workspaceId],
    );
    if (!row) throw new NotFoundException(`No run ${id}`);
    const steps = await this.dataSource
      .getRepository(RunStep)
      .createQueryBuilder('s')
      .where('s.run_id = :id AND s.workspace_id = :workspaceId', { id, workspaceId })
      .orderBy('s.step', 'ASC', 'NULLS LAST')
      .addOrderBy('s.started_at', 'ASC')
      .addOrderBy('s.ended_at', 'ASC', 'NULLS LAST')
      .addOrderBy('s.id', 'ASC')
      .getMany();
    const raw = caller.permissions.has('runs.raw');
    return {
      ...toSummary(row),
      triggerEvent: row.trigger_event,
      error: row.error,
      steps: raw ? steps.map(toStep) : steps.map((s) => ({ ...toStep(s), input: null, output: null })),
      ...(raw ? {} : { stepDataWithheld: true }),
      ownershipEvents: await this.conversationTimeline.ofRun(workspaceId, id),
      temporalUrl: `${this.cfg.TEMPORAL_UI_URL.replace(/\/$/, '')}/namespaces/${encodeURIComponent(this.cfg.TEMPORAL_NAMESPACE)}/workflows/${encodeURIComponent(row.workflow_id)}`,
    };
  }

  /**
   * Asks the run's workflow to stop (it ends as `cancelled` and records it). Refused for a
   * run that already ended.
   */
  async cancel(workspaceId: string, id: string, reason?: string): Promise<{ runId: string; workflowId: string; requested: true }> {
    const run = await this.requireRun(workspaceId, id);
    if (ENDED_RUN_STATUSES.has(run.status)) throw new ConflictException(`The run already ended (${run.status})`);
    const client = await this.temporal.client();
    try {
      const latest = await client.workflow.getHandle(run.workflowId).describe();
      // Under `one_at_a_time` a workflow id is reused by the contact's next run: only signal this run's chain.
      const firstRunId = latest.raw.workflowExecutionInfo?.firstRunId;
      if (latest.status.name !== 'RUNNING' || (run.temporalRunId && firstRunId && firstRunId !== run.temporalRunId))
        throw new WorkflowGone();
      await client.workflow.getHandle(run.workflowId, latest.runId).signal(cancelRunSignal, { by: 'api', ...(reason ? { reason } : {}) });
    } catch (error) {
      if (error instanceof WorkflowNotFoundError || error instanceof WorkflowGone)
        throw new ConflictException('The run is no longer executing in Temporal');
      throw error;
    }
    return { runId: run.id, workflowId: run.workflowId, requested: true };
  }

  private async requireRun(workspaceId: string, id: string): Promise<JourneyRun> {
    const run = await this.dataSource.getRepository(JourneyRun).findOneBy({ id, workspaceId });
    if (!run) throw new NotFoundException(`No run ${id}`);
    return run;
  }
}

class WorkflowGone extends Error {}

function toSummary(r: RunRow): RunSummaryDto {
  return {
    id: r.id,
    journeyId: r.journey_id,
    journeyName: r.journey_name,
    version: r.version,
    contactId: r.contact_id,
    contactName: r.contact_name,
    contactWaId: r.contact_wa_id,
    status: r.status,
    triggerKind: r.trigger_kind,
    currentNodeId: r.current_node_id,
    startedAt: new Date(r.started_at).toISOString(),
    endedAt: toIso(r.ended_at),
    workflowId: r.workflow_id,
    campaignId: r.campaign_id,
  };
}

function toStep(s: RunStep): RunStepDto {
  return {
    id: s.id,
    nodeId: s.nodeId,
    nodeType: s.nodeType,
    port: s.port,
    input: s.input,
    output: s.output,
    error: s.error,
    errorCode: s.errorCode,
    attempt: s.attempt,
    startedAt: s.startedAt.toISOString(),
    endedAt: toIso(s.endedAt),
    durationMs: s.durationMs,
    wamid: s.wamid,
  };
}
