import { useEffect, useRef, useState, type ReactNode } from 'react';

/** A modal dialog on the native `<dialog>` element (focus trap and Escape for free). */
export function Dialog({
  title,
  onClose,
  children,
  footer,
  testId,
  wide,
}: {
  title: string;
  onClose(): void;
  children: ReactNode;
  footer?: ReactNode;
  testId?: string;
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`dialog${wide ? ' dialog--wide' : ''}`}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <header className="dialog-header">
        <h2>{title}</h2>
        <button type="button" className="btn-icon" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="dialog-body">{children}</div>
      {footer && <footer className="dialog-footer">{footer}</footer>}
    </dialog>
  );
}

/** An error message box with an optional retry. */
export function ErrorBanner({ error, onRetry }: { error: Error | string | null | undefined; onRetry?: () => void }) {
  if (!error) return null;
  return (
    <div className="banner banner--error" role="alert" data-testid="error-banner">
      <span>{typeof error === 'string' ? error : error.message}</span>
      {onRetry && (
        <button type="button" className="btn btn--small" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}

/** A coloured pill for a status word (`running`, `failed`, `active` …). */
export function StatusPill({ status, testId }: { status: string; testId?: string }) {
  return (
    <span className={`pill pill--${status.replace(/[^a-z_]/gi, '')}`} data-testid={testId}>
      {status.replace(/_/g, ' ')}
    </span>
  );
}

/** Collapsible pretty-printed JSON (step input/output/error). */
export function JsonBlock({ label, value, open = false, testId }: { label: string; value: unknown; open?: boolean; testId?: string }) {
  const [expanded, setExpanded] = useState(open);
  if (value === undefined || value === null) return null;
  return (
    <div className="json-block" data-testid={testId}>
      <button type="button" className="btn-link" aria-expanded={expanded} onClick={() => setExpanded((v) => !v)}>
        {expanded ? '▾' : '▸'} {label}
      </button>
      {expanded && <pre className="mono">{JSON.stringify(value, null, 2)}</pre>}
    </div>
  );
}

/** A horizontal progress bar; `value`/`max` clamp to 0–100 %. */
export function ProgressBar({ value, max, testId, tone }: { value: number; max: number; testId?: string; tone?: 'ok' | 'warn' | 'bad' }) {
  const pct = max > 0 ? Math.max(0, Math.min(100, (value / max) * 100)) : 0;
  return (
    <div
      className={`progress${tone ? ` progress--${tone}` : ''}`}
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={value}
      data-testid={testId}
    >
      <span style={{ width: `${pct}%` }} />
    </div>
  );
}

/** Centered placeholder for empty lists and loading. */
export function Empty({ children }: { children: ReactNode }) {
  return <div className="empty">{children}</div>;
}
