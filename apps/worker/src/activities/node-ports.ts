import {
  changeOwnership,
  isReservedSecretName,
  preparedStatement,
  runPrepared,
  SecretOpenError,
  type PreparedStatement,
  type SecretStore,
} from '@tandem/db';
import { NodeConfigError, type AttributeValue, type ContactsPort, type CredentialsPort, type NodeLogger } from '@tandem/node-sdk';
import type { DataSource } from 'typeorm';
import { processOutput } from '../runtime/output-redaction';

/**
 * `ctx.credentials`, backed by the workspace's secrets store (docs/security.md, "Secrets"):
 * credential `crm` is the JSON object of strings set with `PUT /api/credentials/crm`,
 * decrypted here in the worker. A node gets only a credential whose name its config holds (so
 * a node cannot fish for others'), and every value handed out is remembered in `handedOut` so
 * the step's stored output and error can be redacted, and by the process's output redactor
 * (runtime/output-redaction.ts) so the node's own prints are too. There is no other source (the former
 * `TANDEM_CREDENTIAL_*` environment variables are gone).
 */
export function storeCredentials(
  ds: DataSource,
  store: SecretStore,
  workspaceId: string,
  nodeConfig: unknown,
  handedOut: string[],
): CredentialsPort {
  const named = stringsOf(nodeConfig);
  return {
    async get(ref: string): Promise<Record<string, string>> {
      if (!named.has(ref)) throw new NodeConfigError(`credential "${ref}" is not named in this node's settings`);
      // Tandem's own secrets (a WABA's Meta token, alert signing secrets) are never a node's.
      if (isReservedSecretName(ref))
        throw new NodeConfigError(`credential "${ref}" is reserved for Tandem (WhatsApp account tokens, alert signing secrets)`);
      let raw: string | undefined;
      try {
        raw = await store.read(ds.manager, workspaceId, ref);
      } catch (error) {
        if (error instanceof SecretOpenError) throw new NodeConfigError(`credential "${ref}" cannot be read: set it again`);
        throw error;
      }
      if (raw === undefined) throw new NodeConfigError(`credential "${ref}" is not set up (Settings → Credentials)`);
      const parsed = JSON.parse(raw) as Record<string, string>;
      handedOut.push(...Object.values(parsed));
      processOutput.remember(Object.values(parsed));
      return parsed;
    },
  };
}

/** Every string anywhere in a node's config (credential references are plain strings). */
function stringsOf(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === 'string') out.add(value);
  else if (Array.isArray(value)) for (const v of value) stringsOf(v, out);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) stringsOf(v, out);
  return out;
}

// The contact writes of nodes (`$1` the contact), as named prepared statements.
const contactWrites = {
  setAttribute: preparedStatement(
    'node_contact_set_attribute',
    `UPDATE contacts SET attributes = attributes || jsonb_build_object($2::text, $3::jsonb), updated_at = now() WHERE id = $1`,
  ),
  addTag: preparedStatement(
    'node_contact_add_tag',
    `UPDATE contacts SET tags = array_append(tags, $2), updated_at = now() WHERE id = $1 AND NOT ($2 = ANY(tags))`,
  ),
  removeTag: preparedStatement(
    'node_contact_remove_tag',
    `UPDATE contacts SET tags = array_remove(tags, $2), updated_at = now() WHERE id = $1`,
  ),
  // A change (never a repeat) goes on the contact's opt history, as done by a journey.
  setOptedOut: preparedStatement(
    'node_contact_set_opted_out',
    `WITH c AS (UPDATE contacts SET opted_out = $2::boolean, updated_at = now() WHERE id = $1 AND opted_out <> $2::boolean
       RETURNING id, workspace_id)
     INSERT INTO contact_opt_events (workspace_id, contact_id, kind, source)
     SELECT workspace_id, id, CASE WHEN $2::boolean THEN 'opt_out' ELSE 'opt_in' END, 'journey' FROM c`,
  ),
};

/** `ctx.contacts`: writes the contact row at once; `onChange` lets the step return a fresh snapshot. */
export function contactsPort(ds: DataSource, contactId: string, runId: string, onChange: () => void): ContactsPort {
  const run = async (statement: PreparedStatement, params: unknown[]) => {
    await runPrepared(ds, statement, [contactId, ...params]);
    onChange();
  };
  return {
    setAttribute: (key: string, value: AttributeValue) => run(contactWrites.setAttribute, [key, JSON.stringify(value)]),
    addTag: (tag: string) => run(contactWrites.addTag, [tag]),
    removeTag: (tag: string) => run(contactWrites.removeTag, [tag]),
    setOptedOut: (optedOut: boolean) => run(contactWrites.setOptedOut, [optedOut]),
    handOff: async (handoff?: { note?: string }) => {
      // A person should take over; until one does (an agent takes it, a teammate replies) nobody is named.
      await changeOwnership(ds, {
        contactId,
        to: 'human',
        ownerKind: 'journey',
        onlyFrom: ['bot', 'closed'],
        actor: { kind: 'journey', id: runId },
        reason: handoff?.note
          ? `the journey handed the conversation to a person: ${handoff.note}`
          : 'the journey handed the conversation to a person',
        runs: { [runId]: null },
      });
      onChange();
    },
  };
}

/** A log line a node wrote, kept with its step. */
export interface StepLogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  fields?: Record<string, unknown>;
}

/**
 * `ctx.logger`: collects entries for the step and mirrors warnings and errors to the worker
 * log. The mirrored line passes `redact` first (the step's entries are redacted where the
 * step is stored): a node that logs a credential it was given does not put it in the log.
 */
export function stepLogger(entries: StepLogEntry[], where: string, redact: (text: string) => string = (t) => t): NodeLogger {
  const log = (level: StepLogEntry['level']) => (message: string, fields?: Record<string, unknown>) => {
    entries.push(fields ? { level, message, fields } : { level, message });
    if (level === 'warn' || level === 'error') console[level](redact(`[node ${where}] ${message}`));
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}
