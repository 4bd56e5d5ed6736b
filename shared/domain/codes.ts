/** Stable error codes: the wire, the rules and the messages module all use these strings. */
export const ERROR_CODES = [
  // rules
  'activation_limit_reached',
  'deactivation_limit_reached',
  'max_license_users_reached',
  'license_disabled',
  'license_expired',
  'license_inactive',
  'not_assigned',
  'not_license_manager',
  'forbidden',
  'not_found',
  'unknown_endpoint',
  'cannot_unassign_manager',
  'cannot_reset_manager_password',
  'cannot_reset_password_elsewhere',
  'weak_password',
  'too_many_new_passwords',
  'conflict',
  'op_id_reused',
  'too_many_commands',
  'hardware_in_use',
  // signed license files (the vendor's decisions)
  'license_file_malformed',
  'license_file_unknown_key',
  'license_file_bad_signature',
  'license_file_no_vendor_key',
  'license_file_wrong_company',
  'license_file_stale_serial',
  // grant codes (the vendor's answer to "contact us")
  'grant_code_malformed',
  'grant_code_bad_signature',
  'grant_code_expired',
  'grant_code_used',
  'grant_code_wrong_license',
  // auth and transport
  'invalid_credentials',
  'wrong_current_password',
  'same_password',
  'rate_limited',
  'unauthorized',
  'password_change_required',
  'initial_password_expired',
  'invalid_request',
  'unsupported_media_type',
  'payload_too_large',
  'internal_error',
  // client side
  'network_error',
  'server_unavailable',
  'invalid_response',
  'held_by_earlier_change',
  'passwords_differ',
  'change_in_flight',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * The refusals of the changes the PWA queues: their texts are a catalog section of their own
 * (`commandErrors`), so the extension, which queues nothing, leaves them out of its bundle.
 */
export const COMMAND_ERROR_CODES = [
  'cannot_unassign_manager',
  'cannot_reset_manager_password',
  'cannot_reset_password_elsewhere',
  'weak_password',
  'too_many_new_passwords',
  'conflict',
  'op_id_reused',
  'too_many_commands',
  'held_by_earlier_change',
  'change_in_flight',
  'grant_code_malformed',
  'grant_code_bad_signature',
  'grant_code_expired',
  'grant_code_used',
  'grant_code_wrong_license',
] as const satisfies readonly ErrorCode[];
export type CommandErrorCode = (typeof COMMAND_ERROR_CODES)[number];

/** Things the user should know before committing a command that is still allowed. */
export const WARNING_CODES = ['uses_last_deactivation', 'uses_last_seat', 'near_activation_limit'] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

/** Standing notices about a license's state (extension popup, dashboard): not tied to a command. */
export const NOTICE_CODES = [
  'activations_nearly_used',
  'deactivations_nearly_used',
  'license_expires_soon',
  'signed_out',
] as const;
export type NoticeCode = (typeof NOTICE_CODES)[number];

/** Texts the apps show about the page itself (not a rule or a command): data age, odd states. */
export const APP_NOTICE_CODES = [
  'more_than_one_license',
  'offline_showing_cache',
  'offline_nothing_cached',
  'generic_failure',
  'account_existed',
  'maybe_applied',
  'needs_connection',
  'password_changed',
  'other_sessions_ended',
  'end_other_sessions_confirm',
  'initial_password_kept',
  'password_copied',
  'password_copy_failed',
] as const;
export type AppNoticeCode = (typeof APP_NOTICE_CODES)[number];
