import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One sealed credential of a workspace (see secrets/secret-box.ts); never holds the plain value. */
@Entity('secrets')
export class Secret {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) workspaceId!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) keyId!: string;
  @Column({ type: 'bytea' }) nonce!: Buffer;
  @Column({ type: 'bytea' }) ciphertext!: Buffer;
  @Column({ type: 'bytea' }) authTag!: Buffer;
  @Column({ type: 'uuid', nullable: true }) createdBy!: string | null;
  @Column({ type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}
