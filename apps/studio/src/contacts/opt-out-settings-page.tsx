import type { OptOutSettingsDto } from '@tandem/api-contract';
import { useEffect, useState, type FormEvent } from 'react';
import { contactsApi } from '../api/contacts.api';
import { useCan } from '../auth/use-can';
import { useAsync } from '../common/use-async';
import { ErrorBanner } from '../common/ui';

const lines = (text: string) => [
  ...new Set(
    text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
  ),
];

/**
 * `#/settings/opt-out`: the words that opt a contact out or back in (a whole message, any
 * case, accents optional; they work even while a teammate owns the chat) and the replies
 * that confirm them. Admins edit; everyone reads.
 */
export function OptOutSettingsPage() {
  const settings = useAsync((signal) => contactsApi.optOutSettings(signal), []);
  const canEdit = useCan('workspace.manage');
  const [form, setForm] = useState({ optOut: '', optIn: '', optOutConfirmation: '', optInConfirmation: '' });
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    const s = settings.data;
    if (s) {
      setForm({
        optOut: s.optOutKeywords.join('\n'),
        optIn: s.optInKeywords.join('\n'),
        optOutConfirmation: s.optOutConfirmation,
        optInConfirmation: s.optInConfirmation,
      });
    }
  }, [settings.data]);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => {
    setSaved(false);
    setForm({ ...form, [key]: e.target.value });
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const body: OptOutSettingsDto = {
      optOutKeywords: lines(form.optOut),
      optInKeywords: lines(form.optIn),
      optOutConfirmation: form.optOutConfirmation,
      optInConfirmation: form.optInConfirmation,
    };
    try {
      settings.setData(await contactsApi.saveOptOutSettings(body));
      setSaved(true);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <div className="page" data-testid="opt-out-settings-page">
      <form className="card" onSubmit={submit}>
        <h2>Opt-out keywords</h2>
        <ErrorBanner error={error ?? settings.error} onRetry={error ? undefined : settings.reload} />
        <p className="muted small">
          A customer message that is exactly one of these words (any case, accents optional) opts the contact out or back in, even while a
          teammate owns the chat. One word or phrase per line.
        </p>
        <div className="page--split">
          <label className="form-label">
            Opt out
            <textarea rows={10} value={form.optOut} disabled={!canEdit} onChange={set('optOut')} data-testid="opt-out-keywords" />
          </label>
          <label className="form-label">
            Opt back in
            <textarea rows={10} value={form.optIn} disabled={!canEdit} onChange={set('optIn')} data-testid="opt-in-keywords" />
          </label>
        </div>
        <label className="form-label">
          Confirmation after an opt-out (empty: none)
          <textarea
            rows={2}
            value={form.optOutConfirmation}
            disabled={!canEdit}
            onChange={set('optOutConfirmation')}
            data-testid="opt-out-confirmation"
          />
        </label>
        <label className="form-label">
          Confirmation after an opt-in (empty: none)
          <textarea
            rows={2}
            value={form.optInConfirmation}
            disabled={!canEdit}
            onChange={set('optInConfirmation')}
            data-testid="opt-in-confirmation"
          />
        </label>
        {canEdit && (
          <button type="submit" className="btn btn--primary" data-testid="opt-out-save">
            Save
          </button>
        )}
        {saved && <span className="muted small"> Saved.</span>}
      </form>
    </div>
  );
}
