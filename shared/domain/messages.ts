import type { AppNoticeCode, ErrorCode, NoticeCode, WarningCode } from './codes';
import { INITIAL_PASSWORD_KEEP_HOURS } from './password';
import type { VendorLinkKind } from './vendor-links';

/**
 * Every text a user reads about an error or a warning, in one place. The seed portal's wording
 * is kept where it has one. The server sends these as `message`; clients show them by code.
 */
export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  activation_limit_reached: 'This license is activated on too many devices: reset a device to activate another one.',
  deactivation_limit_reached:
    'You reached the limit on the amount of time you can deactivate a device: contact us to reset your limit.',
  max_license_users_reached:
    'Max license users number reached: upgrade your subscription and buy additional subscriptions to assign more users.',
  license_disabled: 'This license is disabled: contact us.',
  license_expired: 'This license has expired: renew your subscription.',
  license_inactive: 'This license is not active yet.',
  not_assigned: 'You are not a user of this license: ask your license manager to assign you.',
  not_license_manager: 'Only a license manager can do this.',
  forbidden: 'You may not change this: it belongs to another user.',
  not_found: 'This no longer exists.',
  cannot_unassign_manager: 'A license manager keeps their seat: contact us to change the license manager.',
  cannot_reset_manager_password:
    'A license manager changes their own password on their profile: it cannot be reset here.',
  conflict: 'This would now do more than when you asked for it: confirm it again or discard it.',
  op_id_reused: 'This change id was already used for a different change: nothing was done. Queue the change again.',
  too_many_commands: 'Too many changes in one request for your role: this one was not done. Send it again later.',
  hardware_in_use:
    'This machine is activated by another user of the license: ask them or your license manager to reset it first.',
  wrong_current_password: 'currentPassword: this is not your current password.',
  same_password: 'newPassword: choose a password different from the current one.',
  unknown_endpoint: 'There is no such API endpoint: see the API table in the README.',
  invalid_credentials: 'Company ID, email or password is wrong.',
  rate_limited: 'Too many attempts: try again later.',
  unauthorized: 'Your session has ended: sign in again.',
  password_change_required: 'Choose a new password before you continue.',
  invalid_request: 'Some of what was sent is not valid.',
  unsupported_media_type: 'Send the request as JSON (Content-Type: application/json).',
  payload_too_large: 'The request is too large.',
  internal_error: 'Something went wrong on the server: try again later.',
  network_error: 'The portal cannot be reached: you are offline or the server is down.',
  server_unavailable: 'The portal server is busy or down: it will be retried.',
  invalid_response: 'The portal server sent an answer this app does not understand: update the app.',
  passwords_differ: 'The two new passwords differ: type the same new password twice.',
  held_by_earlier_change:
    'Waits for an earlier change to this license that was refused: retry or discard that one first.',
  change_in_flight: 'This change is being sent right now: try again in a moment.',
};

export const WARNING_MESSAGES: Record<WarningCode, string> = {
  uses_last_deactivation: 'This uses your last deactivation: after it, only we can reset your limit.',
  uses_last_seat: 'This uses the last free seat of the license.',
  near_activation_limit: 'This uses the last activation of the license.',
};

export const NOTICE_MESSAGES: Record<NoticeCode, string> = {
  activations_nearly_used:
    'Almost every activation is used: reset a device you no longer use before you activate a new one.',
  deactivations_nearly_used: 'Few deactivations left: after the last one, only we can reset your limit.',
  license_expires_soon: 'This license expires soon: renew your subscription to keep using it.',
  signed_out: 'You are signed out: sign in to see your seats and activations.',
};

