/**
 * The bare baseline of the status suite: Hono on @hono/node-server with one better-sqlite3
 * prepared SELECT by primary key on a licenses-like table, answered as JSON. No middleware, no
 * session check: the most a Node server on this machine does for one indexed read.
 * Run as its own process (like the real server) so it does not share the load tool's thread.
 */
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Hono } from 'hono';
import { serve } from '@hono/node-server';

const db = new SQLite(join(mkdtempSync(join(tmpdir(), 'seat-bare-')), 'bare.db'));
db.pragma('journal_mode = WAL');
db.exec(`CREATE TABLE licenses (
  id TEXT PRIMARY KEY, company_id TEXT NOT NULL, name TEXT NOT NULL, status TEXT NOT NULL,
  valid_until TEXT, quantity INTEGER NOT NULL, max_activations INTEGER, active_devices INTEGER NOT NULL,
  deactivation_count INTEGER NOT NULL, created_at TEXT NOT NULL)`);
const insert = db.prepare('INSERT INTO licenses VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
db.transaction(() => {
  for (let i = 0; i < 1000; i++) {
    const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
    insert.run(`lic-${i}`, 'company-1', `License ${i}`, 'active', at, 3, 5, i % 5, i % 3, at);
  }
})();
const byId = db.prepare('SELECT * FROM licenses WHERE id = ?');

const app = new Hono();
app.get('/license/:id', (c) => {
  const row = byId.get(c.req.param('id'));
  return row ? c.json({ license: row }) : c.json({ code: 'not_found' }, 404);
});
const server = serve({ fetch: app.fetch, port: 0 }, () => {
  console.log(`bare server listening on ${(server.address() as AddressInfo).port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
