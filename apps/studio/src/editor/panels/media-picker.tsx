import type { MediaFileDto } from '@tandem/api-contract';
import { useState, type ChangeEvent } from 'react';
import { mediaApi } from '../../api/media.api';
import { useCan } from '../../auth/use-can';
import { formatDateTime } from '../../common/format.util';
import { ErrorBanner } from '../../common/ui';
import { useAsync } from '../../common/use-async';

interface MediaPickerProps {
  /** The journey's number: uploads belong to a number at Meta. */
  numberId: string | undefined;
  config: Record<string, unknown>;
  onChange(config: Record<string, unknown>): void;
}

/** The config of a send-media node that sends this upload (by media id, not by link). */
export function pickUpload(config: Record<string, unknown>, media: MediaFileDto): Record<string, unknown> {
  const next: Record<string, unknown> = { ...config, kind: media.kind ?? config.kind, mediaId: media.metaMediaId ?? undefined };
  delete next.link;
  if (media.kind === 'document' && media.filename && !next.filename) next.filename = media.filename;
  if (media.kind !== 'document') delete next.filename;
  return next;
}

/**
 * Uploads of the journey's number to send from a `core.send-media@1` node, and an upload
 * field (Meta's type and size limits are checked by the api, its refusal shown here).
 */
export function MediaPicker({ numberId, config, onChange }: MediaPickerProps) {
  const canUpload = useCan('media.upload');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const uploads = useAsync((signal) => (numberId ? mediaApi.uploads(numberId, signal) : Promise.resolve([])), [numberId]);
  if (!numberId) return <p className="muted small">Choose the journey’s number in its settings to send uploaded media.</p>;

  const upload = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setError(null);
    setBusy(true);
    try {
      const media = await mediaApi.upload(numberId, file);
      await uploads.reload();
      onChange(pickUpload(config, media));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const usable = (uploads.data ?? []).filter((m) => m.metaMediaId && (!m.metaExpiresAt || Date.parse(m.metaExpiresAt) > Date.now()));
  return (
    <div className="media-picker" data-testid="media-picker">
      <h3 className="panel-subtitle">Uploaded media</h3>
      {usable.length === 0 && <p className="muted small">No uploads for this number yet.</p>}
      <ul className="media-picker-list">
        {usable.map((m) => (
          <li key={m.id}>
            <button
              type="button"
              className={`btn btn--small${config.mediaId === m.metaMediaId ? ' btn--primary' : ''}`}
              onClick={() => onChange(pickUpload(config, m))}
              data-testid={`media-pick-${m.id}`}
              title={`Media id ${m.metaMediaId}; Meta keeps it until ${formatDateTime(m.metaExpiresAt)}`}
            >
              {m.kind} · {m.filename ?? m.id.slice(0, 8)}
            </button>
          </li>
        ))}
      </ul>
      {canUpload && (
        <label className="form-label">
          Upload a file
          <input type="file" onChange={(e) => void upload(e)} disabled={busy} data-testid="media-upload-input" />
        </label>
      )}
      <ErrorBanner error={error} />
    </div>
  );
}
