/**
 * English: every text a user reads, keyed by the stable codes the server returns and by page.
 * The seed portal's wording is kept where it has one. The other catalogs have exactly these keys
 * (the Catalog type and a test check it). Message syntax is vue-i18n's: `{name}` is filled in,
 * `one | other` picks by count, and `{'@'}` writes a literal @ (plain @ starts a linked message).
 *
 * Each section is its own export, so an app bundles only the sections it shows (the extension
 * leaves the PWA's pages out); `en` is the whole catalog.
 */
/** The PWA's frame and its pages: header, sign-in, dashboard, licenses, license, profile. */
export const shell = {
  appName: 'Seat Portal',
  /** The PWA's web manifest: one language only, so the build takes English (vite.config.ts). */
  manifest: {
    name: 'Seat Portal',
    shortName: 'Seats',
    description: 'Your software license seats and device activations, online and offline.',
  },
  /** The browser tab: "Dashboard · Seat Portal". */
  pageTitle: '{page} · Seat Portal',
  titles: {
    login: 'Sign in',
    dashboard: 'Dashboard',
    licenses: 'Licenses',
    license: 'License',
    devices: 'Devices',
    users: 'Users',
    activity: 'Activity',
    changes: 'Changes',
    profile: 'My profile',
  },
  skipToContent: 'Skip to content',
  header: {
    mainNav: 'Main',
    menu: 'Menu',
    pending: 'pending',
    install: 'Install app',
    myProfile: 'My profile:',
    signOut: 'Sign out',
  },
  preferences: {
    language: 'Language',
    theme: 'Theme',
    themes: { system: 'System', light: 'Light', dark: 'Dark' },
  },
  offline: {
    state: 'Offline',
    dataFrom: 'data from {time}',
    noData: 'nothing saved on this device yet',
    waiting: '{count} change waiting | {count} changes waiting',
    nothingWaiting: 'changes you make are sent when you are back online',
    separator: ' · ',
    needsNetwork: 'Needs a connection to the portal',
  },
  update: { ready: 'A new version is ready.', reload: 'Reload', later: 'Later' },
  sending: {
    label: 'Sending changes',
    valueText: '{done} of {total} changes sent',
    status: 'Sending changes: {done} of {total}',
  },
  data: {
    notLoaded: 'not loaded yet',
    loading: 'Loading…',
    empty: 'Nothing here yet.',
    retry: 'Try again',
    reloadAll: 'Reload all',
    arrived: 'Receiving the list: {count} so far…',
  },
  license: {
    kinds: {
      enterprise: 'Enterprise subscription',
      organization: 'Organization subscription',
      offline_organization: 'Offline organization subscription',
      experimental: 'Experimental subscription',
    },
    types: { perpetual: 'perpetual', time_limited: 'time-limited', subscription: 'subscription' },
    kindAndType: '{kind}, {type}',
    roles: { license_manager: 'License manager', license_user: 'License user' },
    statuses: { active: 'Active', inactive: 'Inactive', disabled: 'Disabled', expired: 'Expired' },
    counters: { activations: 'Activations', deactivations: 'Deactivations', seats: 'Seats' },
    columns: { license: 'License', type: 'Type', status: 'Status' },
    tabs: {
      label: 'License sections',
      overview: 'Overview',
      devices: 'Devices',
      users: 'Users',
      activity: 'Activity',
    },
    facts: {
      kind: 'Kind',
      type: 'Type',
      status: 'Status',
      validUntil: 'Valid until',
      quantity: 'Quantity',
      pendingChanges: 'Pending changes',
    },
    quantity: '{count} subscription | {count} subscriptions',
    seatsInAll: '{count} seat in all | {count} seats in all',
    notYours: 'This license is not among yours.',
    resetTitle: 'Danger zone',
    resetText:
      'Reset license deactivates every active device and removes every license user except the managers. Once sent, it cannot be undone.',
    resetButton: 'Reset license…',
  },
  signIn: {
    title: 'Sign in',
    intro: 'Use the email and password of your product login.',
    companyId: 'Company ID',
    email: 'Email',
    password: 'Password',
    submit: 'Sign in',
    busy: 'Signing in…',
    newPasswordTitle: 'Choose a new password',
    newPasswordIntro: 'You signed in with a password someone else gave you: choose your own before you continue.',
    savePassword: 'Save password',
  },
  dashboard: {
    title: 'Dashboard',
    signedInAs: 'Signed in as {name}.',
    signedInAt: 'Signed in as {name} at {company}.',
    signInToSync: 'Sign in to sync {count} change | Sign in to sync {count} changes',
    role: 'Your role',
    licenses: 'Licenses',
    pending: 'Pending changes',
    lastSync: 'Changes last sent',
    loading: 'Loading…',
  },
  licenses: {
    title: 'Licenses',
    empty: 'You have no license yet.',
    caption: 'Your licenses',
    fileTitle: 'License file from the vendor',
    fileHint:
      'The vendor sends a signed license file when your licenses change (a renewal, more seats, a lifted limit). Upload it here as it came.',
    fileChoose: 'License file',
    fileUpload: 'Upload',
    fileImported: 'License file no. {serial} imported.',
    searchTitle: "Find a user's licenses",
    searchEmail: 'User email',
    search: 'Search',
    noneHeld: 'No license of yours is held by {email}.',
    heldBy: 'Licenses held by {email}',
  },
  profile: {
    title: 'My profile',
    name: 'Name',
    email: 'Email',
    company: 'Company',
    companyId: '(Company ID {id})',
    roles: 'Your role per license',
    noLicense: 'No license is assigned to you yet.',
    passwordTitle: 'Change password',
    passwordText: 'Every other device signed in with your account is signed out; this one stays signed in.',
    changePassword: 'Change password',
    sessionsTitle: 'Other devices',
    sessionsText: 'Lost a device, or signed in on one that is not yours? Sign out everywhere but here.',
    endSessions: 'Sign out on other devices…',
    endingSessions: 'Signing out other devices…',
    endSessionsConfirmTitle: 'Sign out on other devices?',
    endSessionsConfirm: 'Sign out other devices',
    signOutTitle: 'Sign out',
    signOutText: 'Changes still queued on this device stay here and are sent when you sign in again.',
    signOut: 'Sign out',
  },
  password: {
    current: 'Current password',
    new: 'New password',
    hint: 'At least 8 characters.',
    repeat: 'Repeat the new password',
    enterCurrent: 'enter your current password',
    tooShort: 'use at least 8 characters',
    tooLong: 'use at most 200 characters',
    notValid: 'is not valid',
  },
};

