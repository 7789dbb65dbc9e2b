import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The shared inbox: who a conversation (a contact on a number) is assigned to, each
 * member's read marker, internal notes, and the replies agents sent from the web (the send
 * itself is an `outbox_sends` row keyed `inbox:<reply id>`, so the send path stays the one way out).
 */
export class Inbox1796720000000 implements MigrationInterface {
  name = 'Inbox1796720000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE contacts ADD COLUMN assigned_user_id uuid REFERENCES users(id) ON DELETE SET NULL`);
    await queryRunner.query(`CREATE INDEX ix_contacts_workspace_assigned ON contacts (workspace_id, assigned_user_id)`);
    await queryRunner.query(`CREATE TABLE conversation_reads (
      contact_id uuid NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      read_at timestamptz NOT NULL,
      PRIMARY KEY (contact_id, user_id)
    )`);
    await queryRunner.query(`CREATE TABLE conversation_notes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      contact_id uuid NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
      author_id uuid REFERENCES users(id) ON DELETE SET NULL,
      author_label text NOT NULL,
      body text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await queryRunner.query(`CREATE INDEX ix_conversation_notes_contact ON conversation_notes (contact_id, created_at)`);
    await queryRunner.query(`CREATE TABLE inbox_replies (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      contact_id uuid NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
      number_id uuid NOT NULL REFERENCES business_numbers(id) ON DELETE CASCADE,
      user_id uuid REFERENCES users(id) ON DELETE SET NULL,
      author_label text NOT NULL,
      message jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await queryRunner.query(`CREATE INDEX ix_inbox_replies_contact ON inbox_replies (contact_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE inbox_replies');
    await queryRunner.query('DROP TABLE conversation_notes');
    await queryRunner.query('DROP TABLE conversation_reads');
    await queryRunner.query('ALTER TABLE contacts DROP COLUMN assigned_user_id');
  }
}
