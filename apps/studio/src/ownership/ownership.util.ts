import type { ConversationEventDto, OwnershipStateDto } from '@tandem/api-contract';

/** One line for who holds the conversation: "Bot", "Teammate (phone app)", "Agent: ana@shop.com", "Closed". */
export function ownerText(state: Pick<OwnershipStateDto, 'ownership' | 'ownerKind' | 'ownerLabel'>): string {
  if (state.ownership === 'bot') return 'Bot';
  if (state.ownership === 'closed') return 'Closed';
  if (state.ownerKind === 'teammate') return 'Teammate (phone app)';
  if (state.ownerKind === 'agent') return `Agent: ${state.ownerLabel ?? 'a member'}`;
  return 'Human (handed off, nobody took it yet)';
}

/** Who made a change, in words. */
export function actorText(actor: ConversationEventDto['actor']): string {
  switch (actor.kind) {
    case 'teammate':
      return 'A teammate in the phone app';
    case 'member':
      return actor.label ?? 'A member';
    case 'journey':
      return 'A journey';
    case 'system':
      return 'Tandem (return-to-bot rule)';
  }
}

const KIND_TEXT: Record<ConversationEventDto['kind'], string> = { taken: 'Taken', given_back: 'Given back to the bot', closed: 'Closed' };
const EFFECT_TEXT = { paused: 'paused', stopped: 'stopped', resumed: 'resumed', ended: 'ended' } as const;

/** A timeline row's headline, e.g. "Given back to the bot — 12 h without a human message". */
export function eventText(event: ConversationEventDto): string {
  return `${KIND_TEXT[event.kind]} — ${event.reason}`;
}

/** What the change did to its runs, e.g. "1 run resumed, 1 run ended"; null when none (or their journeys decided). */
export function runEffectsText(event: Pick<ConversationEventDto, 'runs'>): string | null {
  const counts = new Map<string, number>();
  for (const { effect } of event.runs) if (effect) counts.set(EFFECT_TEXT[effect], (counts.get(EFFECT_TEXT[effect]) ?? 0) + 1);
  if (counts.size === 0) return null;
  return [...counts].map(([effect, n]) => `${n} run${n === 1 ? '' : 's'} ${effect}`).join(', ');
}

/** "returns to the bot at 14:05 (12 h without a human message)" or null. */
export function returnText(state: OwnershipStateDto, format: (iso: string) => string): string | null {
  if (!state.botReturnsAt) return null;
  const why = state.botReturnReason === 'window_closed' ? 'when the window closes' : 'after the quiet period';
  return `Back to the bot ${format(state.botReturnsAt)} (${why})`;
}
