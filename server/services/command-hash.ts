import { createHash } from 'node:crypto';
import type { Command } from '@shared/schemas';

/** JSON with the keys of every object sorted, so equal commands always give equal text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * What an opId was used for: SHA-256 of the command's kind and payload. An initial password is
 * left out: a fast unsalted hash of a password someone typed would be a crackable copy of it.
 */
export function commandHash(command: Command): string {
  const { initialPassword: _secret, ...payload } = command.payload as Record<string, unknown>;
  return createHash('sha256')
    .update(canonicalJson({ kind: command.kind, payload }))
    .digest('hex');
}
