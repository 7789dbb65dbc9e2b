import { createHash } from 'node:crypto';
import { HISTORY_MEDIA_WINDOW_MS, historyMediaDownloadable, sha256Matches } from './media-lifetime.rule';

const DAY = 24 * 3600 * 1000;
const ONBOARDED = Date.UTC(2026, 10, 20);

describe('history media: 14 days before onboarding', () => {
  it.each([
    ['sent the day before onboarding', ONBOARDED - DAY, true],
    ['sent exactly 14 days before', ONBOARDED - HISTORY_MEDIA_WINDOW_MS, true],
    ['sent 14 days and a second before', ONBOARDED - HISTORY_MEDIA_WINDOW_MS - 1000, false],
    ['sent 90 days before', ONBOARDED - 90 * DAY, false],
  ])('%s: downloadable %s', (_, sentAt, expected) => {
    expect(historyMediaDownloadable(sentAt, ONBOARDED)).toBe(expected);
  });

  it('without a known onboarding time, media counts as recent', () => {
    expect(historyMediaDownloadable(0, null)).toBe(true);
  });
});

describe('sha256Matches', () => {
  const bytes = Buffer.from('hello media');
  const digest = createHash('sha256').update(bytes).digest();
  const hex = digest.toString('hex');

  it.each([
    ['base64', digest.toString('base64'), true],
    ['base64url', digest.toString('base64url'), true],
    ['hex', hex, true],
    ['upper-case hex', hex.toUpperCase(), true],
    ['another digest', createHash('sha256').update('other').digest('base64'), false],
    ['garbage', 'abc=', false],
  ])('%s', (_, announced, expected) => {
    expect(sha256Matches(announced, hex)).toBe(expected);
  });
});