export const errors = {
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
  initial_password_expired: 'This initial password has expired: ask your license manager for a new one.',
  hardware_in_use:
    'This machine is activated by another user of the license: ask them or your license manager to reset it first.',
  license_file_malformed: 'This is not a license file: upload the .jwt file the vendor sent, unchanged.',
  license_file_unknown_key:
    'This license file is signed by a key this portal does not trust: ask the vendor for a file signed with their key.',
  license_file_bad_signature:
    'This license file was changed after the vendor signed it: upload the file the vendor sent, unchanged.',
  license_file_no_vendor_key:
    'This portal has no vendor key to check license files with: ask your IT to set VENDOR_PUBLIC_KEY_FILE.',
  license_file_wrong_company: "This license file is for another company: ask the vendor for your company's file.",
  license_file_stale_serial: 'This license file is not newer than the one the portal has: nothing changed.',
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
  /** Any code this client does not know (e.g. from a newer server). */
  unknown: 'Something went wrong: try again.',
};

/** Refusals of the changes the PWA queues (the extension never shows them). */
export const commandErrors = {
  cannot_unassign_manager: 'A license manager keeps their seat: contact us to change the license manager.',
  cannot_reset_manager_password:
    'A license manager changes their own password on their profile: it cannot be reset here.',
  cannot_reset_password_elsewhere:
    'This user also holds a seat on a license you do not manage: you cannot reset their password.',
  weak_password: 'initialPassword: too easy to guess. Leave it out to get a generated one.',
  too_many_new_passwords: 'Too many new passwords at once: this change is sent again shortly.',
  conflict: 'This would now do more than when you asked for it: confirm it again or discard it.',
  op_id_reused: 'This change id was already used for a different change: nothing was done. Queue the change again.',
  too_many_commands: 'Too many changes in one request for your role: this one was not done. Send it again later.',
  held_by_earlier_change:
    'Waits for an earlier change to this license that was refused: retry or discard that one first.',
  change_in_flight: 'This change is being sent right now: try again in a moment.',
};

