import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type CampaignStatus = 'draft' | 'running' | 'completed' | 'cancelled' | 'failed';

/** A journey version started for every contact of a segment. */
@Entity('campaigns')
export class Campaign {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) workspaceId!: string;
  @Column({ type: 'uuid' }) journeyId!: string;
  @Column({ type: 'integer' }) version!: number;
  @Column({ type: 'text', nullable: true }) name!: string | null;
  @Column({ type: 'jsonb' }) segment!: Record<string, unknown>;
  @Column({ type: 'text', default: 'draft' }) status!: CampaignStatus;
  @Column({ type: 'integer', default: 0 }) total!: number;
  @Column({ type: 'integer', default: 0 }) started!: number;
  @Column({ type: 'integer', default: 0 }) completed!: number;
  @Column({ type: 'integer', default: 0 }) failed!: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) finishedAt!: Date | null;
}
