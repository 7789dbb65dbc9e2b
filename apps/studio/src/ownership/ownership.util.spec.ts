import type { ConversationEventDto, OwnershipStateDto } from '@tandem/api-contract';
import { actorText, eventText, ownerText, returnText, runEffectsText } from './ownership.util';

const state = (over: Partial<OwnershipStateDto>): OwnershipStateDto => ({
  contactId: 'c',
  ownership: 'human',
  ownerKind: 'teammate',
  ownerUserId: null,
  ownerLabel: null,
  humanOwnedAt: '2026-12-01T10:00:00.000Z',
  lastHumanMessageAt: null,
  botReturnsAt: '2026-12-01T22:00:00.000Z',
  botReturnReason: 'quiet',
  ...over,
});

test.each<[Partial<OwnershipStateDto>, string]>([
  [{ ownership: 'bot', ownerKind: null }, 'Bot'],
  [{ ownership: 'closed', ownerKind: null }, 'Closed'],
  [{}, 'Teammate (phone app)'],
  [{ ownerKind: 'agent', ownerLabel: 'ana@shop.com' }, 'Agent: ana@shop.com'],
  [{ ownerKind: 'journey' }, 'Human (handed off, nobody took it yet)'],
])('ownerText %o', (over, text) => {
  expect(ownerText(state(over))).toBe(text);
});

test('actorText, eventText and runEffectsText', () => {
  expect(actorText({ kind: 'system', id: null, label: null })).toBe('Tandem (return-to-bot rule)');
  expect(actorText({ kind: 'member', id: 'u', label: 'ana@shop.com' })).toBe('ana@shop.com');
  const event = { kind: 'given_back', reason: '12 h without a human message' } as ConversationEventDto;
  expect(eventText(event)).toBe('Given back to the bot — 12 h without a human message');
  const runs = (...effects: ConversationEventDto['runs'][number]['effect'][]) => ({
    runs: effects.map((effect, i) => ({ runId: `r${i}`, effect })),
  });
  expect(runEffectsText(runs('resumed', 'ended', 'resumed'))).toBe('2 runs resumed, 1 run ended');
  expect(runEffectsText(runs(null))).toBeNull();
});

test('returnText', () => {
  expect(returnText(state({}), () => '22:00')).toBe('Back to the bot 22:00 (after the quiet period)');
  expect(returnText(state({ botReturnReason: 'window_closed' }), () => '22:00')).toBe('Back to the bot 22:00 (when the window closes)');
  expect(returnText(state({ botReturnsAt: null }), () => 'x')).toBeNull();
});
