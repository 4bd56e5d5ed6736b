import type { Catalog } from '../catalog';

/** Deutsch. */
export const de: Catalog = {
  /** The PWA's frame and its pages: header, sign-in, dashboard, licenses, license, profile. */
  shell: {
    appName: 'Seat Portal',
    manifest: {
      name: 'Seat Portal',
      shortName: 'Seats',
      description: 'Ihre Software-Lizenzplätze und Geräteaktivierungen, online und offline.',
    },
    pageTitle: '{page} · Seat Portal',
    titles: {
      login: 'Anmelden',
      dashboard: 'Übersicht',
      licenses: 'Lizenzen',
      license: 'Lizenz',
      devices: 'Geräte',
      users: 'Benutzer',
      activity: 'Aktivität',
      changes: 'Änderungen',
      profile: 'Mein Profil',
    },
    skipToContent: 'Zum Inhalt springen',
    header: {
      mainNav: 'Hauptnavigation',
      pending: 'ausstehend',
      install: 'App installieren',
      myProfile: 'Mein Profil:',
      signOut: 'Abmelden',
    },
    preferences: {
      language: 'Sprache',
      theme: 'Farbschema',
      themes: { system: 'System', light: 'Hell', dark: 'Dunkel' },
    },
    offline: {
      pending:
        'Sie sind offline. Die Seiten zeigen die auf diesem Gerät gespeicherten Daten; {count} Änderung wartet darauf, gesendet zu werden. | Sie sind offline. Die Seiten zeigen die auf diesem Gerät gespeicherten Daten; {count} Änderungen warten darauf, gesendet zu werden.',
      nothingPending:
        'Sie sind offline. Die Seiten zeigen die auf diesem Gerät gespeicherten Daten; Ihre Änderungen werden gesendet, sobald Sie wieder online sind.',
    },
    update: { ready: 'Eine neue Version ist verfügbar.', reload: 'Neu laden', later: 'Später' },
    sending: {
      label: 'Änderungen werden gesendet',
      valueText: '{done} von {total} Änderungen gesendet',
      status: 'Änderungen werden gesendet: {done} von {total}',
    },
    data: {
      notLoaded: 'noch nicht geladen',
      loading: 'Wird geladen…',
      empty: 'Hier ist noch nichts.',
      retry: 'Erneut versuchen',
      reloadAll: 'Alles neu laden',
    },
    gauge: {
      left: '({left})',
      unlimitedValue: '{used}, unbegrenzt',
    },
    license: {
      kinds: {
        enterprise: 'Enterprise-Abonnement',
        organization: 'Organisations-Abonnement',
        offline_organization: 'Offline-Organisations-Abonnement',
        experimental: 'Experimentelles Abonnement',
      },
      types: { perpetual: 'unbefristet', time_limited: 'befristet', subscription: 'Abonnement' },
      kindAndType: '{kind}, {type}',
      roles: { license_manager: 'Lizenzverwalter', license_user: 'Lizenzbenutzer' },
      statuses: { active: 'Aktiv', inactive: 'Inaktiv', disabled: 'Gesperrt', expired: 'Abgelaufen' },
      counters: { activations: 'Aktivierungen', deactivations: 'Deaktivierungen', seats: 'Plätze' },
      columns: { license: 'Lizenz', type: 'Typ', status: 'Status' },
      tabs: {
        label: 'Bereiche der Lizenz',
        overview: 'Übersicht',
        devices: 'Geräte',
        users: 'Benutzer',
        activity: 'Aktivität',
      },
      facts: {
        kind: 'Art',
        type: 'Typ',
        status: 'Status',
        validUntil: 'Gültig bis',
        quantity: 'Anzahl',
        pendingChanges: 'Ausstehende Änderungen',
      },
      quantity: '{count} Abonnement | {count} Abonnements',
      notYours: 'Diese Lizenz gehört nicht zu Ihren Lizenzen.',
      resetTitle: 'Lizenz zurücksetzen',
      resetText: 'Deaktiviert jedes aktive Gerät und entfernt alle Lizenzbenutzer außer den Verwaltern.',
      resetButton: 'Lizenz zurücksetzen…',
    },
    signIn: {
      title: 'Anmelden',
      intro: 'Verwenden Sie die E-Mail-Adresse und das Passwort Ihres Produktkontos.',
      companyId: 'Firmen-ID',
      email: 'E-Mail',
      password: 'Passwort',
      submit: 'Anmelden',
      busy: 'Anmeldung läuft…',
      newPasswordTitle: 'Neues Passwort wählen',
      newPasswordIntro:
        'Sie haben sich mit einem Passwort angemeldet, das Ihnen jemand anderes gegeben hat: Wählen Sie ein eigenes, bevor Sie fortfahren.',
      savePassword: 'Passwort speichern',
    },
    dashboard: {
      title: 'Übersicht',
      signedInAs: 'Angemeldet als {name}.',
      signedInAt: 'Angemeldet als {name} bei {company}.',
      offline:
        'Sie sind offline. Sie können Ihre Lizenzen weiterhin ansehen und Änderungen vormerken; sie werden gesendet, sobald Sie wieder online sind.',
      signInToSync:
        'Melden Sie sich an, um {count} Änderung zu synchronisieren | Melden Sie sich an, um {count} Änderungen zu synchronisieren',
      role: 'Ihre Rolle',
      licenses: 'Lizenzen',
      pending: 'Ausstehende Änderungen',
      lastSync: 'Letzte Synchronisierung',
      loading: 'Wird geladen…',
    },
    licenses: {
      title: 'Lizenzen',
      empty: 'Sie haben noch keine Lizenz.',
      caption: 'Ihre Lizenzen',
      searchTitle: 'Lizenzen eines Benutzers finden',
      searchEmail: 'E-Mail des Benutzers',
      search: 'Suchen',
      noneHeld: '{email} hat keine Ihrer Lizenzen.',
      heldBy: 'Lizenzen von {email}',
    },
    profile: {
      title: 'Mein Profil',
      name: 'Name',
      email: 'E-Mail',
      company: 'Firma',
      companyId: '(Firmen-ID {id})',
      roles: 'Ihre Rolle je Lizenz',
      noLicense: 'Ihnen ist noch keine Lizenz zugewiesen.',
      passwordTitle: 'Passwort ändern',
      passwordText: 'Alle anderen mit Ihrem Konto angemeldeten Geräte werden abgemeldet; dieses bleibt angemeldet.',
      changePassword: 'Passwort ändern',
      sessionsTitle: 'Andere Geräte',
      sessionsText:
        'Ein Gerät verloren oder auf einem fremden Gerät angemeldet? Melden Sie sich überall außer hier ab.',
      endSessions: 'Auf anderen Geräten abmelden…',
      endingSessions: 'Andere Geräte werden abgemeldet…',
      endSessionsConfirmTitle: 'Auf anderen Geräten abmelden?',
      endSessionsConfirm: 'Andere Geräte abmelden',
      signOutTitle: 'Abmelden',
      signOutText:
        'Auf diesem Gerät vorgemerkte Änderungen bleiben hier und werden gesendet, sobald Sie sich wieder anmelden.',
      signOut: 'Abmelden',
    },
    password: {
      current: 'Aktuelles Passwort',
      new: 'Neues Passwort',
      hint: 'Mindestens 8 Zeichen.',
      repeat: 'Neues Passwort wiederholen',
      enterCurrent: 'Geben Sie Ihr aktuelles Passwort ein',
      tooShort: 'Verwenden Sie mindestens 8 Zeichen',
      tooLong: 'Verwenden Sie höchstens 200 Zeichen',
      notValid: 'ist ungültig',
    },
  },
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
  popup: {},
};
