import { createHash } from 'node:crypto';
import type { UserRow } from '../db/users';

/**
 * The change cursor of a list: `1.<version>.<scope tag>`. The version is the license's change
 * counter when the list was read; the tag binds it to the license and to what the caller could
 * see (a manager all devices, a license user their own), so a cursor is never continued for
 * another license or another view: the caller gets the whole list instead.
 */
export interface ListScope {
  licenseId: string;
  /** The caller sees every row (manager), or only their own (license user). */
  all: boolean;
  user: UserRow;
}

function scopeTag(scope: ListScope): string {
  const who = scope.all ? 'all' : `own:${scope.user.id}`;
  return createHash('sha256').update(`${scope.licenseId}\n${who}`).digest('base64url').slice(0, 16);
}

export function encodeCursor(scope: ListScope, version: number): string {
  return `1.${version}.${scopeTag(scope)}`;
}

/**
 * The version a `since` cursor continues from, or undefined when the whole list must be sent:
 * no cursor, a malformed one, another license's or view's, one from the future (another
 * database), or one older than the tombstones still kept (`prunedVersion`).
 */
export function continuableVersion(
  since: string | undefined,
  scope: ListScope,
  license: { version: number; pruned_version: number },
): number | undefined {
  const match = since ? /^1\.(\d{1,15})\.([\w-]{16})$/.exec(since) : null;
  if (!match || match[2] !== scopeTag(scope)) return undefined;
  const version = Number(match[1]);
  if (version > license.version || version < license.pruned_version) return undefined;
  return version;
}
