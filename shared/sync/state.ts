import { commandOf, type CommandBody } from '../commands';
import { messageFor } from '../domain';
import type { CommandResult, LeaseRow, OutboxRow, OutcomeRow, SyncMeta } from '../schemas';
import { initialPasswordIsDue } from './initial-password';

export const COMMAND_STATES = [
  'queued',
  'sending',
  'waiting',
  'blocked_auth',
  'applied',
  'already_done',
  'rejected',
  'conflict',
] as const;
export type CommandState = (typeof COMMAND_STATES)[number];

/** States in which a command still waits to reach the server. */
export const PENDING_STATES: readonly CommandState[] = ['queued', 'sending', 'waiting', 'blocked_auth'];
/** States that need the user: retry or discard (rejected), confirm or discard (conflict). */
const NEEDS_USER: readonly CommandState[] = ['rejected', 'conflict'];

/** A command's kind with the payload of that kind: narrowing on `kind` types the payload. */

/** One command as the "Changes" view shows it. */
export type CommandView = CommandBody & CommandViewState;

interface CommandViewState {
  opId: string;
  seq: number;
  licenseId: string;
  /** What the command does, in words (e.g. "Reset device build-01"). */
  label: string;
  /** What it acts on (a hostname, an email), when the store that queued it said. */
  subject?: string;
  state: CommandState;
  code?: string;
  message?: string;
  /** The earlier refused command of the same license this one waits for. */
  heldBy?: string;
  /** An initial password the manager must pass on (client-generated, or returned once by the server). */
  initialPassword?: string;
  /** The batch it was queued with (a batch assign): the Changes view shows them as one group. */
  groupId?: string;
  /** The server said the email already had an account (`created: false`): no initial password applies. */
  accountExisted?: boolean;
  /**
   * Sent, but no answer came back (connection lost, timeout, 5xx, a tab closed mid-send): it may
   * have changed the server. It is sent again to learn its outcome and cannot be discarded before.
   */
  maybeApplied?: boolean;
  result?: CommandResult;
  createdAt: string;
  settledAt?: string;
}

/** Everything the state of a command is derived from: rows are written per batch, not per command. */
export interface OutboxSnapshot {
  rows: readonly OutboxRow[];
  outcomes: readonly OutcomeRow[];
  leases: readonly LeaseRow[];
  sync: SyncMeta;
  /** The signed-in user: other users' commands wait for them to sign in. */
  userId: string | null;
  now: Date;
}

type Outcome = {
  outcome: Exclude<CommandState, 'queued' | 'sending' | 'waiting' | 'blocked_auth'>;
  code?: string;
  message?: string;
  result?: CommandResult;
  settledAt: string;
};

/** Each opId's answer in the batch outcome rows (deriveViews prefers a row's folded `settled`). */
export function outcomeIndex(outcomes: readonly OutcomeRow[]): Map<string, Outcome> {
  const index = new Map<string, Outcome>();
  for (const batch of outcomes) {
    for (const r of batch.results) index.set(r.opId, { ...r, settledAt: batch.settledAt });
  }
  return index;
}

/** opIds under a lease that has not expired: a tab is sending them right now. */
function leasedOpIds(leases: readonly LeaseRow[], now: Date): Set<string> {
  const ids = new Set<string>();
  for (const lease of leases)
    if (Date.parse(lease.expiresAt) > now.getTime()) for (const id of lease.opIds) ids.add(id);
  return ids;
}

/**
 * opIds sent in a batch that got no answer: the lease expired or the request failed in a way that
 * may have reached the server. Until their outcome is known, discarding them could hide a change
 * that did happen.
 */
function unansweredOpIds(leases: readonly LeaseRow[], now: Date): Set<string> {
  const ids = new Set<string>();
  for (const lease of leases)
    if (Date.parse(lease.expiresAt) <= now.getTime()) for (const id of lease.opIds) ids.add(id);
  return ids;
}

