import { useCallback, useEffect, useRef, useState } from 'react';
import { inboxApi } from '../api/inbox.api';
import { useCan } from '../auth/use-can';
import { useAsync } from '../common/use-async';
import { Empty, ErrorBanner } from '../common/ui';
import { navigate } from '../router/use-hash-location';
import { Composer } from './composer';
import { ConversationList, filtersQuery, NO_FILTERS, type InboxFilters } from './conversation-list';
import { ConversationPanel } from './conversation-panel';
import { ThreadView } from './thread-view';
import { useInboxEvents } from './use-inbox-events';

const COUNTDOWN_TICK_MS = 30_000;

/** Re-renders every `ms` so countdowns move. */
function useNow(ms: number): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

/**
 * `#/inbox?c=<contactId>`: the shared inbox — conversations with filters, the open thread
 * with its composer, and assignment, tags, ownership and notes. Live: server-sent events
 * refetch the list and the open thread; nothing needs a reload.
 */
export function InboxPage({ query }: { query: Record<string, string> }) {
  const canWrite = useCan('conversations.write');
  const selected = query.c ?? null;
  const [filters, setFilters] = useState<InboxFilters>(NO_FILTERS);
  const now = useNow(COUNTDOWN_TICK_MS);
  const list = useAsync((signal) => inboxApi.list(filtersQuery(filters), signal), [JSON.stringify(filters)]);
  const thread = useAsync((signal) => (selected ? inboxApi.thread(selected, signal) : Promise.resolve(null)), [selected]);
  const assignees = useAsync((signal) => inboxApi.assignees(signal), []);
  const current = useRef({ selected, list, thread });
  current.current = { selected, list, thread };

  const markRead = useCallback(async () => {
    if (!selected || !canWrite) return;
    await inboxApi.setRead(selected, true).catch(() => undefined);
    await current.current.list.reload();
  }, [selected, canWrite]);
  useEffect(() => void markRead(), [markRead]);

  const live = useInboxEvents(
    (e) => {
      void current.current.list.reload();
      if (e.contactId === current.current.selected) {
        void current.current.thread.reload().then(() => (e.kind === 'message' ? markRead() : undefined));
      }
    },
    () => {
      void current.current.list.reload();
      void current.current.thread.reload();
    },
  );
  const refresh = () => {
    void list.reload();
    void thread.reload();
  };
  const open = thread.data && thread.data.conversation.contactId === selected ? thread.data : null;

  return (
    <div className="page inbox-page" data-testid="inbox-page">
      <div className="page-header">
        <h1>Inbox</h1>
        <span className={`pill pill--live-${live}`} data-testid="inbox-live" data-state={live}>
          {live === 'live' ? 'live' : live === 'connecting' ? 'connecting…' : 'offline, retrying'}
        </span>
      </div>
      <ErrorBanner error={list.error} onRetry={() => void list.reload()} />
      <div className="inbox-layout">
        <ConversationList
          filters={filters}
          onFilters={setFilters}
          items={list.data?.items ?? []}
          total={list.data?.total ?? 0}
          selected={selected}
          onSelect={(id) => navigate('/inbox', { c: id })}
        />
        <section className="inbox-thread" data-testid="inbox-thread">
          <ErrorBanner error={thread.error} onRetry={() => void thread.reload()} />
          {open ? (
            <>
              <ThreadView thread={open} now={now} />
              {canWrite && <Composer key={open.conversation.contactId} conversation={open.conversation} onSent={refresh} />}
            </>
          ) : (
            <Empty>{selected ? 'Loading…' : 'Choose a conversation.'}</Empty>
          )}
        </section>
        {open && (
          <ConversationPanel
            key={`${open.conversation.contactId}:${open.conversation.tags.join(',')}`}
            conversation={open.conversation}
            notes={open.notes}
            assignees={assignees.data ?? []}
            canWrite={canWrite}
            onChanged={refresh}
          />
        )}
      </div>
    </div>
  );
}
