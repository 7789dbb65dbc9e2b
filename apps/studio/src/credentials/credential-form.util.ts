import { credentialNameSchema, MIN_CREDENTIAL_VALUE_LENGTH } from '@tandem/api-contract';

/** One field row of the form: `{{credential.<name>}}` in an HTTP node. */
export interface FieldRow {
  name: string;
  value: string;
}

/** The credential value to send, or the reason the form cannot be sent yet. */
export function credentialValue(name: string, rows: FieldRow[]): { value: Record<string, string> } | { problem: string } {
  if (!credentialNameSchema.safeParse(name).success) return { problem: 'Name: a-z first, then a-z, 0-9, _, - or .' };
  const filled = rows.filter((r) => r.name.trim() !== '' || r.value !== '');
  if (filled.length === 0) return { problem: 'Give at least one field' };
  const value: Record<string, string> = {};
  for (const r of filled) {
    const field = r.name.trim();
    if (!/^\w{1,64}$/.test(field)) return { problem: `Field name "${field}": letters, digits or _` };
    if (r.value === '') return { problem: `Field "${field}" has no value` };
    if (r.value.length < MIN_CREDENTIAL_VALUE_LENGTH) {
      return {
        problem: `Field "${field}": at least ${MIN_CREDENTIAL_VALUE_LENGTH} characters (a shorter value cannot be kept out of logs)`,
      };
    }
    if (field in value) return { problem: `Field "${field}" appears twice` };
    value[field] = r.value;
  }
  return { value };
}
