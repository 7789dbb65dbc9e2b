import type { ConversationSummaryDto, InboxReplyRequest, InboxReplyResultDto, TemplateDto } from '@tandem/api-contract';
import { useState, type FormEvent } from 'react';
import { inboxApi, templatesOf } from '../api/inbox.api';
import { useAsync } from '../common/use-async';
import { bodyParamCount } from './inbox.util';

/** A refusal or failure as the composer shows it: the rule's reason and its explanation. */
function outcomeText(r: InboxReplyResultDto): string | null {
  if (r.status === 'refused') return `Not sent (${(r.reason ?? 'refused').replace(/_/g, ' ')}): ${r.detail ?? ''}`;
  if (r.status === 'failed') return `WhatsApp refused it${r.code ? ` (${r.code})` : ''}: ${r.detail ?? ''}`;
  return null;
}

function TemplatePicker(props: { templates: TemplateDto[]; onReady(body: InboxReplyRequest | null): void }) {
  const [chosen, setChosen] = useState('');
  const [params, setParams] = useState<string[]>([]);
  const template = props.templates.find((t) => t.id === chosen);
  const count = template ? bodyParamCount(template.components) : 0;
  const emit = (id: string, values: string[]) => {
    const t = props.templates.find((x) => x.id === id);
    const n = t ? bodyParamCount(t.components) : 0;
    const filled = values.slice(0, n);
    props.onReady(
      t && filled.length === n && filled.every((v) => v.trim() !== '')
        ? { template: { name: t.name, language: t.language, bodyParams: filled } }
        : null,
    );
  };
  return (
    <div className="inbox-template" data-testid="inbox-template-picker">
      <select
        aria-label="Template"
        value={chosen}
        onChange={(e) => {
          setChosen(e.target.value);
          setParams([]);
          emit(e.target.value, []);
        }}
        data-testid="inbox-template"
      >
        <option value="">Choose an approved template…</option>
        {props.templates.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name} ({t.language}) · {t.category?.toLowerCase() ?? 'uncategorised'}
          </option>
        ))}
      </select>
      {Array.from({ length: count }, (_, i) => (
        <input
          key={i}
          placeholder={`{{${i + 1}}}`}
          value={params[i] ?? ''}
          onChange={(e) => {
            const next = [...params];
            next[i] = e.target.value;
            setParams(next);
            emit(chosen, next);
          }}
          data-testid={`inbox-template-param-${i}`}
        />
      ))}
    </div>
  );
}

/**
 * Reply as the signed-in agent: free-form text while the window is open, otherwise (or by
 * choice) an approved template with its parameters. The send rules answer refusals with a
 * reason, shown here; nothing reaches WhatsApp in that case.
 */
export function Composer({ conversation, onSent }: { conversation: ConversationSummaryDto; onSent(): void }) {
  const windowOpen = conversation.window !== 'closed';
  const [useTemplate, setUseTemplate] = useState(false);
  const [text, setText] = useState('');
  const [templateBody, setTemplateBody] = useState<InboxReplyRequest | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const templates = useAsync((signal) => templatesOf(conversation.numberId, signal), [conversation.numberId]);
  const approved = (templates.data ?? []).filter((t) => t.status.toUpperCase() === 'APPROVED');
  const asTemplate = !windowOpen || useTemplate;
  const body: InboxReplyRequest | null = asTemplate ? templateBody : text.trim() ? { text } : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!body) return;
    setBusy(true);
    setProblem(null);
    try {
      const result = await inboxApi.reply(conversation.contactId, body);
      const failure = outcomeText(result);
      if (failure) setProblem(failure);
      else {
        setText('');
        if (result.status === 'pending') setProblem('Queued: it appears here once WhatsApp accepts it.');
        onSent();
      }
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="inbox-composer" onSubmit={submit} data-testid="inbox-composer" data-mode={asTemplate ? 'template' : 'text'}>
      {problem && (
        <div className="banner banner--error" role="alert" data-testid="inbox-composer-error">
          {problem}
        </div>
      )}
      {!windowOpen && (
        <p className="muted small" data-testid="inbox-window-closed-hint">
          No customer message in the last 24 hours: WhatsApp allows only an approved template.
        </p>
      )}
      {asTemplate ? (
        <TemplatePicker key={conversation.contactId} templates={approved} onReady={setTemplateBody} />
      ) : (
        <textarea
          rows={3}
          placeholder="Reply as yourself…"
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="inbox-composer-text"
        />
      )}
      <div className="button-row">
        {windowOpen && (
          <label className="toggle">
            <input
              type="checkbox"
              checked={useTemplate}
              onChange={(e) => setUseTemplate(e.target.checked)}
              data-testid="inbox-use-template"
            />
            Template
          </label>
        )}
        <button type="submit" className="btn btn--primary" disabled={busy || !body} data-testid="inbox-send">
          {busy ? 'Sending…' : 'Send'}
        </button>
      </div>
    </form>
  );
}
