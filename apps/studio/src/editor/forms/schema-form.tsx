import { useMemo } from 'react';
import { FieldView } from './composite-fields';
import { FormContext, type FormContextValue } from './form-context';
import type { FieldPath, JsonSchema } from './json-schema.types';
import { schemaToField } from './schema-field.util';
import { setAt } from './schema-value.util';
import { groupIssues, unplacedIssues, validateValue, type FormIssue } from './schema-validate.util';

interface SchemaFormProps {
  schema: JsonSchema;
  value: unknown;
  onChange(next: unknown): void;
  /** Issues from the server (paths relative to `value`), shown under their fields. */
  serverIssues?: readonly FormIssue[];
  /** Unique per form on the page (input ids). */
  idPrefix: string;
  readOnly?: boolean;
  testId?: string;
}

/**
 * A form generated from a JSON Schema: every field validated as the user types (same
 * rules as the schema), with the server's issues mapped onto the fields by path.
 */
export function SchemaForm({ schema, value, onChange, serverIssues = [], idPrefix, readOnly = false, testId }: SchemaFormProps) {
  const field = useMemo(() => schemaToField(schema), [schema]);
  const issues = useMemo(() => {
    const local = validateValue(field, value);
    // The local check already explains a field it flags; the server's wording of the same
    // problem would only repeat it (and lags one autosave behind).
    const flagged = new Set(local.map((i) => i.path.join('.')));
    return groupIssues([...local, ...serverIssues.filter((i) => !flagged.has(i.path.join('.')))]);
  }, [field, value, serverIssues]);
  const orphans = useMemo(() => unplacedIssues(field, issues), [field, issues]);
  const ctx = useMemo<FormContextValue>(
    () => ({ issues, idPrefix, readOnly, setAt: (path: FieldPath, next: unknown) => onChange(setAt(value, path, next)) }),
    [issues, idPrefix, readOnly, onChange, value],
  );
  return (
    <FormContext.Provider value={ctx}>
      <div className="schema-form" data-testid={testId}>
        {orphans.map((m) => (
          <div key={m} className="form-error" role="alert">
            {m}
          </div>
        ))}
        <FieldView field={field} path={[]} value={value} required />
      </div>
    </FormContext.Provider>
  );
}
