import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Conversation ownership with a lifecycle (#14). `contacts.ownership` (bot | human | closed) is
 * the one stored truth; `human_owned`, which the dispatcher, the send rule and campaigns read,
 * becomes a generated column of it so the two can never disagree. Every change is a row of
 * `conversation_events`. Workspaces say when a human-owned conversation returns to the bot.
 */
export class ConversationOwnership1796700000000 implements MigrationInterface {
  name = 'ConversationOwnership1796700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}

const UP = [
  `ALTER TABLE contacts
     ADD COLUMN ownership text NOT NULL DEFAULT 'bot' CHECK (ownership IN ('bot', 'human', 'closed')),
     ADD COLUMN owner_kind text CHECK (owner_kind IN ('teammate', 'agent', 'journey')),
     ADD COLUMN owner_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
     ADD COLUMN last_human_message_at timestamptz`,
  // Before this migration only a teammate's echo (through a run's hand-off) or core.handoff set it.
  `UPDATE contacts SET ownership = 'human', owner_kind = 'teammate', human_owned_at = coalesce(human_owned_at, updated_at)
   WHERE human_owned`,
  `ALTER TABLE contacts DROP COLUMN human_owned`,
  `ALTER TABLE contacts ADD COLUMN human_owned boolean GENERATED ALWAYS AS (ownership = 'human') STORED`,
  `ALTER TABLE contacts ADD CONSTRAINT ck_contacts_owner CHECK (ownership = 'human' OR (owner_kind IS NULL AND owner_user_id IS NULL))`,
  // The sweeper's scan: only human-owned conversations can be due to return to the bot.
  `CREATE INDEX ix_contacts_human_owned ON contacts (workspace_id) WHERE ownership = 'human'`,
  `CREATE TABLE conversation_events (
     id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
     workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
     contact_id uuid NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
     kind text NOT NULL CHECK (kind IN ('taken', 'given_back', 'closed')),
     from_state text NOT NULL CHECK (from_state IN ('bot', 'human', 'closed')),
     to_state text NOT NULL CHECK (to_state IN ('bot', 'human', 'closed')),
     owner_kind text CHECK (owner_kind IN ('teammate', 'agent', 'journey')),
     owner_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
     actor_kind text NOT NULL CHECK (actor_kind IN ('teammate', 'member', 'journey', 'system')),
     actor_id text,
     reason text NOT NULL,
     run_ids uuid[] NOT NULL DEFAULT '{}',
     -- What the change did to each affected run: run id -> paused | stopped | resumed | ended.
     run_effects jsonb NOT NULL DEFAULT '{}',
     at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE INDEX ix_conversation_events_contact ON conversation_events (contact_id, at, id)`,
  `CREATE INDEX ix_conversation_events_runs ON conversation_events USING gin (run_ids)`,
  `ALTER TABLE workspaces
     ADD COLUMN bot_returns_after_hours integer DEFAULT 12 CHECK (bot_returns_after_hours BETWEEN 1 AND 720),
     ADD COLUMN bot_returns_on_window_close boolean NOT NULL DEFAULT false`,
];

const DOWN = [
  `ALTER TABLE workspaces DROP COLUMN bot_returns_on_window_close, DROP COLUMN bot_returns_after_hours`,
  `DROP TABLE conversation_events`,
  `DROP INDEX ix_contacts_human_owned`,
  `ALTER TABLE contacts DROP CONSTRAINT ck_contacts_owner`,
  `ALTER TABLE contacts DROP COLUMN human_owned`,
  `ALTER TABLE contacts ADD COLUMN human_owned boolean NOT NULL DEFAULT false`,
  `UPDATE contacts SET human_owned = true WHERE ownership = 'human'`,
  `ALTER TABLE contacts DROP COLUMN last_human_message_at, DROP COLUMN owner_user_id, DROP COLUMN owner_kind, DROP COLUMN ownership`,
];
