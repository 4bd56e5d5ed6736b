import type { PortalDb } from '@shared/db';
import { createListService, type ListRequest } from './list-service';

/** Asks the lists' index (list-service.ts): in a worker where the browser has them, else in the page. */
export interface ListClient {
  /** In a worker: its reads take the database's time, so a page starts them after its first screen. */
  inWorker: boolean;
  request<T>(request: ListRequest, onChunk?: (text: string) => void): Promise<T>;
}

let worker: ListClient | null = null;
const inPages = new WeakMap<() => Promise<PortalDb>, ListClient>();

/**
 * The page's list client: one worker for every list (so each list is read once), or one per portal
 * in the page. The worker opens the database by its name itself, without waiting for the page's.
 */
export function listClient(database: () => Promise<PortalDb>, name: string): ListClient {
  if (typeof Worker === 'function' && import.meta.env.MODE !== 'test') return (worker ??= inWorker(name));
  let client = inPages.get(database);
  if (!client) inPages.set(database, (client = inPage(database)));
  return client;
}

function inPage(database: () => Promise<PortalDb>): ListClient {
  const service = createListService(database);
  return { inWorker: false, request: (request, onChunk) => service.handle(request, onChunk) as Promise<never> };
}

function inWorker(name: string): ListClient {
  const worker = new Worker(new URL('./list-worker.ts', import.meta.url), { type: 'module', name: 'lists' });
  let next = 0;
  const waiting = new Map<
    number,
    { resolve(value: unknown): void; reject(error: Error): void; onChunk?: (text: string) => void }
  >();
  worker.onmessage = (event: MessageEvent<{ id: number; chunk?: string; value?: unknown; error?: string }>) => {
    const { id, chunk, value, error } = event.data;
    const one = waiting.get(id);
    if (!one) return;
    if (chunk !== undefined) return one.onChunk?.(chunk);
    waiting.delete(id);
    if (error !== undefined) one.reject(new Error(error));
    else one.resolve(value);
  };
  return {
    inWorker: true,
    async request<T>(request: ListRequest, onChunk?: (text: string) => void): Promise<T> {
      const id = ++next;
      return new Promise<T>((resolve, reject) => {
        waiting.set(id, { resolve: resolve as (value: unknown) => void, reject, onChunk });
        worker.postMessage({ id, name, request });
      });
    },
  };
}
