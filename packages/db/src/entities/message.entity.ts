import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** `inbound` from the customer, `api` sent by Tandem, `app_echo` sent from the phone app. */
export type MessageDirection = 'inbound' | 'api' | 'app_echo';
export type MessageSource = 'live' | 'history';
export type MessageStatus = 'accepted' | 'sent' | 'delivered' | 'read' | 'played' | 'failed';

/** One delivery status as it arrived: `at` is Meta's time, `receivedAt` ours (ISO strings). */
export interface StatusTimelineEntry {
  status: MessageStatus;
  at: string;
  receivedAt: string;
}

/** A message of a conversation, whichever side wrote it and however it reached Tandem. */
@Entity('messages')
export class Message {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) workspaceId!: string;
  @Column({ type: 'uuid' }) numberId!: string;
  @Column({ type: 'uuid' }) contactId!: string;
  @Column({ type: 'text' }) wamid!: string;
  @Column({ type: 'text' }) direction!: MessageDirection;
  @Column({ type: 'text' }) source!: MessageSource;
  @Column({ type: 'text' }) type!: string;
  /** Normalized content (text, media, location, buttons …) without Meta's envelope. */
  @Column({ type: 'jsonb' }) payload!: Record<string, unknown>;
  @Column({ type: 'text', nullable: true }) contextWamid!: string | null;
  @Column({ type: 'timestamptz' }) metaTimestamp!: Date;
  /** Highest status reached; moves forward only, `failed` is terminal. */
  @Column({ type: 'text', nullable: true }) status!: MessageStatus | null;
  @Column({ type: 'jsonb', default: () => `'[]'` }) statusTimeline!: StatusTimelineEntry[];
  @Column({ type: 'integer', nullable: true }) errorCode!: number | null;
  @Column({ type: 'text', nullable: true }) errorTitle!: string | null;
  @Column({ type: 'text', nullable: true }) pricingCategory!: string | null;
  @Column({ type: 'text', nullable: true }) pricingType!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) editedAt!: Date | null;
  /** The latest edit as received (new content, edit wamid). */
  @Column({ type: 'jsonb', nullable: true }) edit!: Record<string, unknown> | null;
  @Column({ type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) journeyRunId!: string | null;
  @Column({ type: 'text', nullable: true }) journeyNodeId!: string | null;
  /** History media whose content has not (or never will) arrive. */
  @Column({ type: 'boolean', default: false }) mediaPlaceholder!: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
