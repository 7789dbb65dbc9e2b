import type { ConversationNoteDto, ConversationSummaryDto } from '@tandem/api-contract';
import { useState, type FormEvent } from 'react';
import { inboxApi, type Assignee } from '../api/inbox.api';
import { formatDateTime } from '../common/format.util';
import { ErrorBanner } from '../common/ui';
import { parseTags } from './inbox.util';

const OWNERSHIP: { action: 'take' | 'give-back' | 'close'; label: string }[] = [
  { action: 'take', label: 'Take over' },
  { action: 'give-back', label: 'Give back to the bot' },
  { action: 'close', label: 'Close' },
];

/** Assignment, tags, ownership and internal notes of the open conversation. */
export function ConversationPanel(props: {
  conversation: ConversationSummaryDto;
  notes: ConversationNoteDto[];
  assignees: Assignee[];
  canWrite: boolean;
  onChanged(): void;
}) {
  const c = props.conversation;
  const [tags, setTags] = useState(c.tags.join(', '));
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const act = async (action: () => Promise<unknown>, after?: () => void) => {
    setError(null);
    try {
      await action();
      after?.();
      props.onChanged();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const saveTags = (e: FormEvent) => {
    e.preventDefault();
    void act(() => inboxApi.setTags(c.contactId, parseTags(tags)));
  };
  const addNote = (e: FormEvent) => {
    e.preventDefault();
    if (note.trim())
      void act(
        () => inboxApi.addNote(c.contactId, note),
        () => setNote(''),
      );
  };
  return (
    <aside className="inbox-panel" data-testid="inbox-panel">
      <ErrorBanner error={error} />
      <label className="form-label" htmlFor="inbox-assignee">
        Assigned to
      </label>
      <select
        id="inbox-assignee"
        value={c.assignedTo?.id ?? ''}
        disabled={!props.canWrite}
        onChange={(e) => void act(() => inboxApi.assign(c.contactId, e.target.value || null))}
        data-testid="inbox-assignee"
      >
        <option value="">Nobody</option>
        {props.assignees.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name} ({m.role})
          </option>
        ))}
      </select>
      <form onSubmit={saveTags} className="inbox-tags">
        <label className="form-label" htmlFor="inbox-tags">
          Tags
        </label>
        <input
          id="inbox-tags"
          value={tags}
          disabled={!props.canWrite}
          onChange={(e) => setTags(e.target.value)}
          placeholder="vip, returns"
          data-testid="inbox-tags"
        />
        {props.canWrite && (
          <button type="submit" className="btn btn--small" data-testid="inbox-tags-save">
            Save tags
          </button>
        )}
      </form>
      {props.canWrite && (
        <div className="button-row inbox-ownership">
          {OWNERSHIP.map((o) => (
            <button
              key={o.action}
              type="button"
              className="btn btn--small"
              onClick={() => void act(() => inboxApi.ownership(c.contactId, o.action))}
              data-testid={`inbox-${o.action}`}
            >
              {o.label}
            </button>
          ))}
          <button
            type="button"
            className="btn btn--small"
            onClick={() => void act(() => inboxApi.setRead(c.contactId, false))}
            data-testid="inbox-mark-unread"
          >
            Mark unread
          </button>
        </div>
      )}
      <h3>Internal notes</h3>
      <ul className="plain-list inbox-notes" data-testid="inbox-notes">
        {props.notes.map((n) => (
          <li key={n.id} className="inbox-note">
            <div className="muted small">
              {n.author} · {formatDateTime(n.at)}
            </div>
            <div>{n.body}</div>
          </li>
        ))}
      </ul>
      {props.canWrite && (
        <form onSubmit={addNote}>
          <textarea
            rows={2}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder="Only your team sees notes"
            data-testid="inbox-note-text"
          />
          <button type="submit" className="btn btn--small" disabled={!note.trim()} data-testid="inbox-note-add">
            Add note
          </button>
        </form>
      )}
    </aside>
  );
}
