import type { MediaFileDto } from '@tandem/api-contract';
import { useEffect, useState } from 'react';
import { mediaApi } from '../api/media.api';

/** An object URL of the media's bytes while shown; revoked when the component goes. */
function useMediaUrl(media: MediaFileDto | null | undefined, enabled: boolean): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!media || media.state !== 'stored' || !enabled) return;
    const controller = new AbortController();
    let created: string | null = null;
    mediaApi
      .blob(media, controller.signal)
      .then((blob) => {
        created = URL.createObjectURL(blob);
        setUrl(created);
      })
      .catch(() => setUrl(null));
    return () => {
      controller.abort();
      if (created) URL.revokeObjectURL(created);
    };
  }, [media?.id, media?.state, enabled]);
  return url;
}

const STATE_TEXT: Record<MediaFileDto['state'], string> = {
  pending: 'downloading media…',
  stored: '',
  not_available: 'media not available',
  failed: 'media could not be downloaded',
};

/**
 * Received or uploaded media: a thumbnail for pictures, a download link for the rest, or why
 * it is not there (still downloading, not available, failed with the reason).
 */
export function MediaPreview({ media }: { media: MediaFileDto }) {
  const picture = media.kind === 'image' || media.kind === 'sticker';
  const url = useMediaUrl(media, picture);
  if (media.state !== 'stored') {
    return (
      <div className={`media media--${media.state}`} data-testid="media-preview" data-state={media.state} title={media.failure?.reason}>
        <em>{STATE_TEXT[media.state]}</em>
        {media.failure && <div className="muted small">{media.failure.reason}</div>}
      </div>
    );
  }
  if (picture) {
    return (
      <div className="media media--stored" data-testid="media-preview" data-state="stored">
        {url ? (
          <img className="media-thumb" src={url} alt={media.filename ?? media.kind ?? 'image'} data-testid="media-thumb" />
        ) : (
          <em>loading…</em>
        )}
      </div>
    );
  }
  return (
    <div className="media media--stored" data-testid="media-preview" data-state="stored">
      <DownloadLink media={media} />
    </div>
  );
}

function DownloadLink({ media }: { media: MediaFileDto }) {
  const name = media.filename ?? `${media.kind ?? 'media'} file`;
  const download = async () => {
    const blob = await mediaApi.blob(media);
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };
  return (
    <button type="button" className="btn btn--link" onClick={() => void download()} data-testid="media-download">
      {name}
      {media.size !== null && <span className="muted"> ({Math.ceil(media.size / 1024)} KB)</span>}
    </button>
  );
}
