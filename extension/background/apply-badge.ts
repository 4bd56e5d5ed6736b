import { browser } from 'wxt/browser';
import type { Translate } from '@shared/i18n';
import type { Badge } from '../status/badge';

/** Paints a badge on the toolbar button (Chrome's `action`; Firefox MV3 has it too), its tooltip in the reader's language. */
export async function applyBadge(badge: Badge, translate: Translate): Promise<void> {
  const action = browser.action;
  await Promise.all([
    action.setBadgeText({ text: badge.text }),
    action.setBadgeBackgroundColor({ color: badge.color }),
    action.setTitle({ title: translate(badge.title) }),
    // Older browsers lack a text colour; the default (white) is what we want anyway.
    action.setBadgeTextColor?.({ color: '#ffffff' }),
  ]);
}
