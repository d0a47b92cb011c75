// A server without an API key answers everything to whoever reaches it: bound to a non-loopback address it
// refuses to start (exit 2, one line) unless AUTOPACK_ALLOW_OPEN_NETWORK=1 says it is meant.
// 192.0.2.1 (TEST-NET-1) is on no interface here: a server that gets past the check fails to listen on it,
// so no test ever serves beyond loopback.
import { isLoopback } from '../../src/config';
import { runCliProcess } from '../helpers/cli';
import { createTestDatabase } from '../helpers/db';

describe('development mode on a non-loopback HOST', () => {
  it('refuses to start without a key, with one line naming HOST and the opt-in (exit 2)', async () => {
    const db = await createTestDatabase('sqlite');
    try {
      // TEST-NET first: without the check, the test fails there before it could bind a wildcard address.
      for (const host of ['192.0.2.1', '0.0.0.0', '::']) {
        const res = await runCliProcess(['serve'], { DATABASE_URL: db.url, HOST: host, PORT: '0' });
        expect(res.code).toBe(2);
        expect(res.stdout).toBe('');
        expect(res.stderr).toMatch(
          /^autopack: HOST: "[^"]+" is reachable from other machines and AUTOPACK_API_KEY is not set .*AUTOPACK_ALLOW_OPEN_NETWORK=1.*\n$/,
        );
        expect(res.stderr.trim().split('\n')).toHaveLength(1);
      }
      const flag = await runCliProcess(['serve', '--host', '0.0.0.0'], { DATABASE_URL: db.url, PORT: '0' });
      expect(flag.code).toBe(2);
    } finally {
      await db.drop();
    }
  });

  it('gets past the check with a key or with AUTOPACK_ALLOW_OPEN_NETWORK=1 (then fails to listen on TEST-NET)', async () => {
    const db = await createTestDatabase('sqlite');
    try {
      const passes: Record<string, string>[] = [{ AUTOPACK_API_KEY: 'k' }, { AUTOPACK_ALLOW_OPEN_NETWORK: '1' }];
      for (const env of passes) {
        const res = await runCliProcess(['serve'], { DATABASE_URL: db.url, HOST: '192.0.2.1', PORT: '0', ...env });
        expect(res.code).toBe(1);
        expect(res.stderr).toMatch(/^autopack: cannot listen on 192\.0\.2\.1:0: EADDRNOTAVAIL\n$/m);
      }
      const typo = await runCliProcess(['serve'], { DATABASE_URL: db.url, HOST: '0.0.0.0', PORT: '0', AUTOPACK_ALLOW_OPEN_NETWORK: 'yes' });
      expect(typo.code).toBe(2);
      expect(typo.stderr).toMatch(/^autopack: AUTOPACK_ALLOW_OPEN_NETWORK: invalid value "yes"/);
    } finally {
      await db.drop();
    }
  });

  it('knows loopback addresses', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1']) expect(isLoopback(host)).toBe(true);
    for (const host of ['0.0.0.0', '::', '10.0.0.5', 'example.com', '::ffff:10.0.0.1', '127.0.0.1.nip.io']) expect(isLoopback(host)).toBe(false);
  });
});
