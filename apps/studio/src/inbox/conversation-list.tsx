import type { ConversationSummaryDto } from '@tandem/api-contract';
import type { QueryParams } from '../api/http-client';
import { formatAgo } from '../common/format.util';
import { Empty } from '../common/ui';

/** The list's filters, as the REST query takes them ('' = any). */
export interface InboxFilters {
  assigned: '' | 'mine' | 'unassigned';
  owner: '' | 'bot' | 'human' | 'closed';
  window: '' | 'open' | 'closing' | 'closed';
  unread: boolean;
  tag: string;
  search: string;
}

export const NO_FILTERS: InboxFilters = { assigned: '', owner: '', window: '', unread: false, tag: '', search: '' };

export const filtersQuery = (f: InboxFilters): QueryParams => ({ ...f, unread: f.unread ? 'true' : undefined });

function Select<K extends keyof InboxFilters>(props: {
  name: K;
  label: string;
  filters: InboxFilters;
  options: [InboxFilters[K], string][];
  onChange(f: InboxFilters): void;
}) {
  return (
    <select
      aria-label={props.label}
      value={String(props.filters[props.name])}
      onChange={(e) => props.onChange({ ...props.filters, [props.name]: e.target.value })}
      data-testid={`inbox-filter-${props.name}`}
    >
      {props.options.map(([value, text]) => (
        <option key={String(value)} value={String(value)}>
          {text}
        </option>
      ))}
    </select>
  );
}

/** Filters and search above the workspace's conversations, latest activity first. */
export function ConversationList(props: {
  filters: InboxFilters;
  onFilters(f: InboxFilters): void;
  items: ConversationSummaryDto[];
  total: number;
  selected: string | null;
  onSelect(contactId: string): void;
}) {
  const { filters, onFilters } = props;
  return (
    <section className="inbox-list" data-testid="inbox-list">
      <div className="inbox-filters">
        <input
          type="search"
          placeholder="Search name, phone, text"
          value={filters.search}
          onChange={(e) => onFilters({ ...filters, search: e.target.value })}
          data-testid="inbox-search"
        />
        <Select
          name="assigned"
          label="Assigned"
          filters={filters}
          onChange={onFilters}
          options={[
            ['', 'Everyone'],
            ['mine', 'Mine'],
            ['unassigned', 'Unassigned'],
          ]}
        />
        <Select
          name="owner"
          label="Owner"
          filters={filters}
          onChange={onFilters}
          options={[
            ['', 'Anyone'],
            ['bot', 'Bot'],
            ['human', 'Human'],
            ['closed', 'Closed'],
          ]}
        />
        <Select
          name="window"
          label="Window"
          filters={filters}
          onChange={onFilters}
          options={[
            ['', 'Any window'],
            ['open', 'Open'],
            ['closing', 'Closing within 1 h'],
            ['closed', 'Closed'],
          ]}
        />
        <input
          placeholder="Tag"
          value={filters.tag}
          onChange={(e) => onFilters({ ...filters, tag: e.target.value })}
          data-testid="inbox-filter-tag"
          className="inbox-filter-tag"
        />
        <label className="toggle">
          <input
            type="checkbox"
            checked={filters.unread}
            onChange={(e) => onFilters({ ...filters, unread: e.target.checked })}
            data-testid="inbox-filter-unread"
          />
          Unread
        </label>
      </div>
      <div className="muted small inbox-count">{props.total} conversations</div>
      {props.items.length === 0 ? (
        <Empty>No conversation matches.</Empty>
      ) : (
        <ul className="inbox-items">
          {props.items.map((c) => (
            <li key={c.contactId}>
              <button
                type="button"
                className={`inbox-item${c.contactId === props.selected ? ' inbox-item--active' : ''}`}
                onClick={() => props.onSelect(c.contactId)}
                data-testid={`inbox-conversation-${c.contactId}`}
                data-unread={c.unread}
              >
                <span className="inbox-item-top">
                  <strong>{c.name || c.waId}</strong>
                  <span className="muted small">{formatAgo(c.lastMessage?.at)}</span>
                </span>
                <span className="inbox-item-preview muted">{c.lastMessage?.preview ?? ''}</span>
                <span className="inbox-item-badges">
                  <span className={`pill pill--window-${c.window}`}>{c.window}</span>
                  <span className="pill pill--plain">{c.owner}</span>
                  {c.assignedTo && <span className="pill pill--plain">@{c.assignedTo.name}</span>}
                  {c.tags.map((t) => (
                    <span key={t} className="badge">
                      {t}
                    </span>
                  ))}
                  {c.unread > 0 && (
                    <span className="inbox-unread" data-testid="inbox-unread">
                      {c.unread}
                    </span>
                  )}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
