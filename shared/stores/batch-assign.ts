import { defineStore } from 'pinia';
import { computed } from 'vue';
import {
  batchRowText,
  batchTooLongText,
  english,
  errorText,
  MAX_BATCH_ROWS,
  planBatchAssign,
  type BatchDecision,
  type BatchInputRow,
  type BatchOutcome,
  type BatchPlan,
} from '../domain';
import type { Text } from '../i18n';
import type { BatchPlannedRow, BatchRow } from '../schemas';
import { generateInitialPassword } from '../commands';
import type { CommandView } from '../sync/state';
import { uuidv7 } from '../sync/uuid7';
import { actorFor, draftOf, notFound, userAssign } from '../commands';
import { readBatchInput, writeCsv } from '../files';
import { useLicensesStore } from './licenses';
import { useLive } from '../composables/live';
import { useOutboxStore } from './outbox';
import { usePortal } from '../composables/portal';
import { useQueueBatch } from '../composables/queue-command';
import { useSessionStore } from './session';
import { useUsersStore } from './users';

/** One input row of a queued batch and where it ended. */
export interface BatchResultRow extends BatchPlannedRow {
  outcome: BatchOutcome;
  /** Why (a refusal's code, an invalid row's problem); none when it went as planned. */
  reason?: Text;
  /** The account was created by this assign (false: it existed; undefined: not known yet). */
  accountCreated?: boolean;
  /** A created account's initial password, until the batch is dismissed. */
  initialPassword?: string;
}

/** A queued batch as the Changes page and its results file show it. */
export interface BatchView {
  groupId: string;
  licenseId: string;
  createdAt: string;
  source: string;
  dismissed: boolean;
  rows: BatchResultRow[];
  counts: Partial<Record<BatchOutcome, number>>;
}

const NOT_QUEUED: Record<string, BatchOutcome> = {
  already_assigned: 'already assigned',
  invalid: 'invalid',
  duplicate: 'duplicate',
  over_limit: 'seat limit reached',
};
const BY_STATE: Partial<Record<CommandView['state'], BatchOutcome>> = {
  applied: 'assigned',
  already_done: 'already assigned',
  rejected: 'refused',
  conflict: 'needs confirmation',
};

/** Where one planned row ended, from its command's view (none: discarded, or not queued at all). */
function resultOf(row: BatchPlannedRow, command: CommandView | undefined, dismissed?: string): BatchResultRow {
  if (!row.opId) return { ...row, outcome: NOT_QUEUED[row.category] ?? 'invalid', reason: batchRowText(row) };
  if (!command) return { ...row, outcome: 'discarded' };
  const outcome = BY_STATE[command.state] ?? 'waiting';
  const created = command.result?.created;
  return {
    ...row,
    outcome,
    ...(command.code ? { reason: errorText(command.code) } : {}),
    ...(created !== undefined ? { accountCreated: created } : {}),
    ...(outcome === 'assigned' && !dismissed && command.initialPassword
      ? { initialPassword: command.initialPassword }
      : {}),
  };
}