/**
 * The state of every command, in seq order: outcome > lease > auth block > backoff > queued.
 * A rejected or conflicting command holds the later commands of its license (they stay queued,
 * with `heldBy`), and no other license's.
 */
export function deriveViews(snapshot: OutboxSnapshot, opts: { ignoreBackoff?: boolean } = {}): CommandView[] {
  const outcomes = outcomeIndex(snapshot.outcomes);
  const leased = leasedOpIds(snapshot.leases, snapshot.now);
  const unanswered = unansweredOpIds(snapshot.leases, snapshot.now);
  const waiting =
    !opts.ignoreBackoff &&
    snapshot.sync.nextRetryAt !== null &&
    Date.parse(snapshot.sync.nextRetryAt) > snapshot.now.getTime();
  const holders = new Map<string, string>();
  const rows = [...snapshot.rows].sort((a, b) => a.seq - b.seq);
  return rows.map((row) => {
    const view: CommandView = {
      ...bodyOf(row),
      opId: row.opId,
      seq: row.seq,
      licenseId: row.licenseId,
      label: row.label ?? row.kind,
      state: 'queued',
      createdAt: row.createdAt,
    };
    if (row.groupId) view.groupId = row.groupId;
    if (row.subject) view.subject = row.subject;
    const password = commandOf(row).initialPassword(row);
    const settled = row.settled ?? outcomes.get(row.opId);
    if (settled) {
      Object.assign(view, { state: settled.outcome, settledAt: settled.settledAt });
      if (settled.code) view.code = settled.code;
      if (settled.message) view.message = settled.message;
      if ('result' in settled && settled.result) view.result = settled.result;
      // An existing account keeps its own password: the one queued with the assign never applied.
      if (view.result?.created === false) view.accountExisted = true;
      const shown = view.accountExisted ? undefined : (password ?? view.result?.initialPassword);
      // Past its time it is no longer shown, even before compaction removes it from the device.
      const kept = !initialPasswordIsDue(settled, snapshot.now);
      if (shown && kept && (settled.outcome === 'applied' || NEEDS_USER.includes(settled.outcome)))
        view.initialPassword = shown;
      if (NEEDS_USER.includes(settled.outcome) && !holders.has(row.licenseId)) holders.set(row.licenseId, row.opId);
      return view;
    }
    if (password) view.initialPassword = password;
    if (unanswered.has(row.opId)) view.maybeApplied = true;
    const holder = holders.get(row.licenseId);
    if (leased.has(row.opId)) view.state = 'sending';
    else if (snapshot.sync.blockedAuth || snapshot.userId !== row.userId) view.state = 'blocked_auth';
    else if (holder)
      Object.assign(view, {
        heldBy: holder,
        code: 'held_by_earlier_change',
        message: messageFor('held_by_earlier_change'),
      });
    else if (waiting) view.state = 'waiting';
    return view;
  });
}

/** A row's kind and payload, which its schema keeps together (TypeScript loses that across the spread). */
function bodyOf(row: OutboxRow): CommandBody {
  return { kind: row.kind, payload: row.payload } as CommandBody;
}

/** The commands one sender may send now, in seq order (not leased, not held, signed-in user's). */
export function sendable(snapshot: OutboxSnapshot, limit: number): OutboxRow[] {
  // Another account's refused command never holds ours: only the signed-in user's rows count.
  const rows = ownRows(snapshot.rows, snapshot.userId);
  const views = deriveViews({ ...snapshot, rows }, { ignoreBackoff: true });
  const ready = new Set(views.filter((v) => v.state === 'queued' && !v.heldBy).map((v) => v.opId));
  return [...rows]
    .sort((a, b) => a.seq - b.seq)
    .filter((r) => ready.has(r.opId))
    .slice(0, limit);
}

/** The rows queued by `userId` (none when nobody is signed in). */
export function ownRows(rows: readonly OutboxRow[], userId: string | null): OutboxRow[] {
  return userId === null ? [] : rows.filter((r) => r.userId === userId);
}
