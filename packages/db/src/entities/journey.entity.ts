import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type JourneyStatus = 'draft' | 'active' | 'paused' | 'archived';

/** A journey: its editable draft plus a pointer to the published version that runs. */
@Entity('journeys')
export class Journey {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) workspaceId!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', default: 'draft' }) status!: JourneyStatus;
  /** The graph being edited (journey-model document). */
  @Column({ type: 'jsonb', nullable: true }) draft!: Record<string, unknown> | null;
  @Column({ type: 'timestamptz', nullable: true }) draftUpdatedAt!: Date | null;
  /** Version new runs start on; null = never published. */
  @Column({ type: 'integer', nullable: true }) liveVersion!: number | null;
  /** Re-entry policy, stop-on-echo and other journey settings. */
  @Column({ type: 'jsonb', default: () => `'{}'` }) settings!: Record<string, unknown>;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
