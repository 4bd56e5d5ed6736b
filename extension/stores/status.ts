import { computed, ref, shallowRef } from 'vue';
import { browser } from 'wxt/browser';
import { errors } from '@shared/i18n/catalogs/en';
import { sendExtensionMessage } from '../messaging/messages';
import { readSession, readSettings, readStatusCache } from '../storage/items';
import { DEFAULT_SETTINGS, EMPTY_CACHE, type Session, type Settings, type StatusCache } from '../storage/schemas';
import type { RefreshOutcome } from '../status/refresh';
import { popupView, type PopupPhase, type PopupView } from '../status/view-model';

type Stored = [Session | null, Settings, StatusCache];
const readStored = (): Promise<Stored> => Promise.all([readSession(), readSettings(), readStatusCache()]);
let prefetched: Promise<Stored> | null = null;
let early: Stored | null = null;

/**
 * Starts reading what the popup shows (session, settings, cached numbers) as its script starts,
 * beside the language and theme; the page mounts once both are in, so its first render already
 * shows the cached numbers (one render, no "checking" flash before them).
 */
export function prefetchStatus(): Promise<void> {
  prefetched ??= readStored();
  return prefetched.then(
    (stored) => void (early = stored),
    () => undefined, // the first load reads again and falls back to the defaults
  );
}

/** The prefetch's read, taken once (later loads read storage again): its result if in, else its promise. */
function takePrefetched(): { ready: Stored | null; pending: Promise<Stored> | null } {
  const taken = { ready: early, pending: prefetched };
  early = null;
  prefetched = null;
  return taken;
}

/** Resolves after the next frame is painted (at once where nothing paints). */
function nextPaint(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function') return Promise.resolve();
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

const PHASE_AFTER: Record<RefreshOutcome['kind'], PopupPhase> = {
  updated: 'idle',
  signed_out: 'signed_out',
  offline: 'offline',
  failed: 'error',
};

/**
 * The popup's status: what is cached, shown at once, then refreshed by the background (which also
 * repaints the badge). The popup never fetches itself, so popup and badge always agree. One page
 * shows it, so it is a composable (each call its own state), not a pinia store: the popup's JS
 * leaves pinia to the options page.
 */
export function useStatusStore() {
  const phase = ref<PopupPhase>('loading');
  // Replaced whole on every read, never changed inside: no deep reactivity to build or track.
  const session = shallowRef<Session | null>(null);
  const settings = shallowRef<Settings>(DEFAULT_SETTINGS);
  const cache = shallowRef<StatusCache>(EMPTY_CACHE);
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

  function show([nextSession, nextSettings, nextCache]: Stored): void {
    session.value = nextSession;
    settings.value = nextSettings;
    cache.value = nextCache;
    now.value = new Date();
  }

  async function load(): Promise<void> {
    const { pending } = takePrefetched();
    show(await (pending ?? readStored()));
  }

  // What the prefetch already read is shown by the very first render.
  const ready = early ? takePrefetched().ready : null;
  if (ready) {
    show(ready);
    phase.value = !ready[0] ? 'signed_out' : ready[2].status ? 'refreshing' : 'loading';
  }

  /**
   * Shows the cache at once, then asks the background for fresh numbers once that is painted: the
   * background's work (the portal request, the badge) does not compete with the popup's first frame.
   */
  async function start(): Promise<void> {
    if (!ready) await load();
    if (!session.value) {
      phase.value = 'signed_out';
      return;
    }
    await refresh({ afterPaint: true });
  }

  async function refresh({ afterPaint = false } = {}): Promise<void> {
    phase.value = cache.value.status ? 'refreshing' : 'loading';
    if (afterPaint) await nextPaint();
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
}
