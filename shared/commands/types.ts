import type { PortalDb } from '../db';
import type { Text } from '../i18n';
import type { CommandKind, Device, LicenseUser, OutboxRow } from '../schemas';

/** A queued row of one kind (its payload and basis typed for it). */
export type RowOf<K extends CommandKind> = Extract<OutboxRow, { kind: K }>;

/** A command's kind and payload, which every form of it (a row, a view of one) has. */
type BodyOf<K extends CommandKind> = K extends CommandKind ? Pick<RowOf<K>, 'kind' | 'payload'> : never;
export type CommandBody = BodyOf<CommandKind>;

/** What a confirmation dialog shows about one command, apart from the decision. */
export interface CommandText {
  kind: CommandKind;
  /** e.g. "Reset dev-laptop?" */
  title: Text;
  /** What it does, e.g. "Deactivates this device; its user can activate another one." */
  effects: Text[];
  /** What it costs, e.g. "Uses 1 deactivation: 2 of 5 used so far." */
  costs: Text[];
  /** The confirm button, e.g. "Reset device". */
  confirmText: Text;
  /** Irreversible (a reset, an unassign): the confirm button says so. */
  danger: boolean;
  /** The notice once it is queued. */
  queuedText: Text;
}

/** What the pages mark as waiting on a license: devices by id, seats by user id or email, password resets by user id. */
export interface PendingMarks {
  device?: string;
  user?: string;
  password?: string;
}

/** The users of one license as the overlay builds them up, command by command. */
export interface UsersOverlay {
  readonly licenseId: string;
  /** How many shown users hold this (normalized) email. */
  holders(email: string): number;
  add(user: LicenseUser): void;
  /** Removes a user who is not a manager (a manager keeps their seat). */
  remove(userId: string): void;
  /** Removes every shown user who is not a manager, each at most once. */
  removeOthers(): void;
}

/** A license's counters as the overlay works them out, command by command. */
export interface CountersOverlay {
  /** The license's cached devices, by id (only those the commands name may be there). */
  readonly devices: ReadonlyMap<string, Device>;
  /** The license's cached users (none: the commands' bases stand in). */
  readonly users: readonly LicenseUser[];
  readonly usersById: ReadonlyMap<string, LicenseUser>;
  activations: number;
  deactivationCount: number;
  /** The deactivation limit (null: none): a grant code raises it. */
  maxDeactivations: number | null;
  seats: number;
  /** Devices a pending reset already turned off. */
  readonly reset: Set<string>;
  /** Emails holding a seat now (normalized). */
  assigned: Set<string>;
  /** Users a pending unassign already removed. */
  readonly unassigned: Set<string>;
}

/**
 * Everything the clients know of one command kind: the one place to look, and (with its server
 * module under server/services/commands and the catalogs) the only place to change, for a kind.
 * Methods, so a module of one kind stands in the table of all kinds.
 */
export interface CommandModule<K extends CommandKind> {
  readonly kind: K;
  /** The Changes view's words for it ("Reset device dev-laptop"), from its subject. */
  label(subject: string): Text;
  /** The Activity tab's name of its events (the filter). */
  eventKindText(): Text;
  /**
   * The Activity tab's line of one of its events: `who` did it (the actor, or the vendor), `actor`
   * is their email, `license.maxDeactivations` the license's limit now (null: unlimited).
   */
  eventText(
    detail: Record<string, unknown>,
    who: string | Text,
    actor: string,
    license: { maxDeactivations: number | null },
  ): Text;
  /** The confirmation dialog's list test id (the page tests and e2e page objects find it by this). */
  readonly previewTestId: string;
  /**
   * The subject an old row without one is named by, when the license's name says it (a license
   * reset): else the row's English label stands.
   */
  readonly namedByLicense: boolean;
  /** It sets an initial password: each costs the server a hash, so a batch carries only so many. */
  readonly setsPassword: boolean;
  /** The password a user reads as certain before it applied (a reset's), not "if the account is new" (an assign's). */
  readonly passwordCertain: boolean;
  /** The initial password it carries, if any. */
  initialPassword(row: RowOf<K>): string | undefined;
  /** What the user sees now for its target, from the cache: the basis a confirmed command carries. */
  basisNow(db: PortalDb, row: RowOf<K>): Promise<RowOf<K>['basis']>;
  /** What the pages mark as waiting while it is queued. */
  marks(command: BodyOf<K>): PendingMarks;
  /** The devices it turns off while pending: one device, or every device of a license. */
  devicesOff(row: RowOf<K>): { deviceId?: string; licenseId?: string };
  /** Its effect on a license's users while pending. */
  overlayUsers(row: RowOf<K>, users: UsersOverlay): void;
  /** Its effect on a license's counters while pending. */
  overlayCounters(row: RowOf<K>, counters: CountersOverlay): void;
}

/** The password part of a kind that sets none (every kind but an assign and a password reset). */
export const SETS_NO_PASSWORD = {
  setsPassword: false,
  passwordCertain: false,
  initialPassword: (): undefined => undefined,
} as const;
