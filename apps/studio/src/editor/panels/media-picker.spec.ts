import type { MediaFileDto } from '@tandem/api-contract';
import { pickUpload } from './media-picker';

const upload = (over: Partial<MediaFileDto>): MediaFileDto => ({
  id: '00000000-0000-4000-8000-000000000001',
  numberId: '00000000-0000-4000-8000-000000000002',
  messageId: null,
  origin: 'uploaded',
  kind: 'image',
  state: 'stored',
  mimeType: 'image/png',
  filename: 'logo.png',
  size: 10,
  sha256: 'a'.repeat(64),
  metaMediaId: '990011',
  metaExpiresAt: null,
  failure: null,
  url: null,
  createdAt: '2026-12-01T00:00:00.000Z',
  storedAt: null,
  ...over,
});

describe('pickUpload', () => {
  it('sends the upload by media id instead of a link, with its kind', () => {
    expect(pickUpload({ kind: 'video', link: 'https://x/y.mp4', caption: 'Hi', filename: 'x' }, upload({}))).toEqual({
      kind: 'image',
      mediaId: '990011',
      caption: 'Hi',
    });
  });

  it('keeps a document’s file name, taking the upload’s when none is set', () => {
    expect(pickUpload({ kind: 'document' }, upload({ kind: 'document', filename: 'prices.pdf' }))).toEqual({
      kind: 'document',
      mediaId: '990011',
      filename: 'prices.pdf',
    });
  });
});
