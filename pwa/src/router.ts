import { nextTick } from 'vue';
import { createRouter, createWebHistory, type RouteRecordRaw, type Router, type RouterHistory } from 'vue-router';
import type { MessageKey } from '@shared/i18n';
import { useLicensesStore, useSessionStore } from '@shared/stores';
import { machineInQuery, rememberThisMachine } from './composables/useThisMachine';

// Each page is its own chunk, loaded when first visited: the first page loads only its own code
// (the service worker precaches them all, so every page still opens offline).
const SignInView = () => import('./views/SignInView.vue');
const DashboardView = () => import('./views/DashboardView.vue');
const LicensesView = () => import('./views/LicensesView.vue');
const LicenseView = () => import('./views/LicenseView.vue');
const DevicesView = () => import('./views/DevicesView.vue');
const UsersView = () => import('./views/UsersView.vue');
const ActivityView = () => import('./views/ActivityView.vue');
const ChangesView = () => import('./views/ChangesView.vue');
const ProfileView = () => import('./views/ProfileView.vue');

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without signing in. */
    public?: boolean;
    /** License managers only: only they see and change who holds a seat. */
    managers?: boolean;
    /** The page's name in the browser tab, as a catalog key (App.vue translates it). */
    title?: MessageKey;
  }
}

/** Stable paths: the extension and bookmarks link to them, so they never change. */
const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: SignInView, meta: { public: true, title: 'shell.titles.login' } },
  { path: '/', name: 'dashboard', component: DashboardView, meta: { title: 'shell.titles.dashboard' } },
  { path: '/licenses', name: 'licenses', component: LicensesView, meta: { title: 'shell.titles.licenses' } },
  {
    path: '/licenses/:id',
    name: 'license',
    component: LicenseView,
    props: true,
    meta: { title: 'shell.titles.license' },
  },
  {
    path: '/licenses/:id/devices',
    name: 'devices',
    component: DevicesView,
    props: true,
    meta: { title: 'shell.titles.devices' },
  },
  {
    path: '/licenses/:id/users',
    name: 'users',
    component: UsersView,
    props: true,
    meta: { title: 'shell.titles.users', managers: true },
  },
  {
    path: '/licenses/:id/activity',
    name: 'activity',
    component: ActivityView,
    props: true,
    meta: { title: 'shell.titles.activity' },
  },
  { path: '/changes', name: 'changes', component: ChangesView, meta: { title: 'shell.titles.changes' } },
  { path: '/profile', name: 'profile', component: ProfileView, meta: { title: 'shell.titles.profile' } },
  { path: '/:rest(.*)*', redirect: '/' },
];

/**
 * Manager of THIS license: the cached license's own role. Only while the license is not cached
 * yet does the global role decide (the page then loads it; the server refuses a non-manager).
 */
function managesLicense(id: string): boolean {
  const license = useLicensesStore().byId(id);
  return license ? license.role === 'license_manager' : useSessionStore().isManager;
}

export function createPortalRouter(history: RouterHistory = createWebHistory()) {
  const router = createRouter({ history, routes });

  router.beforeEach((to) => {
    // The licensed product opens the portal with ?device=<its hardware id>: remember the machine,
    // and go on without it (a bookmark of the page would name the machine again).
    const named = 'device' in to.query;
    if (named) {
      const machine = machineInQuery(to.query);
      if (machine !== null) rememberThisMachine(machine);
    }
    const { device: _named, ...query } = to.query;
    const target = named ? router.resolve({ path: to.path, query, hash: to.hash }).fullPath : to.fullPath;
    const session = useSessionStore();
    if (!to.meta.public && !session.signedIn) {
      return { path: '/login', query: target === '/' ? {} : { redirect: target } };
    }
    if (to.meta.public && session.signedIn && !session.needsSignIn && !session.user?.mustChangePassword)
      return { path: '/' };
    if (!to.meta.public && session.user?.mustChangePassword) return { path: '/login' };
    if (to.meta.managers && !managesLicense(String(to.params.id))) return { path: `/licenses/${String(to.params.id)}` };
    return named ? { path: to.path, query, hash: to.hash, replace: true } : true;
  });

  // After each navigation: focus on the new page's heading so screen readers announce it and
  // keyboard users start from the top of the content. (App.vue keeps the tab's title, in the
  // reader's language.)
  router.afterEach(async (to, from) => {
    if (!from.matched.length) return; // first load: leave focus where the browser put it
    if (to.path === from.path) return; // the same page, filtered or sorted: focus stays in the filter
    await nextTick();
    const heading = document.querySelector<HTMLElement>('main h1');
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus();
    }
  });
  return router;
}

/**
 * Starts loading the code of the page at `path` (its chunk), so it arrives while the app reads
 * the session instead of after: the first navigation waits for the session, not the other way.
 */
export function preloadPage(router: Router, path: string): void {
  for (const record of router.resolve(path).matched)
    for (const component of Object.values(record.components ?? {}))
      if (typeof component === 'function') void (component as () => Promise<unknown>)().catch(() => undefined);
}
