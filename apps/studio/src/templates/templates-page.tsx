import { useState, type FormEvent, type ReactElement } from 'react';
import { intakeApi } from '../api/intake.api';
import { templatesApi } from '../api/templates.api';
import { useCan } from '../auth/use-can';
import { formatAgo } from '../common/format.util';
import { useAsync } from '../common/use-async';
import { Empty, ErrorBanner, StatusPill } from '../common/ui';
import { bodyVariables, emptyTemplateForm, templateRequest, type TemplateForm } from './template-form.util';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Creates a template and submits it to Meta; the api lists every problem Meta would refuse. */
function CreateTemplateForm({ numberId, onCreated }: { numberId: string; onCreated(): void }) {
  const [form, setForm] = useState<TemplateForm>(emptyTemplateForm);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<TemplateForm>) => setForm({ ...form, ...patch });
  const variables = bodyVariables(form.body);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await templatesApi.create(templateRequest(numberId, form));
      setForm(emptyTemplateForm());
      onCreated();
    } catch (err) {
      setError(message(err));
    } finally {
      setBusy(false);
    }
  };
  const field = (id: keyof TemplateForm, label: string, input: ReactElement) => (
    <>
      <label className="form-label" htmlFor={`template-${id}`}>
        {label}
      </label>
      {input}
    </>
  );
  return (
    <form className="card" onSubmit={submit} data-testid="template-form">
      <h2>New template</h2>
      <ErrorBanner error={error} />
      {field(
        'name',
        'Name (a-z, 0-9, _)',
        <input id="template-name" value={form.name} onChange={(e) => set({ name: e.target.value })} data-testid="template-name" />,
      )}
      {field(
        'language',
        'Language',
        <input
          id="template-language"
          value={form.language}
          onChange={(e) => set({ language: e.target.value })}
          data-testid="template-language"
        />,
      )}
      {field(
        'category',
        'Category',
        <select
          id="template-category"
          value={form.category}
          onChange={(e) => set({ category: e.target.value as TemplateForm['category'] })}
          data-testid="template-category"
        >
          <option value="UTILITY">Utility</option>
          <option value="MARKETING">Marketing</option>
        </select>,
      )}
      {field(
        'header',
        'Header (optional)',
        <input id="template-header" maxLength={60} value={form.header} onChange={(e) => set({ header: e.target.value })} />,
      )}
      {field(
        'body',
        'Body — variables as {{1}}, {{2}} …',
        <textarea
          id="template-body"
          maxLength={1024}
          rows={4}
          value={form.body}
          onChange={(e) => set({ body: e.target.value })}
          data-testid="template-body"
        />,
      )}
      {variables.length > 0 &&
        field(
          'samples',
          `Sample values for ${variables.map((v) => `{{${v}}}`).join(', ')} (separated by |)`,
          <input
            id="template-samples"
            value={form.samples}
            onChange={(e) => set({ samples: e.target.value })}
            data-testid="template-samples"
          />,
        )}
      {field(
        'footer',
        'Footer (optional)',
        <input id="template-footer" maxLength={60} value={form.footer} onChange={(e) => set({ footer: e.target.value })} />,
      )}
      {field(
        'quickReplies',
        'Quick-reply buttons (one per line)',
        <textarea id="template-quickReplies" rows={2} value={form.quickReplies} onChange={(e) => set({ quickReplies: e.target.value })} />,
      )}
      <div className="button-row">
        <button type="submit" className="btn btn-primary" disabled={busy || !form.name || !form.body} data-testid="template-submit">
          Submit to Meta for review
        </button>
      </div>
    </form>
  );
}

/** Templates of a number's account: status (with Meta's reason), quality, and a create form. */
export function TemplatesPage() {
  const canWrite = useCan('templates.write');
  const numbers = useAsync((signal) => intakeApi.numbers(signal), []);
  const [chosen, setChosen] = useState<string | null>(null);
  const numberId = chosen ?? numbers.data?.[0]?.id ?? null;
  const templates = useAsync((signal) => (numberId ? templatesApi.list(numberId, signal) : Promise.resolve([])), [numberId]);
  return (
    <div className="page" data-testid="templates-page">
      <h1>Templates</h1>
      <ErrorBanner error={numbers.error ?? templates.error} onRetry={() => void templates.reload()} />
      {numbers.data && numbers.data.length === 0 && <Empty>Add a number first: templates belong to its WhatsApp Business Account.</Empty>}
      {numbers.data && numbers.data.length > 0 && (
        <div className="button-row">
          <select value={numberId ?? ''} onChange={(e) => setChosen(e.target.value)} aria-label="Number" data-testid="templates-number">
            {numbers.data.map((n) => (
              <option key={n.id} value={n.id}>
                +{n.displayPhoneNumber} ({n.wabaId})
              </option>
            ))}
          </select>
          {canWrite && numberId && (
            <button type="button" className="btn" onClick={() => void templatesApi.sync(numberId).then(() => templates.reload())}>
              Sync from Meta
            </button>
          )}
        </div>
      )}
      {templates.data && (
        <table className="table" data-testid="templates-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Language</th>
              <th>Category</th>
              <th>Status</th>
              <th>Quality</th>
              <th>Updated</th>
            </tr>
          </thead>
          <tbody>
            {templates.data.map((t) => (
              <tr key={t.id} data-testid={`template-row-${t.name}`}>
                <td>{t.name}</td>
                <td>{t.language}</td>
                <td>
                  {t.category ?? '—'}
                  {t.previousCategory && <span className="muted"> (was {t.previousCategory})</span>}
                </td>
                <td title={t.statusDetail ?? undefined}>
                  <StatusPill status={t.status.toLowerCase()} />
                  {t.statusReason && <span className="muted"> {t.statusReason}</span>}
                </td>
                <td>{t.qualityScore ?? '—'}</td>
                <td title={t.updatedAt}>{formatAgo(t.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canWrite && numberId && <CreateTemplateForm numberId={numberId} onCreated={() => void templates.reload()} />}
    </div>
  );
}
