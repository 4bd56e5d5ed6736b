// @peculiar/x509 resolves its algorithms through tsyringe, which needs the Reflect metadata API
// loaded before it: this import must stay first.
import 'reflect-metadata';
import { createPrivateKey, randomBytes, webcrypto } from 'node:crypto';
import { isIP } from 'node:net';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as Crypto);

/** ECDSA P-256 with SHA-256: what every browser and TLS stack of the last decade accepts. */
const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

/** A key pair in PEM (PKCS#8) and as WebCrypto keys. */
export interface KeyPair {
  pem: string;
  keys: CryptoKeyPair;
}

/** A new P-256 key pair. */
export async function newKeyPair(): Promise<KeyPair> {
  const keys = (await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as CryptoKeyPair;
  const der = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  return {
    pem: createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }).export({
      format: 'pem',
      type: 'pkcs8',
    }) as string,
    keys,
  };
}

/** The signing key in a PEM file (the CA's), for WebCrypto. */
export function importSigningKey(pem: string): Promise<CryptoKey> {
  const der = createPrivateKey(pem).export({ format: 'der', type: 'pkcs8' });
  return webcrypto.subtle.importKey('pkcs8', der, ALGORITHM, false, ['sign']) as Promise<CryptoKey>;
}

/** A random positive 128-bit serial number, as RFC 5280 asks of a CA (unique per issuer). */
const serialNumber = () => {
  const bytes = randomBytes(16);
  bytes[0] = bytes[0]! & 0x7f;
  return bytes.toString('hex');
};

/** A self-signed certificate authority that may sign server certificates only (path length 0). */
export async function createCaCertificate(
  name: string,
  pair: KeyPair,
  notBefore: Date,
  notAfter: Date,
): Promise<string> {
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serialNumber(),
    name,
    notBefore,
    notAfter,
    keys: pair.keys,
    signingAlgorithm: ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(pair.keys.publicKey),
    ],
  });
  return cert.toString('pem');
}

/** A server certificate for `names` (DNS names and IP addresses), signed by the CA. */
export async function createServerCertificate(options: {
  caPem: string;
  caKey: CryptoKey;
  publicKey: CryptoKey;
  names: string[];
  notBefore: Date;
  notAfter: Date;
}): Promise<string> {
  const ca = new x509.X509Certificate(options.caPem);
  const subjectName = options.names.find((n) => isIP(n) === 0) ?? options.names[0] ?? 'localhost';
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serialNumber(),
    subject: `CN=${subjectName}`,
    issuer: ca.subject,
    notBefore: options.notBefore,
    notAfter: options.notAfter,
    publicKey: options.publicKey,
    signingKey: options.caKey,
    signingAlgorithm: ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(
        options.names.map((value) => ({ type: isIP(value) ? 'ip' : 'dns', value }) as const),
      ),
      await x509.SubjectKeyIdentifierExtension.create(options.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(ca.publicKey),
    ],
  });
  return cert.toString('pem');
}
