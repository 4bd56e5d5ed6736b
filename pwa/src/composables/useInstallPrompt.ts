import { onScopeDispose, ref } from 'vue';

/** Chromium's install prompt event (not in lib.dom). */
interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

/** Offers the browser's install prompt from our own Install button instead of the mini-infobar. */
export function useInstallPrompt() {
  const deferred = ref<BeforeInstallPromptEvent | null>(null);
  const onPrompt = (event: Event) => {
    event.preventDefault();
    deferred.value = event as BeforeInstallPromptEvent;
  };
  const onInstalled = () => (deferred.value = null);
  window.addEventListener('beforeinstallprompt', onPrompt);
  window.addEventListener('appinstalled', onInstalled);
  onScopeDispose(() => {
    window.removeEventListener('beforeinstallprompt', onPrompt);
    window.removeEventListener('appinstalled', onInstalled);
  });

  async function install(): Promise<void> {
    const event = deferred.value;
    if (!event) return;
    deferred.value = null; // the event can be used once
    await event.prompt();
    await event.userChoice;
  }
  return { canInstall: () => deferred.value !== null, deferred, install };
}
