import { defineStore } from 'pinia';
import { ref } from 'vue';
import { createApiClient } from '@shared/api';
import { errorText } from '@shared/domain';
import { text, type Text } from '@shared/i18n';
import { LoginRequestSchema } from '@shared/schemas';
import { sendExtensionMessage } from '../messaging/messages';
import { readSession, readSettings, sessionItem, settingsItem, statusCacheItem } from '../storage/items';
import {
  DEFAULT_SETTINGS,
  EMPTY_CACHE,
  SettingsSchema,
  normalizePortalUrl,
  sendsPasswordInClear,
  type Session,
} from '../storage/schemas';

export type AccountPhase = 'idle' | 'signing_in' | 'signing_out';
export interface FormError {
  field: string | null;
  message: Text;
}

type FormField = 'portalUrl' | 'companyId' | 'email' | 'password';
const FIELDS: readonly string[] = ['portalUrl', 'companyId', 'email', 'password'] satisfies FormField[];
const isFormField = (field: string): field is FormField => FIELDS.includes(field);

/**
 * "Company ID: enter your Company ID", in the reader's language: the client's own words for each
 * field (the schemas' and the server's messages are English).
 */
function fieldError(field: string, issue?: { code?: string }): FormError {
  if (!isFormField(field)) return { field: field || null, message: errorText('invalid_request') };
  const reason =
    issue?.code === 'too_big'
      ? text('popup.form.reasons.tooLong')
      : field === 'portalUrl'
        ? text('popup.form.reasons.portalUrl', { example: DEFAULT_SETTINGS.portalUrl })
        : text(`popup.form.reasons.${field}`);
  return invalid(field, reason);
}

const invalid = (field: FormField, reason: Text): FormError => ({
  field,
  message: text('messages.invalidField', { field: text(`popup.form.${field}`), reason }),
});

/** The options page: which portal, and who is signed in to it. */
export const useAccountStore = defineStore('account', () => {
  const portalUrl = ref(DEFAULT_SETTINGS.portalUrl);
  const session = ref<Session | null>(null);
  const phase = ref<AccountPhase>('idle');
  const error = ref<FormError | null>(null);

  async function load(): Promise<void> {
    const [settings, stored] = await Promise.all([readSettings(), readSession()]);
    portalUrl.value = settings.portalUrl;
    session.value = stored;
  }

  /** Validates and stores the portal URL; returns the normalized URL or null (error set). */
  async function savePortalUrl(input: string): Promise<string | null> {
    let url: string;
    try {
      url = normalizePortalUrl(input);
    } catch {
      url = input;
    }
    const settings = SettingsSchema.safeParse({ ...(await readSettings()), portalUrl: url });
    if (!settings.success) {
      error.value = fieldError('portalUrl');
      return null;
    }
    if (sendsPasswordInClear(settings.data.portalUrl)) {
      const https = settings.data.portalUrl.replace(/^http:/i, 'https:');
      error.value = invalid('portalUrl', text('popup.form.reasons.portalUrlPlainHttp', { https }));
      return null;
    }
    await settingsItem.setValue(settings.data);
    portalUrl.value = settings.data.portalUrl;
    return settings.data.portalUrl;
  }

  async function signIn(form: {
    portalUrl: string;
    companyId: string;
    email: string;
    password: string;
  }): Promise<boolean> {
    error.value = null;
    const url = await savePortalUrl(form.portalUrl);
    if (!url) return false;
    const request = LoginRequestSchema.safeParse(form);
    if (!request.success) {
      const issue = request.error.issues[0];
      error.value = fieldError(String(issue?.path[0] ?? ''), issue);
      return false;
    }
    phase.value = 'signing_in';
    try {
      const result = await createApiClient({ baseURL: url, getToken: () => null }).login(request.data);
      if (!result.ok) {
        const { code, field } = result.error;
        // The server names the field of a bad request; every failure is told in the client's words for its code.
        error.value =
          code === 'invalid_request' && field ? fieldError(field) : { field: field ?? null, message: errorText(code) };
        return false;
      }
      const next: Session = { token: result.data.token, user: result.data.user, portalUrl: url };
      await statusCacheItem.setValue(EMPTY_CACHE);
      await sessionItem.setValue(next);
      session.value = next;
      await requestRefresh();
      return true;
    } finally {
      phase.value = 'idle';
    }
  }

  /** Ends the session on the portal when it can be reached, and always forgets the token here. */
  async function signOut(): Promise<void> {
    const current = session.value;
    phase.value = 'signing_out';
    try {
      if (current)
        await createApiClient({ baseURL: current.portalUrl, getToken: () => current.token, timeoutMs: 5_000 }).logout();
      await sessionItem.removeValue();
      await statusCacheItem.setValue(EMPTY_CACHE);
      session.value = null;
      error.value = null;
      await requestRefresh();
    } finally {
      phase.value = 'idle';
    }
  }

  return { portalUrl, session, phase, error, load, savePortalUrl, signIn, signOut };
});

/** Lets the background repaint the badge; the options page works even if it does not answer. */
async function requestRefresh(): Promise<void> {
  try {
    await sendExtensionMessage({ type: 'status/refresh' });
  } catch {
    // The alarm will repaint the badge soon enough.
  }
}
