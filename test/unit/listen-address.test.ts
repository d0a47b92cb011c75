// What `serve` prints about where it listens: HOST=0.0.0.0 is no URL to connect to.
import type { NetworkInterfaceInfo } from 'node:os';
import { listenAddress, listenLines } from '../../src/http/listen-address';

const nic = (address: string, family: 'IPv4' | 'IPv6', internal = false) => ({ address, family, internal }) as NetworkInterfaceInfo;
const INTERFACES = { lo: [nic('127.0.0.1', 'IPv4', true), nic('::1', 'IPv6', true)], eth0: [nic('10.1.2.3', 'IPv4'), nic('fe80::1', 'IPv6')] };

describe('serve listen address', () => {
  it('a wildcard bind prints the real bind, the loopback URL and each network URL', () => {
    const a = listenAddress('0.0.0.0', 8000, INTERFACES);
    expect(a).toEqual({ bind: '0.0.0.0:8000', localUrl: 'http://127.0.0.1:8000', networkUrls: ['http://10.1.2.3:8000'] });
    expect(listenLines(a)).toEqual([
      'Autopack Control Plane listening on 0.0.0.0:8000 (every interface)',
      '  This machine: http://127.0.0.1:8000',
      '  Network:      http://10.1.2.3:8000',
      '  GraphiQL: http://10.1.2.3:8000/graphql',
      '  Health:   http://10.1.2.3:8000/health',
    ]);
  });

  it('a wildcard bind on a machine without a network still says what it bound', () => {
    expect(listenLines(listenAddress('::', 9000, { lo: INTERFACES.lo }))).toEqual([
      'Autopack Control Plane listening on [::]:9000 (every interface)',
      '  This machine: http://127.0.0.1:9000',
      '  GraphiQL: http://127.0.0.1:9000/graphql',
      '  Health:   http://127.0.0.1:9000/health',
    ]);
  });

  it('a specific interface is its own URL', () => {
    expect(listenLines(listenAddress('127.0.0.1', 8000, INTERFACES))).toEqual([
      'Autopack Control Plane listening on http://127.0.0.1:8000',
      '  GraphiQL: http://127.0.0.1:8000/graphql',
      '  Health:   http://127.0.0.1:8000/health',
    ]);
    expect(listenAddress('::1', 8000, INTERFACES).localUrl).toBe('http://[::1]:8000');
  });
});
