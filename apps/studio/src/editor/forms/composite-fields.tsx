import { useState } from 'react';
import { useFormContext } from './form-context';
import type { ArrayField, ObjectField, RecordField, UnionField } from './json-schema.types';
import {
  BooleanInput,
  EnumSelect,
  FieldFrame,
  fieldIds,
  JsonInput,
  MultiSelect,
  NumberInput,
  StringInput,
  type FieldProps,
} from './scalar-fields';
import { singular } from './schema-field.util';
import { defaultValue, matchVariant, moveItem, switchVariant } from './schema-value.util';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Renders any field by kind (recursively for objects, lists and unions). */
export function FieldView(props: FieldProps) {
  const { field } = props;
  switch (field.kind) {
    case 'string':
      return <StringInput {...props} field={field} />;
    case 'number':
      return <NumberInput {...props} field={field} />;
    case 'boolean':
      return <BooleanInput {...props} field={field} />;
    case 'enum':
      return <EnumSelect {...props} field={field} />;
    case 'multiselect':
      return <MultiSelect {...props} field={field} />;
    case 'const':
      return null;
    case 'object':
      return <ObjectFields {...props} field={field} />;
    case 'record':
      return <RecordFields {...props} field={field} />;
    case 'array':
      return <ArrayFields {...props} field={field} />;
    case 'union':
      return <UnionFields {...props} field={field} />;
    default:
      return <JsonInput {...props} field={field} />;
  }
}

/** Properties of an object; an absent optional object shows an "Add" button instead. */
export function ObjectFields({ field, path, value, required, bare, omit }: FieldProps<ObjectField> & { omit?: string }) {
  const { setAt, idPrefix, readOnly } = useFormContext();
  const object = isRecord(value) ? value : undefined;
  if (!object && !required && path.length > 0) {
    return (
      <FieldFrame field={field} path={path} required={false} bare={bare}>
        <button
          type="button"
          className="btn btn--small"
          disabled={readOnly}
          data-testid={`${fieldIds(idPrefix, path).testId}-add`}
          onClick={() => setAt(path, defaultValue(field))}
        >
          + Add {field.title.toLowerCase() || 'value'}
        </button>
      </FieldFrame>
    );
  }
  const body = field.properties
    .filter((p) => p.key !== omit)
    .map((p) => <FieldView key={p.key} field={p.field} path={[...path, p.key]} value={object?.[p.key]} required={p.required} />);
  if (path.length === 0 || bare) return <div className="form-object">{body}</div>;
  return (
    <fieldset className="form-group">
      <legend>
        {field.title}
        {required && <span className="form-required"> *</span>}
        {!required && (
          <button type="button" className="btn-link" disabled={readOnly} onClick={() => setAt(path, undefined)}>
            remove
          </button>
        )}
      </legend>
      {field.description && <div className="form-help">{field.description}</div>}
      <FieldFrame field={{ ...field, title: '', description: undefined }} path={path} required={required} bare>
        {body}
      </FieldFrame>
    </fieldset>
  );
}

/** What one item of a list is called: its own title, or the list's title in the singular (`Buttons` → `Button`). */
function itemName(list: ArrayField): string {
  if (list.item.title) return list.item.title;
  const one = singular(list.title);
  return one && one !== list.title ? one : 'Item';
}

