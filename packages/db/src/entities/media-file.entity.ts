import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** `received`: carried by a message (inbound, echo, history); `uploaded`: by a member, for sends. */
export type MediaOrigin = 'received' | 'uploaded';
/** `not_available`: will never be downloaded (history older than 14 days, an echo without id). */
export type MediaState = 'pending' | 'stored' | 'not_available' | 'failed';
/** Why a media file is `failed` or `not_available`. */
export type MediaFailureCode =
  'expired' | 'sha256_mismatch' | 'too_large' | 'meta_error' | 'attempts_exhausted' | 'history_too_old' | 'no_media_id';

/** A media file of a workspace and, while `pending`, the work item of its download. */
@Entity('media_files')
export class MediaFile {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) workspaceId!: string;
  @Column({ type: 'uuid' }) numberId!: string;
  @Column({ type: 'uuid', nullable: true }) messageId!: string | null;
  @Column({ type: 'text' }) origin!: MediaOrigin;
  /** Unknown (null) only for a history placeholder that will never be downloaded. */
  @Column({ type: 'text', nullable: true }) kind!: string | null;
  @Column({ type: 'text' }) state!: MediaState;
  /** Meta's media id: downloadable 7 days after receipt; an upload's is sendable for 30 days. */
  @Column({ type: 'text', nullable: true }) metaMediaId!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) metaExpiresAt!: Date | null;
  @Column({ type: 'text', nullable: true }) mimeType!: string | null;
  @Column({ type: 'text', nullable: true }) filename!: string | null;
  /** As Meta announced it (base64 or hex); the stored bytes must match. */
  @Column({ type: 'text', nullable: true }) expectedSha256!: string | null;
  /** Hex sha256 of the stored bytes; also their content address. */
  @Column({ type: 'text', nullable: true }) sha256!: string | null;
  @Column({
    type: 'bigint',
    nullable: true,
    transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  byteSize!: number | null;
  @Column({ type: 'text', nullable: true }) storageKey!: string | null;
  @Column({ type: 'text', nullable: true }) failureCode!: MediaFailureCode | null;
  @Column({ type: 'text', nullable: true }) failureReason!: string | null;
  @Column({ type: 'integer', default: 0 }) attempts!: number;
  @Column({ type: 'timestamptz', nullable: true }) nextAttemptAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) claimedUntil!: Date | null;
  @Column({ type: 'uuid', nullable: true }) uploadedBy!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) storedAt!: Date | null;
  @Column({ type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}
