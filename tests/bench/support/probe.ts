import type { Page } from 'playwright-core';

declare global {
  interface Window {
    /** performance.now() at the frame after the probed selector first matched, per page load. */
    __firstSeenAt?: number;
    /** Resolves with performance.now() at the frame after `check()` holds (checked on DOM changes). */
    __whenDom?: (check: () => boolean) => Promise<number>;
  }
}

/**
 * An init script (runs before any page script): records `performance.now()` (milliseconds since
 * navigation start) at the first frame after `selector` first matches (seen by a MutationObserver,
 * so the time is the page's, not when a test polled for it), and `window.__whenDom` for timings
 * in the page, which also ends at the frame after the change.
 * (Helpers live here, as a string, because functions passed to page.evaluate must not define
 * named functions: the TypeScript loader would wrap them in a helper the page does not have.)
 */
export function firstSeenProbe(selector: string): string {
  return `(() => {
    // The frame after the DOM change: layout and paint of what was inserted are in the time.
    const painted = (done) => requestAnimationFrame(() => setTimeout(() => done(performance.now()), 0));
    let found = false;
    const seen = () => {
      if (found || !document.querySelector(${JSON.stringify(selector)})) return false;
      found = true;
      painted((at) => (window.__firstSeenAt = at));
      return true;
    };
    const observer = new MutationObserver(() => seen() && observer.disconnect());
    observer.observe(document, { childList: true, subtree: true, characterData: true });
    window.__whenDom = (check) =>
      new Promise((resolve) => {
        if (check()) return painted(resolve);
        const watcher = new MutationObserver(() => {
          if (!check()) return;
          watcher.disconnect();
          painted(resolve);
        });
        watcher.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
      });
  })();`;
}

/** The probe's time on this page (waits for it). */
export async function readFirstSeen(page: Page): Promise<number> {
  await page.waitForFunction(() => window.__firstSeenAt !== undefined, undefined, { timeout: 120_000 });
  return page.evaluate(() => window.__firstSeenAt!);
}
