import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A tenant. Every other row carries its `workspace_id`. */
@Entity('workspaces')
export class Workspace {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) name!: string;
  /** IANA zone used for quiet hours and "send at 9:00" in journeys. */
  @Column({ type: 'text', default: 'UTC' }) timezone!: string;
  /** A human-owned conversation returns to the bot after this many hours without a human message (null: never by time). */
  @Column({ type: 'integer', nullable: true, default: 12 }) botReturnsAfterHours!: number | null;
  /** ...and/or when the customer-service window closes. */
  @Column({ type: 'boolean', default: false }) botReturnsOnWindowClose!: boolean;
  /** Opt-out keywords and confirmations (`OptOutSettings` of @tandem/whatsapp); null = the defaults. */
  @Column({ type: 'jsonb', nullable: true }) optOutSettings!: Record<string, unknown> | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
