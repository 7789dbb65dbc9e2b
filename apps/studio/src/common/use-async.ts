import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';

export interface AsyncState<T> {
  data: T | undefined;
  error: Error | null;
  loading: boolean;
  /** Loads again (keeps the current data while loading). */
  reload(): Promise<void>;
  /** Replaces the data locally (after a mutation answered with the new value). */
  setData(data: T): void;
}

/** Loads data when `deps` change; aborts the previous load; keeps the last good data on reload. */
export function useAsync<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): AsyncState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<Error | null>(null);
  const [loading, setLoading] = useState(true);
  const controller = useRef<AbortController | null>(null);
  const loader = useRef(load);
  loader.current = load;

  const run = useCallback(async () => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setLoading(true);
    try {
      const value = await loader.current(current.signal);
      if (current.signal.aborted) return;
      setData(value);
      setError(null);
    } catch (e) {
      if (current.signal.aborted) return;
      setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      if (!current.signal.aborted) setLoading(false);
    }
  }, []);

  useEffect(() => {
    void run();
    return () => controller.current?.abort();
  }, deps);

  return { data, error, loading, reload: run, setData };
}