/** Batch assigns: read a pasted list or a CSV file, plan it on the cache, queue it as one group, report it. */
export const useBatchAssignStore = defineStore('batch-assign', () => {
  const { database, now } = usePortal();
  const session = useSessionStore();
  const outbox = useOutboxStore();
  const licenses = useLicensesStore();
  const users = useUsersStore();
  const queueBatch = useQueueBatch({ session, outbox });
  const stored = useLive<BatchRow[]>(database, (db) => db.batches.toArray(), []);

  const batches = computed<BatchView[]>(() => {
    const commands = new Map(outbox.commands.map((c) => [c.opId, c]));
    const mine = stored.value.value.filter((b) => b.userId === session.user?.id);
    return mine.map((b) => {
      const rows = b.rows.map((r) => resultOf(r, r.opId ? commands.get(r.opId) : undefined, b.dismissedAt));
      const counts: BatchView['counts'] = {};
      for (const r of rows) counts[r.outcome] = (counts[r.outcome] ?? 0) + 1;
      const { groupId, licenseId, createdAt, source } = b;
      return { groupId, licenseId, createdAt, source, dismissed: b.dismissedAt !== undefined, rows, counts };
    });
  });
  const batchOf = (groupId: string) => batches.value.find((b) => b.groupId === groupId);

  /** The rows of a pasted list or a file's text; a list longer than a batch takes is refused whole. */
  async function read(text: string): Promise<{ ok: true; rows: BatchInputRow[] } | { ok: false; message: Text }> {
    const rows = await readBatchInput(text);
    return rows.length > MAX_BATCH_ROWS ? { ok: false, message: batchTooLongText(rows.length) } : { ok: true, rows };
  }

  /** Where each row would end, decided by rule 5 on the cached seats (pending changes included). */
  function plan(licenseId: string, rows: readonly BatchInputRow[]): BatchDecision {
    const license = licenses.byId(licenseId);
    if (!license) return notFound();
    const seats = users.usersFor(licenseId).map((u) => ({ userId: u.id, email: u.email, isManager: u.isManager }));
    return planBatchAssign(license, seats, rows, actorFor(session.user, license));
  }

  /**
   * Queue the rows a fresh plan assigns, in input order, as one group; each new account's initial
   * password is made now (shown in the results, even offline). `source` names the list.
   */
  async function queue(licenseId: string, rows: readonly BatchInputRow[], source: string) {
    const known = new Set(
      (await Promise.all(rows.map(async (r) => ((await users.isKnownEmail(r.email)) ? r.email : null)))).filter(
        (email) => email !== null,
      ),
    );
    return queueBatch(
      () => plan(licenseId, rows),
      ({ plan: planned }: { plan: BatchPlan }) => {
        const seatsUsed = licenses.byId(licenseId)!.seats.used;
        const assigns = planned.rows.filter((r) => r.category === 'assign');
        return {
          commands: assigns.map((r) =>
            draftOf(userAssign, {
              payload: {
                licenseId,
                email: r.email,
                ...(r.firstName ? { firstName: r.firstName } : {}),
                ...(r.lastName ? { lastName: r.lastName } : {}),
                ...(known.has(r.email) ? {} : { initialPassword: generateInitialPassword() }),
              },
              basis: { seatsUsed },
              licenseId,
              subject: r.email,
            }),
          ),
          batch: { groupId: uuidv7(now().getTime()), licenseId, source, rows: planned.rows },
        };
      },
    );
  }

  /**
   * The results file: every input row with its outcome, and the initial passwords of created
   * accounts. A file is data a script may read: its columns, outcome codes and reasons are English
   * whatever the reader's language (the page shows them translated).
   */
  async function resultsCsv(groupId: string): Promise<string> {
    const batch = batchOf(groupId);
    const header = [
      'line',
      'email',
      'first name',
      'last name',
      'outcome',
      'reason',
      'account created',
      'initial password',
    ];
    const yesNo = (v: boolean | undefined) => (v === undefined ? '' : v ? 'yes' : 'no');
    return writeCsv(
      header,
      (batch?.rows ?? []).map((r) => [
        r.line,
        r.email,
        r.firstName,
        r.lastName,
        r.outcome,
        r.reason ? english(r.reason) : '',
        yesNo(r.accountCreated),
        r.accountCreated === false ? '' : r.initialPassword,
      ]),
    );
  }

  /** The manager passed the passwords on: they leave this device. */
  async function dismiss(groupId: string): Promise<void> {
    // The outbox module loads with the sync engine, not with the first page.
    const { dismissBatch } = await import('../sync/outbox');
    await dismissBatch(await database(), groupId, now());
    await Promise.all([stored.refresh(), outbox.reload()]);
  }

  return { batches, batchOf, read, plan, queue, resultsCsv, dismiss };
});
