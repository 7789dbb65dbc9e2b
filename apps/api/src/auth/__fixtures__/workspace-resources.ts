import { loadConfig } from '@tandem/config';
import { SecretStore, secretKeysFromEnv } from '@tandem/db';
import { journeyBuilder, type JourneyDocument } from '@tandem/journey-model';
import { createHash, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { issueApiToken } from '../api-tokens.service';
import { LocalDiskMediaStorage } from '../../media/storage/local-disk.storage';
import { mediaKey } from '../../media/storage/media-storage';
import { createMember } from './principals';
import type { TestWorkspace } from './two-workspaces';

/** One row of each resource a workspace owns, for authorization and isolation tests. */
export interface WorkspaceResources {
  journeyId: string;
  /** The journey's live draft document (valid; on the workspace's number). */
  document: JourneyDocument;
  versionId: string;
  runId: string;
  contactId: string;
  messageId: string;
  campaignId: string;
  templateId: string;
  deliveryId: string;
  deadLetterId: string;
  /** A member nobody else relies on (routes that remove or demote members may act on it). */
  spareMemberId: string;
  /** A live session of another member (a session id to name in `DELETE /api/auth/sessions/:id`). */
  otherSessionId: string;
  /** A viewer token nobody else relies on (routes that revoke tokens may act on it). */
  spareTokenId: string;
  /** A node credential of the workspace (routes that replace or delete credentials may act on it). */
  credentialName: string;
  /** A stored media file of the workspace (received with its message). */
  mediaId: string;
  /** An alert endpoint of the workspace (routes that change or delete endpoints may act on it). */
  alertEndpointId: string;
  /** The workspace's number (bodies that name one). */
  numberId: string;
}

async function insert(ds: DataSource, table: string, row: Record<string, unknown>): Promise<string> {
  const cols = Object.keys(row);
  const values = Object.values(row).map((v) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? JSON.stringify(v) : v));
  const [inserted] = await ds.query(
    `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
    values,
  );
  return inserted.id;
}

/** A signed-looking webhook body naming the workspace's number, stored as a delivery with the given outcome. */
function delivery(ws: TestWorkspace, outcome: 'processed' | 'dead') {
  const body = JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      { id: ws.wabaId, changes: [{ field: 'messages', value: { metadata: { phone_number_id: ws.phoneNumberId }, note: randomUUID() } }] },
    ],
  });
  return {
    body: Buffer.from(body),
    body_sha256: createHash('sha256').update(body).digest('hex'),
    signature: 'sha256=test',
    outcome,
    attempts: outcome === 'dead' ? 8 : 1,
    phone_number_ids: [ws.phoneNumberId],
    waba_ids: [ws.wabaId],
  };
}

/**
 * Writes one of each resource straight into the workspace: an active journey with version 1,
 * an ended run, a contact with a message, a finished campaign, a template, a processed
 * delivery and a dead letter, plus a spare member, a session and a spare token.
 */
export async function seedWorkspaceResources(ds: DataSource, ws: TestWorkspace): Promise<WorkspaceResources> {
  const document = journeyBuilder()
    .trigger({ kind: 'api' })
    .node('hello', 'core.send-text@1', { text: 'Hello' })
    .node('end', 'core.end@1')
    .chain('hello', 'end')
    .settings({ numberId: ws.numberId, reEntry: 'one_at_a_time' })
    .build();
  const workspace_id = ws.id;
  const journeyId = await insert(ds, 'journeys', {
    workspace_id,
    name: 'Welcome',
    status: 'active',
    draft: document,
    draft_updated_at: new Date(),
    live_version: 1,
  });
  const versionId = await insert(ds, 'journey_versions', {
    workspace_id,
    journey_id: journeyId,
    version: 1,
    document,
    published_by: 'test',
  });
  const contactId = await insert(ds, 'contacts', {
    workspace_id,
    number_id: ws.numberId,
    wa_id: `1555${ws.phoneNumberId.slice(-7)}`,
    profile_name: 'Maria',
  });
  const messageId = await insert(ds, 'messages', {
    workspace_id,
    number_id: ws.numberId,
    contact_id: contactId,
    wamid: `wamid.${randomUUID()}`,
    direction: 'inbound',
    source: 'live',
    type: 'text',
    payload: { text: { body: 'hi' } },
    meta_timestamp: new Date(),
  });
  const campaignId = await insert(ds, 'campaigns', { workspace_id, journey_id: journeyId, version: 1, segment: {}, status: 'completed' });
  const runId = await insert(ds, 'journey_runs', {
    workspace_id,
    journey_id: journeyId,
    version: 1,
    contact_id: contactId,
    number_id: ws.numberId,
    trigger_kind: 'api',
    workflow_id: `wf-${randomUUID()}`,
    status: 'completed',
    ended_at: new Date(),
  });
  const templateId = await insert(ds, 'templates', {
    workspace_id,
    waba_id: ws.wabaId,
    name: 'welcome',
    language: 'en_US',
    status: 'APPROVED',
    category: 'UTILITY',
  });
  const deliveryId = await insert(ds, 'webhook_deliveries', delivery(ws, 'processed'));
  const deadLetterId = await insert(ds, 'webhook_deliveries', delivery(ws, 'dead'));
  const spareMemberId = (await createMember(ds, ws.id, 'viewer')).userId;
  const [session] = await ds.query('SELECT id FROM sessions WHERE user_id = $1', [ws.members.viewer.userId]);
  const spareTokenId = (await issueApiToken(ds, { workspaceId: ws.id, role: 'viewer', name: 'spare', createdBy: null })).id;
  const credentialName = 'matrix_crm';
  await new SecretStore(secretKeysFromEnv()).put(ds.manager, ws.id, credentialName, JSON.stringify({ apiKey: 'matrix' }), null);
  const picture = Buffer.from(`picture of ${ws.id}`);
  const sha256 = createHash('sha256').update(picture).digest('hex');
  const storageKey = mediaKey(ws.id, sha256);
  await new LocalDiskMediaStorage(loadConfig(['media']).MEDIA_STORAGE_DIR).put(storageKey, picture);
  const mediaId = await insert(ds, 'media_files', {
    workspace_id,
    number_id: ws.numberId,
    message_id: messageId,
    origin: 'received',
    kind: 'image',
    state: 'stored',
    mime_type: 'image/png',
    sha256,
    byte_size: picture.length,
    storage_key: storageKey,
    stored_at: new Date(),
  });
  const alertEndpointId = await insert(ds, 'alert_endpoints', {
    workspace_id: ws.id,
    url: 'https://alerts.example.com/tandem',
    secret_name: 'tandem.alert-endpoint.matrix',
  });
  return {
    journeyId,
    document,
    versionId,
    runId,
    contactId,
    messageId,
    campaignId,
    templateId,
    deliveryId,
    deadLetterId,
    spareMemberId,
    otherSessionId: session.id,
    spareTokenId,
    credentialName,
    mediaId,
    alertEndpointId,
    numberId: ws.numberId,
  };
}
