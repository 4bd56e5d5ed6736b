import { english, text, type Text } from '../i18n';
import * as enSections from '../i18n/catalogs/en';
import {
  APP_NOTICE_CODES,
  COMMAND_ERROR_CODES,
  type AppNoticeCode,
  type CommandErrorCode,
  type ErrorCode,
  type NoticeCode,
  type WarningCode,
} from './codes';
import { INITIAL_PASSWORD_KEEP_HOURS } from './password';
import type { VendorLinkKind } from './vendor-links';

/**
 * The one messages module: every text a user reads is a Text (a catalog key and its values, see
 * shared/i18n); the apps show it in the reader's language, the server sends its English as
 * `message`. One naming rule: a `...Text` function returns a Text, for the apps to translate; a
 * `...Message`, `...For` or upper-case table is that English (the server, the CLI, tests).
 */

export { english };

const own = (table: object, code: string) => Object.hasOwn(table, code);

/** A refusal of a queued change, known by its code list (the section stays out of the extension). */
const isCommandError = (code: string): code is CommandErrorCode =>
  (COMMAND_ERROR_CODES as readonly string[]).includes(code);

/** The Text of an error code; codes this client does not know (a newer server's) get a generic one. */
export function errorText(code: string): Text {
  if (isCommandError(code)) return text(`commandErrors.${code}`);
  return own(enSections.errors, code)
    ? text(`errors.${code as Exclude<ErrorCode, CommandErrorCode>}`)
    : text('errors.unknown');
}
export const warningText = (code: WarningCode): Text => text(`warnings.${code}`);
export const noticeText = (code: NoticeCode): Text => text(`notices.${code}`);
export function appNoticeText(code: AppNoticeCode): Text {
  return code === 'initial_password_kept'
    ? text('app.initial_password_kept', { hours: INITIAL_PASSWORD_KEEP_HOURS })
    : text(`app.${code}`);
}
/** A message by code, whether an error or a notice about the page. */
export const anyText = (code: string): Text =>
  (APP_NOTICE_CODES as readonly string[]).includes(code) ? appNoticeText(code as AppNoticeCode) : errorText(code);
export const vendorLinkText = (kind: VendorLinkKind): Text => text(`vendorLinks.${kind}`);
export const otherAccountsWaitingText = (count: number): Text => text('messages.otherAccountsWaiting', { count });
export const initialPasswordText = (email: string): Text => text('messages.initialPasswordNotice', { email });
/** The notice after a password reset is queued: the new password is not conditional, unlike an assign's. */
export const resetPasswordText = (email: string): Text => text('messages.resetPasswordNotice', { email });
export const queuedText = (what: string | Text): Text => text('messages.queued', { what });
/** The same note offline: it cannot be sent now, so it says it waits for the connection. */
export const queuedOfflineText = (queued: Text): Text =>
  queued.key === 'messages.queued' ? text('messages.queuedOffline', queued.params) : queued;
export function rateLimitedText(retryAfterSeconds: number, what: 'sign-in' | 'password-change'): Text {
  const count = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return text(what === 'sign-in' ? 'messages.rateLimitedSignIn' : 'messages.rateLimitedPasswordChange', { count });
}

/** English by code (tests and the server read these tables). */
export const ERROR_MESSAGES: Record<ErrorCode, string> = /* @__PURE__ */ Object.assign(
  {},
  enSections.errors,
  enSections.commandErrors,
);
export const WARNING_MESSAGES: Record<WarningCode, string> = enSections.warnings;
export const NOTICE_MESSAGES: Record<NoticeCode, string> = enSections.notices;
export const APP_NOTICE_MESSAGES = /* @__PURE__ */ (() =>
  Object.fromEntries(
    Object.keys(enSections.app).map((code) => [code, english(appNoticeText(code as AppNoticeCode))]),
  ) as Record<AppNoticeCode, string>)();

/** The words of a link to the vendor, after a message that sends the user there. */
export const VENDOR_LINK_TEXTS: Record<VendorLinkKind, string> = {
  contact: enSections.vendorLinks.contact,
  upgrade: enSections.vendorLinks.upgrade,
};

/** Said after a link that opens in a new tab (visually hidden). */
export const NEW_TAB_TEXT = enSections.vendorLinks.newTab;

/** The user's text for a notice about the page or the app (not about a license's state). */
export function appNoticeFor(code: AppNoticeCode): string {
  return APP_NOTICE_MESSAGES[code];
}

/** The user's text for an error code; unknown codes (e.g. from a newer server) get a generic text. */
export function messageFor(code: string): string {
  return isCommandError(code) ? enSections.commandErrors[code] : requestMessageFor(code);
}

/**
 * The English of a code that ends a request (never a queued change's refusal, which comes inside a
 * sync result): what the HTTP client needs, without the `commandErrors` section.
 */
export function requestMessageFor(code: string): string {
  // Own keys only: a code such as `constructor` must not pick up Object.prototype members. Read
  // from the section, not through `english`, so a bundle that needs only this keeps one section.
  return own(enSections.errors, code)
    ? enSections.errors[code as Exclude<ErrorCode, CommandErrorCode>]
    : enSections.errors.unknown;
}

/** The user's text for a warning code. */
export function warningFor(code: WarningCode): string {
  return WARNING_MESSAGES[code];
}

/** A field-level validation message: names the field and the reason. */
export function invalidFieldMessage(field: string, reason: string): string {
  return english(text('messages.invalidField', { field, reason }));
}

/** The text of a 429, with the wait its Retry-After header gives, in whole minutes rounded up. */
export function rateLimitedMessage(retryAfterSeconds: number, what: 'sign-in' | 'password-change'): string {
  return english(rateLimitedText(retryAfterSeconds, what));
}
