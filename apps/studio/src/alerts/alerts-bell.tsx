import type { AlertListDto } from '@tandem/api-contract';
import { useCallback, useState } from 'react';
import { alertsApi } from '../api/alerts.api';
import { formatAgo } from '../common/format.util';
import { usePolling } from '../common/use-polling';

/** How often the bell asks for new alerts while the page is visible. */
const POLL_MS = 30_000;

/**
 * The notification centre in the navigation: a bell with the caller's unread count and, when
 * opened, the latest alerts (unread ones marked) with a way to mark them read.
 */
export function AlertsBell() {
  const [alerts, setAlerts] = useState<AlertListDto | null>(null);
  const [open, setOpen] = useState(false);
  const refresh = useCallback(async () => setAlerts(await alertsApi.list()), []);
  usePolling(refresh, POLL_MS, true);
  const markAll = async () => {
    await alertsApi.markRead('all');
    await refresh();
  };
  const unread = alerts?.unread ?? 0;
  return (
    <span className="alerts-bell">
      <button
        type="button"
        className="btn-link"
        aria-label={`Alerts, ${unread} unread`}
        aria-expanded={open}
        data-testid="alerts-bell"
        onClick={() => {
          setOpen(!open);
          if (!open) void refresh();
        }}
      >
        🔔
        {unread > 0 && (
          <span className="badge badge--alert" data-testid="alerts-unread">
            {unread}
          </span>
        )}
      </button>
      {open && (
        <div className="alerts-panel" role="dialog" aria-label="Alerts" data-testid="alerts-panel">
          <div className="alerts-panel-head">
            <strong>Alerts</strong>
            {unread > 0 && (
              <button type="button" className="btn-link" onClick={() => void markAll()} data-testid="alerts-mark-all">
                Mark all read
              </button>
            )}
          </div>
          {alerts && alerts.items.length === 0 && <p className="muted">Nothing to report.</p>}
          <ul className="alerts-list">
            {alerts?.items.map((a) => (
              <li
                key={a.id}
                className={`alert-item alert-item--${a.severity}${a.read ? '' : ' alert-item--unread'}`}
                data-testid={`alert-${a.kind}`}
              >
                <div className="alert-item-title">
                  {a.title}
                  {a.resolvedAt && <span className="muted"> · resolved</span>}
                  {a.raiseCount > 1 && <span className="muted"> · ×{a.raiseCount}</span>}
                </div>
                <div className="alert-item-body">{a.body}</div>
                <div className="muted" title={a.lastRaisedAt}>
                  {formatAgo(a.lastRaisedAt)}
                  {!a.read && (
                    <button type="button" className="btn-link" onClick={() => void alertsApi.markRead([a.id]).then(refresh)}>
                      Mark read
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </div>
      )}
    </span>
  );
}
