import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Campaigns get the name the marketer gave them (optional). */
export class CampaignName1795708900000 implements MigrationInterface {
  name = 'CampaignName1795708900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE campaigns ADD COLUMN name text');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE campaigns DROP COLUMN name');
  }
}
