import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Numbers connected through Embedded Signup: a settable name, when Tandem asked Meta for the
 * contacts and history sync (Meta allows each once, within 24 h of onboarding — the alerts read
 * `sync_requested_at` to warn before the window closes) and why an automatic request failed.
 * The business token itself lives in `secrets` (name `meta.waba-<waba id>`), never here.
 */
export class ConnectNumbers1796730000000 implements MigrationInterface {
  name = 'ConnectNumbers1796730000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE business_numbers
      ADD COLUMN name text,
      ADD COLUMN verified_name text,
      ADD COLUMN sync_requested_at timestamptz,
      ADD COLUMN contact_sync_requested_at timestamptz,
      ADD COLUMN sync_request_error text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE business_numbers DROP COLUMN name, DROP COLUMN verified_name,
      DROP COLUMN sync_requested_at, DROP COLUMN contact_sync_requested_at, DROP COLUMN sync_request_error`);
  }
}
