import type { RunSummaryDto } from '@tandem/api-contract';
import { useCallback, useEffect, useRef, useState } from 'react';
import { runsApi } from '../api/runs.api';
import { usePolling } from '../common/use-polling';
import { runsQuery, type RunFilters } from './run-filters.util';

const PAGE_SIZE = 50;

/** Cursor-paged runs for the given filters; the first page refreshes live until more pages are loaded. */
export function useRunList(filters: RunFilters, live: boolean) {
  const [items, setItems] = useState<RunSummaryDto[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [pages, setPages] = useState(0);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<Error | null>(null);
  const key = JSON.stringify(filters);
  const keyRef = useRef(key);
  keyRef.current = key;

  const loadFirst = useCallback(async () => {
    const requested = key;
    try {
      const page = await runsApi.list(runsQuery(JSON.parse(requested) as RunFilters, null, PAGE_SIZE));
      if (keyRef.current !== requested) return;
      setItems(page.items);
      setNextCursor(page.nextCursor);
      setTotal(page.total ?? null);
      setPages(1);
      setError(null);
    } catch (e) {
      if (keyRef.current === requested) setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      if (keyRef.current === requested) setLoading(false);
    }
  }, [key]);

  useEffect(() => {
    setLoading(true);
    setItems([]);
    void loadFirst();
  }, [loadFirst]);

  const loadMore = useCallback(async () => {
    if (!nextCursor) return;
    const requested = key;
    setLoading(true);
    try {
      const page = await runsApi.list(runsQuery(JSON.parse(requested) as RunFilters, nextCursor, PAGE_SIZE));
      if (keyRef.current !== requested) return;
      setItems((current) => [...current, ...page.items.filter((r) => !current.some((c) => c.id === r.id))]);
      setNextCursor(page.nextCursor);
      setPages((p) => p + 1);
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setLoading(false);
    }
  }, [key, nextCursor]);

  usePolling(loadFirst, 2000, live && pages <= 1);
  return { items, nextCursor, total, loading, error, loadMore, reload: loadFirst };
}
