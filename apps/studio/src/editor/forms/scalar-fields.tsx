import { useEffect, useState, type ReactNode } from 'react';
import { isoToLocalInput, localInputToIso } from './date-input.util';
import { useFormContext } from './form-context';
import type {
  BooleanField,
  EnumField,
  FieldModel,
  FieldPath,
  JsonField,
  MultiSelectField,
  NumberField,
  StringField,
} from './json-schema.types';
import { humanize } from './schema-field.util';
import { pathKey } from './schema-value.util';

/** Props every field component receives. */
export interface FieldProps<F extends FieldModel = FieldModel> {
  field: F;
  path: FieldPath;
  value: unknown;
  required: boolean;
  /** Hide the label (array items, union variants render their own). */
  bare?: boolean;
}

/** Input id and test id of the field at `path`. */
export function fieldIds(idPrefix: string, path: FieldPath): { id: string; testId: string } {
  const key = pathKey(path) || 'root';
  return { id: `${idPrefix}-${key}`, testId: `field-${key}` };
}

/** Label, description and messages around one input. */
export function FieldFrame({ field, path, required, bare, children }: Omit<FieldProps, 'value'> & { children: ReactNode }) {
  const { issues, idPrefix } = useFormContext();
  const messages = issues.get(pathKey(path)) ?? [];
  const { id } = fieldIds(idPrefix, path);
  return (
    <div className={`form-field${messages.length ? ' form-field--invalid' : ''}`}>
      {!bare && field.title && (
        <label className="form-label" htmlFor={id}>
          {field.title}
          {required && (
            <span className="form-required" title="required">
              {' '}
              *
            </span>
          )}
        </label>
      )}
      {children}
      {field.description && <div className="form-help">{field.description}</div>}
      {messages.map((m) => (
        <div key={m} className="form-error" role="alert">
          {m}
        </div>
      ))}
    </div>
  );
}

export function StringInput({ field, path, value, required, bare }: FieldProps<StringField>) {
  const { setAt, idPrefix, readOnly } = useFormContext();
  const { id, testId } = fieldIds(idPrefix, path);
  const text = typeof value === 'string' ? value : '';
  // An emptied optional field is removed rather than kept as "" (which min(1) would refuse).
  const write = (next: string) => setAt(path, next === '' && !required ? undefined : next);
  let input: ReactNode;
  if (field.format === 'date-time') {
    input = (
      <input
        id={id}
        data-testid={testId}
        type="datetime-local"
        value={isoToLocalInput(text)}
        disabled={readOnly}
        onChange={(e) => setAt(path, localInputToIso(e.target.value))}
      />
    );
  } else if (field.multiline) {
    input = (
      <textarea
        id={id}
        data-testid={testId}
        rows={4}
        value={text}
        maxLength={field.maxLength}
        disabled={readOnly}
        onChange={(e) => write(e.target.value)}
      />
    );
  } else {
    input = (
      <input
        id={id}
        data-testid={testId}
        type="text"
        value={text}
        maxLength={field.maxLength}
        disabled={readOnly}
        onChange={(e) => write(e.target.value)}
      />
    );
  }
  return (
    <FieldFrame field={field} path={path} required={required} bare={bare}>
      {input}
      {field.maxLength !== undefined && field.multiline && (
        <div className="form-counter">
          {text.length} / {field.maxLength}
        </div>
      )}
    </FieldFrame>
  );
}

export function NumberInput({ field, path, value, required, bare }: FieldProps<NumberField>) {
  const { setAt, idPrefix, readOnly } = useFormContext();
  const { id, testId } = fieldIds(idPrefix, path);
  const [text, setText] = useState(typeof value === 'number' ? String(value) : '');
  useEffect(() => {
    setText((current) => (Number(current) === value && current !== '' ? current : typeof value === 'number' ? String(value) : ''));
  }, [value]);
  const onChange = (next: string) => {
    setText(next);
    const parsed = Number(next);
    setAt(path, next.trim() === '' || Number.isNaN(parsed) ? undefined : parsed);
  };
  return (
    <FieldFrame field={field} path={path} required={required} bare={bare}>
      <input
        id={id}
        data-testid={testId}
        type="number"
        step={field.integer ? 1 : 'any'}
        min={field.minimum}
        max={field.maximum}
        value={text}
        disabled={readOnly}
        onChange={(e) => onChange(e.target.value)}
      />
    </FieldFrame>
  );
}

