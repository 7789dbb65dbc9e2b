import type { MigrationInterface, QueryRunner } from 'typeorm';

const timestamps = `created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()`;

/** Tenancy, numbers and the conversation store. */
const conversationTables = [
  `CREATE TABLE workspaces (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  timezone text NOT NULL DEFAULT 'UTC',
  ${timestamps}
)`,
  `CREATE TABLE business_numbers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  phone_number_id text NOT NULL,
  waba_id text NOT NULL,
  display_phone_number text NOT NULL,
  mode text NOT NULL CHECK (mode IN ('coexistence', 'cloud')),
  throughput_cap integer NOT NULL CHECK (throughput_cap > 0),
  onboarded_at timestamptz,
  connection_state text NOT NULL DEFAULT 'connected'
    CHECK (connection_state IN ('connected', 'disconnected', 'offboarded')),
  connection_reason text,
  connection_initiated_by text,
  connection_changed_at timestamptz,
  last_webhook_at timestamptz,
  last_inbound_at timestamptz,
  last_echo_at timestamptz,
  history_sync jsonb NOT NULL DEFAULT '{"status":"none"}',
  contact_sync_at timestamptz,
  health jsonb,
  ${timestamps},
  CONSTRAINT uq_business_numbers_phone_number_id UNIQUE (phone_number_id)
)`,
  `CREATE INDEX ix_business_numbers_waba ON business_numbers (waba_id)`,
  `CREATE INDEX ix_business_numbers_workspace ON business_numbers (workspace_id)`,
  `CREATE TABLE contacts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  number_id uuid NOT NULL REFERENCES business_numbers(id) ON DELETE CASCADE,
  wa_id text,
  user_id text,
  username text,
  profile_name text,
  address_book_name text,
  in_address_book boolean NOT NULL DEFAULT false,
  attributes jsonb NOT NULL DEFAULT '{}',
  tags text[] NOT NULL DEFAULT '{}',
  opted_out boolean NOT NULL DEFAULT false,
  marketing_opted_out boolean NOT NULL DEFAULT false,
  human_owned boolean NOT NULL DEFAULT false,
  human_owned_at timestamptz,
  last_inbound_at timestamptz,
  window_open_until timestamptz,
  first_inbound_at timestamptz,
  ${timestamps},
  CONSTRAINT ck_contacts_identified CHECK (wa_id IS NOT NULL OR user_id IS NOT NULL)
)`,
  `CREATE UNIQUE INDEX uq_contacts_number_wa_id ON contacts (number_id, wa_id) WHERE wa_id IS NOT NULL`,
  `CREATE UNIQUE INDEX uq_contacts_number_user_id ON contacts (number_id, user_id) WHERE user_id IS NOT NULL`,
  `CREATE INDEX ix_contacts_workspace_number ON contacts (workspace_id, number_id, created_at DESC)`,
  `CREATE INDEX ix_contacts_window ON contacts (number_id, window_open_until)`,
  `CREATE INDEX ix_contacts_tags ON contacts USING gin (tags)`,
  `CREATE TABLE messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  number_id uuid NOT NULL REFERENCES business_numbers(id) ON DELETE CASCADE,
  contact_id uuid NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  wamid text NOT NULL,
  direction text NOT NULL CHECK (direction IN ('inbound', 'api', 'app_echo')),
  source text NOT NULL CHECK (source IN ('live', 'history')),
  type text NOT NULL,
  payload jsonb NOT NULL,
  context_wamid text,
  meta_timestamp timestamptz NOT NULL,
  status text CHECK (status IN ('accepted', 'sent', 'delivered', 'read', 'played', 'failed')),
  status_timeline jsonb NOT NULL DEFAULT '[]',
  error_code integer,
  error_title text,
  pricing_category text,
  pricing_type text,
  edited_at timestamptz,
  edit jsonb,
  revoked_at timestamptz,
  journey_run_id uuid,
  journey_node_id text,
  media_placeholder boolean NOT NULL DEFAULT false,
  ${timestamps},
  CONSTRAINT uq_messages_number_wamid UNIQUE (number_id, wamid)
)`,
  `CREATE INDEX ix_messages_contact_time ON messages (contact_id, meta_timestamp, id)`,
  `CREATE INDEX ix_messages_run ON messages (journey_run_id) WHERE journey_run_id IS NOT NULL`,
  `CREATE TABLE message_status_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  number_id uuid NOT NULL REFERENCES business_numbers(id) ON DELETE CASCADE,
  wamid text NOT NULL,
  status text NOT NULL CHECK (status IN ('sent', 'delivered', 'read', 'played', 'failed')),
  occurred_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  error_code integer,
  error_title text,
  pricing_category text,
  pricing_type text,
  detail jsonb NOT NULL DEFAULT '{}',
  applied_at timestamptz,
  CONSTRAINT uq_message_status_events UNIQUE (number_id, wamid, status)
)`,
  `CREATE INDEX ix_message_status_events_orphans ON message_status_events (received_at) WHERE applied_at IS NULL`,
  `CREATE TABLE templates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  waba_id text NOT NULL,
  template_id text,
  name text NOT NULL,
  language text NOT NULL,
  category text,
  status text NOT NULL,
  components jsonb NOT NULL DEFAULT '[]',
  status_reason text,
  status_info jsonb,
  status_changed_at timestamptz,
  ${timestamps},
  CONSTRAINT uq_templates_waba_name_language UNIQUE (waba_id, name, language)
)`,
  `CREATE INDEX ix_templates_workspace ON templates (workspace_id, status)`,
];

