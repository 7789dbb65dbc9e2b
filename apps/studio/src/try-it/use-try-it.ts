import type { MediaFileDto, RunDetailDto } from '@tandem/api-contract';
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/http-client';
import { intakeApi } from '../api/intake.api';
import { mediaApi } from '../api/media.api';
import { runsApi } from '../api/runs.api';
import { simulatorApi, type SimConversation } from '../api/simulator.api';
import { usePolling } from '../common/use-polling';

/** The simulator's conversation between a number and a customer, polled while shown. */
export function useConversation(phoneNumberId: string | undefined, waId: string | undefined) {
  const [conversation, setConversation] = useState<SimConversation | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const load = useCallback(async () => {
    if (!phoneNumberId || !waId) return;
    try {
      setConversation(await simulatorApi.conversation(phoneNumberId, waId));
      setError(null);
    } catch (e) {
      // A customer who never wrote is unknown to the simulator: an empty chat, not an error.
      if (e instanceof ApiError && e.status === 404) setConversation(null);
      else setError(e instanceof Error ? e : new Error(String(e)));
    }
  }, [phoneNumberId, waId]);
  useEffect(() => {
    setConversation(null);
    void load();
  }, [load]);
  usePolling(load, 1500, Boolean(phoneNumberId && waId));
  return { conversation, error, reload: load };
}

/** Latest runs of the contact (engine side) with their steps, polled while shown. */
export function useContactRuns(numberId: string | undefined, waId: string | undefined) {
  const [contactId, setContactId] = useState<string | null>(null);
  const [runs, setRuns] = useState<RunDetailDto[]>([]);
  const load = useCallback(async () => {
    if (!numberId || !waId) return;
    let id = contactId;
    if (!id) {
      const found = await intakeApi.contacts({ numberId, search: waId, pageSize: 5 }).catch(() => []);
      id = found.find((c) => c.waId === waId)?.id ?? null;
      if (!id) return;
      setContactId(id);
    }
    const page = await runsApi.list({ contactId: id, limit: 5 }).catch(() => null);
    if (!page) return;
    setRuns(await Promise.all(page.items.map((r) => runsApi.get(r.id))).catch(() => []));
  }, [numberId, waId, contactId]);
  useEffect(() => {
    setContactId(null);
    setRuns([]);
  }, [numberId, waId]);
  useEffect(() => {
    void load();
  }, [load]);
  usePolling(load, 2000, Boolean(numberId && waId));
  return { runs, contactId, reload: load };
}

/** Tandem's side of the chat's media (downloaded, pending, not available), by wamid, polled while shown. */
export function useMessageMedia(contactId: string | null) {
  const [media, setMedia] = useState<Map<string, MediaFileDto>>(new Map());
  const load = useCallback(async () => {
    if (!contactId) return;
    const next = await mediaApi.byWamid(contactId).catch(() => null);
    if (next) setMedia(next);
  }, [contactId]);
  useEffect(() => {
    setMedia(new Map());
    void load();
  }, [load]);
  usePolling(load, 2000, Boolean(contactId));
  return media;
}
