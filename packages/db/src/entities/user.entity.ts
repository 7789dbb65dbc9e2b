import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A person who signs in. Belongs to workspaces through {@link WorkspaceMember}. */
@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** Always lower case; unique. */
  @Column({ type: 'text' }) email!: string;
  @Column({ type: 'text', default: '' }) name!: string;
  /** argon2id; null until the person sets a password through a one-time link. */
  @Column({ type: 'text', nullable: true }) passwordHash!: string | null;
  /** Consecutive failed sign-ins; reset by a successful one. */
  @Column({ type: 'integer', default: 0 }) failedSignIns!: number;
  @Column({ type: 'timestamptz', nullable: true }) lockedUntil!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
