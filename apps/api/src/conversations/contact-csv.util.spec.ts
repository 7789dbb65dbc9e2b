import { contactsToCsv, CsvFileError, normalizePhone, parseContactsCsv } from './contact-csv.util';

describe('parseContactsCsv', () => {
  it('imports good rows and reports each bad row with its line and reason', () => {
    const csv = [
      'Phone,Name,Tags,city,attr.plan',
      '+1 (555) 010-0001,Ana,vip;summer,Lisbon,gold',
      'not a phone,Bo,,,',
      ',Cy,,,',
      '15550100001,Ana again,,,',
      '0044 7700 900123,Priya,vip|uk,London,',
    ].join('\n');
    const parsed = parseContactsCsv(csv);
    expect(parsed.total).toBe(5);
    expect(parsed.rows).toEqual([
      { line: 2, waId: '15550100001', userId: null, name: 'Ana', tags: ['vip', 'summer'], attributes: { city: 'Lisbon', plan: 'gold' } },
      { line: 6, waId: '447700900123', userId: null, name: 'Priya', tags: ['vip', 'uk'], attributes: { city: 'London' } },
    ]);
    expect(parsed.rejected).toEqual([
      { line: 3, reason: expect.stringContaining('not an international number') },
      { line: 4, reason: 'phone is empty' },
      { line: 5, reason: 'phone 15550100001 already on line 2' },
    ]);
  });

  it('reports the line a row starts on across multi-line cells and blank lines, and ignores the read-only export columns', () => {
    const parsed = parseContactsCsv('phone,note,opted_out\r\n15550100002,"two\r\nlines",true\r\n\r\nbad,,\r\n15550100004,,');
    expect(parsed.rows[0]).toMatchObject({ line: 2, attributes: { note: 'two\nlines' } });
    expect(parsed.rejected).toEqual([{ line: 5, reason: expect.any(String) }]);
    expect(parsed.rows[1]).toMatchObject({ line: 6 });
  });

  it('rejects a file without a phone column or with an invalid attribute column', () => {
    expect(() => parseContactsCsv('name,tags\nAna,vip\n')).toThrow(CsvFileError);
    expect(() => parseContactsCsv('')).toThrow(CsvFileError);
    expect(parseContactsCsv('phone,bad key!\n15550100003,x\n').rejected[0].reason).toContain('not a valid attribute name');
  });

  test.each([
    ['+351 912 345 678', '351912345678'],
    ['00351912345678', '351912345678'],
    ['12345', null],
    ['+0123456789', null],
    ['1555abc0000', null],
  ])('normalizePhone(%p) = %p', (raw, expected) => expect(normalizePhone(raw)).toBe(expected));
});

describe('contactsToCsv', () => {
  it('writes the import columns first, one column per attribute, and defuses formulas', () => {
    const csv = contactsToCsv([
      {
        wa_id: '15550100001',
        user_id: null,
        address_book_name: '=HYPERLINK("x")',
        profile_name: 'Ana',
        tags: ['vip', 'summer'],
        attributes: { city: 'Lisbon' },
        opted_out: false,
        marketing_opted_out: false,
        marketing_held_until: null,
        last_inbound_at: new Date('2026-01-01T00:00:00Z'),
      },
    ]);
    expect(csv.split('\n')[0]).toBe(
      'phone,user_id,name,tags,profile_name,opted_out,marketing_opted_out,marketing_held_until,last_inbound_at,attr.city',
    );
    expect(csv).toContain(`15550100001,,"'=HYPERLINK(""x"")",vip;summer,Ana,false,false,,2026-01-01T00:00:00.000Z,Lisbon`);
    const back = parseContactsCsv(csv);
    expect(back.rows[0]).toMatchObject({ waId: '15550100001', tags: ['vip', 'summer'], attributes: { city: 'Lisbon' } });
  });
});
