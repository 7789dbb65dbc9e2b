import type { ConversationSettingsDto } from '@tandem/api-contract';
import { useState, type FormEvent } from 'react';
import { ownershipApi } from '../api/ownership.api';
import { useCan } from '../auth/use-can';
import { useAsync } from '../common/use-async';
import { ErrorBanner } from '../common/ui';

/** The form's draft: hours as typed; empty = never by time. */
interface Draft {
  hours: string;
  onWindowClose: boolean;
}

/** Reads the draft into settings, or says what is wrong with it. */
export function settingsFromDraft(draft: Draft): ConversationSettingsDto | { problem: string } {
  const text = draft.hours.trim();
  if (text === '') return { botReturnsAfterHours: null, botReturnsOnWindowClose: draft.onWindowClose };
  const hours = Number(text);
  if (!Number.isInteger(hours) || hours < 1 || hours > 720) return { problem: 'Hours must be a whole number from 1 to 720, or empty.' };
  return { botReturnsAfterHours: hours, botReturnsOnWindowClose: draft.onWindowClose };
}

/** The rule's form, starting from the stored setting; read-only without `workspace.manage`. */
function SettingsForm({ initial, onSaved }: { initial: ConversationSettingsDto; onSaved(saved: ConversationSettingsDto): void }) {
  const canManage = useCan('workspace.manage');
  const [draft, setDraft] = useState<Draft>({
    hours: initial.botReturnsAfterHours?.toString() ?? '',
    onWindowClose: initial.botReturnsOnWindowClose,
  });
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const parsed = settingsFromDraft(draft);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if ('problem' in parsed) return;
    setError(null);
    setSaved(false);
    try {
      onSaved(await ownershipApi.saveSettings(parsed));
      setSaved(true);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <form className="card" onSubmit={submit} data-testid="conversation-settings-form">
      <ErrorBanner error={error} />
      <label className="form-label" htmlFor="bot-returns-hours">
        Back to the bot after this many hours without a human message
      </label>
      <input
        id="bot-returns-hours"
        inputMode="numeric"
        placeholder="never by time"
        value={draft.hours}
        disabled={!canManage}
        onChange={(e) => setDraft({ ...draft, hours: e.target.value })}
        data-testid="bot-returns-hours"
      />
      <label className="form-check">
        <input
          type="checkbox"
          checked={draft.onWindowClose}
          disabled={!canManage}
          onChange={(e) => setDraft({ ...draft, onWindowClose: e.target.checked })}
          data-testid="bot-returns-window"
        />{' '}
        Also when the customer-service window closes
      </label>
      {'problem' in parsed && <div className="form-error">{parsed.problem}</div>}
      {canManage ? (
        <div className="button-row">
          <button type="submit" className="btn btn--primary" disabled={'problem' in parsed} data-testid="conversation-settings-save">
            Save
          </button>
          {saved && <span className="muted small">Saved.</span>}
        </div>
      ) : (
        <p className="muted small">Only admins change this.</p>
      )}
    </form>
  );
}

/** `#/settings/conversations`: when a conversation a human took returns to the bot (admins change it). */
export function ConversationSettingsPage() {
  const settings = useAsync((signal) => ownershipApi.settings(signal), []);
  return (
    <div className="page" data-testid="conversation-settings-page">
      <h1>Conversations</h1>
      <p className="muted">
        When a teammate replies from the phone app or an agent takes a conversation, journeys and campaigns leave that contact alone. The
        conversation goes back to the bot when someone gives it back or closes it — or on its own, by this rule.
      </p>
      <ErrorBanner error={settings.error} onRetry={() => void settings.reload()} />
      {settings.data ? (
        <SettingsForm initial={settings.data} onSaved={settings.setData} />
      ) : (
        !settings.error && <p className="muted">Loading…</p>
      )}
    </div>
  );
}
