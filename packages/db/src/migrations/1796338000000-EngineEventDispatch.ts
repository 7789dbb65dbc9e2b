import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `domain_events` becomes the engine's queue: each worker replica claims the oldest pending
 * event of each contact under a lease and records the outcome on the row. Rows the relay had
 * published count as dispatched (the column is renamed, not copied); rows it had not yet
 * published stay pending and are dispatched by the new consumers.
 */
export class EngineEventDispatch1796338000000 implements MigrationInterface {
  name = 'EngineEventDispatch1796338000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX ix_domain_events_unpublished');
    await queryRunner.query('ALTER TABLE domain_events RENAME COLUMN published_at TO dispatched_at');
    await queryRunner.query(`ALTER TABLE domain_events
      ADD COLUMN attempts integer NOT NULL DEFAULT 0,
      ADD COLUMN next_attempt_at timestamptz,
      ADD COLUMN lease_owner text,
      ADD COLUMN lease_until timestamptz,
      ADD COLUMN last_error text,
      ADD COLUMN dead_at timestamptz`);
    // Only pending rows are indexed: the consumer's head query reads this index and nothing else grows it.
    await queryRunner.query(
      'CREATE INDEX ix_domain_events_pending ON domain_events (contact_key, id) WHERE dispatched_at IS NULL AND dead_at IS NULL',
    );
    await queryRunner.query('CREATE INDEX ix_domain_events_dead ON domain_events (dead_at) WHERE dead_at IS NOT NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX ix_domain_events_dead');
    await queryRunner.query('DROP INDEX ix_domain_events_pending');
    await queryRunner.query(`ALTER TABLE domain_events
      DROP COLUMN dead_at, DROP COLUMN last_error, DROP COLUMN lease_until, DROP COLUMN lease_owner,
      DROP COLUMN next_attempt_at, DROP COLUMN attempts`);
    await queryRunner.query('ALTER TABLE domain_events RENAME COLUMN dispatched_at TO published_at');
    await queryRunner.query('CREATE INDEX ix_domain_events_unpublished ON domain_events (id) WHERE published_at IS NULL');
  }
}
