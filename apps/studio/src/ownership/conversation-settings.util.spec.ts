import { settingsFromDraft } from './conversation-settings-page';

test.each([
  [
    { hours: '12', onWindowClose: false },
    { botReturnsAfterHours: 12, botReturnsOnWindowClose: false },
  ],
  [
    { hours: ' ', onWindowClose: true },
    { botReturnsAfterHours: null, botReturnsOnWindowClose: true },
  ],
  [{ hours: '0', onWindowClose: false }, { problem: expect.any(String) }],
  [{ hours: '1.5', onWindowClose: false }, { problem: expect.any(String) }],
  [{ hours: '721', onWindowClose: false }, { problem: expect.any(String) }],
  [{ hours: 'abc', onWindowClose: false }, { problem: expect.any(String) }],
])('settingsFromDraft %o', (draft, expected) => {
  expect(settingsFromDraft(draft)).toEqual(expected);
});
