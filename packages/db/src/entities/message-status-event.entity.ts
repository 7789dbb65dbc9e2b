import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { MessageStatus } from './message.entity';

/**
 * Every distinct (wamid, status) ever received. Doubles as the dedup set for statuses and
 * as the parking place for statuses of wamids not (yet) in `messages`: a message's status
 * is always recomputed from these rows, so arrival order never matters.
 */
@Entity('message_status_events')
export class MessageStatusEvent {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) workspaceId!: string;
  @Column({ type: 'uuid' }) numberId!: string;
  @Column({ type: 'text' }) wamid!: string;
  @Column({ type: 'text' }) status!: Exclude<MessageStatus, 'accepted'>;
  @Column({ type: 'timestamptz' }) occurredAt!: Date;
  @Column({ type: 'timestamptz', default: () => 'now()' }) receivedAt!: Date;
  @Column({ type: 'integer', nullable: true }) errorCode!: number | null;
  @Column({ type: 'text', nullable: true }) errorTitle!: string | null;
  @Column({ type: 'text', nullable: true }) pricingCategory!: string | null;
  @Column({ type: 'text', nullable: true }) pricingType!: string | null;
  /** errors, pricing, conversation, callback data — as normalized. */
  @Column({ type: 'jsonb', default: () => `'{}'` }) detail!: Record<string, unknown>;
  /** Set once the status was folded into its message; null = orphan so far. */
  @Column({ type: 'timestamptz', nullable: true }) appliedAt!: Date | null;
}
