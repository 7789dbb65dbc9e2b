import { useEffect, useState, type FormEvent } from 'react';
import { contactsApi, type ContactDetailDto } from '../api/contacts.api';
import { contactName } from '../api/intake.api';
import { useCan } from '../auth/use-can';
import { formatDateTime } from '../common/format.util';
import { useAsync } from '../common/use-async';
import { ErrorBanner } from '../common/ui';
import { navigate } from '../router/use-hash-location';
import { ContactOptPanel } from './contact-opt-panel';
import { attributeChanges, parseAttributes, parseTags } from './contact-form.util';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Tags (agents and up) and attributes (marketers and up) of a contact. */
function ContactForm({ contact, onSaved }: { contact: ContactDetailDto; onSaved(c: ContactDetailDto): void }) {
  const canTag = useCan('conversations.write');
  const canEditAttributes = useCan('contacts.write');
  const [tags, setTags] = useState(contact.tags.join(', '));
  const [attributes, setAttributes] = useState(JSON.stringify(contact.attributes, null, 2));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setTags(contact.tags.join(', '));
    setAttributes(JSON.stringify(contact.attributes, null, 2));
  }, [contact]);
  const parsed = parseAttributes(attributes);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if ('problem' in parsed) return;
    setError(null);
    try {
      const changes = canEditAttributes ? attributeChanges(contact.attributes, parsed.value) : {};
      onSaved(
        await contactsApi.update(contact.id, { tags: parseTags(tags), ...(Object.keys(changes).length ? { attributes: changes } : {}) }),
      );
    } catch (err) {
      setError(message(err));
    }
  };
  return (
    <form className="card" onSubmit={submit} data-testid="contact-form">
      <h2>Tags and attributes</h2>
      <ErrorBanner error={error} />
      <label className="form-label" htmlFor="contact-tags">
        Tags (comma-separated)
      </label>
      <input id="contact-tags" value={tags} disabled={!canTag} onChange={(e) => setTags(e.target.value)} data-testid="contact-tags" />
      <label className="form-label" htmlFor="contact-attributes">
        Attributes (JSON: text, numbers, true/false)
      </label>
      <textarea
        id="contact-attributes"
        rows={8}
        className="mono"
        value={attributes}
        disabled={!canEditAttributes}
        onChange={(e) => setAttributes(e.target.value)}
        data-testid="contact-attributes"
      />
      {'problem' in parsed && <div className="form-error">{parsed.problem}</div>}
      {canTag && (
        <button type="submit" className="btn btn--primary" disabled={'problem' in parsed} data-testid="contact-save">
          Save
        </button>
      )}
    </form>
  );
}

/** `#/contacts/:id`: one contact — identity, tags and attributes, opt-out state and history, erasure. */
export function ContactPage({ contactId }: { contactId: string }) {
  const contact = useAsync((signal) => contactsApi.get(contactId, signal), [contactId]);
  const canErase = useCan('contacts.erase');
  const [error, setError] = useState<string | null>(null);
  const erase = async () => {
    if (!window.confirm('Erase this contact? Its identity is removed and its messages and run data redacted. This cannot be undone.'))
      return;
    try {
      await contactsApi.erase(contactId);
      navigate('/contacts');
    } catch (err) {
      setError(message(err));
    }
  };
  const c = contact.data;
  return (
    <div className="page page--split" data-testid="contact-page">
      <section className="card">
        <h2>{c ? contactName(c) : 'Contact'}</h2>
        <ErrorBanner error={error ?? contact.error} onRetry={error ? undefined : contact.reload} />
        {c && (
          <dl className="run-facts">
            <dt>Phone</dt>
            <dd className="mono">{c.waId ? `+${c.waId}` : '—'}</dd>
            <dt>Last message</dt>
            <dd>{formatDateTime(c.lastInboundAt ?? null)}</dd>
            <dt>Window</dt>
            <dd>{c.windowOpen ? `open until ${formatDateTime(c.windowOpenUntil ?? null)}` : 'closed'}</dd>
          </dl>
        )}
        {canErase && (
          <button type="button" className="btn btn--danger" onClick={() => void erase()} data-testid="contact-erase">
            Erase on request…
          </button>
        )}
      </section>
      {c && <ContactForm contact={c} onSaved={contact.setData} />}
      <ContactOptPanel contactId={contactId} />
    </div>
  );
}
