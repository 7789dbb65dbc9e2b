import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People, their workspaces and roles, sessions, API tokens, one-time password links and the
 * audit log. Existing rows keep their workspace (every table already carried `workspace_id`);
 * webhook deliveries learn which numbers and WABAs they name, so each workspace sees its own
 * (backfilled from the stored bodies).
 */
export class Teams1796500000000 implements MigrationInterface {
  name = 'Teams1796500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      email text NOT NULL,
      name text NOT NULL DEFAULT '',
      password_hash text,
      failed_sign_ins integer NOT NULL DEFAULT 0,
      locked_until timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT ck_users_email_lower CHECK (email = lower(email))
    )`);
    await queryRunner.query('CREATE UNIQUE INDEX ux_users_email ON users (email)');
    await queryRunner.query(`CREATE TABLE workspace_members (
      workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      role text NOT NULL CHECK (role IN ('viewer', 'agent', 'marketer', 'developer', 'admin')),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, user_id)
    )`);
    await queryRunner.query('CREATE INDEX ix_workspace_members_user ON workspace_members (user_id)');
    await queryRunner.query(`CREATE TABLE sessions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      token_hash text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      idle_expires_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      revoked_at timestamptz,
      ip text,
      user_agent text
    )`);
    await queryRunner.query('CREATE INDEX ix_sessions_user ON sessions (user_id) WHERE revoked_at IS NULL');
    await queryRunner.query(`CREATE TABLE api_tokens (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      name text NOT NULL,
      role text NOT NULL CHECK (role IN ('viewer', 'agent', 'marketer', 'developer', 'admin')),
      token_hash text NOT NULL UNIQUE,
      prefix text NOT NULL,
      created_by uuid REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz,
      last_used_at timestamptz,
      revoked_at timestamptz
    )`);
    await queryRunner.query('CREATE INDEX ix_api_tokens_workspace ON api_tokens (workspace_id, created_at)');
    await queryRunner.query(`CREATE TABLE password_resets (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      token_hash text NOT NULL UNIQUE,
      created_by uuid REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      used_at timestamptz
    )`);
    await queryRunner.query(`CREATE TABLE audit_log (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      at timestamptz NOT NULL DEFAULT now(),
      actor_type text NOT NULL CHECK (actor_type IN ('user', 'token', 'system')),
      actor_id uuid,
      actor_label text NOT NULL,
      action text NOT NULL,
      target_type text NOT NULL,
      target_id text,
      target_label text,
      before jsonb,
      after jsonb,
      ip text,
      user_agent text
    )`);
    await queryRunner.query('CREATE INDEX ix_audit_log_workspace ON audit_log (workspace_id, id DESC)');
    await queryRunner.query(`ALTER TABLE webhook_deliveries
      ADD COLUMN phone_number_ids text[] NOT NULL DEFAULT '{}',
      ADD COLUMN waba_ids text[] NOT NULL DEFAULT '{}'`);
    // Bodies that are not JSON (or not Meta's shape) name nothing; the rest are read once here.
    await queryRunner.query(`UPDATE webhook_deliveries d SET
        phone_number_ids = ARRAY(SELECT DISTINCT jsonb_array_elements_text(
          jsonb_path_query_array(b.doc, '$.entry[*].changes[*].value.metadata.phone_number_id'))),
        waba_ids = ARRAY(SELECT DISTINCT jsonb_array_elements_text(jsonb_path_query_array(b.doc, '$.entry[*].id')))
      FROM (SELECT id, CASE WHEN convert_from(body, 'UTF8') ~ '^\\s*\\{' THEN convert_from(body, 'UTF8')::jsonb END AS doc
            FROM webhook_deliveries) b
      WHERE b.id = d.id AND b.doc IS NOT NULL`);
    await queryRunner.query('CREATE INDEX ix_webhook_deliveries_numbers ON webhook_deliveries USING gin (phone_number_ids)');
    await queryRunner.query('CREATE INDEX ix_webhook_deliveries_wabas ON webhook_deliveries USING gin (waba_ids)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX ix_webhook_deliveries_wabas');
    await queryRunner.query('DROP INDEX ix_webhook_deliveries_numbers');
    await queryRunner.query('ALTER TABLE webhook_deliveries DROP COLUMN waba_ids, DROP COLUMN phone_number_ids');
    for (const table of ['audit_log', 'password_resets', 'api_tokens', 'sessions', 'workspace_members', 'users']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
