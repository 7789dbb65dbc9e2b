import type { JourneySettings } from '@tandem/journey-model';
import { useMemo } from 'react';
import { intakeApi } from '../../api/intake.api';
import { useAsync } from '../../common/use-async';
import { useEditorStore, useEditorStoreApi } from '../store/editor-store.context';

const RE_ENTRY: { value: JourneySettings['reEntry']; label: string }[] = [
  { value: 'once', label: 'Once per contact, ever' },
  { value: 'one_at_a_time', label: 'Again after the previous run ended' },
  { value: 'always', label: 'Every time (runs may overlap)' },
];

const ON_TEAMMATE_REPLY: { value: JourneySettings['onTeammateReply']; label: string }[] = [
  { value: 'stop', label: 'Stop the contact’s runs (a human took over)' },
  { value: 'pause', label: 'Pause them until resumed' },
  { value: 'ignore', label: 'Ignore it' },
];

const ON_GIVE_BACK: { value: JourneySettings['onGiveBack']; label: string }[] = [
  { value: 'resume', label: 'Resume paused runs where they paused' },
  { value: 'end', label: 'End paused runs' },
];

function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC'];
  }
}

/** Journey-wide behaviour: re-entry, teammate replies from the phone app, give-back, time zone, sending number. */
export function SettingsPanel() {
  const store = useEditorStoreApi();
  const settings = useEditorStore((s) => s.history.present.settings);
  const numbers = useAsync((signal) => intakeApi.numbers(signal), []);
  const zones = useMemo(timeZones, []);
  const set = (patch: Partial<JourneySettings>) => {
    const next = { ...settings, ...patch };
    if (next.numberId === undefined) delete next.numberId;
    store.getState().commit((doc) => ({ ...doc, settings: next }), { coalesceKey: 'settings' });
  };
  return (
    <div className="panel-section" data-testid="settings-panel">
      <label className="form-label" htmlFor="setting-number">
        WhatsApp number
      </label>
      {numbers.data ? (
        <select
          id="setting-number"
          data-testid="setting-number"
          value={settings.numberId ?? ''}
          onChange={(e) => set({ numberId: e.target.value || undefined })}
        >
          <option value="">— choose the number this journey listens on —</option>
          {numbers.data.map((n) => (
            <option key={n.id} value={n.id}>
              {n.verifiedName ? `${n.verifiedName} · ` : ''}
              {n.displayPhoneNumber} ({n.mode})
            </option>
          ))}
        </select>
      ) : numbers.error ? (
        <input
          id="setting-number"
          data-testid="setting-number"
          type="text"
          placeholder="number id"
          value={settings.numberId ?? ''}
          onChange={(e) => set({ numberId: e.target.value.trim() || undefined })}
        />
      ) : (
        <select id="setting-number" data-testid="setting-number-loading" disabled>
          <option>Loading numbers…</option>
        </select>
      )}
      {numbers.error && <div className="form-help">Numbers could not be listed ({numbers.error.message}); type the number id.</div>}

      <SettingSelect
        id="setting-reentry"
        label="Re-entry"
        options={RE_ENTRY}
        value={settings.reEntry}
        onChange={(reEntry) => set({ reEntry })}
      />

      <SettingSelect
        id="setting-teammate"
        label="When a teammate replies from the phone app"
        options={ON_TEAMMATE_REPLY}
        value={settings.onTeammateReply}
        onChange={(onTeammateReply) => set({ onTeammateReply })}
      />

      <SettingSelect
        id="setting-give-back"
        label="When the conversation is given back to the bot"
        options={ON_GIVE_BACK}
        value={settings.onGiveBack}
        onChange={(onGiveBack) => set({ onGiveBack })}
      />

      <label className="form-label" htmlFor="setting-timezone">
        Time zone
      </label>
      <input
        id="setting-timezone"
        data-testid="setting-timezone"
        list="tz-list"
        value={settings.timezone}
        onChange={(e) => set({ timezone: e.target.value })}
      />
      <datalist id="tz-list">
        {zones.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      {!zones.includes(settings.timezone) && settings.timezone !== 'UTC' && (
        <div className="form-error">Not a known IANA time zone (e.g. Europe/Lisbon)</div>
      )}
      <div className="form-help">Used by waits with a daily time window.</div>
    </div>
  );
}

/** A labelled select of one journey setting. */
function SettingSelect<T extends string>(props: {
  id: string;
  label: string;
  options: { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <>
      <label className="form-label" htmlFor={props.id}>
        {props.label}
      </label>
      <select id={props.id} data-testid={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value as T)}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </>
  );
}
