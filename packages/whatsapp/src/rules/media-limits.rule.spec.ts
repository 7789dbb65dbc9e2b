import { checkMediaUpload, MAX_MEDIA_BYTES, mediaKindOf } from './media-limits.rule';

const MB = 1024 * 1024;

describe('media limits', () => {
  it.each([
    ['image/jpeg', 'image'],
    ['image/PNG', 'image'],
    ['image/webp', 'sticker'],
    ['video/mp4', 'video'],
    ['audio/ogg; codecs=opus', 'audio'],
    ['application/pdf', 'document'],
    ['image/gif', undefined],
    ['text/html', undefined],
    ['', undefined],
  ])('%s is sent as %s', (mime, kind) => {
    expect(mediaKindOf(mime)).toBe(kind);
  });

  it.each([
    ['image/png', 5 * MB, true],
    ['image/png', 5 * MB + 1, false],
    ['video/mp4', 16 * MB, true],
    ['video/mp4', 16 * MB + 1, false],
    ['audio/mpeg', 16 * MB + 1, false],
    ['application/pdf', 100 * MB, true],
    ['application/pdf', 100 * MB + 1, false],
    ['image/webp', 500 * 1024, true],
    ['image/webp', 500 * 1024 + 1, false],
  ])('%s of %d bytes: accepted %s', (mime, size, ok) => {
    expect(checkMediaUpload(mime, size).ok).toBe(ok);
  });

  it('explains an oversize file with the limit of its kind', () => {
    expect(checkMediaUpload('image/jpeg', 6 * MB)).toEqual({
      ok: false,
      problem: 'too_large',
      maxBytes: 5 * MB,
      message: 'image files may be at most 5 MB (this one is 6 MB)',
    });
  });

  it('refuses unsupported and empty files', () => {
    expect(checkMediaUpload('application/x-msdownload', 10)).toMatchObject({ ok: false, problem: 'unsupported_type' });
    expect(checkMediaUpload('image/png', 0)).toMatchObject({ ok: false, problem: 'empty' });
  });

  it('caps any upload at the document limit', () => {
    expect(MAX_MEDIA_BYTES).toBe(100 * MB);
  });
});
