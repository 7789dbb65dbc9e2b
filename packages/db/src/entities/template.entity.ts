import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A message template of a WABA, kept in step by `message_template_status_update`. */
@Entity('templates')
export class Template {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) workspaceId!: string;
  @Column({ type: 'text' }) wabaId!: string;
  /** Meta's template id. */
  @Column({ type: 'text', nullable: true }) templateId!: string | null;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) language!: string;
  @Column({ type: 'text', nullable: true }) category!: string | null;
  /** APPROVED, PENDING, REJECTED, PAUSED, DISABLED … only APPROVED may be sent. */
  @Column({ type: 'text' }) status!: string;
  @Column({ type: 'jsonb', default: () => `'[]'` }) components!: unknown[];
  /** Why it was rejected, paused or disabled (Meta's `reason`). */
  @Column({ type: 'text', nullable: true }) statusReason!: string | null;
  @Column({ type: 'jsonb', nullable: true }) statusInfo!: Record<string, unknown> | null;
  /** `entry.time` of the last applied status webhook (older ones are stale). */
  @Column({ type: 'timestamptz', nullable: true }) statusChangedAt!: Date | null;
  /** Meta's quality rating (GREEN, YELLOW, RED, UNKNOWN) from `message_template_quality_update`. */
  @Column({ type: 'text', nullable: true }) qualityScore!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) qualityChangedAt!: Date | null;
  /** The category before Meta last re-categorised it (`template_category_update`). */
  @Column({ type: 'text', nullable: true }) previousCategory!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) categoryChangedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
