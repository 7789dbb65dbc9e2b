import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Template quality and category as Meta reports them, and alerts: one row per open problem
 * of a subject (a number, a template …), read marks per member, the URLs a workspace has
 * alerts posted to and the log of those posts (which is also their outbox).
 */
export class TemplatesAlerts1796750000000 implements MigrationInterface {
  name = 'TemplatesAlerts1796750000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE templates
      ADD COLUMN quality_score text,
      ADD COLUMN quality_changed_at timestamptz,
      ADD COLUMN previous_category text,
      ADD COLUMN category_changed_at timestamptz`);
    await queryRunner.query(`CREATE TABLE alerts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      kind text NOT NULL,
      subject text NOT NULL,
      severity text NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
      title text NOT NULL,
      body text NOT NULL,
      data jsonb NOT NULL DEFAULT '{}',
      raise_count integer NOT NULL DEFAULT 1,
      raised_at timestamptz NOT NULL DEFAULT now(),
      last_raised_at timestamptz NOT NULL DEFAULT now(),
      resolved_at timestamptz
    )`);
    // At most one open alert per problem: raising it again only counts.
    await queryRunner.query('CREATE UNIQUE INDEX ux_alerts_open_subject ON alerts (workspace_id, kind, subject) WHERE resolved_at IS NULL');
    await queryRunner.query('CREATE INDEX ix_alerts_workspace_raised ON alerts (workspace_id, raised_at DESC)');
    await queryRunner.query(`CREATE TABLE alert_reads (
      alert_id uuid NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      read_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (alert_id, user_id)
    )`);
    await queryRunner.query(`CREATE TABLE alert_endpoints (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      url text NOT NULL,
      description text,
      kinds text[] NOT NULL DEFAULT '{}',
      secret_name text NOT NULL,
      enabled boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await queryRunner.query(`CREATE TABLE alert_deliveries (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      endpoint_id uuid NOT NULL REFERENCES alert_endpoints(id) ON DELETE CASCADE,
      alert_id uuid NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
      event text NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      response_status integer,
      last_error text,
      delivered_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await queryRunner.query(`CREATE INDEX ix_alert_deliveries_due ON alert_deliveries (next_attempt_at) WHERE status = 'pending'`);
    await queryRunner.query('CREATE INDEX ix_alert_deliveries_endpoint ON alert_deliveries (endpoint_id, created_at DESC)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE alert_deliveries');
    await queryRunner.query('DROP TABLE alert_endpoints');
    await queryRunner.query('DROP TABLE alert_reads');
    await queryRunner.query('DROP TABLE alerts');
    await queryRunner.query(`ALTER TABLE templates DROP COLUMN quality_score, DROP COLUMN quality_changed_at,
      DROP COLUMN previous_category, DROP COLUMN category_changed_at`);
  }
}
