import { useIntervalFn } from '@vueuse/core';
import { defineStore } from 'pinia';
import { computed, onScopeDispose, ref } from 'vue';
import type { LeaseRow, OutboxRow, OutcomeRow, SyncMeta } from '../schemas';
import { EMPTY_SYNC_META, readSyncMeta } from '../db';
import type { CancelOutcome } from '../sync/outbox';
import type { RunResult } from '../sync/sender';

export type { CancelOutcome };
import { deriveViews, ownRows, PENDING_STATES, type CommandView } from '../sync/state';
import { basisNow } from '../commands';
import { usePortal } from '../composables/portal';
import { useLive } from '../composables/live';
import { useSessionStore } from './session';

interface OutboxData {
  rows: OutboxRow[];
  outcomes: OutcomeRow[];
  leases: LeaseRow[];
  sync: SyncMeta;
}
const EMPTY: OutboxData = { rows: [], outcomes: [], leases: [], sync: EMPTY_SYNC_META };

/**
 * Every queued command and its state, for the Changes view and the pending badges. Watches the
 * outbox with liveQuery, so a tab that is not the sender still sees progress and outcomes.
 */
export const useOutboxStore = defineStore('outbox', () => {
  const { database, engine, now, firstPaint } = usePortal();
  const session = useSessionStore();
  /** Whose commands this device shows and sends: the signed-in user's (reactive, unlike portal.auth). */
  const userId = computed(() => (session.signedIn ? (session.user?.id ?? null) : null));
  const live = useLive<OutboxData>(
    database,
    async (db) => {
      const [rows, outcomes, leases, sync] = await Promise.all([
        db.outbox.toArray(),
        db.outcomes.toArray(),
        db.leases.toArray(),
        readSyncMeta(db),
      ]);
      return { rows, outcomes, leases, sync };
    },
    firstPaint?.outbox ?? EMPTY,
  );
  // Leases expire and backoff ends with time, not with a write: re-derive every few seconds.
  const clock = ref(now());
  useIntervalFn(() => (clock.value = now()), 5_000);

  const syncing = ref(engine.status().syncing);
  const progress = ref(engine.status().progress);
  const lastRun = ref<RunResult | null>(null);
  const off = engine.onStatus((s) => {
    syncing.value = s.syncing;
    progress.value = s.progress;
    lastRun.value = s.last;
    void live.refresh();
  });
  onScopeDispose(() => off());

  /**
   * The signed-in user's commands only. Another account's rows (queued here before a sign-out)
   * carry their payloads (initial passwords too): they are counted, never shown or applied.
   */
  const mine = computed(() => ownRows(live.value.value.rows, userId.value));
  const commands = computed<CommandView[]>(() =>
    deriveViews({ ...live.value.value, rows: mine.value, userId: userId.value, now: clock.value }),
  );
  /** Other accounts' commands still waiting (or refused) on this device: a count, nothing more. */
  const otherAccountsCount = computed(() => {
    const others = live.value.value.rows.filter((r) => r.userId !== userId.value);
    const views = deriveViews({ ...live.value.value, rows: others, userId: userId.value, now: clock.value });
    return views.filter((v) => v.state !== 'applied' && v.state !== 'already_done').length;
  });
  /** The signed-in user's commands that wait for a sign-in (the "Sign in to sync N changes" prompt). */
  const blockedCount = computed(() => commands.value.filter((c) => c.state === 'blocked_auth').length);
  const pending = computed(() => commands.value.filter((c) => PENDING_STATES.includes(c.state)));
  const pendingCount = computed(() => pending.value.length);
  /** Another tab holds a live lease: it is sending. */
  const sendingElsewhere = computed(() => commands.value.some((c) => c.state === 'sending'));
  const lastSyncAt = computed(() => live.value.value.sync.lastSyncAt);
  const nextRetryAt = computed(() => live.value.value.sync.nextRetryAt);
  const lastError = computed(() => live.value.value.sync.lastError);
  const needsAttention = computed(() => commands.value.filter((c) => c.state === 'rejected' || c.state === 'conflict'));

  function pendingFor(licenseId: string): CommandView[] {
    return pending.value.filter((c) => c.licenseId === licenseId);
  }

  /**
   * Rows whose effect the cache fetched at `fetchedAt` does not show yet: every pending command,
   * and successes settled after that fetch (the pull that will show them is on its way).
   */
  function effectiveRows(fetchedAt: string | null): OutboxRow[] {
    const since = fetchedAt ? Date.parse(fetchedAt) : Number.NEGATIVE_INFINITY;
    const views = new Map(commands.value.map((c) => [c.opId, c]));
    return mine.value
      .filter((row) => {
        const v = views.get(row.opId);
        if (!v) return false;
        if (PENDING_STATES.includes(v.state)) return true;
        return (
          (v.state === 'applied' || v.state === 'already_done') && !!v.settledAt && Date.parse(v.settledAt) > since
        );
      })
      .sort((a, b) => a.seq - b.seq);
  }

  const reload = () => live.refresh();

  async function syncNow() {
    const result = await engine.syncNow({ force: true });
    await reload();
    return result;
  }
  async function retry(opId: string) {
    const next = await engine.retry(opId);
    await reload();
    return next;
  }
  async function discard(opId: string) {
    const done = await engine.discard(opId);
    await reload();
    return done;
  }
  /** Take back a waiting change: the cache and gauges go back, nothing is sent (see cancelCommand). */
  async function cancel(opId: string) {
    const done = await engine.cancel(opId);
    await reload();
    return done;
  }
  /** The manager passed a done command's initial password on: it leaves this device now. */
  async function dismissPassword(opId: string) {
    const done = await engine.dismissPassword(opId);
    await reload();
    return done;
  }
  /** Conflict -> queued again with the basis the user now agreed to (see the stores' previews). */
  async function confirm(opId: string) {
    const db = await database();
    const row = await db.outbox.where('opId').equals(opId).first();
    if (!row) return null;
    const next = await engine.confirm(opId, await basisNow(db, row));
    await reload();
    return next;
  }

  /** Whether a settled assign found the account there already (it keeps its own password). */
  const accountExisted = (opId: string): boolean =>
    commands.value.some((c) => c.opId === opId && c.accountExisted === true);

  return {
    cached: live.value,
    accountExisted,
    clock,
    commands,
    pending,
    pendingCount,
    pendingFor,
    needsAttention,
    otherAccountsCount,
    blockedCount,
    syncing,
    sendingElsewhere,
    progress,
    lastRun,
    lastSyncAt,
    nextRetryAt,
    lastError,
    effectiveRows,
    reload,
    syncNow,
    retry,
    discard,
    cancel,
    dismissPassword,
    confirm,
    start: () => engine.start(),
    stop: () => engine.stop(),
  };
});
