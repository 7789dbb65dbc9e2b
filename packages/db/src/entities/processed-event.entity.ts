import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Idempotency ledger: a row is inserted in the same transaction as the domain changes of
 * a normalized event, so an event seen again (in a redelivery or in another body) is skipped.
 */
@Entity('processed_events')
export class ProcessedEvent {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) workspaceId!: string;
  @Column({ type: 'uuid', nullable: true }) numberId!: string | null;
  @Column({ type: 'text' }) dedupKey!: string;
  @Column({ type: 'text' }) kind!: string;
  @Column({ type: 'uuid', nullable: true }) deliveryId!: string | null;
  @Column({ type: 'timestamptz', default: () => 'now()' }) processedAt!: Date;
}
