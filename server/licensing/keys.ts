import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { calculateJwkThumbprint, exportJWK, type JWK } from 'jose';

/**
 * Ed25519 keys in PEM as `openssl genpkey -algorithm ed25519` writes them (PKCS#8 private key,
 * SPKI public key). A key is named by its fingerprint: the RFC 7638 JWK thumbprint (SHA-256,
 * base64url), which any JOSE library computes the same way.
 */
export interface PublicKey {
  key: KeyObject;
  jwk: JWK;
  fingerprint: string;
  /** The demo vendor key of the data folder: it never signs over a file another key signed. */
  demo?: boolean;
}

/** A new Ed25519 key pair as PEM text. */
export function generateKeyPairPem(): { privatePem: string; publicPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** The public half of a key (a private or public KeyObject) with its JWK and fingerprint. */
export async function describePublicKey(key: KeyObject): Promise<PublicKey> {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  if (publicKey.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 key');
  const jwk = await exportJWK(publicKey);
  return { key: publicKey, jwk, fingerprint: await calculateJwkThumbprint(jwk, 'sha256') };
}

/** Parses PEM text as an Ed25519 private key; throws naming `what` and the reason. */
export function parsePrivateKey(pem: string, what: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch (error) {
    throw new Error(`${what}: not a PEM private key (${(error as Error).message})`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${what}: not an Ed25519 key (${key.asymmetricKeyType})`);
  return key;
}

/** Parses PEM text as an Ed25519 public key (a private key's public half is accepted too). */
export async function parsePublicKey(pem: string, what: string): Promise<PublicKey> {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch (error) {
    throw new Error(`${what}: not a PEM public key (${(error as Error).message})`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${what}: not an Ed25519 key (${key.asymmetricKeyType})`);
  return describePublicKey(key);
}

/** Reads the private key of VENDOR_KEY_FILE (or any other setting naming a PEM file). */
export function readPrivateKeyFile(setting: string, path: string): KeyObject {
  return parsePrivateKey(readText(setting, path), `${setting} (${path})`);
}

/** Reads one or more public keys: `paths` comma-separated, as VENDOR_PUBLIC_KEY_FILE holds them. */
export async function readPublicKeyFiles(setting: string, paths: string): Promise<PublicKey[]> {
  const list = paths
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (list.length === 0) throw new Error(`${setting}: names no file`);
  return Promise.all(list.map((path) => parsePublicKey(readText(setting, path), `${setting} (${path})`)));
}

function readText(setting: string, path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(
      `${setting}: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
}
