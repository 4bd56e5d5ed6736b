/** What each command state means to a person, and how it looks. */
export const STATE_TEXT: Record<string, { text: string; tone: '' | 'ok' | 'warn' | 'danger' }> = {
  queued: { text: 'Waiting to be sent', tone: '' },
  sending: { text: 'Sending', tone: '' },
  waiting: { text: 'Will retry', tone: 'warn' },
  blocked_auth: { text: 'Sign in to send', tone: 'warn' },
  applied: { text: 'Done', tone: 'ok' },
  already_done: { text: 'Already done', tone: 'ok' },
  rejected: { text: 'Refused', tone: 'danger' },
  conflict: { text: 'Needs your confirmation', tone: 'warn' },
};

export const stateText = (state: string) => STATE_TEXT[state] ?? { text: state, tone: '' as const };
