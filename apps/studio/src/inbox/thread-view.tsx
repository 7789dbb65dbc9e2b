import type { ConversationThreadDto, ThreadMessageDto } from '@tandem/api-contract';
import { formatDateTime } from '../common/format.util';
import { Link } from '../router/link';
import { isOutbound, originLabel, ticksOf, windowCountdown } from './inbox.util';

function MessageBubble({ m }: { m: ThreadMessageDto }) {
  const ticks = ticksOf(m);
  return (
    <li
      className={`bubble bubble--${isOutbound(m.origin) ? 'outbound_api' : 'inbound'} bubble--origin-${m.origin}`}
      data-testid={`inbox-message-${m.wamid}`}
      data-origin={m.origin}
      data-status={m.status ?? ''}
    >
      <div className="bubble-author" data-testid="inbox-message-origin">
        {originLabel(m)}
        {m.run && (
          <>
            {' · '}
            <Link to={`/runs/${m.run.id}`}>run{m.run.nodeId ? ` at ${m.run.nodeId}` : ''}</Link>
          </>
        )}
      </div>
      <div className="bubble-text">
        {m.revokedAt ? <em data-testid="inbox-message-revoked">message deleted</em> : (m.editedText ?? m.text)}
      </div>
      {m.error && (
        <div className="bubble-error" role="alert" data-testid="inbox-message-error">
          Not delivered{m.error.code !== null ? ` (${m.error.code})` : ''}: {m.error.title ?? 'no reason given'}
        </div>
      )}
      <div className="bubble-meta">
        {m.editedAt && <span className="muted">edited · </span>}
        {formatDateTime(m.at)}
        {ticks.ticks && (
          <span className={`ticks ticks--${ticks.label}`} title={ticks.label} data-testid="inbox-ticks">
            {' '}
            {ticks.ticks}
          </span>
        )}
      </div>
    </li>
  );
}

/** The conversation's header (window countdown, owner) and every message, oldest first. */
export function ThreadView({ thread, now }: { thread: ConversationThreadDto; now: number }) {
  const c = thread.conversation;
  return (
    <>
      <header className="inbox-thread-header">
        <div>
          <h2 data-testid="inbox-thread-name">{c.name || c.waId}</h2>
          <div className="muted small">
            {c.waId ? `+${c.waId}` : ''} · to {c.displayPhoneNumber}
            {c.optedOut && <span className="badge badge--error"> opted out</span>}
          </div>
        </div>
        <span className={`pill pill--window-${c.window}`} data-testid="inbox-window" data-window={c.window}>
          {c.window === 'closed' ? 'window closed' : `window ${windowCountdown(c.windowOpenUntil, now)} left`}
        </span>
        <span className="pill pill--plain" data-testid="inbox-owner">
          {c.owner === 'human' ? 'human-owned' : c.owner === 'closed' ? 'closed' : 'bot'}
        </span>
      </header>
      {thread.truncated && <p className="muted small inbox-older">Older messages are not shown.</p>}
      <ul className="chat-messages inbox-messages" data-testid="inbox-messages">
        {thread.messages.map((m) => (
          <MessageBubble key={m.id} m={m} />
        ))}
      </ul>
    </>
  );
}
