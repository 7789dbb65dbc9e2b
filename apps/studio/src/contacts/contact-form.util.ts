type Scalar = string | number | boolean;

/** "vip, summer ,,vip" → ["vip", "summer"]. */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}

/** The attributes JSON typed by the user: an object of text, numbers and true/false. */
export function parseAttributes(text: string): { value: Record<string, Scalar> } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text.trim() || '{}');
  } catch {
    return { problem: 'Not valid JSON' };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { problem: 'Attributes are a JSON object: { "key": "value" }' };
  for (const [k, v] of Object.entries(value)) {
    if (!['string', 'number', 'boolean'].includes(typeof v)) return { problem: `${k}: only text, numbers and true/false` };
  }
  return { value: value as Record<string, Scalar> };
}

/** The PATCH body's attributes: changed or new keys, and removed keys as null. */
export function attributeChanges(before: Record<string, unknown>, after: Record<string, Scalar>): Record<string, Scalar | null> {
  const changes: Record<string, Scalar | null> = {};
  for (const [k, v] of Object.entries(after)) if (before[k] !== v) changes[k] = v;
  for (const k of Object.keys(before)) if (!(k in after)) changes[k] = null;
  return changes;
}
