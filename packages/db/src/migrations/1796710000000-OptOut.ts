import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Opt-out done right (#14): Meta's per-user marketing limit (131049) holds a contact until an
 * instant instead of opting it out for good; every opt change is kept per contact; each
 * workspace edits its keywords and confirmations; campaigns record why a contact was skipped;
 * an erased contact keeps its row (for counts and foreign keys) without its identity.
 */
export class OptOut1796710000000 implements MigrationInterface {
  name = 'OptOut1796710000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE contacts ADD COLUMN marketing_held_until timestamptz, ADD COLUMN erased_at timestamptz`);
    // An erased contact keeps its row without any WhatsApp id.
    await queryRunner.query(`ALTER TABLE contacts DROP CONSTRAINT ck_contacts_identified,
      ADD CONSTRAINT ck_contacts_identified CHECK (wa_id IS NOT NULL OR user_id IS NOT NULL OR erased_at IS NOT NULL)`);
    await queryRunner.query(`ALTER TABLE workspaces ADD COLUMN opt_out_settings jsonb`);
    await queryRunner.query(`CREATE TABLE contact_opt_events (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      contact_id uuid NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('opt_out', 'opt_in', 'held', 'undo')),
      scope text NOT NULL DEFAULT 'all' CHECK (scope IN ('all', 'marketing')),
      source text NOT NULL CHECK (source IN ('keyword', 'admin', 'api', 'meta_code', 'journey')),
      detail jsonb NOT NULL DEFAULT '{}',
      actor_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
      at timestamptz NOT NULL DEFAULT now()
    )`);
    await queryRunner.query(`CREATE INDEX ix_contact_opt_events_contact ON contact_opt_events (contact_id, at DESC)`);
    await queryRunner.query(`CREATE TABLE campaign_skips (
      campaign_id uuid NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
      contact_id uuid NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
      reason text NOT NULL,
      at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (campaign_id, contact_id)
    )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE campaign_skips');
    await queryRunner.query('DROP TABLE contact_opt_events');
    await queryRunner.query('ALTER TABLE workspaces DROP COLUMN opt_out_settings');
    await queryRunner.query('DELETE FROM contacts WHERE wa_id IS NULL AND user_id IS NULL');
    await queryRunner.query(`ALTER TABLE contacts DROP CONSTRAINT ck_contacts_identified,
      ADD CONSTRAINT ck_contacts_identified CHECK (wa_id IS NOT NULL OR user_id IS NOT NULL)`);
    await queryRunner.query('ALTER TABLE contacts DROP COLUMN marketing_held_until, DROP COLUMN erased_at');
  }
}
