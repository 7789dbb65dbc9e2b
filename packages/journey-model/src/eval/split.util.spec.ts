import { fnv1a32, pickVariant } from './split.util';

describe('fnv1a32', () => {
  test.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('%j → %d', (text, expected) => {
    expect(fnv1a32(text)).toBe(expected);
  });
});

describe('pickVariant', () => {
  const even = [
    { port: 'a', weight: 50 },
    { port: 'b', weight: 50 },
  ];

  it('gives a contact the same variant every time', () => {
    const first = pickVariant('contact-42', 'split-1', even);
    for (let i = 0; i < 5; i++) expect(pickVariant('contact-42', 'split-1', even)).toBe(first);
  });

  test.each([
    [
      [
        { port: 'a', weight: 50 },
        { port: 'b', weight: 50 },
      ],
      { a: 0.5, b: 0.5 },
    ],
    [
      [
        { port: 'a', weight: 90 },
        { port: 'b', weight: 10 },
      ],
      { a: 0.9, b: 0.1 },
    ],
    [
      [
        { port: 'x', weight: 1 },
        { port: 'y', weight: 1 },
        { port: 'z', weight: 2 },
      ],
      { x: 0.25, y: 0.25, z: 0.5 },
    ],
  ])('splits 10 000 contacts by %j within 2 points', (weights, shares) => {
    const counts: Record<string, number> = {};
    for (let i = 0; i < 10_000; i++) {
      const port = pickVariant(`contact-${i}`, 'split-1', weights);
      counts[port] = (counts[port] ?? 0) + 1;
    }
    for (const [port, share] of Object.entries(shares)) expect(Math.abs(counts[port] / 10_000 - share)).toBeLessThan(0.02);
  });

  it('assigns contacts independently at two split nodes', () => {
    let same = 0;
    for (let i = 0; i < 2_000; i++) if (pickVariant(`c${i}`, 'split-1', even) === pickVariant(`c${i}`, 'split-2', even)) same++;
    expect(same / 2_000).toBeGreaterThan(0.4);
    expect(same / 2_000).toBeLessThan(0.6);
  });

  it('never picks a zero-weight variant and refuses when none is usable', () => {
    const weights = [
      { port: 'off', weight: 0 },
      { port: 'on', weight: 1 },
    ];
    for (let i = 0; i < 100; i++) expect(pickVariant(`c${i}`, 's', weights)).toBe('on');
    expect(() => pickVariant('c', 's', [{ port: 'off', weight: 0 }])).toThrow('positive weight');
  });
});
