import { describe, expect, it } from 'vitest';
import { APP_NOTICE_MESSAGES, ERROR_MESSAGES } from './messages';
import { isHttpUrl, VENDOR_LINK_CODES, vendorLinkFor, vendorLinksOf } from './vendor-links';

const links = { contact: 'https://vendor.example/contact', upgrade: 'https://vendor.example/buy' };

describe('vendor links', () => {
  it.each(Object.entries(VENDOR_LINK_CODES))('links %s to the %s page', (code, kind) => {
    expect(vendorLinkFor(code, links)).toEqual({ kind, url: links[kind!] });
  });

  it('links every message that says "contact us" to the contact page, and the seat limit to the upgrade page', () => {
    const texts: Record<string, string> = { ...ERROR_MESSAGES, ...APP_NOTICE_MESSAGES };
    const sayContact = Object.keys(texts).filter((code) => /contact us/i.test(texts[code]!));
    for (const code of sayContact) expect(VENDOR_LINK_CODES[code as keyof typeof VENDOR_LINK_CODES]).toBe('contact');
    expect(VENDOR_LINK_CODES.max_license_users_reached).toBe('upgrade');
  });

  it('gives no link to other messages, without links, or when that page is not configured', () => {
    expect(vendorLinkFor('activation_limit_reached', links)).toBeNull();
    expect(vendorLinkFor('toString', links)).toBeNull();
    expect(vendorLinkFor(undefined, links)).toBeNull();
    expect(vendorLinkFor('license_disabled', null)).toBeNull();
    expect(vendorLinkFor('max_license_users_reached', { ...links, upgrade: null })).toBeNull();
  });

  it('never links to anything but an http(s) URL', () => {
    expect(vendorLinkFor('license_disabled', { contact: 'javascript:alert(1)', upgrade: null })).toBeNull();
    expect(isHttpUrl('https://vendor.example')).toBe(true);
    for (const bad of ['mailto:a@b.example', 'vendor.example', 'http://', '//vendor.example', 'data:text/html,x'])
      expect(isHttpUrl(bad), bad).toBe(false);
  });

  it("takes a company's own link over the server's default, link by link", () => {
    const own = { contact: 'https://vendor.example/acme', upgrade: null };
    expect(vendorLinksOf(own, links)).toEqual({ contact: own.contact, upgrade: links.upgrade });
  });
});
