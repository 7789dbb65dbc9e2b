import { catalogueFixture } from '../../__fixtures__/catalogue.fixture';
import { initialConfig, paletteGroups } from './palette.util';

describe('palette', () => {
  it('groups by category with Messages and Flow first, items by label', () => {
    const groups = paletteGroups(catalogueFixture, '');
    expect(groups.map((g) => [g.category, g.items.map((i) => i.label)])).toEqual([
      ['Messages', ['Send buttons']],
      ['Flow', ['Condition', 'End', 'Wait']],
      ['Integrations', ['CRM lookup']],
    ]);
  });

  it('searches label, type, description and package with every word', () => {
    expect(paletteGroups(catalogueFixture, 'acme').flatMap((g) => g.items.map((i) => i.key))).toEqual(['acme.crm-lookup@1']);
    expect(paletteGroups(catalogueFixture, 'flow wait').flatMap((g) => g.items.map((i) => i.key))).toEqual(['core.wait@1']);
    expect(paletteGroups(catalogueFixture, 'nothing-like-this')).toEqual([]);
  });

  it('offers only the newest version of a type', () => {
    const v2 = { ...catalogueFixture[2], key: 'core.wait@2', version: 2 };
    const keys = paletteGroups([...catalogueFixture, v2], 'wait').flatMap((g) => g.items.map((i) => i.key));
    expect(keys).toEqual(['core.wait@2']);
  });

  it('copies the default config so edits never change the catalogue', () => {
    const config = initialConfig(catalogueFixture[0]);
    expect(config).toEqual({ text: '', buttons: [] });
    (config.buttons as unknown[]).push(1);
    expect(catalogueFixture[0].defaultConfig).toEqual({ text: '', buttons: [] });
    expect(initialConfig({ ...catalogueFixture[0], defaultConfig: null })).toEqual({});
  });
});
