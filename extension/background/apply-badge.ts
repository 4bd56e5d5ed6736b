import { browser } from 'wxt/browser';
import type { Badge } from '../status/badge';

/** Paints a badge on the toolbar button (Chrome's `action`; Firefox MV3 has it too). */
export async function applyBadge(badge: Badge): Promise<void> {
  const action = browser.action;
  await Promise.all([
    action.setBadgeText({ text: badge.text }),
    action.setBadgeBackgroundColor({ color: badge.color }),
    action.setTitle({ title: badge.title }),
    // Older browsers lack a text colour; the default (white) is what we want anyway.
    action.setBadgeTextColor?.({ color: '#ffffff' }),
  ]);
}
