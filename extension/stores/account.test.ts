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

  it('refuses a plain http:// portal on another machine, saying the password would cross the network in clear', async () => {
    const account = useAccountStore();
    expect(await account.signIn({ ...form, portalUrl: 'http://portal.example:8787' })).toBe(false);
    const https = 'https://portal.example:8787';
    expect(words(account.error)).toEqual({
      field: 'portalUrl',
      message: `Portal URL: your password would cross the network unencrypted over http://; use ${https} (http:// works only for localhost)`,
    });
    expect(words(account.error, 'es')?.message).toBe(
      `URL del portal: su contraseña cruzaría la red sin cifrar por http://; use ${https} (http:// solo sirve para localhost)`,
    );
    expect(words(account.error, 'fr')?.message).toBe(
      `URL du portail : votre mot de passe traverserait le réseau en clair par http:// ; utilisez ${https} (http:// ne sert que pour localhost)`,
    );
    expect(words(account.error, 'de')?.message).toBe(
      `Portal-URL: Über http:// ginge Ihr Passwort unverschlüsselt durchs Netzwerk; verwenden Sie ${https} (http:// nur für localhost)`,
    );
    expect((await readSettings()).portalUrl, 'the refused address is not stored').toBe('http://localhost:8787');
  });

  it('takes https:// anywhere and plain http:// on this machine', async () => {
    const account = useAccountStore();
    for (const url of [
      'https://portal.example:8787',
      'http://localhost:8787',
      'http://127.0.0.1:8787',
      'http://[::1]:8787',
    ])
      expect(await account.savePortalUrl(url)).toBe(url);
    expect(account.error).toBeNull();
  });
});
