import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One role of one user in one workspace. */
@Entity('workspace_members')
export class WorkspaceMember {
  @PrimaryColumn({ type: 'uuid' }) workspaceId!: string;
  @PrimaryColumn({ type: 'uuid' }) userId!: string;
  @Column({ type: 'text' }) role!: 'viewer' | 'agent' | 'marketer' | 'developer' | 'admin';
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
