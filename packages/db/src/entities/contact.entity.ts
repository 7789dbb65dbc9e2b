import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A customer of one business number, identified by phone (`wa_id`) and/or business-scoped
 * user id (`user_id`); two rows are merged when a message reveals that both ids are the
 * same person.
 */
@Entity('contacts')
export class Contact {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) workspaceId!: string;
  @Column({ type: 'uuid' }) numberId!: string;
  @Column({ type: 'text', nullable: true }) waId!: string | null;
  @Column({ type: 'text', nullable: true }) userId!: string | null;
  @Column({ type: 'text', nullable: true }) username!: string | null;
  /** Self-chosen WhatsApp profile name (display only). */
  @Column({ type: 'text', nullable: true }) profileName!: string | null;
  /** Name from the phone's address book (contact sync). */
  @Column({ type: 'text', nullable: true }) addressBookName!: string | null;
  @Column({ type: 'boolean', default: false }) inAddressBook!: boolean;
  @Column({ type: 'jsonb', default: () => `'{}'` }) attributes!: Record<string, unknown>;
  @Column({ type: 'text', array: true, default: () => `'{}'` }) tags!: string[];
  @Column({ type: 'boolean', default: false }) optedOut!: boolean;
  /** `user_preferences`: the user stopped marketing messages. */
  @Column({ type: 'boolean', default: false }) marketingOptedOut!: boolean;
  /** Meta's per-user marketing limit (131049): no MARKETING template before this instant. */
  @Column({ type: 'timestamptz', nullable: true }) marketingHeldUntil!: Date | null;
  /** Erased on request: identity, messages and run data redacted; the row stays for counts. */
  @Column({ type: 'timestamptz', nullable: true }) erasedAt!: Date | null;
  /** A human took the conversation over: bots stay quiet. */
  @Column({ type: 'boolean', default: false }) humanOwned!: boolean;
  @Column({ type: 'timestamptz', nullable: true }) humanOwnedAt!: Date | null;
  /** Last live inbound message (history never counts). */
  @Column({ type: 'timestamptz', nullable: true }) lastInboundAt!: Date | null;
  /** End of the 24 h customer service window; null = never opened. */
  @Column({ type: 'timestamptz', nullable: true }) windowOpenUntil!: Date | null;
  /** Earliest inbound message known, live or from history. */
  @Column({ type: 'timestamptz', nullable: true }) firstInboundAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
