import { useState, type FormEvent } from 'react';
import { intakeApi, type NumberDto } from '../api/intake.api';

/** Changes a number's throughput cap in place (numbers.manage); the api refuses a cap above what the number may send. */
export function CapEditor({ number, onChanged }: { number: NumberDto; onChanged(): void }) {
  const [value, setValue] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (value === null) {
    return (
      <button type="button" className="btn btn--small" onClick={() => setValue(String(number.throughputCap))} data-testid="number-cap-edit">
        Change cap
      </button>
    );
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await intakeApi.update(number.id, { throughputCap: Number(value) });
      setValue(null);
      onChanged();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <form className="inline-form" onSubmit={submit} data-testid="number-cap-form">
      <input
        type="number"
        min={1}
        max={1000}
        required
        aria-label="Throughput cap (msg/s)"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        data-testid="number-cap-input"
      />
      <button type="submit" className="btn btn--small btn--primary" data-testid="number-cap-save">
        Save
      </button>
      <button type="button" className="btn btn--small" onClick={() => setValue(null)}>
        Cancel
      </button>
      {error && <span className="small text-warn">{error}</span>}
    </form>
  );
}
