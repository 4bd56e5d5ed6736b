import type { Command, CommandKind, CommandOf } from '@shared/schemas';
import { deviceResetCommand } from './device-reset';
import type { CommandContext, Effect, ServerCommand } from './effect';
import { licenseGrantCommand } from './license-grant';
import { licenseResetCommand } from './license-reset';
import { userAssignCommand } from './user-assign';
import { userResetPasswordCommand } from './user-reset-password';
import { userUnassignCommand } from './user-unassign';

/**
 * Every command kind the server applies, by kind: the one table the sync reads for whatever
 * differs by kind. A new kind is its module here (and its shared module, and the catalogs).
 */
export const SERVER_COMMANDS = byKind([
  deviceResetCommand,
  licenseResetCommand,
  licenseGrantCommand,
  userAssignCommand,
  userUnassignCommand,
  userResetPasswordCommand,
]);

/** The modules by their kind; it type-checks only when every kind has exactly its module. */
function byKind<const M extends readonly { readonly kind: CommandKind }[]>(
  modules: M & (CommandKind extends M[number]['kind'] ? unknown : 'a command kind has no module'),
): { readonly [K in CommandKind]: ServerCommand<K> } {
  return Object.fromEntries(modules.map((m) => [m.kind, m])) as { [K in CommandKind]: ServerCommand<K> };
}

/** The module of a command's kind, typed to take that command (TypeScript cannot pair the two by itself). */
export const serverCommandOf = (command: Command): ServerCommand<CommandKind> =>
  SERVER_COMMANDS[command.kind] as ServerCommand<CommandKind>;

/** Applies a command by its kind's module. */
export const decide = (ctx: CommandContext, command: Command): Promise<Effect> =>
  serverCommandOf(command).apply(ctx, command);

/** The device a command names, if it is about a device (read before its chunk). */
export function deviceIdOf(command: Command): string | undefined {
  const target = serverCommandOf(command).target(command);
  return 'deviceId' in target ? target.deviceId : undefined;
}

/** A command that sets an initial password (an assign, a password reset): one kind's, typed. */
export type SetsPassword = {
  [K in CommandKind]: 'initialPassword' extends keyof CommandOf<K>['payload'] ? CommandOf<K> : never;
}[CommandKind];

export const setsPassword = (command: Command): command is SetsPassword =>
  serverCommandOf(command).setsPassword !== undefined;

/** The email an initial password is made for only when it has no account yet (an assign's). */
export const newAccountEmail = (command: SetsPassword): string | undefined =>
  serverCommandOf(command).setsPassword?.newAccountEmail?.(command);
