import { describe, expect, it, vi } from 'vitest';
import { effectScope } from 'vue';
import { captureInstallPrompt, useInstallPrompt } from './useInstallPrompt';

describe('useInstallPrompt', () => {
  it('offers an install prompt the browser fired before the app mounted', async () => {
    captureInstallPrompt(); // main.ts, at module load
    const prompt = vi.fn(async () => undefined);
    const early = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
      prompt,
      userChoice: Promise.resolve({ outcome: 'accepted' }),
    });
    window.dispatchEvent(early);
    expect(early.defaultPrevented).toBe(true); // no mini-infobar: our button offers it
    const scope = effectScope();
    const installer = scope.run(() => useInstallPrompt())!;
    expect(installer.canInstall()).toBe(true);
    await installer.install();
    expect(prompt).toHaveBeenCalledOnce();
    expect(installer.canInstall()).toBe(false);
    scope.stop();
    const again = effectScope();
    expect(again.run(() => useInstallPrompt().canInstall())).toBe(false); // the event is used once
    again.stop();
  });
});

describe('useInstallPrompt on a given target', () => {
  it('listens where it is told, and forgets the prompt once the app is installed', () => {
    const target = new EventTarget();
    const scope = effectScope();
    const installer = scope.run(() => useInstallPrompt(target))!;
    target.dispatchEvent(
      Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
        prompt: vi.fn(),
        userChoice: Promise.resolve({ outcome: 'dismissed' }),
      }),
    );
    expect(installer.canInstall()).toBe(true);
    target.dispatchEvent(new Event('appinstalled'));
    expect(installer.canInstall()).toBe(false);
    scope.stop();
  });
});
