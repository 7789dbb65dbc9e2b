import { inboxEventSchema, type InboxEventDto } from '@tandem/api-contract';
import { useEffect, useRef, useState } from 'react';
import { WORKSPACE_HEADER } from '../api/http-client';
import { useAuthStore } from '../auth/auth.store';
import { parseSseChunk } from './sse.util';

const RETRY_MS = 2_000;

/** Whether the live stream is connected (the page shows it, and refetches on every (re)connect). */
export type LiveState = 'connecting' | 'live' | 'offline';

/**
 * Follows `GET /api/inbox/events` (server-sent events) with `fetch`, so the workspace header
 * travels with it (EventSource cannot send headers); reconnects after a drop. `onEvent` gets
 * each change; `onConnected` runs when the server says the stream is `ready` (after every
 * (re)connect), since changes during a gap are lost.
 */
export function useInboxEvents(onEvent: (e: InboxEventDto) => void, onConnected: () => void): LiveState {
  const [state, setState] = useState<LiveState>('connecting');
  const handlers = useRef({ onEvent, onConnected });
  handlers.current = { onEvent, onConnected };
  const workspace = useAuthStore((s) => s.workspaceId);

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const connect = async () => {
      try {
        const response = await fetch('/api/inbox/events', {
          headers: { Accept: 'text/event-stream', ...(workspace ? { [WORKSPACE_HEADER]: workspace } : {}) },
          credentials: 'same-origin',
          signal: controller.signal,
        });
        if (!response.ok || !response.body) throw new Error(`events answered ${response.status}`);
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let rest = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          const parsed = parseSseChunk(rest, value);
          rest = parsed.rest;
          for (const e of parsed.events) {
            if (e.event === 'ready') {
              setState('live');
              handlers.current.onConnected();
              continue;
            }
            const event = e.data ? inboxEventSchema.safeParse(safeJson(e.data)) : null;
            if (event?.success) handlers.current.onEvent(event.data);
          }
        }
      } catch {
        if (controller.signal.aborted) return;
      }
      if (controller.signal.aborted) return;
      setState('offline');
      timer = setTimeout(() => void connect(), RETRY_MS);
    };
    void connect();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [workspace]);

  return state;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