export const warnings = {
  uses_last_deactivation: 'This uses your last deactivation: after it, only we can reset your limit.',
  uses_last_seat: 'This uses the last free seat of the license.',
  near_activation_limit: 'This uses the last activation of the license.',
};

export const notices = {
  activations_nearly_used:
    'Almost every activation is used: reset a device you no longer use before you activate a new one.',
  deactivations_nearly_used: 'Few deactivations left: after the last one, only we can reset your limit.',
  license_expires_soon: 'This license expires soon: renew your subscription to keep using it.',
  signed_out: 'You are signed out: sign in to see your seats and activations.',
};

export const app = {
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
};

export const ui = {
  gauge: {
    left: '({left})',
    unlimitedValue: '{used}, unlimited',
  },
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
};

export const vendorLinks = {
  contact: 'Contact us',
  upgrade: 'Upgrade your subscription',
  newTab: '(opens in a new tab)',
};

export const messages = {
  otherAccountsWaiting:
    '{count} change queued by another account on this device waits for it to sign in. | {count} changes queued by another account on this device wait for it to sign in.',
  initialPasswordNotice: 'If the account of {email} is new, its initial password is:',
  resetPasswordNotice: 'The new initial password of {email} is:',
  queued: '{what} queued: it is sent now, or as soon as you are back online.',
  queuedOffline: '{what} waits on this device: it is sent when you are back online.',
  invalidField: '{field}: {reason}',
  rateLimitedSignIn:
    'Too many sign-in attempts: try again in {count} minute. | Too many sign-in attempts: try again in {count} minutes.',
  rateLimitedPasswordChange:
    'Too many wrong current passwords: try again in {count} minute. | Too many wrong current passwords: try again in {count} minutes.',
};

