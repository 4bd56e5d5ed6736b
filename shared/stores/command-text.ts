import { english } from '../domain';
import { keyPart, text, type MessageKey, type Text } from '../i18n';
import type { CommandKind } from '../schemas';

/** "Reset device dev-laptop", "Assign nia@codeglass.example": a queued command in words. */
export const commandMessage = (kind: CommandKind, subject: string): Text =>
  text(`lists.changes.commands.${keyPart(kind)}` as MessageKey, { subject });

/**
 * What a store stores beside a new command: its subject, from which the Changes view says it in
 * the reader's language, and its English (`label`, for rows read by an older client and logs).
 */
export const described = (kind: CommandKind, subject: string) => ({
  subject,
  label: english(commandMessage(kind, subject)),
});

/**
 * A queued command as the Changes view says it: from its kind and subject; a row queued before
 * commands kept their subject has only its English label (`fallbackSubject`, e.g. the license's
 * name for a license reset, stands in when known).
 */
export function commandDescription(
  command: { kind: CommandKind; label: string; subject?: string },
  fallbackSubject?: string,
): Text | string {
  const subject = command.subject ?? fallbackSubject;
  return subject === undefined ? command.label : commandMessage(command.kind, subject);
}
