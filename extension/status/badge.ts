import { text, type Text } from '@shared/i18n';
import type { StatusResponse } from '@shared/schemas';
import { licenseHealth, worstLicense, type LicenseHealth } from './license-state';

/** What the toolbar badge says about the user's licenses. */
export type BadgeState = LicenseHealth | 'signed_out' | 'unknown';

export interface Badge {
  state: BadgeState;
  text: string;
  /** Background colour; white text on each passes WCAG AA for the badge's bold text. */
  color: string;
  /** The toolbar button's tooltip. */
  title: Text;
}

export const BADGE_COLORS: Record<BadgeState, string> = {
  ok: '#276749',
  near: '#975a16',
  at_limit: '#c53030',
  deactivation_limit: '#6b46c1',
  signed_out: '#4a5568',
  unknown: '#4a5568',
};

/**
 * `used/max` activations of the license most in need of attention, `!` once no activation is
 * left, `?` when signed out or never checked; the colour carries the state.
 */
export function badgeFor(input: { signedIn: boolean; status: StatusResponse | null }): Badge {
  if (!input.signedIn) return badge('signed_out', '?');
  const license = input.status ? worstLicense(input.status.licenses) : null;
  if (!license) return badge('unknown', input.status ? '' : '?');
  const state = licenseHealth(license);
  const { used, max } = license.activations;
  if (state === 'at_limit') return badge(state, '!');
  return badge(state, max === null ? String(used) : `${used}/${max}`);
}

function badge(state: BadgeState, label: string): Badge {
  return { state, text: label, color: BADGE_COLORS[state], title: text(`popup.badge.${state}`) };
}
