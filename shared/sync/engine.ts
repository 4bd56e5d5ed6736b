import type { ApiClient } from '../api';
import { MAX_BATCH, type BatchRow, type Command } from '../schemas';
import { ensureClientId, patchSyncMeta, readSyncMeta, type PortalDb } from '../db';
import { dismissInitialPassword } from './dismiss-password';
import { withSenderLock } from './lock';
import {
  compactOutbox,
  confirmCommand,
  cancelCommand,
  discardCommand,
  enqueue,
  enqueueBatch,
  retryCommand,
  type NewCommand,
} from './outbox';
import { pullFresh } from './pull';
import { sendAll, type RunResult } from './sender';
import { uuidv7 } from './uuid7';

export interface SyncEngineOptions {
  db: PortalDb;
  api: Pick<ApiClient, 'sync' | 'licenses' | 'devices' | 'users'>;
  /** The signed-in user (null = nobody): only their commands are sent. */
  userId: () => string | null;
  clientId?: string;
  now?: () => Date;
  random?: () => number;
  /**
   * Commands per POST /sync: as many as the server takes (1,000), so a full outbox is one request,
   * one commit on the server and one IndexedDB write of its outcomes.
   */
  batchSize?: number;
  /** `user.assign` per POST /sync at most (new accounts are slow to create on the server). */
  maxAssignsPerBatch?: number;
  /** How long a batch stays claimed by a tab that may have died mid-send. */
  leaseMs?: number;
  /** Periodic wake-up while started. */
  intervalMs?: number;
  /** Compaction runs this long after a run settled something (it is off the hot path). */
  compactDelayMs?: number;
  /**
   * Compaction also runs this often while started (default hourly), so an app left open removes
   * initial passwords on time even when it sends nothing.
   */
  compactEveryMs?: number;
  /** Pull fresh state of touched licenses after a run (off only in the benchmark). */
  pull?: boolean;
}

