// What `serve` prints about where it listens: the real bind, and URLs a client can use. A wildcard bind
// (0.0.0.0, ::) is no address to connect to: this machine reaches it on loopback, others on the
// machine's own addresses.
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';

export interface ListenAddress {
  /** host:port as bound, e.g. "0.0.0.0:8000" or "127.0.0.1:8000". */
  bind: string;
  /** Where this machine reaches the server (loopback for a wildcard bind). */
  localUrl: string;
  /** Where other machines reach it (a wildcard bind: each external address); empty otherwise. */
  networkUrls: string[];
}

const WILDCARDS = new Set(['0.0.0.0', '::', '']);
const bracket = (host: string) => (host.includes(':') ? `[${host}]` : host);

export function listenAddress(host: string, port: number, interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces()): ListenAddress {
  const bind = `${bracket(host)}:${port}`;
  if (!WILDCARDS.has(host)) return { bind, localUrl: `http://${bracket(host)}:${port}`, networkUrls: [] };
  const ipv6 = host === '::';
  const external = Object.values(interfaces)
    .flatMap((list) => list ?? [])
    .filter((i) => !i.internal && (i.family === 'IPv4' || (ipv6 && i.family === 'IPv6' && !i.address.startsWith('fe80:'))));
  return { bind, localUrl: `http://127.0.0.1:${port}`, networkUrls: external.map((i) => `http://${bracket(i.address)}:${port}`) };
}

/** The lines `serve` prints: a specific interface is its own URL; a wildcard bind says so and lists where clients connect. */
export function listenLines(a: ListenAddress): string[] {
  const wildcard = a.localUrl !== `http://${a.bind}`;
  const base = a.networkUrls[0] ?? a.localUrl;
  return [
    ...(wildcard
      ? [
          `Autopack Control Plane listening on ${a.bind} (every interface)`,
          `  This machine: ${a.localUrl}`,
          ...a.networkUrls.map((u) => `  Network:      ${u}`),
        ]
      : [`Autopack Control Plane listening on ${a.localUrl}`]),
    `  GraphiQL: ${base}/graphql`,
    `  Health:   ${base}/health`,
  ];
}