export function BooleanInput({ field, path, value, required, bare }: FieldProps<BooleanField>) {
  const { setAt, idPrefix, readOnly } = useFormContext();
  const { id, testId } = fieldIds(idPrefix, path);
  return (
    <FieldFrame field={{ ...field, title: '' }} path={path} required={required} bare={bare}>
      <label className="form-check" htmlFor={id}>
        <input
          id={id}
          data-testid={testId}
          type="checkbox"
          checked={value === true}
          disabled={readOnly}
          onChange={(e) => setAt(path, e.target.checked)}
        />
        {field.title}
      </label>
    </FieldFrame>
  );
}

export function EnumSelect({ field, path, value, required, bare }: FieldProps<EnumField>) {
  const { setAt, idPrefix, readOnly } = useFormContext();
  const { id, testId } = fieldIds(idPrefix, path);
  const index = field.options.findIndex((o) => o === value);
  return (
    <FieldFrame field={field} path={path} required={required} bare={bare}>
      <select
        id={id}
        data-testid={testId}
        value={index < 0 ? '' : String(index)}
        disabled={readOnly}
        onChange={(e) => setAt(path, e.target.value === '' ? undefined : field.options[Number(e.target.value)])}
      >
        {(!required || index < 0) && <option value="">{required ? 'Choose…' : '—'}</option>}
        {field.options.map((option, i) => (
          <option key={String(option)} value={String(i)}>
            {typeof option === 'string' ? humanize(option) : String(option)}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function MultiSelect({ field, path, value, required, bare }: FieldProps<MultiSelectField>) {
  const { setAt, idPrefix, readOnly } = useFormContext();
  const { testId } = fieldIds(idPrefix, path);
  const chosen = Array.isArray(value) ? value : [];
  const toggle = (option: string | number, on: boolean) => {
    const next = on ? field.options.filter((o) => o === option || chosen.includes(o)) : chosen.filter((o) => o !== option);
    setAt(path, next);
  };
  return (
    <FieldFrame field={field} path={path} required={required} bare={bare}>
      <div className="form-multiselect" data-testid={testId}>
        {field.options.map((option) => (
          <label key={String(option)} className="form-chip">
            <input
              type="checkbox"
              checked={chosen.includes(option)}
              disabled={readOnly}
              onChange={(e) => toggle(option, e.target.checked)}
            />
            {typeof option === 'string' ? humanize(option) : option}
          </label>
        ))}
      </div>
    </FieldFrame>
  );
}

/** Values the model cannot describe, edited as JSON (kept as text until it parses). */
export function JsonInput({ field, path, value, required, bare }: FieldProps<JsonField>) {
  const { setAt, idPrefix, readOnly } = useFormContext();
  const { id, testId } = fieldIds(idPrefix, path);
  const [text, setText] = useState(() => (value === undefined ? '' : JSON.stringify(value, null, 2)));
  const [error, setError] = useState<string | null>(null);
  const onChange = (next: string) => {
    setText(next);
    if (next.trim() === '') {
      setError(null);
      setAt(path, undefined);
      return;
    }
    try {
      setAt(path, JSON.parse(next) as unknown);
      setError(null);
    } catch {
      setError('Not valid JSON yet');
    }
  };
  return (
    <FieldFrame field={field} path={path} required={required} bare={bare}>
      <textarea
        id={id}
        data-testid={testId}
        className="mono"
        rows={4}
        value={text}
        disabled={readOnly}
        onChange={(e) => onChange(e.target.value)}
      />
      {error && <div className="form-error">{error}</div>}
    </FieldFrame>
  );
}
