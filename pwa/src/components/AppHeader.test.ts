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
});
