import { preparedStatement } from '@tandem/db';
import { liveVersionsJson, type LiveVersionRow } from './journey-catalog';

// The dispatcher's reads, run once or more per engine event: named prepared statements.

/** Facts of an event's contact (see `Dispatcher.contactFacts`): $1 contact, $2 open run statuses, $3 wamid, $4 workspace, $5 event id. */
export const contactFactsStatement = preparedStatement<{
  startable: boolean;
  open_runs: string[];
  first_message: boolean;
  live: LiveVersionRow[];
  started_by_event: string[];
}>(
  'dispatcher_contact_facts',
  `SELECT coalesce(NOT c.human_owned, false) AS startable,
     ARRAY(SELECT r.workflow_id FROM journey_runs r WHERE r.contact_id = k.id AND r.status = ANY($2)) AS open_runs,
     $3::text IS NOT NULL AND NOT EXISTS (
       SELECT 1 FROM messages m WHERE m.contact_id = k.id AND m.direction = 'inbound' AND m.wamid <> $3) AS first_message,
     ${liveVersionsJson('$4')} AS live,
     ARRAY(SELECT r.journey_id::text FROM journey_runs r WHERE r.contact_id = k.id AND r.trigger_key = $5) AS started_by_event
   FROM (SELECT $1::uuid AS id) k LEFT JOIN contacts c ON c.id = k.id`,
);

/** Contacts with an open run on a number, not human-owned: $1 number, $2 open run statuses. */
export const openRunContactsStatement = preparedStatement<{ id: string }>(
  'dispatcher_open_run_contacts',
  `SELECT DISTINCT c.id FROM contacts c JOIN journey_runs r ON r.contact_id = c.id
   WHERE r.number_id = $1 AND r.status = ANY($2) AND NOT c.human_owned`,
);

/** The contact, if it is not human-owned: $1 contact. */
export const startableContactStatement = preparedStatement<{ id: string }>(
  'dispatcher_startable_contact',
  'SELECT id FROM contacts WHERE id = $1 AND NOT human_owned',
);

/** A run of a journey for a contact started by an event: $1 journey, $2 contact, $3 event id. */
export const startedByStatement = preparedStatement(
  'dispatcher_started_by',
  'SELECT 1 FROM journey_runs WHERE journey_id = $1 AND contact_id = $2 AND trigger_key = $3 LIMIT 1',
);
