import { clientAddressOf, isTrustProxyEntry, trustFunction } from './trust-proxy.js';

describe('clientAddressOf', () => {
  const forged = '198.51.100.1, 10.0.0.2';

  it('trusts nobody by default: the socket peer, whatever X-Forwarded-For says', () => {
    expect(clientAddressOf('::ffff:203.0.113.5', forged, trustFunction(false))).toBe('203.0.113.5');
  });

  it('with every proxy trusted, takes the farthest address (as Fastify with trustProxy: true)', () => {
    expect(clientAddressOf('127.0.0.1', forged, trustFunction(true))).toBe('198.51.100.1');
    expect(clientAddressOf('127.0.0.1', undefined, trustFunction(true))).toBe('127.0.0.1');
  });

  it('with a hop count, skips that many proxies from the socket back', () => {
    expect(clientAddressOf('127.0.0.1', forged, trustFunction({ hops: 1 }))).toBe('10.0.0.2');
    expect(clientAddressOf('127.0.0.1', forged, trustFunction({ hops: 2 }))).toBe('198.51.100.1');
    expect(clientAddressOf('127.0.0.1', forged, trustFunction({ hops: 5 }))).toBe('198.51.100.1');
  });

  it('with addresses and networks, walks back while the address is a listed proxy', () => {
    const sut = trustFunction({ addresses: ['127.0.0.1', '10.0.0.0/8', 'fd00::/8'] });
    expect(clientAddressOf('::ffff:127.0.0.1', forged, sut)).toBe('198.51.100.1');
    expect(clientAddressOf('fd00::5', '198.51.100.9', sut)).toBe('198.51.100.9');
    // Reached directly (not through a listed proxy): the claim is ignored.
    expect(clientAddressOf('203.0.113.5', forged, sut)).toBe('203.0.113.5');
    // A listed proxy that forwards a client's own forged entries: the first untrusted address counts.
    expect(clientAddressOf('127.0.0.1', '10.9.9.9, 203.0.113.7, 10.0.0.3', sut)).toBe('203.0.113.7');
    // Garbage in the header is never a trusted proxy.
    expect(clientAddressOf('127.0.0.1', 'evil, not-an-ip', sut)).toBe('not-an-ip');
  });

  it('knows loopback, linklocal and uniquelocal by name', () => {
    const sut = trustFunction({ addresses: ['loopback', 'uniquelocal'] });
    expect(sut('::1', 0)).toBe(true);
    expect(sut('172.20.0.4', 0)).toBe(true);
    expect(sut('203.0.113.5', 0)).toBe(false);
  });
});

describe('isTrustProxyEntry', () => {
  it.each(['10.0.0.2', '10.0.0.0/8', '::1', 'fd00::/8', 'loopback', 'uniquelocal'])('takes %s', (entry) => {
    expect(isTrustProxyEntry(entry)).toBe(true);
  });

  it.each(['', 'proxy.local', '10.0.0.0/33', '::/129', '10.0.0.0/8/1', '10.0.0.0/x', '*'])('refuses %j', (entry) => {
    expect(isTrustProxyEntry(entry)).toBe(false);
  });
});
