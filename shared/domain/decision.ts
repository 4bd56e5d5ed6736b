import type { ErrorCode, WarningCode } from './codes';

/**
 * A rule's answer. `apply` changes state, `already_done` is a harmless no-op,
 * a refusal carries a stable code. Expected failures are values, not exceptions.
 */
export type Decision =
  { ok: true; kind: 'apply' | 'already_done'; warnings: WarningCode[] } | { ok: false; code: ErrorCode };

/** Apply the change, with any warnings the user should see first. */
export const apply = (warnings: WarningCode[] = []): Decision => ({ ok: true, kind: 'apply', warnings });
/** Nothing to do: the state already is what was asked. */
export const alreadyDone = (): Decision => ({ ok: true, kind: 'already_done', warnings: [] });
/** Refuse with a stable code. */
export const refuse = (code: ErrorCode): Decision => ({ ok: false, code });
