import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A bearer token for automation: one workspace, one role; only its SHA-256 is stored. */
@Entity('api_tokens')
export class ApiToken {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) workspaceId!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) role!: 'viewer' | 'agent' | 'marketer' | 'developer' | 'admin';
  @Column({ type: 'text' }) tokenHash!: string;
  /** The first characters of the token, shown in lists so a person can tell tokens apart. */
  @Column({ type: 'text' }) prefix!: string;
  @Column({ type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) expiresAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) lastUsedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
}
