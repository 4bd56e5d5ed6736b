/// <reference lib="webworker" />
import { PortalDb } from '@shared/db';
import { createListService, type ListRequest } from './list-service';

/**
 * The lists' indexes in a worker (see list-service.ts): it opens the page's database itself, so
 * reading 100,000 rows, applying the pending commands and filtering them never hold up the page.
 * Messages: `{ id, name, request }` in; `{ id, chunk }` (a CSV's text) and `{ id, value }` or
 * `{ id, error }` out.
 */
declare const self: DedicatedWorkerGlobalScope;

let db: PortalDb | null = null;
const service = createListService(async () => db!);

self.onmessage = (event: MessageEvent<{ id: number; name: string; request: ListRequest }>) => {
  const { id, name, request } = event.data;
  if (!db || db.name !== name) {
    db?.close();
    db = new PortalDb(name);
    void service.handle({ type: 'forget' });
  }
  service
    .handle(request, (chunk) => self.postMessage({ id, chunk }))
    .then(
      (value) => self.postMessage({ id, value }),
      (error: unknown) => self.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
    );
};
