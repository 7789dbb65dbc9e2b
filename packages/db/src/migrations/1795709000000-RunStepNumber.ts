import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Steps carry their visit number, the order a run took them in. Start times cannot give that
 * order: a run's flow steps are stamped with workflow time, which stands still while local
 * activities (action nodes) run inside one workflow task.
 */
export class RunStepNumber1795709000000 implements MigrationInterface {
  name = 'RunStepNumber1795709000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE run_steps ADD COLUMN step integer');
    await queryRunner.query('CREATE INDEX run_steps_run_step_idx ON run_steps (run_id, step)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX run_steps_run_step_idx');
    await queryRunner.query('ALTER TABLE run_steps DROP COLUMN step');
  }
}
