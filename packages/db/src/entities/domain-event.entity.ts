import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Transactional outbox of events for the engine, and the engine's queue: written with the
 * domain change, then claimed, handled and marked by the worker replicas' consumers
 * (`startEngineEventConsumer`). Pending means `dispatchedAt` and `deadAt` are both null.
 */
@Entity('domain_events')
export class DomainEvent {
  /** bigserial: TypeORM returns it as a string. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id!: string;
  @Column({ type: 'uuid' }) workspaceId!: string;
  @Column({ type: 'uuid', nullable: true }) numberId!: string | null;
  /** Ordering key: events with the same key are handled in id order (contact id, or `number:<id>`). */
  @Column({ type: 'text' }) contactKey!: string;
  @Column({ type: 'text' }) kind!: string;
  @Column({ type: 'jsonb' }) payload!: Record<string, unknown>;
  @Column({ type: 'uuid', nullable: true }) deliveryId!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  /** When a handler succeeded with it. */
  @Column({ type: 'timestamptz', nullable: true }) dispatchedAt!: Date | null;
  /** Handler runs started (a crashed run counts). */
  @Column({ type: 'integer', default: 0 }) attempts!: number;
  /** Not claimed again before this (retry backoff). */
  @Column({ type: 'timestamptz', nullable: true }) nextAttemptAt!: Date | null;
  /** The consumer running it, and until when; an expired lease lets any consumer take it again. */
  @Column({ type: 'text', nullable: true }) leaseOwner!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) leaseUntil!: Date | null;
  @Column({ type: 'text', nullable: true }) lastError!: string | null;
  /** Given up after the last attempt (dead letter); the contact's later events went on. */
  @Column({ type: 'timestamptz', nullable: true }) deadAt!: Date | null;
}
