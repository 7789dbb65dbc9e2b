import type { NodeSpecDto } from '@tandem/api-contract';
import { useEffect, useState } from 'react';
import { fetchCatalogue } from '../../api/catalogue.api';

let cached: Promise<NodeSpecDto[]> | null = null;

/** Loads the catalogue once per session (`refresh` after installing a custom node package). */
export function useCatalogue(): { specs: NodeSpecDto[] | null; error: Error | null; refresh(): void } {
  const [specs, setSpecs] = useState<NodeSpecDto[] | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    cached ??= fetchCatalogue();
    cached.then(
      (value) => live && setSpecs(value),
      (e: unknown) => {
        cached = null;
        if (live) setError(e instanceof Error ? e : new Error(String(e)));
      },
    );
    return () => {
      live = false;
    };
  }, [version]);
  return {
    specs,
    error,
    refresh() {
      cached = null;
      setError(null);
      setVersion((v) => v + 1);
    },
  };
}
