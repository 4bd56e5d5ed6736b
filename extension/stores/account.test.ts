import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readSettings } from '../storage/items';
import { words } from '../testing/words';
import { useAccountStore } from './account';

const form = {
  portalUrl: 'http://localhost:8787',
  companyId: 'CodeGlass',
  email: 'dev@codeglass.example',
  password: 'dev-demo',
};

describe('account store', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    setActivePinia(createPinia());
  });

  it('refuses a portal URL that is not http(s), naming the field', async () => {
    const account = useAccountStore();
    expect(await account.signIn({ ...form, portalUrl: 'ftp://portal' })).toBe(false);
    expect(words(account.error)).toEqual({
      field: 'portalUrl',
      message: 'Portal URL: enter the portal address, e.g. http://localhost:8787',
    });
  });

  it('names the missing field before asking the portal', async () => {
    const account = useAccountStore();
    expect(await account.signIn({ ...form, companyId: ' ' })).toBe(false);
    expect(words(account.error)).toEqual({ field: 'companyId', message: 'Company ID: enter your Company ID' });
    expect(words(account.error, 'fr')).toEqual({
      field: 'companyId',
      message: 'ID d’entreprise : saisissez votre ID d’entreprise',
    });
  });

  it('names a bad email in the words the form has always used', async () => {
    const account = useAccountStore();
    expect(await account.signIn({ ...form, email: 'dev-at-codeglass' })).toBe(false);
    expect(words(account.error)).toEqual({ field: 'email', message: 'Email: Invalid email address' });
  });

  it('stores the portal URL normalized', async () => {
    const account = useAccountStore();
    expect(await account.savePortalUrl('https://portal.example.com/')).toBe('https://portal.example.com');
    expect((await readSettings()).portalUrl).toBe('https://portal.example.com');
  });
});
