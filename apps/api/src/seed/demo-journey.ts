import { journeyDocumentSchema, type JourneyDocument } from '@tandem/journey-model';

export const DEMO_JOURNEY_NAME = 'Welcome bot (demo)';
const LANGUAGE = 'en_US';

const node = (id: string, type: string, x: number, y: number, config: Record<string, unknown>, label: string) => ({
  id,
  type,
  config,
  label,
  position: { x, y },
});
const edge = (source: string, sourcePort: string, target: string) => ({ id: `${source}-${sourcePort}`, source, sourcePort, target });

/**
 * The demo journey: a customer writes "hi" (or "hello", "start") and gets a menu with three
 * buttons. Pricing sends the `pricing_info` template with their name, then waits a day for
 * an answer and otherwise sends `follow_up_reminder` (a template, because the 24 h window
 * may have closed by then); Opening hours answers in text; Talk to us hands the chat to a
 * teammate. A teammate replying from the phone app stops the bot for that customer.
 */
export function demoJourney(numberId: string): JourneyDocument {
  const name = [{ value: '{{contact.profileName}}', fallback: 'there' }];
  return journeyDocumentSchema.parse({
    schemaVersion: 1,
    entryNodeId: 'welcome',
    triggers: [{ id: 'hi', kind: 'message.received', match: { kind: 'keywords', keywords: ['hi', 'hello', 'start'], mode: 'exact' } }],
    nodes: [
      node(
        'welcome',
        'core.send-buttons@1',
        0,
        0,
        {
          body: 'Welcome to Acme! What would you like to know?',
          buttons: [
            { id: 'pricing', title: 'Pricing' },
            { id: 'hours', title: 'Opening hours' },
            { id: 'talk', title: 'Talk to us' },
          ],
        },
        'Welcome menu',
      ),
      node('pricing', 'core.send-template@1', 340, -200, { name: 'pricing_info', language: LANGUAGE, body: name }, 'Send prices'),
      node(
        'await-answer',
        'core.wait-for-reply@1',
        680,
        -200,
        {
          timeout: { amount: 24, unit: 'hours' },
          branches: [{ port: 'replied', match: { kind: 'any' } }],
        },
        'Wait a day for an answer',
      ),
      node('follow-up', 'core.send-template@1', 1020, -120, { name: 'follow_up_reminder', language: LANGUAGE, body: name }, 'Follow up'),
      node(
        'hours',
        'core.send-text@1',
        340,
        0,
        {
          text: 'We are open Monday to Saturday from 9:00 to 19:00, and on Sundays from 10:00 to 14:00.',
        },
        'Opening hours',
      ),
      node(
        'handoff',
        'core.handoff@1',
        340,
        200,
        { note: '{{contact.profileName | A customer}} asked to talk to us from the welcome menu' },
        'Hand off to the team',
      ),
      node('done', 'core.end@1', 1360, 0, {}, 'Done'),
    ],
    edges: [
      edge('welcome', 'pricing', 'pricing'),
      edge('welcome', 'hours', 'hours'),
      edge('welcome', 'talk', 'handoff'),
      edge('pricing', 'main', 'await-answer'),
      edge('await-answer', 'replied', 'done'),
      edge('await-answer', 'timeout', 'follow-up'),
      edge('follow-up', 'main', 'done'),
      edge('hours', 'main', 'done'),
      edge('handoff', 'main', 'done'),
    ],
    settings: { reEntry: 'one_at_a_time', onTeammateReply: 'stop', onGiveBack: 'resume', timezone: 'UTC', numberId },
  });
}