/** A list: each item with move up/down and remove, and an Add button up to `maxItems`. */
export function ArrayFields({ field, path, value, required, bare }: FieldProps<ArrayField>) {
  const { setAt, idPrefix, readOnly } = useFormContext();
  const items = Array.isArray(value) ? value : [];
  const { testId } = fieldIds(idPrefix, path);
  const full = field.maxItems !== undefined && items.length >= field.maxItems;
  const scalar = !['object', 'array', 'union', 'record'].includes(field.item.kind);
  const name = itemName(field);
  return (
    <FieldFrame field={field} path={path} required={required} bare={bare}>
      <ol className={`form-list${scalar ? ' form-list--compact' : ''}`} data-testid={testId}>
        {items.map((item, i) => (
          <li key={i} className="form-list-item">
            {!scalar && (
              <div className="form-list-title">
                {name} {i + 1}
              </div>
            )}
            <div className="form-list-body">
              <FieldView field={field.item} path={[...path, i]} value={item} required bare />
            </div>
            <div className="form-list-actions">
              <button
                type="button"
                className="btn-icon"
                title="Move up"
                disabled={readOnly || i === 0}
                onClick={() => setAt(path, moveItem(items, i, i - 1))}
              >
                ↑
              </button>
              <button
                type="button"
                className="btn-icon"
                title="Move down"
                disabled={readOnly || i === items.length - 1}
                onClick={() => setAt(path, moveItem(items, i, i + 1))}
              >
                ↓
              </button>
              <button
                type="button"
                className="btn-icon"
                title="Remove"
                data-testid={`${testId}-remove-${i}`}
                disabled={readOnly}
                onClick={() =>
                  setAt(
                    path,
                    items.filter((_, j) => j !== i),
                  )
                }
              >
                ×
              </button>
            </div>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="btn btn--small"
        data-testid={`${testId}-add`}
        disabled={readOnly || full}
        onClick={() => setAt(path, [...items, defaultValue(field.item)])}
      >
        + Add {name.toLowerCase()}
      </button>
      {full && <span className="form-help"> (at most {field.maxItems})</span>}
    </FieldFrame>
  );
}

/** A choice between variants (a select) followed by the chosen variant's fields. */
export function UnionFields({ field, path, value, required, bare }: FieldProps<UnionField>) {
  const { setAt, idPrefix, readOnly } = useFormContext();
  const { id, testId } = fieldIds(idPrefix, path);
  const index = matchVariant(field, value);
  const variant = field.variants[index];
  const absent = value === undefined || value === null;
  const choose = (raw: string) => setAt(path, raw === '' ? undefined : switchVariant(field, Number(raw), value));
  return (
    <FieldFrame field={field} path={path} required={required} bare={bare}>
      <select
        id={id}
        data-testid={`${testId}-variant`}
        value={index < 0 ? '' : String(index)}
        disabled={readOnly}
        onChange={(e) => choose(e.target.value)}
      >
        {(index < 0 || !required) && <option value="">{absent && !required ? '—' : 'Choose…'}</option>}
        {field.variants.map((v, i) => (
          <option key={v.label + i} value={String(i)}>
            {v.label}
          </option>
        ))}
      </select>
      {variant && variant.field.kind === 'object' ? (
        <div className="form-variant">
          <ObjectFields field={variant.field} path={path} value={value} required bare omit={field.discriminator} />
        </div>
      ) : variant ? (
        <FieldView field={variant.field} path={path} value={value} required bare />
      ) : null}
    </FieldFrame>
  );
}

/** Free keys (`z.record`): one row per entry with its key and value. */
export function RecordFields({ field, path, value, required, bare }: FieldProps<RecordField>) {
  const { setAt, idPrefix, readOnly } = useFormContext();
  const entries = Object.entries(isRecord(value) ? value : {});
  const { testId } = fieldIds(idPrefix, path);
  const [newKey, setNewKey] = useState('');
  const rename = (from: string, to: string) => {
    if (!to || to === from) return;
    setAt(path, Object.fromEntries(entries.map(([k, v]) => [k === from ? to : k, v])));
  };
  return (
    <FieldFrame field={field} path={path} required={required} bare={bare}>
      <div className="form-record" data-testid={testId}>
        {entries.map(([key, item]) => (
          <div key={key} className="form-record-row">
            <input
              className="form-record-key"
              defaultValue={key}
              disabled={readOnly}
              onBlur={(e) => rename(key, e.target.value.trim())}
              aria-label="key"
            />
            <FieldView field={field.value} path={[...path, key]} value={item} required bare />
            <button type="button" className="btn-icon" title="Remove" disabled={readOnly} onClick={() => setAt([...path, key], undefined)}>
              ×
            </button>
          </div>
        ))}
        <div className="form-record-row">
          <input
            placeholder="new key"
            value={newKey}
            disabled={readOnly}
            onChange={(e) => setNewKey(e.target.value)}
            aria-label="new key"
          />
          <button
            type="button"
            className="btn btn--small"
            disabled={readOnly || !newKey.trim() || entries.some(([k]) => k === newKey.trim())}
            onClick={() => {
              setAt([...path, newKey.trim()], defaultValue(field.value) ?? '');
              setNewKey('');
            }}
          >
            + Add
          </button>
        </div>
      </div>
    </FieldFrame>
  );
}
