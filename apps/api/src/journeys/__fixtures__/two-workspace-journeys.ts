import { journeyBuilder, type JourneyDocument } from '@tandem/journey-model';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { createTwoWorkspaces, type TestWorkspace } from '../../auth/__fixtures__/two-workspaces';
import type { EngineApiHarness } from './engine-api-harness';

/** An id no row has: what a foreign id must be indistinguishable from. */
export const MISSING_ID = '0f1e7a52-0000-4000-8000-000000000000';

/** An API-triggered journey on `numberId`: send a text, end. */
export const apiJourney = (numberId: string, text = 'Hello'): JourneyDocument =>
  journeyBuilder()
    .trigger({ kind: 'api' })
    .node('hello', 'core.send-text@1', { text })
    .node('end', 'core.end@1')
    .chain('hello', 'end')
    .settings({ numberId })
    .build();

/** Calls the api as one principal: a session cookie, or an `Authorization: Bearer …` header. */
export function callAs(h: EngineApiHarness, credential: string) {
  const auth = (t: request.Test) => (credential.startsWith('Bearer ') ? t.set('Authorization', credential) : t.set('Cookie', credential));
  const server = () => request(h.app.getHttpServer());
  return (method: 'get' | 'post' | 'put' | 'patch', path: string, body?: object) => {
    const t = auth(server()[method](path));
    return method === 'get' ? t : t.send(body ?? {});
  };
}

/** Each workspace's rows: a published journey, a contact, a waiting run with one step. */
export interface WorkspaceRows {
  journeyId: string;
  contactId: string;
  runId: string;
}

async function rowsOf(h: EngineApiHarness, ws: TestWorkspace, name: string): Promise<WorkspaceRows> {
  const call = callAs(h, ws.members.admin.cookie);
  const journeyId = (await call('post', '/api/journeys', { name, document: apiJourney(ws.numberId) }).expect(201)).body.id;
  await call('post', `/api/journeys/${journeyId}/publish`).expect(200);
  const contact = await h.insert('contacts', { workspace_id: ws.id, number_id: ws.numberId, wa_id: `1555${ws.phoneNumberId.slice(-7)}` });
  const run = await h.insert('journey_runs', {
    workspace_id: ws.id,
    journey_id: journeyId,
    version: 1,
    contact_id: contact.id,
    number_id: ws.numberId,
    trigger_kind: 'api',
    status: 'waiting',
    // No such workflow in Temporal: a cancel that got past the workspace check would answer 409, not 404.
    workflow_id: `wf-isolation-${name}`,
  });
  await h.insert('run_steps', {
    workspace_id: ws.id,
    run_id: run.id,
    journey_id: journeyId,
    version: 1,
    node_id: 'hello',
    node_type: 'core.send-text@1',
    port: 'main',
    input: { text: `Hello from ${name}` },
    output: { wamid: `wamid.${name}` },
  });
  return { journeyId, contactId: contact.id, runId: run.id };
}

/** "Acme" (A) and "Globex" (B), each with its members, admin token and rows. */
export async function twoWorkspacesWithJourneys(h: EngineApiHarness) {
  const { a, b } = await createTwoWorkspaces(h.ds);
  return { a, b, rowsA: await rowsOf(h, a, 'acme'), rowsB: await rowsOf(h, b, 'globex') };
}

const TABLES = ['journeys', 'journey_versions', 'journey_runs', 'run_steps', 'contacts', 'audit_log'];

/** One digest per table of every row: equal before and after means nothing was written. */
export async function databaseDigest(ds: DataSource): Promise<Record<string, string>> {
  const digest: Record<string, string> = {};
  for (const table of TABLES) {
    const [row] = await ds.query(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM ${table} t`,
    );
    digest[table] = `${row.n}:${row.h}`;
  }
  return digest;
}

/** A body with `ids` replaced by a placeholder, to compare a foreign id's answer with a missing one's. */
export function withoutIds(body: unknown, ...ids: string[]): unknown {
  let text = JSON.stringify(body);
  for (const id of ids) text = text.replaceAll(id, '<id>');
  return JSON.parse(text);
}
