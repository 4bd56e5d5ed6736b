import { errorText, warningText, type Actor, type Decision, type LicenseResetDecision } from '../domain';
import { text, type Text } from '../i18n';
import type { Counter, License, User } from '../schemas';
import type { CommandText } from './types';

/** A preview: the domain decision against the cache, and the texts to show before confirming. */
export interface Preview<D extends Decision | LicenseResetDecision = Decision> {
  decision: D;
  /** Warnings when allowed, the refusal otherwise. */
  messages: Text[];
}

/** Everything the confirmation of one command shows, built by its module from the cache. */
export interface CommandPreview<D extends Decision | LicenseResetDecision = Decision> extends Preview<D>, CommandText {}

/** The preview of any command, as the confirmation dialog takes it. */
export type AnyCommandPreview = CommandPreview<Decision | LicenseResetDecision>;

/** The texts for a decision: its warnings when allowed, its refusal otherwise. */
function messagesOf(decision: Decision | LicenseResetDecision): Text[] {
  return decision.ok ? decision.warnings.map(warningText) : [errorText(decision.code)];
}

/** A decision with its texts. */
export function previewOf<D extends Decision | LicenseResetDecision>(decision: D): Preview<D> {
  return { decision, messages: messagesOf(decision) };
}

/** The caller relative to one license: the role comes with the license from the server. */
export function actorFor(user: User | null, license: License | undefined): Actor {
  return { userId: user?.id ?? '', isManager: license?.role === 'license_manager' };
}

/** A decision for something not in the cache (never loaded, or gone). */
export const notFound = () => ({ ok: false, code: 'not_found' }) as const;

/** "3 of 5" or "3 (unlimited)": how much of a limit is used. */
export const counterUsed = (c: Counter): Text =>
  c.max === null
    ? text('lists.preview.counterUnlimited', { used: c.used })
    : text('ui.counter', { used: c.used, max: c.max });
