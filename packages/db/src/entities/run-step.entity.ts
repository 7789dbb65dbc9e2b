import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One node execution of a run, with its (possibly large) input, output and error. */
@Entity('run_steps')
export class RunStep {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) workspaceId!: string;
  @Column({ type: 'uuid' }) runId!: string;
  /** Denormalized from the run so per-node counts of a journey need no join. */
  @Column({ type: 'uuid' }) journeyId!: string;
  @Column({ type: 'integer' }) version!: number;
  /** Visit number within the run (1, 2, …): the order its steps were taken in. */
  @Column({ type: 'integer', nullable: true }) step!: number | null;
  @Column({ type: 'text' }) nodeId!: string;
  @Column({ type: 'text' }) nodeType!: string;
  @Column({ type: 'text', nullable: true }) port!: string | null;
  @Column({ type: 'jsonb', nullable: true }) input!: unknown;
  @Column({ type: 'jsonb', nullable: true }) output!: unknown;
  @Column({ type: 'jsonb', nullable: true }) error!: Record<string, unknown> | null;
  @Column({ type: 'text', nullable: true }) errorCode!: string | null;
  @Column({ type: 'integer', default: 1 }) attempt!: number;
  @Column({ type: 'timestamptz', default: () => 'now()' }) startedAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) endedAt!: Date | null;
  @Column({ type: 'integer', nullable: true }) durationMs!: number | null;
  /** Message sent by this step, to join statuses back to the step. */
  @Column({ type: 'text', nullable: true }) wamid!: string | null;
}
