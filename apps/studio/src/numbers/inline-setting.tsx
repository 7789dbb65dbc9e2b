import { useState, type FormEvent, type InputHTMLAttributes } from 'react';

interface InlineSettingProps {
  /** Button text, e.g. "Change cap". */
  action: string;
  /** Accessible name of the input. */
  label: string;
  initial: string;
  input: InputHTMLAttributes<HTMLInputElement>;
  /** `number-cap` → test ids `number-cap-edit`, `-form`, `-input`, `-save`. */
  testId: string;
  /** Saves the value; a rejection is shown next to the form. */
  save(value: string): Promise<void>;
}

/** One setting of a number edited in place: a button, then a small form with Save / Cancel. */
export function InlineSetting({ action, label, initial, input, testId, save }: InlineSettingProps) {
  const [value, setValue] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (value === null) {
    return (
      <button type="button" className="btn btn--small" onClick={() => setValue(initial)} data-testid={`${testId}-edit`}>
        {action}
      </button>
    );
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await save(value);
      setValue(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <form className="inline-form" onSubmit={submit} data-testid={`${testId}-form`}>
      <input {...input} aria-label={label} value={value} onChange={(e) => setValue(e.target.value)} data-testid={`${testId}-input`} />
      <button type="submit" className="btn btn--small btn--primary" data-testid={`${testId}-save`}>
        Save
      </button>
      <button type="button" className="btn btn--small" onClick={() => setValue(null)}>
        Cancel
      </button>
      {error && <span className="small text-warn">{error}</span>}
    </form>
  );
}
