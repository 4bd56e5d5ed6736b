import type { MessageKey } from '@shared/i18n';

type Tone = '' | 'ok' | 'warn' | 'danger';

/** How each command state looks; its words are `lists.changes.states.<state>`. */
const TONES: Record<string, Tone> = {
  queued: '',
  sending: '',
  waiting: 'warn',
  blocked_auth: 'warn',
  applied: 'ok',
  already_done: 'ok',
  rejected: 'danger',
  conflict: 'warn',
};

/** What a command state means to a person (its catalog key) and how it looks; an unknown state reads as itself. */
export function stateText(state: string): { key: MessageKey | null; state: string; tone: Tone } {
  return state in TONES
    ? { key: `lists.changes.states.${state}` as MessageKey, state, tone: TONES[state]! }
    : { key: null, state, tone: '' };
}
