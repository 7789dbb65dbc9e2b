import { filtersFromQuery, hasFilters, runsQuery } from './run-filters.util';

const JOURNEY = '8d3f2a4e-1b2c-4d5e-8f90-123456789abc';

describe('run list filters', () => {
  it('keeps valid filters from the URL and normalises dates to ISO', () => {
    expect(
      filtersFromQuery({
        status: 'failed',
        journeyId: JOURNEY,
        version: '3',
        wamid: ' wamid.X ',
        errorCode: '131047',
        from: '2026-01-02T10:00:00+01:00',
        junk: 'x',
      }),
    ).toEqual({
      status: 'failed',
      journeyId: JOURNEY,
      version: '3',
      wamid: 'wamid.X',
      errorCode: '131047',
      from: '2026-01-02T09:00:00.000Z',
    });
  });

  it.each([
    [{ status: 'exploded' }],
    [{ journeyId: 'not-a-uuid' }],
    [{ contactId: '123' }],
    [{ version: '1.5' }],
    [{ from: 'yesterday-ish' }],
    [{ wamid: '   ' }],
  ])('drops a value the API would refuse: %o', (query) => {
    expect(filtersFromQuery(query)).toEqual({});
  });

  it('builds the API query with a numeric version, the cursor and the page size', () => {
    expect(runsQuery({ journeyId: JOURNEY, version: '2' }, 'abc', 25)).toEqual({
      journeyId: JOURNEY,
      version: 2,
      cursor: 'abc',
      limit: 25,
    });
    expect(runsQuery({}, null)).toEqual({ version: undefined, cursor: undefined, limit: 50 });
  });

  it('knows when the list is filtered', () => {
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ errorCode: '1' })).toBe(true);
  });
});
