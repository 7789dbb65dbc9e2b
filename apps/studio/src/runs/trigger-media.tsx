import type { MediaFileDto } from '@tandem/api-contract';
import { mediaApi } from '../api/media.api';
import { MediaPreview } from '../common/media-preview';
import { useAsync } from '../common/use-async';

/** The wamid of the message that started a run, when its trigger was one. */
export function triggerWamid(triggerEvent: unknown): string | null {
  if (!triggerEvent || typeof triggerEvent !== 'object') return null;
  const wamid = (triggerEvent as { wamid?: unknown }).wamid;
  return typeof wamid === 'string' && wamid ? wamid : null;
}

/** The media the triggering message carried (a thumbnail, a download link, or why it is missing). */
export function TriggerMedia({ contactId, triggerEvent }: { contactId: string; triggerEvent: unknown }) {
  const wamid = triggerWamid(triggerEvent);
  const media = useAsync<MediaFileDto | null>(
    async (signal) => (wamid ? ((await mediaApi.byWamid(contactId, signal)).get(wamid) ?? null) : null),
    [contactId, wamid],
  );
  if (!media.data) return null;
  return (
    <section className="run-trigger-media" data-testid="run-trigger-media">
      <h3>Received media</h3>
      <MediaPreview media={media.data} />
    </section>
  );
}
