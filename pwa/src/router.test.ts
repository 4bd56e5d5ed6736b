import { describe, expect, it, vi } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import { useSessionStore } from '@shared/stores';
import { useThisMachine } from './composables/useThisMachine';
import { createPortalRouter, preloadPage } from './router';
import { setupPortal } from './testing/harness';

describe('the first page`s code', () => {
  it('starts loading before the first navigation (which waits for the session)', () => {
    const router = createPortalRouter(createMemoryHistory());
    const load = vi.fn(async () => ({ default: {} }));
    router.addRoute({ path: '/licenses/:id/report', component: load });
    preloadPage(router, '/licenses/lic-1/report?q=x');
    expect(load).toHaveBeenCalledOnce();
  });
});

describe('a link from the licensed product', () => {
  it('remembers the machine it names (?device=) and opens the page without it, signed out too', async () => {
    const { router } = await setupPortal();
    await router.push('/licenses?device=%20HW-DESKTOP%20&q=x');
    expect(router.currentRoute.value.fullPath).toBe('/licenses?q=x');
    expect(useThisMachine().value).toBe('HW-DESKTOP');
    expect(localStorage.getItem('seat-portal.this-machine')).toBe('HW-DESKTOP');
    await router.push(`/?device=${'x'.repeat(201)}`);
    expect(router.currentRoute.value.fullPath).toBe('/');
    expect(useThisMachine().value).toBe('HW-DESKTOP'); // no hardware id the product could have sent
    await useSessionStore().signOut();
    await router.push('/?device=HW-LAPTOP');
    expect(router.currentRoute.value.path).toBe('/login');
    expect(useThisMachine().value).toBe('HW-LAPTOP');
  });
});
