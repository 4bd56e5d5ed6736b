import type { KeyObject } from 'node:crypto';
import type { Db } from '../db/connect';
import { findServerKey, insertServerKey } from '../db/license-files';
import { describePublicKey, generateKeyPairPem, parsePrivateKey, type PublicKey } from '../licensing/keys';

/** The server's own Ed25519 key: it signs device certificates, never vendor data. */
export interface ServerKey {
  privateKey: KeyObject;
  publicKey: PublicKey;
}

/**
 * The server's key, made and stored in the database on first use, so every instance on one
 * database signs with the same key. Two processes making one at once: both keep the first stored.
 */
export async function serverKey(db: Db, now = new Date()): Promise<ServerKey> {
  let row = await findServerKey(db.kysely);
  if (!row) {
    const { privatePem } = generateKeyPairPem();
    const publicKey = await describePublicKey(parsePrivateKey(privatePem, 'new server key'));
    await insertServerKey(db.kysely, {
      fingerprint: publicKey.fingerprint,
      private_pem: privatePem,
      created_at: now.toISOString(),
    });
    row = (await findServerKey(db.kysely))!;
  }
  const privateKey = parsePrivateKey(row.private_pem, 'the server key');
  return { privateKey, publicKey: await describePublicKey(privateKey) };
}