export interface SyncStatus {
  syncing: boolean;
  progress: { done: number; total: number };
  last: RunResult | null;
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;

/** The outbox engine: enqueue, one sender across tabs, backoff, wake on `online`, pull, compaction. */
export function createSyncEngine(options: SyncEngineOptions) {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const owner = uuidv7();
  const listeners = new Set<(s: SyncStatus) => void>();
  const status: SyncStatus = { syncing: false, progress: { done: 0, total: 0 }, last: null };
  let clientId: Promise<string> | null = options.clientId ? Promise.resolve(options.clientId) : null;
  let running: Promise<RunResult | null> | null = null;
  /** A wake-up that came while a run was going: it runs once more when that run ends. */
  let wokenDuringRun: { force: boolean } | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let compactTimer: ReturnType<typeof setTimeout> | undefined;
  let interval: ReturnType<typeof setInterval> | undefined;
  let compactInterval: ReturnType<typeof setInterval> | undefined;
  let started = false;

  const emit = (patch: Partial<SyncStatus>) => {
    Object.assign(status, patch);
    for (const l of listeners) l({ ...status });
  };
  const getClientId = () => (clientId ??= ensureClientId(db, () => uuidv7()));

  async function run(): Promise<RunResult | null> {
    const locked = await withSenderLock(async () => {
      emit({ syncing: true, progress: { done: 0, total: 0 } });
      try {
        const result = await sendAll({
          db,
          api: options.api,
          clientId: await getClientId(),
          userId: options.userId(),
          owner,
          now,
          random: options.random ?? Math.random,
          batchSize: options.batchSize ?? MAX_BATCH,
          ...(options.maxAssignsPerBatch ? { maxAssignsPerBatch: options.maxAssignsPerBatch } : {}),
          leaseMs: options.leaseMs ?? 60_000,
          onProgress: (done, total) => emit({ progress: { done, total } }),
        });
        if (result.licenseIds.length && options.pull !== false)
          await pullFresh(db, options.api, result.licenseIds, now());
        if (result.kind === 'backoff') schedule(result.retryAt);
        if (result.sent > 0) scheduleCompaction();
        return result;
      } finally {
        emit({ syncing: false });
      }
    });
    if (locked) emit({ last: locked });
    return locked;
  }

  /** Send now. `force` ignores a running backoff (the user pressed "Sync now", or `online` fired). */
  async function syncNow(opts: { force?: boolean } = { force: true }): Promise<RunResult | null> {
    if (running) {
      // What was queued after the running sender read the outbox (or an `online` that fired
      // meanwhile) must not wait for the next periodic wake-up: run once more right after.
      wokenDuringRun = { force: (wokenDuringRun?.force ?? false) || opts.force === true };
      return running;
    }
    // Automatic wake-ups skip a browser that knows it is offline: `online` wakes us.
    if (!opts.force && globalThis.navigator?.onLine === false) return null;
    if (!opts.force) {
      const sync = await readSyncMeta(db);
      if (sync.nextRetryAt && Date.parse(sync.nextRetryAt) > now().getTime()) return null;
    } else {
      await patchSyncMeta(db, { nextRetryAt: null });
    }
    running = run().finally(() => {
      running = null;
      const again = wokenDuringRun;
      wokenDuringRun = null;
      if (again && started) void syncNow(again);
    });
    return running;
  }

  function schedule(at: Date) {
    clearTimeout(retryTimer);
    if (!started) return;
    retryTimer = setTimeout(() => void syncNow({ force: false }), Math.max(0, at.getTime() - now().getTime()));
  }

  function scheduleCompaction() {
    clearTimeout(compactTimer);
    if (started) compactTimer = setTimeout(() => void compactOutbox(db, now()), options.compactDelayMs ?? 5_000);
  }

  const onOnline = () => void syncNow({ force: true });

  return {
    status: () => ({ ...status }),
    onStatus(listener: (s: SyncStatus) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    clientId: getClientId,
    /** Queue a command for the signed-in user; wakes the sender when started. */
    async enqueue(command: NewCommand) {
      return wakeSoon(await enqueue(db, command, await enqueueContext()));
    },
    /** Queue a batch's commands and the batch, in one transaction; wakes the sender like `enqueue`. */
    async enqueueBatch(commands: readonly NewCommand[], batch: Omit<BatchRow, 'userId' | 'createdAt'>) {
      return wakeSoon(await enqueueBatch(db, commands, batch, await enqueueContext()));
    },
    syncNow,
    retry: async (opId: string) => wake(await retryCommand(db, opId, now())),
    confirm: async (opId: string, basis: Command['basis']) => wake(await confirmCommand(db, opId, basis, now())),
    discard: (opId: string) => discardCommand(db, opId),
    /** Take back a command still waiting to be sent (never one in flight). */
    cancel: (opId: string) => cancelCommand(db, opId),
    /** A done command's initial password leaves the device now (the manager passed it on). */
    dismissPassword: (opId: string) => dismissInitialPassword(db, opId),
    compact: () => compactOutbox(db, now()),
    /** After a sign-in: lift the 401 block and send what waited. */
    async resumeAfterSignIn() {
      await patchSyncMeta(db, { blockedAuth: false, lastError: null });
      return syncNow({ force: true });
    },
    /**
     * Resume on start: compact, send what is queued, then wake on `online` and periodically. An app
     * that opens online sends at once: a backoff left by the last session (offline then) is stale.
     */
    start() {
      if (started) return;
      started = true;
      globalThis.addEventListener?.('online', onOnline);
      interval = setInterval(() => void syncNow({ force: false }), options.intervalMs ?? 60_000);
      compactInterval = setInterval(() => void compactOutbox(db, now()), options.compactEveryMs ?? 3_600_000);
      const online = globalThis.navigator?.onLine !== false;
      void compactOutbox(db, now()).then(() => syncNow({ force: online }));
    },
    stop() {
      started = false;
      globalThis.removeEventListener?.('online', onOnline);
      clearInterval(interval);
      clearInterval(compactInterval);
      clearTimeout(retryTimer);
      clearTimeout(compactTimer);
    },
  };

  /** Who queues, from which client, when: the signed-in user. */
  async function enqueueContext() {
    const userId = options.userId();
    if (!userId) throw new Error('enqueue needs a signed-in user'); // a bug: stores check first
    return { clientId: await getClientId(), userId, now: now() };
  }

  /** After a queueing: the sender runs soon (not forced: a backoff still holds). */
  function wakeSoon<T>(value: T): T {
    if (started) queueMicrotask(() => void syncNow({ force: false }));
    return value;
  }

  function wake<T>(value: T): T {
    if (value && started) queueMicrotask(() => void syncNow({ force: true }));
    return value;
  }
}
