import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupAddress, LookupAllOptions, LookupOneOptions } from 'node:dns';
import { blockedAddress, type BlockedAddress, type HttpAllowlist } from './address-policy';
import { OutboundHttpError } from './outbound-http-error';

/** Resolves a host name to all its addresses (default: the system resolver, as `dns.lookup`). */
export type HostResolver = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolver: HostResolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

type LookupCallback = (error: Error | null, address: string | LookupAddress[], family?: number) => void;
/** The `lookup` option of `net.connect` / `tls.connect`. */
export type SocketLookup = (hostname: string, options: LookupOneOptions | LookupAllOptions, callback: LookupCallback) => void;

/** What a journey author reads when an address is refused. */
export function blockedMessage(blocked: BlockedAddress, hostname: string): string {
  const of = hostname === blocked.address ? '' : ` of ${hostname}`;
  return `the address ${blocked.address}${of} is ${blocked.kind} and not allowed`;
}

/**
 * The `lookup` of the guarded agent's sockets: resolves the name, refuses it when ANY of
 * its addresses is blocked, and hands the socket exactly the addresses it checked — so the
 * check and the connection use one resolution and a name that resolves to a public address
 * for the check and to 127.0.0.1 for the connection (DNS rebinding) cannot slip through.
 * Node calls it only for names: IP literals are checked before the request is sent.
 */
export function guardedLookup(resolve: HostResolver, allow: HttpAllowlist): SocketLookup {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (found) => {
        const wanted = options.family === 4 || options.family === 6 ? found.filter((a) => a.family === options.family) : found;
        if (wanted.length === 0)
          return callback(new OutboundHttpError('unreachable', `${hostname} could not be found`, { host: hostname }), []);
        for (const { address } of wanted) {
          const blocked = blockedAddress(address, hostname, allow);
          if (blocked) {
            return callback(
              new OutboundHttpError('blocked_address', blockedMessage(blocked, hostname), { ...blocked, host: hostname }),
              [],
            );
          }
        }
        if (options.all) return callback(null, wanted);
        callback(null, wanted[0].address, wanted[0].family);
      },
      () => callback(new OutboundHttpError('unreachable', `${hostname} could not be found`, { host: hostname }), []),
    );
  };
}
