import { isIP, isIPv6 } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/** Where a request has no socket (app.request in tests): every such request is one client. */
export const UNKNOWN_ADDRESS = 'unknown';

/**
 * The client's address as the throttle counts it. X-Forwarded-For is anyone's to write, so it is
 * believed only as far as `trustedProxies` (TRUST_PROXY_HOPS) reverse proxies appended to it: the
 * client is the address the outermost of them saw. Anything else there (too few hops, not an
 * address) leaves the socket's address.
 */
export function clientAddress(c: Context, trustedProxies: number): string {
  const socket = socketAddress(c);
  if (trustedProxies === 0) return throttledAddress(socket);
  const forwarded = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  const client = forwarded.length >= trustedProxies ? forwarded[forwarded.length - trustedProxies] : undefined;
  return throttledAddress(client && isIP(client) ? client : socket);
}

function socketAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? UNKNOWN_ADDRESS;
  } catch {
    return UNKNOWN_ADDRESS;
  }
}

/**
 * One key per client: an IPv4 address (also when mapped into IPv6), or an IPv6 /64, the block a
 * single subscriber is given, which would otherwise be 2^64 fresh addresses to guess from.
 */
export function throttledAddress(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  const unzoned = address.split('%')[0] ?? address;
  if (!isIPv6(unzoned)) return address;
  const [head = '', tail] = unzoned.split('::');
  const groups = (part: string) => (part ? part.split(':').flatMap((g) => (g.includes('.') ? ['0', '0'] : [g])) : []);
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const all = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${all
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}
