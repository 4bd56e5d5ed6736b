import { isIP } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';

/** A DNS name a certificate may carry: labels of letters, digits and hyphens, optionally `*.` first. */
const DNS_NAME = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/** Whether a certificate can name it: an IP address or a DNS name. */
function isCertificateName(name: string): boolean {
  return isIP(name) !== 0 || (name.length <= 253 && DNS_NAME.test(name));
}

/** TLS_NAMES: comma-separated DNS names and addresses; a bad entry stops the server, named. */
export function parseTlsNames(value: string | undefined): string[] {
  const names: string[] = [];
  for (const raw of (value ?? '').split(',')) {
    const name = raw
      .trim()
      .replace(/^\[(.*)\]$/, '$1')
      .toLowerCase();
    if (!name) continue;
    if (!isCertificateName(name)) throw new Error(`TLS_NAMES: "${raw.trim()}" is neither a DNS name nor an IP address`);
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

/**
 * The names this machine is reached by: its hostname and the addresses of its interfaces
 * (link-local IPv6 ones left out: they need a zone no URL carries), with the loopback names, so the
 * server's own machine can reach it too.
 */
export function machineNames(): string[] {
  const names = ['localhost', '127.0.0.1', '::1'];
  const host = hostname().toLowerCase();
  if (isCertificateName(host)) names.push(host);
  for (const addresses of Object.values(networkInterfaces()))
    for (const address of addresses ?? []) {
      if (address.family === 'IPv6' && address.address.toLowerCase().startsWith('fe80:')) continue;
      names.push(address.address.toLowerCase());
    }
  return names;
}

/** The first IPv4 address of this machine that is not loopback (how another machine reaches it); null when none. */
export function networkAddress(): string | null {
  for (const addresses of Object.values(networkInterfaces()))
    for (const address of addresses ?? []) if (!address.internal && address.family === 'IPv4') return address.address;
  return null;
}

/** Names without repeats, in the order first given. */
export function uniqueNames(...lists: string[][]): string[] {
  return [...new Set(lists.flat().map((n) => n.toLowerCase()))];
}

/**
 * The host the server names itself by (its URL, PUBLIC_URL's default): localhost for the demo (no
 * HOST); with TLS on every interface, the machine's network address, which another machine can
 * type and the certificate names; else undefined (HOST itself, or localhost for plain HTTP).
 */
export function advertisedHost(hostSetting: string | undefined, listenOn: string, tls: boolean): string | undefined {
  if (!hostSetting?.trim()) return 'localhost';
  if (tls && (listenOn === '0.0.0.0' || listenOn === '::')) return networkAddress() ?? hostname().toLowerCase();
  return undefined;
}
