import { testCatalogue } from '../__fixtures__/action-catalogue';
import { journeyBuilder, type JourneyBuilder } from '../testing/journey-builder';
import type { TemplateStatus } from './issue.types';
import { validateJourney } from './validate-journey';

const wait = (amount: number, unit = 'hours') => ({ mode: 'duration', duration: { amount, unit } });
const inbound = { kind: 'message.received', match: { kind: 'any' } } as const;
const ask = (hours: number) => ({ choices: ['yes'], timeout: { amount: hours, unit: 'hours' } });

const windowWarnings = (b: JourneyBuilder) =>
  validateJourney(b.build(), testCatalogue)
    .filter((i) => i.code === 'freeform-window')
    .map((i) => i.nodeId);

describe('freeform-window lint', () => {
  test.each<[string, (b: JourneyBuilder) => JourneyBuilder, (string | undefined)[]]>([
    ['a reply right after an inbound message', (b) => b.trigger(inbound).node('send', 'test.send-text@1', { text: 'Hi' }), []],
    ['after an echo trigger', (b) => b.trigger({ kind: 'message.echo' }).node('send', 'test.send-text@1', { text: 'Hi' }), ['send']],
    [
      'after a campaign trigger',
      (b) => b.trigger({ kind: 'campaign', segment: {} }).node('send', 'test.send-text@1', { text: 'Hi' }),
      ['send'],
    ],
    ['after an api trigger', (b) => b.trigger({ kind: 'api' }).node('send', 'test.send-text@1', { text: 'Hi' }), ['send']],
    [
      'after a status trigger',
      (b) => b.trigger({ kind: 'message.status', statuses: ['read'] }).node('send', 'test.send-text@1', { text: 'Hi' }),
      ['send'],
    ],
    [
      'after a contact-synced trigger',
      (b) => b.trigger({ kind: 'contact.synced' }).node('send', 'test.send-text@1', { text: 'Hi' }),
      ['send'],
    ],
    [
      'when one of several triggers does not open the window',
      (b) => b.trigger(inbound).trigger({ kind: 'api' }).node('send', 'test.send-text@1', { text: 'Hi' }),
      ['send'],
    ],
    [
      'a template send is never flagged',
      (b) => b.trigger({ kind: 'api' }).node('send', 'test.send-template@1', { name: 'welcome', language: 'en' }),
      [],
    ],
    [
      'a free-form send with a template fallback',
      (b) =>
        b.trigger({ kind: 'api' }).node('send', 'test.send-text@1', { text: 'Hi', fallbackTemplate: { name: 'hello', language: 'en' } }),
      [],
    ],
    [
      'after a wait of 23 h',
      (b) => b.trigger(inbound).node('w', 'core.wait@1', wait(23)).node('send', 'test.send-text@1', { text: 'Hi' }).chain('w', 'send'),
      [],
    ],
    [
      'after a wait of 24 h',
      (b) => b.trigger(inbound).node('w', 'core.wait@1', wait(24)).node('send', 'test.send-text@1', { text: 'Hi' }).chain('w', 'send'),
      ['send'],
    ],
    [
      'after two waits that add up to a day',
      (b) =>
        b
          .trigger(inbound)
          .node('w1', 'core.wait@1', wait(12))
          .node('w2', 'core.wait@1', wait(12))
          .node('send', 'test.send-text@1', { text: 'Hi' })
          .chain('w1', 'w2', 'send'),
      ['send'],
    ],
    [
      'after a wait until a date',
      (b) =>
        b
          .trigger(inbound)
          .node('w', 'core.wait@1', { mode: 'until', at: '2030-01-01T09:00:00Z' })
          .node('send', 'test.send-text@1', { text: 'Hi' })
          .chain('w', 'send'),
      ['send'],
    ],
    [
      'after a weekday business-hours window (closed all weekend)',
      (b) =>
        b
          .trigger(inbound)
          .node('w', 'core.wait@1', { mode: 'window', window: { start: '09:00', end: '18:00' } })
          .node('send', 'test.send-text@1', { text: 'Hi' })
          .chain('w', 'send'),
      ['send'],
    ],
    [
      'after a reply, even following a long wait',
      (b) =>
        b
          .trigger({ kind: 'api' })
          .node('tpl', 'test.send-template@1', { name: 'promo', language: 'en' })
          .node('reply', 'core.wait-for-reply@1', { timeout: { amount: 3, unit: 'days' } })
          .node('send', 'test.send-text@1', { text: 'Thanks!' })
          .node('late', 'test.send-text@1', { text: 'Still there?' })
          .chain('tpl', 'reply')
          .edge('reply', 'other', 'send')
          .edge('reply', 'timeout', 'late'),
      ['late'],
    ],
    [
      'after a button question: the answer reopens the window, the timeout does not',
      (b) =>
        b
          .trigger(inbound)
          .node('q', 'test.ask@1', ask(30))
          .node('yes', 'test.send-text@1', { text: 'Great' })
          .node('nudge', 'test.send-text@1', { text: 'Hello?' })
          .edge('q', 'yes', 'yes')
          .edge('q', 'timeout', 'nudge'),
      ['nudge'],
    ],
    [
      'after a short question timeout',
      (b) =>
        b
          .trigger(inbound)
          .node('q', 'test.ask@1', ask(1))
          .node('nudge', 'test.send-text@1', { text: 'Hello?' })
          .edge('q', 'timeout', 'nudge'),
      [],
    ],
    [
      'on the window_closed path of a send',
      (b) =>
        b
          .trigger(inbound)
          .node('a', 'test.send-text@1', { text: 'Hi' })
          .node('b', 'test.send-text@1', { text: 'Retry' })
          .edge('a', 'window_closed', 'b'),
      ['b'],
    ],
    [
      'in a reminder loop that keeps waiting',
      (b) =>
        b
          .trigger(inbound)
          .node('send', 'test.send-text@1', { text: 'Reminder' })
          .node('w', 'core.wait@1', wait(1))
          .chain('send', 'w')
          .edge('w', 'main', 'send'),
      ['send'],
    ],
  ])('%s', (_name, build, expected) => {
    expect(windowWarnings(build(journeyBuilder()))).toEqual(expected);
  });

  it('explains why and suggests a template fallback', () => {
    const doc = journeyBuilder().trigger({ kind: 'message.echo' }).node('send', 'test.send-text@1', { text: 'Hi' }, 'Welcome').build();
    expect(validateJourney(doc, testCatalogue)).toEqual([
      {
        severity: 'warning',
        code: 'freeform-window',
        nodeId: 'send',
        message: expect.stringMatching(/^"Welcome" sends a free-form message.*message\.echo trigger/),
        fix: { kind: 'add-template-fallback', nodeId: 'send' },
      },
    ]);
  });
});

