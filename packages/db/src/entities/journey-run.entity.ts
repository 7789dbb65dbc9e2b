import { Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type JourneyRunStatus = 'running' | 'waiting' | 'completed' | 'failed' | 'cancelled' | 'handed_off' | 'paused' | 'exited';

/**
 * Metadata of one execution of a journey version for one contact, indexed for listing.
 * Per-step payloads live in `run_steps` (run metadata split from heavy data).
 */
@Entity('journey_runs')
export class JourneyRun {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) workspaceId!: string;
  @Column({ type: 'uuid' }) journeyId!: string;
  @Column({ type: 'integer' }) version!: number;
  @Column({ type: 'uuid' }) contactId!: string;
  @Column({ type: 'uuid' }) numberId!: string;
  @Column({ type: 'text' }) triggerKind!: string;
  @Column({ type: 'jsonb', nullable: true }) triggerEvent!: Record<string, unknown> | null;
  /** Identifies the triggering event (e.g. domain event id) for idempotent starts. */
  @Column({ type: 'text', nullable: true }) triggerKey!: string | null;
  @Column({ type: 'text', default: 'running' }) status!: JourneyRunStatus;
  /** Deterministic Temporal workflow id. */
  @Column({ type: 'text' }) workflowId!: string;
  @Column({ type: 'text', nullable: true }) temporalRunId!: string | null;
  @Column({ type: 'text', nullable: true }) currentNodeId!: string | null;
  @Column({ type: 'timestamptz', default: () => 'now()' }) startedAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) endedAt!: Date | null;
  @Column({ type: 'jsonb', nullable: true }) error!: Record<string, unknown> | null;
  @Column({ type: 'uuid', nullable: true }) campaignId!: string | null;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
