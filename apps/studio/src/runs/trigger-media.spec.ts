import { triggerWamid } from './trigger-media';

describe('triggerWamid', () => {
  it.each([
    [{ kind: 'message.received', wamid: 'wamid.1' }, 'wamid.1'],
    [{ kind: 'api' }, null],
    [{ wamid: '' }, null],
    [null, null],
    ['wamid.x', null],
  ])('%j → %s', (event, expected) => {
    expect(triggerWamid(event)).toBe(expected);
  });
});
