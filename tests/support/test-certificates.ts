import { X509Certificate, createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCaCertificate, createServerCertificate, importSigningKey, newKeyPair } from '../../server/tls/x509';

const DAY = 86_400_000;

export interface TestCa {
  certPem: string;
  keyPem: string;
}

export interface TestCertificate {
  certFile: string;
  keyFile: string;
  /** The certificate's SHA-256 fingerprint, as Node's X509Certificate and getPeerCertificate() write it. */
  fingerprint: string;
}

/** A throwaway CA for tests (what a company's own CA would be). */
export async function testCa(name = 'CN=Test Company CA'): Promise<TestCa> {
  const pair = await newKeyPair();
  const now = Date.now();
  const certPem = await createCaCertificate(name, pair, new Date(now - DAY), new Date(now + 3650 * DAY));
  return { certPem, keyPem: pair.pem };
}

/**
 * A server certificate signed by `ca`, written as `<stem>.pem` (certificate, then the CA's) and
 * `<stem>-key.pem` in `dir`. `days` sets the validity around now: [-2, -1] makes an expired one.
 */
export async function testCertificate(
  ca: TestCa,
  dir: string,
  stem: string,
  options: { names?: string[]; days?: [from: number, to: number] } = {},
): Promise<TestCertificate> {
  const pair = await newKeyPair();
  const [from, to] = options.days ?? [-1, 90];
  const now = Date.now();
  const leaf = await createServerCertificate({
    caPem: ca.certPem,
    caKey: await importSigningKey(ca.keyPem),
    publicKey: pair.keys.publicKey,
    names: options.names ?? ['localhost', '127.0.0.1'],
    notBefore: new Date(now + from * DAY),
    notAfter: new Date(now + to * DAY),
  });
  const certFile = join(dir, `${stem}.pem`);
  const keyFile = join(dir, `${stem}-key.pem`);
  writeFileSync(certFile, `${leaf.trim()}\n${ca.certPem.trim()}\n`);
  writeFileSync(keyFile, pair.pem, { mode: 0o600 });
  return { certFile, keyFile, fingerprint: new X509Certificate(leaf).fingerprint256 };
}

/** Base64 SHA-256 of a certificate's public key (SPKI): what Chromium's --ignore-certificate-errors-spki-list takes. */
export function spkiHash(certPem: string): string {
  const spki = new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}
