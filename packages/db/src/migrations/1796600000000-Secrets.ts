import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Node credentials encrypted at rest (AES-256-GCM). Only the ciphertext, its nonce and tag and
 * the id of the key that sealed it are stored; the key itself lives in TANDEM_SECRETS_KEYS.
 */
export class Secrets1796600000000 implements MigrationInterface {
  name = 'Secrets1796600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE secrets (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      name text NOT NULL CHECK (name ~ '^[a-z][a-z0-9_.-]{0,63}$'),
      key_id text NOT NULL,
      nonce bytea NOT NULL,
      ciphertext bytea NOT NULL,
      auth_tag bytea NOT NULL,
      created_by uuid REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT ux_secrets_workspace_name UNIQUE (workspace_id, name)
    )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE secrets');
  }
}
