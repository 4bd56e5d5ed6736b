import { onScopeDispose, ref, shallowRef } from 'vue';

/** Chromium's install prompt event (not in lib.dom). */
interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

/**
 * The event as soon as the page loads. Chromium fires `beforeinstallprompt` once, possibly before
 * the app mounted (main.ts awaits the session first): captured here, handed to the composable.
 */
const captured = shallowRef<BeforeInstallPromptEvent | null>(null);
let capturing = false;

/** Call at module load of the entry, before anything is awaited. */
export function captureInstallPrompt(): void {
  if (capturing || typeof window === 'undefined') return;
  capturing = true;
  window.addEventListener('beforeinstallprompt', (event) => {
    event.preventDefault();
    captured.value = event as BeforeInstallPromptEvent;
  });
  window.addEventListener('appinstalled', () => (captured.value = null));
}

/** Offers the browser's install prompt from our own Install button instead of the mini-infobar. */
export function useInstallPrompt() {
  const deferred = ref<BeforeInstallPromptEvent | null>(captured.value);
  const onPrompt = (event: Event) => {
    event.preventDefault();
    deferred.value = event as BeforeInstallPromptEvent;
  };
  const onInstalled = () => (deferred.value = captured.value = null);
  window.addEventListener('beforeinstallprompt', onPrompt);
  window.addEventListener('appinstalled', onInstalled);
  onScopeDispose(() => {
    window.removeEventListener('beforeinstallprompt', onPrompt);
    window.removeEventListener('appinstalled', onInstalled);
  });

  async function install(): Promise<void> {
    const event = deferred.value;
    if (!event) return;
    deferred.value = captured.value = null; // the event can be used once
    await event.prompt();
    await event.userChoice;
  }
  return { canInstall: () => deferred.value !== null, deferred, install };
}