/** Webhook intake: raw deliveries, the idempotency ledger and the engine outbox. */
const intakeTables = [
  `CREATE TABLE webhook_deliveries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  received_at timestamptz NOT NULL DEFAULT now(),
  body bytea NOT NULL,
  body_sha256 text NOT NULL,
  signature text NOT NULL,
  processed_at timestamptz,
  outcome text NOT NULL DEFAULT 'pending' CHECK (outcome IN ('pending', 'processed', 'failed', 'dead')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  event_count integer,
  notes jsonb NOT NULL DEFAULT '[]',
  CONSTRAINT uq_webhook_deliveries_body_sha256 UNIQUE (body_sha256)
)`,
  `CREATE INDEX ix_webhook_deliveries_outcome ON webhook_deliveries (outcome, received_at DESC)`,
  `CREATE TABLE processed_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  number_id uuid REFERENCES business_numbers(id) ON DELETE CASCADE,
  dedup_key text NOT NULL,
  kind text NOT NULL,
  delivery_id uuid REFERENCES webhook_deliveries(id) ON DELETE SET NULL,
  processed_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT uq_processed_events_scope_key UNIQUE (workspace_id, dedup_key)
)`,
  `CREATE TABLE domain_events (
  id bigserial PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  number_id uuid REFERENCES business_numbers(id) ON DELETE CASCADE,
  contact_key text NOT NULL,
  kind text NOT NULL,
  payload jsonb NOT NULL,
  delivery_id uuid REFERENCES webhook_deliveries(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz
)`,
  `CREATE INDEX ix_domain_events_unpublished ON domain_events (id) WHERE published_at IS NULL`,
  `CREATE INDEX ix_domain_events_contact ON domain_events (contact_key, id)`,
];

