import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type DeliveryOutcome = 'pending' | 'processed' | 'failed' | 'dead';

/** Something worth knowing about a delivery that changed nothing (unroutable, unknown field …). */
export interface DeliveryNote {
  kind: string;
  reason: string;
  dedupKey?: string;
  phoneNumberId?: string;
  wabaId?: string;
  /** The raw value for unknown content (groups, unknown fields), kept for inspection. */
  raw?: unknown;
}

/**
 * One webhook POST exactly as received. Stored before answering 200 because Meta offers
 * no way to fetch past webhooks; `body_sha256` is unique so an exact redelivery is a no-op.
 * A delivery is stored before routing and may span several WABAs: it belongs to every
 * workspace that has one of the numbers or WABAs it names (`phoneNumberIds`, `wabaIds`).
 */
@Entity('webhook_deliveries')
export class WebhookDelivery {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) receivedAt!: Date;
  /** The exact bytes Meta signed. */
  @Column({ type: 'bytea' }) body!: Buffer;
  @Column({ type: 'text' }) bodySha256!: string;
  @Column({ type: 'text' }) signature!: string;
  @Column({ type: 'timestamptz', nullable: true }) processedAt!: Date | null;
  @Column({ type: 'text', default: 'pending' }) outcome!: DeliveryOutcome;
  @Column({ type: 'integer', default: 0 }) attempts!: number;
  @Column({ type: 'text', nullable: true }) lastError!: string | null;
  @Column({ type: 'integer', nullable: true }) eventCount!: number | null;
  @Column({ type: 'jsonb', default: () => `'[]'` }) notes!: DeliveryNote[];
  /**
   * Until then the row belongs to `claimedBy` (the api process that stored or took it); after
   * it, any api's sweeper may take a pending row, or retry a failed one (the backoff's due time).
   */
  @Column({ type: 'timestamptz', default: () => 'now()' }) nextAttemptAt!: Date;
  @Column({ type: 'uuid', nullable: true }) claimedBy!: string | null;
  /** `metadata.phone_number_id` of every change, read when stored. */
  @Column({ type: 'text', array: true, default: () => `'{}'` }) phoneNumberIds!: string[];
  /** `entry[].id` (the WABA) of every entry, read when stored. */
  @Column({ type: 'text', array: true, default: () => `'{}'` }) wabaIds!: string[];
}
