import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Who did what to which thing, when and from where, with a small before/after. Append-only. */
@Entity('audit_log')
export class AuditEntry {
  /** bigint identity; TypeORM hands it over as a string. */
  @PrimaryColumn({ type: 'bigint', generatedIdentity: 'ALWAYS' }) id!: string;
  @Column({ type: 'uuid' }) workspaceId!: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at!: Date;
  @Column({ type: 'text' }) actorType!: 'user' | 'token' | 'system';
  @Column({ type: 'uuid', nullable: true }) actorId!: string | null;
  @Column({ type: 'text' }) actorLabel!: string;
  @Column({ type: 'text' }) action!: string;
  @Column({ type: 'text' }) targetType!: string;
  @Column({ type: 'text', nullable: true }) targetId!: string | null;
  @Column({ type: 'text', nullable: true }) targetLabel!: string | null;
  @Column({ type: 'jsonb', nullable: true }) before!: unknown;
  @Column({ type: 'jsonb', nullable: true }) after!: unknown;
  @Column({ type: 'text', nullable: true }) ip!: string | null;
  @Column({ type: 'text', nullable: true }) userAgent!: string | null;
}
