import { segmentSchema, type Segment } from '@tandem/journey-model';
import { useMemo, useState, type FormEvent } from 'react';
import { z } from 'zod';
import { campaignsApi } from '../api/campaigns.api';
import { intakeApi } from '../api/intake.api';
import { journeysApi } from '../api/journeys.api';
import { useCan } from '../auth/use-can';
import { formatAgo, formatPercent } from '../common/format.util';
import { useAsync } from '../common/use-async';
import { usePolling } from '../common/use-polling';
import { Empty, ErrorBanner, ProgressBar, StatusPill } from '../common/ui';
import type { JsonSchema } from '../editor/forms/json-schema.types';
import { SchemaForm } from '../editor/forms/schema-form';
import { Link } from '../router/link';
import { navigate } from '../router/use-hash-location';
import { campaignProgress, describeSegment } from './campaign.util';
const SEGMENT_SCHEMA = z.toJSONSchema(segmentSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

function StartCampaignForm() {
  const journeys = useAsync(() => journeysApi.list(), []);
  const numbers = useAsync((signal) => intakeApi.numbers(signal), []);
  const [journeyId, setJourneyId] = useState('');
  const [numberId, setNumberId] = useState('');
  const [name, setName] = useState('');
  const [segment, setSegment] = useState<unknown>({ tags: { all: [] } });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const publishable = useMemo(() => (journeys.data ?? []).filter((j) => j.liveVersion && j.status === 'active'), [journeys.data]);
  const journeyNumber = publishable.find((j) => j.id === journeyId)?.numberId ?? null;
  const parsed = segmentSchema.safeParse(segment);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!parsed.success) return;
    setBusy(true);
    setError(null);
    try {
      const created = await campaignsApi.create({
        journeyId,
        numberId: numberId || undefined,
        segment: parsed.data as Segment,
        name: name.trim() || undefined,
      });
      navigate(`/campaigns/${created.id}`);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card" onSubmit={submit} data-testid="campaign-form">
      <h2>Start a campaign</h2>
      <ErrorBanner error={error ?? journeys.error ?? numbers.error} />
      <label className="form-label" htmlFor="campaign-journey">
        Journey (active, published) <span className="form-required">*</span>
      </label>
      <select
        id="campaign-journey"
        value={journeyId}
        onChange={(e) => setJourneyId(e.target.value)}
        data-testid="campaign-journey"
        required
      >
        <option value="">Choose…</option>
        {publishable.map((j) => (
          <option key={j.id} value={j.id}>
            {j.name} (v{j.liveVersion})
          </option>
        ))}
      </select>
      <label className="form-label" htmlFor="campaign-number">
        Send from
      </label>
      <select id="campaign-number" value={numberId} onChange={(e) => setNumberId(e.target.value)} data-testid="campaign-number">
        <option value="">
          The journey’s number
          {journeyNumber ? ` (${numbers.data?.find((n) => n.id === journeyNumber)?.displayPhoneNumber ?? journeyNumber})` : ''}
        </option>
        {(numbers.data ?? [])
          .filter((n) => !journeyNumber || n.id === journeyNumber)
          .map((n) => (
            <option key={n.id} value={n.id}>
              {n.displayPhoneNumber} · cap {n.throughputCap}/s
            </option>
          ))}
      </select>
      <label className="form-label" htmlFor="campaign-name">
        Name
      </label>
      <input id="campaign-name" value={name} maxLength={120} onChange={(e) => setName(e.target.value)} data-testid="campaign-name" />
      <h3 className="panel-subtitle">Segment</h3>
      <p className="muted small">
        Contacts with all of “all” tags, at least one “any” tag, none of the “none” tags, and matching the conditions.
      </p>
      <SchemaForm schema={SEGMENT_SCHEMA} value={segment} onChange={setSegment} idPrefix="segment" testId="segment-form" />
      <div className="button-row">
        <button type="submit" className="btn btn--primary" disabled={busy || !journeyId || !parsed.success} data-testid="campaign-start">
          {busy ? 'Starting…' : 'Start campaign'}
        </button>
      </div>
    </form>
  );
}

/** `#/campaigns`: start a campaign for a journey and segment; every campaign with its progress. */
export function CampaignsPage() {
  const campaigns = useAsync((signal) => campaignsApi.list(undefined, signal), []);
  const canStart = useCan('campaigns.write');
  const running = (campaigns.data ?? []).some((c) => c.status === 'running' || c.status === 'draft');
  usePolling(campaigns.reload, 3000, running);
  return (
    <div className="page page--split" data-testid="campaigns-page">
      {canStart && <StartCampaignForm />}
      <section className="card">
        <h2>Campaigns</h2>
        <ErrorBanner error={campaigns.error} onRetry={campaigns.reload} />
        {campaigns.data?.length === 0 && <Empty>No campaign yet.</Empty>}
        <ul className="plain-list" data-testid="campaign-list">
          {(campaigns.data ?? []).map((c) => (
            <li key={c.id} data-testid={`campaign-row-${c.id}`}>
              <div className="campaign-row-head">
                <Link to={`/campaigns/${c.id}`}>{c.name ?? `Campaign ${c.id.slice(0, 8)}`}</Link>
                <StatusPill status={c.status} />
              </div>
              <div className="muted small">
                {c.journeyName} v{c.version} · {describeSegment(c.segment)} · {formatAgo(c.createdAt)}
              </div>
              <ProgressBar value={c.sent} max={c.total} />
              <div className="muted small">
                {c.sent} / {c.total} sent ({formatPercent(campaignProgress(c).sent)})
              </div>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
