import { X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { TlsFileError, certificateCovers, daysLeft, loadCredentials, type TlsCredentials } from './pem';
import { createCaCertificate, createServerCertificate, importSigningKey, newKeyPair } from './x509';

const DAY = 86_400_000;
/** Ten years: managers trust the CA once, by hand or by policy, and should not have to again. */
const CA_DAYS = 3650;
/** Under Apple's 825-day ceiling for certificates of a CA its users added, and long enough to forget. */
const SERVER_DAYS = 397;
/** A server certificate is renewed this long before it expires (the server checks twice a day). */
export const RENEW_DAYS_BEFORE = 30;
/** notBefore is set back this much, so a laptop whose clock is a little behind still accepts it. */
const CLOCK_SKEW = 60 * 60_000;

/** The files of the server's own CA, in its folder (TLS_DIR). */
export function ownCaFiles(dir: string) {
  return {
    caCert: join(dir, 'ca.pem'),
    caKey: join(dir, 'ca-key.pem'),
    cert: join(dir, 'server.pem'),
    key: join(dir, 'server-key.pem'),
  };
}

/** Writes a file whole (a reader never sees half of it) with the given mode. */
function writeAtomically(path: string, text: string, mode: number): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text, { mode });
  chmodSync(temporary, mode); // the umask may have taken bits away, never added: set exactly
  renameSync(temporary, path);
}

export interface OwnCa {
  certPem: string;
  keyPem: string;
  cert: X509Certificate;
  /** Whether it was created by this call (first start) rather than read. */
  created: boolean;
}

/** Reads the CA from its folder, or creates it there on first start (key mode 0600). */
export async function ensureCa(dir: string, now: Date): Promise<OwnCa> {
  const files = ownCaFiles(dir);
  const haveCert = existsSync(files.caCert);
  const haveKey = existsSync(files.caKey);
  if (haveCert !== haveKey) {
    const [present, missing] = haveCert ? [files.caCert, files.caKey] : [files.caKey, files.caCert];
    throw new TlsFileError(
      `TLS_DIR: ${present} is there but ${missing} is not: restore it, or move both away to create a new CA (which every manager's machine must then trust again)`,
    );
  }
  if (haveCert) {
    const ca = await loadCredentials({ certFile: files.caCert, keyFile: files.caKey }, now, {
      cert: 'TLS_DIR (the CA certificate)',
      key: 'TLS_DIR (the CA key)',
    });
    if (!ca.leaf.ca) throw new TlsFileError(`TLS_DIR: ${files.caCert} is not a CA certificate`);
    return { certPem: ca.cert, keyPem: ca.key, cert: ca.leaf, created: false };
  }
  mkdirSync(dir, { recursive: true });
  const pair = await newKeyPair();
  const name = `CN=Seat Portal CA (${hostname()}, ${now.toISOString().slice(0, 10)}), O=Seat Portal`;
  const certPem = await createCaCertificate(
    name,
    pair,
    new Date(now.getTime() - CLOCK_SKEW),
    new Date(now.getTime() + CA_DAYS * DAY),
  );
  // The key first: a folder with the certificate and no key would be refused at the next start.
  writeAtomically(files.caKey, pair.pem, 0o600);
  writeAtomically(files.caCert, certPem, 0o644);
  return { certPem, keyPem: pair.pem, cert: new X509Certificate(certPem), created: true };
}

/** Why the server certificate on disk will not do (null: it will). */
function staleReason(current: TlsCredentials, ca: OwnCa, names: string[], now: Date): string | null {
  if (!current.leaf.verify(ca.cert.publicKey)) return 'it was signed by another CA';
  const missing = names.filter((name) => !certificateCovers(current.leaf, name));
  if (missing.length > 0) return `it does not name ${missing.join(', ')}`;
  const days = daysLeft(current.leaf, now);
  if (days < RENEW_DAYS_BEFORE) return `it expires in ${Math.max(0, Math.floor(days))} days`;
  return null;
}

export interface ServerCertificate {
  credentials: TlsCredentials;
  /** Why a new one was issued (null: the one on disk was kept). */
  issuedBecause: string | null;
}

/**
 * The server certificate for `names`, signed by the CA: the one on disk while it names them all,
 * was signed by this CA and has more than RENEW_DAYS_BEFORE days left; else a new one (new key).
 * The file served holds the certificate and then the CA's, so a client pinning the CA finds it.
 */
export async function ensureServerCertificate(
  ca: OwnCa,
  dir: string,
  names: string[],
  now: Date,
): Promise<ServerCertificate> {
  const files = ownCaFiles(dir);
  let issuedBecause = 'there was none';
  if (existsSync(files.cert) && existsSync(files.key)) {
    try {
      const current = await loadCredentials({ certFile: files.cert, keyFile: files.key }, now);
      const reason = staleReason(current, ca, names, now);
      if (!reason) return { credentials: current, issuedBecause: null };
      issuedBecause = reason;
    } catch (error) {
      issuedBecause = error instanceof TlsFileError ? error.message : String(error);
    }
  }
  const pair = await newKeyPair();
  const leafPem = await createServerCertificate({
    caPem: ca.certPem,
    caKey: await importSigningKey(ca.keyPem),
    publicKey: pair.keys.publicKey,
    names,
    notBefore: new Date(now.getTime() - CLOCK_SKEW),
    notAfter: new Date(Math.min(now.getTime() + SERVER_DAYS * DAY, new Date(ca.cert.validTo).getTime())),
  });
  const chain = `${leafPem.trim()}\n${ca.certPem.trim()}\n`;
  writeAtomically(files.key, pair.pem, 0o600);
  writeAtomically(files.cert, chain, 0o644);
  return { credentials: await loadCredentials({ certFile: files.cert, keyFile: files.key }, now), issuedBecause };
}