export const APP_NOTICE_MESSAGES: Record<AppNoticeCode, string> = {
  // The seed portal's wording.
  more_than_one_license:
    'You should never see more than one entry, even if you have bought multiple subscriptions. If you do, please contact us.',
  offline_showing_cache: 'You are offline: showing the last data this device saw.',
  offline_nothing_cached: 'Nothing saved on this device yet: connect once to load it.',
  generic_failure: 'Something went wrong: try again.',
  maybe_applied:
    'Sent, but the answer was lost: it may already have reached the portal. It is sent again to learn what happened, so it cannot be discarded yet.',
  account_existed: 'This email already had an account: its own password stays, no initial password applies.',
  needs_connection: 'You are offline: this needs the portal server. Connect to the network to do it.',
  password_changed:
    'Your password is changed. You stay signed in here; every other device signed in with it was signed out.',
  other_sessions_ended: 'Every other device and browser was signed out. You stay signed in here.',
  end_other_sessions_confirm:
    'Every other device and browser where you are signed in is signed out. Changes queued there wait until you sign in there again.',
  initial_password_kept: `Pass it on, then dismiss it: it is removed from this device anyway ${INITIAL_PASSWORD_KEEP_HOURS} hours after the change was done.`,
  password_copied: 'Copied to the clipboard.',
  password_copy_failed: 'This browser did not let the page copy it: select the password and copy it yourself.',
};

/** The words of a link to the vendor, after a message that sends the user there. */
export const VENDOR_LINK_TEXTS: Record<VendorLinkKind, string> = {
  contact: 'Contact us',
  upgrade: 'Upgrade your subscription',
};

/** Said after a link that opens in a new tab (visually hidden). */
export const NEW_TAB_TEXT = '(opens in a new tab)';

/** The user's text for a notice about the page or the app (not about a license's state). */
export function appNoticeFor(code: AppNoticeCode): string {
  return APP_NOTICE_MESSAGES[code];
}

/** Other accounts' queued changes on this device: a count only, never what they are. */
export function otherAccountsWaitingText(count: number): string {
  return `${count} ${count === 1 ? 'change' : 'changes'} queued by another account on this device ${count === 1 ? 'waits' : 'wait'} for it to sign in.`;
}

/** The queue-time notice of a new assign: the account may exist already, so it is conditional. */
export function initialPasswordNotice(email: string): string {
  return `If the account of ${email} is new, its initial password is:`;
}

/** The text of a message by its code, whether an error or a notice about the page. */
export function textFor(code: string): string {
  return Object.hasOwn(APP_NOTICE_MESSAGES, code) ? APP_NOTICE_MESSAGES[code as AppNoticeCode] : messageFor(code);
}

/** The user's text for a standing notice about a license's state. */
export function noticeFor(code: NoticeCode): string {
  return NOTICE_MESSAGES[code];
}

/** The user's text for an error code; unknown codes (e.g. from a newer server) get a generic text. */
export function messageFor(code: string): string {
  // Own keys only: a code such as `constructor` must not pick up Object.prototype members.
  return Object.hasOwn(ERROR_MESSAGES, code) ? ERROR_MESSAGES[code as ErrorCode] : 'Something went wrong: try again.';
}

/** The user's text for a warning code. */
export function warningFor(code: WarningCode): string {
  return WARNING_MESSAGES[code];
}

/** A field-level validation message: names the field and the reason. */
export function invalidFieldMessage(field: string, reason: string): string {
  return `${field}: ${reason}`;
}

/** The notice after a change is queued: `what` names it ("Reset of dev-laptop", "License reset"). */
export function queuedNotice(what: string): string {
  return `${what} queued: it is sent now, or as soon as you are back online.`;
}

/** The text of a 429, with the wait its Retry-After header gives, in whole minutes rounded up. */
export function rateLimitedMessage(retryAfterSeconds: number, what: 'sign-in' | 'password-change'): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  const attempts = what === 'sign-in' ? 'sign-in attempts' : 'wrong current passwords';
  return `Too many ${attempts}: try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
}

// The Activity tab's and batch assigns' texts live beside this file, split out by concept.
export * from './activity-messages';
