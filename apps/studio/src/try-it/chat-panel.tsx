import type { MediaFileDto } from '@tandem/api-contract';
import { useState, type FormEvent } from 'react';
import { simulatorApi, type SimConversation } from '../api/simulator.api';
import { formatDateTime } from '../common/format.util';
import { MediaPreview } from '../common/media-preview';
import { ErrorBanner } from '../common/ui';
import { authorOf, failureCode, replyChoices, statusTicks, type ReplyChoice } from './chat.util';

interface ChatPanelProps {
  phoneNumberId: string;
  waId: string;
  profileName: string;
  conversation: SimConversation | null;
  /** Tandem's copy of each message's media (downloaded from the simulator like from Meta), by wamid. */
  media?: ReadonlyMap<string, MediaFileDto>;
  onSent(): void;
}

function Bubble({ message, media }: { message: SimConversation['messages'][number]; media?: MediaFileDto }) {
  const ticks = statusTicks(message);
  const code = failureCode(message);
  return (
    <li
      className={`bubble bubble--${message.direction}`}
      data-testid={`tryit-message-${message.wamid}`}
      data-direction={message.direction}
      data-status={message.status ?? ''}
    >
      <div className="bubble-author">{authorOf(message)}</div>
      {media && <MediaPreview media={media} />}
      <div className="bubble-text">{message.revoked ? <em>message deleted</em> : (message.editedText ?? message.preview)}</div>
      <div className="bubble-meta">
        {message.source === 'history' && <span className="muted">history · </span>}
        {formatDateTime(message.at)}
        {ticks.ticks && (
          <span className={`ticks ticks--${ticks.label}`} title={ticks.label} data-testid="tryit-ticks">
            {' '}
            {ticks.ticks}
          </span>
        )}
        {code !== undefined && <span className="pill pill--failed">error {code}</span>}
      </div>
    </li>
  );
}

/** The conversation as the simulator sees it, with controls to act as the customer and as a teammate on the phone app. */
export function ChatPanel({ phoneNumberId, waId, profileName, conversation, media, onSent }: ChatPanelProps) {
  const [customerText, setCustomerText] = useState('');
  const [appText, setAppText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const messages = conversation?.messages ?? [];
  const choices = replyChoices(messages);

  const send = async (action: () => Promise<unknown>, clear: () => void) => {
    setError(null);
    try {
      await action();
      clear();
      onSent();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const asCustomer = (e: FormEvent) => {
    e.preventDefault();
    const text = customerText.trim();
    if (text)
      void send(
        () => simulatorApi.sendAsCustomer({ phoneNumberId, waId, profileName: profileName || undefined, message: { type: 'text', text } }),
        () => setCustomerText(''),
      );
  };
  const asCustomerPicture = () => {
    const caption = customerText.trim();
    void send(
      () =>
        simulatorApi.sendAsCustomer({
          phoneNumberId,
          waId,
          profileName: profileName || undefined,
          message: caption ? { type: 'image', caption } : { type: 'image' },
        }),
      () => setCustomerText(''),
    );
  };
  const tap = (choice: ReplyChoice) =>
    void send(
      () => simulatorApi.sendAsCustomer({ phoneNumberId, waId, profileName: profileName || undefined, message: choice.content }),
      () => undefined,
    );
  const asApp = (e: FormEvent) => {
    e.preventDefault();
    const text = appText.trim();
    if (text)
      void send(
        () => simulatorApi.sendAsPhoneApp({ phoneNumberId, to: waId, text }),
        () => setAppText(''),
      );
  };

  return (
    <section className="chat" data-testid="tryit-chat">
      <header className="chat-head">
        <strong>{profileName || `+${waId}`}</strong>
        {conversation?.windowOpen !== undefined && (
          <span className={`pill pill--plain ${conversation.windowOpen ? 'pill--active' : 'pill--paused'}`} data-testid="tryit-window">
            {conversation.windowOpen ? `window open until ${formatDateTime(conversation.windowOpenUntil)}` : 'window closed'}
          </span>
        )}
      </header>
      <ol className="chat-messages" data-testid="tryit-messages">
        {messages.length === 0 && <li className="muted">No messages yet — write as the customer below.</li>}
        {messages.map((m) => (
          <Bubble key={m.wamid} message={m} media={media?.get(m.wamid)} />
        ))}
      </ol>
      <ErrorBanner error={error} />
      {choices.length > 0 && (
        <div className="chat-choices" data-testid="tryit-choices">
          {choices.map((c, i) => (
            <button
              key={`${c.kind}-${i}`}
              type="button"
              className="btn btn--choice"
              title={c.description}
              data-testid={`tryit-choice-${i}`}
              onClick={() => tap(c)}
            >
              {c.kind === 'list_row' ? '☰ ' : ''}
              {c.label}
            </button>
          ))}
        </div>
      )}
      <form className="chat-input" onSubmit={asCustomer}>
        <input
          placeholder="Write as the customer…"
          value={customerText}
          onChange={(e) => setCustomerText(e.target.value)}
          data-testid="tryit-customer-text"
          aria-label="Customer message"
        />
        <button type="submit" className="btn btn--primary" disabled={!customerText.trim()} data-testid="tryit-customer-send">
          Send as customer
        </button>
        <button
          type="button"
          className="btn"
          onClick={asCustomerPicture}
          data-testid="tryit-customer-picture"
          title="The customer sends a photo"
        >
          Send a photo
        </button>
      </form>
      <form className="chat-input chat-input--app" onSubmit={asApp}>
        <input
          placeholder="Reply as a teammate from the phone app…"
          value={appText}
          onChange={(e) => setAppText(e.target.value)}
          data-testid="tryit-app-text"
          aria-label="Teammate message"
        />
        <button type="submit" className="btn" disabled={!appText.trim()} data-testid="tryit-app-send">
          Send from phone app
        </button>
      </form>
    </section>
  );
}
