import { useNodesInitialized, useReactFlow } from '@xyflow/react';
import { useEffect, useRef } from 'react';

/** Padding and zoom cap of every "fit the journey into view". */
export const FIT_OPTIONS = { padding: 0.15, maxZoom: 1 } as const;

/**
 * Fits the whole journey into view once every node has been measured. React Flow's
 * `fitView` prop can fire while a controlled flow is still applying the first dimension
 * changes, framing only part of the graph.
 */
export function useInitialFit(): void {
  const initialized = useNodesInitialized();
  const { fitView } = useReactFlow();
  const done = useRef(false);
  useEffect(() => {
    if (!initialized || done.current) return;
    done.current = true;
    requestAnimationFrame(() => void fitView(FIT_OPTIONS));
  }, [initialized, fitView]);
}
