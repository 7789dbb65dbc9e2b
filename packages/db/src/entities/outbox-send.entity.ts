import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type OutboxSendState = 'pending' | 'accepted' | 'failed' | 'refused';

/**
 * A send requested by a run. `idempotency_key` (run id + node id + send index) is unique so
 * a retried activity finds its earlier attempt instead of sending twice.
 */
@Entity('outbox_sends')
export class OutboxSend {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) workspaceId!: string;
  @Column({ type: 'text' }) idempotencyKey!: string;
  @Column({ type: 'uuid' }) numberId!: string;
  @Column({ type: 'uuid' }) contactId!: string;
  @Column({ type: 'uuid', nullable: true }) runId!: string | null;
  @Column({ type: 'text', nullable: true }) nodeId!: string | null;
  @Column({ type: 'jsonb' }) payload!: Record<string, unknown>;
  @Column({ type: 'text', default: 'pending' }) state!: OutboxSendState;
  @Column({ type: 'text', nullable: true }) wamid!: string | null;
  @Column({ type: 'integer', nullable: true }) errorCode!: number | null;
  @Column({ type: 'jsonb', nullable: true }) error!: Record<string, unknown> | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) sentAt!: Date | null;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
