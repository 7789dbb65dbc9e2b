import { blockedAddress, parseAllowlist } from './address-policy';

const none = parseAllowlist('');

describe('blockedAddress', () => {
  test.each([
    ['127.0.0.1', 'loopback', 'private'],
    ['127.255.0.9', 'loopback', 'private'],
    ['::1', 'loopback', 'private'],
    ['169.254.169.254', 'linkLocal', 'private'],
    ['fe80::1', 'linkLocal', 'private'],
    ['10.1.2.3', 'private', 'private'],
    ['172.16.0.1', 'private', 'private'],
    ['172.31.255.254', 'private', 'private'],
    ['192.168.1.1', 'private', 'private'],
    ['100.64.0.1', 'carrierGradeNat', 'private'],
    ['fd12:3456::1', 'uniqueLocal', 'private'],
    ['224.0.0.1', 'multicast', 'reserved'],
    ['ff02::1', 'multicast', 'reserved'],
    ['0.0.0.0', 'unspecified', 'reserved'],
    ['::', 'unspecified', 'reserved'],
    ['255.255.255.255', 'broadcast', 'reserved'],
    ['240.0.0.1', 'reserved', 'reserved'],
    ['64:ff9b::a9fe:a9fe', 'rfc6052', 'reserved'],
  ])('refuses %s (%s)', (address, range, kind) => {
    expect(blockedAddress(address, address, none)).toEqual({ address, range, kind });
  });

  test.each([
    ['::ffff:127.0.0.1', '127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', '127.0.0.1', 'loopback'],
    ['::ffff:169.254.169.254', '169.254.169.254', 'linkLocal'],
    ['::ffff:10.0.0.1', '10.0.0.1', 'private'],
  ])('judges IPv4-mapped %s as %s', (mapped, address, range) => {
    expect(blockedAddress(mapped, 'x.test', none)).toMatchObject({ address, range });
  });

  test.each(['93.184.215.14', '8.8.8.8', '172.32.0.1', '2606:4700::1111'])('lets the public address %s through', (address) => {
    expect(blockedAddress(address, 'example.com', none)).toBeUndefined();
  });

  it('refuses something that is not an address at all', () => {
    expect(blockedAddress('not-an-ip', 'x.test', none)).toMatchObject({ kind: 'reserved' });
  });
});

describe('the allowlist', () => {
  it('opens single addresses, in either IPv4 spelling', () => {
    const allow = parseAllowlist('127.0.0.1');
    expect(blockedAddress('127.0.0.1', 'a.test', allow)).toBeUndefined();
    expect(blockedAddress('::ffff:127.0.0.1', 'a.test', allow)).toBeUndefined();
    expect(blockedAddress('127.0.0.2', 'a.test', allow)).toMatchObject({ range: 'loopback' });
    expect(blockedAddress('::1', 'a.test', allow)).toMatchObject({ range: 'loopback' });
  });

  it('opens networks', () => {
    const allow = parseAllowlist(' 10.20.0.0/16 , fd00::/8, ::ffff:192.168.5.0/120');
    expect(blockedAddress('10.20.9.9', 'a.test', allow)).toBeUndefined();
    expect(blockedAddress('10.21.0.1', 'a.test', allow)).toMatchObject({ range: 'private' });
    expect(blockedAddress('fd00::5', 'a.test', allow)).toBeUndefined();
    expect(blockedAddress('192.168.5.77', 'a.test', allow)).toBeUndefined();
    expect(blockedAddress('192.168.6.1', 'a.test', allow)).toMatchObject({ range: 'private' });
  });

  it('opens host names (with their subdomains for *.) whatever they resolve to', () => {
    const allow = parseAllowlist(['CRM.internal', '*.corp.test']);
    expect(blockedAddress('10.0.0.5', 'crm.internal', allow)).toBeUndefined();
    expect(blockedAddress('10.0.0.5', 'api.corp.test', allow)).toBeUndefined();
    expect(blockedAddress('10.0.0.5', 'corp.test.evil.test', allow)).toMatchObject({ range: 'private' });
    expect(blockedAddress('10.0.0.5', 'other.internal', allow)).toMatchObject({ range: 'private' });
  });

  test.each(['10.0.0.0/33', 'http://x.test', 'a b', '1.2.3.4/abc'])('refuses the entry %j, naming it', (entry) => {
    expect(() => parseAllowlist(entry)).toThrow(`"${entry}"`);
  });
});
