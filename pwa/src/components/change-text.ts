import type { MessageKey } from '@shared/i18n';
import type { CancelOutcome } from '@shared/stores';

type Tone = '' | 'ok' | 'warn' | 'danger';

/** How each command state looks, and its words. */
const LOOKS: Record<string, { key: MessageKey; tone: Tone }> = {
  queued: { key: 'lists.changes.states.queued', tone: '' },
  sending: { key: 'lists.changes.states.sending', tone: '' },
  waiting: { key: 'lists.changes.states.waiting', tone: 'warn' },
  blocked_auth: { key: 'lists.changes.states.blocked_auth', tone: 'warn' },
  applied: { key: 'lists.changes.states.applied', tone: 'ok' },
  already_done: { key: 'lists.changes.states.already_done', tone: 'ok' },
  rejected: { key: 'lists.changes.states.rejected', tone: 'danger' },
  conflict: { key: 'lists.changes.states.conflict', tone: 'warn' },
};

/** What a command state means to a person (its catalog key) and how it looks; an unknown state reads as itself. */
export function stateLook(state: string): { key: MessageKey | null; state: string; tone: Tone } {
  const look = Object.hasOwn(LOOKS, state) ? LOOKS[state] : undefined;
  return look ? { key: look.key, state, tone: look.tone } : { key: null, state, tone: '' };
}

/** What taking back a waiting change did, in words. */
export const CANCEL_OUTCOME_KEYS: Record<CancelOutcome, MessageKey> = {
  cancelled: 'lists.changes.cancelled',
  in_flight: 'lists.changes.cancelInFlight',
  not_waiting: 'lists.changes.cancelTooLate',
};