/** Journeys, versions, runs and their steps, sends and campaigns (written by the engine). */
const engineTables = [
  `CREATE TABLE journeys (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  name text NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'paused', 'archived')),
  draft jsonb,
  draft_updated_at timestamptz,
  live_version integer,
  settings jsonb NOT NULL DEFAULT '{}',
  ${timestamps}
)`,
  `CREATE INDEX ix_journeys_workspace ON journeys (workspace_id, status)`,
  `CREATE TABLE journey_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  journey_id uuid NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
  version integer NOT NULL CHECK (version > 0),
  document jsonb NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  published_by text,
  notes text,
  CONSTRAINT uq_journey_versions UNIQUE (journey_id, version)
)`,
  // Runs replay the exact graph they started on; an edited version would corrupt them.
  `CREATE FUNCTION journey_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'journey_versions rows are immutable (publish a new version instead)';
END $$`,
  `CREATE TRIGGER tr_journey_versions_immutable BEFORE UPDATE ON journey_versions
  FOR EACH ROW EXECUTE FUNCTION journey_versions_immutable()`,
  `CREATE TABLE campaigns (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  journey_id uuid NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
  version integer NOT NULL,
  segment jsonb NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'running', 'completed', 'cancelled', 'failed')),
  total integer NOT NULL DEFAULT 0,
  started integer NOT NULL DEFAULT 0,
  completed integer NOT NULL DEFAULT 0,
  failed integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
)`,
  `CREATE INDEX ix_campaigns_journey ON campaigns (journey_id, created_at DESC)`,
  `CREATE TABLE journey_runs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  journey_id uuid NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
  version integer NOT NULL,
  contact_id uuid NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  number_id uuid NOT NULL REFERENCES business_numbers(id) ON DELETE CASCADE,
  trigger_kind text NOT NULL,
  trigger_event jsonb,
  trigger_key text,
  status text NOT NULL DEFAULT 'running' CHECK (status IN
    ('running', 'waiting', 'completed', 'failed', 'cancelled', 'handed_off', 'paused', 'exited')),
  workflow_id text NOT NULL,
  temporal_run_id text,
  current_node_id text,
  started_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz,
  error jsonb,
  campaign_id uuid REFERENCES campaigns(id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT uq_journey_runs_workflow_id UNIQUE (workflow_id)
)`,
  `CREATE INDEX ix_journey_runs_workspace_started ON journey_runs (workspace_id, started_at DESC)`,
  `CREATE INDEX ix_journey_runs_journey_started ON journey_runs (journey_id, started_at DESC)`,
  `CREATE INDEX ix_journey_runs_journey_version_status ON journey_runs (journey_id, version, status)`,
  `CREATE INDEX ix_journey_runs_status_started ON journey_runs (status, started_at DESC)`,
  `CREATE INDEX ix_journey_runs_contact_started ON journey_runs (contact_id, started_at DESC)`,
  `CREATE INDEX ix_journey_runs_campaign ON journey_runs (campaign_id) WHERE campaign_id IS NOT NULL`,
  `ALTER TABLE messages ADD CONSTRAINT fk_messages_journey_run
  FOREIGN KEY (journey_run_id) REFERENCES journey_runs(id) ON DELETE SET NULL`,
  `CREATE TABLE run_steps (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  run_id uuid NOT NULL REFERENCES journey_runs(id) ON DELETE CASCADE,
  journey_id uuid NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
  version integer NOT NULL,
  node_id text NOT NULL,
  node_type text NOT NULL,
  port text,
  input jsonb,
  output jsonb,
  error jsonb,
  error_code text,
  attempt integer NOT NULL DEFAULT 1,
  started_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz,
  duration_ms integer,
  wamid text
)`,
  `CREATE INDEX ix_run_steps_run ON run_steps (run_id, started_at, id)`,
  `CREATE INDEX ix_run_steps_journey_node ON run_steps (journey_id, version, node_id, port)`,
  `CREATE INDEX ix_run_steps_wamid ON run_steps (wamid) WHERE wamid IS NOT NULL`,
  `CREATE TABLE outbox_sends (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  idempotency_key text NOT NULL,
  number_id uuid NOT NULL REFERENCES business_numbers(id) ON DELETE CASCADE,
  contact_id uuid NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  run_id uuid REFERENCES journey_runs(id) ON DELETE SET NULL,
  node_id text,
  payload jsonb NOT NULL,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'accepted', 'failed', 'refused')),
  wamid text,
  error_code integer,
  error jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT uq_outbox_sends_idempotency_key UNIQUE (idempotency_key)
)`,
  `CREATE INDEX ix_outbox_sends_state ON outbox_sends (state, created_at)`,
  `CREATE INDEX ix_outbox_sends_wamid ON outbox_sends (wamid) WHERE wamid IS NOT NULL`,
];

const dropOrder = [
  'outbox_sends',
  'run_steps',
  'journey_runs',
  'campaigns',
  'journey_versions',
  'journeys',
  'domain_events',
  'processed_events',
  'webhook_deliveries',
  'templates',
  'message_status_events',
  'messages',
  'contacts',
  'business_numbers',
  'workspaces',
];

/** The whole first schema, written by hand (no `synchronize`, no generated diff). */
export class InitialSchema1795708800000 implements MigrationInterface {
  name = 'InitialSchema1795708800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of [...conversationTables, ...intakeTables, ...engineTables]) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE messages DROP CONSTRAINT fk_messages_journey_run');
    for (const table of dropOrder) await queryRunner.query(`DROP TABLE ${table}`);
    await queryRunner.query('DROP FUNCTION journey_versions_immutable()');
  }
}
