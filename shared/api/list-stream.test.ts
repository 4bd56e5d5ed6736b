import { describe, expect, it } from 'vitest';
import { DeviceSchema, type Device } from '../schemas';
import { FIRST_BATCH, STREAM_BATCH, streamList } from './list-stream';

const device = (n: number): Device => ({
  id: `d-${n}`,
  licenseId: 'lic-1',
  userId: 'u-1',
  userEmail: 'dev@codeglass.example',
  hardwareId: `HW-${n}`,
  hostname: `host-${n}`,
  os: 'Windows 11',
  firstActivatedAt: '2030-01-01T00:00:00.000Z',
  lastCheckedAt: '2030-01-01T00:00:00.000Z',
  active: true,
  deactivatedAt: null,
});

/** A server answering `text` in pieces of `size` characters, cut wherever they fall (mid-line too). */
function answering(text: string, size: number, type = 'application/x-ndjson') {
  const bytes = new TextEncoder().encode(text);
  const asked: string[] = [];
  const fetch = (async (url: RequestInfo | URL) => {
    asked.push(String(url));
    let at = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (at >= bytes.length) return controller.close();
        controller.enqueue(bytes.slice(at, (at += size)));
      },
    });
    return new Response(body, { headers: { 'content-type': type } });
  }) as typeof globalThis.fetch;
  return {
    target: { fetch, url: 'http://portal.test/api/v1/licenses/lic-1/devices?format=ndjson', token: 't' },
    asked,
  };
}

const ndjson = (devices: Device[]) =>
  [JSON.stringify({ removed: [], cursor: 'c-9', full: true }), ...devices.map((d) => JSON.stringify(d))].join('\n') +
  '\n';

describe('a whole list received as NDJSON', () => {
  it('hands every row on once, a first screen first, then in large batches, however the bytes are cut, and returns the cursor', async () => {
    const devices = Array.from({ length: FIRST_BATCH + STREAM_BATCH + 7 }, (_, n) => device(n));
    const { target } = answering(ndjson(devices), 997);
    const batches: Device[][] = [];
    const head = await streamList(target, 'devices', DeviceSchema, async (rows) => void batches.push(rows));
    expect(head).toEqual({ ok: true, data: { removed: [], cursor: 'c-9', full: true } });
    expect(batches.map((b) => b.length)).toEqual([FIRST_BATCH, STREAM_BATCH, 7]);
    expect(batches.flat()).toEqual(devices);
  });

  it('fails on a row that is not a device', async () => {
    const text = ndjson([device(1)]) + JSON.stringify({ id: 'd-2' }) + '\n';
    const result = await streamList(answering(text, 50).target, 'devices', DeviceSchema, async () => undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_response' } });
  });

  it('takes a server that answers one JSON document, handing its rows on all the same', async () => {
    const text = JSON.stringify({ devices: [device(1), device(2)], removed: [], cursor: 'c-1', full: true });
    const { target } = answering(text, 64, 'application/json');
    const batches: Device[][] = [];
    const head = await streamList(target, 'devices', DeviceSchema, async (rows) => void batches.push(rows));
    expect(head).toMatchObject({ ok: true, data: { cursor: 'c-1' } });
    expect(batches.flat().map((d) => d.id)).toEqual(['d-1', 'd-2']);
  });
});
