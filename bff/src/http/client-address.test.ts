import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { clientAddress, throttledAddress } from './client-address';

async function addressSeen(hops: number, remoteAddress: string | null, forwardedFor?: string): Promise<string> {
  const app = new Hono().get('/', (c) => c.text(clientAddress(c, hops)));
  const headers = forwardedFor === undefined ? undefined : { 'x-forwarded-for': forwardedFor };
  const env = remoteAddress === null ? undefined : { incoming: { socket: { remoteAddress } } };
  return (await app.request('/', { headers }, env)).text();
}

describe('the client address the throttle counts', () => {
  it('is the socket’s, whatever X-Forwarded-For says, unless proxies are trusted', async () => {
    expect(await addressSeen(0, '203.0.113.5')).toBe('203.0.113.5');
    expect(await addressSeen(0, '203.0.113.5', '198.51.100.1')).toBe('203.0.113.5');
    expect(await addressSeen(0, null)).toBe('unknown');
  });

  it('is the one the outermost trusted proxy saw, never one the client wrote before it', async () => {
    expect(await addressSeen(1, '10.0.0.2', '198.51.100.1')).toBe('198.51.100.1');
    expect(await addressSeen(1, '10.0.0.2', 'forged-by-client, 198.51.100.1')).toBe('198.51.100.1');
    expect(await addressSeen(2, '10.0.0.3', 'forged, 198.51.100.1, 10.0.0.2')).toBe('198.51.100.1');
    // Fewer hops than proxies: the header is not what the proxies write, so the socket counts.
    expect(await addressSeen(2, '10.0.0.3', '198.51.100.1')).toBe('10.0.0.3');
    expect(await addressSeen(1, '10.0.0.2')).toBe('10.0.0.2');
    expect(await addressSeen(1, '10.0.0.2', '198.51.100.1, not-an-address')).toBe('10.0.0.2');
  });

  it('is an IPv4 address even when mapped into IPv6, and an IPv6 client’s /64', () => {
    expect(throttledAddress('::ffff:203.0.113.5')).toBe('203.0.113.5');
    expect(throttledAddress('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64');
    expect(throttledAddress('2001:db8:1:2::9')).toBe('2001:db8:1:2::/64');
    expect(throttledAddress('2001:0db8:0001:0002::')).toBe('2001:db8:1:2::/64');
    expect(throttledAddress('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(throttledAddress('::1')).toBe('0:0:0:0::/64');
    expect(throttledAddress('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(throttledAddress('64:ff9b::192.0.2.1')).toBe('64:ff9b:0:0::/64');
    expect(throttledAddress('203.0.113.5')).toBe('203.0.113.5');
    expect(throttledAddress('unknown')).toBe('unknown');
  });
});
