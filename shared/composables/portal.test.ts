import { describe, expect, it, vi } from 'vitest';
import { createTestingPinia } from '@pinia/testing';
import { createApp } from 'vue';
import { freshDb } from '../sync/testing/fixtures';
import { portalPlugin, usePortal } from './portal';
import { useSessionStore } from '../stores/session';
import { fakePortal, MANAGER } from '../stores/testing/fake-portal';

describe('portalPlugin', () => {
  it('gives each app its own portal: a sign-in in one is not a sign-in in the other', async () => {
    const a = fakePortal();
    const b = fakePortal();
    expect(
      await useSessionStore(a.pinia).signIn({ companyId: 'CodeGlass', email: MANAGER.email, password: 'secret-pass' }),
    ).toBe(true);
    expect(a.portal.auth.userId).toBe(MANAGER.id);
    expect(b.portal.auth.token).toBeNull();
    expect(useSessionStore(b.pinia).signedIn).toBe(false);
  });

  it('wires a Pinia from @pinia/testing as well', () => {
    const pinia = createTestingPinia({ stubActions: false, createSpy: vi.fn });
    createApp({}).use(portalPlugin({ baseURL: 'http://portal.test', db: freshDb(), pinia }));
    expect(useSessionStore()).toMatchObject({ signedIn: false, status: 'idle' });
  });

  it('says how to wire it when a store is used outside any app', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined); // Vue warns about inject() outside setup
    expect(() => usePortal()).toThrow(/app\.use\(portalPlugin/);
  });
});
