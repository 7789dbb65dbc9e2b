import type { StagedThread } from '../state/sim-state.types';
import { buildHistoryChunks, chunkThreads, hasFollowUpMedia, phaseOf } from './history-chunks.util';

const DAY = 24 * 60 * 60 * 1000;
const onboardedAt = 1_780_740_800_000;

describe('phaseOf', () => {
  it.each([
    [-1, undefined],
    [0, 0],
    [DAY - 1, 0],
    [DAY, 1],
    [89 * DAY, 1],
    [90 * DAY, 2],
    [180 * DAY, 2],
    [180 * DAY + 1, undefined],
  ])('age %d ms → phase %s', (age, phase) => {
    expect(phaseOf(age)).toBe(phase);
  });
});

describe('buildHistoryChunks', () => {
  const maria: StagedThread = {
    waId: '15551234567',
    messages: [
      { direction: 'inbound', type: 'text', text: 'Hello', at: onboardedAt - 20 * DAY, status: 'READ' },
      { direction: 'outbound', type: 'text', text: 'Hi!', at: onboardedAt - 20 * DAY + 60_000, status: 'READ' },
      { direction: 'outbound', type: 'image', caption: 'Menu', at: onboardedAt - 5 * DAY, status: 'DELIVERED' },
      { direction: 'inbound', type: 'image', at: onboardedAt - 30 * DAY, status: 'READ' },
      { direction: 'inbound', type: 'text', text: 'Old', at: onboardedAt - 100 * DAY, status: 'READ' },
      { direction: 'inbound', type: 'text', text: 'Too old', at: onboardedAt - 200 * DAY, status: 'READ' },
      { direction: 'inbound', type: 'text', text: 'Yesterday', at: onboardedAt - 3_600_000, status: 'READ' },
    ],
  };

  it('orders phases, numbers chunks per phase and ends at 100 %', () => {
    const chunks = buildHistoryChunks([maria], onboardedAt, 2);
    expect(chunks.map((c) => [c.phase, c.chunkOrder, c.progress, c.items.length])).toEqual([
      [0, 1, 25, 1],
      [1, 1, 50, 2],
      [1, 2, 75, 2],
      [2, 1, 100, 1],
    ]);
  });

  it('renders media as placeholders, business messages with `to`', () => {
    const [, first, second] = buildHistoryChunks([maria], onboardedAt, 2);
    const items = [...chunkThreads(first, '15557012244'), ...chunkThreads(second, '15557012244')].flatMap(
      (t) => t.messages as Record<string, unknown>[],
    );
    expect(items.map((m) => [m.type, m.from, m.to])).toEqual([
      ['media_placeholder', '15551234567', undefined],
      ['text', '15551234567', undefined],
      ['text', '15557012244', '15551234567'],
      ['media_placeholder', '15557012244', '15551234567'],
    ]);
  });

  it('offers follow-up media only for media within 14 days of onboarding', () => {
    const items = buildHistoryChunks([maria], onboardedAt, 10).flatMap((c) => c.items);
    expect(items.filter((i) => hasFollowUpMedia(i, onboardedAt)).map((i) => i.staged.caption)).toEqual(['Menu']);
  });

  it('sends nothing for empty history', () => {
    expect(buildHistoryChunks([], onboardedAt, 10)).toEqual([]);
  });
});
