import { flushPromises, mount, type DOMWrapper, type VueWrapper } from '@vue/test-utils';
import { createMemoryHistory } from 'vue-router';
import { createApp, type Component } from 'vue';
import { createPortalDb } from '@shared/db';
import { portalPlugin } from '@shared/composables';
import { useSessionStore } from '@shared/stores';
import { createPortalRouter } from '../router';
import type { LicenseEvent } from '@shared/schemas';
import { aDevice, aLicense, aLicenseUser, aUser } from './fixtures';
import type { Locale } from '@shared/i18n';
import { i18nForTests } from '@shared/ui/testing/i18n';

/** How the fake portal server answers: with data, never (loading), unreachable, or with a 500. */
type ServerMode = 'data' | 'loading' | 'offline' | 'error';

/**
 * A page under test on the real stores, the real API client and a real (fake-indexeddb) Dexie
 * database; only `fetch` is scripted, so the pages see exactly what they would see in a browser.
 */
export async function setupPortal(data: Partial<ServerData> = {}, options: { locale?: Locale } = {}) {
  const server: {
    mode: ServerMode;
    data: ServerData;
    sync: SyncReply;
    lists: ListReply;
    auth: AuthReply;
    /** Any other request, scripted: null falls through to the default answers. */
    other: (method: string, path: string, body: unknown) => Response | null;
    requests: string[];
  } = {
    mode: 'data',
    data: { ...defaultData(), ...data },
    sync: () => null,
    lists: () => null,
    auth: () => null,
    other: () => null,
    requests: [],
  };
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const path = url.pathname.replace('/api/v1', '');
    const method = (init?.method ?? 'GET').toUpperCase();
    server.requests.push(`${method} ${path}${url.search}`);
    const other =
      server.mode === 'data' && server.other(method, path, init?.body ? JSON.parse(String(init.body)) : undefined);
    if (other) return other;
    const list = /^\/licenses\/[^/]+\/(devices|users)$/.exec(path);
    if (list && server.mode === 'data') {
      const scripted = server.lists(list[1] as 'devices' | 'users', url.searchParams.get('since'));
      if (scripted) return json(200, scripted);
    }
    if (path === '/sync' && method === 'POST') {
      const scripted = server.sync(JSON.parse(String(init?.body ?? '{}')) as SyncBody);
      if (scripted) return scripted;
    }
    if (path.startsWith('/auth/') && path !== '/auth/login' && server.mode === 'data') {
      const scripted = server.auth(path, init?.body ? JSON.parse(String(init.body)) : undefined);
      if (scripted) return scripted;
    }
    if (path === '/auth/login' || path === '/me' || path === '/sync' || server.mode === 'data')
      return answer(server.data, method, path, url.searchParams);
    if (server.mode === 'loading') return new Promise<Response>(() => undefined);
    if (server.mode === 'offline') throw new TypeError('Failed to fetch');
    return json(500, { code: 'internal_error', message: 'Something went wrong on the server: try again later.' });
  }) as typeof globalThis.fetch;

  const wiring = portalPlugin({
    baseURL: 'http://portal.test',
    fetch,
    db: createPortalDb(`page-test-${Math.random().toString(36).slice(2)}`),
    sync: { intervalMs: 3_600_000, compactDelayMs: 3_600_000 },
  });
  // The app a test's own store calls run in; each rendered page is one more app on the same wiring.
  createApp({}).use(wiring);
  const { portal } = wiring;
  await useSessionStore().signIn({ companyId: 'CodeGlass', email: server.data.user.email, password: 'secret-pass' });
  const router = createPortalRouter(createMemoryHistory());
  const language = await i18nForTests(options.locale);

  async function render(view: Component, path: string, props: Record<string, unknown> = {}) {
    await router.push(path);
    const wrapper = mount(view, { props, global: { plugins: [wiring, router, language] }, attachTo: document.body });
    await settle();
    // On a busy machine Dexie's liveQueries may lag the first answer: wait until the page settled
    // (its data is dated, or it says offline / error, which the stores set after reading the
    // cache). A page without a data age (Changes) has nothing to wait for.
    const settled = () =>
      !wrapper.find('[data-testid="state-loading"]').exists() &&
      (!wrapper.find('[data-testid="data-age"]').exists() ||
        wrapper.find('[data-testid="data-age"] time').exists() ||
        wrapper.find('[data-testid="state-error"]').exists() ||
        wrapper.find('[data-testid="state-offline"]').exists() ||
        wrapper.find('[data-status="offline"]').exists());
    if (server.mode !== 'loading') {
      for (let i = 0; i < 150 && !settled(); i++) await new Promise((r) => setTimeout(r, 20));
      await settle();
    }
    return wrapper;
  }
  return { server, portal, pinia: wiring.pinia, router, render, language };
}

/** Tells the page the browser went online or offline, as a browser does (navigator.onLine and its event). */
export function setOnline(online: boolean): void {
  Object.defineProperty(navigator, 'onLine', { value: online, configurable: true });
  window.dispatchEvent(new Event(online ? 'online' : 'offline'));
}

