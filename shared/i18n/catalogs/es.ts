import type { Catalog } from '../catalog';

/** Español. */
export const es: Catalog = {
  /** The PWA's frame and its pages: header, sign-in, dashboard, licenses, license, profile. */
  shell: {},
  errors: {
    activation_limit_reached:
      'Esta licencia está activada en demasiados dispositivos: restablezca un dispositivo para activar otro.',
    deactivation_limit_reached:
      'Ha alcanzado el límite de veces que puede desactivar un dispositivo: contáctenos para restablecer su límite.',
    max_license_users_reached:
      'Se alcanzó el número máximo de usuarios de la licencia: mejore su suscripción y compre suscripciones adicionales para asignar más usuarios.',
    license_disabled: 'Esta licencia está deshabilitada: contáctenos.',
    license_expired: 'Esta licencia ha caducado: renueve su suscripción.',
    license_inactive: 'Esta licencia aún no está activa.',
    not_assigned: 'No es usuario de esta licencia: pida a su administrador de licencias que le asigne.',
    not_license_manager: 'Solo un administrador de licencias puede hacer esto.',
    forbidden: 'No puede cambiar esto: pertenece a otro usuario.',
    not_found: 'Esto ya no existe.',
    cannot_unassign_manager:
      'Un administrador de licencias conserva su puesto: contáctenos para cambiar de administrador.',
    cannot_reset_manager_password:
      'Un administrador de licencias cambia su propia contraseña en su perfil: no se puede restablecer aquí.',
    conflict: 'Ahora esto haría más que cuando lo pidió: confírmelo de nuevo o descártelo.',
    op_id_reused:
      'Este identificador de cambio ya se usó para otro cambio: no se hizo nada. Vuelva a poner el cambio en cola.',
    too_many_commands: 'Demasiados cambios en una solicitud para su rol: este no se hizo. Envíelo de nuevo más tarde.',
    hardware_in_use:
      'Otro usuario de la licencia activó esta máquina: pídale a él o a su administrador que la restablezca primero.',
    wrong_current_password: 'currentPassword: esta no es su contraseña actual.',
    same_password: 'newPassword: elija una contraseña distinta de la actual.',
    unknown_endpoint: 'No existe ese punto de acceso de la API: vea la tabla de la API en el README.',
    invalid_credentials: 'El ID de empresa, el correo o la contraseña no son correctos.',
    rate_limited: 'Demasiados intentos: inténtelo de nuevo más tarde.',
    unauthorized: 'Su sesión ha terminado: inicie sesión de nuevo.',
    password_change_required: 'Elija una contraseña nueva antes de continuar.',
    invalid_request: 'Parte de lo enviado no es válido.',
    unsupported_media_type: 'Envíe la solicitud como JSON (Content-Type: application/json).',
    payload_too_large: 'La solicitud es demasiado grande.',
    internal_error: 'Algo salió mal en el servidor: inténtelo de nuevo más tarde.',
    network_error: 'No se puede acceder al portal: está sin conexión o el servidor no funciona.',
    server_unavailable: 'El servidor del portal está ocupado o caído: se volverá a intentar.',
    invalid_response:
      'El servidor del portal envió una respuesta que esta aplicación no entiende: actualice la aplicación.',
    passwords_differ: 'Las dos contraseñas nuevas no coinciden: escriba la misma contraseña nueva dos veces.',
    held_by_earlier_change:
      'Espera a un cambio anterior de esta licencia que fue rechazado: reinténtelo o descártelo primero.',
    change_in_flight: 'Este cambio se está enviando ahora mismo: inténtelo de nuevo en un momento.',
    unknown: 'Algo salió mal: inténtelo de nuevo.',
  },
  warnings: {
    uses_last_deactivation: 'Esto usa su última desactivación: después, solo nosotros podemos restablecer su límite.',
    uses_last_seat: 'Esto usa el último puesto libre de la licencia.',
    near_activation_limit: 'Esto usa la última activación de la licencia.',
  },
  notices: {
    activations_nearly_used:
      'Casi todas las activaciones están en uso: restablezca un dispositivo que ya no use antes de activar uno nuevo.',
    deactivations_nearly_used:
      'Quedan pocas desactivaciones: después de la última, solo nosotros podemos restablecer su límite.',
    license_expires_soon: 'Esta licencia caduca pronto: renueve su suscripción para seguir usándola.',
    signed_out: 'Ha cerrado sesión: inicie sesión para ver sus puestos y activaciones.',
  },
  app: {
    more_than_one_license:
      'Nunca debería ver más de una entrada, aunque haya comprado varias suscripciones. Si la ve, contáctenos.',
    offline_showing_cache: 'Está sin conexión: se muestran los últimos datos que vio este dispositivo.',
    offline_nothing_cached: 'Aún no hay nada guardado en este dispositivo: conéctese una vez para cargarlo.',
    generic_failure: 'Algo salió mal: inténtelo de nuevo.',
    maybe_applied:
      'Enviado, pero la respuesta se perdió: puede que ya haya llegado al portal. Se envía de nuevo para saber qué pasó, así que aún no se puede descartar.',
    account_existed:
      'Este correo ya tenía una cuenta: conserva su propia contraseña, no se aplica ninguna contraseña inicial.',
    needs_connection: 'Está sin conexión: esto necesita el servidor del portal. Conéctese a la red para hacerlo.',
    password_changed:
      'Su contraseña ha cambiado. Sigue con la sesión iniciada aquí; se cerró la sesión en todos los demás dispositivos.',
    other_sessions_ended:
      'Se cerró la sesión en todos los demás dispositivos y navegadores. Aquí sigue con la sesión iniciada.',
    end_other_sessions_confirm:
      'Se cierra la sesión en todos los demás dispositivos y navegadores. Los cambios en cola allí esperan hasta que vuelva a iniciar sesión en ellos.',
    initial_password_kept:
      'Comuníquela y luego descártela: de todos modos se elimina de este dispositivo {hours} horas después de hacerse el cambio.',
    password_copied: 'Copiada al portapapeles.',
    password_copy_failed: 'Este navegador no dejó copiarla a la página: seleccione la contraseña y cópiela usted.',
  },
  ui: {
    counter: '{used} de {max}',
    counterUnlimited: '{used}',
    left: 'quedan {count}',
    noneLeft: 'no queda ninguna',
    unlimited: 'ilimitado',
    neverExpires: 'no caduca nunca',
    expiresToday: 'caduca hoy',
    expiredToday: 'caducó hoy',
    expires: 'caduca {when}',
    expired: 'caducó {when}',
    justNow: 'ahora mismo',
    never: 'nunca',
    noDate: '—',
    updated: 'actualizado {when}',
    utc: '{time} UTC',
  },
  vendorLinks: {
    contact: 'Contáctenos',
    upgrade: 'Mejore su suscripción',
    newTab: '(se abre en una pestaña nueva)',
  },
  messages: {
    otherAccountsWaiting:
      '{count} cambio en cola de otra cuenta en este dispositivo espera a que esa cuenta inicie sesión. | {count} cambios en cola de otra cuenta en este dispositivo esperan a que esa cuenta inicie sesión.',
    initialPasswordNotice: 'Si la cuenta de {email} es nueva, su contraseña inicial es:',
    resetPasswordNotice: 'La nueva contraseña inicial de {email} es:',
    queued: '{what} en cola: se envía ahora o en cuanto vuelva a tener conexión.',
    invalidField: '{field}: {reason}',
    rateLimitedSignIn:
      'Demasiados intentos de inicio de sesión: inténtelo de nuevo en {count} minuto. | Demasiados intentos de inicio de sesión: inténtelo de nuevo en {count} minutos.',
    rateLimitedPasswordChange:
      'Demasiadas contraseñas actuales incorrectas: inténtelo de nuevo en {count} minuto. | Demasiadas contraseñas actuales incorrectas: inténtelo de nuevo en {count} minutos.',
  },
  /** The license's lists and changes: devices, users, batch assign, Changes, Activity. */
  lists: {},
  activity: {
    kinds: {
      device_activate: 'Activaciones de dispositivos',
      device_reset: 'Restablecimientos de dispositivos',
      license_reset: 'Restablecimientos de la licencia',
      user_assign: 'Asignaciones',
      user_unassign: 'Desasignaciones',
      user_reset_password: 'Restablecimientos de contraseña',
      license_create: 'Licencia creada',
      license_change: 'Cambios del proveedor',
      license_lift_deactivation_limit: 'Límite de desactivaciones levantado',
      user_make_manager: 'Nuevos administradores de licencias',
    },
    vendor: 'El proveedor',
    events: {
      deviceActivate: '{who} activó {hostname} ({os})',
      deviceReset: '{who} restableció el dispositivo {hostname} ({counted})',
      deviceResetOf: '{who} restableció el dispositivo {hostname} de {owner} ({counted})',
      deactivationsUsed: '{used} de {max} desactivaciones usadas',
      deactivationsUsedUnlimited: '{used} desactivaciones usadas, sin límite',
      licenseReset: '{who} restableció la licencia: {devices} desactivados, {users} desasignados',
      devices: '{count} dispositivo | {count} dispositivos',
      users: '{count} usuario | {count} usuarios',
      userAssign: '{who} asignó a {email}',
      userAssignNew: '{who} asignó a {email} (cuenta nueva)',
      userUnassign: '{who} desasignó a {email}',
      userResetPassword: '{who} restableció la contraseña de {email}',
      licenseCreate: '{who} creó la licencia, administrada por {manager}',
      licenseChange: '{who} cambió la licencia: {changes}',
      licenseLift: '{who} levantó el límite de desactivaciones',
      makeManager: '{who} nombró a {email} administrador de licencias',
      other: '{who}: {kind}',
    },
    changes: {
      quantity: 'cantidad {value}',
      maxActivations: 'límite de activaciones {value}',
      maxDeactivations: 'límite de desactivaciones {value}',
      status: 'estado {value}',
      validUntil: 'válida hasta {value}',
      validForever: 'válida para siempre',
      unlimited: 'ilimitado',
      nothing: 'sus condiciones',
      separator: ', ',
    },
  },
  batch: {
    problems: {
      email_missing: 'No hay correo en esta línea.',
      email_invalid: 'Esto no es una dirección de correo.',
      name_invalid: 'Un nombre tiene más de 100 caracteres.',
    },
    categories: {
      assign: 'Se asignarán',
      already_assigned: 'Ya asignados',
      invalid: 'No válidos',
      duplicate: 'Duplicados',
      over_limit: 'Más allá de los puestos libres',
    },
    rows: {
      assign: 'Se asignará.',
      already_assigned: 'Ya tiene un puesto: no cambia nada.',
      duplicate: 'El mismo correo que la línea {line}: se asigna una vez.',
      over_limit: 'Se alcanzó el número máximo de usuarios de la licencia: no se asigna.',
    },
    outcomes: {
      assigned: '{count} asignados',
      already_assigned: '{count} ya asignados',
      refused: '{count} rechazados',
      needs_confirmation: '{count} por confirmar',
      waiting: '{count} en espera',
      discarded: '{count} descartados',
      invalid: '{count} no válidos',
      duplicate: '{count} duplicado | {count} duplicados',
      seat_limit_reached: '{count} más allá del límite de puestos',
    },
    queued:
      '{count} asignación en cola: se envía ahora o en cuanto vuelva a tener conexión. La página Cambios muestra cada resultado. | {count} asignaciones en cola: se envían ahora o en cuanto vuelva a tener conexión. La página Cambios muestra cada resultado.',
    tooLong: 'Esta lista tiene {rows} filas: un lote admite como máximo {max}. Divídala y asigne cada parte.',
  },
  /** The browser extension: popup, options page, toolbar badge. */
  popup: {
    manifest: {
      extName: 'Seat Portal',
      extDescription:
        'Puestos y activaciones de sus licencias, a un clic de la página del portal que resuelve cada problema.',
    },
    refresh: 'Actualizar',
    checking: 'Comprobando…',
    signIn: 'Iniciar sesión',
    openSignInPage: 'Abrir la página de inicio de sesión del portal ↗',
    checkingLicenses: 'Comprobando sus licencias…',
    noLicense: 'Todavía no tiene ninguna licencia asignada.',
    lastChecked: 'comprobado {when}',
    roles: { license_manager: 'Gestor de la licencia', license_user: 'Usuario de la licencia' },
    counters: { activations: 'Activaciones', seats: 'Puestos', deactivations: 'Desactivaciones' },
    links: {
      label: 'Abrir en el portal',
      licenses: 'Licencias',
      license: 'Licencia',
      devices: 'Dispositivos',
      users: 'Usuarios',
    },
    badge: {
      ok: 'Seat Portal',
      near: 'Seat Portal: un límite está casi alcanzado',
      at_limit: 'Seat Portal: activada en demasiados dispositivos',
      deactivation_limit: 'Seat Portal: no quedan desactivaciones',
      signed_out: 'Seat Portal: sesión cerrada',
      unknown: 'Seat Portal: aún sin comprobar',
    },
    options: {
      pageTitle: 'Ajustes de Seat Portal',
      lead: 'Inicie sesión en su portal de licencias para ver sus puestos, activaciones y desactivaciones en la barra de herramientas.',
      signedInAs: 'Sesión iniciada como {email} en {portal}.',
      otherPortal: 'Para usar otro portal, cierre sesión primero.',
      signOut: 'Cerrar sesión',
      signingOut: 'Cerrando sesión…',
      language: 'Idioma',
      theme: 'Tema',
      themes: { system: 'Sistema', light: 'Claro', dark: 'Oscuro' },
    },
    form: {
      portalUrl: 'URL del portal',
      companyId: 'ID de empresa',
      email: 'Correo electrónico',
      password: 'Contraseña',
      signingIn: 'Iniciando sesión…',
      reasons: {
        portalUrl: 'introduzca la dirección del portal, p. ej. {example}',
        companyId: 'introduzca su ID de empresa',
        email: 'Dirección de correo no válida',
        password: 'introduzca su contraseña',
        tooLong: 'demasiado largo',
      },
    },
  },
};
