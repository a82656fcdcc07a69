import { BlockList, isIP } from 'node:net';

/**
 * Which proxies in front of the server are believed when they say, in `X-Forwarded-For`, who the client is
 * (`TRUST_PROXY`): none (`false`, the default: the client is the socket's peer), every one (`true`), the nearest
 * `hops` ones, or those at these addresses and networks.
 */
export type TrustProxy = boolean | { hops: number } | { addresses: readonly string[] };

/** `(address, hop)`: whether the address `hop` steps from the server is a proxy to believe (Fastify's form). */
export type TrustFunction = (address: string, hop: number) => boolean;

/** Names for common networks, as Fastify's `trustProxy` takes them. */
const NAMED_NETWORKS: Record<string, readonly string[]> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

/** An IPv4 address written as IPv6 (`::ffff:10.0.0.1`) counts as the IPv4 one; case does not matter. */
export function clientKey(ip: string): string {
  const lower = ip.toLowerCase();
  return lower.startsWith('::ffff:') && lower.includes('.') ? lower.slice(7) : lower;
}

/**
 * Whether `entry` is an address, a network (`10.0.0.0/8`, `fd00::/8`) or one of the names `loopback`,
 * `linklocal`, `uniquelocal`. `TRUST_PROXY` is checked with this at start-up.
 */
export function isTrustProxyEntry(entry: string): boolean {
  if (entry in NAMED_NETWORKS) return true;
  const [address, prefix, extra] = entry.split('/');
  const family = isIP(address ?? '');
  if (family === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/** The one rule, given to Fastify (for `request.ip`, `protocol`, `host`) and to the read cache's door alike. */
export function trustFunction(trust: TrustProxy): TrustFunction {
  if (trust === false) return () => false;
  if (trust === true) return () => true;
  if ('hops' in trust) {
    const { hops } = trust;
    return (_address, hop) => hop < hops;
  }
  const list = new BlockList();
  for (const entry of trust.addresses.flatMap((e) => NAMED_NETWORKS[e] ?? [e])) {
    const [address, prefix] = entry.split('/') as [string, string | undefined];
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(clientKey(address), type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return (address) => {
    const key = clientKey(address);
    const family = isIP(key);
    return family !== 0 && list.check(key, family === 6 ? 'ipv6' : 'ipv4');
  };
}

/**
 * The client's address: walking from the socket's peer back through `X-Forwarded-For` (nearest entry first), the
 * first address that is not a trusted proxy, else the farthest one; with nothing trusted, the socket's peer. The
 * same walk as Fastify's `request.ip`, so a count in the read cache's door and one in Fastify agree.
 */
export function clientAddressOf(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trust: TrustFunction,
): string {
  const chain = [socketAddress ?? ''];
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor;
  if (header) {
    const entries = header
      .split(',')
      .map((e) => e.trim())
      .filter((e) => e !== '');
    chain.push(...entries.reverse());
  }
  for (let hop = 0; hop < chain.length - 1; hop++) {
    if (!trust(chain[hop]!, hop)) return clientKey(chain[hop]!);
  }
  return clientKey(chain[chain.length - 1]!);
}
