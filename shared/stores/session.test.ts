import { afterEach, describe, expect, it, vi } from 'vitest';
import { useSessionStore } from './session';
import { fakePortal } from './testing/fake-portal';

/** A browser whose persistent-storage request waits for a permission prompt nobody answers (Firefox). */
function promptNobodyAnswers() {
  const persist = vi.fn(() => new Promise<boolean>(() => undefined));
  vi.stubGlobal('navigator', { ...navigator, storage: { persisted: async () => false, persist } });
  return persist;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('session sign-in', () => {
  it('signs in while the browser still asks the user whether to keep its storage', async () => {
    const persist = promptNobodyAnswers();
    const portal = fakePortal();
    await expect(portal.signIn()).resolves.toBe(true);
    const session = useSessionStore(portal.pinia);
    expect(session.signedIn).toBe(true);
    expect(session.status).toBe('idle');
    expect(persist, 'it still asks to keep the outbox from eviction').toHaveBeenCalledOnce();
  });
});
