import { defaultWindow, useEventListener } from '@vueuse/core';
import { computed, effectScope, shallowRef } from 'vue';

/** Chromium's install prompt event (not in lib.dom). */
interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

/**
 * The event, kept from the page's load. Chromium fires `beforeinstallprompt` once, possibly before
 * the app mounted (main.ts awaits the session first), so it is captured for the page's lifetime
 * rather than by the component that offers it.
 */
const captured = shallowRef<BeforeInstallPromptEvent | null>(null);
const watched = new WeakSet<EventTarget>();

/** Call at module load of the entry, before anything is awaited. Listens once per target. */
export function captureInstallPrompt(target: EventTarget | undefined = defaultWindow): void {
  if (!target || watched.has(target)) return;
  watched.add(target);
  // A detached scope: these listeners live as long as the page, not as the first component that asked.
  effectScope(true).run(() => {
    useEventListener(target, 'beforeinstallprompt', (event: Event) => {
      event.preventDefault(); // no mini-infobar: our Install button offers it
      captured.value = event as BeforeInstallPromptEvent;
    });
    useEventListener(target, 'appinstalled', () => (captured.value = null));
  });
}

/** Offers the browser's install prompt from our own Install button instead of the mini-infobar. */
export function useInstallPrompt(target: EventTarget | undefined = defaultWindow) {
  captureInstallPrompt(target);

  async function install(): Promise<void> {
    const event = captured.value;
    if (!event) return;
    captured.value = null; // the event can be used once
    await event.prompt();
    await event.userChoice;
  }
  const available = computed(() => captured.value !== null);
  return { canInstall: () => available.value, install };
}
