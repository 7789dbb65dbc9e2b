import { WINDOW_MS, isWindowOpen, windowOpenUntil } from './window.util';

const onboardedAt = 1_780_740_800_000;
const hour = 60 * 60 * 1000;

describe('coexistence window', () => {
  it.each([
    ['no inbound message yet', undefined, onboardedAt + hour, false],
    ['inbound before onboarding (e.g. history)', onboardedAt - hour, onboardedAt + hour, false],
    ['inbound exactly at onboarding', onboardedAt, onboardedAt + hour, true],
    ['inbound 23 h ago', onboardedAt + hour, onboardedAt + 24 * hour, true],
    ['inbound exactly 24 h ago', onboardedAt + hour, onboardedAt + hour + WINDOW_MS, false],
    ['inbound 25 h ago', onboardedAt + hour, onboardedAt + 26 * hour, false],
  ])('%s → open=%s', (_label, lastInbound, now, open) => {
    expect(isWindowOpen(lastInbound, onboardedAt, now)).toBe(open);
  });

  it('runs 24 h from the last live inbound message', () => {
    expect(windowOpenUntil(onboardedAt + hour, onboardedAt)).toBe(onboardedAt + hour + WINDOW_MS);
    expect(windowOpenUntil(onboardedAt - 1, onboardedAt)).toBeUndefined();
  });
});
