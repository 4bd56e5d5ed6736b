import type { Decision, LicenseResetDecision } from '../domain';
import { errorText } from '../domain';
import type { Text } from '../i18n';
import type { CommandPreview } from '../commands';

export {
  actorFor,
  notFound,
  previewOf,
  type CommandPreview,
  type LicenseResetPreview,
  type Preview,
} from '../commands';

/** A command queued (ok) or refused before queueing because the cache already shows it would fail. */
export type QueueResult =
  | {
      ok: true;
      opId: string;
      /** Every command queued in the step (an unassign with its devices' resets). */ opIds?: string[];
    }
  | { ok: false; code: string; message: Text };

/** The preview of any command, as the confirmation dialog takes it. */
export type AnyCommandPreview = CommandPreview<Decision | LicenseResetDecision>;

export function refused(code: string): QueueResult {
  return { ok: false, code, message: errorText(code) };
}
