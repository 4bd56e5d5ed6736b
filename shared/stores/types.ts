import type { Actor, Decision, LicenseResetDecision, LicenseResetPlan } from '../domain';
import { errorText, warningText } from '../domain';
import type { Text } from '../i18n';
import type { CommandKind, License, User } from '../schemas';

/** A command queued (ok) or refused before queueing because the cache already shows it would fail. */
export type QueueResult = { ok: true; opId: string } | { ok: false; code: string; message: Text };

/** A preview: the domain decision against the cache, and the texts to show before confirming. */
export interface Preview<D extends Decision | LicenseResetDecision = Decision> {
  decision: D;
  /** Warnings when allowed, the refusal otherwise (Texts of shared/domain/messages.ts). */
  messages: Text[];
}

/** What a confirmation dialog shows about one command, apart from the decision. */
export interface CommandText {
  kind: CommandKind;
  /** e.g. "Reset dev-laptop?" */
  title: Text;
  /** What it does, e.g. "Deactivates this device; its user can activate another one." */
  effects: Text[];
  /** What it costs, e.g. "Uses 1 deactivation: 2 of 5 used so far." */
  costs: Text[];
  /** The confirm button, e.g. "Reset device". */
  confirmText: Text;
  /** Irreversible (a reset, an unassign): the confirm button says so. */
  danger: boolean;
  /** The notice once it is queued. */
  queuedText: Text;
}

/** Everything the confirmation of one command shows, built by the store that queues it. */
export interface CommandPreview<D extends Decision | LicenseResetDecision = Decision> extends Preview<D>, CommandText {}

/** The preview of any command, as the confirmation dialog takes it. */
export type AnyCommandPreview = CommandPreview<Decision | LicenseResetDecision>;

export interface LicenseResetPreview extends CommandPreview<LicenseResetDecision> {
  plan: LicenseResetPlan;
}

/** The texts for a decision: its warnings when allowed, its refusal otherwise. */
export function messagesOf(decision: Decision | LicenseResetDecision): Text[] {
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

export function refused(code: string): QueueResult {
  return { ok: false, code, message: errorText(code) };
}
