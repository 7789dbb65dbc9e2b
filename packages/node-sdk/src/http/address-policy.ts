import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** Hosts and networks an administrator opened on purpose (`HTTP_ALLOW_HOSTS`). */
export interface HttpAllowlist {
  /** Lower-case host names; `*.example.com` also matches every subdomain. */
  hosts: string[];
  /** Networks whose addresses may be called even when private. */
  networks: [Address, number][];
}

/** A refused address and the word a journey author understands for it. */
export interface BlockedAddress {
  address: string;
  /** ipaddr.js's name of the range, e.g. `loopback`, `linkLocal`, `carrierGradeNat`. */
  range: string;
  /** `private` (this machine or an internal network) or `reserved` (never a public server). */
  kind: 'private' | 'reserved';
}

// Ranges that are some internal network; every other non-unicast range is "reserved".
const PRIVATE_RANGES = new Set(['loopback', 'private', 'linkLocal', 'uniqueLocal', 'carrierGradeNat', 'deprecatedSiteLocal']);

/**
 * Parses `HTTP_ALLOW_HOSTS`: comma-separated host names (`crm.internal`, `*.corp.test`),
 * addresses (`127.0.0.1`, `::1`) and networks (`10.1.0.0/16`, `fd00::/8`).
 * @throws Error naming the entry that is neither.
 */
export function parseAllowlist(entries: string | readonly string[] = []): HttpAllowlist {
  const list = typeof entries === 'string' ? entries.split(',') : entries;
  const allow: HttpAllowlist = { hosts: [], networks: [] };
  for (const raw of list.map((e) => e.trim().toLowerCase()).filter((e) => e !== '')) {
    if (raw.includes('/')) {
      if (!ipaddr.isValidCIDR(raw)) throw new Error(`HTTP_ALLOW_HOSTS: "${raw}" is not a network such as 10.0.0.0/8`);
      const [network, bits] = ipaddr.parseCIDR(raw);
      allow.networks.push(
        network.kind() === 'ipv6' && (network as ipaddr.IPv6).isIPv4MappedAddress() ? ipaddrV4(network, bits) : [network, bits],
      );
    } else if (ipaddr.isValid(raw)) {
      const address = ipaddr.process(raw);
      allow.networks.push([address, address.kind() === 'ipv4' ? 32 : 128]);
    } else if (/^(\*\.)?[a-z0-9_-]+(\.[a-z0-9_-]+)*$/.test(raw)) {
      allow.hosts.push(raw);
    } else {
      throw new Error(`HTTP_ALLOW_HOSTS: "${raw}" is not a host name, an address or a network`);
    }
  }
  return allow;
}

function ipaddrV4(network: Address, bits: number): [Address, number] {
  return [(network as ipaddr.IPv6).toIPv4Address(), Math.max(bits - 96, 0)];
}

/** True when `hostname` (as in a URL, lower case) is on the allowlist by name. */
export function isAllowedHost(hostname: string, allow: HttpAllowlist): boolean {
  return allow.hosts.some((h) => (h.startsWith('*.') ? hostname.endsWith(h.slice(1)) : hostname === h));
}

/** The address as ipaddr.js reads it (IPv4-mapped IPv6 as IPv4), or undefined for a host name. */
export function parseAddress(host: string): Address | undefined {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  return ipaddr.isValid(bare) ? ipaddr.process(bare) : undefined;
}

/**
 * Decides whether an address may be called. Only global unicast is open by default: every
 * range ipaddr.js names (loopback, private, link-local with 169.254.169.254, CGNAT,
 * unique-local, multicast, unspecified, broadcast, reserved, NAT64, 6to4, Teredo…) is
 * refused unless the address is in an allowlisted network or was reached through an
 * allowlisted host name. IPv4-mapped IPv6 is judged as the IPv4 address it carries.
 */
export function blockedAddress(address: string, hostname: string, allow: HttpAllowlist): BlockedAddress | undefined {
  const parsed = parseAddress(address);
  if (!parsed) return { address, range: 'invalid', kind: 'reserved' };
  const range = parsed.range();
  if (range === 'unicast' || isAllowedHost(hostname, allow)) return undefined;
  if (allow.networks.some(([network, bits]) => network.kind() === parsed.kind() && parsed.match(network, bits))) return undefined;
  return { address: parsed.toString(), range, kind: PRIVATE_RANGES.has(range) ? 'private' : 'reserved' };
}
