import { preparedStatement, runPrepared, type PreparedStatement } from '@tandem/db';
import { NodeConfigError, type AttributeValue, type ContactsPort, type CredentialsPort, type NodeLogger } from '@tandem/node-sdk';
import type { DataSource } from 'typeorm';

/** Environment variable holding credential `ref`: `TANDEM_CREDENTIAL_<REF>` (upper case, `-`/`.` → `_`). */
export function credentialVariable(ref: string): string {
  return `TANDEM_CREDENTIAL_${ref.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

/**
 * `ctx.credentials`, backed by the worker's environment for now: credential `crm` is the
 * JSON object of strings in `TANDEM_CREDENTIAL_CRM` (e.g. `{"apiKey":"…"}`). Node configs
 * hold only the reference, never the secret.
 */
export function envCredentials(env: Record<string, string | undefined>): CredentialsPort {
  return {
    async get(ref: string): Promise<Record<string, string>> {
      const raw = env[credentialVariable(ref)];
      if (raw === undefined || raw === '') throw new NodeConfigError(`credential "${ref}" is not set up (${credentialVariable(ref)})`);
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        throw new NodeConfigError(`credential "${ref}" is not a JSON object (${credentialVariable(ref)})`);
      }
      const ok =
        parsed !== null &&
        typeof parsed === 'object' &&
        !Array.isArray(parsed) &&
        Object.values(parsed).every((v) => typeof v === 'string');
      if (!ok) throw new NodeConfigError(`credential "${ref}" must be a JSON object of strings (${credentialVariable(ref)})`);
      return parsed as Record<string, string>;
    },
  };
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
  setOptedOut: preparedStatement('node_contact_set_opted_out', `UPDATE contacts SET opted_out = $2, updated_at = now() WHERE id = $1`),
  handOff: preparedStatement(
    'node_contact_hand_off',
    `UPDATE contacts SET human_owned = true, human_owned_at = coalesce(human_owned_at, now()), updated_at = now() WHERE id = $1`,
  ),
};

/** `ctx.contacts`: writes the contact row at once; `onChange` lets the step return a fresh snapshot. */
export function contactsPort(ds: DataSource, contactId: string, onChange: () => void): ContactsPort {
  const run = async (statement: PreparedStatement, params: unknown[]) => {
    await runPrepared(ds, statement, [contactId, ...params]);
    onChange();
  };
  return {
    setAttribute: (key: string, value: AttributeValue) => run(contactWrites.setAttribute, [key, JSON.stringify(value)]),
    addTag: (tag: string) => run(contactWrites.addTag, [tag]),
    removeTag: (tag: string) => run(contactWrites.removeTag, [tag]),
    setOptedOut: (optedOut: boolean) => run(contactWrites.setOptedOut, [optedOut]),
    handOff: () => run(contactWrites.handOff, []),
  };
}

/** A log line a node wrote, kept with its step. */
export interface StepLogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  fields?: Record<string, unknown>;
}

/** `ctx.logger`: collects entries for the step and mirrors warnings and errors to the worker log. */
export function stepLogger(entries: StepLogEntry[], where: string): NodeLogger {
  const log = (level: StepLogEntry['level']) => (message: string, fields?: Record<string, unknown>) => {
    entries.push(fields ? { level, message, fields } : { level, message });
    if (level === 'warn' || level === 'error') console[level](`[node ${where}] ${message}`);
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}
