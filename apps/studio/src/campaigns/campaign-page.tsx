import type { CampaignDto } from '@tandem/api-contract';
import { useCallback, useEffect, useState } from 'react';
import { campaignsApi } from '../api/campaigns.api';
import { formatCount, formatDateTime, formatPercent } from '../common/format.util';
import { usePolling } from '../common/use-polling';
import { ErrorBanner, ProgressBar, StatusPill } from '../common/ui';
import { Link } from '../router/link';
import { campaignProgress, describeSegment, isCampaignFinished } from './campaign.util';

/** `#/campaigns/:id`: live progress (sent of total), rate against the cap and ETA. */
export function CampaignPage({ campaignId }: { campaignId: string }) {
  const [campaign, setCampaign] = useState<CampaignDto | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const load = useCallback(async () => {
    try {
      setCampaign(await campaignsApi.get(campaignId));
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    }
  }, [campaignId]);
  useEffect(() => {
    void load();
  }, [load]);
  usePolling(load, 2000, campaign !== null && !isCampaignFinished(campaign.status));

  if (!campaign) return error ? <ErrorBanner error={error} onRetry={load} /> : <p className="muted page-pad">Loading…</p>;
  const p = campaignProgress(campaign);
  const tone = p.rateOfCap !== null && p.rateOfCap > 1 ? 'bad' : p.rateOfCap !== null && p.rateOfCap > 0.9 ? 'warn' : 'ok';
  return (
    <div className="page" data-testid="campaign-page">
      <header className="page-header">
        <h1>{campaign.name ?? `Campaign ${campaign.id.slice(0, 8)}`}</h1>
        <StatusPill status={campaign.status} testId="campaign-status" />
      </header>
      <ErrorBanner error={error} />
      <p className="muted">
        <Link to={`/journeys/${campaign.journeyId}`}>{campaign.journeyName}</Link> v{campaign.version} · {describeSegment(campaign.segment)}{' '}
        · started {formatDateTime(campaign.createdAt)}
        {campaign.finishedAt && <> · finished {formatDateTime(campaign.finishedAt)}</>} ·{' '}
        <Link to="/runs" query={{ journeyId: campaign.journeyId, version: campaign.version }}>
          runs
        </Link>
      </p>
      <section className="card">
        <div className="metric-row">
          <div className="metric" data-testid="campaign-sent">
            <span className="metric-value">
              {formatCount(campaign.sent)} / {formatCount(campaign.total)}
            </span>
            <span className="metric-label">sent ({formatPercent(p.sent)})</span>
          </div>
          <div className="metric">
            <span className="metric-value">{formatCount(campaign.completed)}</span>
            <span className="metric-label">completed</span>
          </div>
          <div className="metric">
            <span className="metric-value metric-value--bad">{formatCount(campaign.failed)}</span>
            <span className="metric-label">failed</span>
          </div>
          <div className="metric" data-testid="campaign-eta">
            <span className="metric-value">{p.eta}</span>
            <span className="metric-label">ETA</span>
          </div>
        </div>
        <ProgressBar value={campaign.sent} max={campaign.total} testId="campaign-progress" />
        <h3 className="panel-subtitle">Skipped</h3>
        <div className="metric-row" data-testid="campaign-skipped">
          {SKIP_LABELS.map(([key, label]) => (
            <div className="metric" key={key} data-testid={`campaign-skipped-${key}`}>
              <span className="metric-value">{formatCount(campaign.skipped[key])}</span>
              <span className="metric-label">{label}</span>
            </div>
          ))}
        </div>
        <h3 className="panel-subtitle">Send rate</h3>
        <div className="metric-row">
          <div className="metric" data-testid="campaign-rate">
            <span className="metric-value">
              {campaign.ratePerSec.toFixed(1)} / {campaign.capPerSec} msg/s
            </span>
            <span className="metric-label">{formatPercent(p.rateOfCap)} of the number’s cap</span>
          </div>
        </div>
        <ProgressBar value={campaign.ratePerSec} max={campaign.capPerSec} tone={tone} testId="campaign-rate-bar" />
      </section>
    </div>
  );
}

/** Why contacts of the segment got no run, in the words the campaign page shows. */
const SKIP_LABELS: readonly [keyof CampaignDto['skipped'], string][] = [
  ['optedOut', 'opted out'],
  ['marketingOptedOut', 'stopped marketing'],
  ['heldByMetaLimit', 'held by Meta’s limit'],
  ['humanOwned', 'with a teammate'],
  ['reEntry', 'already in the journey'],
];
