import { useState, type FormEvent } from 'react';
import { intakeApi, type NumberDto, type RegisterNumberInput } from '../api/intake.api';
import { ErrorBanner } from '../common/ui';

const EMPTY = { phoneNumberId: '', wabaId: '', displayPhoneNumber: '', mode: 'coexistence' as RegisterNumberInput['mode'], cap: '' };

/** Registers a WhatsApp Business number by its Meta ids (numbers.manage). */
export function AddNumberForm({ onAdded }: { onAdded(number: NumberDto): void }) {
  const [form, setForm] = useState(EMPTY);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<typeof EMPTY>) => setForm((f) => ({ ...f, ...patch }));
  const text = (key: 'phoneNumberId' | 'wabaId' | 'displayPhoneNumber', label: string) => (
    <>
      <label className="form-label" htmlFor={`number-${key}`}>
        {label} <span className="form-required">*</span>
      </label>
      <input
        id={`number-${key}`}
        required
        value={form[key]}
        onChange={(e) => set({ [key]: e.target.value })}
        data-testid={`number-${key}`}
      />
    </>
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { cap, ...rest } = form;
      onAdded(await intakeApi.register({ ...rest, throughputCap: cap ? Number(cap) : undefined }));
      setForm(EMPTY);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card" onSubmit={submit} data-testid="add-number-form">
      <h2>Add a number</h2>
      <ErrorBanner error={error} />
      {text('displayPhoneNumber', 'Phone number')}
      {text('phoneNumberId', 'Phone number id (Meta)')}
      {text('wabaId', 'WhatsApp Business Account id')}
      <label className="form-label" htmlFor="number-mode">
        Mode
      </label>
      <select
        id="number-mode"
        value={form.mode}
        onChange={(e) => set({ mode: e.target.value as typeof form.mode })}
        data-testid="number-mode"
      >
        <option value="coexistence">Coexistence (app + API, 20 msg/s)</option>
        <option value="cloud">Cloud API only</option>
      </select>
      <label className="form-label" htmlFor="number-cap">
        Throughput cap (msg/s; empty = the mode’s default)
      </label>
      <input
        id="number-cap"
        type="number"
        min={1}
        max={1000}
        value={form.cap}
        onChange={(e) => set({ cap: e.target.value })}
        data-testid="number-cap"
      />
      <div className="button-row">
        <button type="submit" className="btn btn--primary" disabled={busy} data-testid="number-add">
          {busy ? 'Adding…' : 'Add number'}
        </button>
      </div>
    </form>
  );
}
