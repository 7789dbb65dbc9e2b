import { createHmac } from 'node:crypto';
import { signBody, toMetaJson } from './meta-json.util';

describe('toMetaJson', () => {
  it.each([
    ['ASCII stays readable', { a: 'Hi Maria' }, '{"a":"Hi Maria"}'],
    ['accents become lowercase escapes', { name: 'João' }, '{"name":"Jo\\u00e3o"}'],
    ['Hebrew is escaped per code unit', { name: 'נועה' }, '{"name":"\\u05e0\\u05d5\\u05e2\\u05d4"}'],
    ['emoji become surrogate pairs', { emoji: '👍' }, '{"emoji":"\\ud83d\\udc4d"}'],
    ['slashes may stay as they are', { url: 'https://x.test/a' }, '{"url":"https://x.test/a"}'],
  ])('%s', (_label, value, expected) => {
    const json = toMetaJson(value);
    expect(json).toBe(expected);
    expect(JSON.parse(json)).toEqual(value);
  });

  it('produces pure ASCII bytes', () => {
    const json = toMetaJson({ text: 'שלום 🙂 ¡Genial!' });
    expect(Buffer.from(json, 'utf8').length).toBe(json.length);
  });
});

describe('signBody', () => {
  it('is the HMAC-SHA256 of the exact bytes with the app secret', () => {
    const body = toMetaJson({ name: 'Lucía' });
    const expected = createHmac('sha256', 'secret').update(Buffer.from(body)).digest('hex');
    expect(signBody(body, 'secret')).toBe(`sha256=${expected}`);
    expect(signBody(JSON.stringify({ name: 'Lucía' }), 'secret')).not.toBe(`sha256=${expected}`);
  });
});