describe('template lint', () => {
  const templates: TemplateStatus[] = [
    { name: 'welcome', language: 'en', status: 'APPROVED' },
    { name: 'promo', language: 'en', status: 'PENDING' },
    { name: 'welcome', language: 'pt_BR', status: 'REJECTED' },
  ];
  const lint = (config: Record<string, unknown>, nodeType = 'test.send-template@1') =>
    validateJourney(journeyBuilder().trigger(inbound).node('tpl', nodeType, config).build(), testCatalogue, { templates })
      .filter((i) => i.code.startsWith('template'))
      .map((i) => `${i.code}: ${i.message}`);

  test.each<[Record<string, unknown>, string[]]>([
    [{ name: 'welcome', language: 'en' }, []],
    [{ name: 'promo', language: 'en' }, ['template-not-approved: node tpl uses template promo (en), which is pending, not approved.']],
    [
      { name: 'welcome', language: 'pt_BR' },
      ['template-not-approved: node tpl uses template welcome (pt_BR), which is rejected, not approved.'],
    ],
    [{ name: 'missing', language: 'en' }, ['template-unknown: node tpl uses template missing (en), which this number does not have.']],
  ])('%j', (config, expected) => {
    expect(lint(config)).toEqual(expected);
  });

  it('checks fallback templates of free-form sends', () => {
    expect(lint({ text: 'Hi', fallbackTemplate: { name: 'promo', language: 'en' } }, 'test.send-text@1')).toHaveLength(1);
  });

  it('is skipped when no template list is passed', () => {
    const doc = journeyBuilder().trigger(inbound).node('tpl', 'test.send-template@1', { name: 'missing', language: 'en' }).build();
    expect(validateJourney(doc, testCatalogue)).toEqual([]);
  });
});