/** The license's lists and changes: devices, users, batch assign, Changes, Activity. */
export const lists = {
  pending: 'Pending',
  any: 'Any',
  actions: 'Actions',
  cancel: 'Cancel',
  exportCsv: 'Export CSV',
  exportCsvOf: {
    devices: 'Export CSV: devices',
    users: 'Export CSV: users',
    activity: 'Export CSV: activity',
  },
  /** "3 of 12 devices" while a filter hides some. */
  countOf: '{shown} of {all}',
  counts: {
    device: '{count} device | {count} devices',
    user: '{count} user | {count} users',
    event: '{count} event | {count} events',
  },
  devices: {
    title: 'Devices',
    empty: 'No device has activated this license yet.',
    filter: 'Filter devices',
    placeholder: 'Hostname, user or OS',
    status: 'Status',
    active: 'Active',
    inactive: 'Inactive',
    noMatch: 'No device matches this filter.',
    caption: 'Devices of this license',
    hostname: 'Hostname',
    os: 'OS',
    user: 'User',
    firstActivated: 'First activated',
    lastChecked: 'Last checked',
    reset: 'Reset',
    resetOf: 'Reset {hostname}',
  },
  users: {
    title: 'Users',
    empty: 'Nobody holds a seat of this license yet.',
    filter: 'Filter users',
    placeholder: 'Email or name',
    noMatch: 'No user matches this filter.',
    caption: 'License users',
    email: 'Email',
    name: 'Name',
    role: 'Role',
    assigned: 'Assigned',
    manager: 'License manager',
    user: 'License user',
    resetPassword: 'New initial password',
    resetPasswordOf: 'New initial password for {email}',
    unassign: 'Unassign',
    unassignOf: 'Unassign {email}',
    passOn: 'Pass it on now: it is shown only once, and they choose their own at first sign-in.',
    about: '{email}: {notice}',
  },
  assign: {
    heading: 'Assign license user',
    intro: 'An email without an account gets one, with an initial password you pass on.',
    email: 'Email',
    firstName: 'First name',
    lastName: 'Last name',
    submit: 'Assign license user…',
    seatsFree: '{count} of {max} seats free',
    seatsUnlimited: 'Seats without limit',
    needEmail: 'Enter an email to assign a license user.',
    noSeat: 'No seat is free: unassign someone first.',
  },
  batch: {
    heading: 'Assign many',
    /** {columns} and {named} are shown as code. */
    intro:
      'One person a line: an email, or {columns}, or {named}. Or choose a CSV file with the columns email, first name, last name (a header row is optional).',
    columns: 'email, first name, last name',
    named: 'First Last <email>',
    emails: 'Emails',
    file: 'CSV file',
    pastedList: 'pasted list',
    count: '{category}: {count}',
    caption: 'Rows that will not be assigned',
    line: 'Line',
    email: 'Email',
    name: 'Name',
    why: 'Why',
    show: 'Show the {count} to assign',
    queue: 'Queue {count} assignment | Queue {count} assignments',
    clear: 'Clear',
    needList: 'Paste a list or choose a file: each line is previewed before anything is queued.',
    openChanges: 'Open Changes',
  },
  changes: {
    title: 'Changes',
    lastSync: 'Last sync {when}',
    intro: 'Every change you make is queued here first, and sent to the portal server as soon as it can be reached.',
    sendNow: 'Send now',
    sending: 'Sending…',
    progress: 'Sending {done} of {total}…',
    waiting: '{count} change waits. | {count} changes wait.',
    allSent: 'Everything is sent.',
    signIn: 'Sign in to sync {count} change | Sign in to sync {count} changes',
    empty: 'No changes yet.',
    queuedAgo: 'Queued {when}',
    queuedAnswered: 'Queued {when}, answered {answered}',
    initialPassword: 'Initial password:',
    ifNew: 'If the account is new, its initial password is',
    passwordExpires: 'It works for the first sign-in until {when}; after that, reset it to make a new one.',
    passwordValidFor: 'It works for the first sign-in for {days} days from when the change is done.',
    copyPassword: 'Copy password',
    dismissPassword: 'Dismiss password',
    retry: 'Retry',
    confirm: 'Confirm',
    discard: 'Discard',
    cancel: 'Cancel change',
    undo: 'Undo',
    cancelled: 'Cancelled: nothing was sent.',
    cancelInFlight: 'This change is being sent right now: it can no longer be cancelled.',
    cancelTooLate: 'This change has already reached the portal: it can no longer be cancelled.',
    inFlight: 'Being sent: it can no longer be cancelled.',
    sendOffline: 'Sending needs a connection: it starts by itself when you are back online.',
    deactivationWaiting: 'Deactivation waiting to be sent',
    gaugePending: '{count} waiting to be sent',
    /** What each command state means to a person. */
    states: {
      queued: 'Waiting to be sent',
      sending: 'Sending',
      waiting: 'Will retry',
      blocked_auth: 'Sign in to send',
      applied: 'Done',
      already_done: 'Already done',
      rejected: 'Refused',
      conflict: 'Needs your confirmation',
    },
    /** A queued command, by kind (its dot an underscore): {subject} is a hostname, an email, a license. */
    commands: {
      device_reset: 'Reset device {subject}',
      license_reset: 'Reset license {subject}',
      user_assign: 'Assign {subject}',
      user_unassign: 'Unassign {subject}',
      user_reset_password: 'New initial password for {subject}',
    },
  },
  group: {
    title: 'Assign {count} rows from {source}',
    caption: 'Every row of the batch and its outcome',
    outcome: 'Outcome',
    /** Where a row ended (the results file keeps the English code). */
    outcomes: {
      assigned: 'assigned',
      already_assigned: 'already assigned',
      refused: 'refused',
      needs_confirmation: 'needs confirmation',
      waiting: 'waiting',
      discarded: 'discarded',
      invalid: 'invalid',
      duplicate: 'duplicate',
      seat_limit_reached: 'seat limit reached',
    },
    passwords:
      'The results hold the initial passwords of {count} new account: download them and pass them on, then dismiss them. | The results hold the initial passwords of {count} new accounts: download them and pass them on, then dismiss them.',
    dismissed: 'Its initial passwords were dismissed.',
    download: 'Download results',
    downloadOf: 'Download results: {source}',
    dismiss: 'Dismiss passwords',
    dismissOf: 'Dismiss passwords: {source}',
    stillWaiting: 'Some rows are still waiting to be sent',
  },
  activity: {
    title: 'Activity',
    empty: 'Nothing happened to this license yet.',
    emptyKind: 'Nothing of this kind happened to the license yet.',
    introManager: 'Everything that happened to this license, newest first.',
    introUser: 'What you did with this license, newest first.',
    filter: 'Filter activity',
    placeholder: 'Who or what',
    kind: 'Kind',
    noMatch: 'No event matches this filter.',
    loading: 'Loading…',
    loadMore: 'Load more',
  },
  /** The confirmation dialogs of commands: title, what it does, what it costs, the button, the notice. */
  preview: {
    aDevice: 'device',
    counterUnlimited: '{used} (unlimited)',
    deviceTitle: 'Reset {hostname}?',
    deviceEffect: 'Deactivates {hostname}, the device of {owner}: they can activate another one in its place.',
    deviceCost: 'Uses 1 deactivation: {counter} used so far.',
    deviceConfirm: 'Reset device',
    deviceQueued: 'Reset of {hostname}',
    licenseTitle: 'Reset this license?',
    licenseEffect: 'Deactivates {devices} and removes {users}.',
    licenseNoCost: 'Costs no deactivation: no device is active.',
    licenseCostUnlimited: 'Uses {count} deactivation (unlimited). | Uses {count} deactivations (unlimited).',
    licenseCost:
      'Uses {devices} of your {count} remaining deactivation. | Uses {devices} of your {count} remaining deactivations.',
    licenseConfirm: 'Reset license',
    licenseTypeName: 'To confirm, type the license name: {name}',
    offlineNote: 'You are offline: it waits on this device and is sent when you reconnect.',
    licenseQueued: 'License reset',
    assignTitle: 'Assign {email}?',
    assignAlready: '{email} already holds a seat: nothing changes.',
    assignGives: 'Gives {email} a seat.',
    assignGivesSeats: 'Gives {email} a seat: {used} of {max} seats used after it.',
    assignNewAccount:
      'No account with this email is known here: one is created, with an initial password shown to you once.',
    assignConfirm: 'Assign',
    assignQueued: 'Assignment of {email}',
    unassignTitle: 'Unassign {email}?',
    unassignEffect: 'They lose their seat of this license and can no longer activate it.',
    unassignConfirm: 'Unassign',
    unassignQueued: 'Unassignment of {email}',
    unassignDevices:
      '{email} has {count} active device on this license: {hostnames}. | {email} has {count} active devices on this license: {hostnames}.',
    unassignNoDevices: '{email} has no active device on this license.',
    unassignDevicesUnknown:
      'This device has not loaded the license’s devices yet: open the Devices tab once to see which are theirs.',
    unassignKeepWarning:
      'Left active, they keep using activations, and once unassigned the user can no longer deactivate them.',
    unassignDeactivate: 'Also deactivate it in the same step | Also deactivate them in the same step',
    unassignDeactivateCost:
      'Uses {count} deactivation: {counter} used so far. | Uses {count} deactivations: {counter} used so far.',
    unassignNotEnough:
      'Not enough deactivations left to deactivate them all ({left} left): reset them one by one on the Devices tab.',
    passwordTitle: 'Give {email} a new initial password?',
    passwordEffect: 'They get a new initial password, shown to you once when you confirm: pass it on.',
    passwordSignOut: 'They are signed out everywhere, and choose their own password at their next sign-in.',
    passwordConfirm: 'Give new password',
    passwordQueued: 'Password reset of {email}',
  },
};

export const activity = {
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
    user_dismiss_manager: 'Managers removed',
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
    dismissManager: '{who} removed {email} as license manager',
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
};

export const batch = {
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
};

/** The browser extension: popup, options page, toolbar badge. */
export const popup = {
  /** The extension's name and store description: built into _locales/<lang>/messages.json. */
  manifest: {
    extName: 'Seat Portal',
    extDescription: 'Seat and activation status of your licenses, one click from the portal page that fixes a problem.',
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
      portalUrlPlainHttp:
        'your password would cross the network unencrypted over http://; use {https} (http:// works only for localhost)',
      companyId: 'enter your Company ID',
      email: 'Invalid email address',
      password: 'enter your password',
      tooLong: 'too long',
    },
  },
};

/** The whole English catalog: the shape every language has. */
export const en = {
  shell,
  errors,
  commandErrors,
  warnings,
  notices,
  app,
  ui,
  vendorLinks,
  messages,
  lists,
  activity,
  batch,
  popup,
};
