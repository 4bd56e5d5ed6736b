import { storage } from 'wxt/utils/storage';
import { isLocale, pickLocale, type Locale } from '@shared/i18n';
import type { ThemeChoice } from '@shared/ui/preferences';
import {
  DEFAULT_SETTINGS,
  EMPTY_CACHE,
  SessionSchema,
  SettingsSchema,
  StatusCacheSchema,
  normalizePortalUrl,
  type Session,
  type Settings,
  type StatusCache,
} from './schemas';

/*
 * Typed storage items. Each has a version; a version bump adds a migration here and a test in
 * items.test.ts. Values are parsed on read, so a damaged or foreign value falls back to the
 * default instead of breaking the popup.
 */

/** v1 stored `{ portalUrl }` as typed by the user; v2 normalizes it and adds `refreshMinutes`. */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 2,
  migrations: {
    2: (v1: { portalUrl?: unknown }): Settings => ({
      portalUrl: safeNormalize(v1?.portalUrl) ?? DEFAULT_SETTINGS.portalUrl,
      refreshMinutes: DEFAULT_SETTINGS.refreshMinutes,
    }),
  },
});

export const sessionItem = storage.defineItem<Session | null>('local:session', { fallback: null, version: 1 });

/** v1 stored `{ response, checkedAt }`; v2 renames `response` to `status` and records failed attempts. */
export const statusCacheItem = storage.defineItem<StatusCache>('local:statusCache', {
  fallback: EMPTY_CACHE,
  version: 2,
  migrations: {
    2: (v1: { response?: unknown; checkedAt?: unknown }): StatusCache => {
      const parsed = StatusCacheSchema.safeParse({
        status: v1?.response ?? null,
        checkedAt: v1?.checkedAt ?? null,
        attemptedAt: v1?.checkedAt ?? null,
        lastError: null,
      });
      return parsed.success ? parsed.data : EMPTY_CACHE;
    },
  },
});

/** The reader's language; null until chosen on the options page (then the browser's languages decide). */
export const localeItem = storage.defineItem<Locale | null>('local:locale', { fallback: null, version: 1 });

/** The colour scheme chosen on the options page: the system's, or always light or dark. */
export const themeItem = storage.defineItem<ThemeChoice>('local:theme', { fallback: 'system', version: 1 });

/** The language to speak: the one chosen, else the first of the browser's languages we speak. */
export async function readLocale(
  languages: readonly string[] = globalThis.navigator?.languages ?? [],
): Promise<Locale> {
  const chosen = await localeItem.getValue();
  return isLocale(chosen) ? chosen : pickLocale(languages);
}

export async function readSettings(): Promise<Settings> {
  const parsed = SettingsSchema.safeParse(await settingsItem.getValue());
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export async function readSession(): Promise<Session | null> {
  const parsed = SessionSchema.safeParse(await sessionItem.getValue());
  return parsed.success ? parsed.data : null;
}

export async function readStatusCache(): Promise<StatusCache> {
  const parsed = StatusCacheSchema.safeParse(await statusCacheItem.getValue());
  return parsed.success ? parsed.data : EMPTY_CACHE;
}

function safeNormalize(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  try {
    return normalizePortalUrl(value);
  } catch {
    return null;
  }
}
