import { translatorFor } from '../i18n/translator';
import { readLocale, readSession, readStatusCache } from '../storage/items';
import { badgeFor } from '../status/badge';
import { refreshStatus, type RefreshDeps, type RefreshOutcome } from '../status/refresh';
import { applyBadge } from './apply-badge';

/** Refreshes the status from the portal, then repaints the badge from what is stored. */
export async function refreshAndPaint(deps: RefreshDeps = {}): Promise<RefreshOutcome> {
  const outcome = await refreshStatus(deps);
  await paintBadge();
  return outcome;
}

/** Paints the badge from storage alone (no network): cached numbers stay visible offline. */
export async function paintBadge(): Promise<void> {
  const [session, cache, locale] = await Promise.all([readSession(), readStatusCache(), readLocale()]);
  const translate = await translatorFor(locale);
  await applyBadge(badgeFor({ signedIn: session !== null, status: cache.status }), translate);
}
