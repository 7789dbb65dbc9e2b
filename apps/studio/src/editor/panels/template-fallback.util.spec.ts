import { catalogueFixture } from '../../__fixtures__/catalogue.fixture';
import { fallbackConfig } from './template-fallback.util';

describe('template fallback fix', () => {
  const schema = catalogueFixture[0].configJsonSchema;

  it('sets the fallback template and keeps the rest of the config', () => {
    const config = { text: 'Hi', buttons: [{ id: 'a', title: 'A' }] };
    expect(fallbackConfig(config, schema, { name: 'hello_again', language: 'en_US' })).toEqual({
      ...config,
      fallbackTemplate: { name: 'hello_again', language: 'en_US' },
    });
    expect(config).not.toHaveProperty('fallbackTemplate');
  });

  it('keeps extra fallback fields the schema requires (with their defaults) and previous values', () => {
    const withParams = {
      type: 'object',
      properties: {
        fallbackTemplate: {
          type: 'object',
          properties: { name: { type: 'string' }, language: { type: 'string' }, parameters: { type: 'array', items: { type: 'string' } } },
          required: ['name', 'language', 'parameters'],
        },
      },
    };
    expect(fallbackConfig({}, withParams, { name: 'a', language: 'pt_BR' })).toEqual({
      fallbackTemplate: { name: 'a', language: 'pt_BR', parameters: [] },
    });
    expect(
      fallbackConfig({ fallbackTemplate: { name: 'old', language: 'en', parameters: ['x'] } }, withParams, { name: 'b', language: 'en' }),
    ).toEqual({
      fallbackTemplate: { name: 'b', language: 'en', parameters: ['x'] },
    });
  });
});
