import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { statusAfter, type ApiFailure, type LoadStatus } from '../api';
import { NO_VENDOR_LINKS, type VendorLinks } from '../domain';
import type { Company, SessionMeta, User } from '../schemas';
import { META_KEYS, SessionMetaSchema, SyncMetaSchema } from '../schemas';
import { clearCache, readMeta, readSession, writeMeta, EMPTY_SYNC_META, type PortalDb } from '../db';
import { usePortal } from '../composables/portal';
import { useLive } from '../composables/live';

/**
 * The signed-in session. The token lives in Dexie meta so the app opens offline.
 * Sign-out clears the token and the cached company data but KEEPS the outbox: queued commands
 * belong to their user and wait (blocked_auth) until that user signs in again; nobody else's
 * session ever sends them.
 */
export const useSessionStore = defineStore('session', () => {
  const portal = usePortal();
  const { database, api } = portal;
  const user = ref<User | null>(null);
  const company = ref<Company | null>(null);
  const companyId = ref<string | null>(null);
  const token = ref<string | null>(null);
  const status = ref<LoadStatus>('idle');
  const error = ref<ApiFailure | null>(null);
  /** A call (not the sync) answered 401: the token is no longer good. */
  const expired = ref(false);
  const syncMeta = useLive(
    database,
    async (db) => (await readMeta(db, META_KEYS.sync, SyncMetaSchema)) ?? EMPTY_SYNC_META,
    portal.firstPaint?.outbox.sync ?? EMPTY_SYNC_META,
  );

  const signedIn = computed(() => token.value !== null && user.value !== null);
  const isManager = computed(() => user.value?.role === 'license_manager');
  /** Where "contact us" and "upgrade" messages link, as the company's last answer said (null: no link). */
  const vendorLinks = computed<VendorLinks>(() =>
    company.value
      ? { contact: company.value.contactUrl ?? null, upgrade: company.value.upgradeUrl ?? null }
      : NO_VENDOR_LINKS,
  );
  /** True after a 401 while commands wait: "sign in to sync N changes". */
  const needsSignIn = computed(() => expired.value || syncMeta.value.value.blockedAuth);

  function adopt(next: { token: string | null; user: User | null; company: Company | null }) {
    token.value = next.token;
    user.value = next.user;
    company.value = next.company;
    portal.auth.token = next.token;
    portal.auth.userId = next.token ? (next.user?.id ?? null) : null;
  }

  /** Open the remembered session from the cache, then check it with the server when online. */
  async function restore(): Promise<void> {
    if (await resume()) await verify();
  }

  /**
   * Open the remembered session from the device alone (an app shows its cached pages at once,
   * online or not), from the first screen's read when the portal has one; whether one was found.
   * `verify` then asks the server.
   */
  async function resume(): Promise<boolean> {
    const [saved, remembered] = portal.firstPaint
      ? [portal.firstPaint.session, portal.firstPaint.companyId]
      : await readRemembered(await database());
    companyId.value = remembered;
    if (!saved) return false;
    adopt(saved);
    return true;
  }

  /** Check the resumed session with the server: a fresh user and company, or why not (401: it ended). */
  async function verify(): Promise<void> {
    const saved = token.value;
    if (!saved) return;
    status.value = 'loading';
    const me = await api.me();
    if (token.value !== saved) return; // signed out or in again meanwhile
    if (me.ok) {
      adopt({ token: saved, user: me.data.user, company: me.data.company });
      await writeMeta(await database(), META_KEYS.session, SessionMetaSchema, {
        token: saved,
        user: me.data.user,
        company: me.data.company,
      });
      status.value = 'idle';
      error.value = null;
    } else {
      noteFailure(me.error);
    }
  }

  /** Sign in, remember the Company ID, ask the browser to keep our storage, and send what waited. */
  async function signIn(input: { companyId: string; email: string; password: string }): Promise<boolean> {
    status.value = 'loading';
    const login = await api.login(input);
    if (!login.ok) {
      error.value = login.error;
      status.value = statusAfter(login.error);
      return false;
    }
    const db = await database();
    const previous = await readSession(db);
    if (previous && previous.user.id !== login.data.user.id) await clearCache(db);
    adopt({ token: login.data.token, user: login.data.user, company: null });
    const me = await api.me();
    const fresh = me.ok ? me.data : { user: login.data.user, company: null };
    adopt({ token: login.data.token, ...fresh });
    await writeMeta(db, META_KEYS.session, SessionMetaSchema, { token: login.data.token, ...fresh });
    await db.meta.put({ key: META_KEYS.companyId, value: input.companyId });
    companyId.value = input.companyId;
    expired.value = false;
    error.value = null;
    status.value = 'idle';
    // Not awaited: Firefox answers only when the user answers its permission prompt (headless or
    // ignored: never), and no sign-in may wait on a prompt.
    void requestPersistentStorage();
    void portal.engine.resumeAfterSignIn();
    return true;
  }

  /** Sign out: token and cache go, the outbox stays for when this user signs in again. */
  async function signOut(): Promise<void> {
    if (token.value) await api.logout(); // best effort: offline, the token just expires server-side
    const db = await database();
    await db.meta.delete(META_KEYS.session);
    await clearCache(db);
    adopt({ token: null, user: null, company: null });
    expired.value = false;
    status.value = 'idle';
  }

  /**
   * A new password (the server ends this user's other sessions; this one stays). The passwords go
   * to the server only: nothing of them is stored on the device.
   */
  async function changePassword(current: string, next: string): Promise<ChangeResult> {
    const res = await api.changePassword({ currentPassword: current, newPassword: next });
    if (!res.ok) {
      noteFailure(res.error);
      return { ok: false, error: res.error };
    }
    error.value = null;
    if (user.value && token.value) {
      const updated = { ...user.value, mustChangePassword: false };
      adopt({ token: token.value, user: updated, company: company.value });
      await writeMeta(await database(), META_KEYS.session, SessionMetaSchema, {
        token: token.value,
        user: updated,
        company: company.value,
      });
    }
    // A sync refused with 403 password_change_required blocked the outbox: send what waited.
    void portal.engine.resumeAfterSignIn();
    return { ok: true };
  }

  /** "Sign out on other devices": every other session of this user ends; this one stays. */
  async function endOtherSessions(): Promise<ChangeResult> {
    const res = await api.endOtherSessions();
    if (res.ok) return { ok: true };
    if (res.error.status === 401) expired.value = true;
    return { ok: false, error: res.error };
  }

  /** Any store's failed call: a 401 means the session ended (cached data stays readable). */
  function noteFailure(failure: ApiFailure): void {
    error.value = failure;
    status.value = statusAfter(failure);
    if (failure.status === 401) expired.value = true;
  }

  return {
    user,
    company,
    companyId,
    token,
    status,
    error,
    expired,
    syncMeta: syncMeta.value,
    signedIn,
    isManager,
    vendorLinks,
    needsSignIn,
    restore,
    resume,
    verify,
    signIn,
    signOut,
    changePassword,
    endOtherSessions,
    noteFailure,
  };
});

/** A call about the account itself (password, sessions): done, or why not. */
export type ChangeResult = { ok: true } | { ok: false; error: ApiFailure };

/** The remembered session and Company ID, as the database holds them. */
async function readRemembered(db: PortalDb): Promise<[SessionMeta | null, string | null]> {
  const [saved, company] = await Promise.all([readSession(db), db.meta.get(META_KEYS.companyId)]);
  return [saved, typeof company?.value === 'string' ? company.value : null];
}

/** Ask the browser not to evict the outbox under storage pressure (where it can). */
async function requestPersistentStorage(): Promise<void> {
  const storage = (globalThis.navigator as Navigator | undefined)?.storage;
  if (!storage?.persist) return;
  try {
    if (!(await storage.persisted?.())) await storage.persist();
  } catch {
    // Refusal is fine: the outbox still works, it is just evictable.
  }
}
