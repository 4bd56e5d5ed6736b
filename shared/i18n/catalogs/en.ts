/**
 * English: every text a user reads, keyed by the stable codes the server returns and by page.
 * The seed portal's wording is kept where it has one. The other catalogs have exactly these keys
 * (the Catalog type and a test check it). Message syntax is vue-i18n's: `{name}` is filled in,
 * `one | other` picks by count, and `{'@'}` writes a literal @ (plain @ starts a linked message).
 */
export const en = {
  /** The PWA's frame and its pages: header, sign-in, dashboard, licenses, license, profile. */
  shell: {},
  errors: {
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
    /** Any code this client does not know (e.g. from a newer server). */
    unknown: 'Something went wrong: try again.',
  },
  warnings: {
    uses_last_deactivation: 'This uses your last deactivation: after it, only we can reset your limit.',
    uses_last_seat: 'This uses the last free seat of the license.',
    near_activation_limit: 'This uses the last activation of the license.',
  },
  notices: {
    activations_nearly_used:
      'Almost every activation is used: reset a device you no longer use before you activate a new one.',
    deactivations_nearly_used: 'Few deactivations left: after the last one, only we can reset your limit.',
    license_expires_soon: 'This license expires soon: renew your subscription to keep using it.',
    signed_out: 'You are signed out: sign in to see your seats and activations.',
  },
  app: {
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
    initial_password_kept:
      'Pass it on, then dismiss it: it is removed from this device anyway {hours} hours after the change was done.',
    password_copied: 'Copied to the clipboard.',
    password_copy_failed: 'This browser did not let the page copy it: select the password and copy it yourself.',
  },
  ui: {
    counter: '{used} of {max}',
    counterUnlimited: '{used}',
    left: '{count} left',
    noneLeft: 'none left',
    unlimited: 'unlimited',
    neverExpires: 'never expires',
    expiresToday: 'expires today',
    expiredToday: 'expired today',
    expires: 'expires {when}',
    expired: 'expired {when}',
    justNow: 'just now',
    never: 'never',
    noDate: '—',
    updated: 'updated {when}',
    utc: '{time} UTC',
  },
  vendorLinks: {
    contact: 'Contact us',
    upgrade: 'Upgrade your subscription',
    newTab: '(opens in a new tab)',
  },
  messages: {
    otherAccountsWaiting:
      '{count} change queued by another account on this device waits for it to sign in. | {count} changes queued by another account on this device wait for it to sign in.',
    initialPasswordNotice: 'If the account of {email} is new, its initial password is:',
    resetPasswordNotice: 'The new initial password of {email} is:',
    queued: '{what} queued: it is sent now, or as soon as you are back online.',
    invalidField: '{field}: {reason}',
    rateLimitedSignIn:
      'Too many sign-in attempts: try again in {count} minute. | Too many sign-in attempts: try again in {count} minutes.',
    rateLimitedPasswordChange:
      'Too many wrong current passwords: try again in {count} minute. | Too many wrong current passwords: try again in {count} minutes.',
  },
  /** The license's lists and changes: devices, users, batch assign, Changes, Activity. */
  lists: {},
  activity: {
    /** By event kind, its dot written as an underscore (device.reset -> device_reset). */
    kinds: {
      device_activate: 'Device activations',
      device_reset: 'Device resets',
      license_reset: 'License resets',
      user_assign: 'Assignments',
      user_unassign: 'Unassignments',
      user_reset_password: 'Password resets',
      license_create: 'License created',
      license_change: 'Vendor changes',
      license_lift_deactivation_limit: 'Deactivation limit lifted',
      user_make_manager: 'New license managers',
    },
    vendor: 'The vendor',
    events: {
      deviceActivate: '{who} activated {hostname} ({os})',
      deviceReset: '{who} reset device {hostname} ({counted})',
      deviceResetOf: '{who} reset device {hostname} of {owner} ({counted})',
      deactivationsUsed: '{used} of {max} deactivations used',
      deactivationsUsedUnlimited: '{used} deactivations used, no limit',
      licenseReset: '{who} reset the license: {devices} deactivated, {users} unassigned',
      devices: '{count} device | {count} devices',
      users: '{count} user | {count} users',
      userAssign: '{who} assigned {email}',
      userAssignNew: '{who} assigned {email} (new account)',
      userUnassign: '{who} unassigned {email}',
      userResetPassword: '{who} reset the password of {email}',
      licenseCreate: '{who} created the license, managed by {manager}',
      licenseChange: '{who} changed the license: {changes}',
      licenseLift: '{who} lifted the deactivation limit',
      makeManager: '{who} made {email} a license manager',
      other: '{who}: {kind}',
    },
    changes: {
      quantity: 'quantity {value}',
      maxActivations: 'activation limit {value}',
      maxDeactivations: 'deactivation limit {value}',
      status: 'status {value}',
      validUntil: 'valid until {value}',
      validForever: 'valid forever',
      unlimited: 'unlimited',
      nothing: 'its terms',
      separator: ', ',
    },
  },
  batch: {
    problems: {
      email_missing: 'No email on this line.',
      email_invalid: 'This is not an email address.',
      name_invalid: 'A name is longer than 100 characters.',
    },
    categories: {
      assign: 'Will be assigned',
      already_assigned: 'Already assigned',
      invalid: 'Invalid',
      duplicate: 'Duplicates',
      over_limit: 'Beyond the free seats',
    },
    rows: {
      assign: 'Will be assigned.',
      already_assigned: 'Already holds a seat: nothing changes.',
      duplicate: 'The same email as line {line}: assigned once.',
      over_limit: 'Max license users number reached: not assigned.',
    },
    outcomes: {
      assigned: '{count} assigned',
      already_assigned: '{count} already assigned',
      refused: '{count} refused',
      needs_confirmation: '{count} need confirmation',
      waiting: '{count} waiting',
      discarded: '{count} discarded',
      invalid: '{count} invalid',
      duplicate: '{count} duplicate',
      seat_limit_reached: '{count} seat limit reached',
    },
    queued:
      '{count} assignment queued: sent now, or as soon as you are back online. The Changes page shows each outcome. | {count} assignments queued: sent now, or as soon as you are back online. The Changes page shows each outcome.',
    tooLong: 'This list has {rows} rows: a batch takes at most {max}. Split it and assign each part.',
  },
  /** The browser extension: popup, options page, toolbar badge. */
  popup: {
    /** The extension's name and store description: built into _locales/<lang>/messages.json. */
    manifest: {
      extName: 'Seat Portal',
      extDescription:
        'Seat and activation status of your licenses, one click from the portal page that fixes a problem.',
    },
    refresh: 'Refresh',
    checking: 'Checking…',
    signIn: 'Sign in',
    openSignInPage: "Open the portal's sign-in page ↗",
    checkingLicenses: 'Checking your licenses…',
    noLicense: 'No license is assigned to you yet.',
    lastChecked: 'last checked {when}',
    roles: { license_manager: 'License manager', license_user: 'License user' },
    counters: { activations: 'Activations', seats: 'Seats', deactivations: 'Deactivations' },
    links: {
      label: 'Open in the portal',
      licenses: 'Licenses',
      license: 'License',
      devices: 'Devices',
      users: 'Users',
    },
    /** The toolbar button's tooltip, by the badge's state. */
    badge: {
      ok: 'Seat Portal',
      near: 'Seat Portal: a limit is nearly reached',
      at_limit: 'Seat Portal: activated on too many devices',
      deactivation_limit: 'Seat Portal: no deactivations left',
      signed_out: 'Seat Portal: signed out',
      unknown: 'Seat Portal: not checked yet',
    },
    options: {
      pageTitle: 'Seat Portal settings',
      lead: 'Sign in to your license portal to see your seats, activations and deactivations in the toolbar.',
      signedInAs: 'Signed in as {email} at {portal}.',
      otherPortal: 'To use another portal, sign out first.',
      signOut: 'Sign out',
      signingOut: 'Signing out…',
      language: 'Language',
      theme: 'Theme',
      themes: { system: 'System', light: 'Light', dark: 'Dark' },
    },
    form: {
      portalUrl: 'Portal URL',
      companyId: 'Company ID',
      email: 'Email',
      password: 'Password',
      signingIn: 'Signing in…',
      /** Why a field is refused, after its name ("Company ID: enter your Company ID"). */
      reasons: {
        portalUrl: 'enter the portal address, e.g. {example}',
        companyId: 'enter your Company ID',
        email: 'Invalid email address',
        password: 'enter your password',
        tooLong: 'too long',
      },
    },
  },
};
