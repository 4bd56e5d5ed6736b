import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readNetworkSettings } from './settings';

const read = (env: Record<string, string>) => readNetworkSettings(env, 8787);

describe('HOST, TLS and SEED together', () => {
  it('without HOST: loopback, plain HTTP and the demo, as the newcomer expects', () => {
    expect(read({})).toEqual({
      hostname: '127.0.0.1',
      loopback: true,
      tls: null,
      redirectPort: null,
      seed: true,
      seedNote: null,
    });
  });

  it('on a network address: HTTPS from its own CA beside the database, and no demo unless SEED=1', () => {
    const settings = read({ HOST: '0.0.0.0', DATABASE_URL: 'sqlite:/var/lib/portal/portal.db' });
    expect(settings.loopback).toBe(false);
    expect(settings.tls).toEqual({ kind: 'own-ca', dir: '/var/lib/portal/tls', extraNames: [] });
    expect(settings.seed).toBe(false);
    expect(settings.seedNote).toContain('SEED=1 seeds it anyway');
    expect(read({ HOST: '192.168.1.10', SEED: '1' })).toMatchObject({ seed: true, seedNote: null });
  });

  it('counts localhost, 127.x and ::1 as loopback', () => {
    for (const host of ['localhost', '127.0.0.2', '::1', '[::1]']) expect(read({ HOST: host }).tls).toBeNull();
  });

  it('TLS=on on loopback, TLS=off on the network (behind a proxy), and files that switch it on', () => {
    expect(read({ TLS: 'on' }).tls?.kind).toBe('own-ca');
    expect(read({ HOST: '0.0.0.0', TLS: 'off' })).toMatchObject({ tls: null, seed: false });
    expect(read({ TLS_CERT_FILE: 'c.pem', TLS_KEY_FILE: 'k.pem' }).tls).toEqual({
      kind: 'files',
      certFile: resolve('c.pem'),
      keyFile: resolve('k.pem'),
    });
  });

  it("adds TLS_NAMES and PUBLIC_URL's host to the own certificate, in TLS_DIR when given", () => {
    const settings = read({
      HOST: '0.0.0.0',
      TLS_NAMES: 'portal.corp.example, 10.0.0.5,[fd00::5]',
      PUBLIC_URL: 'https://Seats.Corp.Example:8443',
      TLS_DIR: '/etc/seat-portal/tls',
    });
    expect(settings.tls).toEqual({
      kind: 'own-ca',
      dir: '/etc/seat-portal/tls',
      extraNames: ['portal.corp.example', '10.0.0.5', 'fd00::5', 'seats.corp.example'],
    });
  });

  it('stops on a value it cannot use, naming the setting', () => {
    expect(() => read({ TLS: 'maybe' })).toThrow('TLS: "maybe" is neither on nor off');
    expect(() => read({ SEED: 'sometimes' })).toThrow('SEED: "sometimes" is neither on nor off');
    expect(() => read({ HOST: '0.0.0.0', TLS_NAMES: 'ok.example, bad name' })).toThrow(
      'TLS_NAMES: "bad name" is neither a DNS name nor an IP address',
    );
    expect(() => read({ TLS_KEY_FILE: 'k.pem' })).toThrow('TLS_CERT_FILE: not set, but TLS_KEY_FILE is');
    expect(() => read({ HTTP_REDIRECT_PORT: '80' })).toThrow(
      'HTTP_REDIRECT_PORT: set, but the server speaks plain HTTP',
    );
    expect(() => read({ HOST: '0.0.0.0', HTTP_REDIRECT_PORT: 'eighty' })).toThrow(
      'HTTP_REDIRECT_PORT: "eighty" is not a port number',
    );
    expect(() => read({ HOST: '0.0.0.0', HTTP_REDIRECT_PORT: '8787' })).toThrow('HTTP_REDIRECT_PORT: 8787 is PORT too');
  });
});
