import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { browser } from 'wxt/browser';
import { errors } from '@shared/i18n/catalogs/en';
import { sendExtensionMessage } from '../messaging/messages';
import { readSession, readSettings, readStatusCache } from '../storage/items';
import { DEFAULT_SETTINGS, EMPTY_CACHE, type Session, type Settings, type StatusCache } from '../storage/schemas';
import type { RefreshOutcome } from '../status/refresh';
import { popupView, type PopupPhase, type PopupView } from '../status/view-model';

const readStored = () => Promise.all([readSession(), readSettings(), readStatusCache()]);
let prefetched: ReturnType<typeof readStored> | null = null;

/**
 * Starts reading what the popup shows (session, settings, cached numbers) as its script starts,
 * beside the language and theme, not after the page has mounted: the first `load` takes it.
 */
export function prefetchStatus(): void {
  prefetched ??= readStored();
}

const PHASE_AFTER: Record<RefreshOutcome['kind'], PopupPhase> = {
  updated: 'idle',
  signed_out: 'signed_out',
  offline: 'offline',
  failed: 'error',
};

/**
 * The popup's status: what is cached, shown at once, then refreshed by the background (which also
 * repaints the badge). The popup never fetches itself, so popup and badge always agree.
 */
export const useStatusStore = defineStore('status', () => {
  const phase = ref<PopupPhase>('loading');
  const session = ref<Session | null>(null);
  const settings = ref<Settings>(DEFAULT_SETTINGS);
  const cache = ref<StatusCache>(EMPTY_CACHE);
  const now = ref(new Date());

  /** What the popup shows, its relative times in `locale` (the component's computed tracks both). */
  function viewIn(locale: string): PopupView {
    return popupView({
      phase: phase.value,
      session: session.value,
      cache: cache.value,
      portalUrl: portalUrl.value,
      now: now.value,
      locale,
    });
  }
  /** Links go to the portal that issued the session, else the configured one. */
  const portalUrl = computed(() => session.value?.portalUrl || settings.value.portalUrl);

  async function load(): Promise<void> {
    const early = prefetched;
    prefetched = null;
    [session.value, settings.value, cache.value] = await (early ?? readStored());
    now.value = new Date();
  }

  /** Shows the cache at once, then asks the background for fresh numbers. */
  async function start(): Promise<void> {
    await load();
    if (!session.value) {
      phase.value = 'signed_out';
      return;
    }
    await refresh();
  }

  async function refresh(): Promise<void> {
    phase.value = cache.value.status ? 'refreshing' : 'loading';
    let outcome: RefreshOutcome;
    try {
      outcome = await sendExtensionMessage({ type: 'status/refresh' });
    } catch {
      // The background did not answer (e.g. being updated): a bug or a blip, not the portal's fault.
      outcome = { kind: 'failed', code: 'internal_error', message: errors.internal_error };
    }
    await load();
    phase.value = session.value ? PHASE_AFTER[outcome?.kind ?? 'failed'] : 'signed_out';
  }

  /** Keeps "last checked 5 minutes ago" true while the popup stays open. */
  function tick(at = new Date()): void {
    now.value = at;
  }

  /** Opens a portal page in a new tab (tabs.create needs no `tabs` permission). */
  async function openPage(url: string): Promise<void> {
    await browser.tabs.create({ url });
  }

  async function openOptions(): Promise<void> {
    await browser.runtime.openOptionsPage();
  }

  return { phase, session, settings, cache, now, viewIn, portalUrl, load, start, refresh, tick, openPage, openOptions };
});