/** The commands of a POST /sync, as the page sent them. */
export interface SyncBody {
  clientId: string;
  commands: { opId: string; kind: string }[];
}
/** Scripts the answer to POST /sync; null = the default (an empty result list). */
export type SyncReply = (body: SyncBody) => Response | null;

/**
 * Scripts the answer to GET /licenses/:id/devices|users (the incremental pull): given the list and
 * the cursor sent (`since`), a body, or null for the default (the whole list, no cursor).
 */
type ListReply = (list: 'devices' | 'users', since: string | null) => Record<string, unknown> | null;

/** Scripts the answer to POST /auth/password, /auth/logout, /auth/sessions/end-others; null = 204. */
type AuthReply = (path: string, body: unknown) => Response | null;

/** Every command of the request gets this outcome, with the server's message for `code`. */
export function answerEach(
  outcome: 'applied' | 'already_done' | 'rejected' | 'conflict',
  code?: string,
  message?: string,
): SyncReply {
  return (body) =>
    json(200, {
      results: body.commands.map((c) => ({
        opId: c.opId,
        outcome,
        ...(code ? { code } : {}),
        ...(message ? { message } : {}),
      })),
    });
}

/** The session ended server-side: every request is refused with 401. */
export const unauthorized: SyncReply = () =>
  json(401, { code: 'unauthorized', message: 'Your session has ended: sign in again.' });

/** Lets the stores' awaits, Dexie and the liveQueries run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await flushPromises();
    await new Promise((r) => setTimeout(r, 10));
  }
}

interface ServerData {
  user: ReturnType<typeof aUser>;
  /** Where the company's "contact us" and "upgrade" link (GET /me). */
  company?: { contactUrl: string | null; upgradeUrl: string | null };
  licenses: ReturnType<typeof aLicense>[];
  devices: ReturnType<typeof aDevice>[];
  users: ReturnType<typeof aLicenseUser>[];
  /** The license's activity, newest first (answered a page at a time, like the server). */
  events: LicenseEvent[];
}

function defaultData(): ServerData {
  return {
    user: aUser(),
    licenses: [aLicense()],
    devices: [
      aDevice(),
      aDevice({ id: 'd-2', hostname: 'morgan-mbp', userId: 'u-manager', userEmail: 'manager@codeglass.example' }),
    ],
    users: [
      aLicenseUser({
        id: 'u-manager',
        email: 'manager@codeglass.example',
        firstName: 'Morgan',
        lastName: 'Manager',
        isManager: true,
      }),
      aLicenseUser(),
    ],
    events: [],
  };
}

function answer(data: ServerData, method: string, path: string, query: URLSearchParams): Response {
  if (path === '/auth/login') return json(200, { token: 'token-'.padEnd(32, 'x'), user: data.user });
  if (path === '/me')
    return json(200, {
      user: data.user,
      company: { id: 'c-1', companyId: 'CodeGlass', name: 'CodeGlass', ...data.company },
    });
  if (path.startsWith('/auth/') && method === 'POST') return new Response(null, { status: 204 });
  if (path === '/sync' && method === 'POST') return json(200, { results: [] });
  if (path === '/licenses') return json(200, { licenses: data.licenses });
  if (/^\/licenses\/[^/]+\/events$/.test(path)) return json(200, eventsPage(data.events, query));
  const match = /^\/licenses\/([^/]+)(\/devices|\/users)?$/.exec(path);
  if (match?.[2] === '/devices') return json(200, { devices: data.devices });
  if (match?.[2] === '/users') return json(200, { users: data.users });
  if (match) return json(200, { license: data.licenses[0] });
  return json(404, { code: 'not_found', message: 'This no longer exists.' });
}

/** One page of events as the server answers `?before=&limit=&kind=`. */
function eventsPage(events: LicenseEvent[], query: URLSearchParams) {
  const before = Number(query.get('before') ?? Infinity);
  const limit = Number(query.get('limit') ?? 50);
  const kind = query.get('kind');
  const matching = events.filter((e) => e.id < before && (!kind || e.kind === kind));
  const page = matching.slice(0, limit);
  return { events: page, nextBefore: matching.length > limit ? page.at(-1)!.id : null };
}

export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** Waits (up to ~2 s) until the selector is in the page: Dexie and liveQuery settle at their own pace. */
export async function until(
  wrapper: { find: (s: string) => { exists: () => boolean } },
  selector: string,
): Promise<void> {
  for (let i = 0; i < 100 && !wrapper.find(selector).exists(); i++) await new Promise((r) => setTimeout(r, 20));
}

/**
 * The button a screen reader announces as `name` (its aria-label, else its text including
 * visually hidden parts), e.g. "Retry: Reset device dev-laptop".
 */
export function buttonNamed(
  wrapper: VueWrapper | DOMWrapper<Element>,
  name: string | RegExp,
): DOMWrapper<Element> | undefined {
  return wrapper.findAll('button').find((b) => {
    const accessible = (b.attributes('aria-label') ?? b.text()).replace(/\s+/g, ' ').trim();
    return typeof name === 'string' ? accessible === name : name.test(accessible);
  });
}
