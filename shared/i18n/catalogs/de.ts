import type { Catalog } from '../catalog';

/** Deutsch. */
export const de: Catalog = {
  /** The PWA's frame and its pages: header, sign-in, dashboard, licenses, license, profile. */
  shell: {},
  errors: {
    activation_limit_reached:
      'Diese Lizenz ist auf zu vielen Geräten aktiviert: Setzen Sie ein Gerät zurück, um ein anderes zu aktivieren.',
    deactivation_limit_reached:
      'Sie haben die Höchstzahl an Gerätedeaktivierungen erreicht: Kontaktieren Sie uns, um Ihr Limit zurückzusetzen.',
    max_license_users_reached:
      'Höchstzahl an Lizenznutzern erreicht: Erweitern Sie Ihr Abonnement und kaufen Sie zusätzliche Abonnements, um weitere Nutzer zuzuweisen.',
    license_disabled: 'Diese Lizenz ist gesperrt: Kontaktieren Sie uns.',
    license_expired: 'Diese Lizenz ist abgelaufen: Verlängern Sie Ihr Abonnement.',
    license_inactive: 'Diese Lizenz ist noch nicht aktiv.',
    not_assigned: 'Sie sind kein Nutzer dieser Lizenz: Bitten Sie Ihren Lizenzverwalter, Sie zuzuweisen.',
    not_license_manager: 'Nur ein Lizenzverwalter kann das tun.',
    forbidden: 'Sie dürfen das nicht ändern: Es gehört einem anderen Nutzer.',
    not_found: 'Das gibt es nicht mehr.',
    cannot_unassign_manager:
      'Ein Lizenzverwalter behält seinen Platz: Kontaktieren Sie uns, um den Lizenzverwalter zu wechseln.',
    cannot_reset_manager_password:
      'Ein Lizenzverwalter ändert sein Passwort selbst in seinem Profil: Es kann hier nicht zurückgesetzt werden.',
    conflict: 'Das würde jetzt mehr bewirken als bei Ihrer Anfrage: Bestätigen Sie es erneut oder verwerfen Sie es.',
    op_id_reused:
      'Diese Änderungskennung wurde bereits für eine andere Änderung verwendet: Nichts wurde getan. Stellen Sie die Änderung erneut ein.',
    too_many_commands:
      'Zu viele Änderungen in einer Anfrage für Ihre Rolle: Diese wurde nicht ausgeführt. Senden Sie sie später erneut.',
    hardware_in_use:
      'Dieser Rechner ist von einem anderen Nutzer der Lizenz aktiviert: Bitten Sie ihn oder Ihren Lizenzverwalter, ihn zuerst zurückzusetzen.',
    wrong_current_password: 'currentPassword: Das ist nicht Ihr aktuelles Passwort.',
    same_password: 'newPassword: Wählen Sie ein anderes Passwort als das aktuelle.',
    unknown_endpoint: 'Diesen API-Endpunkt gibt es nicht: Siehe die API-Tabelle in der README.',
    invalid_credentials: 'Firmen-ID, E-Mail oder Passwort ist falsch.',
    rate_limited: 'Zu viele Versuche: Versuchen Sie es später erneut.',
    unauthorized: 'Ihre Sitzung ist beendet: Melden Sie sich erneut an.',
    password_change_required: 'Wählen Sie ein neues Passwort, bevor Sie fortfahren.',
    invalid_request: 'Ein Teil der gesendeten Daten ist ungültig.',
    unsupported_media_type: 'Senden Sie die Anfrage als JSON (Content-Type: application/json).',
    payload_too_large: 'Die Anfrage ist zu groß.',
    internal_error: 'Auf dem Server ist ein Fehler aufgetreten: Versuchen Sie es später erneut.',
    network_error: 'Das Portal ist nicht erreichbar: Sie sind offline oder der Server ist nicht verfügbar.',
    server_unavailable: 'Der Portalserver ist ausgelastet oder nicht verfügbar: Es wird erneut versucht.',
    invalid_response:
      'Der Portalserver hat eine Antwort gesendet, die diese App nicht versteht: Aktualisieren Sie die App.',
    passwords_differ: 'Die beiden neuen Passwörter unterscheiden sich: Geben Sie zweimal dasselbe neue Passwort ein.',
    held_by_earlier_change:
      'Wartet auf eine frühere, abgelehnte Änderung dieser Lizenz: Wiederholen oder verwerfen Sie diese zuerst.',
    change_in_flight: 'Diese Änderung wird gerade gesendet: Versuchen Sie es gleich noch einmal.',
    unknown: 'Etwas ist schiefgegangen: Versuchen Sie es erneut.',
  },
  warnings: {
    uses_last_deactivation:
      'Damit verbrauchen Sie Ihre letzte Deaktivierung: Danach können nur wir Ihr Limit zurücksetzen.',
    uses_last_seat: 'Damit wird der letzte freie Platz der Lizenz belegt.',
    near_activation_limit: 'Damit wird die letzte Aktivierung der Lizenz belegt.',
  },
  notices: {
    activations_nearly_used:
      'Fast alle Aktivierungen sind belegt: Setzen Sie ein nicht mehr genutztes Gerät zurück, bevor Sie ein neues aktivieren.',
    deactivations_nearly_used:
      'Nur noch wenige Deaktivierungen übrig: Nach der letzten können nur wir Ihr Limit zurücksetzen.',
    license_expires_soon: 'Diese Lizenz läuft bald ab: Verlängern Sie Ihr Abonnement, um sie weiter zu nutzen.',
    signed_out: 'Sie sind abgemeldet: Melden Sie sich an, um Ihre Plätze und Aktivierungen zu sehen.',
  },
  app: {
    more_than_one_license:
      'Sie sollten nie mehr als einen Eintrag sehen, auch wenn Sie mehrere Abonnements gekauft haben. Falls doch, kontaktieren Sie uns bitte.',
    offline_showing_cache: 'Sie sind offline: Angezeigt werden die letzten Daten, die dieses Gerät gesehen hat.',
    offline_nothing_cached: 'Auf diesem Gerät ist noch nichts gespeichert: Verbinden Sie sich einmal, um es zu laden.',
    generic_failure: 'Etwas ist schiefgegangen: Versuchen Sie es erneut.',
    maybe_applied:
      'Gesendet, aber die Antwort ging verloren: Es hat das Portal womöglich schon erreicht. Es wird erneut gesendet, um zu erfahren, was geschah, und kann deshalb noch nicht verworfen werden.',
    account_existed:
      'Diese E-Mail hatte bereits ein Konto: Es behält sein eigenes Passwort, kein Anfangspasswort gilt.',
    needs_connection: 'Sie sind offline: Dafür wird der Portalserver gebraucht. Verbinden Sie sich mit dem Netzwerk.',
    password_changed:
      'Ihr Passwort ist geändert. Hier bleiben Sie angemeldet; alle anderen damit angemeldeten Geräte wurden abgemeldet.',
    other_sessions_ended: 'Alle anderen Geräte und Browser wurden abgemeldet. Hier bleiben Sie angemeldet.',
    end_other_sessions_confirm:
      'Alle anderen Geräte und Browser, auf denen Sie angemeldet sind, werden abgemeldet. Dort eingereihte Änderungen warten, bis Sie sich dort wieder anmelden.',
    initial_password_kept:
      'Geben Sie es weiter und blenden Sie es dann aus: Es wird ohnehin {hours} Stunden nach der Änderung von diesem Gerät entfernt.',
    password_copied: 'In die Zwischenablage kopiert.',
    password_copy_failed:
      'Dieser Browser hat das Kopieren nicht erlaubt: Markieren Sie das Passwort und kopieren Sie es selbst.',
  },
  ui: {
    counter: '{used} von {max}',
    counterUnlimited: '{used}',
    left: 'noch {count}',
    noneLeft: 'keine mehr',
    unlimited: 'unbegrenzt',
    neverExpires: 'läuft nie ab',
    expiresToday: 'läuft heute ab',
    expiredToday: 'heute abgelaufen',
    expires: 'läuft {when} ab',
    expired: '{when} abgelaufen',
    justNow: 'gerade eben',
    never: 'nie',
    noDate: '—',
    updated: 'aktualisiert {when}',
    utc: '{time} UTC',
  },
  vendorLinks: {
    contact: 'Kontaktieren Sie uns',
    upgrade: 'Abonnement erweitern',
    newTab: '(öffnet in einem neuen Tab)',
  },
  messages: {
    otherAccountsWaiting:
      '{count} Änderung eines anderen Kontos auf diesem Gerät wartet, bis es sich anmeldet. | {count} Änderungen eines anderen Kontos auf diesem Gerät warten, bis es sich anmeldet.',
    initialPasswordNotice: 'Falls das Konto von {email} neu ist, lautet sein Anfangspasswort:',
    resetPasswordNotice: 'Das neue Anfangspasswort von {email} lautet:',
    queued: '{what} eingereiht: wird jetzt gesendet oder sobald Sie wieder online sind.',
    invalidField: '{field}: {reason}',
    rateLimitedSignIn:
      'Zu viele Anmeldeversuche: Versuchen Sie es in {count} Minute erneut. | Zu viele Anmeldeversuche: Versuchen Sie es in {count} Minuten erneut.',
    rateLimitedPasswordChange:
      'Zu viele falsche aktuelle Passwörter: Versuchen Sie es in {count} Minute erneut. | Zu viele falsche aktuelle Passwörter: Versuchen Sie es in {count} Minuten erneut.',
  },
  /** The license's lists and changes: devices, users, batch assign, Changes, Activity. */
  lists: {},
  activity: {
    kinds: {
      device_activate: 'Geräteaktivierungen',
      device_reset: 'Gerätezurücksetzungen',
      license_reset: 'Lizenzzurücksetzungen',
      user_assign: 'Zuweisungen',
      user_unassign: 'Aufhebungen von Zuweisungen',
      user_reset_password: 'Passwortzurücksetzungen',
      license_create: 'Lizenz erstellt',
      license_change: 'Änderungen des Anbieters',
      license_lift_deactivation_limit: 'Deaktivierungslimit aufgehoben',
      user_make_manager: 'Neue Lizenzverwalter',
    },
    vendor: 'Der Anbieter',
    events: {
      deviceActivate: '{who} hat {hostname} aktiviert ({os})',
      deviceReset: '{who} hat das Gerät {hostname} zurückgesetzt ({counted})',
      deviceResetOf: '{who} hat das Gerät {hostname} von {owner} zurückgesetzt ({counted})',
      deactivationsUsed: '{used} von {max} Deaktivierungen verbraucht',
      deactivationsUsedUnlimited: '{used} Deaktivierungen verbraucht, ohne Limit',
      licenseReset: '{who} hat die Lizenz zurückgesetzt: {devices} deaktiviert, {users} entfernt',
      devices: '{count} Gerät | {count} Geräte',
      users: '{count} Nutzer | {count} Nutzer',
      userAssign: '{who} hat {email} zugewiesen',
      userAssignNew: '{who} hat {email} zugewiesen (neues Konto)',
      userUnassign: '{who} hat die Zuweisung von {email} aufgehoben',
      userResetPassword: '{who} hat das Passwort von {email} zurückgesetzt',
      licenseCreate: '{who} hat die Lizenz erstellt, verwaltet von {manager}',
      licenseChange: '{who} hat die Lizenz geändert: {changes}',
      licenseLift: '{who} hat das Deaktivierungslimit aufgehoben',
      makeManager: '{who} hat {email} zum Lizenzverwalter gemacht',
      other: '{who}: {kind}',
    },
    changes: {
      quantity: 'Menge {value}',
      maxActivations: 'Aktivierungslimit {value}',
      maxDeactivations: 'Deaktivierungslimit {value}',
      status: 'Status {value}',
      validUntil: 'gültig bis {value}',
      validForever: 'unbefristet gültig',
      unlimited: 'unbegrenzt',
      nothing: 'ihre Bedingungen',
      separator: ', ',
    },
  },
  batch: {
    problems: {
      email_missing: 'Keine E-Mail in dieser Zeile.',
      email_invalid: 'Das ist keine E-Mail-Adresse.',
      name_invalid: 'Ein Name ist länger als 100 Zeichen.',
    },
    categories: {
      assign: 'Werden zugewiesen',
      already_assigned: 'Bereits zugewiesen',
      invalid: 'Ungültig',
      duplicate: 'Doppelt',
      over_limit: 'Über die freien Plätze hinaus',
    },
    rows: {
      assign: 'Wird zugewiesen.',
      already_assigned: 'Hat bereits einen Platz: Nichts ändert sich.',
      duplicate: 'Dieselbe E-Mail wie in Zeile {line}: einmal zugewiesen.',
      over_limit: 'Höchstzahl an Lizenznutzern erreicht: nicht zugewiesen.',
    },
    outcomes: {
      assigned: '{count} zugewiesen',
      already_assigned: '{count} bereits zugewiesen',
      refused: '{count} abgelehnt',
      needs_confirmation: '{count} zu bestätigen',
      waiting: '{count} wartend',
      discarded: '{count} verworfen',
      invalid: '{count} ungültig',
      duplicate: '{count} doppelt',
      seat_limit_reached: '{count} über dem Platzlimit',
    },
    queued:
      '{count} Zuweisung eingereiht: wird jetzt gesendet oder sobald Sie wieder online sind. Die Seite Änderungen zeigt jedes Ergebnis. | {count} Zuweisungen eingereiht: werden jetzt gesendet oder sobald Sie wieder online sind. Die Seite Änderungen zeigt jedes Ergebnis.',
    tooLong:
      'Diese Liste hat {rows} Zeilen: Ein Stapel nimmt höchstens {max}. Teilen Sie sie auf und weisen Sie jeden Teil zu.',
  },
  /** The browser extension: popup, options page, toolbar badge. */
  popup: {
    manifest: {
      extName: 'Seat Portal',
      extDescription:
        'Plätze und Aktivierungen Ihrer Lizenzen, einen Klick entfernt von der Portalseite, die ein Problem behebt.',
    },
    refresh: 'Aktualisieren',
    checking: 'Wird geprüft…',
    signIn: 'Anmelden',
    openSignInPage: 'Anmeldeseite des Portals öffnen ↗',
    checkingLicenses: 'Ihre Lizenzen werden geprüft…',
    noLicense: 'Ihnen ist noch keine Lizenz zugewiesen.',
    lastChecked: 'zuletzt geprüft {when}',
    roles: { license_manager: 'Lizenzmanager', license_user: 'Lizenznutzer' },
    counters: { activations: 'Aktivierungen', seats: 'Plätze', deactivations: 'Deaktivierungen' },
    links: {
      label: 'Im Portal öffnen',
      licenses: 'Lizenzen',
      license: 'Lizenz',
      devices: 'Geräte',
      users: 'Nutzer',
    },
    badge: {
      ok: 'Seat Portal',
      near: 'Seat Portal: Ein Limit ist fast erreicht',
      at_limit: 'Seat Portal: auf zu vielen Geräten aktiviert',
      deactivation_limit: 'Seat Portal: keine Deaktivierungen mehr übrig',
      signed_out: 'Seat Portal: abgemeldet',
      unknown: 'Seat Portal: noch nicht geprüft',
    },
    options: {
      pageTitle: 'Seat Portal – Einstellungen',
      lead: 'Melden Sie sich bei Ihrem Lizenzportal an, um Ihre Plätze, Aktivierungen und Deaktivierungen in der Symbolleiste zu sehen.',
      signedInAs: 'Angemeldet als {email} bei {portal}.',
      otherPortal: 'Um ein anderes Portal zu nutzen, melden Sie sich zuerst ab.',
      signOut: 'Abmelden',
      signingOut: 'Wird abgemeldet…',
      language: 'Sprache',
      theme: 'Design',
      themes: { system: 'System', light: 'Hell', dark: 'Dunkel' },
    },
    form: {
      portalUrl: 'Portal-URL',
      companyId: 'Firmen-ID',
      email: 'E-Mail',
      password: 'Passwort',
      signingIn: 'Wird angemeldet…',
      reasons: {
        portalUrl: 'Geben Sie die Adresse des Portals ein, z. B. {example}',
        companyId: 'Geben Sie Ihre Firmen-ID ein',
        email: 'Ungültige E-Mail-Adresse',
        password: 'Geben Sie Ihr Passwort ein',
        tooLong: 'zu lang',
      },
    },
  },
};
