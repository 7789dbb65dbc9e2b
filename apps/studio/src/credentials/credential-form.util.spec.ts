import { credentialValue } from './credential-form.util';

describe('credentialValue', () => {
  it('builds the value from filled rows, ignoring empty ones', () => {
    expect(
      credentialValue('crm', [
        { name: 'apiKey', value: 's3cret-key' },
        { name: '', value: '' },
      ]),
    ).toEqual({ value: { apiKey: 's3cret-key' } });
  });

  it('explains what is missing or wrong', () => {
    expect(credentialValue('Bad', [{ name: 'k', value: 'v' }])).toEqual({ problem: 'Name: a-z first, then a-z, 0-9, _, - or .' });
    expect(credentialValue('crm', [{ name: '', value: '' }])).toEqual({ problem: 'Give at least one field' });
    expect(credentialValue('crm', [{ name: 'api key', value: 'v' }])).toEqual({ problem: 'Field name "api key": letters, digits or _' });
    expect(credentialValue('crm', [{ name: 'k', value: '' }])).toEqual({ problem: 'Field "k" has no value' });
    expect(
      credentialValue('crm', [
        { name: 'k', value: 'value-one' },
        { name: 'k', value: 'value-two' },
      ]),
    ).toEqual({ problem: 'Field "k" appears twice' });
    expect(credentialValue('crm', [{ name: 'pin', value: '1234' }])).toEqual({
      problem: 'Field "pin": at least 8 characters (a shorter value cannot be kept out of logs)',
    });
  });
});
