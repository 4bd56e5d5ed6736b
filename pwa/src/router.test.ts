import { describe, expect, it, vi } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import { createPortalRouter, preloadPage } from './router';

describe('the first page`s code', () => {
  it('starts loading before the first navigation (which waits for the session)', () => {
    const router = createPortalRouter(createMemoryHistory());
    const load = vi.fn(async () => ({ default: {} }));
    router.addRoute({ path: '/licenses/:id/report', component: load });
    preloadPage(router, '/licenses/lic-1/report?q=x');
    expect(load).toHaveBeenCalledOnce();
  });
});
