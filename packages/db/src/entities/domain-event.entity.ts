import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Transactional outbox of events for the engine. Written with the domain change, published
 * to Redis after commit in id order; `published_at` null means not yet published.
 */
@Entity('domain_events')
export class DomainEvent {
  /** bigserial: TypeORM returns it as a string. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id!: string;
  @Column({ type: 'uuid' }) workspaceId!: string;
  @Column({ type: 'uuid', nullable: true }) numberId!: string | null;
  /** Ordering key: events with the same key are delivered in order (contact id, or `number:<id>`). */
  @Column({ type: 'text' }) contactKey!: string;
  @Column({ type: 'text' }) kind!: string;
  @Column({ type: 'jsonb' }) payload!: Record<string, unknown>;
  @Column({ type: 'uuid', nullable: true }) deliveryId!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) publishedAt!: Date | null;
}
