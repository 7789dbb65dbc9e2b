import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhook deliveries are scheduled from PostgreSQL, not from a job queue: a row belongs to
 * the api process that claimed it (`claimed_by`) until `next_attempt_at`; after that the
 * sweeper of any replica takes it (a crashed process's leftovers, a retry whose backoff is due).
 * Rows pending at migration time are due at once.
 */
export class DeliveryClaims1795709100000 implements MigrationInterface {
  name = 'DeliveryClaims1795709100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE webhook_deliveries ADD COLUMN next_attempt_at timestamptz NOT NULL DEFAULT now(), ADD COLUMN claimed_by uuid',
    );
    await queryRunner.query(
      `CREATE INDEX ix_webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE outcome IN ('pending', 'failed')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX ix_webhook_deliveries_due');
    await queryRunner.query('ALTER TABLE webhook_deliveries DROP COLUMN next_attempt_at, DROP COLUMN claimed_by');
  }
}
