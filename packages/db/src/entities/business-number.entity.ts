import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type NumberMode = 'coexistence' | 'cloud';
export type ConnectionState = 'connected' | 'disconnected' | 'offboarded';
export type HistorySyncStatus = 'none' | 'in_progress' | 'complete' | 'declined';

/** Progress of the one-time coexistence history backfill (chunks may arrive out of order). */
export interface HistorySyncState {
  status: HistorySyncStatus;
  /** Highest phase seen (0 = day 0–1, 1 = day 1–90, 2 = day 90–180). */
  phase?: number;
  /** Highest progress seen, 0..100. */
  progress?: number;
  /** `"<phase>:<chunk_order>"` of every chunk processed. */
  chunks?: string[];
  messageCount?: number;
  updatedAt?: string;
  /** Error codes of a declined sync (2593109). */
  errorCodes?: number[];
}

/** Last health computed by the scheduled check; the REST API recomputes on read. */
export interface StoredNumberHealth {
  status: string;
  reasons: string[];
  checkedAt: string;
  /**
   * Set by the worker when Meta refused a send for auth or policy (token revoked, account
   * locked …); kept by the scheduled check, lifted only by the next accepted send.
   */
  sendBlocked?: NumberSendBlock;
}

/** Why and since when a number's sends are blocked (see {@link StoredNumberHealth.sendBlocked}). */
export interface NumberSendBlock {
  /** The Graph error code that blocked it. */
  code: number;
  reason: string;
  /** ISO time of the error. */
  since: string;
}

/** A WhatsApp phone number connected to Tandem (coexistence or plain Cloud API). */
@Entity('business_numbers')
export class BusinessNumber {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) workspaceId!: string;
  @Column({ type: 'text' }) phoneNumberId!: string;
  @Column({ type: 'text' }) wabaId!: string;
  @Column({ type: 'text' }) displayPhoneNumber!: string;
  @Column({ type: 'text' }) mode!: NumberMode;
  /** Messages per second this number may send; never above Meta's fixed cap. */
  @Column({ type: 'integer' }) throughputCap!: number;
  /** The window only opens for live inbound at or after this instant (coexistence rule). */
  @Column({ type: 'timestamptz', nullable: true }) onboardedAt!: Date | null;
  @Column({ type: 'text', default: 'connected' }) connectionState!: ConnectionState;
  @Column({ type: 'text', nullable: true }) connectionReason!: string | null;
  @Column({ type: 'text', nullable: true }) connectionInitiatedBy!: string | null;
  /** `entry.time` of the last applied account event: older events are stale and ignored. */
  @Column({ type: 'timestamptz', nullable: true }) connectionChangedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) lastWebhookAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) lastInboundAt!: Date | null;
  /** Last message sent from the phone app: proof the primary device is still active. */
  @Column({ type: 'timestamptz', nullable: true }) lastEchoAt!: Date | null;
  @Column({ type: 'jsonb', default: () => `'{"status":"none"}'` }) historySync!: HistorySyncState;
  @Column({ type: 'timestamptz', nullable: true }) contactSyncAt!: Date | null;
  @Column({ type: 'jsonb', nullable: true }) health!: StoredNumberHealth | null;
  /** What the workspace calls the number (settings); null shows the display number. */
  @Column({ type: 'text', nullable: true }) name!: string | null;
  /** The business name Meta shows for the number, as read at connect. */
  @Column({ type: 'text', nullable: true }) verifiedName!: string | null;
  /** When Tandem requested the history sync (`smb_app_data`, once, within 24 h of onboarding). */
  @Column({ type: 'timestamptz', nullable: true }) syncRequestedAt!: Date | null;
  /** When Tandem requested the contacts sync (`smb_app_state_sync`). */
  @Column({ type: 'timestamptz', nullable: true }) contactSyncRequestedAt!: Date | null;
  /** Why the last sync request was refused (shown until a request succeeds). */
  @Column({ type: 'text', nullable: true }) syncRequestError!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
