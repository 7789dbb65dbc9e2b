import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Media files: what a received message carried (downloaded from Meta into Tandem's storage
 * within its link's lifetime) and what a member uploaded for sends. The row is the download's
 * work item too — state, attempts and the next attempt's time live here, in the same
 * transaction as the message, so no queue has to be kept in step with it.
 */
export class Media1796740000000 implements MigrationInterface {
  name = 'Media1796740000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE media_files (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      number_id uuid NOT NULL REFERENCES business_numbers(id) ON DELETE CASCADE,
      message_id uuid REFERENCES messages(id) ON DELETE CASCADE,
      origin text NOT NULL CHECK (origin IN ('received', 'uploaded')),
      kind text CHECK (kind IN ('image', 'video', 'audio', 'document', 'sticker')),
      state text NOT NULL CHECK (state IN ('pending', 'stored', 'not_available', 'failed')),
      meta_media_id text,
      meta_expires_at timestamptz,
      mime_type text,
      filename text,
      expected_sha256 text,
      sha256 text,
      byte_size bigint,
      storage_key text,
      failure_code text,
      failure_reason text,
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz,
      claimed_until timestamptz,
      uploaded_by uuid REFERENCES users(id) ON DELETE SET NULL,
      stored_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT ux_media_files_message UNIQUE (message_id),
      CONSTRAINT ck_media_files_stored CHECK (state <> 'stored' OR (storage_key IS NOT NULL AND sha256 IS NOT NULL))
    )`);
    await queryRunner.query(`CREATE INDEX ix_media_files_due ON media_files (next_attempt_at) WHERE state = 'pending'`);
    await queryRunner.query(`CREATE INDEX ix_media_files_workspace ON media_files (workspace_id, origin, created_at DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE media_files');
  }
}
