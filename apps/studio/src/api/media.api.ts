import { type MediaFileDto, mediaFileSchema } from '@tandem/api-contract';
import { z } from 'zod';
import { useAuthStore } from '../auth/auth.store';
import { ApiError, errorMessage, WORKSPACE_HEADER } from './http-client';
import { request } from './client';

const messageMediaPage = z.object({
  items: z.array(z.object({ wamid: z.string(), media: mediaFileSchema.nullable().optional() })),
});

function workspaceHeaders(): Record<string, string> {
  const workspace = useAuthStore.getState().workspaceId;
  return workspace ? { [WORKSPACE_HEADER]: workspace } : {};
}

async function failed(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => undefined);
  return new ApiError(response.status, errorMessage(response.status, body), body);
}

/** Media files (`/api/media`, docs/media.md): received media once downloaded, uploads for sends. */
export const mediaApi = {
  /** The media of a contact's latest messages, by wamid (try-it shows them beside the simulator's chat). */
  byWamid: async (contactId: string, signal?: AbortSignal): Promise<Map<string, MediaFileDto>> => {
    const page = await request(`/api/contacts/${contactId}/messages`, { query: { pageSize: 100 }, signal, schema: messageMediaPage });
    return new Map(page.items.flatMap((m) => (m.media ? [[m.wamid, m.media] as const] : [])));
  },
  uploads: (numberId: string, signal?: AbortSignal): Promise<MediaFileDto[]> =>
    request('/api/media', { query: { origin: 'uploaded', numberId }, signal, schema: z.object({ items: z.array(mediaFileSchema) }) }).then(
      (r) => r.items,
    ),
  /**
   * The bytes as a blob: fetched with the workspace header (an `<img src>` could not send it),
   * shown through an object URL.
   */
  blob: async (media: MediaFileDto, signal?: AbortSignal): Promise<Blob> => {
    const response = await fetch(`/api/media/${media.id}`, { headers: workspaceHeaders(), credentials: 'same-origin', signal });
    if (!response.ok) throw await failed(response);
    return response.blob();
  },
  /** Uploads a file to a number for sends; Meta's limits are checked by the api (413 / 400 with the reason). */
  upload: async (numberId: string, file: File): Promise<MediaFileDto> => {
    const form = new FormData();
    form.set('numberId', numberId);
    form.set('file', file);
    const response = await fetch('/api/media', { method: 'POST', headers: workspaceHeaders(), body: form, credentials: 'same-origin' });
    if (!response.ok) throw await failed(response);
    return mediaFileSchema.parse(await response.json());
  },
};
