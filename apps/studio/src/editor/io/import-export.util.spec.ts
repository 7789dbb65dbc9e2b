import { journeyFixture } from '../../__fixtures__/journey.fixture';
import { documentSchemaProblem, exportFileName, parseImportedDocument, serializeDocument } from './import-export.util';

describe('import / export', () => {
  it('round-trips an exported document', () => {
    const doc = journeyFixture();
    expect(parseImportedDocument(serializeDocument(doc))).toEqual({ ok: true, document: doc });
  });

  it('accepts a journey as the API returns it and fills defaults', () => {
    const { settings: _settings, ...rest } = journeyFixture();
    const result = parseImportedDocument(JSON.stringify({ id: 'x', name: 'n', draft: rest }));
    expect(result.ok && result.document.settings).toEqual({
      reEntry: 'one_at_a_time',
      onTeammateReply: 'stop',
      onGiveBack: 'resume',
      timezone: 'UTC',
    });
  });

  it('refuses invalid files with readable reasons', () => {
    expect(parseImportedDocument('{oops')).toEqual({ ok: false, errors: [expect.stringMatching(/^Not a JSON file/)] });
    const doc = { ...journeyFixture(), schemaVersion: 2 };
    doc.nodes[0] = { ...doc.nodes[0], type: 'Bad Type' };
    const result = parseImportedDocument(JSON.stringify(doc));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual([
      expect.stringMatching(/^schemaVersion: /),
      expect.stringMatching(/^nodes\.0\.type: a type such as/),
    ]);
  });

  it('explains why a draft cannot be saved (e.g. a trigger without keywords)', () => {
    const doc = journeyFixture();
    expect(documentSchemaProblem(doc)).toBeNull();
    doc.triggers = [{ id: 't1', kind: 'message.received', match: { kind: 'keywords', keywords: [], mode: 'exact' } }];
    expect(documentSchemaProblem(doc)).toMatch(/^Not saved — triggers\.0\.match\.keywords: /);
  });

  it.each([
    ['Welcome flow (v2)', 'welcome-flow-v2.journey.json'],
    ['***', 'journey.journey.json'],
  ])('names the export of %s', (name, file) => expect(exportFileName(name)).toBe(file));
});
