import type { Generated } from 'kysely';
import type { LicenseStatus, LicenseType, SubscriptionKind } from '@shared/domain';
import type { CommandKind, Outcome } from '@shared/schemas';

/**
 * Table shapes as stored. Booleans are 0/1 integers and times ISO-8601 text so the same SQL
 * runs on SQLite and PostgreSQL. Columns that only ever hold one of the domain's values are typed
 * as that union: only the server writes them, always from a typed value.
 */
export interface Database {
  companies: CompanyTable;
  users: UserTable;
  licenses: LicenseTable;
  license_managers: { license_id: string; user_id: string };
  assignments: { license_id: string; user_id: string; assigned_at: string; version: number };
  assignment_tombstones: { license_id: string; user_id: string; version: number; removed_at: string };
  devices: DeviceTable;
  sessions: SessionTable;
  applied_ops: AppliedOpTable;
  audit_events: AuditEventTable;
  sign_in_limits: SignInLimitTable;
  license_files: LicenseFileTable;
  server_keys: { fingerprint: string; private_pem: string; created_at: string };
  grant_codes: GrantCodeTable;
  vendor_keys: VendorKeyTable;
}

/** A vendor public key the server was started with (migration 010): what every import is checked against. */
export interface VendorKeyTable {
  fingerprint: string;
  /** SPKI PEM. */
  public_pem: string;
  recorded_at: string;
}

/** A grant code used once (migration 009): its id, the license it changed, who sent it and when. */
interface GrantCodeTable {
  id: string;
  license_id: string;
  used_by: string;
  op_id: string;
  used_at: string;
}

/** The license file a company imported last (migration 008). */
export interface LicenseFileTable {
  company_id: string;
  serial: number;
  /** Fingerprint of the vendor key that signed it. */
  signed_by: string;
  /** The compact JWS as imported. */
  file: string;
  imported_at: string;
}

export interface CompanyTable {
  id: string;
  /** The Company ID people type at sign-in, as the vendor spelled it. */
  public_id: string;
  /** Lower-cased public_id: unique, so look-ups are case-insensitive on both databases. */
  public_id_key: string;
  name: string;
  created_at: string;
  /** The vendor's links for this company (null: the server's CONTACT_URL / UPGRADE_URL). */
  contact_url: string | null;
  upgrade_url: string | null;
}

export interface UserTable {
  id: string;
  company_id: string;
  /** Normalized (trimmed, lower case); unique per company. */
  email: string;
  first_name: string;
  last_name: string;
  password_hash: string;
  must_change_password: number;
  created_at: string;
  /** Raised by every password change and reset; sessions carry the version they were made under. */
  password_version: Generated<number>;
  /** When the unused initial password stops working; null once the user chose their own (migration 006). */
  initial_password_expires_at: string | null;
}

export interface LicenseTable {
  id: string;
  company_id: string;
  name: string;
  subscription_kind: SubscriptionKind;
  license_type: LicenseType;
  status: LicenseStatus;
  valid_until: string | null;
  quantity: number;
  max_activations: number | null;
  max_deactivations: number | null;
  deactivation_count: number;
  created_at: string;
  /** Bumped (under the license lock) by every write to its devices, assignments or managers. */
  version: number;
  /** Counters kept by every writer, so counts never scan the devices or assignments. */
  active_devices: number;
  seats_used: number;
  /** Change cursors at or below this version cannot be continued (tombstones pruned). */
  pruned_version: number;
}

export interface DeviceTable {
  id: string;
  license_id: string;
  user_id: string;
  hardware_id: string;
  hostname: string;
  os: string;
  first_activated_at: string;
  last_checked_at: string;
  active: number;
  deactivated_at: string | null;
  /** The license version of the write that last changed this row. */
  version: number;
}

interface SessionTable {
  token_hash: string;
  user_id: string;
  /** The user's password_version when it was created: it ends when that changes. */
  password_version: number;
  created_at: string;
  expires_at: string;
  last_used_at: string;
}

export interface AppliedOpTable {
  company_id: string;
  op_id: string;
  user_id: string;
  kind: CommandKind;
  outcome: Outcome;
  code: string | null;
  message: string | null;
  result_json: string | null;
  applied_at: string;
  /** SHA-256 of the command (kind + payload): the opId answers only that command. Null before 002. */
  command_hash: string | null;
}

export interface AuditEventTable {
  id: Generated<number>;
  company_id: string;
  /** null when the vendor CLI acted. */
  actor_user_id: string | null;
  actor: string;
  license_id: string | null;
  action: string;
  op_id: string | null;
  detail_json: string;
  at: string;
}

/** One counter of sign-in attempts in a fixed window (see server/auth/rate-limit.ts). */
interface SignInLimitTable {
  limit_key: string;
  attempts: number;
  window_ends_at: string;
}
