import { english, type Text } from '../i18n';
import type { CommandKind, OutboxRow } from '../schemas';
import { deviceReset } from './device-reset';
import { licenseGrant } from './license-grant';
import { licenseReset } from './license-reset';
import type { CommandBody, CommandModule, PendingMarks, RowOf } from './types';
import { userAssign } from './user-assign';
import { userResetPassword } from './user-reset-password';
import { userUnassign } from './user-unassign';

/**
 * Every command kind the clients know, by kind: the one table everything that differs by kind
 * reads. A new kind is its module here (and on the server, and its texts in the catalogs).
 */
export const COMMANDS = byKind([deviceReset, licenseReset, licenseGrant, userAssign, userUnassign, userResetPassword]);

/** The modules by their kind; it type-checks only when every kind has exactly its module. */
function byKind<const M extends readonly CommandModule<CommandKind>[]>(
  modules: M & (CommandKind extends M[number]['kind'] ? unknown : 'a command kind has no module'),
): { readonly [K in CommandKind]: CommandModule<K> } {
  return Object.fromEntries(modules.map((m) => [m.kind, m])) as { [K in CommandKind]: CommandModule<K> };
}

/** The module of a row's kind, typed to take that row (TypeScript cannot pair the two by itself). */
export const commandOf = (row: { kind: CommandKind }): CommandModule<CommandKind> =>
  COMMANDS[row.kind] as CommandModule<CommandKind>;

/** Whether a kind (as a view or a newer client's row has it) is one this client knows. */
export const isCommandKind = (kind: string | undefined): kind is CommandKind =>
  kind !== undefined && Object.hasOwn(COMMANDS, kind);

/** Whether the initial password a change shows holds for sure (a reset's), not only for a new account. */
export const passwordCertain = (kind: string | undefined): boolean =>
  isCommandKind(kind) && COMMANDS[kind].passwordCertain;

/** What the pages mark as waiting for one pending command. */
export const marksOf = (command: CommandBody): PendingMarks => commandOf(command).marks(command);

/** The marks of one sort among pending commands (e.g. the devices with a reset waiting). */
export const pendingMarks = (rows: readonly CommandBody[], mark: keyof PendingMarks): Set<string> =>
  new Set(rows.flatMap((row) => marksOf(row)[mark] ?? []));

/** What a confirmed command carries: what the user sees now for its target, from the cache. */
export const basisNow = (db: Parameters<CommandModule<CommandKind>['basisNow']>[0], row: OutboxRow) =>
  commandOf(row).basisNow(db, row);

/** A new command of one kind as a store queues it: its subject and English label beside it. */
export function draftOf<K extends CommandKind>(
  command: CommandModule<K>,
  fields: { payload: RowOf<K>['payload']; basis: NonNullable<RowOf<K>['basis']>; licenseId: string; subject: string },
) {
  return {
    kind: command.kind,
    payload: fields.payload,
    basis: fields.basis,
    licenseId: fields.licenseId,
    subject: fields.subject,
    label: english(command.label(fields.subject)),
  };
}

/**
 * A queued command as the Changes view says it: from its kind and subject; a row queued before
 * commands kept their subject has only its English label (`licenseName` stands in for the kinds
 * named by their license).
 */
export function commandDescription(
  command: { kind: CommandKind; label: string; subject?: string },
  licenseName?: string,
): Text | string {
  const module = COMMANDS[command.kind];
  const subject = command.subject ?? (module.namedByLicense ? licenseName : undefined);
  return subject === undefined ? command.label : module.label(subject);
}
