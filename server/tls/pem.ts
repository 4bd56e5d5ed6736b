import { X509Certificate, createPrivateKey, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createSecureContext } from 'node:tls';

/** What the TLS listener serves: a certificate chain and its key, as PEM, with what was read from them. */
export interface TlsCredentials {
  /** The certificate first, then its chain (as the file held it). */
  cert: string;
  key: string;
  /** The certificate (not its chain): names, validity, fingerprint. */
  leaf: X509Certificate;
}

/** A certificate or key file the server cannot use: the setting, the file and why. */
export class TlsFileError extends Error {}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g;

async function readPem(setting: string, file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new TlsFileError(`${setting}: cannot read ${file}: ${why}`);
  }
}

function parseCertificates(setting: string, file: string, text: string): X509Certificate[] {
  const blocks = text.match(PEM_CERTIFICATE) ?? [];
  if (blocks.length === 0)
    throw new TlsFileError(`${setting}: ${file} holds no PEM certificate (a "-----BEGIN CERTIFICATE-----" block)`);
  return blocks.map((block, i) => {
    try {
      return new X509Certificate(block);
    } catch (error) {
      throw new TlsFileError(
        `${setting}: certificate ${i + 1} in ${file} is not a valid X.509 certificate (${(error as Error).message})`,
      );
    }
  });
}

function parseKey(setting: string, file: string, text: string): KeyObject {
  try {
    return createPrivateKey(text);
  } catch (error) {
    const encrypted = /ENCRYPTED/.test(text)
      ? ' (it is encrypted: give the key without a passphrase, readable only by the server)'
      : '';
    throw new TlsFileError(`${setting}: ${file} is not a PEM private key${encrypted}: ${(error as Error).message}`);
  }
}

/**
 * Reads and checks a certificate and key pair: both readable PEM, the key the certificate's own,
 * the certificate valid now. Throws a TlsFileError naming the setting, the file and why, so a bad
 * pair never reaches the listener (at start: the server does not start; on renewal: the old pair stays).
 */
export async function loadCredentials(
  files: { certFile: string; keyFile: string },
  now: Date,
  names = { cert: 'TLS_CERT_FILE', key: 'TLS_KEY_FILE' },
): Promise<TlsCredentials> {
  const [certText, keyText] = await Promise.all([
    readPem(names.cert, files.certFile),
    readPem(names.key, files.keyFile),
  ]);
  const [leaf] = parseCertificates(names.cert, files.certFile, certText) as [X509Certificate];
  const key = parseKey(names.key, files.keyFile, keyText);
  if (!leaf.checkPrivateKey(key))
    throw new TlsFileError(
      `${names.key}: ${files.keyFile} is not the key of the certificate in ${names.cert} (${files.certFile}; ${leaf.subject.replace(/\n/g, ', ')})`,
    );
  if (new Date(leaf.validTo) <= now)
    throw new TlsFileError(
      `${names.cert}: the certificate in ${files.certFile} expired on ${new Date(leaf.validTo).toISOString()}`,
    );
  if (new Date(leaf.validFrom) > now)
    throw new TlsFileError(
      `${names.cert}: the certificate in ${files.certFile} is not valid before ${new Date(leaf.validFrom).toISOString()} (check this machine's clock)`,
    );
  const pem = { cert: certText, key: keyText };
  try {
    createSecureContext(pem);
  } catch (error) {
    throw new TlsFileError(
      `${names.cert}: ${files.certFile} with ${files.keyFile} cannot serve TLS: ${(error as Error).message}`,
    );
  }
  return { ...pem, leaf };
}

/** Days until the certificate expires (fractional). */
export function daysLeft(leaf: X509Certificate, now: Date): number {
  return (new Date(leaf.validTo).getTime() - now.getTime()) / 86_400_000;
}

/** Whether the certificate names a host (a DNS name or an IP address), as a browser would check it. */
export function certificateCovers(leaf: X509Certificate, host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  return /^[\d.]+$|:/.test(bare) ? leaf.checkIP(bare) !== undefined : leaf.checkHost(bare) !== undefined;
}
