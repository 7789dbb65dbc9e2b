import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A published, immutable snapshot of a journey (a database trigger refuses updates). */
@Entity('journey_versions')
export class JourneyVersion {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) workspaceId!: string;
  @Column({ type: 'uuid' }) journeyId!: string;
  @Column({ type: 'integer' }) version!: number;
  @Column({ type: 'jsonb' }) document!: Record<string, unknown>;
  @Column({ type: 'timestamptz', default: () => 'now()' }) publishedAt!: Date;
  @Column({ type: 'text', nullable: true }) publishedBy!: string | null;
  @Column({ type: 'text', nullable: true }) notes!: string | null;
}
