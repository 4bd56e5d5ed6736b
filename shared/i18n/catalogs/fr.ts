import type { Catalog } from '../catalog';

/** Français. */
export const fr: Catalog = {
  /** The PWA's frame and its pages: header, sign-in, dashboard, licenses, license, profile. */
  shell: {},
  errors: {
    activation_limit_reached:
      'Cette licence est activée sur trop d’appareils : réinitialisez un appareil pour en activer un autre.',
    deactivation_limit_reached:
      'Vous avez atteint le nombre maximal de désactivations d’appareil : contactez-nous pour réinitialiser votre limite.',
    max_license_users_reached:
      'Nombre maximal d’utilisateurs de la licence atteint : passez à une offre supérieure et achetez des abonnements supplémentaires pour attribuer plus d’utilisateurs.',
    license_disabled: 'Cette licence est désactivée : contactez-nous.',
    license_expired: 'Cette licence a expiré : renouvelez votre abonnement.',
    license_inactive: 'Cette licence n’est pas encore active.',
    not_assigned: 'Vous n’êtes pas utilisateur de cette licence : demandez à votre gestionnaire de vous l’attribuer.',
    not_license_manager: 'Seul un gestionnaire de licence peut faire cela.',
    forbidden: 'Vous ne pouvez pas modifier ceci : il appartient à un autre utilisateur.',
    not_found: 'Ceci n’existe plus.',
    cannot_unassign_manager: 'Un gestionnaire de licence garde sa place : contactez-nous pour changer de gestionnaire.',
    cannot_reset_manager_password:
      'Un gestionnaire de licence change son propre mot de passe dans son profil : il ne peut pas être réinitialisé ici.',
    conflict: 'Cela ferait maintenant plus que lorsque vous l’avez demandé : confirmez-le à nouveau ou abandonnez-le.',
    op_id_reused:
      'Cet identifiant de modification a déjà servi pour une autre modification : rien n’a été fait. Remettez la modification en file d’attente.',
    too_many_commands:
      'Trop de modifications dans une requête pour votre rôle : celle-ci n’a pas été faite. Renvoyez-la plus tard.',
    hardware_in_use:
      'Cette machine est activée par un autre utilisateur de la licence : demandez-lui ou à votre gestionnaire de la réinitialiser d’abord.',
    wrong_current_password: 'currentPassword : ce n’est pas votre mot de passe actuel.',
    same_password: 'newPassword : choisissez un mot de passe différent de l’actuel.',
    unknown_endpoint: 'Ce point d’accès de l’API n’existe pas : voyez le tableau de l’API dans le README.',
    invalid_credentials: 'L’identifiant d’entreprise, l’e-mail ou le mot de passe est incorrect.',
    rate_limited: 'Trop de tentatives : réessayez plus tard.',
    unauthorized: 'Votre session est terminée : reconnectez-vous.',
    password_change_required: 'Choisissez un nouveau mot de passe avant de continuer.',
    invalid_request: 'Une partie de l’envoi n’est pas valide.',
    unsupported_media_type: 'Envoyez la requête en JSON (Content-Type: application/json).',
    payload_too_large: 'La requête est trop volumineuse.',
    internal_error: 'Un problème est survenu sur le serveur : réessayez plus tard.',
    network_error: 'Le portail est injoignable : vous êtes hors ligne ou le serveur est arrêté.',
    server_unavailable: 'Le serveur du portail est occupé ou arrêté : ce sera réessayé.',
    invalid_response:
      'Le serveur du portail a envoyé une réponse que cette application ne comprend pas : mettez-la à jour.',
    passwords_differ: 'Les deux nouveaux mots de passe diffèrent : saisissez deux fois le même.',
    held_by_earlier_change:
      'Attend une modification antérieure de cette licence qui a été refusée : réessayez-la ou abandonnez-la d’abord.',
    change_in_flight: 'Cette modification est en cours d’envoi : réessayez dans un instant.',
    unknown: 'Un problème est survenu : réessayez.',
  },
  warnings: {
    uses_last_deactivation:
      'Ceci utilise votre dernière désactivation : ensuite, seuls nous pourrons réinitialiser votre limite.',
    uses_last_seat: 'Ceci utilise la dernière place libre de la licence.',
    near_activation_limit: 'Ceci utilise la dernière activation de la licence.',
  },
  notices: {
    activations_nearly_used:
      'Presque toutes les activations sont utilisées : réinitialisez un appareil inutilisé avant d’en activer un nouveau.',
    deactivations_nearly_used:
      'Il reste peu de désactivations : après la dernière, seuls nous pourrons réinitialiser votre limite.',
    license_expires_soon: 'Cette licence expire bientôt : renouvelez votre abonnement pour continuer à l’utiliser.',
    signed_out: 'Vous êtes déconnecté : connectez-vous pour voir vos places et vos activations.',
  },
  app: {
    more_than_one_license:
      'Vous ne devriez jamais voir plus d’une entrée, même si vous avez acheté plusieurs abonnements. Si c’est le cas, contactez-nous.',
    offline_showing_cache: 'Vous êtes hors ligne : voici les dernières données vues par cet appareil.',
    offline_nothing_cached: 'Rien n’est encore enregistré sur cet appareil : connectez-vous une fois pour le charger.',
    generic_failure: 'Un problème est survenu : réessayez.',
    maybe_applied:
      'Envoyé, mais la réponse s’est perdue : il a peut-être déjà atteint le portail. Il est renvoyé pour savoir ce qui s’est passé ; il ne peut donc pas encore être abandonné.',
    account_existed:
      'Cet e-mail avait déjà un compte : il garde son propre mot de passe, aucun mot de passe initial ne s’applique.',
    needs_connection:
      'Vous êtes hors ligne : ceci nécessite le serveur du portail. Connectez-vous au réseau pour le faire.',
    password_changed:
      'Votre mot de passe est changé. Vous restez connecté ici ; tous les autres appareils connectés avec lui ont été déconnectés.',
    other_sessions_ended: 'Tous les autres appareils et navigateurs ont été déconnectés. Vous restez connecté ici.',
    end_other_sessions_confirm:
      'Tous les autres appareils et navigateurs où vous êtes connecté sont déconnectés. Les modifications en attente là-bas attendent que vous vous y reconnectiez.',
    initial_password_kept:
      'Transmettez-le, puis masquez-le : il est de toute façon supprimé de cet appareil {hours} heures après la modification.',
    password_copied: 'Copié dans le presse-papiers.',
    password_copy_failed:
      'Ce navigateur n’a pas laissé la page le copier : sélectionnez le mot de passe et copiez-le vous-même.',
  },
  ui: {
    counter: '{used} sur {max}',
    counterUnlimited: '{used}',
    left: '{count} restant(s)',
    noneLeft: 'aucun restant',
    unlimited: 'illimité',
    neverExpires: 'n’expire jamais',
    expiresToday: 'expire aujourd’hui',
    expiredToday: 'a expiré aujourd’hui',
    expires: 'expire {when}',
    expired: 'a expiré {when}',
    justNow: 'à l’instant',
    never: 'jamais',
    noDate: '—',
    updated: 'mis à jour {when}',
    utc: '{time} UTC',
  },
  vendorLinks: {
    contact: 'Nous contacter',
    upgrade: 'Passer à une offre supérieure',
    newTab: '(s’ouvre dans un nouvel onglet)',
  },
  messages: {
    otherAccountsWaiting:
      '{count} modification mise en attente par un autre compte sur cet appareil attend qu’il se connecte. | {count} modifications mises en attente par un autre compte sur cet appareil attendent qu’il se connecte.',
    initialPasswordNotice: 'Si le compte de {email} est nouveau, son mot de passe initial est :',
    resetPasswordNotice: 'Le nouveau mot de passe initial de {email} est :',
    queued: '{what} en file d’attente : envoi maintenant, ou dès que vous êtes de nouveau en ligne.',
    invalidField: '{field} : {reason}',
    rateLimitedSignIn:
      'Trop de tentatives de connexion : réessayez dans {count} minute. | Trop de tentatives de connexion : réessayez dans {count} minutes.',
    rateLimitedPasswordChange:
      'Trop de mots de passe actuels erronés : réessayez dans {count} minute. | Trop de mots de passe actuels erronés : réessayez dans {count} minutes.',
  },
  /** The license's lists and changes: devices, users, batch assign, Changes, Activity. */
  lists: {},
  activity: {
    kinds: {
      device_activate: 'Activations d’appareils',
      device_reset: 'Réinitialisations d’appareils',
      license_reset: 'Réinitialisations de la licence',
      user_assign: 'Attributions',
      user_unassign: 'Retraits',
      user_reset_password: 'Réinitialisations de mot de passe',
      license_create: 'Licence créée',
      license_change: 'Modifications du fournisseur',
      license_lift_deactivation_limit: 'Limite de désactivations levée',
      user_make_manager: 'Nouveaux gestionnaires de licence',
    },
    vendor: 'Le fournisseur',
    events: {
      deviceActivate: '{who} a activé {hostname} ({os})',
      deviceReset: '{who} a réinitialisé l’appareil {hostname} ({counted})',
      deviceResetOf: '{who} a réinitialisé l’appareil {hostname} de {owner} ({counted})',
      deactivationsUsed: '{used} désactivations utilisées sur {max}',
      deactivationsUsedUnlimited: '{used} désactivations utilisées, sans limite',
      licenseReset: '{who} a réinitialisé la licence : {devices} désactivés, {users} retirés',
      devices: '{count} appareil | {count} appareils',
      users: '{count} utilisateur | {count} utilisateurs',
      userAssign: '{who} a attribué une place à {email}',
      userAssignNew: '{who} a attribué une place à {email} (nouveau compte)',
      userUnassign: '{who} a retiré la place de {email}',
      userResetPassword: '{who} a réinitialisé le mot de passe de {email}',
      licenseCreate: '{who} a créé la licence, gérée par {manager}',
      licenseChange: '{who} a modifié la licence : {changes}',
      licenseLift: '{who} a levé la limite de désactivations',
      makeManager: '{who} a nommé {email} gestionnaire de licence',
      other: '{who} : {kind}',
    },
    changes: {
      quantity: 'quantité {value}',
      maxActivations: 'limite d’activations {value}',
      maxDeactivations: 'limite de désactivations {value}',
      status: 'statut {value}',
      validUntil: 'valable jusqu’au {value}',
      validForever: 'valable sans limite de durée',
      unlimited: 'illimitée',
      nothing: 'ses conditions',
      separator: ', ',
    },
  },
  batch: {
    problems: {
      email_missing: 'Aucun e-mail sur cette ligne.',
      email_invalid: 'Ce n’est pas une adresse e-mail.',
      name_invalid: 'Un nom dépasse 100 caractères.',
    },
    categories: {
      assign: 'Seront attribués',
      already_assigned: 'Déjà attribués',
      invalid: 'Invalides',
      duplicate: 'Doublons',
      over_limit: 'Au-delà des places libres',
    },
    rows: {
      assign: 'Sera attribué.',
      already_assigned: 'A déjà une place : rien ne change.',
      duplicate: 'Le même e-mail que la ligne {line} : attribué une fois.',
      over_limit: 'Nombre maximal d’utilisateurs de la licence atteint : non attribué.',
    },
    outcomes: {
      assigned: '{count} attribués',
      already_assigned: '{count} déjà attribués',
      refused: '{count} refusés',
      needs_confirmation: '{count} à confirmer',
      waiting: '{count} en attente',
      discarded: '{count} abandonnés',
      invalid: '{count} invalides',
      duplicate: '{count} doublon | {count} doublons',
      seat_limit_reached: '{count} au-delà de la limite de places',
    },
    queued:
      '{count} attribution en file d’attente : envoi maintenant, ou dès que vous êtes de nouveau en ligne. La page Modifications montre chaque résultat. | {count} attributions en file d’attente : envoi maintenant, ou dès que vous êtes de nouveau en ligne. La page Modifications montre chaque résultat.',
    tooLong: 'Cette liste a {rows} lignes : un lot en accepte au plus {max}. Divisez-la et attribuez chaque partie.',
  },
  /** The browser extension: popup, options page, toolbar badge. */
  popup: {
    manifest: {
      extName: 'Seat Portal',
      extDescription: 'Places et activations de vos licences, à un clic de la page du portail qui règle le problème.',
    },
    refresh: 'Actualiser',
    checking: 'Vérification…',
    signIn: 'Se connecter',
    openSignInPage: 'Ouvrir la page de connexion du portail ↗',
    checkingLicenses: 'Vérification de vos licences…',
    noLicense: 'Aucune licence ne vous est encore attribuée.',
    lastChecked: 'vérifié {when}',
    roles: { license_manager: 'Gestionnaire de licence', license_user: 'Utilisateur de licence' },
    counters: { activations: 'Activations', seats: 'Places', deactivations: 'Désactivations' },
    links: {
      label: 'Ouvrir dans le portail',
      licenses: 'Licences',
      license: 'Licence',
      devices: 'Appareils',
      users: 'Utilisateurs',
    },
    badge: {
      ok: 'Seat Portal',
      near: 'Seat Portal : une limite est presque atteinte',
      at_limit: 'Seat Portal : activée sur trop d’appareils',
      deactivation_limit: 'Seat Portal : plus aucune désactivation',
      signed_out: 'Seat Portal : déconnecté',
      unknown: 'Seat Portal : pas encore vérifié',
    },
    options: {
      pageTitle: 'Paramètres de Seat Portal',
      lead: 'Connectez-vous à votre portail de licences pour voir vos places, activations et désactivations dans la barre d’outils.',
      signedInAs: 'Connecté en tant que {email} sur {portal}.',
      otherPortal: 'Pour utiliser un autre portail, déconnectez-vous d’abord.',
      signOut: 'Se déconnecter',
      signingOut: 'Déconnexion…',
      language: 'Langue',
      theme: 'Thème',
      themes: { system: 'Système', light: 'Clair', dark: 'Sombre' },
    },
    form: {
      portalUrl: 'URL du portail',
      companyId: 'ID d’entreprise',
      email: 'E-mail',
      password: 'Mot de passe',
      signingIn: 'Connexion…',
      reasons: {
        portalUrl: 'saisissez l’adresse du portail, par ex. {example}',
        companyId: 'saisissez votre ID d’entreprise',
        email: 'Adresse e-mail non valide',
        password: 'saisissez votre mot de passe',
        tooLong: 'trop long',
      },
    },
  },
};
