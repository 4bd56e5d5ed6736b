import { describe, expect, it } from 'vitest';
import { aUser } from '../testing/fixtures';
import { setupPortal } from '../testing/harness';
import AppHeader from './AppHeader.vue';

describe('AppHeader', () => {
  it("links the signed-in user's name to their profile", async () => {
    const { render } = await setupPortal({ user: aUser({ name: 'Morgan Manager' }) });
    const header = await render(AppHeader, '/');
    const link = header.find('[data-testid="profile-link"]');
    expect(link.attributes('href')).toBe('/profile');
    expect(link.text()).toBe('My profile: Morgan Manager');
    header.unmount();
  });

  it('folds the pickers and the account behind Menu, and folds them again on the next page', async () => {
    const { render, router } = await setupPortal({ user: aUser({ name: 'Morgan Manager' }) });
    const header = await render(AppHeader, '/');
    const menu = header.get('[data-testid="header-menu"]');
    const folded = header.get('#app-header-end');
    expect(menu.attributes('aria-controls')).toBe('app-header-end');
    expect(menu.attributes('aria-expanded')).toBe('false');
    await menu.trigger('click');
    expect(menu.attributes('aria-expanded')).toBe('true');
    expect(folded.classes()).toContain('app-header__end--open');
    await router.push('/licenses');
    await header.vm.$nextTick();
    expect(menu.attributes('aria-expanded')).toBe('false');
    expect(folded.classes()).not.toContain('app-header__end--open');
    header.unmount();
  });
});
