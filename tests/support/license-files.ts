import { readFileSync } from 'node:fs';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { Db } from '../../server/db/connect';
import { parsePrivateKey } from '../../server/licensing/keys';
import type { LicenseFilePayload } from '../../server/licensing/license-file';
import { companyPicture } from '../../server/vendor/picture';
import { signLicenseFile } from '../../server/vendor/sign';

/** The demo vendor key a seeded test server signed its demo company with. */
export const demoVendorKey = (path: string): KeyObject => parsePrivateKey(readFileSync(path, 'utf8'), path);

/** Another Ed25519 key: a vendor this server does not trust. */
export const strangerKey = (): KeyObject => generateKeyPairSync('ed25519').privateKey;

/** The company's next license file (serial + 1) with `edit` applied, signed with `key`. */
export async function nextFile(
  db: Db,
  company: string,
  key: KeyObject,
  edit: (p: LicenseFilePayload) => void = () => {},
): Promise<{ file: string; payload: LicenseFilePayload }> {
  const picture = (await companyPicture(db, company))!;
  const payload = { ...picture, serial: picture.serial + 1 };
  edit(payload);
  return { file: await signLicenseFile(payload, key), payload };
}

/** The same compact JWS with its payload replaced and the signature kept: a tampered file. */
export function withPayload(file: string, payload: unknown): string {
  const [header, , signature] = file.split('.');
  return [header, Buffer.from(JSON.stringify(payload)).toString('base64url'), signature].join('.');
}

/** The same compact JWS with its protected header replaced. */
export function withHeader(file: string, header: unknown): string {
  const [, payload, signature] = file.split('.');
  return [Buffer.from(JSON.stringify(header)).toString('base64url'), payload, signature].join('.');
}

/** Every leaf of a JSON value, as a path and a different value of the same kind. */
export function tamperings(
  value: unknown,
  path: (string | number)[] = [],
): Array<{ path: (string | number)[]; to: unknown }> {
  if (Array.isArray(value)) return value.flatMap((v, i) => tamperings(v, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => tamperings(v, [...path, k]));
  const to =
    typeof value === 'number'
      ? value + 1
      : typeof value === 'string'
        ? /^\d{4}-\d\d-\d\dT/.test(value)
          ? new Date(Date.parse(value) + 86_400_000).toISOString()
          : value.includes('@')
            ? `x${value}`
            : `${value}X`
        : value === null
          ? 1
          : !value;
  return [{ path, to }];
}

/** A deep copy of `value` with the leaf at `path` set to `to`. */
export function setAt(value: unknown, path: (string | number)[], to: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = to;
  return copy;
}
