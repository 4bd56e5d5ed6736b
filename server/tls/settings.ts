import { isIP } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { parseDatabaseUrl } from '../db/dialect';
import { parseTlsNames } from './names';

/** Where the server's own certificate authority and certificate live, and which names it covers. */
export interface OwnCaPlan {
  kind: 'own-ca';
  dir: string;
  /** TLS_NAMES and PUBLIC_URL's host; the machine's names and addresses are added when issuing. */
  extraNames: string[];
}

/** Certificate and key files the operator gives (TLS_CERT_FILE, TLS_KEY_FILE). */
export interface FilesPlan {
  kind: 'files';
  certFile: string;
  keyFile: string;
}

export type TlsPlan = OwnCaPlan | FilesPlan;

/** How the server meets the network: where it listens, whether it speaks TLS, whether the demo is seeded. */
export interface NetworkSettings {
  /** The address to listen on: HOST, else loopback. */
  hostname: string;
  /** Whether only this machine can reach it (the demo's case: plain HTTP and demo data by default). */
  loopback: boolean;
  tls: TlsPlan | null;
  /** HTTP_REDIRECT_PORT: a plain listener that only redirects to the HTTPS origin. */
  redirectPort: number | null;
  /** Seed the demo company into an empty database. */
  seed: boolean;
  /** Why the demo was not seeded by default, to say at start (null: nothing to say). */
  seedNote: string | null;
}

type Env = Record<string, string | undefined>;

const LOOPBACK_NAMES = new Set(['localhost', '::1', '[::1]']);

/** Whether an address (or name) is this machine's loopback: 127.0.0.0/8, ::1, localhost. */
function isLoopback(host: string): boolean {
  const bare = host.toLowerCase().replace(/\.$/, '');
  return LOOPBACK_NAMES.has(bare) || (isIP(bare) === 4 && bare.startsWith('127.'));
}

/** An on/off setting: undefined when unset or empty; anything but on/off, 1/0, true/false stops the server. */
function onOff(name: string, value: string | undefined): boolean | undefined {
  const v = value?.trim().toLowerCase();
  if (!v) return undefined;
  if (['1', 'on', 'true', 'yes'].includes(v)) return true;
  if (['0', 'off', 'false', 'no'].includes(v)) return false;
  throw new Error(`${name}: "${value}" is neither on nor off (use 1 or 0)`);
}

function portSetting(name: string, value: string | undefined): number | null {
  if (value === undefined || value.trim() === '') return null;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`${name}: "${value}" is not a port number (0-65535)`);
  return port;
}

/** TLS_DIR, else a `tls` folder beside the SQLite file (./data/tls with PostgreSQL). */
function tlsDir(env: Env): string {
  if (env.TLS_DIR?.trim()) return resolve(env.TLS_DIR.trim());
  const target = parseDatabaseUrl(env.DATABASE_URL || 'sqlite:./data/portal.db');
  const dataDir = target.dialect === 'sqlite' && target.location !== ':memory:' ? dirname(target.location) : './data';
  return resolve(join(dataDir, 'tls'));
}

function tlsPlan(env: Env, network: boolean, publicUrl: URL | null): TlsPlan | null {
  const certFile = env.TLS_CERT_FILE?.trim() || undefined;
  const keyFile = env.TLS_KEY_FILE?.trim() || undefined;
  if (certFile && !keyFile) throw new Error('TLS_KEY_FILE: not set, but TLS_CERT_FILE is: give both (PEM files)');
  if (keyFile && !certFile) throw new Error('TLS_CERT_FILE: not set, but TLS_KEY_FILE is: give both (PEM files)');
  const wanted = onOff('TLS', env.TLS);
  if (wanted === false) {
    if (certFile) throw new Error('TLS: off, but TLS_CERT_FILE and TLS_KEY_FILE are set: unset one or the other');
    return null;
  }
  if (certFile && keyFile) return { kind: 'files', certFile: resolve(certFile), keyFile: resolve(keyFile) };
  if (wanted !== true && !network) return null;
  const extraNames = parseTlsNames(env.TLS_NAMES);
  const publicHost = publicUrl?.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (publicHost && !extraNames.includes(publicHost)) extraNames.push(publicHost);
  return { kind: 'own-ca', dir: tlsDir(env), extraNames };
}

/**
 * HOST, TLS, TLS_CERT_FILE, TLS_KEY_FILE, TLS_NAMES, TLS_DIR, HTTP_REDIRECT_PORT and SEED, read
 * together because they decide together: no HOST is the demo on loopback (plain HTTP, demo data);
 * a network address gets HTTPS and no demo data unless asked. Bad values stop the server, naming
 * the setting.
 */
export function readNetworkSettings(env: Env, port: number): NetworkSettings {
  const host = env.HOST?.trim() || '127.0.0.1';
  const hostname = host.replace(/^\[(.*)\]$/, '$1');
  const loopback = isLoopback(hostname);
  const publicUrl = env.PUBLIC_URL?.trim() ? new URL(env.PUBLIC_URL.trim()) : null;
  const tls = tlsPlan(env, !loopback, publicUrl);
  const redirectPort = portSetting('HTTP_REDIRECT_PORT', env.HTTP_REDIRECT_PORT);
  if (redirectPort !== null && !tls)
    throw new Error('HTTP_REDIRECT_PORT: set, but the server speaks plain HTTP (TLS is off): nothing to redirect to');
  if (redirectPort !== null && redirectPort !== 0 && redirectPort === port)
    throw new Error(`HTTP_REDIRECT_PORT: ${redirectPort} is PORT too: give the redirect its own port`);
  const seedSetting = onOff('SEED', env.SEED);
  const seed = seedSetting ?? loopback;
  const seedNote =
    seedSetting === undefined && !loopback
      ? `Demo data not seeded: the server listens on the network (HOST=${host}), and the demo's passwords are public. SEED=1 seeds it anyway.`
      : null;
  return { hostname, loopback, tls, redirectPort, seed, seedNote };
}
