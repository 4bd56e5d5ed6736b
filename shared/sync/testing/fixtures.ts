import { createApiClient } from '../../api';
import { PortalDb } from '../../db';
import type { Command, SyncResult } from '../../schemas';
import { createSyncEngine, type SyncEngineOptions } from '../engine';

/** Test-only helpers (imported by *.test.ts files only). */

let dbCounter = 0;
/** A fresh fake-indexeddb database per test. */
export function freshDb(): PortalDb {
  dbCounter += 1;
  return new PortalDb(`seat-portal-test-${dbCounter}-${Math.random().toString(36).slice(2)}`);
}

export type SyncHandler = (commands: Command[]) => Response | Promise<Response>;

/** A local fetch answering POST /api/v1/sync with `handler` (scripted transport failures and answers). */
export function scriptedApi(handler: SyncHandler) {
  const requests: Command[][] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = String(input instanceof Request ? input.url : input);
    if (!url.endsWith('/api/v1/sync')) return json({ code: 'not_found', message: 'no' }, 404);
    const text = init?.body ?? (input instanceof Request ? await input.text() : '');
    const body = JSON.parse(typeof text === 'string' ? text : new TextDecoder().decode(text as ArrayBuffer)) as {
      commands: Command[];
    };
    requests.push(body.commands);
    return handler(body.commands);
  };
  const api = createApiClient({
    baseURL: 'http://portal.test',
    getToken: () => 'token-for-tests-0123456789',
    fetch: fetch as typeof globalThis.fetch,
  });
  return { api, requests };
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

/** Answer every command with the same outcome (or per command via a function). */
export function answer(outcome: SyncResult['outcome'] | ((c: Command) => Omit<SyncResult, 'opId'>)): SyncHandler {
  return (commands) =>
    json({
      results: commands.map((c) => ({
        opId: c.opId,
        ...(typeof outcome === 'function'
          ? outcome(c)
          : { outcome, ...(outcome === 'rejected' ? { code: 'deactivation_limit_reached', message: 'limit' } : {}) }),
      })),
    });
}

/** A controllable clock. */
export function clock(start = '2030-01-01T00:00:00.000Z') {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) };
}

export function engineFor(db: PortalDb, api: SyncEngineOptions['api'], overrides: Partial<SyncEngineOptions> = {}) {
  let userId: string | null = 'u-manager';
  const engine = createSyncEngine({
    db,
    api,
    userId: () => userId,
    clientId: 'client-test',
    random: () => 0,
    pull: false,
    ...overrides,
  });
  return { engine, signAs: (id: string | null) => (userId = id) };
}

/** `device.reset` of `deviceId` on license `licenseId`. */
export const deviceReset = (deviceId: string, licenseId = 'lic-1') => ({
  kind: 'device.reset' as const,
  payload: { deviceId },
  basis: { deviceActive: true, deactivationCount: 0 },
  licenseId,
  label: `Reset device ${deviceId}`,
});
