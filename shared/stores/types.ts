import type { Actor, Decision, LicenseResetDecision, LicenseResetPlan } from '../domain';
import { messageFor, warningFor } from '../domain';
import type { License, User } from '../schemas';

/** A command queued (ok) or refused before queueing because the cache already shows it would fail. */
export type QueueResult = { ok: true; opId: string } | { ok: false; code: string; message: string };

/** A preview: the domain decision against the cache, and the texts to show before confirming. */
export interface Preview {
  decision: Decision;
  messages: string[];
}

export interface LicenseResetPreview {
  decision: LicenseResetDecision;
  plan: LicenseResetPlan;
  /** Warnings or the refusal, from shared/domain/messages.ts. */
  messages: string[];
  /** What it will do, e.g. "Deactivates 3 devices and removes 2 users." */
  summary: string;
}

/** The texts for a decision: its warnings when allowed, its refusal otherwise. */
export function messagesOf(decision: Decision | LicenseResetDecision): string[] {
  return decision.ok ? decision.warnings.map(warningFor) : [messageFor(decision.code)];
}

/** The caller relative to one license: the role comes with the license from the server. */
export function actorFor(user: User | null, license: License | undefined): Actor {
  return { userId: user?.id ?? '', isManager: license?.role === 'license_manager' };
}

/** A preview for something not in the cache (never loaded, or gone). */
export const notFound = (): Preview => ({ decision: { ok: false, code: 'not_found' }, messages: [messageFor('not_found')] });

export function refused(code: string): QueueResult {
  return { ok: false, code, message: messageFor(code) };
}
