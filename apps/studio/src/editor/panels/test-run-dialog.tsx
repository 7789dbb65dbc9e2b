import { useState, type FormEvent } from 'react';
import { journeysApi } from '../../api/journeys.api';
import { Dialog, ErrorBanner } from '../../common/ui';
import { navigate } from '../../router/use-hash-location';

const WA_ID = /^\d{6,15}$/;

/** Starts a run of the live version for one contact (`POST /api/journeys/:id/runs`), then shows the journey's runs. */
export function TestRunDialog({ journeyId, onClose }: { journeyId: string; onClose(): void }) {
  const [waId, setWaId] = useState('');
  const [variables, setVariables] = useState('{}');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    let vars: Record<string, unknown>;
    try {
      vars = JSON.parse(variables || '{}') as Record<string, unknown>;
    } catch {
      return setError('Variables must be a JSON object');
    }
    setBusy(true);
    setError(null);
    try {
      await journeysApi.startRun(journeyId, { waId, variables: vars });
      navigate('/runs', { journeyId });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };
  return (
    <Dialog title="Start a run for one contact" onClose={onClose} testId="test-run-dialog">
      <form onSubmit={submit}>
        <ErrorBanner error={error} />
        <p className="muted">Runs the live version for this contact of the journey’s number, as an API trigger would.</p>
        <label className="form-label" htmlFor="test-run-waid">
          Contact phone (wa_id, digits)
        </label>
        <input
          id="test-run-waid"
          data-testid="test-run-waid"
          inputMode="numeric"
          value={waId}
          onChange={(e) => setWaId(e.target.value.replace(/\D/g, ''))}
        />
        <label className="form-label" htmlFor="test-run-vars">
          Variables (JSON, available as vars.*)
        </label>
        <textarea id="test-run-vars" className="mono" rows={3} value={variables} onChange={(e) => setVariables(e.target.value)} />
        <div className="button-row">
          <button type="submit" className="btn btn--primary" disabled={busy || !WA_ID.test(waId)} data-testid="test-run-start">
            Start run
          </button>
        </div>
      </form>
    </Dialog>
  );
}
